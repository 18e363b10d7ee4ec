package org.shifrovka.sim.process;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.pki.PeerNameCheck;
import org.shifrovka.sim.pki.StationTrust;

/**
 * The sockets of a {@link ProcessStation}: the listening socket and its accepted connections
 * (frames from the neighbours, each on the connection it opened), and the connections this
 * station dials (its own frames to each neighbour).
 *
 * <p>An accepted connection runs through the station's defences before a frame reaches the
 * office:
 *
 * <pre>
 *  [SslHandler -> PeerNameCheck] -> IdleStateHandler -> framer -> FrameDecoder -> ConnectionGuard
 * </pre>
 *
 * and a dialled one sends a hello frame naming this station at connecting and again whenever it
 * has been idle for {@link #HEARTBEAT_MILLIS}, so that an idle link is not refused as silent:
 *
 * <pre>
 *  [SslHandler -> PeerNameCheck(neighbour)] -> heartbeat -> framer -> FrameDecoder -> FrameEncoder
 * </pre>
 */
final class StationSockets {
  /**
   * How often an idle link sends a heartbeat, whatever this station's own idle limit: a receiver
   * enforces its own, which {@code shifrovka station} keeps at 15 s or more.
   */
  static final long HEARTBEAT_MILLIS = 5_000;

  private final String name;
  private final Set<String> neighbours;
  private final StationTrust trust;
  private final StationLimits limits;
  private final Refusals refusals;
  private final ConnectionGuard.Inbound inbound;
  private final Supplier<Frame> hello;
  private final EventLoopGroup group;
  private final ChannelGroup accepted = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final Admission<Channel> admission;

  StationSockets(String name, Set<String> neighbours, StationTrust trust, StationLimits limits,
      Refusals refusals, ConnectionGuard.Inbound inbound, Supplier<Frame> hello,
      EventLoopGroup group) {
    this.name = name;
    this.neighbours = neighbours;
    this.trust = trust;
    this.limits = limits;
    this.refusals = refusals;
    this.inbound = inbound;
    this.hello = hello;
    this.group = group;
    this.admission = new Admission<>(limits);
  }

  /** Listens on {@code at}; returns the listening channel. */
  Channel listen(InetSocketAddress at) throws InterruptedException {
    return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            initAccepted(ch);
          }
        }).bind(at).sync().channel();
  }

  /**
   * Admits an accepted connection (see {@link Admission}: connections that have not named their
   * peer wait in a pool with a limit per address, the oldest of the heaviest address closed to make
   * room; named connections have slots of their own).
   */
  private void initAccepted(SocketChannel ch) {
    InetSocketAddress from = ch.remoteAddress();
    Object address = from == null ? "?" : from.getAddress();
    Admission.Eviction<Channel> evicted = admission.admit(ch, address);
    long wait = admission.handshakeDelay(address, System.nanoTime());
    if (wait > 0) { // not read, so no handshake work, until this address's turn
      ch.config().setAutoRead(false);
      ch.eventLoop().schedule(() -> {
        ch.config().setAutoRead(true);
      }, wait, TimeUnit.NANOSECONDS);
    }
    if (evicted != null) {
      refusals.refuse(Refusals.Reason.TOO_MANY_CONNECTIONS, evicted.connection().remoteAddress(),
          evicted.why());
      evicted.connection().close();
    }
    ch.closeFuture().addListener(f -> admission.closed(ch));
    ChannelPipeline p = ch.pipeline();
    if (trust != null) {
      SslHandler ssl = trust.serverContext().newHandler(ch.alloc());
      ssl.setHandshakeTimeoutMillis(limits.handshakeTimeout().toMillis());
      p.addLast("tls", ssl).addLast("peer", trust.newPeerNameCheck());
    }
    p.addLast("idle", new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0,
            TimeUnit.MILLISECONDS))
        .addLast("framer", WireFormat.newFramer(limits.maxFrameBytes()))
        .addLast("decoder", FrameDecoder.INSTANCE)
        .addLast("guard", new ConnectionGuard(neighbours, trust != null, limits, refusals,
            inbound, System::nanoTime, this::named));
    accepted.add(ch);
  }

  /** Moves a connection whose peer named itself to the named slots, or refuses it if all are taken. */
  private void named(Channel ch) {
    if (!admission.name(ch)) {
      refusals.refuse(Refusals.Reason.TOO_MANY_CONNECTIONS, ch.remoteAddress(),
          limits.maxConnections() + " named connections are open already");
      ch.close();
    }
  }

  /**
   * Dials {@code peer} at {@code at}. The future completes once the connection is usable: on TLS,
   * once the peer's certificate named {@code peer}.
   */
  Future<Channel> dial(String peer, InetSocketAddress at) {
    io.netty.util.concurrent.Promise<Channel> ready = group.next().newPromise();
    PeerNameCheck check = trust == null ? null : trust.newPeerNameCheck(peer);
    ChannelFuture connect = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ChannelPipeline p = ch.pipeline();
            if (check != null) {
              p.addLast("tls", trust.clientContext().newHandler(ch.alloc(), at.getHostString(),
                  at.getPort())).addLast("peer", check);
            }
            p.addLast("idle", new IdleStateHandler(0, HEARTBEAT_MILLIS, 0, TimeUnit.MILLISECONDS))
                .addLast("heartbeat", new Heartbeat())
                .addLast("framer", WireFormat.newFramer())
                .addLast("decoder", FrameDecoder.INSTANCE)
                .addLast("encoder", FrameEncoder.INSTANCE)
                .addLast("sink", new Sink(peer));
          }
        }).connect(at);
    connect.addListener(f -> {
      if (!f.isSuccess()) {
        ready.tryFailure(f.cause());
        return;
      }
      Channel ch = connect.channel();
      ch.writeAndFlush(hello.get(), ch.voidPromise());
      if (check == null) {
        ready.trySuccess(ch);
      } else {
        check.peerStation().addListener(n -> {
          if (n.isSuccess()) {
            ready.trySuccess(ch);
          } else {
            ready.tryFailure(n.cause());
            ch.close();
          }
        });
      }
    });
    return ready;
  }

  /** Closes every accepted connection. */
  void closeAccepted() {
    accepted.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
  }

  /** Sends the hello frame when the link has been idle. */
  private final class Heartbeat extends ChannelDuplexHandler {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof IdleStateEvent) {
        ctx.writeAndFlush(hello.get(), ctx.voidPromise());
      } else {
        super.userEventTriggered(ctx, evt);
      }
    }
  }

  /** A neighbour sends nothing on the connection this station dialled; drops what comes. */
  private final class Sink extends ChannelInboundHandlerAdapter {
    private final String peer;

    Sink(String peer) {
      this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      System.getLogger(ProcessStation.class.getName()).log(System.Logger.Level.DEBUG,
          "{0}: closing the link to {1}: {2}", name, peer, cause.toString());
      ctx.close();
    }
  }
}
