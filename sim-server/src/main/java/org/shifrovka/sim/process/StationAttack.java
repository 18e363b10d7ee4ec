package org.shifrovka.sim.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.FileHandler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.shifrovka.sim.MessageGenerator;
import org.shifrovka.sim.Topology;

/**
 * The admission attack, measured (issue 22): the chain TEREBIN → KUZNETSOV → FILIPPOV as
 * {@link ProcessStation}s in this process on mutual TLS, TEREBIN filing a steady stream for
 * FILIPPOV, while {@link HostileClients} hold {@code connections} connections against KUZNETSOV
 * (no certificate, slow-loris, garbage, silent; each opened again as soon as it is closed), all
 * from one hostile host (127.0.0.2) or several. The hostile clients run in a JVM of their own at
 * the lowest priority ({@code nice -n 19}): on one machine they stand for a host elsewhere, so
 * they take the CPU the stations leave, and what is measured is what the attack costs the
 * station, not what the attacker's own threads take from it ({@code -Dattack.nice=0}: the
 * attacker competes for the CPU as an equal). Three phases of {@code seconds} each: before,
 * during and after the attack; for each, messages delivered at FILIPPOV per second, the median
 * latency, and how much the log (every station's, one file, java.util.logging's usual format)
 * grew, in bytes a minute.
 *
 * <pre>
 * java -cp ... org.shifrovka.sim.process.StationAttack [CONNECTIONS [SECONDS [RATE [HOSTS [DIR]]]]]
 * </pre>
 *
 * (defaults 200, 15, rate 0, 1 host, a fresh temporary directory; rate 0 files as fast as the
 * origin's backlog allows, so that each phase measures the chain's capacity; a rate above 0 is an
 * offered load in messages a second). It passes (exit 0)
 * when the delivery rate under attack is at least half the mean of the two phases without it, and
 * the log grows by less than 1 MB a minute under attack. See {@code tools/attack/attack.sh}.
 */
public final class StationAttack {
  /** The most messages a run files (a station numbers its telegrams up to 99999). */
  static final int MAX_MESSAGES = 45_000;

  private StationAttack() {}

  /** What one phase measured. */
  record Phase(String name, double seconds, long delivered, double p50Millis, long logBytes,
      long refusals, long hostileConnections) {
    double rate() {
      return delivered / seconds;
    }

    double logBytesPerMinute() {
      return logBytes * 60 / seconds;
    }

    String render() {
      return String.format(Locale.ROOT, "%-9s %5.1f s: delivered %6d (%6.1f/s), latency p50 %7.1f"
          + " ms, log +%,9d bytes (%,11.0f bytes/min), refusals %,8d, hostile connections"
          + " opened %,8d", name, seconds, delivered, rate(), p50Millis, logBytes,
          logBytesPerMinute(), refusals, hostileConnections);
    }
  }

  /**
   * Runs the attack and prints the phases.
   *
   * @param args as above
   * @throws Exception if the chain cannot run
   */
  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    double rate = args.length > 2 ? Double.parseDouble(args[2]) : 0;
    int hosts = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    Path dir = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("station-attack");
    Files.createDirectories(dir);
    Path log = dir.resolve("stations.log");
    LogManager.getLogManager().reset(); // the stations' log goes to one file, as stderr would
    FileHandler file = new FileHandler(log.toString());
    file.setFormatter(new SimpleFormatter());
    Logger.getLogger("").addHandler(file);

