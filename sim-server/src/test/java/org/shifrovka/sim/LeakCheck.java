package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class if Netty reported a leaked buffer: collects garbage, then allocates so the
 * (paranoid) detector polls its queue, and checks {@link TestLeakDetector#LEAKS}.
 */
public final class LeakCheck implements AfterAllCallback {
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    for (int round = 0; round < 3; round++) {
      System.gc();
      Thread.sleep(50);
      for (ByteBufAllocator a : new ByteBufAllocator[] {ByteBufAllocator.DEFAULT,
          PooledByteBufAllocator.DEFAULT, UnpooledByteBufAllocator.DEFAULT}) {
        for (int i = 0; i < 20; i++) {
          ByteBuf b = a.buffer(8);
          b.release();
          ByteBuf d = a.directBuffer(8);
          d.release();
        }
      }
    }
    assertThat(TestLeakDetector.LEAKS).as("buffers leaked").isEmpty();
  }
}
