package org.shifrovka.sim.server;

import io.netty.channel.Channel;
import io.netty.util.concurrent.AbstractScheduledEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.util.concurrent.Ticker;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.fault.LinkListener;

/**
 * The simulation's clock and scheduler: a discrete-event loop in simulated time, on one
 * {@link EventExecutor}, whose events are timers and frame arrivals.
 *
 * <p>Frames really travel: {@link #send} writes them to the link's channel, the link handler
 * stamps each copy's simulated arrival and reports it ({@link LinkListener}), and the receiving
 * station hands the frame back ({@link #arrived}). An arrival is processed at its simulated time,
 * only once its bytes have come through the socket, and only when no report still outstanding
 * could name an earlier time (every link needs at least {@code lookahead} to deliver). Events at the
 * same time are ordered by frame id and copy, which the kernel assigns, so the order of events,
 * and so every outcome, is independent of thread timing (conservative discrete-event scheduling).
 *
 * <p>{@code speed} maps simulated to real time: an event at simulated {@code t} is not processed
 * before {@code (t - start) / speed} real nanoseconds after the run began; with speed 0 ("max")
 * nothing waits. Real waiting uses {@code executor.schedule}, never sleeps.
 *
 * <h2>Thread safety</h2>
 *
 * {@link #arrived} and the {@link LinkListener} may be called from any thread; everything else
 * runs on the executor.
 */
public final class SimKernel implements LinkListener {
  /** Receives frames the kernel delivers in simulated-time order. */
  public interface Receiver {
    /** A frame arrived at its simulated time. */
    void onFrame(Frame f);
  }

  private final EventExecutor executor;
  private final double speed;
  private final long lookahead;
  private final Ticker ticker;
  private final EventQueue queue = new EventQueue();
  /**
   * Frames sent, in the order sent (so by send time), from the oldest not yet reported by its
   * link; reported ones behind it are dropped when they reach the head.
   */
  private final ArrayDeque<InFlight> sent = new ArrayDeque<>();
  /** How many frames sent are not yet reported by their link. */
  private int undecided;
  private final Map<Long, InFlight> inFlight = new HashMap<>();
  private final ConcurrentLinkedQueue<Object> inbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean wakeup = new AtomicBoolean();
  private final Map<Channel, List<Frame>> outbox = new HashMap<>();
  private final Runnable pumpTask = this::pumpFromWakeup;
  private final Promise<Void> quiescent;
  private long now;
  private long ids;
  private long live;
  private long realStart = -1;
  private ScheduledFuture<?> pacing;
  private long pacingAt;
  private long foreignFrames;
  private long eventsProcessed;
  private boolean started;

  /**
   * Returns a kernel.
   *
   * @param executor where events run
   * @param speed simulated seconds per real second; 0 for no waiting
   * @param lookahead the least simulated time any link takes to deliver, at least 1 ns
   */
  public SimKernel(EventExecutor executor, double speed, long lookahead) {
    if (speed < 0 || Double.isNaN(speed)) {
      throw new IllegalArgumentException("speed must be >= 0, got " + speed);
    }
    if (lookahead < 1) {
      throw new IllegalArgumentException("lookahead must be >= 1 ns, got " + lookahead);
    }
    this.executor = executor;
    this.speed = speed;
    this.lookahead = lookahead;
    this.ticker = executor instanceof AbstractScheduledEventExecutor
        ? ((AbstractScheduledEventExecutor) executor).ticker() : Ticker.systemTicker();
    this.quiescent = executor.newPromise();
  }

  /** Returns the executor. */
  public EventExecutor executor() {
    return executor;
  }

  /** Returns the simulated time, nanoseconds since the run's epoch. */
  public long now() {
    return now;
  }

  /** Returns a new id for a frame; ids are the tie-break of events at the same time. */
  public long nextId() {
    return ++ids;
  }

  /** Returns the number of frames that arrived but were never sent by this kernel. */
  public long foreignFrames() {
    return foreignFrames;
  }

  /** Returns how many events were processed. */
  public long eventsProcessed() {
    return eventsProcessed;
  }

