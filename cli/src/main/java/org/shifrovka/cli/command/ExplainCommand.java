package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.shifrovka.vic.VicCipher;
import org.shifrovka.CipherOffice;
import org.shifrovka.CipherSystem;
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
      "The 14 stages of the 1949 office (--system codebook+pad, the default): telegraphese, code"
          + " groups, spelling, regrouping, the pad sheet, the additive, the radiogram, Morse, the"
          + " air, reception, deciphering, reassembly, the archival copy and the register.",
      "--system ctc+pad adds the Chinese telegraph code before and after them; checkerboard+pad"
          + " walks the checkerboard, regrouping, the pad, the radiogram, the air, deciphering and"
          + " the checkerboard read back; checkerboard+double-transposition the checkerboard, the"
          + " two transpositions (--key1, --key2), their undoing and the read-back, with no"
          + " office; vic (--phrase, --key-date, --personal-number) the work sheet of lines A to S,"
          + " the checkerboard, the columnar and the disrupted transposition, the keygroup and"
          + " their undoing. --list-stages lists a system's stages.",
      "By default the codebook, the pad and the link's garbles come from --seed: the same seed"
          + " gives the same walk, and the seeded pad is insecure by design. With --codebook and"
          + " --pads your own keys are used and the sheets are reserved in the pad's ledger (or"
          + " --ledger), as by encode.",
      "Without --step every stage is printed; --step needs a terminal and is refused in a pipe."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  echo 'Comrade Filippov, I received your telegram.' | shifrovka explain --step",
      "  shifrovka explain --stage additive --seed 7 message.txt",
      "  shifrovka explain --json message.txt > walkthrough.json",
      "  echo 'Attack at dawn' | shifrovka explain --system checkerboard+pad --stage additive",
      "  echo '毛澤東' | shifrovka explain --system ctc+pad --stage telegraph-code",
      "  echo 'Прибыл в Москву' | shifrovka explain --system vic --board russian \\",
      "      --phrase 'ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО' --key-date 391945 --personal-number 13 \\",
      "      --keygroup 20818 --stage disrupted-transposition"
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

  @Mixin LedgerOptions ledger;

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

  @Option(names = "--keygroup", paramLabel = "<digits>",
      description = "vic: the message's five-digit keygroup (default: drawn from --seed).")
  String keygroup;

  @Mixin WalkthroughOptions show;

  @Mixin SystemOptions systems;

  @Mixin UnknownCharactersOption unknown;

  @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
      description = "The message, UTF-8 text: English or Russian (Chinese for ctc+pad); - is"
          + " standard input (default).")
  Path input;

  @Override
  public Integer call() throws Exception {
    CipherSystem system = systems.system;
    String conflict = show.conflict(system);
    if (conflict != null) {
      throw usage(conflict);
    }
    if (!system.usesPad()) {
      return explainWithoutOffice(system);
    }
    boolean needsBook = system.usesCodebook();
    int keys = (codebook != null && needsBook ? 1 : 0) + (pads != null ? 1 : 0);
    if (!needsBook && codebook != null) {
      throw usage("--system " + system.label() + " uses no codebook: leave out --codebook");
    }
    if (needsBook && keys == 1) {
      throw usage("--codebook and --pads go together: give both or neither");
    }
    boolean own = pads != null;
    if (!own && (ledger.ledger != null || ledger.newLedger)) {
      throw usage("--ledger and --new-ledger go with your own --codebook and --pads");
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
    if (!needsBook) {
      book = null;
      padBook = own ? readPads(pads) : PadGenerator.seededInsecure(seed).generate(
          Math.max(40, message.text().length() / 40), 60);
    } else if (own) {
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
    CipherOffice.Builder sender = CipherOffice.builder().padBook(padBook)
        .unknownCharacters(unknown.policy);
    CipherOffice.Builder receiver = CipherOffice.builder().padBook(padBook)
        .unknownCharacters(unknown.policy);
    if (book != null) {
      sender.codebook(book);
      receiver.codebook(book);
    }
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
    sender.ledger(own ? ledger.open(this, pads, padBook, env().clock())
        : PadLedger.inMemory(env().clock()));
    SymbolErrorModel air = SymbolErrorModel.builder().seed(seed).digitKeying(DigitKeying.FULL)
        .dropRate(garble).lostGroupRate(Math.min(0.5, garble * 2)).build();
    Walkthrough.Builder b = Walkthrough.builder().system(system).sender(sender.build())
        .receiver(receiver.build()).air(air).telegraphCode(systems.table)
        .checkerboard(systems.board);
    if (!own) {
      b.seed(seed);
    }
    Walkthrough w = b.build(message.text(), message.name());
    show.show(this, w);
    return w.delivered() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /**
   * {@code --system checkerboard+double-transposition} and {@code vic}: the agent's hand
   * systems, no office and no pad.
   */
  private int explainWithoutOffice(CipherSystem system) throws Exception {
    if (codebook != null || pads != null || ledger.ledger != null || ledger.newLedger) {
      throw usage("--system " + system.label() + " uses no codebook and no pad: leave out"
          + " --codebook, --pads and --ledger");
    }
    Walkthrough.Builder b = Walkthrough.builder().system(system);
    if (system == CipherSystem.VIC) {
      // the keygroup is drawn from --seed, so the same seed gives the same walk
      VicCipher vic = systems.vic.cipher(this);
      b.vic(vic, VicOptions.keygroup(this, vic, keygroup, new Random(seed)));
    } else {
      b.checkerboard(systems.board).transposition(systems.transposition(this));
    }
    if (show.step && !show.terminal(env().terminal()).interactive()) {
      throw usage(WalkthroughOptions.NO_TERMINAL);
    }
    CliIo.Input message = read(input);
    Walkthrough w = b.build(message.text(), message.name());
    show.show(this, w);
    return w.delivered() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
