package org.shifrovka.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.sim.LeakCheck;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.Frames;
import org.shifrovka.sim.codec.WireFormat;

@ExtendWith(LeakCheck.class)
class LinkHandlerTest {
  private static final long SECOND = 1_000_000_000L;
  private final List<long[]> decisions = new ArrayList<>();

  private EmbeddedChannel link(LinkSpec spec, List<long[]> outages) {
    LinkModel m = new LinkModel("TEREBIN", "KUZNETSOV", 1949, spec, outages);
    return new EmbeddedChannel(new LinkHandler(m, (id, copies, a0, a1) ->
        decisions.add(new long[] {id, copies, a0, a1})), FrameEncoder.INSTANCE);
  }

  private static List<Frame> drain(EmbeddedChannel ch) {
    List<Frame> out = new ArrayList<>();
    ByteBuf b;
    while ((b = ch.readOutbound()) != null) {
      out.add(FrameDecoder.decode(b));
      b.release();
    }
    return out;
  }

  @Test
  void write_cleanLink_stampsArrivalAfterKeyingAndDelay() {
    LinkSpec spec = new LinkSpec(20, SECOND / 10, 0, 0, LinkSpec.Burst.NONE, 0, 0, 0, 0);
    EmbeddedChannel ch = link(spec, List.of());
    Frame f = Frames.radiogram(7, 1, 5 * SECOND, 15, 10);
    ch.writeOutbound(f);
    List<Frame> out = drain(ch);
    assertThat(out).hasSize(1);
    long keying = out.get(0).arrivesAt() - 5 * SECOND - SECOND / 10;
    // ten groups (about 89 units each) and the procedure (356 units) at 60 ms a unit
    assertThat(keying).isBetween(65 * SECOND, 85 * SECOND);
    assertThat(decisions).hasSize(1);
    assertThat(decisions.get(0)).containsExactly(7, 1, out.get(0).arrivesAt(), 0);
    assertThat(out.get(0).groups()).isEqualTo(f.groups());
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void write_twoFramesAtOnce_secondWaitsForTheLine() {
    LinkSpec spec = new LinkSpec(20, 0, 0, 0, LinkSpec.Burst.NONE, 0, 0, 0, 0);
    EmbeddedChannel ch = link(spec, List.of());
    ch.writeOutbound(Frames.radiogram(1, 1, 0, 15, 10), Frames.radiogram(2, 1, 0, 16, 10));
    List<Frame> out = drain(ch);
    assertThat(out.get(1).arrivesAt()).isGreaterThan(2 * out.get(0).arrivesAt() - 2 * SECOND);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void write_certainLoss_dropsAndReleasesAndReportsNoCopy() {
    EmbeddedChannel ch = link(LinkSpec.IDEAL.withLoss(1), List.of());
    ch.writeOutbound(Frames.radiogram(3, 1, 0, 15, 4));
    assertThat(drain(ch)).isEmpty();
    assertThat(decisions.get(0)[1]).isZero();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void write_certainGarble_makesEverySymbolUnreadableInACopy() {
    EmbeddedChannel ch = link(LinkSpec.IDEAL.withGarble(1), List.of());
    ch.writeOutbound(Frames.radiogram(3, 1, 0, 15, 4));
    Frame out = drain(ch).get(0);
    for (byte b : out.groups()) {
      assertThat(b).isEqualTo(WireFormat.UNREADABLE);
    }
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void write_garble_isTheSameForTheSameSeedTelegramAndAttempt() {
    EmbeddedChannel a = link(LinkSpec.IDEAL.withGarble(0.1), List.of());
    EmbeddedChannel b = link(LinkSpec.IDEAL.withGarble(0.1), List.of());
    a.writeOutbound(Frames.radiogram(3, 1, 0, 15, 40));
    b.writeOutbound(Frames.radiogram(99, 1, 77, 15, 40));
    byte[] ga = drain(a).get(0).groups();
    byte[] gb = drain(b).get(0).groups();
    assertThat(ga).isEqualTo(gb);
    assertThat(new String(ga, java.nio.charset.StandardCharsets.US_ASCII)).contains("?");
    b.writeOutbound(Frames.radiogram(100, 2, 77, 15, 40));
    assertThat(drain(b).get(0).groups()).isNotEqualTo(ga);
    assertThat(a.finish()).isFalse();
    assertThat(b.finish()).isFalse();
  }

  @Test
  void write_certainDuplicate_sendsTwoCopiesTheSecondLater() {
    LinkSpec spec = new LinkSpec(0, SECOND, 0, 0, LinkSpec.Burst.NONE, 0, 1, 0, 10 * SECOND);
    EmbeddedChannel ch = link(spec, List.of());
    ch.writeOutbound(Frames.radiogram(3, 1, 0, 15, 4));
    List<Frame> out = drain(ch);
    assertThat(out).hasSize(2);
    assertThat(out.get(0).copy()).isZero();
    assertThat(out.get(1).copy()).isOne();
    assertThat(out.get(1).arrivesAt()).isGreaterThan(out.get(0).arrivesAt());
    assertThat(decisions.get(0)[1]).isEqualTo(2);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void write_certainReorder_holdsTheFrameBackSoTheNextOvertakes() {
    LinkSpec hold = new LinkSpec(0, SECOND, 0, 0, LinkSpec.Burst.NONE, 0, 0, 1, 60 * SECOND);
    EmbeddedChannel ch = link(hold, List.of());
    ch.writeOutbound(Frames.radiogram(3, 1, 0, 15, 4));
    Frame held = drain(ch).get(0);
    assertThat(held.arrivesAt()).isGreaterThan(SECOND);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void write_duringAnOutage_losesTheFrameAndAfterwardsNot() {
    EmbeddedChannel ch = link(LinkSpec.IDEAL, List.<long[]>of(new long[] {10 * SECOND,
        20 * SECOND}));
    ch.writeOutbound(Frames.radiogram(1, 1, 15 * SECOND, 15, 4));
    assertThat(drain(ch)).isEmpty();
    ch.writeOutbound(Frames.radiogram(2, 2, 25 * SECOND, 15, 4));
    assertThat(drain(ch)).hasSize(1);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void setDown_thenUp_switchesWhileRunning() {
    LinkModel m = new LinkModel("A", "B", 1, LinkSpec.IDEAL, List.of());
    EmbeddedChannel ch = new EmbeddedChannel(new LinkHandler(m, LinkListener.NONE),
        FrameEncoder.INSTANCE);
    m.setDown();
    ch.writeOutbound(Frames.radiogram(1, 1, 0, 15, 4));
    assertThat(drain(ch)).isEmpty();
    m.setUp();
    ch.writeOutbound(Frames.radiogram(2, 1, 0, 16, 4));
    assertThat(drain(ch)).hasSize(1);
    assertThat(m.stats().lostDown()).isOne();
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void burst_lossComesInRuns() {
    LinkSpec spec = new LinkSpec(0, 0, 0, 0, new LinkSpec.Burst(0.05, 0.3, 1), 0, 0, 0, 0);
    EmbeddedChannel ch = link(spec, List.of());
    StringBuilder pattern = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      ch.writeOutbound(Frames.radiogram(i + 1, 1, i, i + 1, 1));
      pattern.append(drain(ch).isEmpty() ? 'x' : '.');
    }
    String p = pattern.toString();
    assertThat(p).contains("xx");
    assertThat(p.chars().filter(c -> c == 'x').count()).isBetween(10L, 150L);
    assertThat(ch.finish()).isFalse();
  }
}
