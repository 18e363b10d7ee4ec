package org.shifrovka.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.sim.LeakCheck;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.Frames;
import org.shifrovka.sim.codec.WireFormat;

@ExtendWith(LeakCheck.class)
class InboundFrameHandlerTest {
  private final EmbeddedChannel kernelLoop = new EmbeddedChannel();
  private final SimKernel kernel = new SimKernel(kernelLoop.eventLoop(), 0, 1);
  private final AtomicLong malformed = new AtomicLong();

  private EmbeddedChannel station() {
    return new EmbeddedChannel(WireFormat.newFramer(), FrameDecoder.INSTANCE,
        new InboundFrameHandler("KUZNETSOV", kernel, malformed));
  }

  @Test
  void wellFormedFrame_goesToTheKernel() {
    EmbeddedChannel ch = station();
    ByteBuf b = Unpooled.buffer();
    FrameEncoder.encode(Frames.radiogram(77, 1, 0, 15, 5), b);
    ch.writeInbound(b);
    kernelLoop.runPendingTasks();
    assertThat(kernel.foreignFrames()).isOne();
    assertThat(ch.isOpen()).isTrue();
    assertThat(ch.finish()).isFalse();
    kernelLoop.finishAndReleaseAll();
  }

  @Test
  void oversizedFrame_closesTheConnectionAndIsCounted() {
    EmbeddedChannel ch = station();
    ch.writeInbound(Unpooled.buffer().writeInt(1 << 20).writeZero(32));
    assertThat(ch.isOpen()).isFalse();
    assertThat(malformed.get()).isOne();
    ch.finishAndReleaseAll();
    kernelLoop.finishAndReleaseAll();
  }

  @Test
  void garbageAfterAGoodFrame_closesOnlyAfterTheGoodOneWasPassedOn() {
    EmbeddedChannel ch = station();
    ByteBuf b = Unpooled.buffer();
    FrameEncoder.encode(Frames.radiogram(78, 1, 0, 15, 5), b);
    b.writeInt(44).writeZero(44);
    ch.writeInbound(b);
    kernelLoop.runPendingTasks();
    assertThat(kernel.foreignFrames()).isOne();
    assertThat(malformed.get()).isOne();
    assertThat(ch.isOpen()).isFalse();
    ch.finishAndReleaseAll();
    kernelLoop.finishAndReleaseAll();
  }
}
