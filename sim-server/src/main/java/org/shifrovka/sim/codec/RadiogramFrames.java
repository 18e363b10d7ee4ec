package org.shifrovka.sim.codec;

import java.time.LocalTime;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;

/**
 * Converts between a {@link Radiogram} and the header of a radiogram frame; the groups travel as
 * {@link Radiogram#groupBytes()}.
 */
public final class RadiogramFrames {
  private RadiogramFrames() {}

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
    Precedence[] ps = Precedence.values();
    if (h.precedence() >= ps.length) {
      throw new IllegalArgumentException("unknown precedence " + h.precedence());
    }
    // kept as bytes: the receiving office deciphers them without a string per group
    return Radiogram.of(h.number(), h.declaredGroups(), h.day(),
        LocalTime.of(h.minuteOfDay() / 60, h.minuteOfDay() % 60), ps[h.precedence()], groups);
  }
}
