package org.shifrovka.sim.process.links;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.shifrovka.sim.codec.Frame;

/**
 * A process station's outgoing connections, one per neighbour: dialled at the start, redialled
 * every {@value #REDIAL_MILLIS} ms while down, and reported to the office as a link up or down. A
 * connection that closes after a newer one to the same neighbour came up does not take the link
 * down.
 *
 * <h2>Thread safety</h2>
 *
 * {@link #dialAll} and {@link #close} from any thread but the office's; everything else on the
 * office thread, where the {@link Listener} is called too.
 */
public final class PeerLinks {
  /** How long a link waits before it is dialled again. */
  public static final long REDIAL_MILLIS = 200;

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

  /** Sends {@code frame} to {@code to} if its connection is up; drops it otherwise. */
  public void transmit(String to, Frame frame) {
    Channel ch = links.get(to);
    if (ch != null && ch.isActive()) {
      ch.writeAndFlush(frame, ch.voidPromise());
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
