package org.shifrovka.sim;

import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.shifrovka.CipherOffice;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.sim.fault.Decisions;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.Station;

/**
 * The cipher offices of one station of a {@link Topology}: one pad book per directed link, made
 * from the run's seed, and office builders set up from the station's spec.
 *
 * <p>Every station of a run, in one process or in several, derives the same pad book for a link
 * from the same seed: the simulation stands in for the couriers who carried the printed pads (the
 * books are {@linkplain PadBook#derived seeded and derived on demand}, insecure and labelled so).
 * Pad books are made on first use and cached. Not thread-safe.
 */
public final class TopologyOffices {
  private final Topology topology;
  private final Topology.StationSpec self;
  private final Codebook codebook;
  private final long seed;
  private final Clock clock;
  private final Map<String, PadBook> books;
  private boolean filingIntervals = true;

  /**
   * Returns the offices of {@code self}.
   *
   * @param topology the run's topology
   * @param self the station
   * @param codebook the codebook every station of the run holds
   * @param seed the run's seed, from which the pad books are made
   * @param clock the clock its offices file and register by
   */
  public TopologyOffices(Topology topology, Topology.StationSpec self, Codebook codebook,
      long seed, Clock clock) {
    this(topology, self, codebook, seed, clock, new HashMap<>());
  }

  /** Like the other constructor, sharing {@code books} (link to pad book) with other stations and runs. */
  public TopologyOffices(Topology topology, Topology.StationSpec self, Codebook codebook, long seed,
      Clock clock, Map<String, PadBook> books) {
    this.topology = topology;
    this.self = self;
    this.codebook = codebook;
    this.seed = seed;
    this.clock = clock;
    this.books = books;
  }

  /**
   * Files every part of a message at once, ignoring the topology's {@code filingInterval} (which
   * is simulated time: a station in real time would otherwise hold parts back for minutes).
   *
   * @return this
   */
  public TopologyOffices withoutFilingIntervals() {
    filingIntervals = false;
    return this;
  }

  /** Returns the pad book of the directed link {@code from -> to}. */
  public PadBook padBook(String from, String to) {
    return books.computeIfAbsent(key(from, to), key -> generate(topology, seed, from, to));
  }

  /** Returns the key of the link {@code from -> to} in the map of books. */
  static String key(String from, String to) {
    return from + "-" + to;
  }

  /**
   * Returns the pad book of the directed link {@code from -> to}: a pure function of its
   * arguments, its sheets {@linkplain PadBook#derived derived on demand}, so making it costs
   * nothing however many sheets the topology provisions.
   */
  static PadBook generate(Topology topology, long seed, String from, String to) {
    String key = key(from, to);
    long h = seed;
    for (char c : key.toCharArray()) {
      h = Decisions.mix(h, c);
    }
    String id = key.matches("[A-Z0-9-]{1,20}") ? key : (abbreviate(from) + "-" + abbreviate(to));
    return PadBook.derived(h, id, topology.padSheets(), topology.groupsPerSheet());
  }

  /** A pad book id is 1-20 characters of 0-9, A-Z and -: up to 9 of a name, or a hash. */
  private static String abbreviate(String name) {
    if (name.matches("[A-Z0-9-]+")) {
      return name.substring(0, Math.min(9, name.length()));
    }
    return String.format(Locale.ROOT, "%08X", name.hashCode()).substring(0, 8);
  }

  /**
   * Returns an office that enciphers for the link to {@code to}, for messages to
   * {@code addressee}, on pads recorded in {@code ledger}, numbering from {@code firstSerial}.
   */
  public CipherOffice sending(String to, String addressee, PadLedger ledger, int firstSerial) {
    CipherOffice.Builder b = CipherOffice.builder().codebook(codebook)
        .padBook(padBook(self.name(), to)).ledger(ledger)
        .clock(clock).from(self.station()).to(station(to)).addressee(addressee)
        .firstSerial(firstSerial)
        .precedence(self.precedence()).filingInterval(filingIntervals ? self.filingInterval() : java.time.Duration.ZERO);
    if (self.parts() > 0) {
      b.parts(self.parts());
    } else if (self.maxGroups() > 0) {
      b.maxGroups(self.maxGroups());
    }
    return b.build();
  }

  /** Returns an office that deciphers what comes from {@code from}, registering in {@code register}. */
  public CipherOffice receiving(String from, Register register) {
    CipherOffice.Builder b = CipherOffice.builder().codebook(codebook)
        .padBook(padBook(from, self.name())).clock(clock).from(station(from))
        .to(self.station()).register(register);
    String addressee = topology.soleAddressee();
    if (addressee != null) {
      b.addressee(addressee);
    }
    return b.build();
  }

  private Station station(String name) {
    return topology.station(name).station();
  }
}
