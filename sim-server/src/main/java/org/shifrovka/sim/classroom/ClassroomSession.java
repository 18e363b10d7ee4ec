package org.shifrovka.sim.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.shifrovka.lesson.Value;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;

/**
 * One tab's session: greets the page with the topology and the limits, and runs the chain for
 * every valid {@code run} command, on the run executor (never on the event loop). A newer command
 * supersedes the run in progress (its remaining events are not sent); a malformed or unknown
 * command is answered with an error event and changes nothing. Runs are isolated: each has its own
 * stations, pads, registers and links.
 */
final class ClassroomSession extends SimpleChannelInboundHandler<WebSocketFrame> {
  private final Topology topology;
  private final long seed;
  private final Executor runs;
  private final AtomicInteger current = new AtomicInteger();
  private final MorseAudio audio;
  private final String audioToken;

  ClassroomSession(Topology topology, long seed, Executor runs, MorseAudio audio) {
    this.topology = topology;
    this.seed = seed;
    this.runs = runs;
    this.audio = audio;
    this.audioToken = audio.token();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      ObjectNode hello = RunJson.message("hello");
      Long n = ctx.channel().attr(SessionGate.SESSION).get();
      hello.put("session", n == null ? 0 : n);
      hello.put("seed", seed);
      ObjectNode limits = hello.putObject("limits");
      limits.put("messageBytes", RunRequest.MAX_MESSAGE_BYTES);
      limits.put("frameBytes", ClassroomServer.MAX_FRAME_BYTES);
      limits.put("maxSeed", RunRequest.MAX_SEED);
      limits.put("maxDelayMs", RunRequest.MAX_DELAY_MS);
      hello.put("defaultMessage", Scenario1949.message());
      ArrayNode marks = hello.putArray("marks");
      for (Value.Mark m : Value.Mark.values()) {
        marks.addObject().put("id", m.id()).put("symbol", String.valueOf(m.symbol()));
      }
      hello.set("topology", RunJson.topology(topology));
      send(ctx.channel(), hello);
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    if (!(frame instanceof TextWebSocketFrame text)) {
      send(ctx.channel(), RunJson.error("commands are JSON text frames"));
      return;
    }
    RunRequest request;
    try {
      request = RunRequest.parse(text.text(), topology, seed);
    } catch (BadCommandException e) {
      send(ctx.channel(), RunJson.error(e.getMessage()));
      return;
    }
    int run = current.incrementAndGet();
    Channel ch = ctx.channel();
    LessonRun.Sink sink = new LessonRun.Sink() {
      @Override
      public boolean wanted() {
        return ch.isActive() && current.get() == run;
      }

      @Override
      public void send(ObjectNode message) {
        ClassroomSession.send(ch, message);
      }

      @Override
      public String morse(java.util.List<String> lines, int wpm) {
        audio.file(audioToken, lines, wpm);
        return MorseAudio.PREFIX + audioToken + "/";
      }
    };
    try {
      runs.execute(new LessonRun(topology, request, run, sink)::run);
    } catch (RejectedExecutionException e) {
      send(ch, RunJson.error("the server is stopping"));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    current.incrementAndGet(); // the run in progress, if any, is no longer wanted
    audio.remove(audioToken);
    super.channelInactive(ctx);
  }

  static void send(Channel ch, ObjectNode message) {
    try {
      ch.writeAndFlush(new TextWebSocketFrame(RunJson.MAPPER.writeValueAsString(message)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
