package org.shifrovka.sim.fault;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.shifrovka.sim.codec.WireFormat;

/**
 * The simulated radio link, as the outbound handler nearest the socket of a sending station's
 * connection to its next hop: every encoded frame written passes through {@link LinkModel#decide},
 * which may lose it (the buffer is released and the write succeeds, as on the air), garble symbols
 * into a copy, stamp its simulated arrival time after keying, delay and jitter, hold it back so
 * later frames overtake it, or send it twice. The {@link LinkListener} hears each decision before
 * the bytes are written.
 *
 * <p>Nothing here waits in real time: simulated times travel in the frame and the simulation maps
 * them to real waiting. One instance per channel.
 */
public final class LinkHandler extends ChannelOutboundHandlerAdapter {
  private final LinkModel model;
  private final LinkListener listener;
  private final LinkModel.Decision decision = new LinkModel.Decision();

  /** Returns a handler for one link. */
  public LinkHandler(LinkModel model, LinkListener listener) {
    this.model = model;
    this.listener = listener;
  }

  /** Returns the model. */
  public LinkModel model() {
    return model;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf)) {
      ctx.write(msg, promise);
      return;
    }
    ByteBuf f = (ByteBuf) msg;
    long id = WireFormat.frameId(f);
    ByteBuf out = model.decide(f, decision);
    if (out == null) {
      listener.decided(id, 0, 0, 0);
      promise.trySuccess();
      return;
    }
    ByteBuf dup = null;
    if (decision.copies == 2) {
      dup = out.copy();
      WireFormat.stamp(dup, decision.arrival1, 1);
    }
    WireFormat.stamp(out, decision.arrival0, 0);
    listener.decided(id, decision.copies, decision.arrival0, decision.arrival1);
    ctx.write(out, promise);
    if (dup != null) {
      ctx.write(dup, ctx.voidPromise());
    }
  }
}
