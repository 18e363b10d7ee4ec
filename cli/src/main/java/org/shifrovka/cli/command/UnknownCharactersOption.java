package org.shifrovka.cli.command;

import java.util.List;
import org.shifrovka.cli.CliIo;
import org.shifrovka.text.Telegraphese;
import org.shifrovka.text.UnknownCharacters;
import picocli.CommandLine.Option;

/**
 * {@code --unknown refuse|spell|drop}: what a command that enciphers a message does with characters
 * telegraphese has no rendering for, and the warning that names letters sent otherwise than typed.
 */
final class UnknownCharactersOption {

  /** {@code refuse}, {@code spell} or {@code drop}. */
  static final class Values extends Converters.Values<UnknownCharacters> {
    Values() {
      super(v -> Converters.byLabel(UnknownCharacters.class, v), "refuse", "spell", "drop");
    }
  }

  @Option(names = "--unknown", paramLabel = "refuse|spell|drop", defaultValue = "spell",
      converter = Values.class, completionCandidates = Values.class,
      description = "A character telegraphese cannot carry (an emoji, Greek or Chinese script):"
          + " spell writes its Unicode name as words (GRINNING FACE), drop leaves it out, refuse"
          + " stops with its line and column (exit code 3) (default: ${DEFAULT-VALUE}).")
  UnknownCharacters policy = UnknownCharacters.SPELL;

  /**
   * Returns the warning for letters the message will carry otherwise than typed (diacritics lost,
   * ß as SS), naming the first by line and column, or null if there are none.
   */
  static String transliterationWarning(CliIo.Input message) {
    List<Telegraphese.Transliteration> changes = Telegraphese.transliterations(message.text());
    if (changes.isEmpty()) {
      return null;
    }
    Telegraphese.Transliteration first = changes.get(0);
    String what = first.sentAs().isEmpty() ? "an accent is left out"
        : "'" + first.typed() + "' is sent as " + first.sentAs();
    int more = changes.size() - 1;
    return message.name() + ":" + first.line() + ":" + first.column() + ": " + what
        + (more == 0 ? "" : " (and " + more + " more " + (more == 1 ? "letter" : "letters")
            + " sent without diacritics or spelled out)")
        + "; telegraphese has no accents";
  }
}
