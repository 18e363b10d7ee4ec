package org.shifrovka.sim.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shifrovka.telegram.ArchivalCopy;

/**
 * The messages a station's journal shows delivered at that station, read back from its records:
 * each {@link JournalRecord.Completed} record of a message addressed here, with the text and
 * registry numbers of the {@link JournalRecord.Registered} parts it was reassembled from. A driver
 * that owns an output of deliveries completes it from these after a crash (see
 * {@code org.shifrovka.sim.process.DeliveryOutput}): the journal is the record of what was
 * delivered, the output a copy of it.
 */
public final class JournalDeliveries {
  private JournalDeliveries() {}

  /**
   * A message the journal shows delivered.
   *
   * @param position the sequence number (from 1) of its {@code Completed} record
   * @param reference its end-to-end reference
   * @param text its canonical text
   * @param registryNumbers this station's registry numbers of its parts, in the order registered
   * @param filedAt when it was filed, by the origin's clock
   */
  public record Delivered(long position, String reference, String text,
      List<String> registryNumbers, long filedAt) {
    /** Copies the list. */
    public Delivered {
      registryNumbers = List.copyOf(registryNumbers);
    }
  }

  /**
   * Returns the deliveries at {@code station} that {@code records} hold, in the order of their
   * records.
   *
   * @param station the station whose journal it is
   * @param registerWidth the digits its registry numbers are written with
   * @param records its journal's records, in order, the first at position 1
   */
  public static List<Delivered> of(String station, int registerWidth,
      List<JournalRecord> records) {
    Map<Assembly.Key, Assembly> assemblies = new HashMap<>();
    List<Delivered> out = new ArrayList<>();
    long position = 0;
    for (JournalRecord r : records) {
      position++;
      if (r instanceof JournalRecord.Registered g && g.header().addressee().equals(station)) {
        ArchivalCopy copy = Recovery.copy(g, station, registerWidth);
        if (copy != null) {
          Assembly.Key key = new Assembly.Key(g.from(), g.header().reference(),
              g.serial() - copy.part() + 1);
          assemblies.computeIfAbsent(key, k -> new Assembly(k, g.header(), copy.parts()))
              .add(copy);
        }
      } else if (r instanceof JournalRecord.Completed c && c.forwarded().isEmpty()) {
        Assembly a = assemblies.remove(new Assembly.Key(c.from(), c.reference(),
            c.firstSerial()));
        if (a != null && a.complete()) {
          out.add(new Delivered(position, c.reference(), a.text().toString(), a.regs,
              a.header.filedAt()));
        }
      }
    }
    return out;
  }
}
