package org.shifrovka.sim.dst;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.shifrovka.CipherOffice;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.TopologyOffices;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameKind;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.core.Neighbour;
import org.shifrovka.sim.core.Offices;
import org.shifrovka.sim.core.Outcomes;
import org.shifrovka.sim.core.RetransmitSettings;
import org.shifrovka.sim.core.StationConfig;
import org.shifrovka.sim.core.StationCore;
import org.shifrovka.sim.core.StationEffects;
import org.shifrovka.sim.core.Timeout;
import org.shifrovka.sim.observe.Metrics;
import org.shifrovka.sim.server.ForwardMode;
import org.shifrovka.telegram.Register;

/**
 * One deterministic simulation run: the 1949 chain TEREBIN -> KUZNETSOV -> FILIPPOV on
 * {@link StationCore}s in virtual time, messages filed at random moments, and the faults of a
 * {@code FaultPlan}, all drawn from one seed; {@code Invariants} checks it.
 *
 * <p>A crash throws the station's core away (its memory) and keeps its journal up to the last
 * completed commit; its pad ledgers survive (a {@link PadLedger} is durable on its own). The
 * restarted core recovers from the journal; a filing whose record was not yet durable is filed
 * again, as a client without an acknowledgement would. Not thread-safe; one run per thread.
 */
public final class DstRun {
  private static final Topology TOPOLOGY = Topology.default1949();
  private static final long PAD_SEED = Scenario1949.DEFAULT_SEED;
  private static final Map<String, PadBook> BOOKS = new ConcurrentHashMap<>();
  private static volatile Codebook codebook;
  private static final String ADDRESSEE = "FILIPPOV";
  /** With {@code -Ddst.trace=true}, a replayed run prints every station's log. */
  private static final boolean TRACE = Boolean.getBoolean("dst.trace");
  private static final String[] TEXTS = {
    "Comrade Kuznetsov, the radio is being moved here.",
    "Comrade Kuznetsov, second message.",
    "The radio is being moved here.",
    "Comrade Filippov, the radio is being moved.",
  };
  /** The virtual time a run may take before it counts as not coming to rest. */
  private static final long LIMIT = Duration.ofDays(3).toNanos();
  private static final long HORIZON = Duration.ofHours(2).toNanos();

  /**
   * What one run found.
   *
   * @param seed the seed
   * @param violations the invariants broken (empty: the run passed)
   * @param filed messages filed and accepted
   * @param delivered deliveries
   * @param crashes crashes injected
   * @param events events processed
   * @param end the virtual time the run came to rest
   */
  public record Result(long seed, List<String> violations, int filed, long delivered, int crashes,
      long events, long end) {
    /** Copies the list. */
    public Result {
      violations = List.copyOf(violations);
    }

    /** Returns whether every invariant held. */
    public boolean passed() {
      return violations.isEmpty();
    }

    /** Returns the one-line command that replays this run. */
    public String replay() {
      return replayCommand(seed);
    }
  }

  /** Returns the command that replays the run of {@code seed}. */
  public static String replayCommand(long seed) {
    return "mvn -B -q test -pl sim-server -am -Dtest=DeterministicSimulationTest"
        + " -Dsurefire.failIfNoSpecifiedTests=false -Ddst.seed=" + seed;
  }

  private final long seed;
  private final SplittableRandom random;
  private final VirtualTime time = new VirtualTime();
  private final Invariants invariants = new Invariants();
  private final FaultPlan plan;
  private final RetransmitSettings settings;
  private final int window;
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, FaultPlan.LinkFaults> links = new HashMap<>();
  private long frameIds;

  private DstRun(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    List<String[]> ls = new ArrayList<>();
    for (Topology.LinkDecl l : TOPOLOGY.links()) {
      ls.add(new String[] {l.a(), l.b()});
    }
    List<String> names = new ArrayList<>();
    for (Topology.StationSpec s : TOPOLOGY.stations()) {
      names.add(s.name());
    }
    this.plan = FaultPlan.draw(random, ls, names, HORIZON);
    for (FaultPlan.LinkFaults f : plan.links()) {
      links.put(f.from() + "->" + f.to(), f);
    }
    // Liveness needs a retry budget longer than any outage: with a back-off of at least 1.2
    // the timeout reaches its cap (16 times) within 16 attempts, so 255 attempts span more
    // than 2 hours, beyond the longest partition (about 20 minutes) plus a crash (10 minutes).
    this.settings = new RetransmitSettings(Duration.ofSeconds(2 + random.nextInt(20)),
        1.2 + 0.8 * random.nextDouble(), 255,
        random.nextInt(4) == 0 ? ForwardMode.ARCHIVAL : ForwardMode.REENCIPHER);
    this.window = random.nextBoolean() ? StationConfig.UNLIMITED : 1 + random.nextInt(4);
  }

  /** Runs the simulation of {@code seed} and checks it. */
  public static Result run(long seed) {
    return new DstRun(seed).run();
  }

