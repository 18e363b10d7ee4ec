package org.shifrovka.sim.process.ledger;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.shifrovka.CipherOffice;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.pad.SheetReuseException;
import org.shifrovka.pad.WrongPadException;
import org.shifrovka.sim.TopologyOffices;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.core.Offices;
import org.shifrovka.telegram.Register;

/**
 * The cipher offices of a process station, with one pad ledger per outgoing link kept in memory
 * and rebuilt from the journal at a start ({@link #rebuild}): every sheet a durable telegram was
 * enciphered on is claimed again (from its indicator, and as many sheets as its groups could need,
 * which may waste a sheet but never reuses one). A sheet reserved for a telegram whose record
 * never became durable is free again, and may be: that telegram never left the station.
 *
 * <h2>Thread safety</h2>
 *
 * Not thread-safe: {@link #rebuild} before the core starts, then the office thread only.
 */
public final class PadLedgers implements Offices {
  private final String station;
  private final TopologyOffices offices;
  private final Clock clock;
  private final Map<String, PadLedger> ledgers = new HashMap<>();

  /**
   * Returns the offices of {@code station}; makes the pad books of each of its links now, not
   * when the first telegram waits.
   *
   * @param station the station's name
   * @param offices the topology's offices
   * @param neighbours the stations it has a link with
   * @param clock the clock of the ledgers' records
   */
  public PadLedgers(String station, TopologyOffices offices, Iterable<String> neighbours,
      Clock clock) {
    this.station = station;
    this.offices = offices;
    this.clock = clock;
    for (String peer : neighbours) {
      offices.padBook(station, peer);
      offices.padBook(peer, station);
    }
  }

  @Override
  public CipherOffice sending(String to, String addressee, int firstSerial) {
    return offices.sending(to, addressee, ledger(to), firstSerial);
  }

  @Override
  public CipherOffice receiving(String from, Register register) {
    return offices.receiving(from, register);
  }

  private PadLedger ledger(String to) {
    return ledgers.computeIfAbsent(to, k -> PadLedger.inMemory(clock));
  }

  /**
   * Claims again every sheet the durable telegrams in {@code records} were enciphered on.
   *
   * @param records the journal's durable records, in order
   * @throws IOException if a ledger cannot be read
   */
  public void rebuild(List<JournalRecord> records) throws IOException {
    for (JournalRecord r : records) {
      List<JournalRecord.Sent> sent = r instanceof JournalRecord.Filed f ? f.telegrams()
          : r instanceof JournalRecord.Completed c ? c.forwarded() : List.of();
      for (JournalRecord.Sent s : sent) {
        int indicator = WireFormat.indicator(s.groups());
        if (s.header().clear() || indicator < 0) {
          continue;
        }
        PadBook book = offices.padBook(station, s.to());
        Optional<PadSheet> first = book.sheetByIndicator(indicator);
        if (first.isEmpty()) {
          continue;
        }
        PadLedger ledger = ledger(s.to());
        SortedSet<Integer> used = ledger.usedSheets(book.id());
        int last = Math.min(book.sheetCount(),
            first.get().number() + book.sheetsFor(s.header().declaredGroups()) - 1);
        for (int n = first.get().number(); n <= last; n++) {
          if (!used.contains(n)) {
            try {
              ledger.claim(book, n, 1);
            } catch (SheetReuseException e) {
              // claimed already: the sheet is on record, which is all recovery needs
            } catch (WrongPadException e) {
              throw new IllegalStateException("an in-memory ledger of one link's pad", e);
            }
          }
        }
      }
    }
  }
}
