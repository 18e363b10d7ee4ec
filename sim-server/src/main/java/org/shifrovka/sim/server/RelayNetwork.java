package org.shifrovka.sim.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.fault.LinkHandler;
import org.shifrovka.sim.fault.LinkListener;
import org.shifrovka.sim.fault.LinkModel;

/**
 * The Netty side of a run: a server socket per station and one client connection per directed
 * link, on one {@link MultiThreadIoEventLoopGroup} with {@link NioIoHandler}.
 *
 * <pre>
 *  sending station                                    receiving station (server child)
 *  write(Frame) -> FrameEncoder -> LinkHandler -> TCP -> framer -> FrameDecoder -> InboundFrameHandler
 *                                  (loss, garble,          (max {@value WireFormat#MAX_FRAME} B)  -> kernel
 *                                   delay, dup, reorder)
 * </pre>
 *
 * <p>Start and stop it from outside the event loop; {@link #close()} closes the channels, then
 * shuts the group down gracefully.
 */
public final class RelayNetwork implements AutoCloseable {
  private final EventLoopGroup group;
  private final SimKernel kernel;
  private final Map<String, Channel> servers = new LinkedHashMap<>();
  private final Map<String, AtomicLong> malformed = new LinkedHashMap<>();
  private final List<Channel> clients = new ArrayList<>();
  private final boolean ownGroup;

  /** Returns a network with its own event loop group of {@code threads} threads. */
  public RelayNetwork(SimKernel kernel, int threads) {
    this(kernel, new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory()), true);
  }

  /** Returns a network on a group owned by the caller. */
  public RelayNetwork(SimKernel kernel, EventLoopGroup group) {
    this(kernel, group, false);
  }

  private RelayNetwork(SimKernel kernel, EventLoopGroup group, boolean ownGroup) {
    this.kernel = kernel;
    this.group = group;
    this.ownGroup = ownGroup;
  }

  /** Starts a station's server on {@code host:port} and returns the bound address. */
  public InetSocketAddress listen(String station, String host, int port)
      throws InterruptedException {
    AtomicLong bad = malformed.computeIfAbsent(station, k -> new AtomicLong());
    Channel ch = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel c) {
            c.pipeline().addLast("framer", WireFormat.newFramer())
                .addLast("decoder", FrameDecoder.INSTANCE)
                .addLast("station", new InboundFrameHandler(station, kernel, bad));
          }
        })
        .bind(host, port).sync().channel();
    servers.put(station, ch);
    return (InetSocketAddress) ch.localAddress();
  }

  /** Connects a directed link to a listening station; frames written to the channel are sent. */
  public Channel connect(InetSocketAddress to, LinkModel model, LinkListener listener)
      throws InterruptedException {
    Channel ch = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel c) {
            c.pipeline().addLast("link", new LinkHandler(model, listener))
                .addLast("encoder", FrameEncoder.INSTANCE);
          }
        })
        .connect(to).sync().channel();
    clients.add(ch);
    return ch;
  }

  /** Returns the malformed frames each station's server has seen. */
  public Map<String, Long> malformedFrames() {
    Map<String, Long> out = new LinkedHashMap<>();
    malformed.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** Returns the bound address of a station's server. */
  public InetSocketAddress address(String station) {
    return (InetSocketAddress) servers.get(station).localAddress();
  }

  @Override
  public void close() {
    for (Channel c : clients) {
      c.close().syncUninterruptibly();
    }
    for (Channel c : servers.values()) {
      c.close().syncUninterruptibly();
    }
    if (ownGroup) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
