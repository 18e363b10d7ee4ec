package org.shifrovka.sim.process;

import java.time.Duration;
import java.util.Objects;
import org.shifrovka.sim.codec.WireFormat;

/**
 * What a station tolerates from one connection before it refuses it. Every refusal closes that
 * connection only, is counted in {@link Refusals} and logged with the peer's address.
 *
 * <p>The defaults leave honest stations far from every limit: a sender keeps at most
 * {@code window} telegrams unacknowledged per link (see {@link ProcessStation}), well under
 * {@code maxPendingFrames}, and the heartbeat it sends every third of {@code idleTimeout} keeps an
 * idle link open.
 *
 * @param maxFrameBytes the largest frame accepted, at most {@value WireFormat#MAX_FRAME} bytes
 * @param framesPerSecond the sustained rate of frames per connection (a token bucket)
 * @param burst how many frames may come at once above that rate
 * @param maxPendingFrames frames from one connection the station may hold unprocessed
 * @param idleTimeout how long a connection may send nothing
 * @param handshakeTimeout how long a new connection has to finish its TLS handshake, or on plain
 *     TCP to name itself with its first frame
 * @param maxConnections how many accepted connections may wait unnamed (in their TLS handshake,
 *     or on plain TCP before their first frame) at once, and how many named ones may be open
 *     (honest neighbours need one each)
 * @param maxConnectionsPerAddress how many of the unnamed connections one peer address may hold;
 *     a new one from an address at its limit closes that address's oldest, and when all
 *     {@code maxConnections} are taken the oldest of the address holding the most is closed, so
 *     that one hostile host cannot take the slots of another host's handshake
 */
public record StationLimits(int maxFrameBytes, int framesPerSecond, int burst,
    int maxPendingFrames, Duration idleTimeout, Duration handshakeTimeout, int maxConnections,
    int maxConnectionsPerAddress) {

  /** Validates. */
  public StationLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
    if (maxFrameBytes < 64 || maxFrameBytes > WireFormat.MAX_FRAME) {
      throw new IllegalArgumentException("maxFrameBytes must be 64-" + WireFormat.MAX_FRAME
          + ", got " + maxFrameBytes);
    }
    if (framesPerSecond < 1 || burst < 1 || maxPendingFrames < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("framesPerSecond, burst, maxPendingFrames and"
          + " maxConnections must be at least 1, got " + framesPerSecond + ", " + burst + ", "
          + maxPendingFrames + ", " + maxConnections);
    }
    if (maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > maxConnections) {
      throw new IllegalArgumentException("maxConnectionsPerAddress must be 1-" + maxConnections
          + " (maxConnections), got " + maxConnectionsPerAddress);
    }
    if (idleTimeout.toMillis() < 10 || handshakeTimeout.toMillis() < 10) {
      throw new IllegalArgumentException("timeouts must be at least 10 ms, got " + idleTimeout
          + " and " + handshakeTimeout);
    }
  }

  /**
   * Returns limits with {@code maxConnectionsPerAddress} a quarter of {@code maxConnections}
   * (at least 1).
   */
  public StationLimits(int maxFrameBytes, int framesPerSecond, int burst, int maxPendingFrames,
      Duration idleTimeout, Duration handshakeTimeout, int maxConnections) {
    this(maxFrameBytes, framesPerSecond, burst, maxPendingFrames, idleTimeout, handshakeTimeout,
        maxConnections, Math.max(1, maxConnections / 4));
  }

  /** Returns these limits with another {@code maxConnectionsPerAddress}. */
  public StationLimits withMaxConnectionsPerAddress(int v) {
    return new StationLimits(maxFrameBytes, framesPerSecond, burst, maxPendingFrames, idleTimeout,
        handshakeTimeout, maxConnections, v);
  }

  /** Returns limits with the default {@link #DEFAULT_MAX_CONNECTIONS} connections. */
  public StationLimits(int maxFrameBytes, int framesPerSecond, int burst, int maxPendingFrames,
      Duration idleTimeout, Duration handshakeTimeout) {
    this(maxFrameBytes, framesPerSecond, burst, maxPendingFrames, idleTimeout, handshakeTimeout,
        DEFAULT_MAX_CONNECTIONS);
  }

  /** The default cap on open accepted connections. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;

  /**
   * Returns the defaults: 16 KiB frames, 20,000 frames/s with bursts of 4,000, 1,024 pending
   * frames, 60 s idle, 10 s handshake, 64 connections, 16 unnamed ones per address.
   */
  public static StationLimits defaults() {
    return new StationLimits(WireFormat.MAX_FRAME, 20_000, 4_000, 1_024, Duration.ofSeconds(60),
        Duration.ofSeconds(10));
  }
}
