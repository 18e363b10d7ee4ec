package org.shifrovka.lesson;

import java.util.List;
import org.shifrovka.lesson.Explanations.Text;

/**
 * What the stages of the systems other than the codebook say to a class, in the same form as
 * {@link Explanations}: what the clerk or agent did, then which of it is documented (citing the
 * sections of {@code period-telegraphy.md} and their source keys) and which is inferred.
 */
final class SystemExplanations {
  private SystemExplanations() {}

  static Text telegraphCode(String table, int characters, String first, String code) {
    return new Text("A Chinese telegram could not be keyed in letters, so the clerk looked each"
        + " character up in the Chinese telegraph code book and wrote its four digits: " + first
        + " is " + code + ", on page " + code.substring(0, 2) + ", row " + code.charAt(2)
        + ", column " + code.charAt(3) + " of the book. This message makes " + characters
        + " groups from the " + table + " table. The four-digit code and its pages of 10 by 10"
        + " characters are documented; Mao's messages to Stalin were in fact translated into"
        + " Russian before enciphering, so sending the code groups under the Soviet pad is a"
        + " classroom composition (inferred).",
        List.of(Source.of("§5.1", "WP-CTC"), Source.of("§5.3", "WC-JUL17-1948", "WC-50513")),
        true);
  }

  static Text telegraphCodeRead(int groups, boolean same) {
    return new Text("The deciphered text is the " + groups + " telegraph code groups again; the"
        + " receiving clerk looks each one up in the same book to write the character."
        + (same ? " Every character came back as sent." : " A garbled group leaves a gap: the"
            + " group has to be asked for again.") + " The look-up is documented; a Soviet"
        + " office reading Chinese code groups is inferred.",
        List.of(Source.of("§5.1", "WP-CTC"), Source.of("§5.3")), true);
  }

  static Text checkerboard(boolean russian, int letters, int digits, String topRow) {
    return new Text("The agent wrote the message on a straddling checkerboard: a letter of the"
        + " top row (" + topRow + ") is its column digit alone, any other letter the digit of its"
        + " row and then its column, and a number goes between two figure shifts with each digit"
        + " written three times. No one-digit code begins a two-digit one, so the stream needs no"
        + " separators: " + letters + " characters became " + digits + " digits. The board and"
        + " its rules are documented" + (russian ? ", this one exactly as in the VIC cipher"
            : "; this English layout is the textbook one") + "; spaces are not sent and the"
        + " choice of board here is the class's (inferred).",
        russian ? List.of(Source.of("§6.1", "KAHN-CB"), Source.of("§6.2", "KAHN-VIC",
            "ALISTAIR-VIC")) : List.of(Source.of("§6.1", "KAHN-CB", "GRIMORE")), true);
  }

  static Text checkerboardGroups(int groups, int fill) {
    return new Text("The digits are cut into groups of five, as for any cipher telegram: "
        + groups + " groups" + (fill > 0 ? ", the last completed with " + fill + " filler digit"
            + (fill == 1 ? "" : "s") + " that begin a code and never finish it, so the reader"
            + " sees where the text ends" : "") + ". These groups now take the place of code"
        + " groups: the office's one-time pad is added to them exactly as to code. Agents did"
        + " add a key to checkerboard digits (Sorge a stream from a statistical yearbook, Foote a"
        + " published book), in groups of five. The one-time pad sheet with an indicator here and"
        + " the filler are this project's composition (inferred).",
        List.of(Source.of("§6.1", "GREBENNIKOV-SORGE", "FOOTE-APPX"), Source.of("§2.1",
            "SMITHSONIAN")), true);
  }

  static Text decipherDigits(String indicator, int sheet, int problems) {
    return new Text("At the other end the clerk reads the indicator " + indicator
        + (sheet > 0 ? ", takes sheet " + sheet + " of the same pad book" : ", finds no sheet")
        + " and subtracts its groups digit by digit, mod 10. What comes out is not code but the"
        + " checkerboard's digits, filler included, for the next stage to read." + (problems > 0
            ? " This run reported " + problems + " problem" + (problems == 1 ? "" : "s") + "."
            : "") + " The subtraction is the documented pad procedure; its use on a"
        + " checkerboard is inferred.",
        List.of(Source.of("§2.2"), Source.of("§6.1", "GREBENNIKOV-SORGE")), true);
  }

