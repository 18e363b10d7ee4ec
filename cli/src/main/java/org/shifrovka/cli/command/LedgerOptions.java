package org.shifrovka.cli.command;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import picocli.CommandLine.Option;

/**
 * {@code --ledger} and {@code --new-ledger}: which ledger records the sheets a command uses. By
 * default the one beside the pad ({@code pads.txt.ledger}, made by {@code pad generate}); a ledger
 * that does not exist is never made up silently, because a fresh ledger knows nothing of the
 * sheets already used and would hand out sheet 1 again.
 */
final class LedgerOptions {
  @Option(names = "--ledger", paramLabel = "<file>",
      description = "The ledger of used pad sheets (default: the pad file's ledger beside it,"
          + " pads.txt.ledger, which pad generate makes). It must exist, unless --new-ledger.")
  Path ledger;

  @Option(names = "--new-ledger",
      description = "Start a new ledger, for a pad that was never used; refused if one exists.")
  boolean newLedger;

  /** Returns the ledger's path for a pad file. */
  Path path(Path pads) {
    return ledger != null ? ledger : PadLedger.besidePad(pads);
  }

  /**
   * Opens the ledger of {@code pads}, or with {@code --new-ledger} creates it and says so.
   *
   * @throws picocli.CommandLine.ParameterException (exit code 2) if the ledger is missing without
   *     {@code --new-ledger}, or exists with it
   */
  PadLedger open(AbstractCommand command, Path pads, PadBook book, Clock clock)
      throws IOException, MalformedInputException {
    Path p = path(pads);
    if (newLedger) {
      try {
        PadLedger created = PadLedger.createOnFirstUse(p, book, clock);
        command.warn("starting a new ledger " + p + " for pad book " + book.id()
            + " (written when the first sheet is used)");
        return created;
      } catch (FileAlreadyExistsException e) {
        throw command.usage(p + " is a ledger already; leave out --new-ledger to use it");
      }
    }
    try {
      return PadLedger.open(p, clock);
    } catch (NoSuchFileException e) {
      throw command.usage("no ledger at " + p + (ledger == null ? " (the ledger of " + pads
          + ")" : "") + "; give --new-ledger to start one, but only for a pad that was never"
          + " used: a new ledger knows nothing of the sheets already used");
    }
  }
}
