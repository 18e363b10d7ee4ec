package org.shifrovka.sim.observe;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * Counters and latency histograms (HdrHistogram, simulated milliseconds) of one station or link.
 * Used on the simulation's executor only.
 */
public final class Metrics {
  private static final long MAX_MS = TimeUnit.DAYS.toMillis(30);

  private final String name;
  /** Counter cells by name, unsorted (a counter is bumped several times per telegram). */
  private final Map<String, long[]> counters = new java.util.HashMap<>();
  private final Map<String, Histogram> histograms = new TreeMap<>();

  /** Returns empty metrics. */
  public Metrics(String name) {
    this.name = name;
  }

  /** Returns the name. */
  public String name() {
    return name;
  }

  /** Adds 1 to a counter. */
  public void count(String counter) {
    add(counter, 1);
  }

  /** Adds {@code n} to a counter. */
  public void add(String counter, long n) {
    long[] cell = counters.get(counter);
    if (cell == null) {
      cell = new long[1];
      counters.put(counter, cell);
    }
    cell[0] += n;
  }

  /** Returns a counter's value. */
  public long get(String counter) {
    long[] cell = counters.get(counter);
    return cell == null ? 0 : cell[0];
  }

  /** Records a latency in simulated nanoseconds. */
  public void latency(String histogram, long nanos) {
    // packed: a histogram holds only the buckets it has counts in (a hub keeps one per spoke,
    // of some hundred values each; a plain one of hours in ms is a 120 KB array), same percentiles
    histograms.computeIfAbsent(histogram, h -> new PackedHistogram(3))
        .recordValue(Math.min(MAX_MS, Math.max(0, nanos / 1_000_000)));
  }

  /** Returns the counters, sorted by name. */
  public Map<String, Long> counters() {
    Map<String, Long> sorted = new TreeMap<>();
    for (Map.Entry<String, long[]> c : counters.entrySet()) {
      sorted.put(c.getKey(), c.getValue()[0]);
    }
    return java.util.Collections.unmodifiableMap(sorted);
  }

  /** Returns a histogram, or null. */
  public Histogram histogram(String name) {
    return histograms.get(name);
  }

  /** Renders counters and histogram summaries (simulated time), one line each. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(':');
    for (Map.Entry<String, Long> c : counters().entrySet()) {
      sb.append(' ').append(c.getKey()).append('=').append(c.getValue());
    }
    sb.append('\n');
    for (Map.Entry<String, Histogram> h : histograms.entrySet()) {
      Histogram v = h.getValue();
      sb.append("  ").append(h.getKey()).append(String.format(Locale.ROOT,
          " (simulated): n=%d min=%s p50=%s p90=%s p99=%s max=%s%n", v.getTotalCount(),
          ms(v.getMinValue()), ms(v.getValueAtPercentile(50)), ms(v.getValueAtPercentile(90)),
          ms(v.getValueAtPercentile(99)), ms(v.getMaxValue())));
    }
    return sb.toString();
  }

  static String ms(long ms) {
    if (ms < 10_000) {
      return ms + "ms";
    }
    long s = ms / 1000;
    return s < 3600 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
        : String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
