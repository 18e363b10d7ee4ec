package org.shifrovka.sim.codec;

import java.util.Objects;

/**
 * The clear fields a radiogram frame carries besides its groups.
 *
 * @param addressee the final addressee's cover name, for routing
 * @param reference the end-to-end reference of the message ({@code TEREBIN/15}), kept by relays
 * @param clear true if the groups are clear text (a forwarded archival copy), false for cipher
 * @param number the radiogram number of the header (the sender's serial)
 * @param declaredGroups the group count the header declares
 * @param day the day of the month (Moscow time)
 * @param minuteOfDay the filing time in minutes after midnight (Moscow time)
 * @param precedence the precedence's ordinal
 * @param filedAt the simulated filing time, nanoseconds since the run's epoch
 */
public record RadiogramHeader(String addressee, String reference, boolean clear, int number,
    int declaredGroups, int day, int minuteOfDay, int precedence, long filedAt) {

  /** Validates the header. */
  public RadiogramHeader {
    Objects.requireNonNull(addressee, "addressee");
    Objects.requireNonNull(reference, "reference");
    if (addressee.isEmpty() || addressee.length() > WireFormat.MAX_NAME
        || reference.isEmpty() || reference.length() > WireFormat.MAX_NAME) {
      throw new IllegalArgumentException("addressee and reference must be 1-" + WireFormat.MAX_NAME
          + " characters, got \"" + addressee + "\" and \"" + reference + "\"");
    }
    if (number < 0 || number > 99_999 || declaredGroups < 0
        || declaredGroups > WireFormat.MAX_INDEX || day < 1 || day > 31 || minuteOfDay < 0
        || minuteOfDay >= 1440 || precedence < 0 || precedence > 255) {
      throw new IllegalArgumentException("bad radiogram header: No. " + number + ", "
          + declaredGroups + " groups, day " + day + ", minute " + minuteOfDay + ", precedence "
          + precedence);
    }
  }
}
