package org.shifrovka.sim.process;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shifrovka.internal.SafeText;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.TopologyOffices;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.core.Neighbour;
import org.shifrovka.sim.core.Outcomes;
import org.shifrovka.sim.core.StationConfig;
import org.shifrovka.sim.core.StationCore;
import org.shifrovka.sim.core.StationEffects;
import org.shifrovka.sim.core.Timeout;
import org.shifrovka.sim.observe.Metrics;
import org.shifrovka.sim.pki.StationCredentials;
import org.shifrovka.sim.pki.StationTrust;
import org.shifrovka.sim.process.journal.JournalDriver;
import org.shifrovka.sim.process.ledger.PadLedgers;
import org.shifrovka.sim.process.links.PeerLinks;

/**
 * A station of a {@link Topology} as a real process (see {@code shifrovka station}): the
 * {@link StationCore} on one office thread, Netty sockets (one outgoing connection per neighbour,
 * which opens with a hello frame naming this station; frames from a neighbour come on the
 * connection it opened), the wall clock, the SQLite {@link org.shifrovka.sim.journal.Journal} (group commit: receipts,
 * forwarded frames and deliveries leave only once durable) in a work directory, and pad ledgers
 * rebuilt from the journal at a restart. The stations of a chain may run on separate machines;
 * what they share is the topology file, the seed (codebook and pad books) and, for mutual TLS,
 * one simulation authority.
 *
 * <h2>Peers</h2>
 *
 * With a PKI directory, links use mutual TLS 1.3 and a station accepts only the stations it has a
 * link with, by certificate (see {@link StationTrust}). Without one, plain TCP is allowed only when
 * every address of the station and of its neighbours is loopback; a plain peer names itself with
 * its first frame. {@link StationLimits} bound what one accepted connection may do (frame size,
 * rate, pending frames, idle and handshake time, connections); refusals are counted in
 * {@link #refusals()} and logged (see {@link StationSockets} and {@link ConnectionGuard}). A
 * journal is locked for the life of its station ({@code FILE.lock}) and serves one station and
 * seed only ({@link JournalDriver}).
 *
 * <h2>Layout</h2>
 *
 * This class is the lifecycle (start, recover, file, drain, close) and the office thread, on which
 * the core's effects run; the concerns beside it have packages of their own: {@link PeerLinks}
 * (the outgoing connections, redialling, links up and down), {@link PadLedgers} (the cipher
 * offices and the pad ledgers rebuilt from the journal), {@link JournalDriver} (the journal file,
 * its lock and commits), {@link StationSockets} (listening, accepted connections and their
 * defences) and {@link StationBuilder} (the settings).
 *
 * <p>A restart on the same directory recovers from the journal: what was sent and not receipted
 * is sent again, registered telegrams keep their numbers. A connection that drops is a link down
 * for the core (its telegrams wait instead of spending their attempts) and is redialled every
 * 200 ms; the link's keying time is simulated only with {@link StationBuilder#radio(boolean)}.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe: every core call runs on the office thread.
 */
