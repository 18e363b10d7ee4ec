package org.shifrovka.sim;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run produced: each message's fate, each office's register, alarms, counters and latency
 * summaries, and the timeline. Everything in {@link #render()} is in simulated time, so two runs
 * with one seed render identically; {@link #realMillis()} is kept apart.
 *
 * @param seed the seed
 * @param finished true if the run reached quiescence before the real-time limit
 * @param epoch the simulated start
 * @param simulatedNanos simulated time at the end
 * @param messages the messages, in filing order
 * @param registers each station's registry numbers in the order given
 * @param alarms pad-reuse alarms
 * @param statistics per-station and per-link counters and histogram summaries
 * @param timeline the text timeline
 * @param malformedFrames malformed frames per station
 * @param realMillis real time the run took (not rendered)
 */
public record OutcomeReport(long seed, boolean finished, Instant epoch, long simulatedNanos,
    List<Message> messages, Map<String, List<String>> registers, List<String> alarms,
    String statistics, String timeline, Map<String, Long> malformedFrames, long realMillis) {

  /** Copies the collections. */
  public OutcomeReport {
    messages = List.copyOf(messages);
    registers = Map.copyOf(registers);
    alarms = List.copyOf(alarms);
    malformedFrames = Map.copyOf(malformedFrames);
  }

  /**
   * One message.
   *
   * @param reference end-to-end reference ({@code TEREBIN/15}), or "" if it was never filed
   * @param from origin
   * @param to addressee
   * @param source where the text came from
   * @param sentText the canonical text filed ("" if never filed)
   * @param deliveredText the text the addressee reassembled, or "" if none
   * @param deliveries how many times the addressee reassembled it (1 is right)
   * @param registryNumbers the addressee's registry numbers of its parts
   * @param filedAt simulated filing time, ns
   * @param deliveredAt simulated delivery time, ns, or -1
   * @param problem why it was not delivered, or ""
   */
  public record Message(String reference, String from, String to, String source, String sentText,
      String deliveredText, int deliveries, List<String> registryNumbers, long filedAt,
      long deliveredAt, String problem) {

    /** Returns true if delivered exactly once with the text filed. */
    public boolean deliveredIntact() {
      return deliveries == 1 && !sentText.isEmpty() && sentText.equals(deliveredText);
    }
  }

  /** Returns true if every message was delivered exactly once with its exact text. */
  public boolean allDeliveredExactlyOnce() {
    return messages.stream().allMatch(Message::deliveredIntact);
  }

  /** Returns the number of messages delivered intact. */
  public long deliveredCount() {
    return messages.stream().filter(Message::deliveredIntact).count();
  }

  /**
   * Returns true if the station's registry numbers go up by exactly {@code step}, with no gap and
   * no repeat.
   */
  public boolean gapFree(String station, int step) {
    List<String> regs = registers.getOrDefault(station, List.of());
    for (int i = 1; i < regs.size(); i++) {
      if (Integer.parseInt(regs.get(i)) - Integer.parseInt(regs.get(i - 1)) != step) {
        return false;
      }
    }
    return true;
  }

  /** Renders the report: deterministic for a seed (no real times). */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("seed ").append(seed).append(", simulated ").append(epoch).append(" + ")
        .append(duration(simulatedNanos)).append(finished ? "" : " (NOT FINISHED)").append('\n');
    sb.append(String.format(Locale.ROOT, "%d of %d message%s delivered exactly once with the"
        + " exact text%n", deliveredCount(), messages.size(), messages.size() == 1 ? "" : "s"));
    for (Message m : messages) {
      sb.append(String.format(Locale.ROOT, "  %-16s %s -> %s  %s", m.reference.isEmpty() ? "-"
          : m.reference, m.from, m.to, m.deliveredIntact() ? "delivered"
          : m.deliveries > 1 ? "DELIVERED " + m.deliveries + " TIMES"
          : m.deliveries == 1 ? "DELIVERED WITH OTHER TEXT" : "UNDELIVERABLE"));
      if (m.deliveries > 0) {
        sb.append(" after ").append(duration(m.deliveredAt - m.filedAt)).append(", registered ")
            .append(String.join(", ", m.registryNumbers));
      }
      if (!m.problem.isEmpty()) {
        sb.append(" (").append(m.problem).append(')');
      }
      sb.append('\n');
    }
    sb.append("registers:\n");
    registers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      List<String> r = e.getValue();
      sb.append("  ").append(e.getKey()).append(": ").append(r.size())
          .append(r.size() == 1 ? " telegram" : " telegrams");
      if (!r.isEmpty()) {
        sb.append(", ").append(r.get(0)).append(" .. ").append(r.get(r.size() - 1));
      }
      sb.append('\n');
    });
    sb.append("alarms: ").append(alarms.isEmpty() ? "none" : "").append('\n');
    for (String a : alarms) {
      sb.append("  ").append(a).append('\n');
    }
    malformedFrames.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append("malformed frames at ")
            .append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    sb.append(statistics);
    return sb.toString();
  }

  /** Formats simulated nanoseconds as {@code 1h02m03s}. */
  static String duration(long nanos) {
    long s = nanos / 1_000_000_000L;
    if (s < 60) {
      return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
    }
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