  /** Completes when no event, frame or report is outstanding (after {@link #start}). */
  public Promise<Void> quiescent() {
    return quiescent;
  }

  /** Starts the clock (real time origin for pacing) and processes events. On the executor. */
  public void start() {
    assert executor.inEventLoop();
    started = true;
    realStart = ticker.nanoTime();
    pump();
  }

  /** Schedules {@code task} at simulated time {@code at} (not before now). On the executor. */
  public Timer schedule(long at, Runnable task) {
    Event e = new Event(Math.max(at, now), nextId(), 0, task, null);
    queue.add(e);
    live++;
    return e;
  }

  /**
   * Sends a frame (with an id from {@link #nextId}) on {@code channel} to {@code receiver}. The
   * write happens at the end of the current batch, flushed once per channel. On the executor.
   */
  public void send(Channel channel, Frame f, Receiver receiver) {
    InFlight fl = new InFlight(receiver, now);
    sent.add(fl);
    undecided++;
    InFlight earlier = inFlight.put(f.frameId(), fl);
    if (earlier != null) {
      earlier.decide(); // sent again under the same id: only the last sending counts
    }
    outbox.computeIfAbsent(channel, c -> new ArrayList<>()).add(f);
  }

  /** A frame came through a socket; any thread. */
  public void arrived(Frame f) {
    inbox.add(f);
    wake();
  }

  @Override
  public void decided(long frameId, int copies, long arrival0, long arrival1) {
    inbox.add(new long[] {frameId, copies, arrival0, arrival1});
    wake();
  }

  private void wake() {
    if (wakeup.compareAndSet(false, true)) {
      executor.execute(pumpTask);
    }
  }

  private void pumpFromWakeup() {
    wakeup.set(false);
    pump();
  }

  private void drain() {
    Object o;
    while ((o = inbox.poll()) != null) {
      if (o instanceof long[]) {
        long[] d = (long[]) o;
        InFlight fl = inFlight.get(d[0]);
        if (fl == null) {
          continue;
        }
        fl.decide();
        fl.copies = (int) d[1];
        if (d[1] == 0) {
          inFlight.remove(d[0]);
        }
        for (int c = 0; c < d[1]; c++) {
          Event e = new Event(d[2 + c], d[0], c, null, fl.receiver);
          e.flight = fl;
          queue.add(e);
          live++;
        }
      } else {
        Frame f = (Frame) o;
        InFlight fl = inFlight.get(f.frameId());
        if (fl == null || f.copy() >= Math.max(fl.copies, 1)) {
          foreignFrames++;
        } else {
          if (fl.arrived == null) {
            fl.arrived = new Frame[MAX_COPIES];
          }
          fl.arrived[f.copy()] = f;
        }
      }
    }
  }

  /** Copies of one frame a link can deliver: the frame and a duplicate ({@link #decided}). */
  private static final int MAX_COPIES = 2;

  /** Processes every event that is due, then writes what was sent. */
  void pump() {
    if (!started) {
      drain();
      return;
    }
    while (true) {
      drain();
      Event e = queue.peek();
      if (e == null) {
        break;
      }
      if (e.cancelled) {
        queue.poll();
        continue;
      }
      if (undecided > 0 && e.time >= oldestUndecided() + lookahead) {
        break;
      }
      Frame frame = null;
      if (e.flight != null) {
        frame = e.flight.arrived == null ? null : e.flight.arrived[e.copy];
        if (frame == null) {
          flush();
          break;
        }
      }
      if (speed > 0) {
        long due = realStart + (long) (e.time / speed);
        long wait = due - ticker.nanoTime();
        if (wait > 0) {
          flush();
          pace(due, wait);
          break;
        }
      }
      queue.poll();
      e.ran = true;
      live--;
      now = e.time;
      eventsProcessed++;
      if (frame != null) {
        InFlight fl = e.flight;
        fl.arrived[e.copy] = null;
        if (++fl.delivered >= fl.copies) {
          inFlight.remove(e.id);
        }
        e.receiver.onFrame(frame);
      } else {
        e.task.run();
      }
    }
    flush();
    if (live == 0 && undecided == 0 && inFlight.isEmpty() && outbox.isEmpty()) {
      quiescent.trySuccess(null);
    }
  }

