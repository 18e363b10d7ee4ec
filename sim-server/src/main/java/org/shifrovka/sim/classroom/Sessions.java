package org.shifrovka.sim.classroom;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The classroom server's sessions: one per WebSocket (a browser tab), at most {@link #limit()} at
 * once. A place is taken when a tab asks to upgrade and given back when its connection closes.
 *
 * <h2>Thread safety</h2>
 *
 * Safe for use from every event loop.
 */
public final class Sessions {
  /** The default limit: more tabs than any classroom has, few enough for one laptop. */
  public static final int DEFAULT_LIMIT = 64;

  private final int limit;
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong ended = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();

  /**
   * Returns an empty set of sessions.
   *
   * @param limit the most sessions at once, 1 or more
   */
  public Sessions(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("the session limit must be at least 1, got " + limit);
    }
    this.limit = limit;
  }

  /**
   * Takes a place for a new session.
   *
   * @return the new session's number (from 1), or 0 if the server is full
   */
  long open() {
    while (true) {
      int n = active.get();
      if (n >= limit) {
        refused.incrementAndGet();
        return 0;
      }
      if (active.compareAndSet(n, n + 1)) {
        return opened.incrementAndGet();
      }
    }
  }

  /** Gives back the place of a session that ended. */
  void end() {
    active.decrementAndGet();
    ended.incrementAndGet();
  }

  /**
   * Returns the number of sessions open now.
   *
   * @return open sessions
   */
  public int active() {
    return active.get();
  }

  /**
   * Returns the number of sessions that have ended since the server started.
   *
   * @return ended sessions
   */
  public long ended() {
    return ended.get();
  }

  /**
   * Returns the number of tabs turned away because the server was full.
   *
   * @return refused upgrades
   */
  public long refused() {
    return refused.get();
  }

  /**
   * Returns the most sessions at once.
   *
   * @return the limit
   */
  public int limit() {
    return limit;
  }

  /**
   * Returns whether a new session would be refused now.
   *
   * @return true if full
   */
  public boolean full() {
    return active.get() >= limit;
  }
}
