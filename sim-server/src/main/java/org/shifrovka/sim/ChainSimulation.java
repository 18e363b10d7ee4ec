package org.shifrovka.sim;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.shifrovka.CipherOffice;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.core.Offices;
import org.shifrovka.sim.core.Outcomes;
import org.shifrovka.sim.core.RetransmitSettings;
import org.shifrovka.sim.core.StationConfig;
import org.shifrovka.sim.fault.LinkModel;
import org.shifrovka.sim.fault.LinkSpec;
import org.shifrovka.sim.observe.EventLog;
import org.shifrovka.sim.observe.Metrics;
import org.shifrovka.sim.server.ChannelHop;
import org.shifrovka.sim.server.ForwardMode;
import org.shifrovka.sim.server.LinkTransport;
import org.shifrovka.sim.server.RelayNetwork;
import org.shifrovka.sim.server.SimClock;
import org.shifrovka.sim.server.SimKernel;
import org.shifrovka.sim.server.SimStation;
import org.shifrovka.telegram.Register;

/**
 * Runs a chain of Netty stations in this process (on loopback TCP, or past a size on local
 * channels: {@link Builder#transport}) and reports what became of every
 * message: the entry point for {@code shifrovka demo} and {@code shifrovka simulate}.
 *
 * <pre>{@code
 * OutcomeReport r = ChainSimulation.builder()
 *     .topology(Topology.default1949())   // TEREBIN -> KUZNETSOV -> FILIPPOV, Mao's message
 *     .seed(1949).speed(ChainSimulation.DEMO_SPEED).loss(0.05).garble(0.01)
 *     .timeline(System.out)
 *     .build().run();
 * System.out.print(r.render());
 * }</pre>
 *
 * <p>One seed drives the codebook, the pads and every link decision, and events run in simulated
 * time order whatever the threads do, so {@link OutcomeReport#render()} is the same for the same
 * seed and inputs (speed included or not).
 */
public final class ChainSimulation {
  /** A speed at which the 1949 demo finishes in a few real seconds. */
  public static final double DEMO_SPEED = 1000;

  private final Topology topology;
  private final long seed;
  private final double speed;
  private final Appendable timeline;
  private final Appendable eventLog;
  private final boolean verbose;
  private final LinkTransport transport;
  private final int timelineLines;
  private final Duration realTimeout;
  private final int threads;
  private final boolean sharedLoop;
  private final java.util.function.Consumer<Running> onListening;
  private final java.util.function.Consumer<EventLog.Entry> onEvent;
  private final LedgerChoice ledgers;
  private volatile Codebook madeCodebook;

  private ChainSimulation(Builder b) {
    Topology t = b.topology == null ? Topology.default1949() : b.topology;
    if (b.messages != null) {
      t = t.withMessages(b.messages);
    }
    if (b.links != null) {
      t = t.withLinks(b.links);
    }
    if (b.forward != null) {
      RetransmitSettings s = t.retransmit();
      t = t.withRetransmit(new RetransmitSettings(s.timeout(), s.backoff(), s.maxAttempts(),
          b.forward));
    }
    if (b.maxAttempts > 0) {
      RetransmitSettings s = t.retransmit();
      t = t.withRetransmit(new RetransmitSettings(s.timeout(), s.backoff(), b.maxAttempts,
          s.forward()));
    }
    this.topology = t;
    this.transport = b.transport != null ? b.transport
        : LinkTransport.forStations(t.stations().size());
    this.seed = b.seed;
    this.speed = b.speed;
    this.timeline = b.timeline;
    this.eventLog = b.eventLog;
    this.verbose = b.verbose;
    this.timelineLines = b.timelineLines;
    this.realTimeout = b.realTimeout;
    this.threads = b.threads;
    this.sharedLoop = b.sharedLoop;
    this.onListening = b.onListening;
    this.onEvent = b.onEvent;
    this.ledgers = b.ledgers;
  }

