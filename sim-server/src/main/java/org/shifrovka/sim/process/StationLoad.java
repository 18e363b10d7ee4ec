package org.shifrovka.sim.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.shifrovka.sim.MessageGenerator;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.pki.SimulationAuthority;
import org.shifrovka.sim.server.Role;

/**
 * A load generator: runs every station of a topology as a {@link ProcessStation} in this process,
 * on loopback ports of its own choosing, journals in a work directory, and files generated
 * messages at the origin at a steady rate for a while; then drains (waits until every filed
 * message is delivered, up to a drain limit) and reports the offered and delivered rates,
 * end-to-end latency (from when a message was due to be filed to its delivery at the addressee)
 * with HdrHistogram percentiles, and whether every message arrived exactly once.
 *
 * <p>Everything real is on: journals made durable by group commit, receipts, and with
 * {@code tls} mutual TLS from a fresh simulation authority. Filings are due at fixed times
 * whatever the stations do, and latency counts from when a message was due, so a station that
 * falls behind shows as latency, not as a lower offered load (no coordinated omission). The
 * generator applies backpressure: while the origin holds more than {@link #MAX_BACKLOG} filings
 * and telegrams not yet on the air (its windows are full), it waits before filing the next.
 *
 * <p>"NOT exactly once" is reported only when a message was delivered twice, or the run drained
 * and a filed message never arrived; a run that did not drain within its limit says so
 * separately, with how many were still in flight.
 */
public final class StationLoad {
  /** The most messages one run may offer (a station numbers its telegrams up to 99999). */
  public static final int MAX_MESSAGES = 20_000;
  /** The origin's backlog (filings and telegrams not yet on the air) above which filing waits. */
  public static final int MAX_BACKLOG = 2_048;

  private final Topology topology;
  private final double perSecond;
  private final Duration duration;
  private final Path workDir;
  private final boolean tls;
  private final long seed;
  private final Duration drainLimit;

  private StationLoad(Topology topology, double perSecond, Duration duration, Path workDir,
      boolean tls, long seed, Duration drainLimit) {
    this.topology = topology;
    this.perSecond = perSecond;
    this.duration = duration;
    this.workDir = workDir;
    this.tls = tls;
    this.seed = seed;
    this.drainLimit = drainLimit;
  }

  /**
   * Returns a load run with a drain limit of 60 s.
   *
   * @param topology the stations and links; the first origin files for the sole addressee
   * @param perSecond messages filed per second, above 0
   * @param duration how long to file
   * @param workDir where the journals (and the PKI) go; it should be empty
   * @param tls true for mutual TLS
   * @param seed the seed of codebook and pads
   */
  public static StationLoad of(Topology topology, double perSecond, Duration duration,
      Path workDir, boolean tls, long seed) {
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(workDir, "workDir");
    if (!(perSecond > 0) || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("the load needs a positive rate and duration, got "
          + perSecond + " messages/s and " + duration);
    }
    double offered = perSecond * duration.toNanos() / 1e9;
    if (offered > MAX_MESSAGES) {
      throw new IllegalArgumentException("the load offers " + Math.round(offered) + " messages;"
          + " at most " + MAX_MESSAGES + " fit a run (a station numbers its telegrams up to"
          + " 99999, and the pad books are made beforehand)");
    }
    return new StationLoad(topology, perSecond, duration, workDir, tls, seed,
        Duration.ofSeconds(60));
  }

