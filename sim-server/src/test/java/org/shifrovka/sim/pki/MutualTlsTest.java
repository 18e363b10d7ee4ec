package org.shifrovka.sim.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Stations on 127.0.0.1 with mutual TLS: KUZNETSOV listens and admits FILIPPOV and TEREBIN; honest
 * and dishonest clients dial it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MutualTlsTest {
  private static final long WAIT_SECONDS = 10;

  private static EventLoopGroup group;
  private static SimulationAuthority authority;
  private static StationTrust kuznetsov;
  private static StationTrust filippov;
  private static Channel server;

  @BeforeAll
  static void start() throws Exception {
    SecureRandom random = new SecureRandom();
    authority = SimulationAuthority.create("GRU RADIO CENTRE", Clock.systemUTC(), random);
    kuznetsov = StationTrust.of(authority.issue("KUZNETSOV"), Set.of("FILIPPOV", "TEREBIN"));
    filippov = StationTrust.of(authority.issue("FILIPPOV"), Set.of("KUZNETSOV", "TEREBIN"));
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(kuznetsov.serverContext().newHandler(ch.alloc()));
            ch.pipeline().addLast(kuznetsov.newPeerNameCheck());
            addLineCodec(ch.pipeline());
            ch.pipeline().addLast(new SimpleChannelInboundHandler<String>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, String line) {
                String peer = ctx.channel().attr(PeerNameCheck.PEER_STATION).get();
                ctx.writeAndFlush("RECEIPT FROM KUZNETSOV TO " + peer + ": " + line + "\n");
              }
            });
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close().sync();
    }
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }
  }

  @Test
  void server_refusesDishonestClients_andKeepsServingTheHonestOne() throws Exception {
    PeerNameCheck check = filippov.newPeerNameCheck("KUZNETSOV");
    Client honest = connect(filippov.clientContext(), check);
    assertThat(check.peerStation().await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(check.peerStation().getNow()).isEqualTo("KUZNETSOV");
    assertThat(honest.channel.attr(PeerNameCheck.PEER_STATION).get()).isEqualTo("KUZNETSOV");
    assertThat(honest.exchange("No. 15")).isEqualTo("RECEIPT FROM KUZNETSOV TO FILIPPOV: No. 15");
    long refused = kuznetsov.refusedPeers();

    // a certificate from another authority: the server's handshake fails
    SimulationAuthority other = SimulationAuthority.create("OTHER CENTRE", Clock.systemUTC(),
        new SecureRandom());
    StationCredentials forged = other.issue("TEREBIN");
    SslContext forgedContext = SslContextBuilder.forClient()
        .keyManager(new AlwaysPresent(forged))
        .trustManager(authority.certificate()) // it trusts the server; the server must not trust it
        .protocols(StationTrust.PROTOCOL).sslProvider(SslProvider.JDK)
        .endpointIdentificationAlgorithm(null)
        .build();
    assertRefused(connect(forgedContext, null), kuznetsov::refusedPeers, refused + 1);
    assertThat(AlwaysPresent.presented).as("the forged certificate was presented").isTrue();

    // the right authority, but a station KUZNETSOV does not talk to
    StationTrust zhukov = StationTrust.of(authority.issue("ZHUKOV"), Set.of("KUZNETSOV"));
    Client stranger = connect(zhukov.clientContext(), zhukov.newPeerNameCheck("KUZNETSOV"));
    assertRefused(stranger, kuznetsov::refusedPeers, refused + 2);

    // plain TCP
    Client plain = connect(null, null);
    plain.channel.writeAndFlush(Unpooled.copiedBuffer("15 63 13 1110 =\n",
        StandardCharsets.US_ASCII));
    assertRefused(plain, kuznetsov::refusedPeers, refused + 3);

    assertThat(honest.channel.isActive()).isTrue();
    assertThat(honest.exchange("No. 16")).isEqualTo("RECEIPT FROM KUZNETSOV TO FILIPPOV: No. 16");
    honest.channel.close().sync();
  }

  @Test
  void client_refusesAServerThatIsNotTheStationItDialled() throws Exception {
    long before = filippov.refusedPeers();
    PeerNameCheck check = filippov.newPeerNameCheck("TEREBIN");
    Client wrong = connect(filippov.clientContext(), check);
    assertRefused(wrong, filippov::refusedPeers, before + 1);
    assertThat(check.peerStation().await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(check.peerStation().cause()).isInstanceOf(PeerRefusedException.class)
        .hasMessage("station KUZNETSOV is not an allowed peer [TEREBIN]");
  }

  private static void assertRefused(Client client, LongSupplier refusals, long expected)
      throws Exception {
    client.channel.writeAndFlush("No. 99\n");
    assertThat(client.channel.closeFuture().await(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("the connection is closed").isTrue();
    assertThat(client.lines).as("nothing was receipted").isEmpty();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (refusals.getAsLong() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(refusals.getAsLong()).as("refusals counted").isEqualTo(expected);
  }

  private static void addLineCodec(ChannelPipeline p) {
    p.addLast(new LineBasedFrameDecoder(256));
    p.addLast(new StringDecoder(StandardCharsets.UTF_8));
    p.addLast(new StringEncoder(StandardCharsets.UTF_8));
  }

  /** A dialling station; {@code tls} null means plain TCP. */
  private static Client connect(SslContext tls, ChannelHandler check) throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    InetSocketAddress address = (InetSocketAddress) server.localAddress();
    Channel ch = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (tls != null) {
              ch.pipeline().addLast(tls.newHandler(ch.alloc(), address.getHostString(),
                  address.getPort()));
            }
            if (check != null) {
              ch.pipeline().addLast(check);
            }
            addLineCodec(ch.pipeline());
            ch.pipeline().addLast(new SimpleChannelInboundHandler<String>() {
              @Override
              protected void channelRead0(ChannelHandlerContext ctx, String line) {
                lines.add(line);
              }

              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close(); // the server's alert after a refused handshake
              }
            });
          }
        })
        .connect(address).sync().channel();
    return new Client(ch, lines);
  }

  /**
   * A key manager that presents its certificate whatever authorities the server asks for (the
   * JDK's own would withhold a certificate the server cannot trust, and send none).
   */
  private static final class AlwaysPresent extends javax.net.ssl.X509ExtendedKeyManager {
    static volatile boolean presented;
    private final StationCredentials credentials;

    AlwaysPresent(StationCredentials credentials) {
      this.credentials = credentials;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
        javax.net.ssl.SSLEngine engine) {
      presented = true;
      return "station";
    }

    @Override
    public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers,
        java.net.Socket socket) {
      return "station";
    }

    @Override
    public java.security.cert.X509Certificate[] getCertificateChain(String alias) {
      return new java.security.cert.X509Certificate[] {credentials.certificate()};
    }

    @Override
    public java.security.PrivateKey getPrivateKey(String alias) {
      return credentials.privateKey();
    }

    @Override
    public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
      return new String[] {"station"};
    }

    @Override
    public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, java.security.Principal[] issuers,
        java.net.Socket socket) {
      return null;
    }
  }

  private record Client(Channel channel, BlockingQueue<String> lines) {
    String exchange(String line) throws InterruptedException {
      channel.writeAndFlush(line + "\n");
      return lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }
}
