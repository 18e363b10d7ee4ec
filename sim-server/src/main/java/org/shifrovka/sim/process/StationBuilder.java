package org.shifrovka.sim.process;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.Topology;

/**
 * Builds a {@link ProcessStation} ({@link ProcessStation#builder()}); {@link #build()} checks that
 * the station is in the topology and that plain TCP is asked for only on loopback.
 *
 * <h2>Thread safety</h2>
 *
 * Not thread-safe.
 */
public final class StationBuilder {
  Topology topology;
  String name;
  Path dir;
  Path journal;
  long seed = Scenario1949.DEFAULT_SEED;
  boolean radio;
  int window = ProcessStation.DEFAULT_WINDOW;
  Consumer<ProcessStation.Delivery> deliveries = d -> {};
  Path output;
  DeliveryOutput.Pause pause = DeliveryOutput.Pause.NONE;
  Consumer<ProcessStation.Filing> filings = f -> {};
  Path pki;
  StationLimits limits = StationLimits.defaults();
  InetSocketAddress listen;
  Map<String, InetSocketAddress> peers = Map.of();
  Duration drain = Duration.ofSeconds(2);

  StationBuilder() {}

  /** Sets the topology (required). */
  public StationBuilder topology(Topology v) {
    this.topology = Objects.requireNonNull(v, "topology");
    return this;
  }

  /** Sets the station's name (required). */
  public StationBuilder name(String v) {
    this.name = Objects.requireNonNull(v, "name");
    return this;
  }

  /** Sets the work directory; the journal is {@code NAME.journal} in it (or see journal). */
  public StationBuilder directory(Path v) {
    this.dir = Objects.requireNonNull(v, "directory");
    return this;
  }

  /** Sets the journal file (default {@code NAME.journal} in the directory). */
  public StationBuilder journal(Path v) {
    this.journal = Objects.requireNonNull(v, "journal");
    return this;
  }

  /**
   * Sets the PKI directory (ca.crt, NAME.crt, NAME.key) for mutual TLS; without one (null),
   * plain TCP, allowed only when every address is loopback.
   */
  public StationBuilder pki(Path v) {
    this.pki = v;
    return this;
  }

  /** Sets what one accepted connection may do (default {@link StationLimits#defaults()}). */
  public StationBuilder limits(StationLimits v) {
    this.limits = Objects.requireNonNull(v, "limits");
    return this;
  }

  /** Listens here instead of the topology's address (port 0: any free port). */
  public StationBuilder listen(InetSocketAddress v) {
    this.listen = Objects.requireNonNull(v, "listen");
    return this;
  }

  /**
   * Dials these neighbours here instead of at the topology's addresses (read at each dial, so
   * a map filled as stations start works).
   */
  public StationBuilder peers(Map<String, InetSocketAddress> v) {
    this.peers = Objects.requireNonNull(v, "peers");
    return this;
  }

  /** Sets how long closing waits for outstanding receipts (default 2 s). */
  public StationBuilder drain(Duration v) {
    this.drain = Objects.requireNonNull(v, "drain");
    return this;
  }

  /** Sets who hears of filings (called on the office thread). */
  public StationBuilder filings(Consumer<ProcessStation.Filing> v) {
    this.filings = Objects.requireNonNull(v, "filings");
    return this;
  }

  /** Sets the seed of codebook and pad books (default 1949). */
  public StationBuilder seed(long v) {
    this.seed = v;
    return this;
  }

  /** Keys frames for the topology's keying time (default off). */
  public StationBuilder radio(boolean v) {
    this.radio = v;
    return this;
  }

  /** Sets the most telegrams a link has on the air without a receipt (default 256, 1-4096). */
  public StationBuilder window(int v) {
    if (v < 1 || v > 4096) {
      throw new IllegalArgumentException("window must be 1-4096, got " + v);
    }
    this.window = v;
    return this;
  }

  /**
   * Sets the output of deliveries, one JSON line per message delivered here, each once across
   * crashes (default {@code NAME.deliveries} beside the journal; see {@link DeliveryOutput}).
   */
  public StationBuilder output(Path v) {
    this.output = Objects.requireNonNull(v, "output");
    return this;
  }

  /** Stops the station on the way from the journal to the output (for crash tests). */
  StationBuilder pause(DeliveryOutput.Pause v) {
    this.pause = Objects.requireNonNull(v, "pause");
    return this;
  }

  /**
   * Sets who hears of deliveries (called on the office thread), after each is written to the
   * output: a convenience, at most once (a crash between the output and this loses it here).
   */
  public StationBuilder deliveries(Consumer<ProcessStation.Delivery> v) {
    this.deliveries = Objects.requireNonNull(v, "deliveries");
    return this;
  }

  /**
   * Builds the station.
   *
   * @throws IllegalStateException if a required setting is missing, the station is not in the
   *     topology, or plain TCP is asked for with an address that is not loopback
   */
  public ProcessStation build() {
    if (topology == null || name == null || (dir == null && journal == null)) {
      throw new IllegalStateException("a station needs a topology, a name and a directory or"
          + " a journal");
    }
    if (topology.stations().stream().noneMatch(s -> s.name().equals(name))) {
      throw new IllegalStateException("no station " + name + " in the topology (stations: "
          + topology.stations().stream().map(Topology.StationSpec::name).toList() + ")");
    }
    if (pki == null) {
      List<String> remote = new ArrayList<>();
      Topology.StationSpec self = topology.station(name);
      if (!loopback(listen != null ? listen.getHostString() : self.host())) {
        remote.add(name + " listens on " + self.host());
      }
      for (String n : neighbours(topology, name)) {
        InetSocketAddress at = peers.getOrDefault(n, topology.station(n).dialAddress());
        if (!loopback(at.getHostString())) {
          remote.add(n + " is at " + at.getHostString() + ":" + at.getPort());
        }
      }
      if (!remote.isEmpty()) {
        throw new IllegalStateException("plain TCP is allowed only when every address is"
            + " loopback, but " + String.join(", ", remote) + "; give a PKI directory for"
            + " mutual TLS");
      }
    }
    return new ProcessStation(this);
  }

  /** Returns the stations {@code name} has a link with, in the order of the links. */
  static Set<String> neighbours(Topology topology, String name) {
    Set<String> out = new LinkedHashSet<>();
    for (Topology.LinkDecl l : topology.links()) {
      if (l.a().equals(name)) {
        out.add(l.b());
      } else if (l.b().equals(name)) {
        out.add(l.a());
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