  /** The send time of the oldest frame not yet reported; only while {@code undecided > 0}. */
  private long oldestUndecided() {
    InFlight head;
    while ((head = sent.peek()).decided) {
      sent.poll();
    }
    return head.sentAt;
  }

  private void pace(long due, long wait) {
    if (pacing != null && !pacing.isDone() && pacingAt <= due) {
      return;
    }
    if (pacing != null) {
      pacing.cancel(false);
    }
    pacingAt = due;
    pacing = executor.schedule(() -> {
      pacing = null;
      pump();
    }, wait, TimeUnit.NANOSECONDS);
  }

  private void flush() {
    if (outbox.isEmpty()) {
      return;
    }
    for (Map.Entry<Channel, List<Frame>> en : outbox.entrySet()) {
      Channel ch = en.getKey();
      List<Frame> batch = en.getValue();
      ch.eventLoop().execute(() -> {
        for (Frame f : batch) {
          ch.write(f, ch.voidPromise());
        }
        ch.flush();
      });
    }
    outbox.clear();
  }

  /**
   * The events in (time, id, copy) order: a heap, beside a lane of events that came in order.
   * Most events are scheduled at or after the latest one and with a newer id (at capacity,
   * thousands at the same moment), so they queue in the lane at no cost; the rest go to the heap.
   * The next event is the smaller of the two heads.
   */
  private static final class EventQueue {
    private final ArrayDeque<Event> lane = new ArrayDeque<>();
    private final PriorityQueue<Event> heap = new PriorityQueue<>();

    void add(Event e) {
      Event tail = lane.peekLast();
      if (tail == null || e.compareTo(tail) > 0) {
        lane.addLast(e);
      } else {
        heap.add(e);
      }
    }

    Event peek() {
      return laneFirst() ? lane.peekFirst() : heap.peek();
    }

    Event poll() {
      return laneFirst() ? lane.pollFirst() : heap.poll();
    }

    /** Whether the next event is the lane's head. */
    private boolean laneFirst() {
      Event a = lane.peekFirst();
      Event b = heap.peek();
      return a != null && (b == null || a.compareTo(b) < 0);
    }
  }

  /** A scheduled task that can be cancelled. */
  public interface Timer {
    /** Cancels the task if it has not run. */
    void cancel();
  }

  private final class InFlight {
    final Receiver receiver;
    /** The simulated time it was sent. */
    final long sentAt;
    /** Whether its link reported the copies' fates. */
    boolean decided;
    int copies = 1;
    int delivered;
    /** Frames whose bytes came through the socket, by copy, until their event runs. */
    Frame[] arrived;

    InFlight(Receiver receiver, long sentAt) {
      this.receiver = receiver;
      this.sentAt = sentAt;
    }

    void decide() {
      if (!decided) {
        decided = true;
        if (--undecided == 0) {
          sent.clear(); // every frame in it is decided
        }
      }
    }
  }

  private final class Event implements Comparable<Event>, Timer {
    final long time;
    final long id;
    final int copy;
    final Runnable task;
    final Receiver receiver;
    /** For a frame's arrival: the frame's record (its bytes, once they came). */
    InFlight flight;
    boolean cancelled;
    boolean ran;

    Event(long time, long id, int copy, Runnable task, Receiver receiver) {
      this.time = time;
      this.id = id;
      this.copy = copy;
      this.task = task;
      this.receiver = receiver;
    }

    @Override
    public void cancel() {
      if (!cancelled && !ran) {
        cancelled = true;
        live--;
      }
    }

    @Override
    public int compareTo(Event o) {
      int c = Long.compare(time, o.time);
      if (c == 0) {
        c = Long.compare(id, o.id);
      }
      return c != 0 ? c : Integer.compare(copy, o.copy);
    }
  }
}
