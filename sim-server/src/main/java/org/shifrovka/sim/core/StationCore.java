package org.shifrovka.sim.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shifrovka.CipherOffice;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.RadiogramFrames;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.observe.Metrics;
import org.shifrovka.sim.server.ForwardMode;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.TelegraphText;

/**
 * One station's operators and cipher office as a deterministic state machine: the reliable hop
 * protocol and the office semantics, without I/O.
 *
 * <p>Inputs, each with the time it happens (nanoseconds since the configured epoch): {@link #file}
 * a message, a {@link #frame} from a neighbour, a {@link #timeout} that is due, a
 * {@link #committed journal commit}, a link {@link #linkUp up} or {@link #linkDown down}, and,
 * once before any of them, {@link #recover} from the journal. Effects go to
 * {@link StationEffects} (frames, timers, journal records, log lines) and {@link Outcomes}.
 *
 * <p>Sending: each telegram is keyed at its filing time; without a receipt it is sent again after
 * a timeout that grows by {@code backoff} each attempt, and after {@code maxAttempts} it is
 * reported undeliverable. A repeat request is answered with the groups asked for. Receiving: the
 * operator checks the group count and the unreadable groups, asks for those by index, and once the
 * telegram is complete registers it under the office's next registry number and gives a receipt
 * by number. A telegram seen again (same sender and serial) is not registered twice; its receipt
 * is repeated. A relay deciphers each telegram (raising an alarm if a pad indicator comes twice),
 * reassembles multi-part messages and forwards them toward the addressee, re-enciphered or as the
 * archival decrypt; the addressee reassembles and delivers.
 *
 * <h2>Durability</h2>
 *
 * A filing's {@link JournalRecord.Filed} record is durable before its first frame leaves; a
 * registration before its receipt (a repeated receipt waits for the first registration too); a
 * message's {@link JournalRecord.Completed} record (which holds the telegrams it was forwarded
 * as) before its delivery is reported or its forwarded frames leave. The core holds those effects
 * until {@link #committed} reports their records durable, and keeps working meanwhile, so one
 * commit can cover every record written since the last (group commit).
 *
 * <h2>Thread safety</h2>
 *
 * None: a driver calls it from one thread.
 */
public final class StationCore {
  private final StationConfig config;
  private final Offices offices;
  private final StationEffects effects;
  private final Outcomes outcomes;
  private final Metrics metrics;
  private final Sending sending;
  private final Receiving receiving;
  private final Map<String, String> routes = new HashMap<>();
  private final Map<String, SendingOffice> sendingOffices = new LinkedHashMap<>();
  private final Map<Assembly.Key, Assembly> assemblies = new HashMap<>();
  private final ArrayDeque<Gate> gates = new ArrayDeque<>();
  /** The sources filed here (also before a restart), for drivers that file a source once. */
  private final java.util.Set<String> sources = new java.util.HashSet<>();
  /** The next serial of a telegram forwarded in clear; -1 until the first takes a range. */
  private int clearSerial;
  private int nextOfficeIndex;
  private long now;
  private long lsn;
  private long durable;

  private record Gate(long lsn, Runnable effect) {}

  /** A sending office and the serial range it numbers from. */
  private record SendingOffice(CipherOffice office, int index) {}

  /**
   * Returns a core.
   *
   * @param config the station
   * @param offices where its cipher offices come from
   * @param effects where its effects go
   * @param outcomes where the outcomes of messages go
   * @param metrics its counters
   */
  public StationCore(StationConfig config, Offices offices, StationEffects effects,
      Outcomes outcomes, Metrics metrics) {
    this.config = config;
    this.offices = offices;
    this.effects = effects;
    this.outcomes = outcomes;
    this.metrics = metrics;
    this.sending = new Sending(this, config.retransmit(), config.window());
    this.receiving = new Receiving(this, config, offices);
    this.clearSerial = -1;
  }

  // -------------------------------------------------------------------------------------------
  // Configuration

  /** Returns the station's name. */
  public String name() {
    return config.name();
  }

  /** Returns the metrics. */
  public Metrics metrics() {
    return metrics;
  }

  /** Adds a neighbour this station has a link to. */
  public void addNeighbour(Neighbour n) {
    sending.add(n);
  }

