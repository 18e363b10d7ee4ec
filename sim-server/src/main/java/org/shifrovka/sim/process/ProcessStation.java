package org.shifrovka.sim.process;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shifrovka.CipherOffice;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.pad.SheetReuseException;
import org.shifrovka.pad.WrongPadException;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.TopologyOffices;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.FrameKind;
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
import org.shifrovka.telegram.Register;

/**
 * A station of a {@link Topology} as a real process: the {@link StationCore} on one office
 * thread, Netty sockets (one outgoing connection per neighbour, which opens with a hello frame
 * naming this station; frames from a neighbour come on the connection it opened), the wall clock,
 * the SQLite {@link Journal} (group commit: receipts, forwarded frames and deliveries leave only
 * once durable) in a work directory, and pad ledgers rebuilt from the journal at a restart.
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
  public record Delivery(String reference, String text, long filedAt, long deliveredAt) {}

  private final Topology topology;
  private final Topology.StationSpec self;
  private final Path dir;
  private final long seed;
  private final boolean radio;
  private final int window;
  private final Consumer<Delivery> deliveries;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Channel> links = new HashMap<>();
  private final Map<String, PadLedger> ledgers = new HashMap<>();
  private EventLoopGroup group;
  private EventExecutor office;
  private Channel server;
  private Journal journal;
  private StationCore core;
  private volatile boolean closing;
  private long frameIds;

  private ProcessStation(Builder b) {
    this.topology = b.topology;
    this.self = topology.station(b.name);
    this.dir = b.dir;
    this.seed = b.seed;
    this.radio = b.radio;
    this.window = b.window;
    this.deliveries = b.deliveries;
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
    Files.createDirectories(dir);
    group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name() + "-io"),
        NioIoHandler.newFactory());
    office = new DefaultEventExecutor(new DefaultThreadFactory(name() + "-office"));
    journal = Journal.sqlite(dir.resolve(name() + ".journal"),
        upTo -> office.execute(() -> core.committed(now(), upTo)));
    List<JournalRecord> records = journal.records();
    TopologyOffices offices = new TopologyOffices(topology, self,
        Scenario1949.withSeed(seed).codebook(), seed, clock);
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
      throw new IOException(name() + ": cannot recover: " + e.getCause(), e.getCause());
    }
    server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast("framer", WireFormat.newFramer())
                .addLast("decoder", FrameDecoder.INSTANCE)
                .addLast("station", new Inbound());
          }
        }).bind(self.host(), self.port()).sync().channel();
    for (Topology.LinkDecl l : topology.links()) {
      String peer = l.a().equals(name()) ? l.b() : l.b().equals(name()) ? l.a() : null;
      if (peer != null) {
        dial(peer);
      }
    }
    return (InetSocketAddress) server.localAddress();
  }

  /**
   * Files a message for {@code addressee}.
   *
   * @return completes with the message's reference, or null if it could not be enciphered
   */
  public CompletableFuture<String> file(String text, String source, String addressee) {
    CompletableFuture<String> out = new CompletableFuture<>();
    office.execute(() -> out.complete(core.file(now(), text, source, addressee)));
    return out;
  }

  /** Returns how many telegrams wait for a receipt. */
  public int unacknowledged() throws InterruptedException, ExecutionException {
    return office.submit(() -> core.unacknowledged()).get();
  }

  private void dial(String peer) {
    if (closing) {
      return;
    }
    Topology.StationSpec to = topology.station(peer);
    new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast("framer", WireFormat.newFramer())
                .addLast("decoder", FrameDecoder.INSTANCE)
                .addLast("encoder", FrameEncoder.INSTANCE);
          }
        }).connect(to.host(), to.port()).addListener(f -> {
          if (!f.isSuccess()) {
            group.schedule(() -> dial(peer), REDIAL_MILLIS, TimeUnit.MILLISECONDS);
            return;
          }
          Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
          ch.writeAndFlush(Frame.service(0, now(), name(), HELLO));
          ch.closeFuture().addListener(c -> office.execute(() -> {
            // a connection that closes after a newer one came up does not take the link down
            boolean current = links.remove(peer, ch) || !links.containsKey(peer);
            if (!closing && current) {
              core.linkDown(now(), peer);
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
            }
          });
        });
  }

  /** Closes sockets, makes the journal durable and stops. */
  @Override
  public void close() {
    closing = true;
    if (server != null) {
      server.close().syncUninterruptibly();
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
    } catch (IOException e) {
      System.getLogger(ProcessStation.class.getName()).log(System.Logger.Level.WARNING,
          "{0}: {1}", name(), e.getMessage());
    }
    if (office != null) {
      office.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** Frames from a neighbour: the first names it (hello), the rest go to the core. */
  private final class Inbound extends SimpleChannelInboundHandler<Frame> {
    private String peer;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Frame f) {
      if (peer == null) {
        if (f.kind() != FrameKind.SERVICE || !HELLO.equals(f.text())
            || topology.nextHop(name(), f.origin()) == null) {
          ctx.close();
          return;
        }
        peer = f.origin();
        return;
      }
      String from = peer;
      office.execute(() -> core.frame(now(), from, f));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
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
      ScheduledFuture<?> f = office.schedule(() -> core.timeout(now(), t),
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
    public void filed(String reference, String text, long filedAt) {}

    @Override
    public void delivered(String reference, String addressee, String text,
        List<String> registryNumbers, long filedAt, long deliveredAt) {
      deliveries.accept(new Delivery(reference, text, filedAt, deliveredAt));
    }

    @Override
    public void undeliverable(String reference, String from, String to, int serial,
        int attempts) {}

    @Override
    public void registered(String station, String registryNumber, String reference) {}

    @Override
    public void alarm(String station, String detail) {}
  }

  /** Builds a {@link ProcessStation}. */
  public static final class Builder {
    private Topology topology;
    private String name;
    private Path dir;
    private long seed = Scenario1949.DEFAULT_SEED;
    private boolean radio;
    private int window = DEFAULT_WINDOW;
    private Consumer<Delivery> deliveries = d -> {};

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

    /** Sets the work directory of the journal and the pad ledgers (required). */
    public Builder directory(Path v) {
      this.dir = Objects.requireNonNull(v, "directory");
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
      if (v < 1) {
        throw new IllegalArgumentException("window must be >= 1, got " + v);
      }
      this.window = v;
      return this;
    }

    /** Sets who hears of deliveries (called on the office thread). */
    public Builder deliveries(Consumer<Delivery> v) {
      this.deliveries = Objects.requireNonNull(v, "deliveries");
      return this;
    }

    /** Builds the station. */
    public ProcessStation build() {
      Objects.requireNonNull(topology, "topology");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dir, "directory");
      topology.station(name);
      return new ProcessStation(this);
    }
  }
}
