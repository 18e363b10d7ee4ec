package org.shifrovka.sim.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class PeerNameCheckTest {
  private final LongAdder refusals = new LongAdder();
  private final PeerNameCheck check = new PeerNameCheck(Set.of("FILIPPOV"), refusals);
  private final EmbeddedChannel ch = new EmbeddedChannel(check);

  @Test
  void dataBeforeTheVerdict_isReleasedNotPassedOn_andTheChannelClosed() {
    ByteBuf data = Unpooled.copiedBuffer("15 63 13 1110 =\n", StandardCharsets.US_ASCII);
    assertThat(ch.writeInbound(data)).isFalse();
    assertThat(data.refCnt()).isZero();
    assertThat(ch.isOpen()).isFalse();
    assertThat(refusals.sum()).isEqualTo(1);
    assertThat(check.peerStation().cause()).isInstanceOf(PeerRefusedException.class)
        .hasMessage("the peer sent data before its name was checked");
    ch.finishAndReleaseAll();
  }

  @Test
  void failedHandshake_isRefusedOnceAndNotPassedOn() {
    SSLHandshakeException failure = new SSLHandshakeException("Empty client certificate chain");
    ch.pipeline().fireExceptionCaught(new io.netty.handler.codec.DecoderException(failure));
    ch.pipeline().fireUserEventTriggered(new SslHandshakeCompletionEvent(failure));
    assertThat(ch.isOpen()).isFalse();
    assertThat(refusals.sum()).isEqualTo(1);
    assertThat(check.peerStation().cause())
        .hasMessage("TLS handshake failed: SSLHandshakeException: Empty client certificate chain");
    ch.checkException(); // swallowed, not passed to the tail
    ch.finishAndReleaseAll();
  }

  @Test
  void successWithoutTls_isRefused() {
    ch.pipeline().fireUserEventTriggered(SslHandshakeCompletionEvent.SUCCESS);
    assertThat(ch.isOpen()).isFalse();
    assertThat(check.peerStation().cause()).hasMessage("no TLS on this channel");
    ch.finishAndReleaseAll();
  }

  @Test
  void otherEvents_passThrough() {
    Object event = "not a handshake";
    ch.pipeline().fireUserEventTriggered(event);
    assertThat(ch.isOpen()).isTrue();
    assertThat(refusals.sum()).isZero();
    assertThat(check.peerStation().isDone()).isFalse();
    ch.close();
    assertThat(check.peerStation().cause()).hasMessage(
        "the connection closed before the peer was checked");
    assertThat(refusals.sum()).isZero();
    ch.finishAndReleaseAll();
  }
}
