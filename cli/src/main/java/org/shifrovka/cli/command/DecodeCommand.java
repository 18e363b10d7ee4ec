package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.CipherOffice;
import org.shifrovka.CipherSystem;
import org.shifrovka.DecipheredDigits;
import org.shifrovka.Decipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.ReceivedMessage;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cli.Json;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.pad.PadBook;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Station;
import org.shifrovka.transposition.TransposedCheckerboard;
import org.shifrovka.vic.VicCipher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shifrovka decode}: radiograms in, the message out. */
@Command(name = "decode", mixinStandardHelpOptions = true,
    description = {
      "Decipher radiograms and print the reassembled message(s) on standard output.",
      "Parts may come in any order and from several files; the input may also be the JSON of"
          + " 'encode --format json'. Garbled groups and missing parts are marked in the text and"
          + " reported on standard error, one line each; then the exit code is 1.",
      "Decoding consumes no pad sheet and needs no ledger.",
      "--format text prints each message in canonical form (messages separated by a line ----),"
          + " archival the archival copies (with --for, --register-base/--register-step and"
          + " --date, the day the receiving office works, default now), json a structure with"
          + " both and the report (see the README)."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka decode --codebook codebook.txt --pads pads.txt radiograms.txt",
      "  shifrovka decode --system checkerboard+pad --pads pads.txt radiograms.txt",
      "  shifrovka decode --codebook codebook.txt --pads pads.txt --format archival --for FILIPPOV \\",
      "      --register-base 50450 --register-step 20 --date 1949-01-13T19:30 part3.txt part1.txt",
      "  shifrovka decode --system vic --board russian --phrase 'ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО' \\",
      "      --key-date 391945 --personal-number 13 hollow-nickel.txt"
    })
public final class DecodeCommand extends AbstractCommand {
  /** The output formats. */
  enum Format { TEXT, ARCHIVAL, JSON }

  /** Completion candidates of {@code --format}. */
  static final class FormatCandidates extends Converters.Candidates {
    FormatCandidates() {
      super("text", "archival", "json");
    }
  }

  @Option(names = "--codebook", paramLabel = "<file>",
      description = "The codebook file the telegrams were encoded with (codebook+pad and"
          + " ctc+pad).")
  Path codebook;

  @Option(names = "--pads", paramLabel = "<file>",
      description = "The pad file (codebook+pad and ctc+pad).")
  Path pads;

  @Mixin SystemOptions systems;

  @Mixin StationOptions stations;

  @Mixin RegisterOptions register;

  @Option(names = "--date", paramLabel = "<iso-date-time>",
      converter = Converters.DateTimeConverter.class,
      description = "When the receiving office works, local to --to unless a zone is given;"
          + " it dates the archival copies (default: now).")
  Converters.DateTimeArg date;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
      completionCandidates = FormatCandidates.class,
      description = "text, archival or json (default: text).")
  Format format;

  @Mixin RadiogramFiles inputs;

  @Override
  public Integer call() throws Exception {
    systems.requireKeys(this, codebook, pads);
    if (systems.system == CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION) {
      return decodeHandSystem();
    }
    if (systems.system == CipherSystem.VIC) {
      VicCipher vic = systems.vic.cipher(this);
      StringBuilder out = new StringBuilder();
      for (Path f : inputs.files()) {
        out.append(VicOptions.decipher(vic, read(f))).append('\n');
      }
      print(out.toString());
      return ExitCodes.OK;
    }
    boolean checkerboard = systems.system == CipherSystem.CHECKERBOARD_PAD;
    if (checkerboard && format != Format.TEXT) {
      throw usage("checkerboard+pad prints the text only (--format text): it has no codebook"
          + " and no archival copy");
    }
    Codebook book = checkerboard ? null : readCodebook(codebook);
    PadBook padBook = readPads(pads);
    List<Radiogram> radiograms = readRadiograms(inputs.files()).stream()
        .map(RadiogramInput::radiogram).toList();
    CipherOffice office;
    try {
      Station to = stations.to();
      Clock clock = clockAt(date, to.zone());
      CipherOffice.Builder b = CipherOffice.builder().padBook(padBook)
          .from(stations.from()).to(to).addressee(stations.addressee()).clock(clock);
      if (book != null) {
        b.codebook(book);
      }
      if (register.given() || register.step != 1) { // else no number is made up for a problem
        b.register(register.register());
      }
      office = b.build();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (checkerboard) {
      return decodeCheckerboard(office, radiograms);
    }
    Decipherment d = office.decipher(radiograms);
    String text;
    switch (format) {
      case JSON:
        text = Json.decipherment(d);
        break;
      case ARCHIVAL:
        text = archival(d);
        break;
      default: {
        StringBuilder sb = new StringBuilder();
        for (ReceivedMessage m : d.messages()) {
          if (sb.length() > 0) {
            sb.append("\n----\n\n");
          }
          sb.append(systems.system == CipherSystem.CTC_PAD
              ? ctcText(m.text().toString()) : m.text()).append('\n');
        }
        text = sb.toString();
      }
    }
    print(text);
    if (!d.problems().isEmpty()) {
      err().print(d.report());
      err().flush();
    }
    return d.clean() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** The Chinese text of a ctc+pad message: its telegraph code groups read back. */
  private String ctcText(String groups) throws MalformedInputException {
    return systems.table.decodeGroups(groups, "the deciphered telegraph code");
  }

  /**
   * {@code --system checkerboard+pad}: each radiogram's pad taken off by the office, its digits
   * read back on the checkerboard, one message a radiogram in the order given.
   */
  private int decodeCheckerboard(CipherOffice office, List<Radiogram> radiograms)
      throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    List<String> problems = new ArrayList<>();
    for (Radiogram r : radiograms) {
      DecipheredDigits d = office.decipherDigits(r);
      problems.addAll(d.problems());
      if (out.length() > 0) {
        out.append("\n----\n\n");
      }
      String digits = d.digits().orElse(null);
      if (digits == null || digits.indexOf('?') >= 0) {
        out.append("[radiogram No. ").append(r.number()).append(digits == null
            ? " not deciphered]" : " garbled]").append('\n');
        continue;
      }
      try {
        out.append(systems.board.decodeCompleted(digits)).append('\n');
      } catch (IllegalArgumentException e) {
        problems.add("radiogram No. " + r.number() + ": the digits do not read on the"
            + " checkerboard (" + e.getMessage() + "); the wrong --board or pad?");
        out.append("[radiogram No. ").append(r.number()).append(" unreadable]\n");
      }
    }
    print(out.toString());
    for (String p : problems) {
      err().print(p + "\n");
    }
    err().flush();
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** {@code --system checkerboard+double-transposition}: digits in, the message out. */
  private int decodeHandSystem() throws Exception {
    TransposedCheckerboard hand = systems.handSystem(this);
    List<Path> files = inputs.files();
    StringBuilder out = new StringBuilder();
    for (Path f : files) {
      CliIo.Input in = read(f);
      try {
        out.append(hand.decipher(in.text())).append('\n');
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException(in.name(), 0, 0, e.getMessage());
      }
    }
    print(out.toString());
    return ExitCodes.OK;
  }

  /** Renders the archival copies of every message, as {@code --format archival} prints them. */
  static String archival(Decipherment d) {
    List<ArchivalCopy> copies = new ArrayList<>();
    for (ReceivedMessage m : d.messages()) {
      copies.addAll(m.copies());
    }
    return ArchivalCopy.renderAll(copies);
  }
}
