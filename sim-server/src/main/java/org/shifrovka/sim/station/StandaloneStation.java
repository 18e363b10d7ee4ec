package org.shifrovka.sim.station;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.ReceivedMessage;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.TopologyOffices;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.FrameKind;
import org.shifrovka.sim.codec.RadiogramFrames;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.journal.JournalEntry;
import org.shifrovka.sim.journal.StationJournal;
import org.shifrovka.sim.journal.TelegramRecord;
import org.shifrovka.sim.journal.TelegramState;
import org.shifrovka.sim.journal.UnknownTelegramException;
import org.shifrovka.sim.pki.PeerNameCheck;
import org.shifrovka.sim.pki.StationCredentials;
import org.shifrovka.sim.pki.StationTrust;
import org.shifrovka.sim.server.ForwardMode;
import org.shifrovka.sim.server.Role;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.RegistryNumber;
import org.shifrovka.telegram.Telegram;

/**
 * One station of a {@link Topology} running on its own, in real time: its own process (see
 * {@code shifrovka station}), its own journal, its own sockets. The stations of a chain may run on
 * separate machines; what they share is the topology file, the seed (codebook and pad books) and,
 * for mutual TLS, one simulation authority.
 *
 * <h2>Store and forward</h2>
 *
 * Every telegram that arrives is journaled, with its registry number, in one fsynced transaction
 * <em>before</em> its receipt goes back; a second arrival of the same {@code (sender, serial)} is
 * receipted again under the same number and goes no further. When every part of a message is in,
 * a relay deciphers it and re-enciphers it on its own pads for the next hop, and the addressee
 * delivers it; either way, what it sends on (pad sheets, serials, journal entries) commits in one
 * transaction before the first frame leaves. A sender keeps every telegram until its receipt, at
 * most {@code window} per link on the wire, and resends what is unacknowledged after a reconnect,
 * after the retransmission timeout and after a restart. Arrivals and receipts that come together
 * are journaled together (one fsync for a batch).
 *
 * <p>So a crash at any point loses nothing receipted, delivers nothing twice, and reuses no pad
 * sheet, serial or registry number: a sheet or number taken in a transaction that did not commit
 * was never used on the air, and one that committed is in the journal.
 *
 * <h2>Peers</h2>
 *
 * With a PKI directory, links use mutual TLS 1.3 and a station accepts only the stations it has a
 * link with, by certificate (see {@link StationTrust}). Without one, plain TCP is allowed only when
 * every address of the station and of its neighbours is loopback, and the station says so when it
 * starts; a plain peer names itself with its first frame. {@link StationLimits} bound what one
 * connection may do; refusals are counted in {@link #refusals()} and logged.
 *
 * <h2>Time</h2>
 *
 * The station runs on the injected clock, normally the wall clock (a separate process cannot share
 * the simulator's virtual 1949 clock); its radiograms carry that date and time. Link impairments,
 * outages and keying times of the topology are not simulated between separate stations (they
 * belong to {@link org.shifrovka.sim.ChainSimulation}); only forwarding re-enciphered is supported.
 *
 * <p>Thread-safe. Station logic and journal calls run on one office thread; sockets on Netty's
 * event loops.
 */
public final class StandaloneStation implements AutoCloseable {
  /** The default number of telegrams a link keeps on the wire without a receipt. */
  public static final int DEFAULT_WINDOW = 64;

  private static final System.Logger LOG = System.getLogger(StandaloneStation.class.getName());
  private static final String HELLO = "QRV";
  private static final int BATCH = 512;
  /**
   * How often an idle link sends a heartbeat, whatever this station's own idle limit: a receiver
   * enforces its own, which {@code shifrovka station} keeps at 15 s or more.
   */
  static final long HEARTBEAT_MILLIS = 5_000;

  /** What a station reports as traffic passes; called on the office thread, keep it short. */
  public interface Listener {
    /** A message was filed here (only the first time its source is filed). */
    default void filed(Filing filing) {}

    /** A message reached its addressee, here, once. */
    default void delivered(Delivery delivery) {}
  }

  /**
   * A message filed at this station.
   *
   * @param source where the text came from ({@code messages.txt:17})
   * @param reference its end-to-end reference ({@code TEREBIN/15})
   * @param addressee the addressee
   * @param text the canonical telegraph text enciphered
   * @param telegrams how many telegrams carry it
   */
  public record Filing(String source, String reference, String addressee, String text,
      int telegrams) {}

  /**
   * A message delivered at this station, its addressee.
   *
   * @param reference the end-to-end reference given at filing
   * @param from the station it came from on the last hop
   * @param text the deciphered text
   * @param registryNumbers the numbers its telegrams were entered under here
   * @param problems what the decipherment found wrong (empty when clean)
   * @param latency from filing at the origin to delivery, by the two stations' clocks
   */
  public record Delivery(String reference, String from, String text,
      List<String> registryNumbers, List<String> problems, Duration latency) {}

  /** Counters of the traffic a station handled. */
  public static final class Counters {
    final LongAdder received = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder receiptsSent = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder resent = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder forwarded = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder filed = new LongAdder();
    final LongAdder problems = new LongAdder();
    final LongAdder alarms = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder batchNanos = new LongAdder();

    /** Returns the counters by name, in a fixed order. */
    public Map<String, Long> asMap() {
      Map<String, Long> m = new LinkedHashMap<>();
      m.put("filed", filed.sum());
      m.put("telegrams-received", received.sum());
      m.put("duplicates", duplicates.sum());
      m.put("receipts-sent", receiptsSent.sum());
      m.put("telegrams-sent", sent.sum());
      m.put("telegrams-resent", resent.sum());
      m.put("receipts-received", acknowledged.sum());
      m.put("messages-forwarded", forwarded.sum());
      m.put("messages-delivered", delivered.sum());
      m.put("problems", problems.sum());
      m.put("depth-alarms", alarms.sum());
      m.put("journal-batches", batches.sum());
      m.put("journal-millis", batchNanos.sum() / 1_000_000);
      return m;
    }

