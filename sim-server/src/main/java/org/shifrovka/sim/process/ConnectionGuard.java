package org.shifrovka.sim.process;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.shifrovka.internal.SafeText;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameKind;
import org.shifrovka.sim.pki.PeerNameCheck;
import org.shifrovka.sim.process.Refusals.Reason;

/**
 * The last handler of a connection a station accepted: checks who is speaking and how much, then
 * hands frames to the station. One instance per connection, after the frame decoder (and, on TLS,
 * after the {@link PeerNameCheck}, which has named the peer before any frame gets here).
 *
 * <pre>
 *  [SslHandler -> PeerNameCheck] -> IdleStateHandler -> framer -> FrameDecoder -> FrameEncoder
 *                                                                              -> ConnectionGuard
 * </pre>
 *
 * <p>It refuses the connection (counts, logs with the peer address, closes; the station and its
 * other connections go on) on: an oversized or malformed frame; a frame in the name of a station
 * this one has no link with, or of another station than the peer; frames faster than the limit
 * (a token bucket of {@code burst} frames refilled at {@code framesPerSecond}); more frames
 * waiting for the station than {@code maxPendingFrames}; no whole frame for {@code idleTimeout}
 * (bytes dribbled without ending a frame do not count: slow-loris); and on
 * plain TCP, no first frame within {@code handshakeTimeout}.
 *
 * <p>Who the peer is: on TLS, only the station its certificate names, as the
 * {@link PeerNameCheck} recorded it before any frame could pass; every radiogram and service frame
 * must carry that name as its origin, so a station with a valid certificate cannot speak for
 * another. On plain TCP the peer names itself with its first frame (the origin field), which is why
 * only loopback links may run that way.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
  /** Where accepted frames go; {@code done} must run once the station has dealt with the frame. */
  interface Inbound {
    void frame(String peer, Frame frame, Channel channel, Runnable done);
  }

  private final Set<String> allowed;
  private final boolean tls;
  private final StationLimits limits;
  private final Refusals refusals;
  private final Inbound inbound;
  private final LongSupplier nanoTime;
  private final java.util.function.Consumer<Channel> named;
  private final AtomicInteger pending = new AtomicInteger();
  private final Runnable done = pending::decrementAndGet;
  private String peer;
  private boolean refused;
  private double tokens;
  private long refilledAt;
  private ScheduledFuture<?> handshakeTimer;
  private ScheduledFuture<?> frameDeadline;
  private long lastFrameAt;

  ConnectionGuard(Set<String> allowed, boolean tls, StationLimits limits, Refusals refusals,
      Inbound inbound, LongSupplier nanoTime) {
    this(allowed, tls, limits, refusals, inbound, nanoTime, ch -> { });
  }

  /** As above; {@code named} hears once that the connection's peer has named itself. */
  ConnectionGuard(Set<String> allowed, boolean tls, StationLimits limits, Refusals refusals,
      Inbound inbound, LongSupplier nanoTime, java.util.function.Consumer<Channel> named) {
    this.named = named;
    this.allowed = allowed;
    this.tls = tls;
    this.limits = limits;
    this.refusals = refusals;
    this.inbound = inbound;
    this.nanoTime = nanoTime;
    this.tokens = limits.burst();
    this.refilledAt = nanoTime.getAsLong();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // Whole frames, not bytes, keep a connection open: a peer that dribbles a frame byte by byte
    // (slow-loris) keeps the byte-level idle timer quiet but is refused here.
    lastFrameAt = nanoTime.getAsLong();
    long period = Math.max(1, limits.idleTimeout().toMillis() / 4);
    frameDeadline = ctx.executor().scheduleAtFixedRate(() -> {
      long quiet = nanoTime.getAsLong() - lastFrameAt;
      if (!refused && quiet > limits.idleTimeout().toNanos()) {
        refuse(ctx, Reason.IDLE, "no whole frame for " + quiet / 1_000_000 + " ms (at most "
            + limits.idleTimeout().toMillis() + " ms)");
      }
    }, period, period, TimeUnit.MILLISECONDS);
    if (!tls) { // on TLS the SslHandler enforces the handshake timeout
      handshakeTimer = ctx.executor().schedule(() -> {
        if (peer == null) {
          refuse(ctx, Reason.HANDSHAKE_TIMEOUT, "no frame naming the peer within "
              + limits.handshakeTimeout().toMillis() + " ms");
        }
      }, limits.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (handshakeTimer != null) {
      handshakeTimer.cancel(false);
    }
    if (frameDeadline != null) {
      frameDeadline.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused || !(msg instanceof Frame)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    Frame f = (Frame) msg;
    long now = nanoTime.getAsLong();
    lastFrameAt = now;
    if (!takeToken(now)) {
      refuse(ctx, Reason.TOO_FAST, "more than " + limits.framesPerSecond() + " frames/s (burst "
          + limits.burst() + ")");
      return;
    }
    if (tls && peer == null) {
      peer = ctx.channel().attr(PeerNameCheck.PEER_STATION).get();
      if (peer == null) { // cannot happen behind a PeerNameCheck; refuse rather than trust
        refuse(ctx, Reason.TLS, "a frame before the certificate was checked");
        return;
      }
      named.accept(ctx.channel());
    }
    if (f.kind() == FrameKind.RADIOGRAM || f.kind() == FrameKind.SERVICE) {
      if (peer == null) {
        if (!allowed.contains(f.origin())) {
          refuse(ctx, Reason.UNKNOWN_STATION, "station \"" + SafeText.of(f.origin(), 64)
              + "\" has no link here");
          return;
        }
        peer = f.origin();
        ctx.channel().attr(PeerNameCheck.PEER_STATION).set(peer);
        named.accept(ctx.channel());
      } else if (!peer.equals(f.origin())) {
        refuse(ctx, Reason.UNKNOWN_STATION, peer + " sent a frame in the name of \""
            + SafeText.of(f.origin(), 64) + "\"");
        return;
      }
    } else if (peer == null) {
      refuse(ctx, Reason.UNKNOWN_STATION, "a " + f.kind() + " frame before the peer named itself");
      return;
    }
    if (f.kind() == FrameKind.SERVICE) {
      return; // a heartbeat: the idle timer has seen it
    }
    if (pending.incrementAndGet() > limits.maxPendingFrames()) {
      pending.decrementAndGet();
      refuse(ctx, Reason.TOO_MANY_PENDING, "more than " + limits.maxPendingFrames()
          + " frames waiting");
      return;
    }
    inbound.frame(peer, f, ctx.channel(), done);
  }

  private boolean takeToken(long now) {
    tokens = Math.min(limits.burst(),
        tokens + (now - refilledAt) * 1e-9 * limits.framesPerSecond());
    refilledAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent && ((IdleStateEvent) evt).state() == IdleState.READER_IDLE) {
      refuse(ctx, Reason.IDLE, "nothing received for " + limits.idleTimeout().toMillis() + " ms");
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException || cause.getCause() instanceof TooLongFrameException) {
      refuse(ctx, Reason.OVERSIZED, cause.getMessage());
    } else if (cause instanceof DecoderException) {
      Throwable c = cause.getCause() != null ? cause.getCause() : cause;
      refuse(ctx, Reason.MALFORMED, c.getMessage());
    } else if (cause instanceof IOException
        || cause instanceof java.util.concurrent.RejectedExecutionException) {
      ctx.close(); // the peer went away, or the station is shutting down
    } else {
      refuse(ctx, Reason.MALFORMED, cause.toString());
    }
  }

  private void refuse(ChannelHandlerContext ctx, Reason reason, String detail) {
    if (!refused) {
      refused = true;
      refusals.refuse(reason, ctx.channel().remoteAddress(), detail);
    }
    ctx.close();
  }
}