  private Result run() {
    for (Topology.StationSpec s : TOPOLOGY.stations()) {
      Node n = new Node(s);
      nodes.put(s.name(), n);
    }
    for (Node n : nodes.values()) {
      n.start(List.of());
    }
    int messages = 1 + random.nextInt(5);
    for (int i = 0; i < messages; i++) {
      String from = random.nextInt(3) == 0 ? "KUZNETSOV" : "TEREBIN";
      String text = TEXTS[random.nextInt(TEXTS.length)];
      time.at(random.nextLong(HORIZON / 2), () -> nodes.get(from).file(text));
    }
    for (FaultPlan.Crash c : plan.crashes()) {
      time.at(c.at(), () -> nodes.get(c.station()).crash(c.down()));
    }
    for (FaultPlan.Partition p : plan.partitions()) {
      if (p.told()) {
        time.at(p.at(), () -> {
          nodes.get(p.a()).linkDown(p.b());
          nodes.get(p.b()).linkDown(p.a());
        });
        time.at(p.at() + p.length(), () -> {
          nodes.get(p.a()).linkUp(p.b());
          nodes.get(p.b()).linkUp(p.a());
        });
      }
    }
    boolean rest = time.runUntil(LIMIT);
    invariants.finish(rest);
    return new Result(seed, invariants.violations(), invariants.filings(),
        invariants.delivered(), plan.crashes().size(), time.processed(), time.now());
  }

  private boolean cut(String from, String to, long at) {
    for (FaultPlan.Partition p : plan.partitions()) {
      boolean pair = p.a().equals(from) && p.b().equals(to) || p.a().equals(to)
          && p.b().equals(from);
      if (pair && at >= p.at() && at < p.at() + p.length()) {
        return true;
      }
    }
    return false;
  }

  /** The radio between two stations: loss, garbles, duplicates, delay with jitter, partitions. */
  private void air(String from, String to, Frame f) {
    FaultPlan.LinkFaults lf = links.get(from + "->" + to);
    if (cut(from, to, time.now()) || random.nextDouble() < lf.loss()) {
      return;
    }
    int copies = random.nextDouble() < lf.duplicate() ? 2 : 1;
    for (int c = 0; c < copies; c++) {
      Frame heard = garble(f, lf.garble());
      long delay = lf.delay() + (lf.jitter() == 0 ? 0 : random.nextLong(lf.jitter()));
      time.at(time.now() + delay, () -> nodes.get(to).receive(from, heard));
    }
  }

  private Frame garble(Frame f, double p) {
    if (p == 0 || f.groupBytes() == 0
        || f.kind() != FrameKind.RADIOGRAM && f.kind() != FrameKind.REPEATED_GROUPS) {
      return f;
    }
    byte[] g = null;
    for (int k = 0; k < f.groupCount(); k++) {
      if (random.nextDouble() < p) {
        if (g == null) {
          g = f.groups();
        }
        g[k * WireFormat.GROUP + random.nextInt(WireFormat.GROUP)] = WireFormat.UNREADABLE;
      }
    }
    if (g == null) {
      return f;
    }
    return f.kind() == FrameKind.RADIOGRAM
        ? Frame.radiogram(f.frameId(), f.attempt(), f.sentAt(), f.origin(), f.serial(),
            f.header(), g)
        : Frame.repeatedGroups(f.frameId(), f.attempt(), f.sentAt(), f.origin(), f.serial(),
            f.indexes(), g);
  }

  private static Codebook codebook() {
    Codebook c = codebook;
    if (c == null) {
      c = Scenario1949.withSeed(PAD_SEED).codebook();
      codebook = c;
    }
    return c;
  }

  /** A clock showing a station's local time: the run's virtual time plus its skew. */
  private final class LocalClock extends Clock {
    private final Node node;

    LocalClock(Node node) {
      this.node = node;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
      return TOPOLOGY.start().plusNanos(node.local());
    }
  }

  /** One station: its durable parts (journal, pad ledgers) and its current incarnation. */
  private final class Node implements StationEffects, Outcomes {
    private final Topology.StationSpec spec;
    private final SimulatedJournal journal = new SimulatedJournal();
    private final Map<String, PadLedger> ledgers = new HashMap<>();
    private final LocalClock clock = new LocalClock(this);
    /** Filings not yet durable: reference, text and the record that must be durable. */
    private final List<Object[]> filings = new ArrayList<>();
    private final List<String> refile = new ArrayList<>();
    private StationCore core;
    private int generation;
    private boolean alive;
    private boolean committing;
    private long skew;
    private String lastFiledText;

    Node(Topology.StationSpec spec) {
      this.spec = spec;
    }

    long local() {
      return time.now() + skew;
    }

