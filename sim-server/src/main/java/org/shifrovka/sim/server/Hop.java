package org.shifrovka.sim.server;

import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.fault.LinkModel;

/** A station's outgoing link to one neighbour: where its frames go. */
public interface Hop {
  /** Returns the neighbour's name. */
  String to();

  /** Returns the link's model (for nominal latencies and counters). */
  LinkModel model();

  /** Sends a frame on the link, at the kernel's current time. */
  void send(Frame f);
}
