package org.shifrovka.sim.server;

import java.util.HashMap;
import java.util.Map;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.core.JournalRecord;
import org.shifrovka.sim.core.Neighbour;
import org.shifrovka.sim.core.Offices;
import org.shifrovka.sim.core.Outcomes;
import org.shifrovka.sim.core.StationConfig;
import org.shifrovka.sim.core.StationCore;
import org.shifrovka.sim.core.StationEffects;
import org.shifrovka.sim.core.Timeout;
import org.shifrovka.sim.observe.EventLog;
import org.shifrovka.sim.observe.Metrics;

/**
 * The simulator's driver of a {@link StationCore}: virtual time from the {@link SimKernel}, frames
 * over {@link Hop}s, the event log, and a journal that is durable as soon as it is written (the
 * simulator keeps stations in memory; the deterministic simulation harness in
 * {@code org.shifrovka.sim.dst} drives the same core with a journal that commits later and crashes).
 *
 * <h2>Thread safety</h2>
 *
 * Confined to the simulation's executor.
 */
public final class SimStation {
  private final SimKernel kernel;
  private final EventLog log;
  private final Role role;
  private final Map<String, Hop> hops = new HashMap<>();
  private final StationCore core;

  /**
   * Returns a station.
   *
   * @param config the station's configuration
   * @param role its role
   * @param kernel the simulation
   * @param log the event log
   * @param metrics its counters
   * @param outcomes where outcomes go
   * @param offices its cipher offices (reading the kernel's clock)
   */
  public SimStation(StationConfig config, Role role, SimKernel kernel, EventLog log,
      Metrics metrics, Outcomes outcomes, Offices offices) {
    this.kernel = kernel;
    this.log = log;
    this.role = role;
    this.core = new StationCore(config, offices, new Effects(), outcomes, metrics);
  }

  /** Returns the station's name. */
  public String name() {
    return core.name();
  }

  /** Returns the role. */
  public Role role() {
    return role;
  }

  /** Returns the metrics. */
  public Metrics metrics() {
    return core.metrics();
  }

  /** Adds an outgoing link. */
  public void addHop(Hop hop) {
    hops.put(hop.to(), hop);
    core.addNeighbour(new Neighbour(hop.to(), hop.model().spec().wpm(),
        hop.model().nominalLatency(0)));
  }

  /** Tells this station how many digits {@code peer} writes its registry numbers with. */
  public void peerRegisterWidth(String peer, int width) {
    core.peerRegisterWidth(peer, width);
  }

  /** Routes messages for {@code addressee} through the neighbour {@code next}. */
  public void route(String addressee, String next) {
    core.route(addressee, next);
  }

  /** Returns a receiver for frames that come from {@code from}. */
  public SimKernel.Receiver receiverFrom(String from) {
    return f -> core.frame(kernel.now(), from, f);
  }

  /** Returns how many telegrams are still waiting for a receipt. */
  public int unacknowledged() {
    return core.unacknowledged();
  }

  /**
   * Files a message now. Returns the message's reference, or null if it could not be enciphered.
   */
  public String file(String message, String source, String addressee) {
    return core.file(kernel.now(), message, source, addressee);
  }

  private final class Effects implements StationEffects {
    @Override
    public long frameId() {
      return kernel.nextId();
    }

    @Override
    public void transmit(String to, Frame frame) {
      hops.get(to).send(frame);
    }

    @Override
    public Timer setTimer(long at, Timeout t) {
      SimKernel.Timer timer = kernel.schedule(at, () -> core.timeout(kernel.now(), t));
      return timer::cancel;
    }

    @Override
    public void journal(long lsn, JournalRecord record) {
      core.committed(kernel.now(), lsn);
    }

    @Override
    public void log(String kind, String peer, String reference, String detail) {
      log.add(kernel.now(), core.name(), kind, peer, reference, detail);
    }
  }
}
