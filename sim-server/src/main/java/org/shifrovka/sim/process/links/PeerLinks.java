package org.shifrovka.sim.process.links;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.shifrovka.sim.codec.Frame;

/**
 * A process station's outgoing connections, one per neighbour: dialled at the start, redialled
 * every {@value #REDIAL_MILLIS} ms while down, and reported to the office as a link up or down. A
 * connection that closes after a newer one to the same neighbour came up does not take the link
 * down. Frames to a neighbour go out in bursts ({@link #transmit}).
 *
 * <h2>Thread safety</h2>
 *
 * {@link #dialAll} and {@link #close} from any thread but the office's; everything else on the
 * office thread, where the {@link Listener} is called too.
 */
public final class PeerLinks {
  /** How long a link waits before it is dialled again. */
  public static final long REDIAL_MILLIS = 200;
  /** The most frames handed to a connection at once. */
  public static final int BURST = 256;

  /** Opens a connection to a neighbour (its handshake done when the future completes). */
  public interface Dialer {
    /**
     * Dials {@code peer}.
     *
     * @param peer the neighbour
     * @return completes with the connection, or fails
     */
    Future<Channel> dial(String peer);
  }

  /** Hears of links going up and down, on the office thread. */
  public interface Listener {
    /** A connection to {@code peer} is up. */
    void up(String peer);

    /** The connection to {@code peer} is gone. */
    void down(String peer);
  }

  private final Set<String> neighbours;
  private final Dialer dialer;
  private final EventExecutor office;
  private final EventExecutor redial;
  private final Listener listener;
  private final Map<String, Channel> links = new HashMap<>();
  /** Frames not yet handed to their connection, per connection, in order. */
  private final Map<Channel, Outbox> outboxes = new HashMap<>();
  private boolean sendScheduled;
  private volatile boolean closing;

  /**
   * Returns the links of a station.
   *
   * @param neighbours the neighbours to dial
   * @param dialer opens a connection
   * @param office the office thread
   * @param redial where redials are scheduled
   * @param listener hears of links up and down
   */
  public PeerLinks(Set<String> neighbours, Dialer dialer, EventExecutor office,
      EventExecutor redial, Listener listener) {
    this.neighbours = neighbours;
    this.dialer = dialer;
    this.office = office;
    this.redial = redial;
    this.listener = listener;
  }

  /** Dials every neighbour. */
  public void dialAll() {
    for (String peer : neighbours) {
      dial(peer);
    }
  }

  /** Returns true if a connection to every neighbour is up. */
  public boolean allUp() {
    return links.keySet().containsAll(neighbours);
  }

  /**
   * Sends {@code frame} to {@code to} if its connection is up, drops it otherwise. Frames are
   * gathered and handed to the connection's event loop together, at most {@value #BURST} at a time,
   * once the office has done what it had queued (flush consolidation: one hand-over, one write
   * and one flush for a burst, not one for each frame); their order on a connection is kept.
   */
  public void transmit(String to, Frame frame) {
    Channel ch = links.get(to);
    if (ch == null || !ch.isActive()) {
      return;
    }
    Outbox box = outboxes.get(ch);
    if (box == null) {
      box = new Outbox(ch);
      outboxes.put(ch, box);
    }
    box.frames.add(frame);
    if (box.frames.size() >= BURST) {
      box.send();
    } else if (!sendScheduled) {
      sendScheduled = true;
      office.execute(this::sendAll);
    }
  }

  private void sendAll() {
    sendScheduled = false;
    for (Iterator<Outbox> it = outboxes.values().iterator(); it.hasNext(); ) {
      Outbox box = it.next();
      box.send();
      if (!box.channel.isActive()) {
        it.remove();
      }
    }
  }

  /** Frames for one connection gathered on the office thread. */
  private static final class Outbox {
    final Channel channel;
    ArrayList<Frame> frames = new ArrayList<>();

    Outbox(Channel channel) {
      this.channel = channel;
    }

    void send() {
      if (frames.isEmpty()) {
        return;
      }
      List<Frame> burst = frames;
      frames = new ArrayList<>(Math.min(BURST, burst.size() * 2));
      Channel ch = channel;
      ch.eventLoop().execute(() -> {
        for (int i = 0; i < burst.size(); i++) {
          ch.write(burst.get(i), ch.voidPromise());
        }
        ch.flush();
      });
    }
  }

  /** Stops redialling and closes every connection (from any thread but the office's). */
  public void close() {
    closing = true;
    office.submit(() -> links.values().forEach(Channel::close)).syncUninterruptibly();
  }

  private void dial(String peer) {
    if (closing) {
      return;
    }
    dialer.dial(peer).addListener(f -> {
      if (!f.isSuccess()) {
        if (!closing) {
          redial.schedule(() -> dial(peer), REDIAL_MILLIS, TimeUnit.MILLISECONDS);
        }
        return;
      }
      Channel ch = (Channel) f.getNow();
      ch.closeFuture().addListener(c -> office.execute(() -> {
        outboxes.remove(ch);
        boolean current = links.remove(peer, ch) || !links.containsKey(peer);
        if (!closing && current) {
          listener.down(peer);
          redial.schedule(() -> dial(peer), REDIAL_MILLIS, TimeUnit.MILLISECONDS);
        }
      }));
      office.execute(() -> {
        if (ch.isActive() && !closing) {
          Channel before = links.put(peer, ch);
          if (before != null && before != ch) {
            before.close();
          }
          listener.up(peer);
        } else {
          ch.close();
        }
      });
    });
  }
}
