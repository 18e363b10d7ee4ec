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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shifrovka.CipherOffice;
import org.shifrovka.internal.SafeText;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.pad.SheetReuseException;
import org.shifrovka.pad.WrongPadException;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.TopologyOffices;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.core.Neighbour;
import org.shifrovka.sim.core.Offices;
import org.shifrovka.sim.core.Outcomes;
import org.shifrovka.sim.core.StationConfig;
import org.shifrovka.sim.core.StationCore;
import org.shifrovka.sim.core.StationEffects;
import org.shifrovka.sim.core.Timeout;
import org.shifrovka.sim.journal.Journal;
import org.shifrovka.sim.observe.Metrics;
import org.shifrovka.sim.pki.StationCredentials;
import org.shifrovka.sim.pki.StationTrust;
import org.shifrovka.telegram.Register;

/**
 * A station of a {@link Topology} as a real process (see {@code shifrovka station}): the
 * {@link StationCore} on one office thread, Netty sockets (one outgoing connection per neighbour,
 * which opens with a hello frame naming this station; frames from a neighbour come on the
 * connection it opened), the wall clock, the SQLite {@link Journal} (group commit: receipts,
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
 * seed only.
 *
 * <p>A restart on the same directory recovers from the journal: what was sent and not receipted
 * is sent again, registered telegrams keep their numbers. A connection that drops is a link down
 * for the core (its telegrams wait instead of spending their attempts) and is redialled every
 * 200 ms; the link's keying time is simulated only with {@link Builder#radio(boolean)}.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe: every core call runs on the office thread.
 */