    @Override
    public String toString() {
      return asMap().toString();
    }
  }

  private final Topology topology;
  private final Topology.StationSpec self;
  private final Path journalFile;
  private final Path pkiDir;
  private final StationLimits limits;
  private final Clock clock;
  private final long seed;
  private final int window;
  private final Listener listener;
  private final Duration drainTimeout;
  private final InetSocketAddress listen;
  private final Map<String, InetSocketAddress> directory;
  private final Set<String> neighbours;
  private final Counters counters = new Counters();
  private final Refusals refusals;
  private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final AtomicLong frameIds = new AtomicLong();
  private final Map<String, Downlink> downlinks = new HashMap<>();
  private final Map<String, Long> filedAtByReference = new HashMap<>();
  /** Deliveries reported to the listener since the last batch; marked in the next one. */
  private final List<String> reported = new ArrayList<>();

  private StationTrust trust;
  private StationJournal journal;
  private TopologyOffices offices;
  private EventLoopGroup group;
  private EventExecutor office;
  private ChannelGroup accepted;
  private Channel server;
  private int nextSerial;
  /** During a batch: the next serial, committed to {@link #nextSerial} with the batch. */
  private int batchSerial;
  /** During a batch: what to do once it has committed. */
  private List<Runnable> effects;
  private volatile boolean closing;
  private boolean started;
  private volatile boolean running;
  private java.nio.channels.FileChannel lockChannel;

  private StandaloneStation(Builder b) {
    this.topology = b.topology;
    this.self = b.self;
    this.journalFile = b.journal;
    this.pkiDir = b.pki;
    this.limits = b.limits;
    this.clock = b.clock;
    this.seed = b.seed;
    this.window = b.window;
    this.listener = b.listener;
    this.drainTimeout = b.drainTimeout;
    this.listen = b.listen;
    this.directory = b.directory;
    this.neighbours = neighbours(topology, self.name());
    this.refusals = new Refusals(self.name(), () -> trust == null ? 0 : trust.refusedPeers());
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  static Set<String> neighbours(Topology topology, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (Topology.LinkDecl l : topology.links()) {
      if (l.a().equals(name)) {
        out.add(l.b());
      } else if (l.b().equals(name)) {
        out.add(l.a());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /** Returns the station's name. */
  public String name() {
    return self.name();
  }

  /** Returns the refusals of bad peers so far. */
  public Refusals refusals() {
    return refusals;
  }

  /** Returns the traffic counters. */
  public Counters counters() {
    return counters;
  }

  /** Returns true if links use mutual TLS, false for plain TCP on loopback. */
  public boolean tls() {
    return pkiDir != null;
  }

  /**
   * Opens the journal, resends what it holds unacknowledged, finishes messages whose parts are all
   * in, and starts listening. Returns the bound address.
   *
   * @throws IOException if the journal, the credentials or the listen address cannot be opened
   */
  public synchronized InetSocketAddress start() throws IOException, InterruptedException {
    if (started) {
      throw new IllegalStateException(name() + " is already started");
    }
    started = true;
    long t0 = System.nanoTime();
    if (pkiDir != null) {
      trust = StationTrust.of(StationCredentials.read(pkiDir, name()), neighbours);
    }
    offices = new TopologyOffices(topology, self, Scenario1949.withSeed(seed).codebook(), seed,
        clock);
    for (String n : neighbours) { // made now, not when the first telegram waits for them
      offices.padBook(name(), n);
      offices.padBook(n, name());
    }
    long keys = System.nanoTime();
    lockJournal();
    boolean fresh = !java.nio.file.Files.exists(journalFile);
    journal = StationJournal.open(journalFile, clock);
    try {
      checkIdentity(fresh);
    } catch (IOException e) {
      closeQuietly();
      throw e;
    }
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    office = new DefaultEventExecutor();
    accepted = new DefaultChannelGroup(office);
    int[] recovered;
    try {
      recovered = office.submit(this::recover).get();
    } catch (ExecutionException e) {
      closeQuietly();
      throw e.getCause() instanceof IOException ? (IOException) e.getCause()
          : new IOException(name() + ": cannot recover from " + journalFile + ": "
              + e.getCause(), e.getCause());
    }
    try {
      server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              initAccepted(ch);
            }
          })
          .bind(listen != null ? listen
              : new InetSocketAddress(self.host(), self.port())).sync().channel();
    } catch (RuntimeException | InterruptedException e) {
      closeQuietly();
      throw new IOException(name() + ": cannot listen on " + self.host() + ":" + self.port()
          + ": " + e.getMessage(), e);
    }
    InetSocketAddress bound = (InetSocketAddress) server.localAddress();
    LOG.log(Level.INFO, "{0} listening on {1} ({2}); journal {3}: {4} telegrams to resend,"
        + " {5} messages finished from the journal; codebook and pad books made in {6} ms,"
        + " journal recovered in {7} ms", name(), bound,
        tls() ? "mutual TLS, peers " + neighbours
            : "plain TCP: every address is loopback, so TLS is off", journalFile,
        recovered[0], recovered[1], (keys - t0) / 1_000_000,
        (System.nanoTime() - keys) / 1_000_000);
    running = true;
    office.execute(this::pumpAll);
    long timeout = topology.retransmit().timeout().toNanos();
    office.scheduleAtFixedRate(() -> {
      for (Downlink d : downlinks.values()) {
        d.resendLate(timeout);
      }
    }, 1, 1, TimeUnit.SECONDS);
    return bound;
  }

  /**
   * Takes the journal's lock file ({@code JOURNAL.lock}) for the life of this station, so that a
   * second process on the same journal (a double start, a restart while the old one still drains)
   * is refused instead of numbering serials the first one will also use.
   */
  private void lockJournal() throws IOException {
    Path lockFile = journalFile.resolveSibling(journalFile.getFileName() + ".lock");
    lockChannel = java.nio.channels.FileChannel.open(lockFile,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    java.nio.channels.FileLock lock;
    try {
      lock = lockChannel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      lockChannel.close();
      lockChannel = null;
      throw new IOException(journalFile + " is in use by another station (" + lockFile
          + " is locked)");
    }
  }

  /**
   * Checks that the journal belongs to this station and seed (a journal of another station, or
   * of other pad books, would number and reserve as if nothing had been sent), and marks a new
   * journal as this station's.
   */
  private void checkIdentity(boolean fresh) throws IOException {
    Optional<String> owner = journal.meta("station");
    Optional<String> ownSeed = journal.meta("seed");
    if (owner.isEmpty()) {
      if (!fresh && (journal.lastSerial(name()) >= 0 || journal.deliveries() > 0)) {
        throw new IOException(journalFile + " has traffic but does not say whose journal it is");
      }
      journal.putMeta("station", name());
      journal.putMeta("seed", Long.toString(seed));
      LOG.log(Level.INFO, "{0}: a new journal {1}", name(), journalFile);
    } else if (!owner.get().equals(name()) || !ownSeed.orElse("").equals(Long.toString(seed))) {
      throw new IOException(journalFile + " is the journal of " + owner.get() + " with seed "
          + ownSeed.orElse("?") + ", not of " + name() + " with seed " + seed);
    }
  }

  private void initAccepted(SocketChannel ch) {
    if (accepted.size() >= limits.maxConnections()) {
      refusals.refuse(Refusals.Reason.TOO_MANY_CONNECTIONS, ch.remoteAddress(),
          accepted.size() + " connections are open already");
      ch.close();
      return;
    }
    ChannelPipeline p = ch.pipeline();
    if (trust != null) {
      SslHandler ssl = trust.serverContext().newHandler(ch.alloc());
      ssl.setHandshakeTimeoutMillis(limits.handshakeTimeout().toMillis());
      p.addLast("tls", ssl).addLast("peer", trust.newPeerNameCheck());
    }
    p.addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0,
            TimeUnit.MILLISECONDS))
        .addLast("framer", WireFormat.newFramer(limits.maxFrameBytes()))
        .addLast("decoder", FrameDecoder.INSTANCE)
        .addLast("encoder", FrameEncoder.INSTANCE)
        .addLast("guard", new ConnectionGuard(neighbours, trust != null, limits, refusals,
            this::arrived, System::nanoTime));
    accepted.add(ch);
  }

