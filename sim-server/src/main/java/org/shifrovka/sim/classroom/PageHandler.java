package org.shifrovka.sim.classroom;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the page's files from the jar ({@code org/shifrovka/sim/classroom/page/}): {@code /} is
 * {@code index.html}, or {@code full.html} with status 503 when every session is taken. Only
 * {@code GET} and {@code HEAD} of plain file names; the page may load nothing from elsewhere (its
 * Content-Security-Policy says so), so it works with no network. {@code /morse/TOKEN/N.wav} is
 * a line of a session's Morse as sound ({@link MorseAudio}).
 */
final class PageHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  static final String RESOURCES = "org/shifrovka/sim/classroom/page/";
  /** What the page may load: its own files and its own WebSocket, nothing else. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
      + " style-src 'self'; img-src 'self' data:; media-src 'self' blob: data:;"
      + " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg)");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml");
  private static final Map<String, Optional<byte[]>> FILES = new ConcurrentHashMap<>();

  private final Sessions sessions;
  private final MorseAudio audio;

  PageHandler(Sessions sessions, MorseAudio audio) {
    this.sessions = sessions;
    this.audio = audio;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      respond(ctx, req, HttpResponseStatus.BAD_REQUEST, "text/plain; charset=utf-8",
          "bad request\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    boolean head = req.method().equals(HttpMethod.HEAD);
    if (!req.method().equals(HttpMethod.GET) && !head) {
      respond(ctx, req, HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8",
          "only GET\n".getBytes(StandardCharsets.UTF_8));
      return;
    }
    String path = new QueryStringDecoder(req.uri()).path();
    if (path.startsWith(MorseAudio.PREFIX)) {
      Optional<byte[]> wav;
      try {
        wav = audio.wav(path);
      } catch (IOException | RuntimeException e) {
        wav = Optional.empty();
      }
      if (wav.isEmpty()) {
        respond(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8",
            "no such sound\n".getBytes(StandardCharsets.UTF_8));
      } else {
        respond(ctx, req, HttpResponseStatus.OK, "audio/wav", head ? new byte[0] : wav.get());
      }
      return;
    }
    String name = path.equals("/") ? "index.html" : path.substring(1);
    HttpResponseStatus status = HttpResponseStatus.OK;
    if (name.equals("index.html") && sessions.full()) {
      name = "full.html";
      status = HttpResponseStatus.SERVICE_UNAVAILABLE;
    }
    Optional<byte[]> file = NAME.matcher(name).matches() ? file(name) : Optional.empty();
    if (file.isEmpty()) {
      respond(ctx, req, HttpResponseStatus.NOT_FOUND, "text/plain; charset=utf-8",
          ("no such page: " + path + "\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    respond(ctx, req, status, type, head ? new byte[0] : file.get());
  }

  /** Returns a file of the page, read from the jar once. */
  static Optional<byte[]> file(String name) {
    return FILES.computeIfAbsent(name, n -> {
      try (InputStream in = PageHandler.class.getClassLoader()
          .getResourceAsStream(RESOURCES + n)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static void respond(ChannelHandlerContext ctx, FullHttpRequest req,
      HttpResponseStatus status, String type, byte[] body) {
    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.wrappedBuffer(body));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    res.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    res.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
    res.headers().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    res.headers().set("X-Content-Type-Options", "nosniff");
    res.headers().set("Referrer-Policy", "no-referrer");
    boolean keepAlive = HttpUtil.isKeepAlive(req) && status.code() < 400;
    if (keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(res);
    } else {
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
