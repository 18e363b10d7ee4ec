package org.shifrovka.sim.classroom;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Admits a tab's WebSocket upgrade ({@code GET /ws}) when the server has a free session and the
 * request comes from the page itself (its {@code Origin}, when sent, names the {@code Host}), and
 * gives the place back when the connection closes. On a loopback-only server every request must
 * name a loopback host. A full server answers 503; a foreign origin,
 * 403. An admitted tab's channel gets the WebSocket handlers after the gate; every other request
 * passes on unchanged to the page handler.
 */
final class SessionGate extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** The session number of a channel that was admitted. */
  static final AttributeKey<Long> SESSION = AttributeKey.valueOf("shifrovka.session");

  private final Sessions sessions;
  private final Consumer<String> log;
  private final Supplier<ChannelHandler[]> webSocket;
  private final boolean loopbackOnly;

  /**
   * Returns a gate.
   *
   * @param sessions the sessions
   * @param log where to write a line per session opened or ended
   * @param webSocket the handlers of an admitted tab's WebSocket, in pipeline order
   * @param loopbackOnly whether the server listens on loopback only: then a request must name a
   *     loopback host ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}), so that a web site
   *     whose name is made to point at this machine (DNS rebinding) cannot use the page
   */
  SessionGate(Sessions sessions, Consumer<String> log, Supplier<ChannelHandler[]> webSocket,
      boolean loopbackOnly) {
    super(false);
    this.sessions = sessions;
    this.log = log;
    this.webSocket = webSocket;
    this.loopbackOnly = loopbackOnly;
  }

  /** Returns whether a {@code Host} header names this machine's loopback interface. */
  static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
        : host.indexOf(':') >= 0 ? host.substring(0, host.indexOf(':')) : host;
    return name.equals("127.0.0.1") || name.equalsIgnoreCase("localhost") || name.equals("[::1]");
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    String path = new QueryStringDecoder(req.uri()).path();
    if (loopbackOnly && !loopbackHost(req.headers().get(HttpHeaderNames.HOST))) {
      refuse(ctx, req, HttpResponseStatus.FORBIDDEN, "this server answers only to 127.0.0.1,"
          + " localhost and [::1]");
      return;
    }
    if (!path.equals(ClassroomServer.WEBSOCKET_PATH)) {
      ctx.fireChannelRead(req);
      return;
    }
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    String host = req.headers().get(HttpHeaderNames.HOST);
    if (origin != null && (host == null || !origin.equals("http://" + host))) {
      refuse(ctx, req, HttpResponseStatus.FORBIDDEN, "this page may only be used from "
          + (host == null ? "the server" : "http://" + host));
      return;
    }
    if (ctx.channel().attr(SESSION).get() != null) {
      refuse(ctx, req, HttpResponseStatus.BAD_REQUEST, "this connection has its session");
      return;
    }
    long n = sessions.open();
    if (n == 0) {
      log.accept("server full (" + sessions.limit() + " sessions): a tab was turned away");
      refuse(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "server full: "
          + sessions.limit() + " sessions are open; close a tab and reload");
      return;
    }
    ctx.channel().attr(SESSION).set(n);
    log.accept("session " + n + " opened (" + sessions.active() + " open)");
    String after = ctx.name();
    int i = 0;
    for (ChannelHandler h : webSocket.get()) {
      String name = "websocket-" + i++;
      ctx.pipeline().addAfter(after, name, h);
      after = name;
    }
    ctx.fireChannelRead(req);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Long n = ctx.channel().attr(SESSION).getAndSet(null);
    if (n != null) {
      sessions.end();
      log.accept("session " + n + " ended (" + sessions.active() + " open)");
    }
    super.channelInactive(ctx);
  }

  private static void refuse(ChannelHandlerContext ctx, FullHttpRequest req,
      HttpResponseStatus status, String text) {
    req.release();
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }
}