  static Text checkerboardRead(boolean same, boolean read) {
    return new Text("The receiver reads the digits back on the same board: a digit that heads a"
        + " row takes the next digit with it, a figure shift opens and closes a number, and the"
        + " unfinished code at the end is filler. " + (same ? "The text came back as sent."
            : read ? "The text differs from what was sent." : "The digits do not read: a"
                + " garbled digit throws every later letter out of step, which is why"
                + " checkerboard traffic was repeated whole.") + " Reading the board is"
        + " documented; the end-of-text filler is inferred.",
        List.of(Source.of("§6.1", "KAHN-CB")), true);
  }

  static Text transposition(boolean first, String key, int width, int rows) {
    return new Text((first ? "The agent wrote the checkerboard's digits in rows under the first"
        + " key" : "He wrote the result again under the second key") + ", " + key + ", " + width
        + " columns and " + rows + " rows (the last one may be short), and read the columns off"
        + " top to bottom in the order of the key's letters, equal letters left to right."
        + (first ? " The digits are now in a different order, none changed."
            : " Two transpositions scatter neighbouring digits far apart; the result goes out in"
                + " groups of five.")
        + " Columnar transposition is the standard algorithm; VIC used a disrupted second"
        + " transposition, and two plain keys here are inferred.",
        List.of(Source.of("§6.4", "KAHN-VIC")), true);
  }

  static Text untranspose(int digits) {
    return new Text("The receiving agent undoes the two transpositions in the reverse order:"
        + " from the message length (" + digits + " digits) and the key width he knows which"
        + " columns are one digit longer, writes the digits back column by column in key order"
        + " and reads the rows. First the second key, then the first. This is the standard"
        + " inverse; it is inferred that the agent worked it by hand this way.",
        List.of(Source.of("§6.4")), true);
  }

  static Text vicKeys(int personalNumber, int first, int second, int fromEnd) {
    return new Text("A VIC agent derived new keys for every message on a work sheet: the"
        + " keygroup minus the date, chain addition (each digit the sum of two before it, mod"
        + " 10), and the key phrase's letters numbered in alphabetical order. Lines Q and R are"
        + " the two transposition keys, " + first + " and " + second + " digits wide (the"
        + " personal number " + personalNumber + " plus the last two unequal digits of P), and"
        + " line S gives the checkerboard's column digits. Every line is the procedure of Kahn's"
        + " published worked example; the date's last digit puts the keygroup " + fromEnd
        + " groups from the end, a rule that is inferred.",
        List.of(Source.of("§6.3", "KAHN-VIC", "ALISTAIR-VIC")), true);
  }

  static Text vicDisrupted(String key, int width, int rows) {
    return new Text("The second transposition has a twist: triangular areas of the table,"
        + " starting at the column numbered 1 and widening to the right edge row by row, are"
        + " left empty while the digits are written in, then filled last. The table here is "
        + width + " columns by " + rows + " rows; the columns are read off in the order of key R"
        + " (" + key + "). The disruption rule is documented from Kahn's figure; the exact"
        + " triangle shapes follow his published table (inferred where it is ambiguous).",
        List.of(Source.of("§6.3", "KAHN-VIC", "ALISTAIR-VIC")), true);
  }

  static Text vicKeygroup(String keygroup, int fromEnd, int groups) {
    return new Text("The digits go out in groups of five, and the keygroup " + keygroup
        + " is slipped in as group " + fromEnd + " from the end of the " + groups + ", so that"
        + " it looks like any other group. Without the standing keys the receiver could not find"
        + " it. Inserting the keygroup is documented; its place from the date's last digit is"
        + " inferred.",
        List.of(Source.of("§6.3", "KAHN-VIC")), true);
  }

  static Text vicDecipher(String keygroup) {
    return new Text("The receiver knows the date's last digit, so he takes the keygroup ("
        + keygroup + ") from its place, derives the same lines A to S, and undoes the disrupted"
        + " transposition and then the columnar one. What remains is the checkerboard's digits."
        + " The procedure is documented by Kahn; the way a short last group is handled here is"
        + " inferred.",
        List.of(Source.of("§6.3", "KAHN-VIC", "ALISTAIR-VIC")), true);
  }

  static Text vicFirstTransposition(String key, int width, int rows) {
    return new Text("The checkerboard's digits are written in rows under line Q (" + key
        + "), " + width
        + " columns and " + rows + " rows (the last one may be short), and read off by columns"
        + " in the order of Q's digits (1 to 9, then 0; equal digits left to right). Key Q is"
        + " new for every message because it comes from the keygroup. This first, plain"
        + " columnar transposition is documented for VIC; the handling of a short last row is"
        + " inferred.",
        List.of(Source.of("§6.3", "KAHN-VIC"), Source.of("§6.4")), true);
  }
}
