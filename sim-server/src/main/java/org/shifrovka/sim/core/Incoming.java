package org.shifrovka.sim.core;

import java.util.Arrays;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.codec.WireFormat;

/** A telegram being received: the groups read so far, the rest to be asked for by index. */
final class Incoming {
  final RadiogramHeader header;
  final byte[] groups;
  final boolean[] readable;
  int missing;

  Incoming(RadiogramHeader header) {
    this.header = header;
    this.groups = new byte[header.declaredGroups() * WireFormat.GROUP];
    Arrays.fill(groups, WireFormat.UNREADABLE);
    this.readable = new boolean[header.declaredGroups()];
    this.missing = header.declaredGroups();
  }
}
