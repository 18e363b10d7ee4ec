package org.shifrovka.sim.process;

import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.shifrovka.sim.observe.ThrottledLog;

/**
 * A station's refusals of bad peers, counted by reason and logged with the peer's address: the
 * first few of every ten seconds one line each, the rest in a summary line with counts by reason
 * ({@link ThrottledLog}), so that a flood of hostile connections cannot flood the log. Thread-safe.
 */
public final class Refusals {
  /** Why a connection was refused. */
  public enum Reason {
    /** A frame longer than {@link StationLimits#maxFrameBytes()}. */
    OVERSIZED,
    /** A frame that does not decode (bad version, kind, lengths or fields). */
    MALFORMED,
    /** Frames faster than {@link StationLimits#framesPerSecond()} allows. */
    TOO_FAST,
    /** More unprocessed frames than {@link StationLimits#maxPendingFrames()}. */
    TOO_MANY_PENDING,
    /** Nothing received for {@link StationLimits#idleTimeout()}. */
    IDLE,
    /** No name (plain TCP) within {@link StationLimits#handshakeTimeout()}. */
    HANDSHAKE_TIMEOUT,
    /** A frame from a station this one has no link with, or in another station's name. */
    UNKNOWN_STATION,
    /** The TLS handshake or the certificate's station name was refused. */
    TLS,
    /** More open connections than {@link StationLimits#maxConnections()}. */
    TOO_MANY_CONNECTIONS
  }

  private static final System.Logger LOG = System.getLogger(Refusals.class.getName());

  private final String station;
  private final LongSupplier tls;
  private final EnumMap<Reason, LongAdder> counts = new EnumMap<>(Reason.class);
  private final ThrottledLog log;

  /**
   * Returns empty counters for {@code station}; {@code tls} reads the refusals the TLS peer-name
   * check counts and logs itself (see {@link org.shifrovka.sim.pki.StationTrust#refusedPeers()}).
   */
  public Refusals(String station, LongSupplier tls) {
    this(station, tls, ThrottledLog.of(LOG, station + ": refused"));
  }

  /** Returns empty counters that log to {@code log}. */
  Refusals(String station, LongSupplier tls, ThrottledLog log) {
    this.station = station;
    this.tls = tls;
    this.log = log;
    for (Reason r : Reason.values()) {
      counts.put(r, new LongAdder());
    }
  }

  /** Counts and logs a refusal of the connection from {@code peer}. */
  public void refuse(Reason reason, SocketAddress peer, String detail) {
    counts.get(reason).increment();
    log.log(reason.name(), "{0}: refused {1}: {2}: {3}", station, peer, reason, detail);
  }

  /** Logs the summary of refusals not yet logged one by one (at shutdown). */
  public void flushLog() {
    log.flush();
  }

  /** Returns the count for one reason. */
  public long count(Reason reason) {
    return counts.get(reason).sum() + (reason == Reason.TLS ? tls.getAsLong() : 0);
  }

  /** Returns every count, by reason, in declaration order. */
  public Map<Reason, Long> counts() {
    Map<Reason, Long> out = new EnumMap<>(Reason.class);
    for (Reason r : Reason.values()) {
      out.put(r, count(r));
    }
    return out;
  }

  /** Returns the total. */
  public long total() {
    long t = 0;
    for (Reason r : Reason.values()) {
      t += count(r);
    }
    return t;
  }

  @Override
  public String toString() {
    return "Refusals[" + station + " " + counts() + "]";
  }
}
