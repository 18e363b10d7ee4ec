package org.shifrovka.vic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.shifrovka.MalformedInputException;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.transposition.ColumnarTransposition;
import org.shifrovka.transposition.DisruptedTransposition;

/**
 * The VIC cipher with an agent's standing keys: the key phrase, the date and the personal number,
 * and the checkerboard layout. Each message brings its own five-digit keygroup, from which and the
 * standing keys {@link VicKeys} derives the message's keys.
 *
 * <p>Encipherment, as Kahn describes it: the message goes through the checkerboard (its column
 * digits are line S); the digits are written under the first transposition key (line Q) and read
 * out by columns; those digits fill the disrupted table of the second key (line R,
 * {@link DisruptedTransposition}) and are read out by columns; they are cut into groups of five
 * and the keygroup is inserted as the N-th group from the end, N the last digit of the date (0
 * counting as ten). The last group may be short: this project adds no nulls (a sender who wants
 * whole groups writes them into the message, as the 1953 message did). Each step is a line of
 * {@link VicEncipherment}; {@link #decipher} undoes them in the reverse order.
 *
 * <p>Immutable; the keys are secrets, so {@link #toString()} shows none.
 */
public final class VicCipher {
  private final String phrase;
  private final String date;
  private final int personalNumber;
  private final VicBoard board;

  private VicCipher(Builder b) {
    this.phrase = b.phrase;
    this.date = b.date;
    this.personalNumber = b.personalNumber;
    this.board = b.board;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the board layout. */
  public VicBoard board() {
    return board;
  }

  /**
   * Returns the key date, as digits. A secret: for a teacher's work sheet (the walkthrough),
   * never for logs.
   */
  public String date() {
    return date;
  }

  /** Returns the agent's personal number; a secret, as {@link #date()} is. */
  public int personalNumber() {
    return personalNumber;
  }

  /**
   * Returns N: the keygroup is the N-th group from the end of the ciphertext (the last digit of
   * the date, 0 counting as ten). With fewer groups than that it is the first group.
   */
  public int indicatorPositionFromEnd() {
    int d = date.charAt(date.length() - 1) - '0';
    return d == 0 ? 10 : d;
  }

  /**
   * Draws a keygroup for a new message: five random digits, drawn again while the standing keys
   * and they would give no transposition widths (a degenerate line P).
   *
   * @param random the source of the digits (seeded for a reproducible walk)
   * @return the keygroup
   */
  public String drawKeygroup(java.util.Random random) {
    while (true) {
      String drawn = String.format(java.util.Locale.ROOT, "%05d", random.nextInt(100_000));
      try {
        keys(drawn);
        return drawn;
      } catch (IllegalArgumentException degenerate) {
        // draw again
      }
    }
  }

  /** Derives the keys of a message with this keygroup. */
  public VicKeys keys(String keygroup) {
    return VicKeys.derive(phrase, date, personalNumber, keygroup);
  }

  /**
   * Enciphers a message under a keygroup.
   *
   * @param message the message (letters, the board's signs, digits; whitespace is not sent)
   * @param keygroup the message's five-digit keygroup (chosen at random for each message)
   * @param source the message's name, for errors
   * @throws MalformedInputException naming the line and column of a character the board lacks
   * @throws IllegalArgumentException if the keygroup is not five digits or the message is empty
   */
  public VicEncipherment encipher(String message, String keygroup, String source)
      throws MalformedInputException {
    Objects.requireNonNull(message, "message");
    VicKeys keys = keys(Objects.requireNonNull(keygroup, "keygroup"));
    StraddlingCheckerboard b = board.over(digits(keys.lineS()));
    String checkerboard = b.encode(message, source);
    if (checkerboard.isEmpty()) {
      throw new IllegalArgumentException("the message is empty");
    }
    String first = ColumnarTransposition.ofDigits(digits(keys.lineQ())).encipher(checkerboard);
    String second = DisruptedTransposition.ofDigits(digits(keys.lineR())).encipher(first);
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < second.length(); i += 5) {
      groups.add(second.substring(i, Math.min(i + 5, second.length())));
    }
    int at = Math.max(0, groups.size() + 1 - indicatorPositionFromEnd());
    groups.add(at, keygroup);
    return new VicEncipherment(keys, b, checkerboard, first, second, groups, at);
  }

