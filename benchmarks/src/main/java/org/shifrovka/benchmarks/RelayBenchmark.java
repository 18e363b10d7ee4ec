package org.shifrovka.benchmarks;

import io.netty.channel.Channel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.shifrovka.sim.codec.Frame;

/**
 * <b>What it measures:</b> telegrams per second through the station pipeline of sim-server, TEREBIN
 * → KUZNETSOV → FILIPPOV ({@code chain}), beside a single direct hop TEREBIN → FILIPPOV
 * ({@code direct}) in the same run, with {@code transport=nio} (real TCP on 127.0.0.1) or
 * {@code transport=local} (Netty {@code LocalChannel}: the pipeline alone, no socket). One
 * invocation writes {@value #K} telegrams of 60 groups (one pad sheet, 386 bytes a frame on the
 * wire on average) into TEREBIN's connection in one event-loop task, flushes once, and waits until FILIPPOV
 * has decoded all {@value #K}: {@code @OperationsPerInvocation(K)}, so the score is telegrams/s.
 * The secondary result {@code relayed} counts the telegrams FILIPPOV decoded (it must equal the
 * score: nothing is dropped or garbled, the links are ideal).
 *
 * <p><b>What is included:</b> sim-server's frame codec at every station ({@code FrameEncoder},
 * the 16-KiB {@code LengthFieldBasedFrameDecoder}, {@code FrameDecoder}, which builds a
 * {@code Frame} and copies the groups), a relay handler at KUZNETSOV that builds a new frame for the
 * next hop and re-encodes it, two (chain) or one (direct) loopback TCP connections with their
 * kernel cost, all on one event loop of one thread (the machine has two cores; the JMH thread only
 * waits). <b>Not included</b>: the cipher work (KUZNETSOV does not decipher, reassemble or
 * re-encipher, and FILIPPOV does not decipher), receipts and repeat requests, the
 * {@code SimKernel} (simulated time, the conservative scheduler and its report hand-off),
 * {@code LinkHandler} (impairments: off anyway), the event log and metrics, and the station
 * journal (not wired into stations yet: it would be off in any case). This is the ceiling the
 * transport and codec allow; the whole simulator ({@link SimulationBenchmark}) is far below it.
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>Latency instead of throughput: a {@code sync()} per telegram would measure a round trip.
 *       Here {@value #K} writes are in flight per invocation; the latch is counted down once.
 *   <li>Per-invocation overhead: one latch and one task per {@value #K} telegrams (tens of
 *       microseconds against tens of milliseconds).
 *   <li>Constant inputs: the telegrams come from a pool of {@value #POOL} different frames (random
 *       digits), and every frame is encoded and decoded for real; nothing is cached.
 *   <li>Buffers: leak detection is off and the pooled allocator is pinned (see the fork's
 *       arguments), as in Netty's microbenchmarks; the tests run with paranoid detection, which is
 *       about 3 times slower.
 *   <li>Queues: writes are not flow-controlled, so a whole batch (about 390 KB) may sit in
 *       TEREBIN's outbound buffer; that is the point of pipelining, and the batch is bounded.
 *   <li>Warm-up: the pipeline runs at a tenth of its speed for the first 3-6 seconds of a fork
 *       (measured with {@code -wi 0}: 40-110k telegrams/s, then 500k+ within one iteration; the
 *       compilers share the two cores), hence 10 warm-up iterations, as Netty's benchmarks use.
 *   <li>The machine: two shared cores; the kernel's loopback work runs on the same cores as the
 *       event loop. Compare {@code chain} with {@code direct} within one run.
 * </ul>
 */
@Warmup(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dio.netty.leakDetection.level=disabled",
    "-Dio.netty.allocator.type=pooled"})
public class RelayBenchmark extends BenchmarkBase {
  static final int K = 1000;
  static final int POOL = 256;

  @Param({"nio", "local"})
  public String transport;

  /**
   * Event-loop threads for the three stations: 1 (everything on one thread, the configuration of
   * the first runs) or 2 (the relay's two connections on different threads, so the chain can use
   * both cores, as the direct hop cannot).
   */
  @Param({"1", "2"})
  public int threads;

  RelayPipeline pipeline;
  Frame[] telegrams;
  int next;
  volatile CountDownLatch done;
  final java.util.concurrent.atomic.AtomicInteger remaining =
      new java.util.concurrent.atomic.AtomicInteger();
  final java.util.concurrent.atomic.AtomicLong received =
      new java.util.concurrent.atomic.AtomicLong();

  /** Telegrams FILIPPOV decoded; reported per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Counters {
    public long relayed;

    @Setup(Level.Iteration)
    public void reset() {
      relayed = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    telegrams = RelayPipeline.telegrams(POOL, 1949);
    pipeline = new RelayPipeline("local".equals(transport), threads, f -> {
      received.incrementAndGet();
      if (remaining.decrementAndGet() == 0) {
        done.countDown();
      }
    });
    // check: one telegram through each path arrives whole, from the right origin
    java.util.concurrent.atomic.AtomicReferenceArray<Frame> got =
        new java.util.concurrent.atomic.AtomicReferenceArray<>(1);
    RelayPipeline check = new RelayPipeline("local".equals(transport), threads,
        f -> got.set(0, f));
    try {
      for (Channel c : new Channel[] {check.chainIn, check.directIn}) {
        got.set(0, null);
        c.writeAndFlush(telegrams[7]).sync();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (got.get(0) == null && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        String origin = c == check.chainIn ? "KUZNETSOV" : "TEREBIN";
        if (got.get(0) == null || !got.get(0).header().equals(telegrams[7].header())
            || !java.util.Arrays.equals(got.get(0).groups(), telegrams[7].groups())
            || !got.get(0).origin().equals(origin)) {
          throw new IllegalStateException("the telegram did not arrive intact: " + got.get(0));
        }
      }
    } finally {
      check.close();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    pipeline.close();
  }

  private long send(Channel in, Counters counters) throws InterruptedException {
    CountDownLatch latch = new CountDownLatch(1);
    int first = next;
    next = (next + K) & (POOL - 1);
    long before = received.get();
    done = latch;
    remaining.set(K); // before the writes: the sink may run on another loop
    in.eventLoop().execute(() -> {
      for (int i = 0; i < K; i++) {
        in.write(telegrams[(first + i) & (POOL - 1)], in.voidPromise());
      }
      in.flush();
    });
    if (!latch.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + (K - remaining.get()) + " of " + K
          + " arrived");
    }
    long n = received.get() - before;
    counters.relayed += n;
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(K)
  public long chain(Counters counters) throws InterruptedException {
    return send(pipeline.chainIn, counters);
  }

  @Benchmark
  @OperationsPerInvocation(K)
  public long direct(Counters counters) throws InterruptedException {
    return send(pipeline.directIn, counters);
  }
}
