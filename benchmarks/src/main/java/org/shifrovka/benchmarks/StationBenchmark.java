package org.shifrovka.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shifrovka.MalformedInputException;
import org.shifrovka.sim.MessageGenerator;
import org.shifrovka.sim.Topology;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.process.ProcessStation;
import org.shifrovka.sim.process.StationLoad;

/**
 * <b>What it measures:</b> messages per second through process stations ({@link ProcessStation},
 * the station core's real-process driver, as {@code shifrovka station} runs it) with their
 * journals on: TEREBIN → KUZNETSOV → FILIPPOV
 * ({@code path=chain}) beside a single hop TEREBIN → FILIPPOV ({@code path=direct}) in the same
 * run. One invocation files {@value #K} generated messages (12-40 words, one telegram of 20-50
 * groups each, one pad sheet) at TEREBIN and waits until FILIPPOV has delivered all of them:
 * {@code @OperationsPerInvocation(K)}, so the score is messages/s. The secondary result
 * {@code delivered} must equal it.
 *
 * <p><b>What is included:</b> everything a real station does: enciphering at the origin, the
 * journal's group commits with {@code synchronous=FULL} (an fsync per commit, covering every
 * record appended meanwhile), receipts and forwarded frames held until durable, the relay's
 * decipherment and re-encipherment, the addressee's decipherment and delivery record, all over
 * loopback TCP (plain: every address is loopback). The journal-off counterpart is
 * {@link SimulationBenchmark} (the simulator, which journals nothing) and, for the transport alone,
 * {@link RelayBenchmark}.
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>The disk: every batch is fsynced, so the score depends on the file system under
 *       {@code java.io.tmpdir} (here ext4 on a virtual disk, about 3.5 ms a commit). A tmpfs would
 *       flatter it.
 *   <li>Batching: the more messages are in flight, the bigger each journal batch and the fewer
 *       fsyncs per message; {@value #K} messages per invocation is a burst, not a steady rate (for
 *       latency at a steady rate see {@code shifrovka simulate --load}).
 *   <li>Journal growth: each iteration starts fresh stations on fresh journals and pad books (in
 *       the setup, not measured), so later iterations do not pay for larger tables.
 *   <li>The machine: three stations' office threads and their event loops share two cores; the
 *       score is the whole chain's, not one station's.
 * </ul>
 */
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class StationBenchmark extends BenchmarkBase {
  static final int K = 200;

  @Param({"chain", "direct"})
  public String path;

  private Path dir;
  private final List<ProcessStation> stations = new ArrayList<>();
  private ProcessStation terebin;
  private final AtomicReference<CountDownLatch> done = new AtomicReference<>();
  private int filed;
  private long deliveredCount;

  /** Messages FILIPPOV delivered. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Delivered {
    /** The count, reported per second. */
    public long delivered;
  }

  static String topology(boolean chain) {
    String stations = "stations:\n"
        + "  - {name: TEREBIN, role: origin, listen: 127.0.0.1:0,"
        + " office: {firstSerial: 15, maxGroups: 120}}\n"
        + (chain ? "  - {name: KUZNETSOV, role: relay, listen: 127.0.0.1:0,"
            + " register: {base: 50450, step: 20}, office: {firstSerial: 100, maxGroups: 120}}\n"
            : "")
        + "  - {name: FILIPPOV, role: addressee, listen: 127.0.0.1:0,"
        + " register: {base: 100, step: 1, width: 4}}\n";
    String links = chain
        ? "links:\n  - {between: [TEREBIN, KUZNETSOV]}\n  - {between: [KUZNETSOV, FILIPPOV]}\n"
        : "links:\n  - {between: [TEREBIN, FILIPPOV]}\n";
    return "forward: reencipher\nretransmit: {timeout: 30s, backoff: 2, maxAttempts: 12}\n"
        + "pads: {sheets: 40000, groupsPerSheet: 60}\n" + stations + links;
  }

  @Setup(Level.Iteration)
  public void start() throws IOException, InterruptedException, MalformedInputException {
    dir = Files.createTempDirectory("shifrovka-station-bench");
    Topology t = Topology.parse(topology(path.equals("chain")), "<benchmark>", dir);
    stations.addAll(StationLoad.startAll(t, dir, null, Scenario1949.DEFAULT_SEED, f -> { },
        d -> {
          deliveredCount++;
          done.get().countDown();
        }));
    for (ProcessStation st : stations) {
      if (st.name().equals("TEREBIN")) {
        terebin = st;
      }
    }
  }

  @TearDown(Level.Iteration)
  public void stop() throws IOException {
    for (ProcessStation s : stations) {
      s.close();
    }
    stations.clear();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(K)
  public void fileAndDeliver(Delivered counter) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(K);
    done.set(latch);
    long before = deliveredCount;
    for (int i = 0; i < K; i++) {
      terebin.file(MessageGenerator.text(1949, filed), "bench:" + filed, "FILIPPOV");
      filed++;
    }
    if (!latch.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + (K - latch.getCount()) + " of " + K
          + " messages delivered in 60 s");
    }
    counter.delivered += deliveredCount - before;
  }
}
