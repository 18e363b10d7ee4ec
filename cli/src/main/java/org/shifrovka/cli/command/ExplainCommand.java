package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.time.Clock;
import org.shifrovka.CipherOffice;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.lesson.Walkthrough;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.radio.DigitKeying;
import org.shifrovka.radio.SymbolErrorModel;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Station;
import org.shifrovka.text.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka explain}: any message walked through every stage of the chain. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {
      "Walk any message through every stage of the chain, each explained for a class.",
      "The 14 stages: telegraphese, code groups, spelling, regrouping, the pad sheet, the"
          + " additive, the radiogram, Morse, the air, reception, deciphering, reassembly, the"
          + " archival copy and the register.",
      "By default the codebook, the pad and the link's garbles come from --seed: the same seed"
          + " gives the same walk, and the seeded pad is insecure by design. With --codebook,"
          + " --pads and --ledger (all three) your own keys are used and the sheets are"
          + " reserved in the ledger, as by encode.",
      "Without --step every stage is printed; --step needs a terminal and is refused in a pipe."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  echo 'Comrade Filippov, I received your telegram.' | shifrovka explain --step",
      "  shifrovka explain --stage additive --seed 7 message.txt",
      "  shifrovka explain --json message.txt > walkthrough.json"
    })
public final class ExplainCommand extends AbstractCommand {
  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "" + Scenario1949.DEFAULT_SEED,
      description = "Seed of the codebook, pad and link (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--lang", paramLabel = "<ru|en>",
      description = "Language of the seeded codebook (default: ru if the text holds Cyrillic,"
          + " else en).")
  String lang;

  @Option(names = "--codebook", paramLabel = "<file>", description = "Your codebook file.")
  Path codebook;

  @Option(names = "--pads", paramLabel = "<file>", description = "Your pad file.")
  Path pads;

  @Option(names = "--ledger", paramLabel = "<file>",
      description = "Your ledger; the sheets used are recorded there (created if missing).")
  Path ledger;

  @Mixin StationOptions stations;

  @Mixin RegisterOptions register;

  @Option(names = "--serial", paramLabel = "<n>", defaultValue = "1",
      description = "Sender's serial of the first telegram (default: ${DEFAULT-VALUE}).")
  int serial;

  @Option(names = "--date", paramLabel = "<iso-date-time>",
      converter = Converters.DateTimeConverter.class,
      description = "Filing time, local to --from (default: 1949-01-13T21:40, Terebin's).")
  Converters.DateTimeArg date;

  @Option(names = "--max-groups", paramLabel = "<n>", defaultValue = "0",
      description = "Split into telegrams of at most this many groups; 0 means one telegram"
          + " (default: ${DEFAULT-VALUE}).")
  int maxGroups;

  @Option(names = "--garble", paramLabel = "<p>", defaultValue = "0.004",
      description = "Probability that a Morse figure loses an element on the air, 0-0.2;"
          + " a group is lost at twice that rate (default: ${DEFAULT-VALUE}).")
  double garble;

  @Mixin WalkthroughOptions show;

  @Mixin UnknownCharactersOption unknown;

  @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
      description = "The message, UTF-8 text, English or Russian; - is standard input"
          + " (default).")
  Path input;

  @Override
  public Integer call() throws Exception {
    String conflict = show.conflict();
    if (conflict != null) {
      throw usage(conflict);
    }
    int keys = (codebook != null ? 1 : 0) + (pads != null ? 1 : 0) + (ledger != null ? 1 : 0);
    if (keys != 0 && keys != 3) {
      throw usage("--codebook, --pads and --ledger go together: give all three or none");
    }
    if (garble < 0 || garble > 0.2) {
      throw usage("--garble must be 0-0.2, not " + garble);
    }
    if (show.step && !show.terminal(env().terminal()).interactive()) {
      throw usage(WalkthroughOptions.NO_TERMINAL);
    }
    CliIo.Input message = read(input);
    Codebook book;
    PadBook padBook;
    if (keys == 3) {
      book = readCodebook(codebook);
      padBook = readPads(pads);
    } else {
      Language language;
      try {
        language = lang != null ? Language.of(lang)
            : message.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.CYRILLIC) ? Language.RUSSIAN : Language.ENGLISH;
      } catch (IllegalArgumentException e) {
        throw usage("--lang: " + e.getMessage());
      }
      book = Codebook.generate(Vocabulary.builtIn(language), CodebookStyle.TWO_PART, seed);
      padBook = PadGenerator.seededInsecure(seed).generate(
          Math.max(40, message.text().length() / 40), 60);
    }
    Station from;
    CipherOffice.Builder sender = CipherOffice.builder().codebook(book).padBook(padBook)
        .unknownCharacters(unknown.policy);
    CipherOffice.Builder receiver = CipherOffice.builder().codebook(book).padBook(padBook)
        .unknownCharacters(unknown.policy);
    try {
      from = stations.from();
      Clock filed = date == null ? Scenario1949.filingClock() : clockAt(date, from.zone());
      sender.from(from).to(stations.to()).addressee(stations.addressee()).firstSerial(serial)
          .precedence(Precedence.URGENT).maxGroups(maxGroups).clock(filed);
      receiver.from(from).to(stations.to()).addressee(stations.addressee())
          .register(register.register()).clock(filed);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    sender.ledger(keys == 3 ? PadLedger.open(ledger, env().clock())
        : PadLedger.inMemory(env().clock()));
    SymbolErrorModel air = SymbolErrorModel.builder().seed(seed).digitKeying(DigitKeying.FULL)
        .dropRate(garble).lostGroupRate(Math.min(0.5, garble * 2)).build();
    Walkthrough.Builder b = Walkthrough.builder().sender(sender.build())
        .receiver(receiver.build()).air(air);
    if (keys == 0) {
      b.seed(seed);
    }
    Walkthrough w = b.build(message.text(), message.name());
    show.show(this, w);
    return w.delivered() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
