package org.shifrovka.sim.codec;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;

/** Converts between a {@link Radiogram} and the header and group bytes of a radiogram frame. */
public final class RadiogramFrames {
  private RadiogramFrames() {}

  /** Returns the radiogram's groups as five ASCII bytes each, in order. */
  public static byte[] groupBytes(Radiogram r) {
    List<String> gs = r.groups();
    byte[] groups = new byte[gs.size() * WireFormat.GROUP];
    for (int i = 0; i < gs.size(); i++) {
      String g = gs.get(i);
      for (int k = 0; k < WireFormat.GROUP; k++) {
        groups[i * WireFormat.GROUP + k] = (byte) g.charAt(k);
      }
    }
    return groups;
  }

  /**
   * Returns the transport header of a cipher radiogram.
   *
   * @param r the radiogram
   * @param addressee the message's final addressee
   * @param reference the message's end-to-end reference
   * @param filedAt the filing time in the run's nanoseconds
   */
  public static RadiogramHeader header(Radiogram r, String addressee, String reference,
      long filedAt) {
    return new RadiogramHeader(addressee, reference, false, r.number(), r.declaredGroups(),
        r.day(), r.time().getHour() * 60 + r.time().getMinute(), r.precedence().ordinal(),
        filedAt);
  }

  /**
   * Returns the radiogram a cipher frame carries: the header's number, count, day, time and
   * precedence, and the groups.
   *
   * @throws IllegalArgumentException if the header or groups do not make a radiogram
   */
  public static Radiogram radiogram(RadiogramHeader h, byte[] groups) {
    int n = groups.length / WireFormat.GROUP;
    List<String> gs = new ArrayList<>(n);
    // one Latin-1 string cut into groups: no decoding per group (Radiogram.of checks each is
    // five digits or '?', so a byte outside ASCII is refused there, not read as a character)
    String all = new String(groups, 0, n * WireFormat.GROUP, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < n; i++) {
      gs.add(all.substring(i * WireFormat.GROUP, (i + 1) * WireFormat.GROUP));
    }
    Precedence[] ps = Precedence.values();
    if (h.precedence() >= ps.length) {
      throw new IllegalArgumentException("unknown precedence " + h.precedence());
    }
    return Radiogram.of(h.number(), h.declaredGroups(), h.day(),
        LocalTime.of(h.minuteOfDay() / 60, h.minuteOfDay() % 60), ps[h.precedence()], gs);
  }
}