  // ---------------------------------------------------------------------------------------------
  // Filing

  /**
   * Files a message: enciphers it for the first hop toward {@code addressee}, journals its
   * telegrams and sends them. A {@code source} already filed (also before a restart) is not filed
   * again; the future then completes with null.
   *
   * @param source where the text comes from, unique per message ({@code messages.txt:17})
   * @param text the message as typed
   * @param addressee the addressee station
   * @return completes with the filing, or exceptionally with {@link MalformedInputException},
   *     {@link PadSecurityException}, {@link IOException} or {@link IllegalArgumentException} (no
   *     route)
   */
  public CompletableFuture<Filing> file(String source, String text, String addressee) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(addressee, "addressee");
    CompletableFuture<Filing> result = new CompletableFuture<>();
    if (closing) {
      result.completeExceptionally(new IllegalStateException(name() + " is closing"));
      return result;
    }
    inbox.add(new FilingIn(source, text, addressee, result));
    scheduleDrain();
    return result;
  }

  /** Files one message inside the current batch; its effects wait for the commit. */
  private void fileInBatch(FilingIn in) throws IOException {
    item(() -> {
      String next = topology.nextHop(name(), in.addressee);
      if (next == null) {
        throw new IllegalArgumentException(name() + " has no route to " + in.addressee);
      }
      if (journal.filing(in.source).isPresent()) {
        effects.add(() -> in.result.complete(null));
        return;
      }
      checkSerials();
      Encipherment enc = offices.sending(next, in.addressee, journal.padLedger(), batchSerial)
          .encipher(in.text, in.source);
      List<Telegram> ts = enc.telegrams();
      String ref = name() + "/" + ts.get(0).serial();
      journalOwn(ts, in.addressee, ref);
      journal.recordFiling(in.source, ref);
      long filedAt = nanos(clock.instant());
      Filing f = new Filing(in.source, ref, in.addressee, enc.text().toString(), ts.size());
      effects.add(() -> {
        queueOwn(next, ts, in.addressee, ref, filedAt);
        counters.filed.increment();
        listener.filed(f);
        in.result.complete(f);
      });
    }, e -> in.result.completeExceptionally(e));
  }

  /** Work on one inbox item inside a batch; an IOException fails the whole batch. */
  private interface ItemWork {
    void run() throws Exception;
  }

  /**
   * Runs one item of a batch so that it can fail alone (a journal savepoint): on an exception other
   * than an {@link IOException} its journal changes, its queued effects and its serials are rolled
   * back and {@code onFailure} is told; the rest of the batch goes on. An IOException (the journal
   * itself failing) fails the whole batch.
   */
  private boolean item(ItemWork work, java.util.function.Consumer<Exception> onFailure)
      throws IOException {
    int mark = effects.size();
    int serial = batchSerial;
    try {
      journal.savepoint(() -> {
        work.run();
        return null;
      });
      return true;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      effects.subList(mark, effects.size()).clear();
      batchSerial = serial;
      effects.add(() -> onFailure.accept(e));
      return false;
    }
  }

  /** Refuses to number past the radiogram's five digits: a serial must never come twice. */
  private void checkSerials() {
    if (batchSerial > 99_999) {
      throw new IllegalStateException(name() + " has used every serial up to 99999; its"
          + " neighbours' journals remember them, so it cannot number on (see DURABILITY.md)");
    }
  }

  /**
   * Journals a station's own telegrams and advances the batch's serial past each. A serial the
   * journal already holds is a bug that would lose a message downstream (it would be taken for a
   * repeat), so it fails the item.
   */
  private void journalOwn(List<Telegram> ts, String addressee, String ref) throws IOException {
    for (int k = 0; k < ts.size(); k++) {
      Telegram t = ts.get(k);
      if (journal.journal(new TelegramRecord(name(), t.serial(), addressee, t.radiogram(), ref,
          k + 1, ts.size())).duplicate()) {
        throw new IllegalStateException("serial " + t.serial() + " of " + name()
            + " is already in the journal");
      }
      batchSerial = t.serial() + 1;
    }
  }

  private void queueOwn(String next, List<Telegram> ts, String addressee, String ref,
      long filedAt) {
    Downlink d = downlink(next);
    for (Telegram t : ts) {
      Radiogram r = t.radiogram();
      d.queue.add(new Outgoing(r.number(), RadiogramFrames.header(r, addressee, ref, filedAt),
          r.groupBytes()));
    }
    d.pump();
  }

  // ---------------------------------------------------------------------------------------------
  // Receiving

  private record Arrival(String peer, Frame frame, Channel channel, Runnable done) {}

  private record ReceiptIn(Downlink link, int serial) {}

  private record FilingIn(String source, String text, String addressee,
      CompletableFuture<Filing> result) {}

  private void arrived(String peer, Frame f, Channel ch, Runnable done) {
    if (f.kind() != FrameKind.RADIOGRAM) {
      done.run(); // receipts and repeats travel the other way; nothing else is expected here
      return;
    }
    inbox.add(new Arrival(peer, f, ch, done));
    scheduleDrain();
  }

  private void scheduleDrain() {
    if (drainScheduled.compareAndSet(false, true)) {
      office.execute(this::drainInbox);
    }
  }

  /**
   * Takes what waits in the inbox (arrivals, receipts, filings) and deals with all of it in one
   * journal transaction: journals and registers the arrivals, records the receipts, files the
   * messages, and delivers or forwards every message whose parts are now all in. Only after the
   * commit do receipts, telegrams and reports go out; if the commit fails, none does.
   */
  private void drainInbox() {
    drainScheduled.set(false);
    List<Object> items = new ArrayList<>();
    Object o;
    while (items.size() < BATCH && (o = inbox.poll()) != null) {
      items.add(o);
    }
    if (!inbox.isEmpty()) {
      scheduleDrain();
    }
    if (!items.isEmpty()) {
      runBatch(() -> {
        List<JournalEntry> fresh = new ArrayList<>();
        Set<String> settle = new LinkedHashSet<>();
        for (Object item : items) {
          if (item instanceof Arrival) {
            arriveInBatch((Arrival) item, fresh);
          } else if (item instanceof ReceiptIn) {
            receiptInBatch((ReceiptIn) item, settle);
          } else {
            fileInBatch((FilingIn) item);
          }
        }
        for (String ref : settle) {
          journal.settle(name(), ref);
        }
        for (JournalEntry e : fresh) {
          finishIfComplete(e);
        }
      }, () -> {
        for (Object item : items) {
          if (item instanceof Arrival) {
            ((Arrival) item).done.run(); // not receipted: the sender sends again
          } else if (item instanceof FilingIn) {
            ((FilingIn) item).result.completeExceptionally(new IOException(name()
                + ": the journal refused the filing"));
          }
        }
      });
    }
  }

  /** The work of one batch. */
  private interface BatchWork {
    void run() throws IOException;
  }

  /**
   * Runs {@code work} as one journal transaction and then the effects it queued; if the
   * transaction fails, drops the effects, restores the serial and runs {@code onFailure}.
   */
  private void runBatch(BatchWork work, Runnable onFailure) {
    effects = new ArrayList<>();
    batchSerial = nextSerial;
    long t0 = System.nanoTime();
    List<String> nowReported = new ArrayList<>(reported);
    try {
      journal.batch(() -> {
        if (!nowReported.isEmpty()) {
          journal.markReported(nowReported);
        }
        work.run();
        return null;
      });
      reported.removeAll(nowReported);
    } catch (IOException | RuntimeException e) {
      effects = null;
      counters.problems.increment();
      LOG.log(Level.ERROR, "{0}: the journal refused a batch, nothing of it was recorded or"
          + " sent: {1}", name(), e.toString());
      onFailure.run();
      return;
    }
    counters.batches.increment();
    counters.batchNanos.add(System.nanoTime() - t0);
    nextSerial = batchSerial;
    List<Runnable> done = effects;
    effects = null;
    for (Runnable r : done) {
      r.run();
    }
  }

  private void arriveInBatch(Arrival a, List<JournalEntry> fresh) throws IOException {
    TelegramRecord rec = record(a);
    if (rec == null) {
      effects.add(a.done);
      return;
    }
    int mark = fresh.size();
    if (!item(() -> arrive(a, rec, fresh), e -> {
      counters.problems.increment();
      LOG.log(Level.ERROR, "{0}: cannot journal No. {1} from {2} (no receipt; it will come"
          + " again): {3}", name(), rec.serial(), rec.origin(), e.toString());
      a.done.run();
    })) {
      fresh.subList(mark, fresh.size()).clear();
    }
  }

  private void arrive(Arrival a, TelegramRecord rec, List<JournalEntry> fresh)
      throws IOException {
    JournalEntry entry = journal.journal(rec);
    boolean duplicate = entry.duplicate();
    RegistryNumber reg;
    try {
      reg = journal.register(rec.origin(), rec.serial(), name(), self.registerBase(),
          self.registerStep(), self.registerWidth());
    } catch (UnknownTelegramException e) {
      throw new IllegalStateException("just journaled: " + e.getMessage(), e);
    }
    if (!duplicate && !rec.radiogram().groups().isEmpty()) {
      String indicator = rec.radiogram().groups().get(0);
      List<Integer> others = journal.sharingIndicator(rec.origin(), rec.serial(), indicator);
      if (!others.isEmpty()) {
        counters.alarms.increment();
        LOG.log(Level.ERROR, "{0}: ALARM: pad indicator {1} from {2} on No. {3} was used before"
            + " by No. {4}: a pad sheet was used twice", name(), indicator, rec.origin(),
            rec.serial(), others);
      }
    }
    if (!duplicate) {
      fresh.add(new JournalEntry(entry.sequence(), rec, entry.state(), entry.journaledAt(), 0,
          Optional.empty(), Optional.empty(), Optional.of(reg), false));
      filedAtByReference.putIfAbsent(rec.reference(), a.frame.header().filedAt());
    }
    Frame receipt = Frame.receipt(frameIds.incrementAndGet(), a.frame.attempt(),
        nanos(clock.instant()), a.peer, a.frame.serial(), reg.value());
    effects.add(() -> {
      counters.received.increment();
      if (duplicate) {
        counters.duplicates.increment();
      }
      a.channel.writeAndFlush(receipt);
      counters.receiptsSent.increment();
      a.done.run();
    });
  }

  private void receiptInBatch(ReceiptIn r, Set<String> settle) throws IOException {
    try {
      Optional<JournalEntry> sent = journal.entry(name(), r.serial);
      if (sent.isEmpty() || !r.link.peer.equals(topology.nextHop(name(),
          sent.get().record().addressee()))) {
        LOG.log(Level.WARNING, "{0}: {1} receipted No. {2}, which was not sent to it; ignored",
            name(), r.link.peer, r.serial);
        return;
      }
      settle.add(journal.markAcknowledged(name(), r.serial).record().reference());
      effects.add(() -> {
        counters.acknowledged.increment();
        r.link.acknowledged(r.serial);
      });
    } catch (UnknownTelegramException e) {
      LOG.log(Level.WARNING, "{0}: a receipt from {1} for No. {2}, which was never sent", name(),
          r.link.peer, r.serial);
    }
  }

  /** The journal record of an arriving telegram, or null (logged) if it makes no radiogram. */
  private TelegramRecord record(Arrival a) {
    Frame f = a.frame;
    RadiogramHeader h = f.header();
    try {
      if (h.clear()) {
        throw new IllegalArgumentException("a clear (archival) copy; stations forward"
            + " re-enciphered only");
      }
      Radiogram r = RadiogramFrames.radiogram(h, f.groups());
      int part = 1;
      int parts = 1;
      // which part of which message it is: known only from the cipher text (its PART group)
      Optional<ArchivalCopy> copy = offices.receiving(a.peer, Register.of(1, 1, 1))
          .decipherPart(r).copy();
      if (copy.isPresent()) {
        part = copy.get().part();
        parts = copy.get().parts();
      }
      return new TelegramRecord(a.peer, f.serial(), h.addressee(), r, h.reference(), part, parts);
    } catch (IllegalArgumentException e) {
      counters.problems.increment();
      LOG.log(Level.WARNING, "{0}: No. {1} from {2} is not a radiogram: {3}", name(), f.serial(),
          a.peer, e.getMessage());
      return null;
    }
  }

  /**
   * In a batch: delivers or forwards the message of {@code e} if all its parts are in and it is
   * not done yet. A message that cannot be finished (its text does not encipher, the pad is
   * exhausted) stays pending in the journal and is tried again at the next start.
   */
  private void finishIfComplete(JournalEntry e) throws IOException {
    TelegramRecord rec = e.record();
    List<JournalEntry> parts = rec.parts() == 1 ? List.of(e)
        : journal.parts(rec.origin(), rec.reference());
    TreeMap<Integer, JournalEntry> byPart = new TreeMap<>();
    for (JournalEntry p : parts) {
      if (p.state() == TelegramState.PENDING) {
        byPart.putIfAbsent(p.record().part(), p);
      }
    }
    if (byPart.size() < rec.parts()) {
      return;
    }
    List<JournalEntry> all = new ArrayList<>(byPart.values());
    item(() -> {
      if (rec.addressee().equals(name())) {
        deliver(all);
      } else {
        forward(all);
      }
    }, x -> {
      counters.problems.increment();
      LOG.log(Level.ERROR, "{0}: cannot finish message {1} (it stays in the journal and is"
          + " tried again at the next start): {2}", name(), rec.reference(), x.toString());
    });
  }

  private ReceivedMessage decipher(List<JournalEntry> parts, List<String> problems) {
    List<Radiogram> rs = new ArrayList<>();
    for (JournalEntry p : parts) {
      rs.add(p.record().radiogram());
    }
    String from = parts.get(0).origin();
    Decipherment d = offices.receiving(from, Register.of(1, 1, 1)).decipher(rs);
    problems.addAll(d.problems());
    if (!problems.isEmpty()) {
      counters.problems.increment();
      LOG.log(Level.WARNING, "{0}: message {1} from {2}: {3}", name(),
          parts.get(0).record().reference(), from, String.join("; ", problems));
    }
    if (d.messages().isEmpty()) {
      throw new IllegalStateException("nothing could be deciphered: " + problems);
    }
    return d.messages().get(0);
  }

  private void deliver(List<JournalEntry> parts) throws IOException, UnknownTelegramException {
    List<String> problems = new ArrayList<>();
    ReceivedMessage m = decipher(parts, problems);
    String ref = parts.get(0).record().reference();
    List<RegistryNumber> regs = new ArrayList<>();
    for (JournalEntry p : parts) {
      p.registryNumber().ifPresent(regs::add);
    }
    String text = m.text().toString();
    boolean first = journal.recordDelivery(ref, parts.get(0).origin(), regs, text);
    for (JournalEntry p : parts) {
      journal.markForwarded(p.origin(), p.serial());
      journal.markAcknowledged(p.origin(), p.serial());
    }
    if (!first) {
      return;
    }
    List<String> regTexts = new ArrayList<>();
    for (RegistryNumber r : regs) {
      regTexts.add(r.toString());
    }
    String from = parts.get(0).origin();
    effects.add(() -> {
      counters.delivered.increment();
      Long filedAt = filedAtByReference.remove(ref);
      long latency = filedAt == null ? 0 : Math.max(0, nanos(clock.instant()) - filedAt);
      listener.delivered(new Delivery(ref, from, text, List.copyOf(regTexts),
          List.copyOf(problems), Duration.ofNanos(latency)));
      reported.add(ref);
    });
  }

  private void forward(List<JournalEntry> parts) throws IOException, MalformedInputException,
      PadSecurityException, UnknownTelegramException {
    List<String> problems = new ArrayList<>();
    ReceivedMessage m = decipher(parts, problems);
    TelegramRecord first = parts.get(0).record();
    String ref = first.reference();
    String addressee = first.addressee();
    String next = topology.nextHop(name(), addressee);
    if (next == null) {
      throw new IllegalStateException("no route to " + addressee);
    }
    checkSerials();
    Encipherment enc = offices.sending(next, addressee, journal.padLedger(), batchSerial)
        .encipher(m.text(), ref);
    List<Telegram> ts = enc.telegrams();
    journalOwn(ts, addressee, ref);
    for (JournalEntry p : parts) {
      journal.markForwarded(p.origin(), p.serial());
    }
    Long known = filedAtByReference.get(ref);
    long filedAt = known == null ? nanos(parts.get(0).journaledAt()) : known;
    effects.add(() -> {
      filedAtByReference.remove(ref);
      queueOwn(next, ts, addressee, ref, filedAt);
      counters.forwarded.increment();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Recovery

  /** On the office thread at start: returns {telegrams queued again, messages finished}. */
  private int[] recover() throws IOException {
    nextSerial = Math.max(self.firstSerial(), journal.lastSerial(name()) + 1);
    int resend = 0;
    for (JournalEntry e : journal.unacknowledged()) {
      if (!e.origin().equals(name())) {
        continue;
      }
      TelegramRecord r = e.record();
      String next = topology.nextHop(name(), r.addressee());
      if (next == null) {
        LOG.log(Level.WARNING, "{0}: no route to {1} for No. {2} in the journal", name(),
            r.addressee(), r.serial());
        continue;
      }
      downlink(next).queue.add(new Outgoing(r.serial(), RadiogramFrames.header(r.radiogram(),
          r.addressee(), r.reference(), nanos(e.journaledAt())),
          r.radiogram().groupBytes()));
      resend++;
    }
    List<JournalEntry> pending = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JournalEntry e : journal.inState(TelegramState.PENDING)) {
      if (!e.origin().equals(name()) && seen.add(e.origin() + " " + e.record().reference())) {
        pending.add(e);
      }
    }
    for (StationJournal.Delivery d : journal.unreportedDeliveries()) {
      List<String> regs = d.registryNumbers().isEmpty() ? List.of()
          : List.of(d.registryNumbers().split(" "));
      listener.delivered(new Delivery(d.reference(), d.origin(), d.text(), regs, List.of(),
          Duration.ZERO));
      reported.add(d.reference());
    }
    long before = counters.delivered.sum() + counters.forwarded.sum();
    runBatch(() -> {
      for (JournalEntry e : pending) {
        finishIfComplete(e);
      }
    }, () -> { });
    int finished = (int) (counters.delivered.sum() + counters.forwarded.sum() - before);
    return new int[] {resend, finished};
  }

  private void pumpAll() {
    for (Downlink d : downlinks.values()) {
      d.pump();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  private static final class Outgoing {
    final int serial;
    final RadiogramHeader header;
    final byte[] groups;
    int attempts;
    long sentAt;

    Outgoing(int serial, RadiogramHeader header, byte[] groups) {
      this.serial = serial;
      this.header = header;
      this.groups = groups;
    }
  }

  private Downlink downlink(String peer) {
    return downlinks.computeIfAbsent(peer, Downlink::new);
  }

  /** The link to one neighbour this station sends to; confined to the office thread. */
  private final class Downlink {
    final String peer;
    final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    final LinkedHashMap<Integer, Outgoing> inFlight = new LinkedHashMap<>();
    Channel channel;
    boolean connecting;
    long backoffMillis = 100;
    boolean warned;

    Downlink(String peer) {
      this.peer = peer;
    }

    void pump() {
      if (channel == null) {
        if (!connecting && (!queue.isEmpty() || !inFlight.isEmpty()) && !closing) {
          connect();
        }
        return;
      }
      boolean wrote = false;
      while (inFlight.size() < window && !queue.isEmpty()) {
        Outgoing o = queue.poll();
        if (inFlight.containsKey(o.serial)) {
          continue;
        }
        inFlight.put(o.serial, o);
        write(o);
        wrote = true;
      }
      if (wrote) {
        channel.flush();
      }
    }

    private void write(Outgoing o) {
      if (o.attempts++ > 0) {
        counters.resent.increment();
      }
      counters.sent.increment();
      o.sentAt = System.nanoTime();
      channel.write(Frame.radiogram(frameIds.incrementAndGet(), Math.min(o.attempts, 255),
          nanos(clock.instant()), name(), o.serial, o.header, o.groups));
    }

    void acknowledged(int serial) {
      if (inFlight.remove(serial) == null) {
        queue.removeIf(o -> o.serial == serial);
      }
      pump();
    }

    /** Resends what has waited longer than the retransmission timeout for its receipt. */
    void resendLate(long timeoutNanos) {
      if (channel == null) {
        return;
      }
      long now = System.nanoTime();
      boolean wrote = false;
      for (Outgoing o : inFlight.values()) {
        if (now - o.sentAt > timeoutNanos) {
          write(o);
          wrote = true;
        }
      }
      if (wrote) {
        channel.flush();
      }
    }

    void connect() {
      connecting = true;
      InetSocketAddress to = dialAddress(topology, directory, peer);
      Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ChannelPipeline p = ch.pipeline();
              if (trust != null) {
                SslHandler ssl = trust.clientContext().newHandler(ch.alloc(), to.getHostString(),
                    to.getPort());
                ssl.setHandshakeTimeoutMillis(limits.handshakeTimeout().toMillis());
                p.addLast("tls", ssl).addLast("peer", trust.newPeerNameCheck(peer));
              }
              p.addLast("heartbeat", new IdleStateHandler(0, HEARTBEAT_MILLIS, 0,
                      TimeUnit.MILLISECONDS))
                  .addLast("framer", WireFormat.newFramer())
                  .addLast("decoder", FrameDecoder.INSTANCE)
                  .addLast("encoder", FrameEncoder.INSTANCE)
                  .addLast("receipts", new ReceiptHandler(Downlink.this));
            }
          });
      b.connect(to).addListener(cf -> {
        if (!cf.isSuccess()) {
          office.execute(() -> retry("cannot connect to " + to + ": "
              + cf.cause().getMessage()));
          return;
        }
        Channel ch = ((io.netty.channel.ChannelFuture) cf).channel();
        PeerNameCheck check = ch.pipeline().get(PeerNameCheck.class);
        Future<?> ready = check == null ? ch.newSucceededFuture() : check.peerStation();
        ready.addListener(rf -> {
          if (rf.isSuccess()) { // name ourselves at once, not after the office's current batch
            ch.writeAndFlush(hello());
          }
          office.execute(() -> {
            if (!rf.isSuccess()) {
              ch.close();
              retry("refused by " + to + ": " + rf.cause().getMessage());
            } else {
              connected(ch);
            }
          });
        });
      });
    }

    private void connected(Channel ch) {
      connecting = false;
      if (closing && queue.isEmpty() && inFlight.isEmpty()) {
        ch.close();
        return;
      }
      channel = ch;
      backoffMillis = 100;
      if (warned) {
        LOG.log(Level.INFO, "{0}: link to {1} is up again", name(), peer);
      }
      warned = false;
      ch.closeFuture().addListener(f -> office.execute(() -> disconnected(ch)));
      List<Outgoing> again = new ArrayList<>(inFlight.values());
      inFlight.clear();
      for (int i = again.size() - 1; i >= 0; i--) {
        queue.addFirst(again.get(i));
      }
      pump();
      ch.flush();
    }

    private void disconnected(Channel ch) {
      if (channel != ch) {
        return;
      }
      channel = null;
      List<Outgoing> again = new ArrayList<>(inFlight.values());
      inFlight.clear();
      again.sort(Comparator.comparingInt(o -> o.serial));
      for (int i = again.size() - 1; i >= 0; i--) {
        queue.addFirst(again.get(i));
      }
      if (!closing) {
        retry("the link to " + peer + " closed");
      }
    }

    private void retry(String why) {
      connecting = false;
      if (closing) {
        return;
      }
      if (!warned) {
        LOG.log(Level.WARNING, "{0}: {1}; {2} telegrams wait, retrying", name(), why,
            queue.size() + inFlight.size());
        warned = true;
      }
      long delay = backoffMillis;
      backoffMillis = Math.min(2_000, backoffMillis * 2);
      connecting = true;
      office.schedule(() -> {
        connecting = false;
        pump();
      }, delay, TimeUnit.MILLISECONDS);
    }
  }

  /** The dialling side's last handler: receipts go to the office, heartbeats go out. */
  private final class ReceiptHandler extends SimpleChannelInboundHandler<Frame> {
    private final Downlink link;

    ReceiptHandler(Downlink link) {
      super(Frame.class);
      this.link = link;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame f) {
      if (f.kind() == FrameKind.RECEIPT && f.origin().equals(name())) {
        inbox.add(new ReceiptIn(link, f.serial()));
        scheduleDrain();
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof IdleStateEvent) {
        ctx.writeAndFlush(hello());
      } else {
        super.userEventTriggered(ctx, evt);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.log(Level.WARNING, "{0}: closing the link to {1}: {2}", name(), link.peer,
          cause.toString());
      ctx.close();
    }
  }

  /** Where to dial {@code station}: the directory's address if it has one, else the topology's. */
  static InetSocketAddress dialAddress(Topology topology, Map<String, InetSocketAddress> directory,
      String station) {
    InetSocketAddress known = directory.get(station);
    return known != null ? known : topology.station(station).dialAddress();
  }

  /** The frame that names this station on a link: at connecting, and as the idle heartbeat. */
  private Frame hello() {
    return Frame.service(frameIds.incrementAndGet(), nanos(clock.instant()), name(), HELLO);
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  // ---------------------------------------------------------------------------------------------
  // Closing

  /** Returns how many telegrams this station holds unacknowledged for its neighbours. */
  public int unacknowledged() throws InterruptedException {
    try {
      return office.submit(() -> {
        int n = 0;
        for (Downlink d : downlinks.values()) {
          n += d.queue.size() + d.inFlight.size();
        }
        return n;
      }).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Drains and stops: stops accepting connections and filings, journals what has arrived, waits
   * up to the drain timeout for receipts of what it sent, then closes the links and the journal.
   * What is still unacknowledged stays in the journal and is sent after the next start.
   */
  @Override
  public synchronized void close() {
    if (!running || closing) {
      return;
    }
    closing = true;
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    try {
      while (System.nanoTime() < deadline && unacknowledged() > 0) {
        Thread.sleep(20);
      }
      office.submit(this::drainInbox).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.WARNING, "{0}: draining: {1}", name(), e.toString());
    }
    closeQuietly();
    LOG.log(Level.INFO, "{0} stopped; {1}", name(), counters);
  }

  private void closeQuietly() {
    if (accepted != null) {
      accepted.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
    if (office != null) {
      try {
        office.submit(() -> {
          for (Downlink d : downlinks.values()) {
            if (d.channel != null) {
              d.channel.close();
            }
          }
        }).await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (office != null) {
      office.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (journal != null) {
      try {
        if (!reported.isEmpty()) {
          journal.markReported(reported);
        }
        journal.close();
      } catch (IOException | IllegalStateException e) {
        LOG.log(Level.WARNING, "{0}: closing the journal: {1}", name(), e.toString());
      }
    }
    if (lockChannel != null) {
      try {
        lockChannel.close(); // releases the lock
      } catch (IOException e) {
        // the process is ending anyway
      }
    }
  }

  @Override
  public String toString() {
    return "StandaloneStation[" + name() + (tls() ? ", mutual TLS" : ", plain TCP") + "]";
  }

  /** Builds a {@link StandaloneStation}; {@link #build} checks everything. */
  public static final class Builder {
    private Topology topology;
    private String name;
    private Topology.StationSpec self;
    private Path journal;
    private Path pki;
    private StationLimits limits = StationLimits.defaults();
    private Clock clock = Clock.systemUTC();
    private long seed = Scenario1949.DEFAULT_SEED;
    private int window = DEFAULT_WINDOW;
    private Listener listener = new Listener() {};
    private Duration drainTimeout = Duration.ofSeconds(5);
    private InetSocketAddress listen;
    private Map<String, InetSocketAddress> directory = Map.of();

    private Builder() {}

    /**
     * Listens on {@code v} instead of the topology's listen address (port 0: any free port; see
     * {@link StandaloneStation#start()} for the bound one).
     */
    public Builder listen(InetSocketAddress v) {
      this.listen = Objects.requireNonNull(v, "listen");
      return this;
    }

    /**
     * Dials the stations named in {@code v} at those addresses instead of the topology's; the map
     * is read at each connection, so it may be filled as the stations start (a live view).
     */
    public Builder directory(Map<String, InetSocketAddress> v) {
      this.directory = Objects.requireNonNull(v, "directory");
      return this;
    }

    /** Sets the topology every station of the chain shares (required). */
    public Builder topology(Topology v) {
      this.topology = Objects.requireNonNull(v, "topology");
      return this;
    }

    /** Sets which station of the topology this is (required). */
    public Builder name(String v) {
      this.name = Objects.requireNonNull(v, "name");
      return this;
    }

    /** Sets the journal file (required; created if missing). */
    public Builder journal(Path v) {
      this.journal = Objects.requireNonNull(v, "journal");
      return this;
    }

    /**
     * Sets the PKI directory with {@code ca.crt}, {@code NAME.crt} and {@code NAME.key}: links
     * use mutual TLS. Without it, every address must be loopback.
     */
    public Builder pki(Path v) {
      this.pki = v;
      return this;
    }

    /** Sets the limits on peers (default {@link StationLimits#defaults()}). */
    public Builder limits(StationLimits v) {
      this.limits = Objects.requireNonNull(v, "limits");
      return this;
    }

    /** Sets the clock (default the wall clock, UTC). */
    public Builder clock(Clock v) {
      this.clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /**
     * Sets the seed of the codebook and the pad books (default 1949). Every station of a chain
     * must use the same seed.
     */
    public Builder seed(long v) {
      this.seed = v;
      return this;
    }

    /** Sets how many telegrams a link keeps unacknowledged on the wire (1-1000, default 64). */
    public Builder window(int v) {
      this.window = v;
      return this;
    }

    /** Sets the listener for filings and deliveries. */
    public Builder listener(Listener v) {
      this.listener = Objects.requireNonNull(v, "listener");
      return this;
    }

    /** Sets how long {@link #close()} waits for outstanding receipts (default 5 s). */
    public Builder drainTimeout(Duration v) {
      this.drainTimeout = Objects.requireNonNull(v, "drainTimeout");
      return this;
    }

    /**
     * Returns the station.
     *
     * @throws IllegalStateException if a required setting is missing, the station is not in the
     *     topology, the topology forwards archival copies, or plain TCP is asked for with an
     *     address that is not loopback
     */
    public StandaloneStation build() {
      if (topology == null || name == null || journal == null) {
        throw new IllegalStateException("a station needs a topology, a name and a journal");
      }
      self = topology.station(name);
      if (self == null) {
        throw new IllegalStateException("no station " + name + " in the topology (stations: "
            + topology.stations().stream().map(Topology.StationSpec::name).toList() + ")");
      }
      if (topology.forward() != ForwardMode.REENCIPHER && self.role() == Role.RELAY) {
        throw new IllegalStateException("separate stations forward re-enciphered only;"
            + " set \"forward: reencipher\"");
      }
      if (window < 1 || window > 1000) {
        throw new IllegalArgumentException("window must be 1-1000, got " + window);
      }
      if (pki == null) {
        List<String> remote = new ArrayList<>();
        if (!loopback(listen != null ? listen.getHostString() : self.host())) {
          remote.add(name + " listens on " + self.host());
        }
        for (String n : neighbours(topology, name)) {
          InetSocketAddress at = dialAddress(topology, directory, n);
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
      return new StandaloneStation(this);
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