public final class ProcessStation implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ProcessStation.class.getName());
  private static final String HELLO = "QRV";
  /** With {@code -Dstation.trace=true}, every station prints its log to standard output. */
  private static final boolean TRACE = Boolean.getBoolean("station.trace");
  /** The default number of telegrams a link keeps on the air without a receipt. */
  public static final int DEFAULT_WINDOW = 256;

  /**
   * A message delivered at this station (called on the office thread).
   *
   * @param reference its reference
   * @param text its canonical text
   * @param filedAt when it was filed at its origin, nanoseconds since 1970 by the origin's clock
   * @param deliveredAt when it was delivered here, by this station's clock
   */
  public record Delivery(String reference, String text, List<String> registryNumbers,
      long filedAt, long deliveredAt) {
    /** Copies the list. */
    public Delivery {
      registryNumbers = List.copyOf(registryNumbers);
    }
  }

  /**
   * A message filed at this station (called on the office thread).
   *
   * @param reference its end-to-end reference ({@code TEREBIN/15})
   * @param source where its text came from ({@code messages.txt:17})
   * @param addressee the addressee
   * @param text the canonical telegraph text enciphered
   */
  public record Filing(String reference, String source, String addressee, String text) {}

  private final Topology topology;
  private final Topology.StationSpec self;
  private final Path journalFile;
  private final long seed;
  private final boolean radio;
  private final int window;
  private final Consumer<Delivery> deliveries;
  private final Path outputFile;
  private final DeliveryOutput.Pause pause;
  private final Consumer<Filing> filings;
  private final Path pki;
  private final StationLimits limits;
  private final InetSocketAddress listen;
  private final Map<String, InetSocketAddress> peers;
  private final Duration drain;
  private final Set<String> neighbours;
  private final Refusals refusals;
  private final Clock clock = Clock.systemUTC();
  private StationTrust trust;
  private EventLoopGroup group;
  private EventExecutor office;
  private StationSockets sockets;
  private PeerLinks links;
  private Channel server;
  private JournalDriver journal;
  private DeliveryOutput output;
  private StationCore core;
  private volatile boolean closing;
  private volatile boolean closed;
  private long frameIds;
  /** Filings handed to the office and not yet taken. */
  private FilingQueue filingQueue;
  /** Telegrams waiting for a place in a window, as the office last saw. */
  private volatile int waiting;
  /** The filing in progress (its source and addressee), for {@link Reports#filed}. */
  private String filingSource;
  private String filingAddressee;

  ProcessStation(StationBuilder b) {
    this.topology = b.topology;
    this.self = topology.station(b.name);
    Path dir = b.dir != null ? b.dir : b.journal.toAbsolutePath().getParent();
    this.journalFile = b.journal != null ? b.journal : dir.resolve(self.name() + ".journal");
    this.seed = b.seed;
    this.radio = b.radio;
    this.window = b.window;
    this.deliveries = b.deliveries;
    this.outputFile = b.output != null ? b.output
        : journalFile.resolveSibling(self.name() + ".deliveries");
    this.pause = b.pause;
    this.filings = b.filings;
    this.pki = b.pki;
    this.limits = b.limits;
    this.listen = b.listen;
    this.peers = b.peers;
    this.drain = b.drain;
    this.neighbours = StationBuilder.neighbours(topology, self.name());
    this.refusals = new Refusals(self.name(), () -> trust == null ? 0 : trust.refusedPeers());
  }

  /** Returns the refusals of bad peers so far. */
  public Refusals refusals() {
    return refusals;
  }

  /** Returns true if links use mutual TLS, false for plain TCP on loopback. */
  public boolean tls() {
    return pki != null;
  }

  /**
   * Returns the station's counters (messages filed, telegrams sent, receipts, ...) by name, with
   * {@code journal-commits}: the journal's group commits so far.
   */
  public Map<String, Long> counters() {
    if (office == null || office.isShuttingDown()) {
      return core == null ? Map.of() : withCommits(core.metrics().counters());
    }
    try {
      return withCommits(office.submit(() -> core.metrics().counters()).get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private Map<String, Long> withCommits(Map<String, Long> counters) {
    Map<String, Long> out = new java.util.TreeMap<>(counters);
    if (journal != null) {
      out.put("journal-commits", journal.commits());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns a builder. */
  public static StationBuilder builder() {
    return new StationBuilder();
  }

  /** Returns the station's name. */
  public String name() {
    return self.name();
  }

  /** Nanoseconds of the wall clock since the epoch of 1970 (the core's time). */
  private long now() {
    Instant t = clock.instant();
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /**
   * Opens the journal, recovers, listens and dials the neighbours.
   *
   * @return the bound listen address
   * @throws IOException if the journal, a ledger or the socket cannot be opened
   * @throws InterruptedException if interrupted while binding
   */
  public InetSocketAddress start() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    if (pki != null) {
      trust = StationTrust.of(StationCredentials.read(pki, name()), neighbours);
    }
    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name() + "-io"),
        NioIoHandler.newFactory());
    office = new DefaultEventExecutor(new DefaultThreadFactory(name() + "-office"));
    filingQueue = new FilingQueue(office);
    try {
      journal = JournalDriver.open(journalFile, name() + " seed " + seed,
          upTo -> office.execute(() -> {
            core.committed(now(), upTo);
            waiting = core.waiting();
          }));
    } catch (IOException e) {
      close();
      throw e;
    }
    List<JournalRecord> records = journal.records();
    int recovered;
    try {
      output = DeliveryOutput.open(outputFile, pause);
      recovered = output.complete(org.shifrovka.sim.core.JournalDeliveries.of(name(),
          self.registerWidth(), records), now(), deliveries);
    } catch (IOException e) {
      close();
      throw e;
    }
    PadLedgers offices = new PadLedgers(name(), new TopologyOffices(topology, self,
        Scenario1949.withSeed(seed).codebook(), seed, clock).withoutFilingIntervals(),
        neighbours, clock);
    offices.rebuild(records);
    StationConfig config = new StationConfig(name(), Instant.EPOCH, self.registerBase(),
        self.registerStep(), self.registerWidth(), self.firstSerial(), topology.retransmit(),
        window);
    try {
      office.submit(() -> {
        core = new StationCore(config, offices, new Effects(), new Reports(),
            new Metrics(name()));
        for (Topology.LinkDecl l : topology.links()) {
          String peer = l.a().equals(name()) ? l.b() : l.b().equals(name()) ? l.a() : null;
          if (peer != null) {
            core.addNeighbour(new Neighbour(peer, radio ? l.spec().wpm() : 0,
                l.spec().delayNanos()));
            core.linkDown(now(), peer);
          }
        }
        for (Topology.StationSpec s : topology.stations()) {
          core.peerRegisterWidth(s.name(), s.registerWidth());
          String next = s == self ? null : topology.nextHop(name(), s.name());
          if (next != null) {
            core.route(s.name(), next);
          }
        }
        core.recover(now(), records);
        return null;
      }).get();
    } catch (ExecutionException e) {
      close();
      throw new IOException(name() + ": cannot recover from " + journalFile + ": "
          + e.getCause(), e.getCause());
    }
    int resend;
    try {
      resend = unacknowledged();
    } catch (ExecutionException e) {
      close();
      throw new IOException(name() + ": " + e.getCause(), e.getCause());
    }
    sockets = new StationSockets(name(), neighbours, trust, limits, refusals,
        (peer, f, ch, done) -> office.execute(() -> {
          try {
            core.frame(now(), peer, f);
            waiting = core.waiting();
          } finally {
            done.run();
          }
        }), () -> Frame.service(0, now(), name(), HELLO), group);
    links = new PeerLinks(neighbours, peer -> {
      InetSocketAddress known = peers.get(peer);
      return sockets.dial(peer, known != null ? known : topology.station(peer).dialAddress());
    }, office, group.next(), new PeerLinks.Listener() {
      @Override
      public void up(String peer) {
        core.linkUp(now(), peer);
        waiting = core.waiting();
      }

      @Override
      public void down(String peer) {
        core.linkDown(now(), peer);
        waiting = core.waiting();
      }
    });
    InetSocketAddress at = listen != null ? listen
        : new InetSocketAddress(self.host(), self.port());
    try {
      server = sockets.listen(at);
    } catch (RuntimeException e) {
      close();
      throw new IOException(name() + ": cannot listen on " + at + ": " + e.getMessage(), e);
    }
    InetSocketAddress bound = (InetSocketAddress) server.localAddress();
    LOG.log(System.Logger.Level.INFO, "{0} listening on {1} ({2}); journal {3}: {4} records,"
        + " {5} telegrams to resend, {7} deliveries written to {8} from the journal; started"
        + " in {6} ms", name(), bound,
        tls() ? "mutual TLS, peers " + neighbours
            : "plain TCP: every address is loopback, so TLS is off", journalFile,
        records.size(), resend, (System.nanoTime() - t0) / 1_000_000, recovered, outputFile);
    links.dialAll();
    return bound;
  }

  /**
   * Files a message for {@code addressee}. A {@code source} is filed once: one filed before (also
   * before a restart) is not filed again.
   *
   * @param text the message as typed
   * @param source where it comes from, unique per message ({@code messages.txt:17})
   * @param addressee the addressee station
   * @return completes with the message's reference, or null if its source was filed before or it
   *     could not be enciphered (both logged)
   */
  public CompletableFuture<String> file(String text, String source, String addressee) {
    CompletableFuture<String> out = new CompletableFuture<>();
    if (closing) {
      out.completeExceptionally(new IllegalStateException(name() + " is closing"));
      return out;
    }
    filingQueue.add(() -> {
      try {
        if (core.filedBefore(source)) {
          LOG.log(System.Logger.Level.INFO, "{0}: {1} was filed before; not filed again",
              name(), source);
          out.complete(null);
          return;
        }
        filingSource = source;
        filingAddressee = addressee;
        out.complete(core.file(now(), text, source, addressee));
        waiting = core.waiting();
      } catch (RuntimeException e) {
        out.completeExceptionally(e);
      } finally {
        filingSource = null;
      }
    });
    return out;
  }

  /**
   * Returns, without waiting, how much this station has been given and not yet put on the air:
   * filings the office has not taken yet plus telegrams waiting for room in a link's window. A
   * load generator holds back while it is high (backpressure).
   */
  public int backlog() {
    return filingQueue.size() + waiting;
  }

  /** Returns true if this station has a connection up to every neighbour. */
  public boolean linksUp() throws InterruptedException, ExecutionException {
    return office.submit(() -> links != null && links.allUp()).get();
  }

  /** Returns how many telegrams wait for a receipt. */
  public int unacknowledged() throws InterruptedException, ExecutionException {
    return office.submit(() -> core.unacknowledged()).get();
  }

  /**
   * Drains and stops: stops taking filings, waits up to the drain time (default 2 s) for the
   * receipts of what was sent, then closes the sockets, makes the journal durable and stops. What
   * is still unacknowledged stays in the journal and is sent after the next start.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (core != null && server != null) {
      long deadline = System.nanoTime() + drain.toNanos();
      try {
        while (System.nanoTime() < deadline && unacknowledged() > 0) {
          Thread.sleep(20);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "{0}: draining: {1}", name(),
            SafeText.of(e.toString()));
      }
    }
    closing = true;
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    if (sockets != null) {
      sockets.closeAccepted();
    }
    if (links != null) {
      links.close();
    }
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    try {
      if (journal != null) {
        journal.close();
      }
      if (output != null) {
        output.close();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "{0}: {1}", name(), SafeText.of(e.getMessage()));
    }
    if (office != null) {
      office.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  private final class Effects implements StationEffects {
    @Override
    public long frameId() {
      return ++frameIds;
    }

    @Override
    public void transmit(String to, Frame frame) {
      links.transmit(to, frame);
    }

    @Override
    public Timer setTimer(long at, Timeout t) {
      ScheduledFuture<?> f = office.schedule(() -> {
        core.timeout(now(), t);
        waiting = core.waiting();
      },
          Math.max(0, at - now()), TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    }

    @Override
    public void journal(long lsn, JournalRecord record) {
      journal.append(lsn, record);
    }

    @Override
    public boolean logging() {
      return TRACE;
    }

    @Override
    public void log(String kind, String peer, String reference, String detail) {
      if (TRACE) {
        System.out.println(Instant.now() + " " + name() + " " + kind + " " + detail);
      }
    }
  }

  private final class Reports implements Outcomes {
    @Override
    public void filed(String reference, String text, long filedAt) {
      if (filingSource != null) {
        filings.accept(new Filing(reference, filingSource, filingAddressee, text));
      }
    }

    @Override
    public void delivered(String reference, String addressee, String text,
        List<String> registryNumbers, long filedAt, long deliveredAt) {
      output.deliver(new Delivery(reference, text, registryNumbers, filedAt, deliveredAt),
          deliveries);
    }

    @Override
    public void undeliverable(String reference, String from, String to, int serial,
        int attempts) {}

    @Override
    public void registered(String station, String registryNumber, String reference) {}

    @Override
    public void alarm(String station, String detail) {
      LOG.log(System.Logger.Level.WARNING, "{0}: ALARM {1}", station, SafeText.of(detail));
    }
  }
}
