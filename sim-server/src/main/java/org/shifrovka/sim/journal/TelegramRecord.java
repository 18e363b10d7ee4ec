package org.shifrovka.sim.journal;

import java.util.Objects;
import java.util.regex.Pattern;
import org.shifrovka.telegram.Radiogram;

/**
 * A telegram as a station journals it: who sent it on this hop, under which serial, where it is
 * going, and the radiogram itself (clear header and cipher groups; no clear text and no key).
 *
 * <p>A telegram is identified by {@code (origin, serial)}: a retransmitted copy carries the same
 * pair and is journaled once. Instances are immutable.
 *
 * @param origin the sending station's name on this hop, one upper-case word ({@code TEREBIN})
 * @param serial the sender's serial (the radiogram number), 0-99999
 * @param addressee the station the telegram is for ({@code FILIPPOV})
 * @param radiogram the radiogram as received
 * @param reference the end-to-end reference of the message it carries ({@code TEREBIN/15}),
 *     1-32 characters; relays keep it, so it names the message on every hop
 * @param part which part of that message the telegram carries, from 1
 * @param parts how many parts the message has, 1-99
 */
public record TelegramRecord(String origin, int serial, String addressee, Radiogram radiogram,
    String reference, int part, int parts) {
  /** The station-name rule of {@link org.shifrovka.telegram.Station}. */
  static final Pattern STATION_NAME = Pattern.compile("[A-ZА-Я][A-ZА-Я0-9-]{0,31}");

  /** Validates the record. */
  public TelegramRecord {
    requireStationName(origin, "origin");
    requireStationName(addressee, "addressee");
    Objects.requireNonNull(radiogram, "radiogram");
    if (serial < 0 || serial > 99_999) {
      throw new IllegalArgumentException("a serial is 0-99999, got " + serial);
    }
    Objects.requireNonNull(reference, "reference");
    if (reference.isEmpty() || reference.length() > 32) {
      throw new IllegalArgumentException("a reference is 1-32 characters, got \"" + reference
          + "\"");
    }
    if (part < 1 || part > parts || parts > 99) {
      throw new IllegalArgumentException("part must be k of n with 1 <= k <= n <= 99, got " + part
          + " of " + parts);
    }
  }

  /**
   * Returns a record of a one-part message whose reference is {@code origin/serial}.
   */
  public TelegramRecord(String origin, int serial, String addressee, Radiogram radiogram) {
    this(origin, serial, addressee, radiogram, origin + "/" + serial, 1, 1);
  }

  /** Returns a record of {@code radiogram} whose serial is the radiogram number. */
  public static TelegramRecord of(String origin, String addressee, Radiogram radiogram) {
    Objects.requireNonNull(radiogram, "radiogram");
    return new TelegramRecord(origin, radiogram.number(), addressee, radiogram);
  }

  static void requireStationName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (!STATION_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " must be a station name (one upper-case word),"
          + " got \"" + name + "\"");
    }
  }

  @Override
  public String toString() {
    return "telegram No. " + serial + " from " + origin + " to " + addressee + " ("
        + radiogram.groups().size() + " groups)";
  }
}
