package org.shifrovka.lesson;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.shifrovka.text.Language;

/**
 * What each stage says to a class: what the clerk or operator did, why, and where that comes
 * from. Every text follows the project's reference on period telegraphy
 * ({@code period-telegraphy.md}): it cites the sections (and their source keys) for what is
 * documented, and says "inferred" for what is shifrovka's reconstruction.
 */
final class Explanations {

  /**
   * An explanation with its sources.
   *
   * @param body the sentences of the explanation, without the citation
   * @param sources the reference sections
   * @param inferred whether part of the stage is a reconstruction
   */
  record Text(String body, List<Source> sources, boolean inferred) {
    /** Returns the explanation as shown: the body, then one sentence naming the sources. */
    String prose() {
      return body + " Sources: " + sources.stream().map(Source::cite)
          .collect(Collectors.joining("; ")) + ".";
    }
  }

  private Explanations() {}

  static Text telegraphese(Language language, int words) {
    boolean ru = language == Language.RUSSIAN;
    return new Text("Telegrams carried no punctuation marks, so the clerk first wrote the message"
        + " as telegraphese: capitals only, each mark as a word (" + (ru
            ? "ТЧК for a full stop, ЗПТ for a comma, КВЧ for quotes"
            : "STOP for a full stop, COMMA for a comma, QUOTE for quotes")
        + "). This message becomes " + words + " words, the canonical form that must come out"
        + " again at the far end. The Russian words ТЧК, ЗПТ, ДВТЧ, КВЧ, СКБ, НР and the English"
        + " STOP are documented; the other punctuation words are inferred.",
        List.of(Source.of("§1.2", "SMEKNI", "WP-TELEGRAM-STYLE")), true);
  }

  static Text codeGroups(String style, int size, int units, int digits) {
    return new Text("The clerk looked each word or phrase up in the codebook and wrote its"
        + " 4-digit code group; the longest phrase in the book wins, so a common phrase costs one"
        + " group. Punctuation words have groups of their own. This " + style + " book holds "
        + size + " groups; the message became " + units + " code units, " + digits + " digits."
        + " Four-digit codes are documented for Soviet traffic of the 1940s; whether the 1949"
        + " book was one-part or two-part is unknown, so this is inferred and a parameter.",
        List.of(Source.of("§1.1", "SMITHSONIAN", "VENONA-RU-BOOK", "BLUM-P5"),
            Source.of("§1.2")), true);
  }

  static Text spell(String word, int letters, boolean fromMessage) {
    return new Text((fromMessage ? "The codebook has no group for " + word + ", so the clerk"
        + " spelled it" : "Nothing in this message needed spelling; a name such as " + word
        + " would be spelled") + ": the SPELL group, then one 2-digit code per letter from the"
        + " spell table (" + letters + " letters here), then the 2-digit END SPELL code."
        + " Names of people and places were the usual case, and cover names were mandatory in"
        + " cables. SPELL and END SPELL with 2-digit letter codes are documented; the code values"
        + " themselves are the codebook's own (inferred).",
        List.of(Source.of("§1.1", "SPARTACUS", "CRYPTFOUND", "BLUM-P5", "BLUM")), true);
  }

  static Text regroup(int groups, int fill, int parts) {
    return new Text("The clerk ran the code digits together and cut them into groups of five"
        + " (\"shifts one digit to the first group from the second\"), so that a code group's"
        + " boundaries no longer show. Part 1 makes " + groups + " five-digit groups"
        + (parts > 1 ? ", opening with the <PART> group and its number" : "") + (fill > 0
            ? "; the last group is completed with " + fill + " filler digit" + (fill == 1 ? ""
                : "s") : "") + ". Regrouping into fives is documented; the filler and the part"
        + " groups are inferred.",
        List.of(Source.of("§2.1", "SMITHSONIAN", "VENONA-RU-BOOK"), Source.of("§2.2", "BLUM-P5")),
        true);
  }

  static Text padSheet(int sheet, int groupsPerSheet, String indicator, boolean insecure) {
    return new Text("Each telegram takes a fresh sheet of a one-time pad: " + groupsPerSheet
        + " random five-digit groups, used once and destroyed. The group in the upper-left corner"
        + " (" + indicator + " on sheet " + sheet + ") is the indicator: it goes first in clear and"
        + " tells the receiving office which sheet to take. The ledger records the sheet before"
        + " any cipher text exists, so it can never be used twice." + (insecure ? " This"
            + " pad comes from a seed so that the class can repeat the run: anyone with the seed"
            + " can print it, so it is for teaching only." : ""),
        List.of(Source.of("§2.1", "SMITHSONIAN", "VENONA-RU-BOOK"), Source.of("§2.3",
            "CRYPTOME-CHRON")), false);
  }

  static Text additive(boolean add, String code, String pad, String cipher, int carries) {
    return new Text((add ? "The clerk added" : "The clerk subtracted") + " the pad's groups to"
        + " the code groups digit by digit, mod 10, with no carry (\"8 + 6 = 4, not 14\"): "
        + code + (add ? " + " : " - ") + pad + " = " + cipher + ". Each column stands alone, so"
        + " a digit of the cipher tells nothing about its neighbours" + (carries > 0 ? "; here "
            + carries + " column" + (carries == 1 ? " drops its" : "s drop their") + " carry"
            : "") + ". Because the pad is random and used once, the cipher groups are random too."
        + (add ? "" : " False subtraction is a variant seen in later, Western-issued"
            + " instructions (inferred for Soviet use)."),
        List.of(Source.of("§2.1", "SMITHSONIAN"), Source.of("§2.2")), !add);
  }

