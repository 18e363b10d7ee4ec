package org.shifrovka.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.sim.LeakCheck;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.Frames;
import org.shifrovka.sim.fault.LinkHandler;
import org.shifrovka.sim.fault.LinkModel;
import org.shifrovka.sim.fault.LinkSpec;

@ExtendWith(LeakCheck.class)
class SimKernelTest {
  private static final long SECOND = 1_000_000_000L;
  private final EmbeddedChannel ch = new EmbeddedChannel();
  private final List<String> seen = new ArrayList<>();
  private SimKernel kernel;

  private void setUp(double speed, LinkSpec spec) {
    ch.freezeTime();
    LinkModel m = new LinkModel("TEREBIN", "KUZNETSOV", 1949, spec, List.of());
    kernel = new SimKernel(ch.eventLoop(), speed, m.minLatency());
    ch.pipeline().addLast(new LinkHandler(m, kernel), FrameEncoder.INSTANCE);
  }

  @AfterEach
  void tearDown() {
    ch.finishAndReleaseAll();
  }

  private void settle() {
    for (int i = 0; i < 10; i++) {
      ch.runPendingTasks();
    }
  }

  /** Plays the wire: decodes what the link wrote and hands it back as arrived. */
  private int carry() {
    List<Frame> frames = wire();
    frames.forEach(kernel::arrived);
    settle();
    return frames.size();
  }

  /** Decodes what the link wrote, in order. */
  private List<Frame> wire() {
    List<Frame> frames = new ArrayList<>();
    ByteBuf b;
    while ((b = ch.readOutbound()) != null) {
      frames.add(FrameDecoder.decode(b));
      b.release();
    }
    return frames;
  }

  /**
   * Sets up a kernel (speed max, lookahead 1 s) on a channel with no link handler, so nothing
   * reports its frames but the test ({@link SimKernel#decided}); returns the channel.
   */
  private EmbeddedChannel quietKernel() {
    EmbeddedChannel quiet = new EmbeddedChannel(FrameEncoder.INSTANCE);
    quiet.freezeTime();
    kernel = new SimKernel(quiet.eventLoop(), 0, SECOND);
    return quiet;
  }

  /** The link reports frame {@code id} lost (no copy), and the kernel goes on. */
  private void reported(EmbeddedChannel quiet, long id) {
    kernel.decided(id, 0, 0, 0);
    quiet.runPendingTasks();
  }

  private SimKernel.Receiver receiver() {
    return f -> seen.add(f.serial() + "@" + kernel.now() / SECOND);
  }

  @Test
  void schedule_atSpeed60_waitsOneRealSecondPerSimulatedMinute() {
    setUp(60, LinkSpec.IDEAL);
    kernel.schedule(120 * SECOND, () -> seen.add("filed@" + kernel.now() / SECOND));
    kernel.start();
    settle();
    assertThat(seen).isEmpty();
    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(seen).isEmpty();
    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    settle();
    assertThat(seen).containsExactly("filed@120");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
  }

  @Test
  void schedule_twoEventsAtSpeed60_eachWaitsItsOwnTurn() {
    setUp(60, LinkSpec.IDEAL);
    kernel.schedule(60 * SECOND, () -> seen.add("a"));
    kernel.schedule(120 * SECOND, () -> seen.add("b"));
    kernel.start();
    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(seen).containsExactly("a");
    ch.advanceTimeBy(1, TimeUnit.SECONDS);
    ch.runScheduledPendingTasks();
    assertThat(seen).containsExactly("a", "b");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
  }

  @Test
  void schedule_atSpeedMax_runsAtOnceInTimeOrder() {
    setUp(0, LinkSpec.IDEAL);
    kernel.schedule(30 * SECOND, () -> seen.add("b@" + kernel.now() / SECOND));
    kernel.schedule(10 * SECOND, () -> seen.add("a@" + kernel.now() / SECOND));
    SimKernel.Timer c = kernel.schedule(20 * SECOND, () -> seen.add("cancelled"));
    c.cancel();
    kernel.start();
    assertThat(seen).containsExactly("a@10", "b@30");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
  }

