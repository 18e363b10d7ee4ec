package org.shifrovka.sim.core;

import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.RadiogramHeader;

/** A telegram keyed for a neighbour and not yet receipted or given up. */
final class Outgoing {
  final String to;
  final int serial;
  final RadiogramHeader header;
  final byte[] groups;
  /** The last frame keyed (every attempt shares its groups: {@link Frame#withHop}). */
  Frame sent;
  int attempts;
  long firstSent;
  /** When it is first keyed (its filing time). */
  long keyAt;
  boolean done;
  /** Whether it took a place in its link's window. */
  boolean started;
  /** When it may be keyed first, once it has a place in the window. */
  long startAt;
  /** Whether it waits for its link to come up. */
  boolean parked;
  StationEffects.Timer timer;
  final Timeout transmit;

  Outgoing(String to, RadiogramHeader header, byte[] groups, StationCore core) {
    this.to = to;
    this.serial = header.number();
    this.header = header;
    this.groups = groups;
    this.transmit = new Timeout(() -> core.sending().transmit(this));
  }

  JournalRecord.Sent record() {
    return new JournalRecord.Sent(to, header, groups);
  }
}