  static Text radiogram(int parts, int serial, int groups) {
    return new Text("The cipher groups go out framed: the indicator first, then the text, the end"
        + " group (the next pad group) and a group of serial and day. The radio station writes a"
        + " clear header that is not enciphered: number, group count, day, time of filing and"
        + " precedence. The message went as " + parts + " separately numbered radiogram"
        + (parts == 1 ? "" : "s") + ", the first No. " + serial + " of " + groups + " groups."
        + " The header grammar comes from later Soviet military manuals; its use in 1949 is"
        + " inferred.",
        List.of(Source.of("§2.1", "SMITHSONIAN"), Source.of("§3.4", "3-NET", "LEKTSIA")), true);
  }

  static Text morse(String called, String own, int wpm, double seconds, int groups) {
    return new Text("The operator calls the other station (ЖЖЖ " + called + " ... ДЕ " + own
        + "), announces traffic and keys the header and groups in Morse; figures are the same in"
        + " Russian and international Morse. At " + wpm + " words per minute the " + groups
        + " groups take " + StageWriter.duration(seconds) + ", about " + String.format(
            Locale.ROOT, "%.0f", groups * 60 / Math.max(1, seconds)) + " groups a minute. The"
        + " call signs are invented and the speed is a plausible choice (inferred).",
        List.of(Source.of("§4.1", "ITU-LIST"), Source.of("§4.2", "WP-RUMORSE"),
            Source.of("§4.3"), Source.of("§4.4", "HELPIKS")), true);
  }

  static Text air(boolean noisy, int garbled, int radiograms) {
    return new Text(noisy ? "Between Xibaipo and Moscow the signal fades and crackles: an"
        + " element is lost or a group vanishes, and the receiving operator writes down a pattern"
        + " that is no figure. In the first copies of the " + radiograms + " radiogram"
        + (radiograms == 1 ? "" : "s") + " " + garbled + " group" + (garbled == 1 ? " was" : "s"
            + " were") + " suspect. The error model (dropped elements, split characters, lost"
        + " groups) is inferred."
        : "This run's link is clean: every group arrives as keyed. Real links garbled groups,"
            + " which is why the receiver counts them (inferred error model).",
        List.of(Source.of("§3.5", "VENONA-NY"), Source.of("§0")), true);
  }

  static Text receive(int requests, boolean clean, int number) {
    return new Text("The receiving operator counts the groups against the header and marks"
        + " what cannot be read. He asks again by group number (\"repeat group N\", \"all after"
        + " group N\"): " + (requests == 0 ? "this time nothing needed repeating"
            : requests + " request" + (requests == 1 ? " was" : "s were") + " sent") + ". "
        + (clean ? "When the copy is whole he sends a receipt by number, R " + number + "."
            : "Some groups stayed garbled and will show as gaps.")
        + " Repeat requests by group are documented in later manuals; the receipt form is"
        + " inferred.",
        List.of(Source.of("§4.4", "STUDENT2-UA", "RADIOKOD-1952"), Source.of("§3.4", "3-NET")),
        true);
  }

  static Text decipher(String indicator, int sheet, int problems) {
    return new Text("In Moscow the cipher clerk reads the indicator " + indicator
        + (sheet > 0 ? ", takes sheet " + sheet + " of the same pad book" : ", finds no sheet")
        + " and subtracts its groups digit by digit, mod 10, to get the code groups back. Then"
        + " the same codebook turns the groups into words; a garbled group becomes a gap"
        + " \"[n groups garbled]\" as in the VENONA translations." + (problems > 0 ? " This"
            + " run reported " + problems + " problem" + (problems == 1 ? "" : "s") + "." : ""),
        List.of(Source.of("§2.2"), Source.of("§3.5", "VENONA-NY", "CHERVONNAYA")), false);
  }

  static Text reassemble(int parts) {
    return new Text(parts > 1 ? "The " + parts + " telegrams were deciphered one by one and put"
        + " back in order by their part groups, so the message reads as one text again. Mao's"
        + " message of 13 January 1949 is catalogued as three telegrams, Nos. 50450, 50470 and"
        + " 50490; whether they carried explicit part markers is not known, so the <PART> group"
        + " is inferred."
        : "This message fitted in one telegram, so there is nothing to put together; a long one"
            + " is split into separately registered telegrams, as Mao's of 13 January 1949 was."
            + " The part markers are inferred.",
        List.of(Source.of("§3.1", "WC-LISTS")), true);
  }

  static Text archivalCopy(String registry, String closing) {
    return new Text("The deciphered text is typed on a form: CIPHERED TELEGRAM No. " + registry
        + ", the recipient (\"Comrade KUZNETSOV\"), the text, and the sender's closing line \""
        + closing + "\". Two numbers stand on it: Moscow's registry number at the top and the"
        + " sender's own serial at the bottom. This layout is documented from the Wilson Center's"
        + " copies of the Terebin telegrams.",
        List.of(Source.of("§3.1", "WC-50513")), false);
  }

  static Text register(int telegrams, String first) {
    return new Text("The receiving office gives every incoming telegram the next number of its"
        + " register: " + telegrams + " telegram" + (telegrams == 1 ? "" : "s") + " here, from "
        + first + ". In 1949 Moscow registered Mao's three parts as 50450, 50470 and 50490; the"
        + " steps of 20 show other traffic registered in between (inferred from the numbers).",
        List.of(Source.of("§3.1", "WC-LISTS", "WC-50513")), true);
  }
}
