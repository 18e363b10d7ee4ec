package org.shifrovka.benchmarks;

import io.netty.channel.Channel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.shifrovka.sim.codec.Frame;

/**
 * <b>What it measures:</b> the latency of the station pipeline of {@link RelayPipeline} (the same
 * stations, codec and relay handler as {@link RelayBenchmark}) at an offered load of {@code rate}
 * telegrams of 60 groups per second, in real time: from the moment a telegram was <i>due</i> to be
 * sent at TEREBIN to the moment FILIPPOV has decoded it, in an HdrHistogram (1 µs to 10 s, 3
 * significant digits), for the chain and for the direct hop, over TCP loopback and LocalChannel.
 * Not a JMH benchmark: JMH measures the time of calls, and this measures an open-loop arrival
 * process. Run it with {@code java -cp benchmarks/target/benchmarks.jar
 * org.shifrovka.benchmarks.RelayLatency [rate] [warm-up s] [measured s] [json file]}.
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>Coordinated omission: a sender that waits for the system under test would send less when
 *       it is slow and hide the queueing. Here the sender is open-loop: telegram i is due at
 *       {@code start + i / rate}, carries its due time in the frame's {@code sentAt} field, and
 *       the latency is measured from the due time, so a late sender or a stalled loop counts in
 *       full. The sender wakes every 50 µs ({@code parkNanos}; in practice 60-100 µs on this VM)
 *       and sends what is due in one event-loop task: that batching is part of the figures.
 *   <li>One clock: sender and receiver are in one JVM and use {@code System.nanoTime()}.
 *   <li>Warm-up: the first {@code warm-up} seconds run at the same rate and are discarded.
 *   <li>The shared machine: the sender thread, the event loop and the kernel's loopback work share
 *       two cores with whatever else runs; the tail is where that shows. Note the load average.
 *   <li>Flags: run with {@code -Dio.netty.leakDetection.level=disabled
 *       -Dio.netty.allocator.type=pooled -Xms1g -Xmx1g}, as the README's command does.
 * </ul>
 */
public final class RelayLatency {
  private RelayLatency() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Path json = args.length > 3 ? Path.of(args[3]) : null;
    List<String> results = new ArrayList<>();
    for (String transport : new String[] {"nio", "local"}) {
      for (String path : new String[] {"chain", "direct"}) {
        results.add(measure(transport, path, rate, warm, seconds, System.out));
      }
    }
    if (json != null) {
      Files.writeString(json, "[\n" + String.join(",\n", results) + "\n]\n",
          StandardCharsets.UTF_8);
    }
  }

  static String measure(String transport, String path, int rate, int warm, int seconds,
      PrintStream out) throws InterruptedException, IOException {
    Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    long[] received = new long[1];
    Frame[] pool = RelayPipeline.telegrams(256, 1949);
    try (RelayPipeline p = new RelayPipeline("local".equals(transport), f -> {
      h.recordValue(Math.max(0, System.nanoTime() - f.sentAt()));
      received[0]++;
    })) {
      Channel in = "chain".equals(path) ? p.chainIn : p.directIn;
      long interval = 1_000_000_000L / rate;
      long start = System.nanoTime();
      long warmEnd = start + TimeUnit.SECONDS.toNanos(warm);
      long end = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
      long sent = 0;
      boolean reset = false;
      long measuredFrom = 0;
      long measuredSent = 0;
      while (true) {
        long now = System.nanoTime();
        if (!reset && now >= warmEnd) {
          // discard the warm-up on the loop thread, which is the histogram's only writer
          in.eventLoop().submit(() -> {
            h.reset();
            received[0] = 0;
          }).sync();
          reset = true;
          measuredFrom = sent;
        }
        if (now >= end) {
          break;
        }
        long due = Math.min((now - start) / interval + 1, (end - start) / interval);
        if (due > sent) {
          long first = sent;
          long last = due;
          in.eventLoop().execute(() -> {
            for (long i = first; i < last; i++) {
              in.write(RelayPipeline.stamped(pool[(int) (i & 255)], start + i * interval),
                  in.voidPromise());
            }
            in.flush();
          });
          sent = due;
        }
        LockSupport.parkNanos(50_000);
      }
      measuredSent = sent - measuredFrom;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      long got;
      do {
        Thread.sleep(10);
        got = in.eventLoop().submit(() -> received[0]).get();
      } while (got < measuredSent && System.nanoTime() < deadline);
      if (got < measuredSent) {
        throw new IllegalStateException(transport + " " + path + ": only " + got + " of "
            + measuredSent + " telegrams arrived");
      }
      Histogram copy = in.eventLoop().submit(h::copy).get();
      String line = String.format(Locale.ROOT,
          "{\"transport\": \"%s\", \"path\": \"%s\", \"offered_per_s\": %d, \"seconds\": %d, "
              + "\"sent\": %d, \"received\": %d, \"p50_us\": %.1f, \"p90_us\": %.1f, "
              + "\"p99_us\": %.1f, \"p999_us\": %.1f, \"max_us\": %.1f, \"mean_us\": %.1f}",
          transport, path, rate, seconds, measuredSent, got,
          copy.getValueAtPercentile(50) / 1e3, copy.getValueAtPercentile(90) / 1e3,
          copy.getValueAtPercentile(99) / 1e3, copy.getValueAtPercentile(99.9) / 1e3,
          copy.getMaxValue() / 1e3, copy.getMean() / 1e3);
      out.println(line);
      return line;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
