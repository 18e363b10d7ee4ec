package org.shifrovka.telegram;

import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A station of the chain: a cover name, a place and the place's time zone.
 *
 * @param name the cover name, one upper-case word ({@code TEREBIN}, {@code KUZNETSOV})
 * @param place where the station is ({@code Xibaipo}, {@code Moscow})
 * @param zone the time zone of the place; filing times are local to it
 */
public record Station(String name, String place, ZoneId zone) {
  private static final Pattern NAME = Pattern.compile("[A-ZА-Я][A-ZА-Я0-9-]{0,31}");

  /** Moscow time, in which the clear radiogram header gives the filing time (inferred). */
  public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  /** Validates the station. */
  public Station {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(zone, "zone");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a station name is one upper-case word, got \"" + name
          + "\"");
    }
  }

  /**
   * Returns a station.
   *
   * @param name its call name, one upper-case word ({@code TEREBIN})
   * @param place where it is ({@code Xibaipo})
   * @param zone its local time zone
   */
  public static Station of(String name, String place, ZoneId zone) {
    return new Station(name, place, zone);
  }

  /**
   * Returns a station, its zone given by name ({@code Asia/Shanghai}): a convenience for
   * {@link #of(String, String, ZoneId)}.
   *
   * @throws java.time.DateTimeException if no zone has that name
   */
  public static Station of(String name, String place, String zone) {
    return of(name, place, ZoneId.of(zone));
  }
}
