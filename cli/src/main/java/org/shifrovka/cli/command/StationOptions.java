package org.shifrovka.cli.command;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Station;
import picocli.CommandLine.Option;

/**
 * The stations of a link and the final addressee: {@code --from}, {@code --to}, {@code --for}.
 *
 * <p>TEREBIN (Xibaipo, Asia/Shanghai), KUZNETSOV and FILIPPOV (Moscow, Europe/Moscow) are known;
 * any other one-word name is a station in Moscow time unless {@code --from-zone}/{@code --to-zone}
 * says otherwise.
 */
final class StationOptions {
  private static final Map<String, Station> KNOWN = Map.of(
      "TEREBIN", Scenario1949.TEREBIN,
      "KUZNETSOV", Scenario1949.KUZNETSOV,
      "FILIPPOV", Scenario1949.FILIPPOV);

  @Option(names = "--from", paramLabel = "<name>", defaultValue = "TEREBIN",
      description = "Sending station's cover name (default: ${DEFAULT-VALUE}, in Xibaipo).")
  String from;

  @Option(names = "--from-zone", paramLabel = "<zone>", converter = Converters.ZoneConverter.class,
      description = "Time zone of the sending station (default: known for TEREBIN, KUZNETSOV and"
          + " FILIPPOV, else Europe/Moscow).")
  ZoneId fromZone;

  @Option(names = "--to", paramLabel = "<name>", defaultValue = "KUZNETSOV",
      description = "Receiving station's cover name (default: ${DEFAULT-VALUE}, in Moscow).")
  String to;

  @Option(names = "--to-zone", paramLabel = "<zone>", converter = Converters.ZoneConverter.class,
      description = "Time zone of the receiving station (default as for --from-zone).")
  ZoneId toZone;

  @Option(names = "--for", paramLabel = "<name>",
      description = "Final addressee's cover name, such as FILIPPOV (default: none).")
  String addressee;

  /** Returns the sending station. */
  Station from() {
    return station(from, fromZone);
  }

  /** Returns the receiving station. */
  Station to() {
    return station(to, toZone);
  }

  /** Returns the addressee in upper case, or null. */
  String addressee() {
    return addressee == null ? null : addressee.toUpperCase(Locale.ROOT);
  }

  private static Station station(String name, ZoneId zone) {
    String n = name.toUpperCase(Locale.ROOT);
    Station known = KNOWN.get(n);
    if (known != null) {
      return zone == null ? known : new Station(n, known.place(), zone);
    }
    return new Station(n, n, zone == null ? Station.MOSCOW : zone);
  }
}
