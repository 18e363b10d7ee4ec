package org.shifrovka.sim.dst;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameKind;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.core.JournalRecord;

/**
 * What must hold in every run, checked as it happens and at the end: every accepted filing
 * delivered exactly once with its exact text; no pad sheet (indicator), serial or registry number
 * used twice on the air; no frame, receipt or delivery that depends on a journal record before
 * that record was durable; no alarm; nothing given up.
 */
final class Invariants {
  private final List<String> violations = new ArrayList<>();
  /** Accepted filings (durable at their origin), by reference: their canonical text. */
  private final Map<String, String> filed = new LinkedHashMap<>();
  private final Map<String, Integer> deliveries = new HashMap<>();
  /** Telegrams on the air, by sender, neighbour and serial: header and groups of the first. */
  private final Map<String, Frame> onAir = new HashMap<>();
  /** Indicators on the air, by sender, neighbour and indicator: the serial that used it. */
  private final Map<String, Integer> indicators = new HashMap<>();
  /** Registry numbers given in receipts, by station and number: the telegram. */
  private final Map<String, String> registry = new HashMap<>();
  private long delivered;

  List<String> violations() {
    return violations;
  }

  long delivered() {
    return delivered;
  }

  int filings() {
    return filed.size();
  }

  void violation(String v) {
    if (violations.size() < 20) {
      violations.add(v);
    }
  }

  void accepted(String reference, String text) {
    if (filed.put(reference, text) != null) {
      violation("reference " + reference + " filed twice");
    }
  }

  void withdrawn(String reference) {
    filed.remove(reference);
  }

  /** A frame goes on the air from {@code station}; {@code journal} is its journal now. */
  void transmitted(String station, String to, Frame f, SimulatedJournal journal) {
    String link = station + "->" + to;
    if (f.kind() == FrameKind.RADIOGRAM || f.kind() == FrameKind.REPEATED_GROUPS) {
      if (!durableSent(journal, to, f.serial())) {
        violation(link + " No. " + f.serial() + " on the air before its record was durable");
      }
    }
    if (f.kind() == FrameKind.RADIOGRAM) {
      Frame first = onAir.putIfAbsent(link + " " + f.serial(), f);
      if (first != null && (!first.header().equals(f.header())
          || !Arrays.equals(first.groups(), f.groups()))) {
        violation(link + " serial " + f.serial() + " used for two telegrams ("
            + first.header().reference() + ", " + f.header().reference() + ")");
      }
      if (!f.header().clear() && f.groupBytes() >= WireFormat.GROUP) {
        String indicator = new String(f.groups(), 0, WireFormat.GROUP,
            java.nio.charset.StandardCharsets.US_ASCII);
        Integer before = indicators.putIfAbsent(link + " " + indicator, f.serial());
        if (before != null && before != f.serial()) {
          violation(link + " pad indicator " + indicator + " used by No. " + before + " and No. "
              + f.serial());
        }
      }
    }
    if (f.kind() == FrameKind.RECEIPT) {
      if (!durableRegistration(journal, to, f.serial(), f.registryNumber())) {
        violation(station + " receipt for " + to + " No. " + f.serial() + " (registered "
            + f.registryNumber() + ") before its registration was durable");
      }
      String telegram = to + "/" + f.serial();
      String before = registry.putIfAbsent(station + " " + f.registryNumber(), telegram);
      if (before != null && !before.equals(telegram)) {
        violation(station + " registry number " + f.registryNumber() + " given to " + before
            + " and " + telegram);
      }
    }
  }

  void delivered(String station, String reference, String text, SimulatedJournal journal) {
    delivered++;
    int n = deliveries.merge(reference, 1, Integer::sum);
    if (n > 1) {
      violation(reference + " delivered " + n + " times");
    }
    if (!durableCompleted(journal, reference)) {
      violation(station + " delivered " + reference + " before its record was durable");
    }
    String want = filed.get(reference);
    if (want != null && !want.equals(text)) {
      violation(reference + " delivered with another text: \"" + text + "\", filed \"" + want
          + "\"");
    }
  }

  /** At the end: every accepted filing delivered. */
  void finish(boolean quiescent) {
    if (!quiescent) {
      violation("the run did not come to rest within its time limit");
    }
    for (Map.Entry<String, String> e : filed.entrySet()) {
      if (!deliveries.containsKey(e.getKey())) {
        violation(e.getKey() + " filed but never delivered");
      }
    }
    for (String ref : deliveries.keySet()) {
      if (!filed.containsKey(ref)) {
        violation(ref + " delivered but not filed (or its filing was lost)");
      }
    }
  }

  private static boolean durableSent(SimulatedJournal j, String to, int serial) {
    for (int i = 0; i < j.durable(); i++) {
      JournalRecord r = j.get(i);
      List<JournalRecord.Sent> sent = r instanceof JournalRecord.Filed f ? f.telegrams()
          : r instanceof JournalRecord.Completed c ? c.forwarded() : List.of();
      for (JournalRecord.Sent s : sent) {
        if (s.to().equals(to) && s.header().number() == serial) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean durableRegistration(SimulatedJournal j, String from, int serial,
      int number) {
    for (int i = 0; i < j.durable(); i++) {
      if (j.get(i) instanceof JournalRecord.Registered g && g.from().equals(from)
          && g.serial() == serial && g.registryNumber() == number) {
        return true;
      }
    }
    return false;
  }

  private static boolean durableCompleted(SimulatedJournal j, String reference) {
    for (int i = 0; i < j.durable(); i++) {
      if (j.get(i) instanceof JournalRecord.Completed c && c.reference().equals(reference)) {
        return true;
      }
    }
    return false;
  }
}
