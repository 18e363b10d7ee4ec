package org.shifrovka.sim.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.fault.LinkHandler;
import org.shifrovka.sim.fault.LinkListener;
import org.shifrovka.sim.fault.LinkModel;

/**
 * The Netty side of a run: a server per station and one client connection per directed link, on
 * one {@link MultiThreadIoEventLoopGroup}: TCP sockets ({@link NioIoHandler}) or, for
 * {@link LinkTransport#IN_PROCESS}, local channels ({@link LocalIoHandler}, which the group must
 * be made with), with the same handlers.
 *
 * <pre>
 *  sending station                                    receiving station (server child)
 *  write(Frame) -> FrameEncoder -> LinkHandler -> TCP -> framer -> FrameDecoder -> InboundFrameHandler
 *                                  (loss, garble,          (max {@value WireFormat#MAX_FRAME} B)  -> kernel
 *                                   delay, dup, reorder)
 * </pre>
 *
 * <p>Start and stop it from outside the event loop; {@link #close()} closes the channels (the
 * caller shuts the group down).
 */
public final class RelayNetwork implements AutoCloseable {
  private final EventLoopGroup group;
  private final SimKernel kernel;
  private final Map<String, Channel> servers = new LinkedHashMap<>();
  private final Map<String, AtomicLong> malformed = new LinkedHashMap<>();
  private final List<Channel> clients = new ArrayList<>();
  private final LinkTransport transport;

  /**
   * Returns a network on a group owned by the caller, made with the I/O handler of
   * {@code transport} ({@link #ioHandler}).
   */
  public RelayNetwork(SimKernel kernel, EventLoopGroup group, LinkTransport transport) {
    this.kernel = kernel;
    this.group = group;
    this.transport = transport;
  }

  /** Returns the I/O handler an event loop group for {@code transport} is made with. */
  public static IoHandlerFactory ioHandler(LinkTransport transport) {
    return transport == LinkTransport.TCP ? NioIoHandler.newFactory()
        : LocalIoHandler.newFactory();
  }

  /**
   * Starts a station's server on {@code host:port} (TCP) or at a fresh local address (in
   * process) and returns the bound address.
   */
  public SocketAddress listen(String station, String host, int port)
      throws InterruptedException {
    AtomicLong bad = malformed.computeIfAbsent(station, k -> new AtomicLong());
    boolean tcp = transport == LinkTransport.TCP;
    ServerBootstrap b = new ServerBootstrap()
        .group(group)
        .channel(tcp ? NioServerSocketChannel.class : LocalServerChannel.class)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel c) {
            c.pipeline().addLast("framer", WireFormat.newFramer())
                .addLast("decoder", FrameDecoder.INSTANCE)
                .addLast("station", new InboundFrameHandler(station, kernel, bad));
          }
        });
    if (tcp) {
      b.childOption(ChannelOption.TCP_NODELAY, true);
    }
    Channel ch = (tcp ? b.bind(host, port) : b.bind(LocalAddress.ANY)).sync().channel();
    servers.put(station, ch);
    return ch.localAddress();
  }

  /** Connects a directed link to a listening station; frames written to the channel are sent. */
  public Channel connect(SocketAddress to, LinkModel model, LinkListener listener)
      throws InterruptedException {
    boolean tcp = transport == LinkTransport.TCP;
    Bootstrap b = new Bootstrap()
        .group(group)
        .channel(tcp ? NioSocketChannel.class : LocalChannel.class)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000);
    if (tcp) {
      b.option(ChannelOption.TCP_NODELAY, true);
    }
    Channel ch = b
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel c) {
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
  public SocketAddress address(String station) {
    return servers.get(station).localAddress();
  }

  @Override
  public void close() {
    List<ChannelFuture> closing = new ArrayList<>(clients.size() + servers.size());
    for (Channel c : clients) {
      closing.add(c.close()); // all at once, then wait: one by one is a hand-off each
    }
    for (Channel c : servers.values()) {
      closing.add(c.close());
    }
    for (ChannelFuture f : closing) {
      f.syncUninterruptibly();
    }
  }
}
