package org.shifrovka.sim.pki;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.shifrovka.sim.observe.ThrottledLog;

/**
 * Admits a TLS peer only if its certificate names an allowed station; placed right after the
 * {@link SslHandler}, one instance per channel (see {@link StationTrust#newPeerNameCheck()}).
 *
 * <p>On a successful handshake it reads the peer's station name from its certificate (subject
 * common name, repeated as a subjectAltName). If the station is allowed, it records the name in
 * the channel attribute {@link #PEER_STATION}, passes the handshake event on, and removes itself.
 * Otherwise, and when the handshake fails (an unknown authority, a plain-TCP client), it closes the
 * channel, logs one line with the reason and counts a refusal. Until the verdict, nothing the peer
 * sends is passed on: it is released and the channel closed.
 *
 * <p>{@link #peerStation()} completes with the verdict; a dialling station waits for it (not for
 * the {@code SslHandler}'s handshake future, which completes before the check) before it sends
 * traffic.
 */
public final class PeerNameCheck extends ChannelInboundHandlerAdapter {
  /** The verified station name of the peer, set once the check has accepted it. */
  public static final AttributeKey<String> PEER_STATION =
      AttributeKey.valueOf(PeerNameCheck.class, "peerStation");

  private static final System.Logger LOG = System.getLogger(PeerNameCheck.class.getName());
  /** Refused handshakes, which anyone can cause: a few lines per interval, then a summary. */
  private static final ThrottledLog REFUSED = ThrottledLog.of(LOG, "TLS: refused peers:");

  private final Set<String> allowed;
  private final LongAdder refusals;
  private boolean refused;
  private volatile Promise<String> verdict;

  PeerNameCheck(Set<String> allowed, LongAdder refusals) {
    this.allowed = Set.copyOf(allowed);
    this.refusals = Objects.requireNonNull(refusals, "refusals");
  }

  /**
   * Returns the verdict: succeeds with the peer's station name once it is accepted, fails with
   * {@link PeerRefusedException} if it is refused or the connection closes first.
   *
   * @throws IllegalStateException if the check is not yet in a pipeline
   */
  public Future<String> peerStation() {
    if (verdict == null) {
      throw new IllegalStateException("the peer-name check is not in a channel pipeline");
    }
    return verdict;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (verdict != null) {
      throw new IllegalStateException("a peer-name check serves one channel only");
    }
    verdict = ctx.executor().newPromise();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    verdict.tryFailure(new PeerRefusedException("the connection closed before the peer was"
        + " checked"));
    ctx.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (!(evt instanceof SslHandshakeCompletionEvent)) {
      ctx.fireUserEventTriggered(evt);
      return;
    }
    SslHandshakeCompletionEvent done = (SslHandshakeCompletionEvent) evt;
    if (!done.isSuccess()) {
      refuse(ctx, "TLS handshake failed: " + describe(done.cause()));
      return;
    }
    String peer;
    try {
      peer = peerStation(ctx);
    } catch (CertificateException | SSLPeerUnverifiedException e) {
      refuse(ctx, e.getMessage());
      return;
    }
    if (!allowed.contains(peer)) {
      refuse(ctx, "station " + peer + " is not an allowed peer " + allowed);
      return;
    }
    ctx.channel().attr(PEER_STATION).set(peer);
    verdict.trySuccess(peer);
    ctx.fireUserEventTriggered(evt);
    ctx.pipeline().remove(this);
  }

  private static String peerStation(ChannelHandlerContext ctx)
      throws CertificateException, SSLPeerUnverifiedException {
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    if (ssl == null) {
      throw new CertificateException("no TLS on this channel");
    }
    Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
    if (chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
      throw new CertificateException("the peer presented no X.509 certificate");
    }
    return StationNames.of((X509Certificate) chain[0]);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
    refuse(ctx, "the peer sent data before its name was checked");
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Before the verdict the only expected errors are the handshake's. The SslHandler reports a
    // failed handshake both as an exception and as an event; whichever comes first is counted.
    refuse(ctx, "TLS handshake failed: " + describe(cause));
  }

  private void refuse(ChannelHandlerContext ctx, String reason) {
    if (!refused) {
      refused = true;
      refusals.increment();
      REFUSED.log("TLS", "refused peer {0}: {1}", ctx.channel().remoteAddress(), reason);
      verdict.tryFailure(new PeerRefusedException(reason));
    }
    ctx.close();
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
