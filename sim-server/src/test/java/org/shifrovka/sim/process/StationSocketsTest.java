package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.process.Refusals.Reason;

/**
 * Admission on loopback sockets: two hostile hosts (127.0.0.2 and 127.0.0.3, which Linux routes to
 * the loopback interface like 127.0.0.1) flood a station with connections that never name
 * themselves, before and after a neighbour (127.0.0.1) opens its connection; the neighbour's
 * connection keeps its place and its radiogram arrives. With one global pool closing its oldest
 * (or refusing the newest) the flood after it would have closed it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StationSocketsTest {
  private static final StationLimits LIMITS = new StationLimits(4096, 2_000, 500, 1_024,
      Duration.ofSeconds(60), Duration.ofSeconds(60), 8, 4); // no timeout within the test

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
      NioIoHandler.newFactory());
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (Socket s : sockets) {
      s.close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
  }

  @Test
  void aFloodFromOtherAddresses_closesOnlyItsOwnConnections_notANeighboursHandshake()
      throws Exception {
    Refusals refusals = new Refusals("KUZNETSOV", () -> 0);
    LinkedBlockingQueue<String> arrived = new LinkedBlockingQueue<>();
    StationSockets station = new StationSockets("KUZNETSOV", Set.of("TEREBIN"), null, LIMITS,
        refusals, (peer, f, ch, done) -> {
          arrived.add(peer + " " + f.serial());
          done.run();
        }, () -> Frame.service(0, 0, "KUZNETSOV", "QRV"), group);
    Channel server = station.listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    InetSocketAddress at = (InetSocketAddress) server.localAddress();

    flood(at, 40); // 80 connections from two hosts: the pool of 8 is full, 4 from each
    awaitRefusals(refusals, 80 - 8);
    Socket neighbour = open(at, InetAddress.getLoopbackAddress()); // its handshake is slow
    awaitRefusals(refusals, 81 - 8);
    flood(at, 40); // 80 more after it
    awaitRefusals(refusals, 161 - 8);

    neighbour.getOutputStream().write(StationDefenceTest.bytes(Frame.radiogram(1, 1, 0,
        "TEREBIN", 15, new RadiogramHeader("FILIPPOV", "TEREBIN/15", false, 15, 1, 13, 1000, 0,
            0), "12345".getBytes(StandardCharsets.US_ASCII))));
    neighbour.getOutputStream().flush();
    assertThat(arrived.poll(30, TimeUnit.SECONDS)).as("the neighbour's radiogram")
        .isEqualTo("TEREBIN 15");
    assertThat(refusals.count(Reason.TOO_MANY_CONNECTIONS)).isEqualTo(161 - 8);
    server.close().sync();
    station.closeAccepted();
  }

  private void flood(InetSocketAddress at, int each) throws IOException {
    for (int i = 0; i < each; i++) {
      open(at, InetAddress.getByName("127.0.0.2"));
      open(at, InetAddress.getByName("127.0.0.3"));
    }
  }

  private Socket open(InetSocketAddress at, InetAddress from) throws IOException {
    Socket s = new Socket(at.getAddress(), at.getPort(), from, 0);
    sockets.add(s);
    return s;
  }

  private static void awaitRefusals(Refusals r, long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (r.count(Reason.TOO_MANY_CONNECTIONS) < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(r.count(Reason.TOO_MANY_CONNECTIONS)).as("connections closed to make room")
        .isEqualTo(n);
  }
}
