package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.CipherOffice;
import org.shifrovka.CipherSystem;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cli.Json;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.pad.PadBook;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.RegistryNumber;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.transposition.TransposedCheckerboard;
import org.shifrovka.vic.VicCipher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka encode}: a message in, telegrams out. */
@Command(name = "encode", mixinStandardHelpOptions = true,
    description = {
      "Encipher a message into one or more telegrams and print them on standard output.",
      "The pad sheets are recorded as used in the ledger before any cipher text is printed; a"
          + " sheet is never used twice, and an exhausted pad is refused (exit code 4) without"
          + " touching the ledger. The ledger is the pad's own (pads.txt.ledger beside"
          + " pads.txt, made by pad generate) unless --ledger names another; a ledger that does"
          + " not exist is refused (exit code 2) unless --new-ledger starts it.",
      "Each telegram gets the next serial from --serial on: give each encode a fresh --serial so"
          + " that radiogram numbers stay unique. --date fixes the filing time; without a zone it"
          + " is local to the --from station. Without --date the filing time is now.",
      "--format archival prints the copies the receiving office would type, numbered by"
          + " --register-base/--register-step; --format json prints the telegrams with their"
          + " envelopes (see the README for the keys)."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka encode --codebook codebook.txt --pads pads.txt \\",
      "      --for FILIPPOV --serial 15 --precedence urgent --date 1949-01-13T21:40 \\",
      "      --max-groups 120 message.txt > radiograms.txt",
      "  shifrovka encode --system ctc+pad --codebook codebook.txt --pads pads.txt mao.txt",
      "  shifrovka encode --system checkerboard+pad --pads pads.txt message.txt",
      "  shifrovka encode --system checkerboard+double-transposition --key1 ZEBRAS \\",
      "      --key2 STRIPE message.txt",
      "  shifrovka encode --system vic --board russian --phrase 'ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО' \\",
      "      --key-date 391945 --personal-number 13 --keygroup 20818 message.txt"
    })
public final class EncodeCommand extends AbstractCommand {
  /** The output formats. */
  enum Format { RADIOGRAM, ARCHIVAL, JSON }

  /** Completion candidates of {@code --format}. */
  static final class FormatCandidates extends Converters.Candidates {
    FormatCandidates() {
      super("radiogram", "archival", "json");
    }
  }

  @Option(names = "--codebook", paramLabel = "<file>",
      description = "The codebook file (codebook+pad and ctc+pad).")
  Path codebook;

  @Option(names = "--pads", paramLabel = "<file>",
      description = "The pad file (codebook+pad and ctc+pad).")
  Path pads;

  @Option(names = "--keygroup", paramLabel = "<digits>",
      description = "vic: the message's five-digit keygroup (default: drawn at random).")
  String keygroup;

  @Option(names = "--cut", paramLabel = "<n>|random",
      description = "vic, russian board: cut the message after character n (or at random), send"
          + " its second part first, Н/Т before its start, as Kahn describes; decode puts the"
          + " parts back (default: no cut).")
  String cut;

  @Mixin SystemOptions systems;

  @Mixin LedgerOptions ledger;

  @Mixin StationOptions stations;

  @Mixin RegisterOptions register;

  @Option(names = "--serial", paramLabel = "<n>", defaultValue = "1",
      description = "Sender's serial of the first telegram, 0-99999 (default: ${DEFAULT-VALUE}).")
  int serial;

  @Option(names = "--date", paramLabel = "<iso-date-time>",
      converter = Converters.DateTimeConverter.class,
      description = "Filing time, such as 1949-01-13T21:40 (local to --from) or"
          + " 1949-01-13T21:40+08:00 (default: now).")
  Converters.DateTimeArg date;

