package org.shifrovka.sim.fault;

/**
 * Told what a link did with each frame, before any copy is written: the simulation waits for
 * these reports to know every arrival time in advance (conservative discrete-event scheduling).
 * Called on the link channel's event loop; implementations hand over to their own thread.
 */
public interface LinkListener {
  /**
   * Reports a frame's fate.
   *
   * @param frameId the frame
   * @param copies 0 if lost, 1, or 2 if duplicated
   * @param arrival0 the simulated arrival of copy 0
   * @param arrival1 the simulated arrival of copy 1
   */
  void decided(long frameId, int copies, long arrival0, long arrival1);

  /** A listener that ignores everything. */
  LinkListener NONE = (id, copies, a0, a1) -> { };
}