  @Test
  void schedule_manyEventsInAnyOrderWithTies_runInTimeThenSchedulingOrder() {
    setUp(0, LinkSpec.IDEAL);
    java.util.Random rnd = new java.util.Random(1949);
    List<long[]> expected = new ArrayList<>(); // {time, order scheduled}
    List<long[]> ran = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long at = rnd.nextInt(20) * SECOND; // many events share a moment
      long[] ev = {at, i};
      expected.add(ev);
      kernel.schedule(at, () -> {
        ran.add(ev);
        if (ev[1] % 50 == 0) { // some events schedule more, now and later, while the run goes on
          for (int k = 0; k < 3; k++) {
            long[] more = {kernel.now() + k * SECOND, 1000 + ev[1] * 10 + k};
            expected.add(more);
            kernel.schedule(more[0], () -> ran.add(more));
          }
        }
      });
    }
    kernel.start();
    List<long[]> sorted = new ArrayList<>(expected);
    sorted.sort(java.util.Comparator.<long[]>comparingLong(e -> e[0]));
    assertThat(ran).hasSize(530);
    // time order; at the same moment, the order they were scheduled in
    for (int i = 1; i < ran.size(); i++) {
      assertThat(ran.get(i)[0]).isGreaterThanOrEqualTo(ran.get(i - 1)[0]);
    }
    assertThat(ran.stream().map(e -> e[0] + "/" + e[1]).toList()).isEqualTo(
        sorted.stream().map(e -> e[0] + "/" + e[1]).toList());
  }

  @Test
  void send_frameIsDeliveredAtItsSimulatedArrivalOnlyAfterItCameThrough() {
    setUp(0, new LinkSpec(0, 5 * SECOND, 0, 0, LinkSpec.Burst.NONE, 0, 0, 0, 0));
    kernel.schedule(0, () -> kernel.send(ch, Frames.radiogram(kernel.nextId(), 1, kernel.now(),
        15, 3), receiver()));
    kernel.start();
    settle();
    assertThat(seen).isEmpty();
    assertThat(kernel.quiescent().isDone()).isFalse();
    assertThat(carry()).isEqualTo(1);
    assertThat(seen).containsExactly("15@5");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
  }

  @Test
  void send_heldBackFrameIsOvertakenWhateverOrderTheBytesCome() {
    // every frame is held back up to 100 s; which one is held longer is decided by its serial
    setUp(0, new LinkSpec(0, SECOND, 0, 0, LinkSpec.Burst.NONE, 0, 0, 1, 100 * SECOND));
    kernel.schedule(0, () -> {
      for (int s = 15; s < 20; s++) {
        kernel.send(ch, Frames.radiogram(kernel.nextId(), 1, 0, s, 3), receiver());
      }
    });
    kernel.start();
    settle();
    List<Frame> wire = wire();
    assertThat(wire).hasSize(5);
    // hand them over in reverse order: the kernel still delivers by simulated arrival
    for (int i = wire.size() - 1; i >= 0; i--) {
      kernel.arrived(wire.get(i));
    }
    settle();
    List<Long> times = new ArrayList<>();
    for (String s : seen) {
      times.add(Long.parseLong(s.substring(s.indexOf('@') + 1)));
    }
    assertThat(seen).hasSize(5);
    assertThat(times).isSorted();
    assertThat(seen).isNotEqualTo(List.of("15@", "16@", "17@", "18@", "19@"));
  }

  @Test
  void send_duplicatedFrame_bothCopiesDeliveredInTimeOrder_theSameBytesAgainAreForeign() {
    // the link duplicates every frame: copy 0 and copy 1, each with its own arrival time
    setUp(0, new LinkSpec(0, SECOND, 0, 0, LinkSpec.Burst.NONE, 0, 1.0, 0, 0));
    kernel.schedule(0, () -> kernel.send(ch, Frames.radiogram(kernel.nextId(), 1, kernel.now(),
        15, 3), receiver()));
    kernel.start();
    settle();
    List<Frame> wire = wire();
    assertThat(wire).extracting(Frame::copy).containsExactlyInAnyOrder(0, 1);
    kernel.arrived(wire.get(1)); // the second copy's bytes first
    settle();
    kernel.arrived(wire.get(0));
    settle();
    assertThat(seen).hasSize(2).allMatch(x -> x.startsWith("15@"));
    assertThat(kernel.quiescent().isSuccess()).isTrue();
    assertThat(kernel.foreignFrames()).isZero();
    kernel.arrived(wire.get(0)); // delivered already: the frame is no longer in flight
    settle();
    assertThat(kernel.foreignFrames()).isOne();
    assertThat(seen).hasSize(2);
  }

  @Test
  void pump_eventWaitsForEveryEarlierFrameItsLinkHasNotReported_inWhateverOrderTheyAreReported() {
    EmbeddedChannel quiet = quietKernel();
    long[] ids = new long[2];
    kernel.schedule(0, () -> {
      for (int i = 0; i < 2; i++) {
        ids[i] = kernel.nextId();
        kernel.send(quiet, Frames.radiogram(ids[i], 1, 0, 15 + i, 3), receiver());
      }
    });
    kernel.schedule(10 * SECOND, () -> seen.add("later@" + kernel.now() / SECOND));
    kernel.start();
    quiet.runPendingTasks();
    assertThat(seen).isEmpty();
    reported(quiet, ids[1]); // the later frame is lost: the earlier one still holds
    assertThat(seen).isEmpty();
    reported(quiet, ids[0]);
    assertThat(seen).containsExactly("later@10");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
    quiet.finishAndReleaseAll();
  }

  @Test
  void pump_anEventWaitsOnlyForFramesSentMoreThanTheLookaheadBeforeIt() {
    EmbeddedChannel quiet = quietKernel();
    long[] ids = new long[2];
    kernel.schedule(0, () -> {
      ids[0] = kernel.nextId();
      kernel.send(quiet, Frames.radiogram(ids[0], 1, 0, 15, 3), receiver());
    });
    kernel.schedule(SECOND / 2, () -> { // within the lookahead of the first: not held
      ids[1] = kernel.nextId();
      kernel.send(quiet, Frames.radiogram(ids[1], 1, kernel.now(), 16, 3), receiver());
    });
    kernel.schedule(SECOND + SECOND / 5, () -> seen.add("soon@" + kernel.now() / SECOND));
    kernel.schedule(10 * SECOND, () -> seen.add("later@" + kernel.now() / SECOND));
    kernel.start();
    quiet.runPendingTasks();
    assertThat(ids[1]).isNotZero();
    assertThat(seen).isEmpty(); // 1.2 s is held by the frame of 0 s
    reported(quiet, ids[0]); // the oldest first: now the frame of 0.5 s holds
    assertThat(seen).containsExactly("soon@1"); // within the lookahead of the frame of 0.5 s
    reported(quiet, ids[1]);
    assertThat(seen).containsExactly("soon@1", "later@10");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
    quiet.finishAndReleaseAll();
  }

  @Test
  void send_theSameFrameIdAgain_onlyTheLastSendingWaitsForItsReport() {
    EmbeddedChannel quiet = quietKernel();
    long[] id = new long[1];
    kernel.schedule(0, () -> {
      id[0] = kernel.nextId();
      kernel.send(quiet, Frames.radiogram(id[0], 1, 0, 15, 3), receiver());
      kernel.send(quiet, Frames.radiogram(id[0], 1, 0, 15, 3), receiver());
    });
    kernel.schedule(10 * SECOND, () -> seen.add("later@" + kernel.now() / SECOND));
    kernel.start();
    quiet.runPendingTasks();
    assertThat(seen).isEmpty();
    reported(quiet, id[0]); // one report settles the frame
    assertThat(seen).containsExactly("later@10");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
    quiet.finishAndReleaseAll();
  }

  @Test
  void arrived_frameTheKernelNeverSent_isCountedAndDropped() {
    setUp(0, LinkSpec.IDEAL);
    kernel.start();
    kernel.arrived(Frames.radiogram(424242, 1, 0, 15, 3));
    settle();
    assertThat(kernel.foreignFrames()).isOne();
    assertThat(seen).isEmpty();
  }
}
