package org.shifrovka.sim.dst;

import java.util.PriorityQueue;

/** A discrete-event scheduler in virtual nanoseconds: events run in (time, order set) order. */
final class VirtualTime {
  /** A scheduled event; cancelling it is idempotent. */
  static final class Event implements Comparable<Event> {
    final long at;
    final long seq;
    final Runnable task;
    boolean cancelled;

    Event(long at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Event o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long seq;
  private long processed;

  long now() {
    return now;
  }

  long processed() {
    return processed;
  }

  Event at(long at, Runnable task) {
    Event e = new Event(Math.max(at, now), seq++, task);
    queue.add(e);
    return e;
  }

  /** Runs events until none is left or the next is after {@code limit}; false at the limit. */
  boolean runUntil(long limit) {
    Event e;
    while ((e = queue.peek()) != null) {
      if (e.at > limit) {
        return false;
      }
      queue.poll();
      if (e.cancelled) {
        continue;
      }
      now = e.at;
      processed++;
      e.task.run();
    }
    return true;
  }
}
