package org.shifrovka.sim.core;

import java.util.ArrayList;
import java.util.List;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.text.TelegraphText;

/** The parts of a message received so far, and their registry numbers in the order received. */
final class Assembly {
  /** A message being reassembled: from whom, its reference and the serial of its first part. */
  record Key(String from, String reference, int firstSerial) {}

  final Key key;
  final RadiogramHeader header;
  final ArchivalCopy[] parts;
  final List<String> regs;

  Assembly(Key key, RadiogramHeader header, int parts) {
    this.key = key;
    this.header = header;
    this.parts = new ArchivalCopy[parts];
    this.regs = new ArrayList<>(parts);
  }

  /** Adds a part; false if it does not fit (out of range or already there). */
  boolean add(ArchivalCopy copy) {
    if (copy.part() > parts.length || parts[copy.part() - 1] != null) {
      return false;
    }
    parts[copy.part() - 1] = copy;
    regs.add(copy.registryNumber().toString());
    return true;
  }

  /** The message's text: its parts' texts in order (only when {@link #complete()}). */
  TelegraphText text() {
    List<TelegraphText> texts = new ArrayList<>(parts.length);
    for (ArchivalCopy p : parts) {
      texts.add(p.text());
    }
    return TelegraphText.concat(texts);
  }

  boolean complete() {
    for (ArchivalCopy p : parts) {
      if (p == null) {
        return false;
      }
    }
    return true;
  }
}
