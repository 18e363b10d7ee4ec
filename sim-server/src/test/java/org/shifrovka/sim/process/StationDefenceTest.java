package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.MessageGenerator;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.pki.PeerNameCheck;
import org.shifrovka.sim.pki.SimulationAuthority;
import org.shifrovka.sim.pki.StationTrust;
import org.shifrovka.sim.process.Refusals.Reason;

/**
 * A running chain of three stations on loopback while bad clients dial the relay: the relay
 * refuses them, counts every refusal, and its honest links keep delivering.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StationDefenceTest {
  private static final int MESSAGES = 60;

  @TempDir Path dir;

  private final List<ProcessStation> stations = new ArrayList<>();
  private final Map<String, Integer> delivered = new ConcurrentHashMap<>();
  private final Map<String, String> texts = new ConcurrentHashMap<>();
  private final Map<String, String> filed = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    for (ProcessStation s : stations) {
      s.close();
    }
  }

  private ProcessStation start(Topology t, String name, Path pki, StationLimits limits)
      throws Exception {
    ProcessStation s = ProcessStation.builder().topology(t).name(name).directory(dir).pki(pki)
        .limits(limits).drain(Duration.ofSeconds(1))
        .filings(f -> filed.put(f.reference(), f.text()))
        .deliveries(d -> {
          delivered.merge(d.reference(), 1, Integer::sum);
          texts.put(d.reference(), d.text());
        }).build();
    s.start();
    stations.add(s);
    return s;
  }

  /** Starts the chain and returns the relay; TEREBIN files the first half of the traffic. */
  private ProcessStation chain(Topology t, Path pki, StationLimits limits) throws Exception {
    start(t, "FILIPPOV", pki, limits);
    ProcessStation kuznetsov = start(t, "KUZNETSOV", pki, limits);
    ProcessStation terebin = start(t, "TEREBIN", pki, limits);
    fileRange(terebin, 0, MESSAGES / 2);
    return kuznetsov;
  }

  private static void fileRange(ProcessStation terebin, int from, int to) {
    for (int i = from; i < to; i++) {
      terebin.file(MessageGenerator.text(3, i), "defence:" + i, "FILIPPOV");
    }
  }

  private void assertAllDelivered() throws InterruptedException {
    fileRange(stations.get(2), MESSAGES / 2, MESSAGES);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (delivered.size() < MESSAGES && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(delivered).hasSize(MESSAGES);
    assertThat(delivered.values()).containsOnly(1);
    assertThat(texts).isEqualTo(filed);
  }

  private static InetSocketAddress address(Topology t, String station) {
    Topology.StationSpec s = t.station(station);
    return new InetSocketAddress(s.host(), s.port());
  }

  private static void awaitCount(Refusals r, Reason reason, long atLeast)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (r.count(reason) < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(r.count(reason)).as(reason + " refusals: " + r.counts()).isGreaterThanOrEqualTo(
        atLeast);
  }

  @Test
  void tlsRelayRefusesForgedUnknownAndPlainClientsWhileServingItsPeers() throws Exception {
    Path pki = dir.resolve("pki");
    SimulationAuthority ca = SimulationAuthority.create("GRU RADIO CENTRE", Clock.systemUTC(),
        new SecureRandom());
    ca.write(pki);
    for (String s : List.of("TEREBIN", "KUZNETSOV", "FILIPPOV")) {
      ca.issue(s).write(pki);
    }
    Topology t = Chains.topology(200);
    ProcessStation kuznetsov = chain(t, pki, StationLimits.defaults());
    assertThat(kuznetsov.tls()).isTrue();
    InetSocketAddress at = address(t, "KUZNETSOV");

    SimulationAuthority other = SimulationAuthority.create("OTHER CENTRE", Clock.systemUTC(),
        new SecureRandom());
    SslContext forged = StationTrust.of(other.issue("TEREBIN"), Set.of("KUZNETSOV"))
        .clientContext();
    SslContext unknown = StationTrust.of(ca.issue("ZHUKOV"), Set.of("KUZNETSOV"))
        .clientContext();
    SslContext noCertificate = SslContextBuilder.forClient()
        .trustManager(InsecureTrustManagerFactory.INSTANCE).protocols(StationTrust.PROTOCOL)
        .build();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      List<Channel> bad = new ArrayList<>();
      for (SslContext ctx : List.of(forged, unknown, noCertificate)) {
        bad.add(dialTls(group, ctx, at));
      }
      try (Socket plain = new Socket(at.getAddress(), at.getPort())) {
        plain.getOutputStream().write(bytes(Frame.service(1, 0, "TEREBIN", "QRV")));
        plain.getOutputStream().flush();
        assertClosedByPeer(plain);
      }
      for (Channel c : bad) {
        assertThat(c.closeFuture().await(20, TimeUnit.SECONDS)).as("refused: closed").isTrue();
      }
      awaitCount(kuznetsov.refusals(), Reason.TLS, 4);

      // a neighbour with its own valid certificate speaking in another neighbour's name
      StationTrust filippov = StationTrust.of(ca.issue("FILIPPOV"), Set.of("KUZNETSOV"));
      PeerNameCheck check = filippov.newPeerNameCheck("KUZNETSOV");
      Channel liar = new Bootstrap().group(group).channel(NioSocketChannel.class)
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ch.pipeline().addLast(filippov.clientContext().newHandler(ch.alloc(),
                  at.getHostString(), at.getPort())).addLast(check)
                  .addLast(FrameEncoder.INSTANCE);
            }
          }).connect(at).sync().channel();
      assertThat(check.peerStation().await(20, TimeUnit.SECONDS)).isTrue();
      assertThat(check.peerStation().isSuccess()).isTrue();
      liar.writeAndFlush(Frame.radiogram(1, 1, 0, "TEREBIN", 99_999,
          new RadiogramHeader("FILIPPOV", "TEREBIN/99999", false, 99_999, 1, 13, 1000, 0, 0),
          "12345".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      assertThat(liar.closeFuture().await(20, TimeUnit.SECONDS)).as("refused: closed").isTrue();
      awaitCount(kuznetsov.refusals(), Reason.UNKNOWN_STATION, 1);
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
    assertAllDelivered();
  }

  @Test
  void aFloodOfConnectionsThatNeverNameThemselves_cannotKeepAnHonestNeighbourOut()
      throws Exception {
    // a long handshake time: without eviction a silent connection would hold its slot for 40 s
    StationLimits limits = new StationLimits(4096, 2_000, 500, 1_024, Duration.ofSeconds(60),
        Duration.ofSeconds(40), 30);
    Topology t = Chains.topology(200);
    ProcessStation kuznetsov = chain(t, null, limits);
    InetSocketAddress at = address(t, "KUZNETSOV");
    java.util.concurrent.atomic.AtomicBoolean on = new java.util.concurrent.atomic.AtomicBoolean(
        true);
    List<Socket> hoard = java.util.Collections.synchronizedList(new ArrayList<>());
    // silent connections, about 200 a second, from a hostile host (127.0.0.2: any of 127/8 is
    // loopback on Linux); one that shared the neighbour's address could keep it out (the
    // neighbour's handshake waits its turn among the flood's, and they close it as they come)
    java.net.InetAddress hostile = java.net.InetAddress.getByName("127.0.0.2");
    Thread flood = new Thread(() -> {
      while (on.get() && hoard.size() < 8_000) {
        try {
          hoard.add(new Socket(at.getAddress(), at.getPort(), hostile, 0));
          Thread.sleep(5);
        } catch (IOException | InterruptedException e) {
          return;
        }
      }
    }, "hoard");
    flood.start();
    try {
      awaitCount(kuznetsov.refusals(), Reason.TOO_MANY_CONNECTIONS, 1); // the pool is full
      // TEREBIN restarts while the flood goes on: it must get a connection to KUZNETSOV
      stations.remove(2).close();
      start(t, "TEREBIN", null, limits);
      assertAllDelivered();
    } finally {
      on.set(false);
      flood.join();
      synchronized (hoard) {
        for (Socket h : hoard) {
          h.close();
        }
      }
    }
  }

  private static Channel dialTls(EventLoopGroup group, SslContext ctx, InetSocketAddress at)
      throws InterruptedException {
    return new Bootstrap().group(group).channel(NioSocketChannel.class)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(ctx.newHandler(ch.alloc(), at.getHostString(), at.getPort()))
                .addLast(new ChannelInboundHandlerAdapter() {
                  @Override
                  public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
                    c.close(); // the refusal this test expects
                  }
                });
          }
        }).connect(at).sync().channel();
  }

  @Test
  void floodOfOversizedMalformedAndTooFastFramesIsRefusedWhileHonestLinksDeliver()
      throws Exception {
    // a generous handshake time: on a busy machine an attacker must still get its frame out
    // (10 s: seen to time out at 3 s with the machine's load average above 10)
    // every attacker here comes from 127.0.0.1, as the honest stations do: the per-address limit
    // is StationSocketsTest's; here the whole pool may be one address's
    StationLimits limits = new StationLimits(4096, 2_000, 500, 1_024, Duration.ofSeconds(30),
        Duration.ofSeconds(10), 30).withMaxConnectionsPerAddress(30);
    Topology t = Chains.topology(200);
    ProcessStation kuznetsov = chain(t, null, limits);
    InetSocketAddress at = address(t, "KUZNETSOV");
    List<Thread> flood = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      flood.add(attack(at, "oversized", out -> {
        out.write(new byte[] {0, 1, 0, 0}); // a length of 65,536 bytes
        out.write(new byte[1024]);
      }));
      flood.add(attack(at, "malformed", out -> {
        out.write(new byte[] {0, 0, 0, 60});
        out.write(new byte[60]); // version 0, kind 0: not a frame
      }));
      flood.add(attack(at, "too fast", out -> {
        // the whole burst in one write, so the station reads it in large chunks whatever the
        // machine's load: frame by frame, a station slowed below the limit (2,000 frames/s)
        // by a busy host read the 5,000 frames over more than two seconds and never refused
        byte[] hello = bytes(Frame.service(1, 0, "FILIPPOV", "QRV"));
        byte[] burst = new byte[hello.length * 20_000];
        for (int i = 0; i < 20_000; i++) {
          System.arraycopy(hello, 0, burst, i * hello.length, hello.length);
        }
        out.write(burst);
      }));
    }
    flood.add(attack(at, "unknown station", out ->
        out.write(bytes(Frame.service(1, 0, "MOLOTOV", "QRV")))));
    flood.add(attack(at, "silent", out -> { }));
    for (Thread th : flood) {
      th.start();
    }
    for (Thread th : flood) {
      th.join(30_000);
    }
    Refusals r = kuznetsov.refusals();
    awaitCount(r, Reason.OVERSIZED, 3);
    awaitCount(r, Reason.MALFORMED, 3);
    awaitCount(r, Reason.TOO_FAST, 3);
    awaitCount(r, Reason.UNKNOWN_STATION, 1);
    awaitCount(r, Reason.HANDSHAKE_TIMEOUT, 1);
    List<Socket> hoard = new ArrayList<>();
    for (int i = 0; i < 40; i++) { // more connections than the 30 allowed, all silent
      hoard.add(new Socket(at.getAddress(), at.getPort()));
    }
    awaitCount(r, Reason.TOO_MANY_CONNECTIONS, 1);
    for (Socket s : hoard) {
      s.close();
    }
    assertAllDelivered();
    // Under the flood a receipt can miss its 3 s timeout and TEREBIN resends (seen: 21 and 30 of
    // the 60 telegrams, in about one run of three on the 2-core machine); the relay must then
    // suppress every repeat (delivery exactly once is asserted above), and no telegram may be
    // sent more than twice. Why the receipts are late is not yet known (issue 22).
    assertThat(kuznetsov.counters().getOrDefault("duplicates-suppressed", 0L))
        .isLessThanOrEqualTo(MESSAGES);
  }

  private interface Attack {
    void send(OutputStream out) throws IOException;
  }

  /** A thread that connects, sends, and waits for the station to close the connection. */
  private static Thread attack(InetSocketAddress at, String what, Attack a) {
    return new Thread(() -> {
      try (Socket s = new Socket(at.getAddress(), at.getPort())) {
        try {
          a.send(s.getOutputStream());
          s.getOutputStream().flush();
        } catch (IOException e) {
          return; // closed while we were still sending: refused
        }
        assertClosedByPeer(s);
      } catch (IOException e) {
        // a reset is a refusal too
      }
    }, "attack " + what);
  }

  private static void assertClosedByPeer(Socket s) throws IOException {
    s.setSoTimeout(20_000);
    InputStream in = s.getInputStream();
    try {
      while (in.read() >= 0) {
        // the station sends nothing to a refused peer, but drain in case
      }
    } catch (IOException e) {
      // connection reset: closed
    }
  }

  static byte[] bytes(Frame f) {
    ByteBuf b = Unpooled.buffer();
    try {
      FrameEncoder.encode(f, b);
      byte[] out = new byte[b.readableBytes()];
      b.readBytes(out);
      return out;
    } finally {
      b.release();
    }
  }
}