  /**
   * Tells this station how many digits {@code peer} writes its registry numbers with, so that a
   * receipt from it is logged as the peer's register reads ({@code 0100}, not {@code 100}).
   */
  public void peerRegisterWidth(String peer, int width) {
    sending.peerRegisterWidth(peer, width);
  }

  /** Routes messages for {@code addressee} through the neighbour {@code next}. */
  public void route(String addressee, String next) {
    routes.put(addressee, next);
  }

  /** Returns how many telegrams are still waiting for a receipt. */
  public int unacknowledged() {
    return sending.unacknowledged();
  }

  /** Returns how many telegrams wait for a place in their link's window (backpressure). */
  public int waiting() {
    return sending.waiting();
  }

  /** Returns the sequence number of the last journal record written. */
  public long lastWritten() {
    return lsn;
  }

  /** Returns the sequence number up to which the journal is durable, as last reported. */
  public long durable() {
    return durable;
  }

  // -------------------------------------------------------------------------------------------
  // Inputs

  /** Returns true if a message from {@code source} was filed here, also before a restart. */
  public boolean filedBefore(String source) {
    return sources.contains(source);
  }

  void restoreSource(String source) {
    sources.add(source);
  }

  /**
   * Files a message at {@code at}: enciphers it for the next hop toward {@code addressee} and keys
   * each part at its filing time once its record is durable. Returns the message's reference, or
   * null if it could not be enciphered.
   */
  public String file(long at, String message, String source, String addressee) {
    now = at;
    String next = routes.get(addressee);
    if (next == null || !sending.knows(next)) {
      effects.log("problem", addressee, "", "no route to " + addressee);
      return null;
    }
    try {
      Encipherment enc = sendingOffice(next, addressee).encipher(message, source);
      List<Telegram> ts = enc.telegrams();
      String ref = name() + "/" + ts.get(0).serial();
      long filedAt = at; // the instant it was filed (its telegrams show the minute)
      effects.log("filed", addressee, ref, "message " + ref + " for " + addressee + ": "
          + ts.size() + (ts.size() == 1 ? " telegram, " : " telegrams, ")
          + enc.text().size() + " tokens");
      metrics.count("messages-filed");
      outcomes.filed(ref, enc.text().toString(), filedAt);
      List<Outgoing> out = new ArrayList<>(ts.size());
      List<JournalRecord.Sent> sent = new ArrayList<>(ts.size());
      for (Telegram t : ts) {
        Outgoing o = outgoing(next, t, ref, addressee, filedAt);
        out.add(o);
        sent.add(o.record());
      }
      long record = write(new JournalRecord.Filed(ref, source, sent));
      sources.add(source);
      for (Outgoing o : out) {
        gate(record, () -> sending.startAt(o, o.keyAt));
      }
      return ref;
    } catch (MalformedInputException | PadSecurityException | IOException e) {
      effects.log("problem", addressee, "", "cannot encipher " + source + ": " + e.getMessage());
      metrics.count("encipher-failures");
      return null;
    }
  }

  /** A frame from the neighbour {@code from} arrived at {@code at}. */
  public void frame(long at, String from, Frame f) {
    now = at;
    metrics.count("frames-received");
    switch (f.kind()) {
      case RADIOGRAM:
        receiving.onGroups(f, from, null);
        break;
      case REPEATED_GROUPS:
        receiving.onGroups(f, from, f.indexes());
        break;
      case RECEIPT:
        sending.onReceipt(f, from);
        break;
      case REPEAT_REQUEST:
        sending.onRepeatRequest(f, from);
        break;
      default:
        effects.log("service", from, "", from + ": " + f.text());
    }
  }

  /** A timer this core set is due at {@code at}. */
  public void timeout(long at, Timeout t) {
    now = at;
    t.action.run();
  }

  /** The journal is durable up to record {@code upTo}, as of {@code at}. */
  public void committed(long at, long upTo) {
    now = at;
    if (upTo <= durable) {
      return;
    }
    durable = Math.min(upTo, lsn);
    while (!gates.isEmpty() && gates.peekFirst().lsn() <= durable) {
      gates.pollFirst().effect().run();
    }
  }

  /** The link to {@code peer} went down at {@code at}: its telegrams wait for it. */
  public void linkDown(long at, String peer) {
    now = at;
    sending.linkDown(peer);
  }

  /** The link to {@code peer} came up at {@code at}: what is not receipted is keyed again. */
  public void linkUp(long at, String peer) {
    now = at;
    sending.linkUp(peer);
  }