  @Option(names = "--precedence", paramLabel = "<precedence>", defaultValue = "ordinary",
      converter = Converters.PrecedenceValues.class,
      completionCandidates = Converters.PrecedenceValues.class,
      description = "ordinary, urgent, out-of-turn or flash (default: ${DEFAULT-VALUE}).")
  Precedence precedence;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "radiogram",
      completionCandidates = FormatCandidates.class,
      description = "radiogram, archival or json (default: radiogram).")
  Format format;

  @Option(names = "--max-groups", paramLabel = "<n>", defaultValue = "0",
      description = "Split a longer message into parts of at most this many groups each,"
          + " indicator, end and serial groups included; 0 means no limit"
          + " (default: ${DEFAULT-VALUE}).")
  int maxGroups;

  @Mixin UnknownCharactersOption unknown;

  @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
      description = "The message, UTF-8 text; - is standard input (default).")
  Path input;

  @Override
  public Integer call() throws Exception {
    systems.requireKeys(this, codebook, pads);
    if (systems.system == CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION) {
      TransposedCheckerboard hand = systems.handSystem(this);
      CliIo.Input in = read(input);
      print(TransposedCheckerboard.groups(hand.encipher(in.text(), in.name())));
      return ExitCodes.OK;
    }
    if (systems.system == CipherSystem.VIC) {
      VicCipher vic = systems.vic.cipher(this);
      String group = VicOptions.keygroup(this, vic, keygroup, env().random());
      CliIo.Input in = read(input);
      String text = VicOptions.cut(this, vic, in.text(), cut, env().random());
      print(VicOptions.encipher(vic, text, group, in));
      return ExitCodes.OK;
    }
    // everything that can be wrong with the arguments or the files is found before the ledger
    boolean checkerboard = systems.system == CipherSystem.CHECKERBOARD_PAD;
    if (checkerboard && format == Format.ARCHIVAL) {
      throw usage("--format archival needs a codebook; checkerboard+pad prints radiograms or"
          + " json");
    }
    Codebook book = checkerboard ? null : readCodebook(codebook);
    PadBook padBook = readPads(pads);
    CliIo.Input message = read(input);
    String plain = message.text();
    if (systems.system == CipherSystem.CTC_PAD) {
      // the Chinese text becomes its telegraph code groups, which the codebook sends as figures
      plain = TelegraphCode.formatGroups(systems.table.encode(plain, message.name()));
    } else if (checkerboard) {
      // the checkerboard's digits, completed to whole groups, go under the pad as they are
      plain = systems.board.completeGroups(systems.board.encode(plain, message.name()));
    }
    CipherOffice.Builder b = CipherOffice.builder().padBook(padBook)
        .unknownCharacters(unknown.policy);
    if (book != null) {
      b.codebook(book);
    }
    Station from;
    try {
      from = stations.from();
      b.from(from).to(stations.to()).addressee(stations.addressee())
          .firstSerial(serial).precedence(precedence).maxGroups(maxGroups)
          .register(register.register());
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    b.clock(clockAt(date, from.zone()));
    if (padBook.insecure()) {
      warn("pad book " + padBook.id() + " was made from a seed and is INSECURE");
    }
    CipherOffice office = b.ledger(ledger.open(this, pads, padBook, env().clock())).build();
    String transliterated = systems.system != CipherSystem.CODEBOOK_PAD ? null
        : UnknownCharactersOption.transliterationWarning(message);
    if (transliterated != null) {
      warn(transliterated);
    }

    List<Telegram> telegrams = checkerboard
        ? List.of(office.encipherDigits(plain, message.name()).telegram())
        : office.encipher(plain, message.name()).telegrams();

    // the sheets are on record; only now is anything printed
    String text;
    switch (format) {
      case JSON: {
        List<RegistryNumber> numbers = null;
        if (register.given()) {
          Register r = register.register();
          numbers = new ArrayList<>();
          for (int i = 0; i < telegrams.size(); i++) {
            numbers.add(r.next());
          }
        }
        text = Json.telegrams(telegrams, numbers);
        break;
      }
      case ARCHIVAL:
        text = DecodeCommand.archival(
            office.decipher(telegrams.stream().map(Telegram::radiogram).toList()));
        break;
      default:
        text = Radiogram.renderAll(telegrams.stream().map(Telegram::radiogram).toList());
    }
    print(text);
    return ExitCodes.OK;
  }
}
