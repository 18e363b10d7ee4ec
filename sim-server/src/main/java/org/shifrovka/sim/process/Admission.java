package org.shifrovka.sim.process;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which accepted connections a station keeps open: those whose peer has not named itself yet (in
 * their TLS handshake, or on plain TCP before their first frame) wait in a pool of
 * {@code maxConnections}, at most {@code maxConnectionsPerAddress} from one peer address; a
 * connection that has named its peer moves to one of {@code maxConnections} named slots.
 *
 * <p>Nothing new is turned away while it waits: a new connection from an address at its limit
 * closes that address's oldest, and when the pool is full the oldest connection of the address
 * that holds the most is closed. So a host that floods the station with connections that never
 * name themselves closes only its own, and a neighbour's handshake from another address keeps its
 * place however many the flood opens.
 *
 * <p>An address may also start at most {@code maxConnectionsPerAddress} handshakes a second (a
 * token bucket with as many at once): the connections beyond wait, unread, for their turn (at most
 * two seconds), so a host that reopens its connections as fast as they are closed costs the
 * station a bounded number of TLS handshakes a second and does not spin. Thread-safe.
 *
 * @param <C> the connection
 */
final class Admission<C> {
  /** A connection closed to make room, and why. */
  record Eviction<C>(C connection, String why) {}

  private final int max;
  private final int perAddress;
  /** The unnamed connections by address, oldest first. */
  private final Map<Object, ArrayDeque<C>> unnamed = new HashMap<>();
  private final Map<C, Object> addressOf = new HashMap<>();
  private final Set<C> named = new HashSet<>();
  /** Handshake tokens by address: {tokens, refilled at (ns)}; tokens below 0 are turns promised. */
  private final Map<Object, double[]> handshakes = new HashMap<>();

  Admission(StationLimits limits) {
    this.max = limits.maxConnections();
    this.perAddress = limits.maxConnectionsPerAddress();
  }

  /** Admits a new connection from {@code address}; returns the one closed for it, or null. */
  synchronized Eviction<C> admit(C connection, Object address) {
    ArrayDeque<C> mine = unnamed.computeIfAbsent(address, a -> new ArrayDeque<>());
    Eviction<C> out = null;
    if (mine.size() >= perAddress) {
      out = new Eviction<>(remove(mine.peekFirst()), "closed the oldest of the " + perAddress
          + " connections from this address that had not named their station, to make room");
    } else if (addressOf.size() >= max) {
      ArrayDeque<C> most = mine;
      for (ArrayDeque<C> q : unnamed.values()) {
        if (q.size() > most.size()) {
          most = q;
        }
      }
      int held = most.size();
      out = new Eviction<>(remove(most.peekFirst()), "all " + max + " places for connections"
          + " that have not named their station are taken; closed the oldest of this address,"
          + " which holds the most (" + held + ")");
    }
    unnamed.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(connection);
    addressOf.put(connection, address);
    return out;
  }

  /**
   * Returns how long a new connection from {@code address} should wait before its handshake
   * starts (0: at once), and takes its turn.
   *
   * @param now the time, in nanoseconds of {@link System#nanoTime()}
   */
  synchronized long handshakeDelay(Object address, long now) {
    double[] b = handshakes.computeIfAbsent(address, a -> new double[] {perAddress, now});
    b[0] = Math.min(perAddress, b[0] + (now - (long) b[1]) * 1e-9 * perAddress);
    b[1] = now;
    if (handshakes.size() > 4 * max) { // forget full buckets, which say nothing
      handshakes.values().removeIf(v -> v != b && v[0] >= perAddress);
    }
    if (b[0] >= 1) {
      b[0] -= 1;
      return 0;
    }
    b[0] = Math.max(-2 * perAddress, b[0] - 1); // at most two seconds of turns promised
    return (long) ((1 - b[0]) / perAddress * 1e9) - 1_000_000_000L / perAddress;
  }

  /**
   * Moves a connection whose peer has named itself to the named slots. Returns false if all
   * {@code maxConnections} are taken (the caller refuses it); true otherwise, also if it was closed
   * meanwhile.
   */
  synchronized boolean name(C connection) {
    if (remove(connection) == null) {
      return true; // closed or evicted meanwhile
    }
    if (named.size() >= max) {
      return false;
    }
    named.add(connection);
    return true;
  }

  /** Forgets a connection that closed. */
  synchronized void closed(C connection) {
    remove(connection);
    named.remove(connection);
  }

  /** Returns how many unnamed connections {@code address} holds. */
  synchronized int unnamed(Object address) {
    ArrayDeque<C> q = unnamed.get(address);
    return q == null ? 0 : q.size();
  }

  /** Returns how many connections wait unnamed, and how many are named. */
  synchronized int[] sizes() {
    return new int[] {addressOf.size(), named.size()};
  }

  private C remove(C connection) {
    Object address = addressOf.remove(connection);
    if (address == null) {
      return null;
    }
    ArrayDeque<C> q = unnamed.get(address);
    q.remove(connection);
    if (q.isEmpty()) {
      unnamed.remove(address);
    }
    return connection;
  }
}
