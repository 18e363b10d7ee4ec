package org.shifrovka.sim.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Hostile clients against a station's listening socket, each on a thread of its own that opens
 * its connection again as soon as the station closes it: a TLS client with no certificate, a
 * slow-loris that dribbles the start of a TLS ClientHello one byte a second, one that sends
 * garbage, and one that connects and says nothing. For {@link StationAttack}; each connection
 * comes from one of the given local addresses (on Linux any of 127.0.0.0/8 reaches the loopback
 * interface), so that a test can play one hostile host or several.
 *
 * <pre>
 * java -cp ... org.shifrovka.sim.process.HostileClients HOST PORT CONNECTIONS HOSTS
 * </pre>
 *
 * runs them until killed from 127.0.0.2, .3, ... ({@code HOSTS} of them), printing how many
 * connections it has opened once a second ({@code opened N}); {@code -Dattack.kinds=GARBAGE,SILENT}
 * limits the kinds.
 */
final class HostileClients implements AutoCloseable {
  /** What a hostile connection does. */
  enum Kind {
    /** A TLS 1.3 handshake without a client certificate, again and again. */
    NO_CERTIFICATE,
    /** The first bytes of a TLS record, one a second. */
    SLOW_LORIS,
    /** Random bytes as fast as the socket takes them. */
    GARBAGE,
    /** Connects and sends nothing. */
    SILENT
  }

  private final InetSocketAddress target;
  private final List<InetAddress> from;
  private final AtomicBoolean on = new AtomicBoolean(true);
  private final AtomicLong connections = new AtomicLong();
  private final List<Thread> threads = new ArrayList<>();
  private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final SSLContext noCertificate;

  private HostileClients(InetSocketAddress target, List<InetAddress> from)
      throws GeneralSecurityException {
    this.target = target;
    this.from = List.copyOf(from);
    this.noCertificate = SSLContext.getInstance("TLSv1.3");
    noCertificate.init(null, new TrustManager[] {new TrustAnyone()}, null);
  }

  /**
   * Starts {@code count} hostile connections against {@code target}, the kinds in turn, the local
   * addresses in turn.
   */
  static HostileClients start(InetSocketAddress target, List<InetAddress> from, int count,
      long seed) throws GeneralSecurityException {
    HostileClients h = new HostileClients(target, from);
    String only = System.getProperty("attack.kinds"); // e.g. GARBAGE,SILENT
    Kind[] kinds = only == null ? Kind.values()
        : java.util.Arrays.stream(only.split(",")).map(Kind::valueOf).toArray(Kind[]::new);
    for (int i = 0; i < count; i++) {
      Kind kind = kinds[i % kinds.length];
      InetAddress local = h.from.get(i % h.from.size());
      Random random = new Random(seed + i);
      Thread t = new Thread(() -> h.loop(kind, local, random), "hostile-" + kind + "-" + i);
      t.setDaemon(true);
      h.threads.add(t);
      t.start();
    }
    return h;
  }

  /**
   * Runs hostile clients until killed.
   *
   * @param args HOST PORT CONNECTIONS HOSTS
   * @throws Exception if they cannot start
   */
  public static void main(String[] args) throws Exception {
    List<InetAddress> from = new ArrayList<>();
    for (int h = 0; h < Integer.parseInt(args[3]); h++) {
      from.add(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + h)}));
    }
    HostileClients h = start(new InetSocketAddress(args[0], Integer.parseInt(args[1])), from,
        Integer.parseInt(args[2]), 22);
    while (true) {
      System.out.println("opened " + h.connections());
      System.out.flush();
      Thread.sleep(1_000);
    }
  }

  /** Returns how many connections the hostile clients have opened so far. */
  long connections() {
    return connections.get();
  }

  private void loop(Kind kind, InetAddress local, Random random) {
    while (on.get()) {
      try (Socket s = new Socket()) {
        open.add(s);
        if (!on.get()) {
          return;
        }
        s.bind(new InetSocketAddress(local, 0));
        s.connect(target, 2_000);
        connections.incrementAndGet();
        attack(kind, s, random);
      } catch (IOException | RuntimeException e) {
        // refused or closed by the station: open the next one at once
      } finally {
        open.removeIf(Socket::isClosed);
      }
    }
  }

  private void attack(Kind kind, Socket s, Random random) throws IOException {
    switch (kind) {
      case NO_CERTIFICATE -> {
        SSLSocket tls = (SSLSocket) noCertificate.getSocketFactory().createSocket(s,
            target.getHostString(), target.getPort(), true);
        tls.setEnabledProtocols(new String[] {"TLSv1.3"});
        tls.setSoTimeout(30_000);
        tls.startHandshake();
        drain(tls.getInputStream()); // the station refuses after the handshake
      }
      case SLOW_LORIS -> {
        byte[] start = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        OutputStream out = s.getOutputStream();
        for (int i = 0; on.get(); i = (i + 1) % start.length) {
          out.write(start[i]);
          out.flush();
          sleep(1_000);
        }
      }
      case GARBAGE -> {
        byte[] junk = new byte[4096];
        OutputStream out = s.getOutputStream();
        while (on.get()) {
          random.nextBytes(junk);
          out.write(junk);
        }
      }
      case SILENT -> {
        s.setSoTimeout(0);
        drain(s.getInputStream());
      }
      default -> throw new IllegalStateException(kind.toString());
    }
  }

  private void drain(InputStream in) throws IOException {
    byte[] b = new byte[256];
    while (on.get() && in.read(b) >= 0) {
      // the station sends nothing a hostile client could use
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the clients (their sockets close as their threads notice). */
  @Override
  public void close() {
    on.set(false);
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A client that trusts any server, as an attacker would. */
  private static final class TrustAnyone implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) { }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) { }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
