package org.shifrovka.sim.core;

import org.shifrovka.sim.codec.Frame;

/**
 * What a {@link StationCore} asks its driver to do; called only from inside an input call, with
 * the input's time as "now".
 */
public interface StationEffects {
  /** A set timer; {@link #cancel} is a no-op once it fired. */
  interface Timer {
    /** Cancels the timer if it has not fired. */
    void cancel();
  }

  /** Returns a fresh frame id (unique among the frames of the driver's network). */
  long frameId();

  /** Puts a frame on the air to {@code to} now. */
  void transmit(String to, Frame frame);

  /** Sets a timer for {@code at} (not before now); hand {@code t} back to the core when due. */
  Timer setTimer(long at, Timeout t);

  /**
   * Writes a journal record with sequence number {@code lsn} (1, 2, 3, ...). The core sends no
   * frame and reports no delivery that depends on it before the driver reports it durable with
   * {@link StationCore#committed}; a driver with a synchronous journal may report it from inside
   * this call.
   */
  void journal(long lsn, JournalRecord record);

  /** An event for the station's log (kinds as in {@code EventLog}). */
  void log(String kind, String peer, String reference, String detail);

  /**
   * Returns false if {@link #log} is dropped, so that the core does not build the detail of
   * every send, receipt and registration for nothing (default true).
   */
  default boolean logging() {
    return true;
  }
}