  /**
   * What a load run measured.
   *
   * @param offered messages due to be filed
   * @param filed messages filed
   * @param delivered distinct messages delivered
   * @param duplicates deliveries beyond the first of a message
   * @param filingSeconds how long filing took, real time
   * @param totalSeconds from the first filing to the last delivery, real time
   * @param drained true if every filed message was delivered within the drain limit
   * @param drainLimitSeconds the drain limit
   * @param heldBack how many filings waited for the origin's backlog to fall (backpressure)
   * @param latency end-to-end latency in microseconds
   * @param counters each station's counters
   * @param refusals each station's refusals
   * @param tls whether links used mutual TLS
   * @param cpuSeconds CPU time this process spent from the first filing to the end of the drain
   *     (every station and the generator; -1 if the platform does not tell)
   */
  public record Result(long offered, long filed, long delivered, long duplicates,
      double filingSeconds, double totalSeconds, boolean drained, double drainLimitSeconds,
      long heldBack, Histogram latency, Map<String, Map<String, Long>> counters,
      Map<String, Long> refusals, boolean tls, double cpuSeconds) {

    /**
     * Returns true if every filed message arrived exactly once: nothing twice, and (the run
     * drained) nothing missing.
     */
    public boolean exactlyOnce() {
      return duplicates == 0 && drained && delivered == filed && filed == offered;
    }

    /** Returns true if something was lost or duplicated, for certain. */
    public boolean violated() {
      return duplicates > 0 || (drained && (delivered != filed || filed != offered));
    }

    /** Returns the offered messages per second while filing. */
    public double offeredRate() {
      return filingSeconds > 0 ? filed / filingSeconds : 0;
    }

    /** Returns the delivered messages per second, first filing to last delivery. */
    public double throughput() {
      return totalSeconds > 0 ? delivered / totalSeconds : 0;
    }

    /** Renders the report. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "load: %d messages offered over %.2f s, %.0f/s (%s,"
          + " journals on; %d filings held back by backpressure)%n", offered, filingSeconds,
          offeredRate(), tls ? "mutual TLS" : "plain TCP on loopback", heldBack));
      String verdict = exactlyOnce() ? "every message exactly once"
          : violated() ? "NOT exactly once"
          : "not drained within " + Math.round(drainLimitSeconds) + " s: " + (filed - delivered)
              + " still in flight (no loss or duplicate seen)";
      sb.append(String.format(Locale.ROOT, "filed %d, delivered %d, duplicates %d: %s%n", filed,
          delivered, duplicates, verdict));
      sb.append(String.format(Locale.ROOT, "delivered: %.0f messages/s (%.2f s from first"
          + " filing to last delivery)%n", throughput(), totalSeconds));
      if (latency.getTotalCount() > 0) {
        sb.append(String.format(Locale.ROOT, "latency, filing to delivery (ms): p50 %.2f, p90"
            + " %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n",
            latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(90) / 1e3,
            latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3,
            latency.getMaxValue() / 1e3));
      }
      long commits = 0;
      for (Map<String, Long> c : counters.values()) {
        commits += c.getOrDefault("journal-commits", 0L);
      }
      if (cpuSeconds >= 0 && delivered > 0) {
        sb.append(String.format(Locale.ROOT, "cost: %.2f s of CPU, %.0f us a message (three"
            + " stations and the generator); %d journal commits, %.2f a message%n", cpuSeconds,
            cpuSeconds * 1e6 / delivered, commits, (double) commits / delivered));
      }
      counters.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
      sb.append("  refusals: ").append(refusals).append('\n');
      return sb.toString();
    }
  }

  /** Runs the load and returns what it measured. */
  public Result run() throws IOException, InterruptedException {
    String origin = null;
    for (Topology.StationSpec s : topology.stations()) {
      if (s.role() == Role.ORIGIN && origin == null) {
        origin = s.name();
      }
    }
    String addressee = topology.soleAddressee();
    if (origin == null || addressee == null) {
      throw new IllegalArgumentException("the load needs an origin and a single addressee");
    }
    long offered = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
    int sheets = (int) Math.min(Integer.MAX_VALUE, Math.max(topology.padSheets(),
        offered * 4 + 100));
    Topology t = topology.withPads(sheets, topology.groupsPerSheet());
    Files.createDirectories(workDir);
    try (java.util.stream.Stream<Path> entries = Files.list(workDir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalArgumentException(workDir + " is not empty: a load run needs fresh"
            + " journals");
      }
    }
    Path pki = tls ? writePki(t) : null;
    long[] due = new long[(int) offered];
    Map<String, Long> dueByRef = new ConcurrentHashMap<>();
    Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    Recorder recorder = new Recorder(3);
    AtomicLong lastDelivery = new AtomicLong();
    AtomicLong filed = new AtomicLong();
    List<ProcessStation> stations = new ArrayList<>();
    long t0;
    long filingEnd;
    long heldBack = 0;
    boolean drained;
    long cpu0 = -1;
    long cpu1 = -1;
    try {
      stations.addAll(startAll(t, workDir, pki, seed, f -> {
        int i = Integer.parseInt(f.source().substring(5)) - 1;
        dueByRef.put(f.reference(), due[i]);
        filed.incrementAndGet();
      }, d -> {
        long now = System.nanoTime();
        if (deliveries.merge(d.reference(), 1, Integer::sum) == 1) {
          Long at = dueByRef.remove(d.reference());
          if (at != null) {
            recorder.recordValue(Math.max(1, (now - at) / 1_000));
          }
        }
        lastDelivery.set(now);
      }));
      ProcessStation from = null;
      for (ProcessStation st : stations) {
        if (st.name().equals(origin)) {
          from = st;
        }
      }
      cpu0 = cpuNanos();
      t0 = System.nanoTime();
      double interval = 1e9 / perSecond;
      for (int i = 0; i < offered; i++) {
        due[i] = t0 + (long) (i * interval);
        long wait;
        while ((wait = due[i] - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        if (from.backlog() > MAX_BACKLOG) {
          heldBack++;
          while (from.backlog() > MAX_BACKLOG) {
            LockSupport.parkNanos(100_000);
          }
        }
        from.file(MessageGenerator.text(seed, i), "load:" + (i + 1), addressee);
      }
      filingEnd = System.nanoTime();
      long deadline = filingEnd + drainLimit.toNanos();
      while ((deliveries.size() < filed.get() || filed.get() < offered)
          && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      drained = deliveries.size() >= offered;
      cpu1 = cpuNanos();
    } finally {
      for (ProcessStation s : stations) {
        s.close();
      }
    }
    long dup = 0;
    for (int n : deliveries.values()) {
      dup += n - 1;
    }
    Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
    Map<String, Long> refusals = new LinkedHashMap<>();
    for (ProcessStation s : stations) {
      counters.put(s.name(), s.counters());
      refusals.put(s.name(), s.refusals().total());
    }
    long end = Math.max(lastDelivery.get(), t0);
    return new Result(offered, filed.get(), deliveries.size(), dup, (filingEnd - t0) / 1e9,
        (end - t0) / 1e9, drained, drainLimit.toNanos() / 1e9, heldBack,
        recorder.getIntervalHistogram(), counters, refusals, tls,
        cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e9);
  }

  /** This process's CPU time so far in nanoseconds, or -1. */
  private static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() : -1;
  }

  /**
   * Starts every station of {@code topology} in this process on loopback ports of their own
   * choosing (each dials the others at the ports they bound), receivers first, with journals
   * {@code NAME.journal} in {@code dir}; returns them in the order started, once every link is up
   * (or after 10 s). If one cannot start,
   * those already started are closed.
   *
   * @param pki the PKI directory for mutual TLS, or null for plain TCP
   * @param filings who hears of filings
   * @param deliveries who hears of deliveries
   */
  public static List<ProcessStation> startAll(Topology topology, Path dir, Path pki, long seed,
      Consumer<ProcessStation.Filing> filings, Consumer<ProcessStation.Delivery> deliveries)
      throws IOException, InterruptedException {
    Map<String, InetSocketAddress> directory = new ConcurrentHashMap<>();
    List<Topology.StationSpec> specs = new ArrayList<>(topology.stations());
    java.util.Collections.reverse(specs); // receivers first
    List<ProcessStation> started = new ArrayList<>();
    boolean ok = false;
    try {
      for (Topology.StationSpec s : specs) {
        ProcessStation st = ProcessStation.builder().topology(topology).name(s.name())
            .directory(dir).pki(pki).seed(seed)
            .listen(new InetSocketAddress("127.0.0.1", 0)).peers(directory)
            .drain(Duration.ofSeconds(2)).filings(filings).deliveries(deliveries).build();
        directory.put(s.name(), st.start());
        started.add(st);
      }
      long deadline = System.nanoTime() + 10_000_000_000L; // every link up before any filing
      for (ProcessStation st : started) {
        try {
          while (!st.linksUp() && System.nanoTime() < deadline) {
            Thread.sleep(10);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IOException(st.name() + ": " + e.getCause(), e.getCause());
        }
      }
      ok = true;
      return started;
    } finally {
      if (!ok) {
        for (ProcessStation st : started) {
          st.close();
        }
      }
    }
  }

  private Path writePki(Topology t) throws IOException {
    return writePki(workDir, t);
  }

  /** Writes a fresh simulation authority and a certificate for every station to {@code work/pki}. */
  static Path writePki(Path workDir, Topology t) throws IOException {
    Path dir = workDir.resolve("pki");
    try {
      SimulationAuthority ca = SimulationAuthority.create("LOAD TEST CENTRE", Clock.systemUTC(),
          new SecureRandom());
      ca.write(dir);
      for (Topology.StationSpec s : t.stations()) {
        ca.issue(s.name()).write(dir);
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot make the load test's certificates: " + e.getMessage(), e);
    }
    return dir;
  }
}
