package org.shifrovka.cli.command;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.shifrovka.cli.Progress;
import org.shifrovka.sim.observe.EventLog;

/**
 * The progress line of a {@code shifrovka simulate} run, {@code simulating: 2:15:00 simulated,
 * 4512 delivered of 9900 filed, 81234 events/s}: it listens to the run's events and, once the run
 * has taken two seconds of real time, redraws the line twice a second through a {@link Progress}
 * (which writes nothing unless standard error is a terminal). Events are those the stations log
 * (filed, send, receipt, delivered...), counted per real second since the run started. Closing it
 * stops the redraws and clears the line.
 */
final class SimulationProgress implements Consumer<EventLog.Entry>, AutoCloseable {
  /** Real time before the line first shows: a short run shows none. */
  static final long QUIET_NANOS = 2_000_000_000L;

  /** Real time between redraws. */
  static final long REDRAW_NANOS = 500_000_000L;

  private final Progress progress;
  private final LongSupplier realNanos;
  private final long start;
  private final AtomicLong simNanos = new AtomicLong();
  private final AtomicLong filed = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong events = new AtomicLong();
  private final ScheduledExecutorService redraws;

  /**
   * Starts the redraws.
   *
   * @param progress where the line goes
   * @param realNanos the real clock, {@link System#nanoTime()} outside tests
   */
  SimulationProgress(Progress progress, LongSupplier realNanos) {
    this.progress = progress;
    this.realNanos = realNanos;
    this.start = realNanos.getAsLong();
    this.redraws = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "simulate-progress");
      t.setDaemon(true);
      return t;
    });
    redraws.scheduleAtFixedRate(this::redraw, QUIET_NANOS, REDRAW_NANOS, TimeUnit.NANOSECONDS);
  }

  @Override
  public void accept(EventLog.Entry e) {
    events.incrementAndGet();
    simNanos.accumulateAndGet(e.simNanos(), Math::max);
    if (e.event().equals("filed")) {
      filed.incrementAndGet();
    } else if (e.event().equals("delivered")) {
      delivered.incrementAndGet();
    }
  }

  void redraw() {
    progress.show(line(simNanos.get(), delivered.get(), filed.get(), events.get(),
        realNanos.getAsLong() - start));
  }

  /**
   * The text of the line.
   *
   * @param simNanos simulated time reached, from the start of the topology
   * @param delivered messages delivered so far
   * @param filed messages filed so far
   * @param events events so far
   * @param realNanos real time the run has taken
   * @return such as {@code 2:15:00 simulated, 4512 delivered of 9900 filed, 81234 events/s}
   */
  static String line(long simNanos, long delivered, long filed, long events, long realNanos) {
    long s = simNanos / 1_000_000_000L;
    long perSecond = realNanos <= 0 ? 0 : (long) (events * 1e9 / realNanos);
    return String.format(java.util.Locale.ROOT,
        "%d:%02d:%02d simulated, %d delivered of %d filed, %d events/s",
        s / 3600, s / 60 % 60, s % 60, delivered, filed, perSecond);
  }

  /** Stops the redraws and clears the line. */
  @Override
  public void close() throws InterruptedException {
    redraws.shutdownNow();
    redraws.awaitTermination(5, TimeUnit.SECONDS);
    progress.close();
  }
}
