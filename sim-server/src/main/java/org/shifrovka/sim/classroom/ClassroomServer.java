package org.shifrovka.sim.classroom;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;

/**
 * The classroom web view: an HTTP server that serves the page from the jar and runs one chain
 * simulation per WebSocket (per browser tab) for {@code shifrovka serve}.
 *
 * <pre>{@code
 * try (ClassroomServer s = ClassroomServer.builder().port(8080).start()) {
 *   System.out.println(s.url());   // http://127.0.0.1:8080/
 *   ...
 * }
 * }</pre>
 *
 * <h2>Pipeline</h2>
 *
 * {@code HttpServerCodec -> HttpObjectAggregator -> SessionGate -> PageHandler}: the gate admits
 * or refuses a tab's upgrade on {@value #WEBSOCKET_PATH} and, when it admits one, puts
 * {@code WebSocketServerProtocolHandler -> WebSocketFrameAggregator -> ClassroomSession} after
 * itself; the page handler serves files, and the session handler reads the page's commands. Runs execute on a small pool of their own, never on the
 * event loop. The JSON messages are documented in {@code sim-server/README.md}.
 */
public final class ClassroomServer implements AutoCloseable {
  /** The path of the WebSocket. */
  public static final String WEBSOCKET_PATH = "/ws";
  /** The largest WebSocket frame (and message) the server reads. */
  public static final int MAX_FRAME_BYTES = 64 * 1024;
  /** The largest HTTP request the server reads. */
  static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final EventLoopGroup group;
  private final ExecutorService runs;
  private final Channel server;
  private final Sessions sessions;
  private final InetSocketAddress address;

  private ClassroomServer(Builder b) throws IOException {
    this.sessions = new Sessions(b.sessionLimit);
    this.group = new MultiThreadIoEventLoopGroup(b.ioThreads,
        new DefaultThreadFactory("classroom-io", true), NioIoHandler.newFactory());
    this.runs = Executors.newFixedThreadPool(b.runThreads,
        new DefaultThreadFactory("classroom-run", true));
    Topology topology = b.topology == null ? Topology.default1949() : b.topology;
    MorseAudio audio = new MorseAudio();
    ServerBootstrap sb = new ServerBootstrap().group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            pipeline(ch.pipeline(), sessions, audio, topology, b.seed, runs, b.log,
                b.host.isLoopbackAddress());
          }
        });
    try {
      this.server = sb.bind(new InetSocketAddress(b.host, b.port)).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IOException("interrupted while binding", e);
    } catch (RuntimeException e) {
      shutdown();
      throw new IOException("cannot listen on " + b.host.getHostAddress() + ":" + b.port + ": "
          + e.getMessage(), e);
    }
    this.address = (InetSocketAddress) server.localAddress();
  }

  /**
   * Sets up a channel's pipeline (also used by the handler tests on an {@code EmbeddedChannel}).
   */
  static void pipeline(ChannelPipeline p, Sessions sessions, MorseAudio audio,
      Topology topology, long seed,
      java.util.concurrent.Executor runs, Consumer<String> log, boolean loopbackOnly) {
    p.addLast(new HttpServerCodec());
    p.addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
    p.addLast(new SessionGate(sessions, log, () -> new ChannelHandler[] {
        new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(WEBSOCKET_PATH)
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .allowExtensions(false)
            .handshakeTimeoutMillis(10_000)
            .build()),
        new WebSocketFrameAggregator(MAX_FRAME_BYTES),
        new ClassroomSession(topology, seed, runs, audio)}, loopbackOnly));
    p.addLast(new PageHandler(sessions, audio));
  }

  /**
   * Returns a builder: loopback, port 8080, seed 1949, the 1949 topology, 64 sessions.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the address the server listens on (with the real port when 0 was asked).
   *
   * @return the bound address
   */
  public InetSocketAddress address() {
    return address;
  }

  /**
   * Returns the page's URL, for example {@code http://127.0.0.1:8080/}.
   *
   * @return the URL
   */
  public String url() {
    InetAddress a = address.getAddress();
    String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + address.getPort() + "/";
  }

  /**
   * Returns the sessions, to watch them.
   *
   * @return the sessions
   */
  public Sessions sessions() {
    return sessions;
  }

  /** Stops listening, closes every session and waits (a few seconds at most) for the threads. */
  @Override
  public void close() {
    if (server != null) {
      server.close().awaitUninterruptibly();
    }
    shutdown();
  }

  private void shutdown() {
    runs.shutdownNow();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    try {
      runs.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds and starts a {@link ClassroomServer}. */
  public static final class Builder {
    private InetAddress host = InetAddress.getLoopbackAddress();
    private int port = 8080;
    private long seed = Scenario1949.DEFAULT_SEED;
    private Topology topology;
    private int sessionLimit = Sessions.DEFAULT_LIMIT;
    private int ioThreads = 1;
    private int runThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
    private Consumer<String> log = line -> { };

    private Builder() {}

    /**
     * Sets the address to listen on (default: loopback, 127.0.0.1).
     *
     * @param v the address
     * @return this builder
     */
    public Builder host(InetAddress v) {
      host = Objects.requireNonNull(v, "host");
      return this;
    }

    /**
     * Sets the port (default 8080; 0 picks a free one).
     *
     * @param v 0 to 65535
     * @return this builder
     */
    public Builder port(int v) {
      if (v < 0 || v > 65535) {
        throw new IllegalArgumentException("the port must be 0-65535, got " + v);
      }
      port = v;
      return this;
    }

    /**
     * Sets the seed a run uses when the page gives none (default 1949).
     *
     * @param v the seed
     * @return this builder
     */
    public Builder seed(long v) {
      if (v < 0 || v > RunRequest.MAX_SEED) {
        throw new IllegalArgumentException("the seed must be 0-" + RunRequest.MAX_SEED
            + ", got " + v);
      }
      seed = v;
      return this;
    }

    /**
     * Sets the topology every session runs (default: {@link Topology#default1949()}).
     *
     * @param v the topology
     * @return this builder
     */
    public Builder topology(Topology v) {
      topology = Objects.requireNonNull(v, "topology");
      return this;
    }

    /**
     * Sets the most sessions at once (default 64).
     *
     * @param v 1 or more
     * @return this builder
     */
    public Builder sessionLimit(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("the session limit must be at least 1, got " + v);
      }
      sessionLimit = v;
      return this;
    }

    /**
     * Sets the number of runs that execute at once (default: the number of processors, at
     * least 2); later runs wait their turn.
     *
     * @param v 1 or more
     * @return this builder
     */
    public Builder runThreads(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("run threads must be at least 1, got " + v);
      }
      runThreads = v;
      return this;
    }

    /**
     * Sets where the server writes one line per session opened or ended (default: nowhere).
     *
     * @param v the log
     * @return this builder
     */
    public Builder log(Consumer<String> v) {
      log = Objects.requireNonNull(v, "log");
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public ClassroomServer start() throws IOException {
      return new ClassroomServer(this);
    }
  }
}
