package org.shifrovka.benchmarks;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.codec.WireFormat;

/**
 * The station pipeline of sim-server without its kernel: three stations (TEREBIN, KUZNETSOV,
 * FILIPPOV) on one event loop of one thread, joined by real connections, with sim-server's own
 * codec ({@link FrameEncoder}, {@link WireFormat#newFramer()}, {@link FrameDecoder}). KUZNETSOV's
 * relay handler writes every decoded frame on to FILIPPOV (re-encoded: a new frame with the relay
 * as origin, as a re-enciphering relay would send a new telegram, sharing the groups with
 * {@link Frame#withHop}) and flushes once per read batch;
 * FILIPPOV hands each decoded frame to a sink. A direct TEREBIN → FILIPPOV connection is set up
 * beside the chain. No cipher work, no receipts, no {@code SimKernel}, no {@code LinkHandler}: see
 * {@link RelayBenchmark} for what that means for the numbers.
 *
 * <p>Used by {@link RelayBenchmark} (throughput) and {@link RelayLatency} (paced latency).
 */
final class RelayPipeline implements AutoCloseable {
  /** Groups per telegram, as the target: one pad sheet. */
  static final int GROUPS = 60;

  final EventLoopGroup group;
  final Channel chainIn;
  final Channel directIn;
  private final Channel[] toClose;

  /**
   * Starts the stations.
   *
   * @param local {@code true} for {@link LocalChannel} (in-JVM, no socket), else NIO TCP on
   *     127.0.0.1
   * @param sink called on the event loop with each frame FILIPPOV decodes
   */
  RelayPipeline(boolean local, Consumer<Frame> sink) throws InterruptedException {
    this(local, 1, sink);
  }

  /**
   * Starts the stations on {@code threads} event loops (channels are spread over them in the order
   * they are made, so with two the relay's inbound and outbound connections land on different
   * threads); {@code sink} is then called on FILIPPOV's loop, which may not be the sender's.
   */
  RelayPipeline(boolean local, int threads, Consumer<Frame> sink) throws InterruptedException {
    group = new MultiThreadIoEventLoopGroup(threads,
        local ? LocalIoHandler.newFactory() : NioIoHandler.newFactory());
    Channel filippov = listen(local, "FILIPPOV", new Sink(sink));
    Channel kuzOut = connect(local, filippov.localAddress());
    Channel kuznetsov = listen(local, "KUZNETSOV", new Relay(kuzOut));
    chainIn = connect(local, kuznetsov.localAddress());
    directIn = connect(local, filippov.localAddress());
    toClose = new Channel[] {chainIn, directIn, kuzOut, kuznetsov, filippov};
  }

  private Channel listen(boolean local, String name, ChannelHandler station)
      throws InterruptedException {
    Class<? extends ServerChannel> type = local ? LocalServerChannel.class
        : NioServerSocketChannel.class;
    SocketAddress at = local ? new LocalAddress("bench-" + name + "-" + System.nanoTime())
        : new InetSocketAddress("127.0.0.1", 0);
    ServerBootstrap b = new ServerBootstrap().group(group).channel(type)
        .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel c) {
            c.pipeline().addLast("framer", WireFormat.newFramer())
                .addLast("decoder", FrameDecoder.INSTANCE)
                .addLast("station", station);
          }
        });
    if (!local) {
      b.childOption(ChannelOption.TCP_NODELAY, true);
    }
    return b.bind(at).sync().channel();
  }

  private Channel connect(boolean local, SocketAddress to) throws InterruptedException {
    Bootstrap b = new Bootstrap().group(group)
        .channel(local ? LocalChannel.class : NioSocketChannel.class)
        .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel c) {
            c.pipeline().addLast("encoder", FrameEncoder.INSTANCE);
          }
        });
    if (!local) {
      b.option(ChannelOption.TCP_NODELAY, true);
    }
    return b.connect(to).sync().channel();
  }

  /** KUZNETSOV: forwards each telegram to FILIPPOV as a new frame, one flush per read batch. */
  @ChannelHandler.Sharable
  static final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel next;
    private long frameId;

    Relay(Channel next) {
      this.next = next;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      Frame f = (Frame) msg;
      // Frame.withHop shares the decoded groups (until relay-run4 the relay copied them twice:
      // f.groups() and Frame.radiogram each clone)
      next.write(f.withHop(++frameId, 1, f.sentAt(), "KUZNETSOV", f.serial()),
          next.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      next.flush();
    }
  }

  /** FILIPPOV: hands each telegram to the sink. */
  @ChannelHandler.Sharable
  static final class Sink extends ChannelInboundHandlerAdapter {
    private final Consumer<Frame> sink;

    Sink(Consumer<Frame> sink) {
      this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      sink.accept((Frame) msg);
    }
  }

  /** Returns {@code count} radiogram frames of {@value #GROUPS} random digit groups each. */
  static Frame[] telegrams(int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Frame[] out = new Frame[count];
    for (int i = 0; i < count; i++) {
      byte[] g = new byte[GROUPS * WireFormat.GROUP];
      for (int k = 0; k < g.length; k++) {
        g[k] = (byte) ('0' + r.nextInt(10));
      }
      RadiogramHeader h = new RadiogramHeader("FILIPPOV", "TEREBIN/" + (i + 1), false,
          15 + i % 1000, GROUPS, 13, 1000, 1, 0L);
      out[i] = Frame.radiogram(i + 1, 1, 0L, "TEREBIN", 15 + i, h, g);
    }
    return out;
  }

  /** Returns a copy of {@code f} stamped with {@code sentAt} (the latency clock). */
  static Frame stamped(Frame f, long sentAt) {
    return Frame.radiogram(f.frameId(), 1, sentAt, f.origin(), f.serial(), f.header(), f.groups());
  }

  @Override
  public void close() throws InterruptedException {
    for (Channel c : toClose) {
      c.close().sync();
    }
    group.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
  }
}
