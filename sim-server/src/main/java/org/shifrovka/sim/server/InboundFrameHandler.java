package org.shifrovka.sim.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import java.util.concurrent.atomic.AtomicLong;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.internal.SafeText;

/**
 * The last inbound handler of a station's server connection: hands decoded frames to the
 * simulation; on a malformed or oversized frame logs the reason once, counts it and closes this
 * connection only.
 */
public final class InboundFrameHandler extends SimpleChannelInboundHandler<Frame> {
  private static final System.Logger LOG = System.getLogger(InboundFrameHandler.class.getName());

  private final String station;
  private final SimKernel kernel;
  private final AtomicLong malformed;

  /** Returns a handler for one connection of {@code station}. */
  public InboundFrameHandler(String station, SimKernel kernel, AtomicLong malformed) {
    super(Frame.class);
    this.station = station;
    this.kernel = kernel;
    this.malformed = malformed;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Frame f) {
    kernel.arrived(f);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof DecoderException) {
      malformed.incrementAndGet();
      Throwable c = cause.getCause() != null && cause.getMessage() != null
          && cause.getMessage().startsWith(cause.getCause().getClass().getName())
          ? cause.getCause() : cause;
      LOG.log(System.Logger.Level.WARNING, "{0}: closing connection from {1}: malformed frame: {2}",
          station, ctx.channel().remoteAddress(), SafeText.of(String.valueOf(c.getMessage())));
    } else {
      LOG.log(System.Logger.Level.WARNING, "{0}: closing connection from {1}: {2}", station,
          ctx.channel().remoteAddress(), SafeText.of(cause.toString()));
    }
    ctx.close();
  }
}
