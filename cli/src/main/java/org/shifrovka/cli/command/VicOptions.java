package org.shifrovka.cli.command;

import java.util.Locale;
import java.util.Random;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.vic.VicBoard;
import org.shifrovka.vic.VicCipher;
import org.shifrovka.vic.VicDecipherment;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The standing keys of {@code --system vic}: {@code --phrase}, {@code --key-date},
 * {@code --personal-number}, and for {@code encode} the message's {@code --keygroup} (drawn from
 * the tool's random source when absent). The board is {@code --board} of {@link SystemOptions}.
 */
final class VicOptions {
  @Option(names = "--phrase", paramLabel = "<text>",
      description = "vic: the key phrase; its first 20 letters are used (the 1953 one: ТОЛЬКО"
          + " СЛЫШНО НА УЛИЦЕ ГДЕ-ТО).")
  String phrase;

  @Option(names = "--key-date", paramLabel = "<digits>",
      description = "vic: the key date as digits, day month year without leading zeros (3"
          + " September 1945 is 391945); its last digit places the keygroup from the end.")
  String keyDate;

  @Option(names = "--personal-number", paramLabel = "<n>",
      description = "vic: the agent's personal number, 1-16.")
  Integer personalNumber;

  /** Returns the cipher of the standing keys, or a usage error naming what is missing or wrong. */
  VicCipher cipher(AbstractCommand command) {
    if (phrase == null || keyDate == null || personalNumber == null) {
      throw command.usage("--system vic needs --phrase, --key-date and --personal-number");
    }
    try {
      return VicCipher.builder().phrase(phrase).date(keyDate).personalNumber(personalNumber)
          .board(board(command)).build();
    } catch (IllegalArgumentException e) {
      throw command.usage("--system vic: " + e.getMessage());
    }
  }

  /** The board named by {@code --board} (english unless given). */
  private static VicBoard board(AbstractCommand command) {
    OptionSpec board = command.spec.findOption("--board");
    String name = board == null || board.originalStringValues().isEmpty() ? "english"
        : board.originalStringValues().get(board.originalStringValues().size() - 1);
    return VicBoard.valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * Returns the keygroup given, or five digits drawn from {@code random}: drawn again in the rare
   * case (one in ten thousand or so) that its line P is ten equal digits and gives no widths.
   */
  static String keygroup(AbstractCommand command, VicCipher vic, String given, Random random) {
    if (given == null) {
      return vic.drawKeygroup(random);
    }
    if (!given.matches("[0-9]{5}")) {
      throw command.usage("--keygroup must be five digits: \"" + given + "\"");
    }
    try {
      vic.keys(given);
    } catch (IllegalArgumentException e) {
      throw command.usage("--keygroup " + given + ": " + e.getMessage());
    }
    return given;
  }

  /** Enciphers one input, an empty message as the input's error. */
  static String encipher(VicCipher vic, String text, String keygroup, CliIo.Input in)
      throws MalformedInputException {
    try {
      return vic.encipher(text, keygroup, in.name()).ciphertext();
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(in.name(), 0, 0, e.getMessage());
    }
  }

  /** Deciphers one input, its faults as the input's errors. */
  static String decipher(VicCipher vic, CliIo.Input in) throws MalformedInputException {
    VicDecipherment d;
    try {
      d = vic.decipher(in.text());
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(in.name(), 0, 0, e.getMessage());
    }
    return d.message();
  }

  /**
   * Kahn's cut of the message before encipherment ({@code --cut}): none when {@code cut} is
   * null, at a random character for {@code random}, else at the character given (of the message
   * without its leading and trailing whitespace; errors then name places in the cut text).
   */
  static String cut(AbstractCommand command, VicCipher vic, String text, String cut,
      Random random) {
    if (cut == null) {
      return text;
    }
    String message = text.strip();
    int at;
    if (cut.equals("random")) {
      at = random.nextInt(message.length() + 1);
    } else {
      try {
        at = Integer.parseInt(cut);
      } catch (NumberFormatException e) {
        throw command.usage("--cut takes a character number or random: \"" + cut + "\"");
      }
    }
    try {
      return vic.cutAt(message, at);
    } catch (IllegalArgumentException e) {
      throw command.usage("--cut: " + e.getMessage());
    }
  }
}
