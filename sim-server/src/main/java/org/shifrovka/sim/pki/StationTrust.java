package org.shifrovka.sim.pki;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLException;

/**
 * Whom a station talks to: mutual TLS 1.3 contexts built from its credentials and its authority,
 * and the set of stations it accepts as peers.
 *
 * <p>A station's pipeline, server side and client side alike:
 *
 * <pre>
 *   ch.pipeline().addLast(trust.serverContext().newHandler(ch.alloc()));   // or clientContext()
 *   ch.pipeline().addLast(trust.newPeerNameCheck());                      // one per channel
 *   ch.pipeline().addLast(... frame codec and station handlers ...);
 * </pre>
 *
 * <h2>Security guarantees</h2>
 *
 * <ul>
 *   <li>Both ends present a certificate issued by the same simulation authority, or the handshake
 *       fails ({@link ClientAuth#REQUIRE} on the server, the authority as the only trust anchor on
 *       both).
 *   <li>After the handshake, {@link PeerNameCheck} accepts the peer only if its certificate names
 *       a station in {@link #allowedPeers()}; otherwise it closes the channel, logs the reason and
 *       counts it in {@link #refusedPeers()}. Nothing the peer sent reaches later handlers before
 *       that check.
 *   <li>Host names are not checked (stations dial {@code 127.0.0.1}): the peer-name check is the
 *       identity check, on the client side too.
 * </ul>
 *
 * <p>Thread-safe; share one instance among all of a station's channels.
 */
public final class StationTrust {
  /** The only protocol offered. */
  public static final String PROTOCOL = "TLSv1.3";

  private final StationCredentials own;
  private final Set<String> allowedPeers;
  private final SslContext serverContext;
  private final SslContext clientContext;
  private final LongAdder refused = new LongAdder();

  private StationTrust(StationCredentials own, Set<String> allowedPeers, SslContext server,
      SslContext client) {
    this.own = own;
    this.allowedPeers = allowedPeers;
    this.serverContext = server;
    this.clientContext = client;
  }

  /**
   * Returns the trust of a station.
   *
   * @param own the station's credentials
   * @param allowedPeers the names of the stations it may exchange traffic with
   * @throws SSLException if the TLS contexts cannot be built
   * @throws IllegalArgumentException if a peer name is not a station name
   */
  public static StationTrust of(StationCredentials own, Set<String> allowedPeers)
      throws SSLException {
    Objects.requireNonNull(own, "own");
    Set<String> peers = new LinkedHashSet<>();
    for (String p : allowedPeers) {
      peers.add(StationNames.require(p));
    }
    SslContext server = SslContextBuilder.forServer(own.privateKey(), own.certificate())
        .trustManager(own.authorityCertificate())
        .clientAuth(ClientAuth.REQUIRE)
        .protocols(PROTOCOL)
        .sslProvider(SslProvider.JDK)
        .build();
    SslContext client = SslContextBuilder.forClient()
        .keyManager(own.privateKey(), own.certificate())
        .trustManager(own.authorityCertificate())
        .protocols(PROTOCOL)
        .sslProvider(SslProvider.JDK)
        .endpointIdentificationAlgorithm(null) // see "Host names" above
        .build();
    return new StationTrust(own, Collections.unmodifiableSet(peers), server, client);
  }

  /** Returns the TLS context for the station's listening side (client certificates required). */
  public SslContext serverContext() {
    return serverContext;
  }

  /** Returns the TLS context for the station's dialling side. */
  public SslContext clientContext() {
    return clientContext;
  }

  /** Returns the station's own name. */
  public String stationName() {
    return own.stationName();
  }

  /** Returns the names of the stations accepted as peers. */
  public Set<String> allowedPeers() {
    return allowedPeers;
  }

  /** Returns a new peer-name check for one channel, accepting any of {@link #allowedPeers()}. */
  public PeerNameCheck newPeerNameCheck() {
    return new PeerNameCheck(allowedPeers, refused);
  }

  /**
   * Returns a new peer-name check for one channel that accepts only {@code expectedPeer}: for the
   * dialling side, which knows whom it called.
   *
   * @throws IllegalArgumentException if {@code expectedPeer} is not an allowed peer
   */
  public PeerNameCheck newPeerNameCheck(String expectedPeer) {
    if (!allowedPeers.contains(expectedPeer)) {
      throw new IllegalArgumentException(expectedPeer + " is not an allowed peer of "
          + own.stationName() + " " + allowedPeers);
    }
    return new PeerNameCheck(Set.of(expectedPeer), refused);
  }

  /** Returns how many connections the peer-name checks of this trust have refused. */
  public long refusedPeers() {
    return refused.sum();
  }

  @Override
  public String toString() {
    return "StationTrust[" + own.stationName() + ", peers " + allowedPeers + ", refused "
        + refused.sum() + "]";
  }
}
