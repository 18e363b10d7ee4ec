package org.shifrovka.sim.process;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.shifrovka.sim.Topology;

/**
 * Runs a {@link ProcessStation} from the command line, for the crash test
 * ({@code tools/crash-test/crash-test.sh}):
 *
 * <pre>
 * ProcessStationMain run TOPOLOGY NAME DIR [COUNT ADDRESSEE [RATE]]   # runs until killed; files COUNT
 * ProcessStationMain count DIR STATION... ADDRESSEE           # counts from the journals
 * ProcessStationMain ports N                                   # prints N free loopback ports
 * </pre>
 *
 * <p>{@code run} files {@code COUNT} messages (sources {@code m0} ...) only when the station's
 * journal is new, so a restart does not file them again, at {@code RATE} a second (default: all
 * at once). {@code count} prints
 * {@code delivered=N duplicates=D reused=R} and exits 0 only if nothing was delivered twice and
 * nothing was reused. {@code -Dstation.window=N} sets the window (default
 * {@value ProcessStation#DEFAULT_WINDOW}). {@code -Dstation.pauseAt=POINT:N} (POINT
 * {@code committed} or {@code written}, see {@link DeliveryOutput.Pause}) stops the station at its
 * N-th delivery of this run, after printing {@code PAUSED POINT REFERENCE}, so that a test can
 * kill it there. The deliveries go to {@code DIR/NAME/NAME.deliveries}.
 */
public final class ProcessStationMain {
  private ProcessStationMain() {}

  /** Once a second while messages are delivered here: how many, the rate and the latency. */
  private static void report(String name, Histogram latency, long[] delivered) {
    long last = 0;
    long lastAt = System.nanoTime();
    while (true) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
      long n;
      String line;
      synchronized (latency) {
        n = delivered[0];
        line = String.format(java.util.Locale.ROOT,
            "p50=%.1fms p99=%.1fms p99.9=%.1fms max=%.1fms",
            latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(99) / 1e3,
            latency.getValueAtPercentile(99.9) / 1e3, latency.getMaxValue() / 1e3);
      }
      long now = System.nanoTime();
      if (n != last) {
        System.out.printf(java.util.Locale.ROOT, "%s delivered=%d rate=%.0f/s %s%n", name, n,
            (n - last) * 1e9 / (now - lastAt), line);
      }
      last = n;
      lastAt = now;
    }
  }

  /** Stops forever at the N-th time {@code spec} ({@code POINT:N}) is reached; null: never. */
  private static DeliveryOutput.Pause pause(String spec) {
    if (spec == null) {
      return DeliveryOutput.Pause.NONE;
    }
    String point = spec.substring(0, spec.indexOf(':'));
    int n = Integer.parseInt(spec.substring(spec.indexOf(':') + 1));
    int[] seen = new int[1];
    return (at, reference) -> {
      if (at.equals(point) && ++seen[0] == n) {
        System.out.println("PAUSED " + at + " " + reference);
        System.out.flush();
        while (true) {
          java.util.concurrent.locks.LockSupport.park();
        }
      }
    };
  }

  /**
   * Runs the command.
   *
   * @param args as above
   * @throws Exception if the station fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("ports")) {
      for (int i = 0; i < Integer.parseInt(args[1]); i++) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
            java.net.InetAddress.getLoopbackAddress())) {
          System.out.println(socket.getLocalPort());
        }
      }
      return;
    }
    if (args.length >= 3 && args[0].equals("count")) {
      List<String> stations = List.of(args).subList(2, args.length);
      JournalCount c = JournalCount.of(Path.of(args[1]), stations);
      System.out.println("delivered=" + c.delivered() + " duplicates=" + c.duplicates()
          + " reused=" + c.reused().size());
      c.reused().stream().limit(10).forEach(System.out::println);
      System.exit(c.duplicates() == 0 && c.reused().isEmpty() ? 0 : 1);
    }
    if (args.length < 4 || !args[0].equals("run")) {
      System.err.println("usage: ProcessStationMain run TOPOLOGY NAME DIR [COUNT ADDRESSEE [RATE]]"
          + " | count DIR STATION... ADDRESSEE");
      System.exit(2);
    }
    Topology t = Topology.parse(Path.of(args[1]));
    String name = args[2];
    Path dir = Path.of(args[3]);
    boolean fresh = !java.nio.file.Files.exists(dir.resolve(name).resolve(name + ".journal"));
    Histogram latency = new Histogram(3_600_000_000L, 3); // microseconds, up to an hour
    long[] delivered = new long[1];
    ProcessStation s = ProcessStation.builder().topology(t).name(name)
        .window(Integer.getInteger("station.window", ProcessStation.DEFAULT_WINDOW))
        .directory(dir.resolve(name)).pause(pause(System.getProperty("station.pauseAt")))
        .deliveries(d -> {
          synchronized (latency) {
            delivered[0]++;
            latency.recordValue(Math.max(0, Math.min(3_600_000_000L,
                (d.deliveredAt() - d.filedAt()) / 1_000)));
          }
        }).build();
    System.out.println(name + " listening on " + s.start());
    Runtime.getRuntime().addShutdownHook(new Thread(s::close));
    Thread report = new Thread(() -> report(name, latency, delivered), name + "-report");
    report.setDaemon(true);
    report.start();
    if (args.length >= 6 && fresh) {
      int count = Integer.parseInt(args[4]);
      double rate = args.length >= 7 ? Double.parseDouble(args[6]) : 0;
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        if (rate > 0) {
          long due = start + (long) (i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
          }
        }
        s.file("Comrade Filippov, the radio is being moved here.", "m" + i, args[5]);
      }
    }
    new CountDownLatch(1).await();
  }
}
