package org.shifrovka.sim.process;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The filings waiting for a station's office, taken {@value #PER_TURN} at a time: after each turn
 * the office first does what arrived meanwhile (frames from neighbours, completed journal commits,
 * timers) before it takes more. A burst of filings handed over at once (a load generator, a file
 * of ten thousand messages) would otherwise stand in the office's queue ahead of every commit and
 * receipt, and nothing would go on the air until the last of them was enciphered.
 *
 * <h2>Thread safety</h2>
 *
 * Thread-safe: {@link #add} from any thread; the filings run on the office's executor.
 */
final class FilingQueue {
  /** The most filings the office takes in one turn. */
  static final int PER_TURN = 32;

  private final Executor office;
  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  FilingQueue(Executor office) {
    this.office = office;
  }

  /** Queues a filing (to run on the office thread). */
  void add(Runnable filing) {
    size.incrementAndGet();
    queue.add(filing);
    if (scheduled.compareAndSet(false, true)) {
      office.execute(this::turn);
    }
  }

  /** Returns how many filings wait. */
  int size() {
    return size.get();
  }

  private void turn() {
    for (int i = 0; i < PER_TURN; i++) {
      Runnable r = queue.poll();
      if (r == null) {
        break;
      }
      size.decrementAndGet();
      r.run();
    }
    if (!queue.isEmpty()) {
      office.execute(this::turn);
      return;
    }
    scheduled.set(false);
    if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
      office.execute(this::turn);
    }
  }
}