public final class ProcessStation implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ProcessStation.class.getName());
  private static final String HELLO = "QRV";
  private static final long REDIAL_MILLIS = 200;
  /** With {@code -Dstation.trace=true}, every station prints its log to standard output. */
  private static final boolean TRACE = Boolean.getBoolean("station.trace");
  /** The default number of telegrams a link keeps on the air without a receipt. */
  public static final int DEFAULT_WINDOW = 64;

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
  private final Path dir;
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
  private final Map<String, Channel> links = new HashMap<>();
  private final Map<String, PadLedger> ledgers = new HashMap<>();
  private StationTrust trust;
  private FileChannel lock;
  private EventLoopGroup group;
  private EventExecutor office;
  private StationSockets sockets;
  private Channel server;
  private Journal journal;
  private DeliveryOutput output;
  private StationCore core;
  private volatile boolean closing;
  private volatile boolean closed;
  private long frameIds;
  /** Filings handed to the office and not yet taken, plus telegrams waiting for a window. */
  private final java.util.concurrent.atomic.AtomicInteger filingsQueued =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile int waiting;
  /** The filing in progress (its source and addressee), for {@link Reports#filed}. */
  private String filingSource;
  private String filingAddressee;

  private ProcessStation(Builder b) {
    this.topology = b.topology;
    this.self = topology.station(b.name);
    this.dir = b.dir != null ? b.dir : b.journal.toAbsolutePath().getParent();
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
    this.neighbours = neighbours(topology, self.name());
    this.refusals = new Refusals(self.name(), () -> trust == null ? 0 : trust.refusedPeers());
  }

  private static Set<String> neighbours(Topology topology, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (Topology.LinkDecl l : topology.links()) {
      if (l.a().equals(name)) {
        out.add(l.b());
      } else if (l.b().equals(name)) {
        out.add(l.a());
      }
    }
    return java.util.Collections.unmodifiableSet(out);
  }

  /** Returns the refusals of bad peers so far. */
  public Refusals refusals() {
    return refusals;
  }

  /** Returns true if links use mutual TLS, false for plain TCP on loopback. */
  public boolean tls() {
    return pki != null;
  }

  /** Returns the station's counters (messages filed, telegrams sent, receipts, ...) by name. */
  public Map<String, Long> counters() {
    if (office == null || office.isShuttingDown()) {
      return core == null ? Map.of() : core.metrics().counters();
    }
    try {
      return office.submit(() -> core.metrics().counters()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
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
    Files.createDirectories(journalFile.toAbsolutePath().getParent());
    long t0 = System.nanoTime();
    if (pki != null) {
      trust = StationTrust.of(StationCredentials.read(pki, name()), neighbours);
    }
    lockJournal();
    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name() + "-io"),
        NioIoHandler.newFactory());
    office = new DefaultEventExecutor(new DefaultThreadFactory(name() + "-office"));
    try {
      journal = Journal.sqlite(journalFile, name() + " seed " + seed,
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
    TopologyOffices offices = new TopologyOffices(topology, self,
        Scenario1949.withSeed(seed).codebook(), seed, clock).withoutFilingIntervals();
    for (Topology.LinkDecl l : topology.links()) { // made now, not when a telegram waits
      String peer = l.a().equals(name()) ? l.b() : l.b().equals(name()) ? l.a() : null;
      if (peer != null) {
        offices.padBook(name(), peer);
        offices.padBook(peer, name());
      }
    }
    claimSheets(offices, records);
    StationConfig config = new StationConfig(name(), Instant.EPOCH, self.registerBase(),
        self.registerStep(), self.registerWidth(), self.firstSerial(), topology.retransmit(),
        window);
    try {
      office.submit(() -> {
        core = new StationCore(config, new LinkOffices(offices), new Effects(), new Reports(),
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
    for (String peer : neighbours) {
      dial(peer);
    }
    return bound;
  }

  /**
   * Takes the journal's lock file ({@code JOURNAL.lock}) for the life of this station, so that a
   * second process on the same journal (a double start, a restart while the old one still drains)
   * is refused instead of numbering serials the first one will also use.
   */
  private void lockJournal() throws IOException {
    Path lockFile = journalFile.resolveSibling(journalFile.getFileName() + ".lock");
    FileChannel ch = FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE);
    FileLock taken;
    try {
      taken = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      taken = null;
    }
    if (taken == null) {
      ch.close();
      throw new IOException(journalFile + " is in use by another station (" + lockFile
          + " is locked)");
    }
    lock = ch;
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
    filingsQueued.incrementAndGet();
    office.execute(() -> {
      filingsQueued.decrementAndGet();
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
    return filingsQueued.get() + waiting;
  }

  /** Returns true if this station has a connection up to every neighbour. */
  public boolean linksUp() throws InterruptedException, ExecutionException {
    return office.submit(() -> links.keySet().containsAll(neighbours)).get();
  }

  /** Returns how many telegrams wait for a receipt. */
  public int unacknowledged() throws InterruptedException, ExecutionException {
    return office.submit(() -> core.unacknowledged()).get();
  }

  private void dial(String peer) {
    if (closing) {
      return;
    }
    InetSocketAddress known = peers.get(peer);
    InetSocketAddress at = known != null ? known : topology.station(peer).dialAddress();
    sockets.dial(peer, at).addListener(f -> {
      if (!f.isSuccess()) {
        if (!closing) {
          group.schedule(() -> dial(peer), REDIAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return;
      }
      Channel ch = (Channel) f.getNow();
      ch.closeFuture().addListener(c -> office.execute(() -> {
        // a connection that closes after a newer one came up does not take the link down
        boolean current = links.remove(peer, ch) || !links.containsKey(peer);
        if (!closing && current) {
          core.linkDown(now(), peer);
          waiting = core.waiting();
          group.schedule(() -> dial(peer), REDIAL_MILLIS, TimeUnit.MILLISECONDS);
        }
      }));
      office.execute(() -> {
        if (ch.isActive() && !closing) {
          Channel before = links.put(peer, ch);
          if (before != null && before != ch) {
            before.close();
          }
          core.linkUp(now(), peer);
          waiting = core.waiting();
        } else {
          ch.close();
        }
      });
    });
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
    if (office != null) {
      office.submit(() -> links.values().forEach(Channel::close)).syncUninterruptibly();
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
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}", name(), SafeText.of(e.getMessage()));
      }
    }
  }

  private final class LinkOffices implements Offices {
    private final TopologyOffices offices;

    LinkOffices(TopologyOffices offices) {
      this.offices = offices;
    }

    @Override
    public CipherOffice sending(String to, String addressee, int firstSerial) {
      return offices.sending(to, addressee, ledger(to), firstSerial);
    }

    @Override
    public CipherOffice receiving(String from, Register register) {
      return offices.receiving(from, register);
    }

    private PadLedger ledger(String to) {
      return ProcessStation.this.ledger(to);
    }
  }

  private PadLedger ledger(String to) {
    return ledgers.computeIfAbsent(to, k -> PadLedger.inMemory(clock));
  }

  /**
   * The pad ledgers live in memory and are rebuilt from the journal: every sheet a durable
   * telegram was enciphered on is claimed again (from its indicator, and as many sheets as its
   * groups could need, which may waste a sheet but never reuses one). A sheet reserved for a
   * telegram whose record never became durable is free again, and may be: that telegram never
   * left the station.
   */
  private void claimSheets(TopologyOffices offices, List<JournalRecord> records)
      throws IOException {
    for (JournalRecord r : records) {
      List<JournalRecord.Sent> sent = r instanceof JournalRecord.Filed f ? f.telegrams()
          : r instanceof JournalRecord.Completed c ? c.forwarded() : List.of();
      for (JournalRecord.Sent s : sent) {
        int indicator = WireFormat.indicator(s.groups());
        if (s.header().clear() || indicator < 0) {
          continue;
        }
        PadBook book = offices.padBook(name(), s.to());
        Optional<PadSheet> first = book.sheetByIndicator(indicator);
        if (first.isEmpty()) {
          continue;
        }
        PadLedger ledger = ledger(s.to());
        SortedSet<Integer> used = ledger.usedSheets(book.id());
        int last = Math.min(book.sheetCount(),
            first.get().number() + book.sheetsFor(s.header().declaredGroups()) - 1);
        for (int n = first.get().number(); n <= last; n++) {
          if (!used.contains(n)) {
            try {
              ledger.claim(book, n, 1);
            } catch (SheetReuseException e) {
              // claimed already: the sheet is on record, which is all recovery needs
            } catch (WrongPadException e) {
              throw new IllegalStateException("an in-memory ledger of one link's pad", e);
            }
          }
        }
      }
    }
  }


  private final class Effects implements StationEffects {
    @Override
    public long frameId() {
      return ++frameIds;
    }

    @Override
    public void transmit(String to, Frame frame) {
      Channel ch = links.get(to);
      if (ch != null && ch.isActive()) {
        ch.writeAndFlush(frame, ch.voidPromise());
      }
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
      try {
        journal.append(lsn, record);
      } catch (IOException e) {
        throw new IllegalStateException(name() + ": " + e.getMessage(), e);
      }
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

  /** Builds a {@link ProcessStation}. */
  public static final class Builder {
    private Topology topology;
    private String name;
    private Path dir;
    private Path journal;
    private long seed = Scenario1949.DEFAULT_SEED;
    private boolean radio;
    private int window = DEFAULT_WINDOW;
    private Consumer<Delivery> deliveries = d -> {};
    private Path output;
    private DeliveryOutput.Pause pause = DeliveryOutput.Pause.NONE;
    private Consumer<Filing> filings = f -> {};
    private Path pki;
    private StationLimits limits = StationLimits.defaults();
    private InetSocketAddress listen;
    private Map<String, InetSocketAddress> peers = Map.of();
    private Duration drain = Duration.ofSeconds(2);

    private Builder() {}

    /** Sets the topology (required). */
    public Builder topology(Topology v) {
      this.topology = Objects.requireNonNull(v, "topology");
      return this;
    }

    /** Sets the station's name (required). */
    public Builder name(String v) {
      this.name = Objects.requireNonNull(v, "name");
      return this;
    }

    /** Sets the work directory; the journal is {@code NAME.journal} in it (or see journal). */
    public Builder directory(Path v) {
      this.dir = Objects.requireNonNull(v, "directory");
      return this;
    }

    /** Sets the journal file (default {@code NAME.journal} in the directory). */
    public Builder journal(Path v) {
      this.journal = Objects.requireNonNull(v, "journal");
      return this;
    }

    /**
     * Sets the PKI directory (ca.crt, NAME.crt, NAME.key) for mutual TLS; without one (null),
     * plain TCP, allowed only when every address is loopback.
     */
    public Builder pki(Path v) {
      this.pki = v;
      return this;
    }

    /** Sets what one accepted connection may do (default {@link StationLimits#defaults()}). */
    public Builder limits(StationLimits v) {
      this.limits = Objects.requireNonNull(v, "limits");
      return this;
    }

    /** Listens here instead of the topology's address (port 0: any free port). */
    public Builder listen(InetSocketAddress v) {
      this.listen = Objects.requireNonNull(v, "listen");
      return this;
    }

    /**
     * Dials these neighbours here instead of at the topology's addresses (read at each dial, so
     * a map filled as stations start works).
     */
    public Builder peers(Map<String, InetSocketAddress> v) {
      this.peers = Objects.requireNonNull(v, "peers");
      return this;
    }

    /** Sets how long closing waits for outstanding receipts (default 2 s). */
    public Builder drain(Duration v) {
      this.drain = Objects.requireNonNull(v, "drain");
      return this;
    }

    /** Sets who hears of filings (called on the office thread). */
    public Builder filings(Consumer<Filing> v) {
      this.filings = Objects.requireNonNull(v, "filings");
      return this;
    }

    /** Sets the seed of codebook and pad books (default 1949). */
    public Builder seed(long v) {
      this.seed = v;
      return this;
    }

    /** Keys frames for the topology's keying time (default off). */
    public Builder radio(boolean v) {
      this.radio = v;
      return this;
    }

    /** Sets the most telegrams a link has on the air without a receipt (default 64). */
    public Builder window(int v) {
      if (v < 1 || v > 1000) {
        throw new IllegalArgumentException("window must be 1-1000, got " + v);
      }
      this.window = v;
      return this;
    }

    /**
     * Sets the output of deliveries, one JSON line per message delivered here, each once across
     * crashes (default {@code NAME.deliveries} beside the journal; see {@link DeliveryOutput}).
     */
    public Builder output(Path v) {
      this.output = Objects.requireNonNull(v, "output");
      return this;
    }

    /** Stops the station on the way from the journal to the output (for crash tests). */
    Builder pause(DeliveryOutput.Pause v) {
      this.pause = Objects.requireNonNull(v, "pause");
      return this;
    }

    /**
     * Sets who hears of deliveries (called on the office thread), after each is written to the
     * output: a convenience, at most once (a crash between the output and this loses it here).
     */
    public Builder deliveries(Consumer<Delivery> v) {
      this.deliveries = Objects.requireNonNull(v, "deliveries");
      return this;
    }

    /**
     * Builds the station.
     *
     * @throws IllegalStateException if a required setting is missing, the station is not in the
     *     topology, or plain TCP is asked for with an address that is not loopback
     */
    public ProcessStation build() {
      if (topology == null || name == null || (dir == null && journal == null)) {
        throw new IllegalStateException("a station needs a topology, a name and a directory or"
            + " a journal");
      }
      if (topology.stations().stream().noneMatch(s -> s.name().equals(name))) {
        throw new IllegalStateException("no station " + name + " in the topology (stations: "
            + topology.stations().stream().map(Topology.StationSpec::name).toList() + ")");
      }
      if (pki == null) {
        List<String> remote = new ArrayList<>();
        Topology.StationSpec self = topology.station(name);
        if (!loopback(listen != null ? listen.getHostString() : self.host())) {
          remote.add(name + " listens on " + self.host());
        }
        for (String n : neighbours(topology, name)) {
          InetSocketAddress at = peers.getOrDefault(n, topology.station(n).dialAddress());
          if (!loopback(at.getHostString())) {
            remote.add(n + " is at " + at.getHostString() + ":" + at.getPort());
          }
        }
        if (!remote.isEmpty()) {
          throw new IllegalStateException("plain TCP is allowed only when every address is"
              + " loopback, but " + String.join(", ", remote) + "; give a PKI directory for"
              + " mutual TLS");
        }
      }
      return new ProcessStation(this);
    }

    private static boolean loopback(String host) {
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