  /**
   * Deciphers a message: finds the keygroup at its place from the end, derives the keys and undoes
   * the two transpositions and the checkerboard.
   *
   * @param ciphertext the groups, separated by whitespace
   * @throws IllegalArgumentException if the groups are not digits, the keygroup's place does not
   *     hold five digits, or the digits do not read on the board
   */
  public VicDecipherment decipher(CharSequence ciphertext) {
    String trimmed = ciphertext.toString().strip();
    List<String> groups = trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
    for (int i = 0; i < groups.size(); i++) {
      if (!groups.get(i).chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("group " + (i + 1) + " is not digits: \""
            + groups.get(i) + "\"");
      }
    }
    if (groups.size() < 2) {
      throw new IllegalArgumentException("a VIC message has the keygroup and at least one group,"
          + " this has " + groups.size());
    }
    int at = Math.max(0, groups.size() - indicatorPositionFromEnd());
    String keygroup = groups.get(at);
    if (keygroup.length() != 5) {
      throw new IllegalArgumentException("group " + (at + 1) + ", the keygroup's place ("
          + indicatorPositionFromEnd() + " from the end), holds \"" + keygroup
          + "\", not five digits");
    }
    VicKeys keys = keys(keygroup);
    StringBuilder received = new StringBuilder();
    for (int i = 0; i < groups.size(); i++) {
      if (i != at) {
        received.append(groups.get(i));
      }
    }
    String second = received.toString();
    String first = DisruptedTransposition.ofDigits(digits(keys.lineR())).decipher(second);
    String checkerboard = ColumnarTransposition.ofDigits(digits(keys.lineQ())).decipher(first);
    StraddlingCheckerboard b = board.over(digits(keys.lineS()));
    return new VicDecipherment(keys, b, List.copyOf(groups), at, second, first, checkerboard,
        b.decode(checkerboard));
  }

  /**
   * Kahn's first step on the Russian board: the message cut at {@code at} (a point the sender
   * chooses at random), its second part sent first, Н/Т ({@code #}) before the real start.
   * {@link VicDecipherment#message()} puts the parts back.
   *
   * @throws IllegalArgumentException if {@code at} is outside the message or the board has no
   *     Н/Т sign
   */
  public String cutAt(String message, int at) {
    if (!board.hasStartOfText()) {
      throw new IllegalArgumentException("the " + board + " board has no Н/Т sign");
    }
    if (at < 0 || at > message.length()) {
      throw new IllegalArgumentException("the cut " + at + " is outside the message of "
          + message.length() + " characters");
    }
    return message.substring(at) + START_OF_TEXT + message.substring(0, at);
  }

  /** Н/Т, "start of text", on the Russian board. */
  static final char START_OF_TEXT = '#';

  static String digits(int[] line) {
    StringBuilder sb = new StringBuilder(line.length);
    for (int d : line) {
      sb.append((char) ('0' + d));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "VicCipher[" + board + " board]";
  }

  /** Builds a {@link VicCipher}; {@link #build()} checks the keys. */
  public static final class Builder {
    private String phrase;
    private String date;
    private int personalNumber;
    private VicBoard board = VicBoard.RUSSIAN;

    private Builder() {}

    /** The key phrase: its first 20 letters are used (spaces and signs are left out). */
    public Builder phrase(String v) {
      this.phrase = Objects.requireNonNull(v, "phrase");
      return this;
    }

    /**
     * The date as digits, day, month, year without leading zeros (3 September 1945 is 391945); at
     * least five digits.
     */
    public Builder date(String v) {
      this.date = Objects.requireNonNull(v, "date");
      return this;
    }

    /** The agent's personal number, 1-16 (it widens both transposition tables). */
    public Builder personalNumber(int v) {
      this.personalNumber = v;
      return this;
    }

    /** The checkerboard layout (default {@link VicBoard#RUSSIAN}). */
    public Builder board(VicBoard v) {
      this.board = Objects.requireNonNull(v, "board");
      return this;
    }

    /** Checks the keys and returns the cipher. */
    public VicCipher build() {
      if (phrase == null) {
        throw new IllegalArgumentException("the key phrase is missing");
      }
      phrase = VicKeys.letters(phrase);
      if (phrase.length() < 20) {
        throw new IllegalArgumentException("the key phrase needs 20 letters, has "
            + phrase.length());
      }
      if (date == null || date.length() < 5
          || !date.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("the date must be at least five digits: \"" + date
            + "\"");
      }
      if (personalNumber < 1 || personalNumber > VicKeys.MAX_PERSONAL_NUMBER) {
        throw new IllegalArgumentException("the personal number is 1-"
            + VicKeys.MAX_PERSONAL_NUMBER + ": " + personalNumber);
      }
      return new VicCipher(this);
    }
  }
}