  /** Returns a builder with the defaults: the 1949 topology, seed 1949, speed max. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns what carries the frames: as chosen, or by the topology's size. */
  public LinkTransport transport() {
    return transport;
  }

  /** Returns the topology this simulation runs (after the builder's overrides). */
  public Topology topology() {
    return topology;
  }

  /**
   * Runs the simulation to the end (every telegram acknowledged or given up) or until the real
   * time limit, then stops all stations and returns the report; the timeline, if a sink was given,
   * is written to it.
   *
   * <p>A simulation may be run again, with the same report (unless links were switched through
   * {@link Builder#onListening} or a run hit the real-time limit); the timeline and event log
   * sinks receive each run's in turn. The codebook is kept for the later runs, since it is a pure
   * function of the seed, and pad sheets are derived on demand; every run starts with fresh
   * ledgers, registers and serials.
   *
   * @throws InterruptedException if interrupted while waiting
   * @throws IOException if a station cannot bind or connect, or the timeline cannot be written
   */
  public OutcomeReport run() throws InterruptedException, IOException {
    long realStart = System.nanoTime();
    int ioThreads = threads > 0 ? threads : sharedLoop ? 1 : 2;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(ioThreads,
        new DefaultThreadFactory("sim-io"), RelayNetwork.ioHandler(transport));
    EventExecutor exec = sharedLoop ? group.next()
        : new DefaultEventExecutor(new DefaultThreadFactory("sim-kernel"));
    Map<String, LinkModel> models = new LinkedHashMap<>();
    long lookahead = Long.MAX_VALUE;
    for (Topology.LinkDecl l : topology.links()) {
      for (String[] d : new String[][] {{l.a(), l.b()}, {l.b(), l.a()}}) {
        List<long[]> down = new ArrayList<>();
        for (Topology.Outage o : topology.outages()) {
          if (o.from().equals(d[0]) && o.to().equals(d[1])) {
            down.add(new long[] {o.at().toNanos(), o.at().plus(o.length()).toNanos()});
          }
        }
        LinkModel m = new LinkModel(d[0], d[1], seed, l.spec(), down);
        models.put(d[0] + "->" + d[1], m);
        lookahead = Math.min(lookahead, m.minLatency());
      }
    }
    SimKernel kernel = new SimKernel(exec, speed, lookahead == Long.MAX_VALUE ? 1 : lookahead);
    SimClock clock = new SimClock(topology.start(), kernel);
    Map<String, ZoneId> zones = new HashMap<>();
    for (Topology.StationSpec s : topology.stations()) {
      zones.put(s.name(), s.station().zone());
    }
    EventLog log = new EventLog(topology.start(), zones, eventLog, verbose, onEvent)
        .summarisePast(timelineLines);
    Collector outcomes = new Collector();
    RelayNetwork net = new RelayNetwork(kernel, group, transport);
    OutcomeReport report;
    try {
      Map<String, SocketAddress> addresses = new HashMap<>();
      for (Topology.StationSpec s : topology.stations()) {
        addresses.put(s.name(), net.listen(s.name(), s.host(), s.port()));
      }
      Codebook codebook = madeCodebook;
      if (codebook == null) {
        codebook = Scenario1949.withSeed(seed).codebook();
        madeCodebook = codebook;
      }
      Pads pads = new Pads(clock, ledgers);
      Map<String, SimStation> nodes = new LinkedHashMap<>();
      for (Topology.StationSpec s : topology.stations()) {
        outcomes.registers.put(s.name(), new ArrayList<>());
        StationConfig config = new StationConfig(s.name(), topology.start(), s.registerBase(),
            s.registerStep(), s.registerWidth(), s.firstSerial(), topology.retransmit());
        nodes.put(s.name(), new SimStation(config, s.role(), kernel, log, new Metrics(s.name()),
            outcomes, new LinkOffices(s, codebook, pads, clock)));
      }
      // a station reads registry numbers only in receipts from the stations it sends to, so it
      // is told only their widths: telling every station every other's would cost stations squared
      Map<String, Integer> widths = new HashMap<>();
      for (Topology.StationSpec s : topology.stations()) {
        widths.put(s.name(), s.registerWidth());
      }
      for (LinkModel m : models.values()) {
        nodes.get(m.from()).peerRegisterWidth(m.to(), widths.get(m.to()));
        Channel ch = net.connect(addresses.get(m.to()), m, kernel);
        nodes.get(m.from()).addHop(new ChannelHop(m.to(), m, ch,
            nodes.get(m.to()).receiverFrom(m.from()), kernel));
      }
      // routes toward the addressees of messages only: all pairs would cost stations squared
      java.util.Set<String> addressees = new java.util.LinkedHashSet<>();
      for (Topology.MessageSpec m : topology.messages()) {
        addressees.add(m.to());
      }
      for (Topology.StationSpec s : topology.stations()) {
        for (String a : addressees) {
          String next = topology.nextHop(s.name(), a);
          if (next != null) {
            nodes.get(s.name()).route(a, next);
          }
        }
      }
      List<Topology.MessageSpec> messages = topology.messages();
      exec.submit(() -> {
        for (int i = 0; i < messages.size(); i++) {
          Topology.MessageSpec m = messages.get(i);
          int index = i;
          outcomes.messages.add(m);
          outcomes.refs.add("");
          kernel.schedule(m.at().toNanos(), () -> {
            SimStation n = nodes.get(m.from());
            String ref = n == null ? null : n.file(m.text(), m.source(), m.to());
            outcomes.refs.set(index, ref == null ? "" : ref);
          });
        }
        kernel.start();
      }).sync();
      if (onListening != null) {
        Map<String, InetSocketAddress> tcp = new HashMap<>();
        addresses.forEach((k, v) -> {
          if (v instanceof InetSocketAddress a) {
            tcp.put(k, a);
          }
        });
        onListening.accept(new Running(Map.copyOf(tcp), Map.copyOf(models)));
      }
      boolean finished = kernel.quiescent().await(realTimeout.toMillis(), TimeUnit.MILLISECONDS);
      long realMillis = (System.nanoTime() - realStart) / 1_000_000;
      Map<String, Long> malformed = net.malformedFrames();
      report = exec.submit(() -> outcomes.report(seed, finished, topology, kernel, nodes, models,
          log, malformed, realMillis, verbose)).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the simulation failed: " + e.getCause(), e.getCause());
    } finally {
      net.close();
      if (!sharedLoop) {
        exec.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
      }
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
    if (timeline != null) {
      timeline.append(report.timeline());
    }
    return report;
  }

  /**
   * A run in progress, as seen by {@link Builder#onListening}.
   *
   * @param addresses each station's bound listen address (none when the links run in process)
   * @param links each directed link by {@code "FROM->TO"}; {@link LinkModel#setDown()} and
   *     {@link LinkModel#setUp()} switch it at once (real time: not reproducible)
   */
  public record Running(Map<String, InetSocketAddress> addresses, Map<String, LinkModel> links) {
    /** Returns the directed link from {@code from} to {@code to}. */
    public LinkModel link(String from, String to) {
      LinkModel m = links.get(from + "->" + to);
      if (m == null) {
        throw new IllegalArgumentException("no link " + from + "->" + to + " (links: "
            + links.keySet() + ")");
      }
      return m;
    }
  }

  /**
   * Chooses the ledger of a directed link's sending office; the classroom's "reuse a pad sheet"
   * switch gives one link a clerk who does not strike out used sheets.
   */
  @FunctionalInterface
  public interface LedgerChoice {
    /**
     * Returns the ledger the office of {@code from} keeps for its pads to {@code to}, or null
     * for the default (a fresh in-memory ledger).
     *
     * @param from the sending station
     * @param to the next station
     * @param clock the simulated clock
     * @return the ledger, or null
     */
    PadLedger ledger(String from, String to, java.time.Clock clock);
  }

  /** The pad books and ledgers of the run, one of each per directed link. */
  private static final class Pads {
    final Map<String, PadBook> books = new HashMap<>();
    private final Map<String, PadLedger> ledgers = new HashMap<>();
    private final SimClock clock;
    private final LedgerChoice choice;

    Pads(SimClock clock, LedgerChoice choice) {
      this.clock = clock;
      this.choice = choice;
    }

    PadLedger ledger(String from, String to) {
      return ledgers.computeIfAbsent(from + "-" + to, id -> {
        PadLedger chosen = choice == null ? null : choice.ledger(from, to, clock);
        return chosen != null ? chosen : PadLedger.inMemory(clock);
      });
    }
  }

  private final class LinkOffices implements Offices {
    private final Topology.StationSpec self;
    private final Pads pads;
    private final TopologyOffices offices;

    LinkOffices(Topology.StationSpec self, Codebook codebook, Pads pads, SimClock clock) {
      this.self = self;
      this.pads = pads;
      this.offices = new TopologyOffices(topology, self, codebook, seed, clock, pads.books);
    }

    @Override
    public CipherOffice sending(String to, String addressee, int firstSerial) {
      return offices.sending(to, addressee, pads.ledger(self.name(), to), firstSerial);
    }

    @Override
    public CipherOffice receiving(String from, Register register) {
      return offices.receiving(from, register);
    }
  }

  /** Collects outcomes on the kernel's executor. */
  private static final class Collector implements Outcomes {
    final List<Topology.MessageSpec> messages = new ArrayList<>();
    final List<String> refs = new ArrayList<>();
    /** What happened to each message, by reference. */
    final Map<String, Track> tracks = new HashMap<>();
    final Map<String, List<String>> registers = new LinkedHashMap<>();
    final List<String> alarms = new ArrayList<>();

    /** One message's outcome so far. */
    static final class Track {
      String text = "";
      long filedAt;
      int deliveries;
      String delivered = "";
      List<String> deliveredRegs = List.of();
      long deliveredAt = -1;
      String problems = "";
    }

    private Track track(String reference) {
      return tracks.computeIfAbsent(reference, k -> new Track());
    }

    @Override
    public void filed(String reference, String text, long at) {
      Track t = track(reference);
      t.text = text;
      t.filedAt = at;
    }

    @Override
    public void delivered(String reference, String addressee, String text,
        List<String> registryNumbers, long filed, long at) {
      Track t = track(reference);
      if (++t.deliveries == 1) {
        t.delivered = text;
        t.deliveredRegs = List.copyOf(registryNumbers);
        t.deliveredAt = at;
      }
    }

    @Override
    public void undeliverable(String reference, String from, String to, int serial,
        int attempts) {
      problem(reference, from + "->" + to + " No. " + serial + " given up after " + attempts
          + " attempts");
    }

    @Override
    public void notForwarded(String reference, String from, String to, String why) {
      problem(reference, from + "->" + to + " not forwarded: " + why);
    }

    private void problem(String reference, String problem) {
      Track t = track(reference);
      t.problems = t.problems.isEmpty() ? problem : t.problems + "; " + problem;
    }

    @Override
    public void registered(String station, String registryNumber, String reference) {
      registers.computeIfAbsent(station, k -> new ArrayList<>()).add(registryNumber);
    }

    @Override
    public void alarm(String station, String detail) {
      alarms.add(station + ": " + detail);
    }

    OutcomeReport report(long seed, boolean finished, Topology topology, SimKernel kernel,
        Map<String, SimStation> nodes, Map<String, LinkModel> models, EventLog log,
        Map<String, Long> malformed, long realMillis, boolean verbose) {
      List<OutcomeReport.Message> out = new ArrayList<>(messages.size());
      Track none = new Track();
      for (int i = 0; i < messages.size(); i++) {
        Topology.MessageSpec m = messages.get(i);
        String ref = refs.get(i);
        Track t = tracks.getOrDefault(ref, none);
        out.add(new OutcomeReport.Message(ref, m.from(), m.to(), m.source(), t.text, t.delivered,
            t.deliveries, t.deliveredRegs, t.filedAt, t.deliveredAt,
            ref.isEmpty() ? "could not be filed" : t.problems));
      }
      StringBuilder stats = new StringBuilder("stations:\n");
      for (SimStation n : nodes.values()) {
        stats.append("  ").append(n.metrics().render().replace("\n  ", "\n    "));
      }
      stats.append("links:\n");
      for (LinkModel m : models.values()) {
        LinkModel.LinkStats s = m.stats();
        stats.append(String.format(java.util.Locale.ROOT, "  %s->%s: frames=%d lost=%d"
            + " lost-in-burst=%d lost-to-outage=%d garbled-frames=%d garbled-symbols=%d"
            + " duplicated=%d reordered=%d keying=%s%n", s.from(), s.to(), s.frames(), s.lost(),
            s.lostInBurst(), s.lostDown(), s.garbledFrames(), s.garbledSymbols(), s.duplicated(),
            s.reordered(), OutcomeReport.duration(s.busyNanos())));
      }
      stats.append("kernel: events=").append(kernel.eventsProcessed()).append(" foreign-frames=")
          .append(kernel.foreignFrames()).append('\n');
      return new OutcomeReport(seed, finished, topology.start(), kernel.now(), out, registers,
          alarms, stats.toString(), log.timeline(verbose), malformed, realMillis);
    }
  }

  /** Builds a {@link ChainSimulation}; every setting has a default. */
  public static final class Builder {
    private Topology topology;
    private long seed = Scenario1949.DEFAULT_SEED;
    private double speed;
    private List<Topology.MessageSpec> messages;
    private UnaryOperator<LinkSpec> links;
    private ForwardMode forward;
    private Appendable timeline;
    private int timelineLines;
    private LinkTransport transport;
    private Appendable eventLog;
    private boolean verbose;
    private Duration realTimeout = Duration.ofMinutes(2);
    private int threads;
    private boolean sharedLoop = true;
    private int maxAttempts;
    private java.util.function.Consumer<Running> onListening;
    private java.util.function.Consumer<EventLog.Entry> onEvent;
    private LedgerChoice ledgers;

    private Builder() {}

    /**
     * Hands every event of the run, as it happens, to {@code v}: on the simulation's executor, in
     * simulated-time order; it must not block (default: none).
     */
    public Builder onEvent(java.util.function.Consumer<EventLog.Entry> v) {
      this.onEvent = v;
      return this;
    }

    /** Chooses the sending offices' ledgers (default: a fresh in-memory ledger per link). */
    public Builder ledgers(LedgerChoice v) {
      this.ledgers = v;
      return this;
    }

    /**
     * Calls {@code v} once the run has started, with the stations' bound addresses and the links
     * (to switch them down and up while running); it must not block for long.
     */
    public Builder onListening(java.util.function.Consumer<Running> v) {
      this.onListening = v;
      return this;
    }

    /** Sets the topology (default: {@link Topology#default1949()}). */
    public Builder topology(Topology v) {
      this.topology = Objects.requireNonNull(v, "topology");
      return this;
    }

    /** Sets the seed of codebook, pads and link decisions (default 1949). */
    public Builder seed(long v) {
      this.seed = v;
      return this;
    }

    /** Sets simulated seconds per real second; 0 means as fast as possible (default). */
    public Builder speed(double v) {
      if (v < 0 || Double.isNaN(v) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("speed must be >= 0 (0 = max), got " + v);
      }
      this.speed = v;
      return this;
    }

    /** Parses {@code --speed}: a positive number or {@code max}. */
    public Builder speed(String v) {
      return speed(v.equalsIgnoreCase("max") ? 0 : Double.parseDouble(v));
    }

    /** Replaces the topology's messages. */
    public Builder messages(List<Topology.MessageSpec> v) {
      this.messages = List.copyOf(v);
      return this;
    }

    /** Sets the independent loss probability of every link. */
    public Builder loss(double v) {
      return links(compose(s -> s.withLoss(v)));
    }

    /** Sets the symbol garble probability of every link. */
    public Builder garble(double v) {
      return links(compose(s -> s.withGarble(v)));
    }

    /** Changes every link with {@code f} (applied after earlier changes). */
    public Builder links(UnaryOperator<LinkSpec> f) {
      this.links = Objects.requireNonNull(f, "f");
      return this;
    }

    private UnaryOperator<LinkSpec> compose(UnaryOperator<LinkSpec> f) {
      UnaryOperator<LinkSpec> before = links;
      return before == null ? f : s -> f.apply(before.apply(s));
    }

    /** Sets how relays forward (default: as the topology says). */
    public Builder forward(ForwardMode v) {
      this.forward = Objects.requireNonNull(v, "forward");
      return this;
    }

    /** Sets the transmissions per telegram before it is reported undeliverable. */
    public Builder maxAttempts(int v) {
      if (v < 1 || v > 255) {
        throw new IllegalArgumentException("maxAttempts must be 1-255, got " + v);
      }
      this.maxAttempts = v;
      return this;
    }

    /** Sets where the text timeline is written at the end (default: nowhere). */
    public Builder timeline(Appendable v) {
      this.timeline = v;
      return this;
    }

    /** Sets where the event log is written as JSON lines while running (default: nowhere). */
    public Builder eventLog(Appendable v) {
      this.eventLog = v;
      return this;
    }

    /**
     * Summarises the timeline of a run of more than {@code lines} events: its first and last
     * quarter of that and a count of those between, and the run keeps only those in memory, not
     * every event (default 0: the whole timeline). The event log ({@link #eventLog}) still gets
     * every event.
     */
    public Builder timelineLines(int lines) {
      if (lines != 0 && lines < 4) {
        throw new IllegalArgumentException("a timeline summary needs at least 4 lines, got "
            + lines);
      }
      this.timelineLines = lines;
      return this;
    }

    /**
     * Sets what carries the frames between the stations (default: {@link LinkTransport#TCP} up
     * to {@value LinkTransport#TCP_STATIONS} stations, {@link LinkTransport#IN_PROCESS} past
     * that); the report of a seed is the same on both.
     */
    public Builder transport(LinkTransport v) {
      this.transport = Objects.requireNonNull(v, "transport");
      return this;
    }

    /** Shows every frame on the air in the timeline, not only filings, receipts and deliveries. */
    public Builder verbose(boolean v) {
      this.verbose = v;
      return this;
    }

    /** Sets the real-time limit of a run (default 2 minutes). */
    public Builder realTimeout(Duration v) {
      this.realTimeout = Objects.requireNonNull(v, "realTimeout");
      return this;
    }

    /**
     * Sets the number of I/O threads (default 1 when the kernel shares the event loop, the
     * default, and 2 when it runs on its own thread).
     */
    public Builder ioThreads(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("ioThreads must be >= 1, got " + v);
      }
      this.threads = v;
      return this;
    }

    /**
     * Runs the kernel on one of the I/O event loops (default true) or, with false, on its own
     * thread beside the I/O threads. On the shared loop a frame's report and bytes reach the
     * kernel without a thread hand-off: 2.7-3.5 times fewer microseconds per message in
     * {@code SimulationBenchmark} (see benchmarks/README.md), at the cost of cipher work on an I/O
     * thread. The report is the same either way (events run in simulated time order).
     */
    public Builder sharedEventLoop(boolean v) {
      this.sharedLoop = v;
      return this;
    }

    /** Builds the simulation. */
    public ChainSimulation build() {
      return new ChainSimulation(this);
    }
  }

}
