package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.process.Refusals.Reason;

class ConnectionGuardTest {
  private final AtomicLong now = new AtomicLong();
  private final Refusals refusals = new Refusals("KUZNETSOV", () -> 0);
  private final List<Runnable> pending = new ArrayList<>();
  private final List<Frame> passed = new ArrayList<>();

  private EmbeddedChannel channel(int rate, int burst, int maxPending) {
    StationLimits limits = new StationLimits(4096, rate, burst, maxPending,
        Duration.ofSeconds(60), Duration.ofSeconds(10));
    return new EmbeddedChannel(new ConnectionGuard(Set.of("TEREBIN", "FILIPPOV"), false, limits,
        refusals, (peer, f, ch, done) -> {
          passed.add(f);
          pending.add(done);
        }, now::get));
  }

  private static Frame radiogram(String origin, int serial) {
    return Frame.radiogram(serial, 1, 0, origin, serial,
        new RadiogramHeader("FILIPPOV", origin + "/" + serial, false, serial, 1, 13, 1000, 0, 0),
        "12345".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void passesFramesOfTheNamedPeerAndRefusesAnotherName() {
    EmbeddedChannel ch = channel(1000, 100, 100);
    ch.writeInbound(Frame.service(1, 0, "TEREBIN", "QRV"));
    ch.writeInbound(radiogram("TEREBIN", 15));
    assertThat(passed).hasSize(1);
    assertThat(ch.isActive()).isTrue();
    ch.writeInbound(radiogram("FILIPPOV", 16));
    assertThat(ch.isActive()).isFalse();
    assertThat(passed).hasSize(1);
    assertThat(refusals.count(Reason.UNKNOWN_STATION)).isEqualTo(1);
  }

  @Test
  void refusesAStationWithoutALink() {
    EmbeddedChannel ch = channel(1000, 100, 100);
    ch.writeInbound(radiogram("MOLOTOV", 1));
    assertThat(ch.isActive()).isFalse();
    assertThat(passed).isEmpty();
    assertThat(refusals.count(Reason.UNKNOWN_STATION)).isEqualTo(1);
  }

  @Test
  void refusesFramesFasterThanTheRateAfterTheBurst() {
    EmbeddedChannel ch = channel(10, 5, 100);
    for (int i = 0; i < 5; i++) {
      ch.writeInbound(radiogram("TEREBIN", i));
    }
    now.addAndGet(100_000_000); // 0.1 s: one more token
    ch.writeInbound(radiogram("TEREBIN", 5));
    assertThat(ch.isActive()).isTrue();
    ch.writeInbound(radiogram("TEREBIN", 6));
    assertThat(ch.isActive()).isFalse();
    assertThat(passed).hasSize(6);
    assertThat(refusals.count(Reason.TOO_FAST)).isEqualTo(1);
  }

  @Test
  void refusesMoreThanMaxPendingUnprocessedFrames() {
    EmbeddedChannel ch = channel(1000, 100, 3);
    for (int i = 0; i < 3; i++) {
      ch.writeInbound(radiogram("TEREBIN", i));
    }
    pending.get(0).run(); // the station has journaled one
    ch.writeInbound(radiogram("TEREBIN", 3));
    assertThat(ch.isActive()).isTrue();
    ch.writeInbound(radiogram("TEREBIN", 4));
    assertThat(ch.isActive()).isFalse();
    assertThat(passed).hasSize(4);
    assertThat(refusals.count(Reason.TOO_MANY_PENDING)).isEqualTo(1);
  }

  @Test
  void countsOversizedMalformedAndIdleConnections() {
    EmbeddedChannel a = channel(1000, 100, 100);
    a.pipeline().fireExceptionCaught(new TooLongFrameException("frame of 65536 bytes"));
    EmbeddedChannel b = channel(1000, 100, 100);
    b.pipeline().fireExceptionCaught(new DecoderException(new IllegalArgumentException("kind 0")));
    EmbeddedChannel c = channel(1000, 100, 100);
    c.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    assertThat(List.of(a.isActive(), b.isActive(), c.isActive())).containsOnly(false);
    assertThat(refusals.count(Reason.OVERSIZED)).isEqualTo(1);
    assertThat(refusals.count(Reason.MALFORMED)).isEqualTo(1);
    assertThat(refusals.count(Reason.IDLE)).isEqualTo(1);
    assertThat(refusals.total()).isEqualTo(3);
  }

  @Test
  void refusesAPlainPeerThatDoesNotNameItselfInTime() {
    StationLimits limits = new StationLimits(4096, 10, 5, 10, Duration.ofSeconds(60),
        Duration.ofMillis(50));
    EmbeddedChannel ch = new EmbeddedChannel(new ConnectionGuard(Set.of("TEREBIN"), false, limits,
        refusals, (peer, f, c, done) -> { }, now::get));
    ch.advanceTimeBy(60, java.util.concurrent.TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(ch.isActive()).isFalse();
    assertThat(refusals.count(Reason.HANDSHAKE_TIMEOUT)).isEqualTo(1);
  }

  @Test
  void onTls_thePeerIsTheStationOfItsCertificate_notTheOriginItClaims() {
    StationLimits limits = StationLimits.defaults();
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.attr(org.shifrovka.sim.pki.PeerNameCheck.PEER_STATION).set("FILIPPOV");
    ch.pipeline().addLast(new ConnectionGuard(Set.of("TEREBIN", "FILIPPOV"), true, limits,
        refusals, (peer, f, c, done) -> passed.add(f), now::get));
    ch.writeInbound(radiogram("FILIPPOV", 1));
    assertThat(passed).hasSize(1);
    ch.writeInbound(radiogram("TEREBIN", 15)); // a neighbour speaking for another
    assertThat(ch.isActive()).isFalse();
    assertThat(passed).hasSize(1);
    assertThat(refusals.count(Reason.UNKNOWN_STATION)).isEqualTo(1);
  }

  @Test
  void onTls_aFrameWithoutACheckedCertificateIsRefused() {
    EmbeddedChannel ch = new EmbeddedChannel(new ConnectionGuard(Set.of("TEREBIN"), true,
        StationLimits.defaults(), refusals, (peer, f, c, done) -> passed.add(f), now::get));
    ch.writeInbound(radiogram("TEREBIN", 15));
    assertThat(ch.isActive()).isFalse();
    assertThat(passed).isEmpty();
    assertThat(refusals.count(Reason.TLS)).isEqualTo(1);
  }

  @Test
  void aPeerThatDribblesAFrameByteByByte_isRefusedAsIdle_slowLoris() {
    StationLimits limits = new StationLimits(4096, 1000, 100, 100, Duration.ofSeconds(60),
        Duration.ofSeconds(10));
    EmbeddedChannel ch = new EmbeddedChannel(org.shifrovka.sim.codec.WireFormat.newFramer(),
        org.shifrovka.sim.codec.FrameDecoder.INSTANCE, new ConnectionGuard(Set.of("TEREBIN"),
        false, limits, refusals, (peer, f, c, done) -> passed.add(f), now::get));
    ch.writeInbound(encoded(Frame.service(1, 0, "TEREBIN", "QRV"))); // names itself
    io.netty.buffer.ByteBuf next = encoded(radiogram("TEREBIN", 15));
    for (int second = 0; second < 90 && ch.isActive() && next.isReadable(); second++) {
      ch.writeInbound(next.readRetainedSlice(1)); // one byte a second
      now.addAndGet(1_000_000_000L);
      ch.advanceTimeBy(1, java.util.concurrent.TimeUnit.SECONDS);
      ch.runScheduledPendingTasks();
    }
    next.release();
    assertThat(ch.isActive()).isFalse();
    assertThat(passed).isEmpty();
    assertThat(refusals.count(Reason.IDLE)).isEqualTo(1);
  }

  @Test
  void aPeerThatSendsWholeFrames_staysOpenPastTheIdleTimeout() {
    EmbeddedChannel ch = channel(1000, 100, 100);
    for (int i = 0; i < 5; i++) { // a heartbeat every 30 s for 150 s
      ch.writeInbound(Frame.service(i + 1, 0, "TEREBIN", "QRV"));
      now.addAndGet(30_000_000_000L);
      ch.advanceTimeBy(30, java.util.concurrent.TimeUnit.SECONDS);
      ch.runScheduledPendingTasks();
    }
    assertThat(ch.isActive()).isTrue();
    assertThat(refusals.count(Reason.IDLE)).isZero();
  }

  private static io.netty.buffer.ByteBuf encoded(Frame f) {
    EmbeddedChannel enc = new EmbeddedChannel(org.shifrovka.sim.codec.FrameEncoder.INSTANCE);
    enc.writeOutbound(f);
    io.netty.buffer.ByteBuf b = enc.readOutbound();
    enc.finish();
    return b;
  }
}
