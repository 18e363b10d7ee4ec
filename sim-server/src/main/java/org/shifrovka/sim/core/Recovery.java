package org.shifrovka.sim.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shifrovka.MalformedInputException;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.RegistryNumber;

/** Replays a station's journal into a fresh {@link StationCore}. */
final class Recovery {
  private final StationCore core;
  /** The last serial each sending office (by neighbour and addressee) used. */
  private final Map<String, int[]> lastSerials = new LinkedHashMap<>();

  Recovery(StationCore core) {
    this.core = core;
  }

  void replay(List<JournalRecord> records) {
    for (JournalRecord r : records) {
      if (r instanceof JournalRecord.Filed f) {
        core.restoreSource(f.source());
        for (JournalRecord.Sent s : f.telegrams()) {
          sent(s);
        }
      } else if (r instanceof JournalRecord.Registered g) {
        core.receiving().restoreRegistration(g, copy(g));
      } else if (r instanceof JournalRecord.Acknowledged a) {
        core.sending().forget(a.to(), a.serial());
      } else if (r instanceof JournalRecord.GaveUp g) {
        core.sending().forget(g.to(), g.serial());
      } else if (r instanceof JournalRecord.Completed c) {
        core.restoreCompleted(c);
        for (JournalRecord.Sent s : c.forwarded()) {
          sent(s);
        }
      }
    }
    for (Map.Entry<String, int[]> e : lastSerials.entrySet()) {
      int slash = e.getKey().indexOf('/');
      core.resumeOffice(e.getKey().substring(0, slash), e.getKey().substring(slash + 1),
          e.getValue()[0]);
    }
  }

  private void sent(JournalRecord.Sent s) {
    core.restoreSent(s);
    if (s.header().clear()) {
      core.resumeClear(s.header().number());
    } else {
      int[] last = lastSerials.computeIfAbsent(s.to() + "/" + s.header().addressee(),
          k -> new int[] {-1});
      last[0] = Math.max(last[0], s.header().number());
    }
  }

  private ArchivalCopy copy(JournalRecord.Registered g) {
    return copy(g, core.name(), core.registerWidth());
  }

  /** The archival copy a registration holds, null if none was made. */
  static ArchivalCopy copy(JournalRecord.Registered g, String station, int registerWidth) {
    if (g.copy().isEmpty()) {
      return null;
    }
    try {
      return ClearForm.parse(g.copy(), g.from() + "/" + g.serial(),
          new RegistryNumber(g.registryNumber(), registerWidth), station,
          g.header().addressee());
    } catch (MalformedInputException e) {
      throw new IllegalStateException("journal: registered copy " + g.from() + "/" + g.serial()
          + " unreadable: " + e.getMessage(), e);
    }
  }
}