    void start(List<JournalRecord> records) {
      generation++;
      alive = true;
      committing = false;
      skew = plan.maxSkewNanos() == 0 ? 0
          : random.nextLong(2 * plan.maxSkewNanos()) - plan.maxSkewNanos();
      TopologyOffices offices = new TopologyOffices(TOPOLOGY, spec, codebook(), PAD_SEED, clock,
          BOOKS);
      StationConfig config = new StationConfig(spec.name(), TOPOLOGY.start(),
          spec.registerBase(), spec.registerStep(), spec.registerWidth(), spec.firstSerial(),
          settings, window);
      core = new StationCore(config, new Offices() {
        @Override
        public CipherOffice sending(String to, String addressee, int firstSerial) {
          PadLedger ledger = ledgers.computeIfAbsent(to, k -> PadLedger.inMemory(clock));
          return offices.sending(to, addressee, ledger, firstSerial);
        }

        @Override
        public CipherOffice receiving(String from, Register register) {
          return offices.receiving(from, register);
        }
      }, this, this, new Metrics(spec.name()));
      for (FaultPlan.LinkFaults l : plan.links()) {
        if (l.from().equals(spec.name())) {
          core.addNeighbour(new Neighbour(l.to(), 0, l.delay()));
        }
      }
      for (Topology.StationSpec s : TOPOLOGY.stations()) {
        core.peerRegisterWidth(s.name(), s.registerWidth());
        String next = s == spec ? null : TOPOLOGY.nextHop(spec.name(), s.name());
        if (next != null) {
          core.route(s.name(), next);
        }
      }
      core.recover(local(), records);
      List<String> again = new ArrayList<>(refile);
      refile.clear();
      for (String text : again) {
        file(text);
      }
    }

    void file(String text) {
      if (!alive) {
        refile.add(text);
        return;
      }
      lastFiledText = null;
      String ref = core.file(local(), text, "<dst>", ADDRESSEE);
      if (ref == null) {
        invariants.violation(spec.name() + " could not file \"" + text + "\"");
        return;
      }
      invariants.accepted(ref, lastFiledText);
      filings.add(new Object[] {ref, text, core.lastWritten()});
    }

    void receive(String from, Frame f) {
      if (alive) {
        core.frame(local(), from, f);
      }
    }

    void linkDown(String peer) {
      if (alive) {
        core.linkDown(local(), peer);
      }
    }

    void linkUp(String peer) {
      if (alive) {
        core.linkUp(local(), peer);
      }
    }

    void crash(long down) {
      if (!alive) {
        return;
      }
      if (TRACE) {
        System.out.printf("%,15d %-9s crash, journal durable %d of %d, down %d s%n",
            time.now() / 1_000_000, spec.name(), journal.durable(), journal.written(),
            down / FaultPlan.SECOND);
      }
      alive = false;
      generation++;
      journal.crash();
      for (Object[] f : filings) {
        if ((long) f[2] > journal.durable()) {
          invariants.withdrawn((String) f[0]);
          refile.add((String) f[1]);
        }
      }
      filings.clear();
      core = null;
      time.at(time.now() + down, () -> start(journal.durableRecords()));
    }

    private void commit() {
      committing = true;
      int target = journal.written();
      int gen = generation;
      time.at(time.now() + 1 + random.nextLong(plan.fsyncNanos()), () -> {
        if (gen != generation) {
          return;
        }
        journal.commit(target);
        filings.removeIf(f -> (long) f[2] <= journal.durable());
        committing = false;
        core.committed(local(), target);
        if (alive && !committing && journal.written() > journal.durable()) {
          commit();
        }
      });
    }

    // StationEffects

    @Override
    public long frameId() {
      return ++frameIds;
    }

    @Override
    public void transmit(String to, Frame frame) {
      invariants.transmitted(spec.name(), to, frame, journal);
      air(spec.name(), to, frame);
    }

    @Override
    public Timer setTimer(long at, Timeout t) {
      int gen = generation;
      StationCore c = core;
      VirtualTime.Event e = time.at(at - skew, () -> {
        if (gen == generation) {
          c.timeout(local(), t);
        }
      });
      return e::cancel;
    }

    @Override
    public void journal(long lsn, JournalRecord record) {
      journal.write(lsn, record);
      if (!committing) {
        commit();
      }
    }

    @Override
    public void log(String kind, String peer, String reference, String detail) {
      if (TRACE) {
        System.out.printf("%,15d %-9s %-13s %s%n", time.now() / 1_000_000, spec.name(), kind,
            detail);
      }
    }

    // Outcomes

    @Override
    public void filed(String reference, String text, long filedAt) {
      lastFiledText = text;
    }

    @Override
    public void delivered(String reference, String addressee, String text,
        List<String> registryNumbers, long filedAt, long deliveredAt) {
      invariants.delivered(spec.name(), reference, text, journal);
    }

    @Override
    public void undeliverable(String reference, String from, String to, int serial,
        int attempts) {
      invariants.violation(reference + ": " + from + "->" + to + " No. " + serial
          + " given up after " + attempts + " attempts");
    }

    @Override
    public void registered(String station, String registryNumber, String reference) {}

    @Override
    public void alarm(String station, String detail) {
      invariants.violation(station + ": " + detail);
    }
  }
}