  /**
   * Rebuilds the station from its journal after a restart, before any other input: what it sent
   * and has no receipt for is keyed again, registered telegrams keep their numbers (and are
   * receipted again if they come again), messages whose parts all arrived but that were not
   * completed are completed now, and serials and registry numbers go on after the last used.
   *
   * @param at the time of the restart
   * @param records the durable records, in the order written
   */
  public void recover(long at, List<JournalRecord> records) {
    now = at;
    new Recovery(this).replay(records);
    lsn = records.size();
    durable = lsn;
    sending.resendAll();
    for (Assembly a : new ArrayList<>(assemblies.values())) {
      if (a.complete()) {
        complete(a);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // For the sending half and recovery

  long now() {
    return now;
  }

  StationEffects effects() {
    return effects;
  }

  Outcomes outcomes() {
    return outcomes;
  }

  Sending sending() {
    return sending;
  }

  Receiving receiving() {
    return receiving;
  }

  long write(JournalRecord r) {
    effects.journal(++lsn, r);
    return lsn;
  }

  void gate(long needed, Runnable effect) {
    if (needed <= durable && gates.isEmpty()) {
      effect.run();
    } else {
      gates.addLast(new Gate(needed, effect));
    }
  }

  private long nanosOf(Instant t) {
    return Duration.between(config.epoch(), t).toNanos();
  }

  private Outgoing outgoing(String to, Telegram t, String ref, String addressee, long filedAt) {
    Radiogram r = t.radiogram();
    RadiogramHeader h = RadiogramFrames.header(r, addressee, ref, filedAt);
    Outgoing o = new Outgoing(to, h, r.groupBytes(), this);
    o.keyAt = nanosOf(t.filed().toInstant());
    return sending.put(o);
  }

  private CipherOffice sendingOffice(String to, String addressee) {
    SendingOffice o = sendingOffices.get(to + "/" + addressee);
    if (o == null) {
      int index = nextOfficeIndex++;
      o = new SendingOffice(offices.sending(to, addressee, config.firstSerial() + 10_000 * index),
          index);
      sendingOffices.put(to + "/" + addressee, o);
    }
    return o.office();
  }

  /** Recovery: the office for {@code to}/{@code addressee} numbers on after {@code lastSerial}. */
  void resumeOffice(String to, String addressee, int lastSerial) {
    int index = Math.max(0, (lastSerial - config.firstSerial()) / 10_000);
    sendingOffices.put(to + "/" + addressee,
        new SendingOffice(offices.sending(to, addressee, lastSerial + 1), index));
    nextOfficeIndex = Math.max(nextOfficeIndex, index + 1);
  }

  int registerWidth() {
    return config.registerWidth();
  }

  /** Recovery: the clear serials go on after {@code serial}. */
  void resumeClear(int serial) {
    clearSerial = Math.max(clearSerial, serial + 1);
    nextOfficeIndex = Math.max(nextOfficeIndex, (serial - config.firstSerial()) / 10_000 + 1);
  }

  /** Recovery: a registered part, back into its message's assembly. */
  void restorePart(String from, RadiogramHeader h, int serial, ArchivalCopy copy) {
    Assembly.Key key = new Assembly.Key(from, h.reference(), serial - copy.part() + 1);
    assemblies.computeIfAbsent(key, k -> new Assembly(k, h, copy.parts())).add(copy);
  }

  /** Recovery: a message the journal shows completed. */
  void restoreCompleted(JournalRecord.Completed c) {
    assemblies.remove(new Assembly.Key(c.from(), c.reference(), c.firstSerial()));
  }

  /** Recovery: a telegram the journal shows sent. */
  void restoreSent(JournalRecord.Sent s) {
    sending.put(new Outgoing(s.to(), s.header(), s.groups(), this));
  }

  void assemble(String from, RadiogramHeader h, int serial, ArchivalCopy copy) {
    Assembly.Key akey = new Assembly.Key(from, h.reference(), serial - copy.part() + 1);
    Assembly a = assemblies.computeIfAbsent(akey, k -> new Assembly(k, h, copy.parts()));
    if (!a.add(copy)) {
      effects.log("problem", from, h.reference(), "part " + copy.part()
          + " does not fit message " + h.reference());
      return;
    }
    if (a.complete()) {
      complete(a);
    }
  }

  private void complete(Assembly a) {
    assemblies.remove(a.key);
    RadiogramHeader h = a.header;
    TelegraphText text = a.text();
    if (h.addressee().equals(name())) {
      long at = write(new JournalRecord.Completed(a.key.from(), h.reference(),
          a.key.firstSerial(), List.of()));
      List<String> regs = a.regs;
      String from = a.key.from();
      gate(at, () -> {
        metrics.count("messages-delivered");
        metrics.latency("end-to-end", now - h.filedAt());
        effects.log("delivered", from, h.reference(), "message " + h.reference()
            + " complete: " + regs.size() + (regs.size() == 1 ? " part" : " parts")
            + ", registered " + String.join(", ", regs));
        outcomes.delivered(h.reference(), name(), text.toString(), regs, h.filedAt(), now);
      });
    } else {
      forward(a, text);
    }
  }

  private void forward(Assembly a, TelegraphText text) {
    RadiogramHeader h = a.header;
    String next = routes.get(h.addressee());
    if (next == null || !sending.knows(next)) {
      effects.log("problem", "", h.reference(), "no route to " + h.addressee());
      write(new JournalRecord.Completed(a.key.from(), h.reference(), a.key.firstSerial(),
          List.of()));
      outcomes.notForwarded(h.reference(), name(), h.addressee(), "no route to "
          + h.addressee());
      return;
    }
    List<Outgoing> out = new ArrayList<>();
    if (config.retransmit().forward() == ForwardMode.ARCHIVAL) {
      effects.log("forward", next, h.reference(), "message " + h.reference() + " -> " + next
          + " as the archival decrypt (" + a.parts.length + " copies)");
      for (ArchivalCopy p : a.parts) {
        out.add(clearOutgoing(next, p, h.reference(), h.addressee(), h.filedAt()));
      }
    } else {
      try {
        List<Telegram> ts = sendingOffice(next, h.addressee()).encipher(text, h.reference())
            .telegrams();
        effects.log("forward", next, h.reference(), "message " + h.reference() + " -> " + next
            + " re-enciphered on own pads (" + ts.size()
            + (ts.size() == 1 ? " telegram)" : " telegrams)"));
        for (Telegram t : ts) {
          out.add(outgoing(next, t, h.reference(), h.addressee(), h.filedAt()));
        }
      } catch (MalformedInputException | PadSecurityException | IOException e) {
        effects.log("problem", next, h.reference(), "cannot re-encipher " + h.reference() + ": "
            + e.getMessage());
        write(new JournalRecord.Completed(a.key.from(), h.reference(), a.key.firstSerial(),
            List.of()));
        outcomes.notForwarded(h.reference(), name(), next, e.getMessage());
        return;
      }
    }
    metrics.count("messages-forwarded");
    List<JournalRecord.Sent> sent = new ArrayList<>(out.size());
    for (Outgoing o : out) {
      sent.add(o.record());
    }
    long at = write(new JournalRecord.Completed(a.key.from(), h.reference(), a.key.firstSerial(),
        sent));
    for (Outgoing o : out) {
      gate(at, () -> sending.startAt(o, o.keyAt));
    }
  }

  private Outgoing clearOutgoing(String to, ArchivalCopy copy, String ref, String addressee,
      long filedAt) {
    byte[] text = ClearForm.of(copy).getBytes(StandardCharsets.UTF_8);
    int n = (text.length + WireFormat.GROUP - 1) / WireFormat.GROUP;
    byte[] groups = Arrays.copyOf(text, n * WireFormat.GROUP);
    Arrays.fill(groups, text.length, groups.length, (byte) ' ');
    ZonedDateTime moscow = config.epoch().plusNanos(now).atZone(Station.MOSCOW);
    if (clearSerial < 0) {
      // telegrams forwarded in clear take a serial range of their own, as a sending office does
      clearSerial = config.firstSerial() + 10_000 * nextOfficeIndex++;
    }
    int serial = clearSerial++ % 100_000;
    RadiogramHeader h = new RadiogramHeader(addressee, ref, true, serial, n,
        moscow.getDayOfMonth(), moscow.getHour() * 60 + moscow.getMinute(),
        Precedence.URGENT.ordinal(), filedAt);
    Outgoing o = new Outgoing(to, h, groups, this);
    o.keyAt = now;
    return sending.put(o);
  }
}