    List<Phase> phases = run(dir, log, connections, seconds, rate, hosts);
    file.close();
    System.out.printf(Locale.ROOT, "attack: %d hostile connections from %d host(s) against"
        + " KUZNETSOV (mutual TLS), TEREBIN filing %s; work dir %s%n", connections, hosts,
        rate > 0 ? String.format(Locale.ROOT, "%.0f messages/s", rate)
            : "as fast as its backlog allows (capacity)", dir);
    for (Phase p : phases) {
      System.out.println(p.render());
    }
    double unattacked = (phases.get(0).rate() + phases.get(2).rate()) / 2;
    double ratio = unattacked > 0 ? phases.get(1).rate() / unattacked : 0;
    boolean rateOk = ratio >= 0.5;
    boolean logOk = phases.get(1).logBytesPerMinute() < 1_000_000;
    System.out.printf(Locale.ROOT, "under attack: %.0f%% of the unattacked delivery rate (at least"
        + " 50%%: %s); log %,.0f bytes/min (under 1 MB/min: %s)%n", ratio * 100,
        rateOk ? "met" : "NOT met", phases.get(1).logBytesPerMinute(), logOk ? "met" : "NOT met");
    System.exit(rateOk && logOk ? 0 : 1);
  }

  static List<Phase> run(Path dir, Path log, int connections, int seconds, double rate,
      int hosts) throws IOException, InterruptedException, GeneralSecurityException,
      org.shifrovka.MalformedInputException {
    // enough for the warm-up, the phases and up to 15 s waiting for the attacker
    long messages = rate > 0 ? Math.round(rate * (3L * seconds + 45)) : MAX_MESSAGES;
    if (messages > MAX_MESSAGES) {
      throw new IllegalArgumentException(messages + " messages: at most " + MAX_MESSAGES
          + " fit a run; lower the rate or the seconds");
    }
    int[] ports = new int[3];
    for (int i = 0; i < 3; i++) {
      try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1,
          InetAddress.getLoopbackAddress())) {
        ports[i] = s.getLocalPort();
      }
    }
    Topology t = Topology.parse(chain(ports, (int) messages * 2 + 200), "<attack>", dir);
    Path pki = StationLoad.writePki(dir, t);
    ConcurrentLinkedQueue<long[]> delivered = new ConcurrentLinkedQueue<>(); // {at, latency}
    Map<String, Long> filedAt = new ConcurrentHashMap<>();
    List<ProcessStation> stations = new ArrayList<>();
    List<Phase> phases = new ArrayList<>();
    try {
      for (String name : List.of("FILIPPOV", "KUZNETSOV", "TEREBIN")) {
        ProcessStation s = ProcessStation.builder().topology(t).name(name)
            .directory(dir.resolve(name)).pki(pki)
            .filings(f -> filedAt.put(f.reference(), System.nanoTime()))
            .deliveries(d -> {
              long now = System.nanoTime();
              Long at = filedAt.get(d.reference());
              delivered.add(new long[] {now, at == null ? 0 : now - at});
            }).build();
        s.start();
        stations.add(s);
      }
      ProcessStation terebin = stations.get(2);
      ProcessStation kuznetsov = stations.get(1);
      Thread filing = new Thread(() -> file(terebin, rate, messages), "filing");
      filing.setDaemon(true);
      filing.start();
      LockSupport.parkNanos(20_000_000_000L); // links up, code compiled, the first backlog gone
      phases.add(phase("before", seconds, delivered, log, kuznetsov, null));
      Attacker attack = new Attacker(ports[1], connections, hosts);
      try {
        // the attack at full strength: every hostile connection opened at least once
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (attack.connections() < connections && System.nanoTime() < deadline) {
          LockSupport.parkNanos(100_000_000L);
        }
        LockSupport.parkNanos(2_000_000_000L);
        phases.add(phase("attacked", seconds, delivered, log, kuznetsov, attack));
      } finally {
        attack.close();
      }
      LockSupport.parkNanos(2_000_000_000L);
      phases.add(phase("after", seconds, delivered, log, kuznetsov, null));
    } finally {
      for (ProcessStation s : stations) {
        s.close();
      }
    }
    return phases;
  }

  private static Phase phase(String name, int seconds, ConcurrentLinkedQueue<long[]> delivered,
      Path log, ProcessStation station, Attacker attack) throws IOException {
    delivered.clear();
    long log0 = Files.size(log);
    long refused0 = station.refusals().total();
    long hostile0 = attack == null ? 0 : attack.connections();
    long t0 = System.nanoTime();
    LockSupport.parkNanos(seconds * 1_000_000_000L);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    List<Long> latencies = new ArrayList<>();
    for (long[] d : delivered) {
      latencies.add(d[1]);
    }
    latencies.sort(null);
    double p50 = latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2) / 1e6;
    return new Phase(name, elapsed, latencies.size(), p50, Files.size(log) - log0,
        station.refusals().total() - refused0, attack == null ? 0 : attack.connections() - hostile0);
  }

  /** {@link HostileClients} in a JVM of their own at the lowest priority. */
  private static final class Attacker {
    private final Process process;
    private volatile long opened;

    Attacker(int port, int connections, int hosts) throws IOException {
      String bin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      List<String> cmd = new ArrayList<>(List.of("nice", "-n",
          System.getProperty("attack.nice", "19"), bin, "-Xmx256m"));
      String kinds = System.getProperty("attack.kinds");
      if (kinds != null) {
        cmd.add("-Dattack.kinds=" + kinds);
      }
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
          HostileClients.class.getName(), "127.0.0.1", String.valueOf(port),
          String.valueOf(connections), String.valueOf(hosts)));
      process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      Thread reader = new Thread(() -> {
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
            process.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("opened ")) {
              opened = Long.parseLong(line.substring(7));
            }
          }
        } catch (IOException e) {
          // the attacker ended
        }
      }, "attacker-output");
      reader.setDaemon(true);
      reader.start();
    }

    long connections() {
      return opened;
    }

    void close() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /**
   * Files {@code count} messages at {@code rate} a second (0: as fast as the backlog allows),
   * holding back while the backlog is high.
   */
  private static void file(ProcessStation from, double rate, long count) {
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long wait = rate > 0 ? t0 + (long) (i * 1e9 / rate) - System.nanoTime() : 0;
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      while (from.backlog() > StationLoad.MAX_BACKLOG) {
        LockSupport.parkNanos(1_000_000);
      }
      from.file(MessageGenerator.text(1, i), "attack:" + i, "FILIPPOV");
    }
  }

  /** The YAML of the chain TEREBIN -> KUZNETSOV -> FILIPPOV on loopback {@code ports}. */
  static String chain(int[] ports, int sheets) {
    return "start: 1949-01-13T21:40:00+08:00\n"
        + "forward: reencipher\n"
        + "retransmit: {timeout: 3s, backoff: 2, maxAttempts: 12}\n"
        + "pads: {sheets: " + sheets + ", groupsPerSheet: 60}\n"
        + "stations:\n"
        + "  - {name: TEREBIN, place: Xibaipo, zone: Asia/Shanghai, role: origin,"
        + " listen: 127.0.0.1:" + ports[0] + ", office: {firstSerial: 15, maxGroups: 120}}\n"
        + "  - {name: KUZNETSOV, role: relay, listen: 127.0.0.1:" + ports[1]
        + ", register: {base: 50450, step: 20}, office: {firstSerial: 100, maxGroups: 120}}\n"
        + "  - {name: FILIPPOV, role: addressee, listen: 127.0.0.1:" + ports[2]
        + ", register: {base: 100, step: 1, width: 4}}\n"
        + "links:\n"
        + "  - {between: [TEREBIN, KUZNETSOV], wpm: 20}\n"
        + "  - {between: [KUZNETSOV, FILIPPOV], wpm: 30}\n";
  }
}
