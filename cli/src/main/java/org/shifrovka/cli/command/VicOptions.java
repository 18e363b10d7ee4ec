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

  /** Returns the keygroup given, or five digits drawn from {@code random}. */
  static String keygroup(AbstractCommand command, String given, Random random) {
    if (given == null) {
      return String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
    }
    if (!given.matches("[0-9]{5}")) {
      throw command.usage("--keygroup must be five digits: \"" + given + "\"");
    }
    return given;
  }

  /** Deciphers one input, its faults as the input's errors. */
  static String decipher(VicCipher vic, CliIo.Input in) throws MalformedInputException {
    VicDecipherment d;
    try {
      d = vic.decipher(in.text());
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(in.name(), 0, 0, e.getMessage());
    }
    return d.text();
  }
}
