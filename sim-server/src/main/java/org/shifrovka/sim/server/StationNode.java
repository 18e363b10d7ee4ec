package org.shifrovka.sim.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shifrovka.CipherOffice;
import org.shifrovka.DecipheredPart;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.ClosingLine;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.RegistryNumber;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.TelegraphText;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.RadiogramFrames;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.fault.KeyingTime;
import org.shifrovka.sim.observe.EventLog;
import org.shifrovka.sim.observe.Metrics;

/**
 * One station's operators and cipher office: the reliable hop protocol and the office semantics.
 *
 * <p>Sending: each telegram is keyed at its filing time; without a receipt it is sent again after a
 * timeout that grows by {@code backoff} each attempt, and after {@code maxAttempts} it is reported
 * undeliverable. A repeat request is answered with the groups asked for. Receiving: the operator
 * checks the group count and the unreadable groups, asks for those by index, and once the telegram
 * is complete registers it under the office's next registry number and gives a receipt by number.
 * A telegram seen again (same sender and serial) is not registered twice; its receipt is repeated.
 * A relay deciphers each telegram with the field pads (raising an alarm if an indicator comes twice),
 * reassembles multi-part messages and forwards them toward the addressee, re-enciphered or as the
 * archival decrypt; the addressee reassembles and delivers.
 *
 * <h2>Thread safety</h2>
 *
 * Confined to the simulation's executor.
 */
public final class StationNode {
  /**
   * Protocol settings shared by the stations of a run.
   *
   * @param timeout the retransmission timeout beyond twice the nominal link latency
   * @param backoff the factor the timeout grows by per attempt
   * @param maxAttempts transmissions (full or repeated groups) before giving up
   * @param forward how relays forward
   */
  public record Settings(Duration timeout, double backoff, int maxAttempts, ForwardMode forward) {
    /** Validates. */
    public Settings {
      Objects.requireNonNull(timeout, "timeout");
      Objects.requireNonNull(forward, "forward");
      if (timeout.isNegative() || timeout.isZero() || backoff < 1 || maxAttempts < 1
          || maxAttempts > 255) {
        throw new IllegalArgumentException("retransmit needs timeout > 0, backoff >= 1 and 1-255"
            + " attempts, got " + timeout + ", " + backoff + ", " + maxAttempts);
      }
    }
  }

  private final Station station;
  private final Role role;
  private final Register register;
  private final SimKernel kernel;
  private final SimClock clock;
  private final EventLog log;
  private final Metrics metrics;
  private final Outcomes outcomes;
  private final Settings settings;
  private final Offices offices;
  private final Map<String, Hop> hops = new HashMap<>();
  private final Map<String, String> routes = new HashMap<>();
  private final Map<Serial, Outgoing> outgoing = new HashMap<>();
  private final Map<Serial, Incoming> partial = new HashMap<>();
  /** Telegrams received whole, by neighbour and serial: their registry numbers. */
  private final Map<Serial, RegistryNumber> completed = new HashMap<>();
  private final Map<String, Integer> peerRegisterWidths = new HashMap<>();
  /** The pad indicators (group 1) of the radiograms received from each neighbour. */
  private final Map<String, BitSet> indicators = new HashMap<>();
  private final Map<AssemblyKey, Assembly> assemblies = new HashMap<>();
  /** When the operator's line to each neighbour is free: simulated nanoseconds, in a cell. */
  private final Map<String, long[]> lineFree = new HashMap<>();
  private int clearSerial;

  /**
   * Returns a station.
   *
   * @param station the station
   * @param role its role
   * @param register its office's register (shared by all its receiving offices)
   * @param firstClearSerial the first serial of telegrams it forwards in clear
   * @param kernel the simulation
   * @param clock the simulated clock
   * @param log the event log
   * @param metrics its counters
   * @param outcomes where outcomes go
   * @param settings protocol settings
   * @param offices its cipher offices
   */
  public StationNode(Station station, Role role, Register register, int firstClearSerial,
      SimKernel kernel, SimClock clock, EventLog log, Metrics metrics, Outcomes outcomes,
      Settings settings, Offices offices) {
    this.station = station;
    this.role = role;
    this.register = register;
    this.clearSerial = firstClearSerial;
    this.kernel = kernel;
    this.clock = clock;
    this.log = log;
    this.metrics = metrics;
    this.outcomes = outcomes;
    this.settings = settings;
    this.offices = offices;
  }

  /** Returns the station's name. */
  public String name() {
    return station.name();
  }

  /** Returns the role. */
  public Role role() {
    return role;
  }

  /** Returns the metrics. */
  public Metrics metrics() {
    return metrics;
  }

  /** Adds an outgoing link. */
  public void addHop(Hop hop) {
    hops.put(hop.to(), hop);
  }

  /**
   * Tells this station how many digits {@code peer} writes its registry numbers with, so that a
   * receipt from it is logged as the peer's register reads ({@code 0100}, not {@code 100}).
   */
  public void peerRegisterWidth(String peer, int width) {
    peerRegisterWidths.put(peer, width);
  }

  /** Routes messages for {@code addressee} through the neighbour {@code next}. */
  public void route(String addressee, String next) {
    routes.put(addressee, next);
  }

  /** Returns a receiver for frames that come from {@code from}. */
  public SimKernel.Receiver receiverFrom(String from) {
    return f -> onFrame(f, from);
  }

  /** Returns how many telegrams are still waiting for a receipt. */
  public int unacknowledged() {
    return outgoing.size();
  }

  // -------------------------------------------------------------------------------------------
  // Filing and sending

  /**
   * Files a message now: enciphers it for the next hop toward {@code addressee} and keys each part
   * at its filing time. Returns the message's reference, or null if it could not be enciphered.
   */
  public String file(String message, String source, String addressee) {
    String next = routes.get(addressee);
    if (next == null) {
      log.add(kernel.now(), name(), "problem", addressee, "", "no route to " + addressee);
      return null;
    }
    try {
      Encipherment enc = offices.sending(next, addressee).encipher(message, source);
      List<Telegram> ts = enc.telegrams();
      String ref = name() + "/" + ts.get(0).serial();
      long filedAt = clock.nanosOf(ts.get(0).filed().toInstant());
      log.add(kernel.now(), name(), "filed", addressee, ref, "message " + ref + " for " + addressee
          + ": " + ts.size() + (ts.size() == 1 ? " telegram, " : " telegrams, ")
          + enc.text().size() + " tokens");
      metrics.count("messages-filed");
      outcomes.filed(ref, enc.text().toString(), filedAt);
      for (Telegram t : ts) {
        sendTelegram(hops.get(next), t, ref, addressee, filedAt);
      }
      return ref;
    } catch (MalformedInputException | PadSecurityException | IOException e) {
      log.add(kernel.now(), name(), "problem", addressee, "", "cannot encipher " + source + ": "
          + e.getMessage());
      metrics.count("encipher-failures");
      return null;
    }
  }

  private void sendTelegram(Hop hop, Telegram t, String ref, String addressee, long filedAt) {
    Radiogram r = t.radiogram();
    byte[] groups = r.groupBytes();
    RadiogramHeader h = RadiogramFrames.header(r, addressee, ref, filedAt);
    long at = Math.max(kernel.now(), clock.nanosOf(t.filed().toInstant()));
    Outgoing o = new Outgoing(hop, r.number(), h, groups);
    outgoing.put(new Serial(hop.to(), o.serial), o);
    kernel.schedule(at, () -> transmit(o));
  }

  private void sendClear(Hop hop, ArchivalCopy copy, String ref, String addressee, long filedAt) {
    byte[] text = clearForm(copy).getBytes(StandardCharsets.UTF_8);
    int n = (text.length + WireFormat.GROUP - 1) / WireFormat.GROUP;
    byte[] groups = Arrays.copyOf(text, n * WireFormat.GROUP);
    Arrays.fill(groups, text.length, groups.length, (byte) ' ');
    ZonedDateTime moscow = clock.instant().atZone(Station.MOSCOW);
    int serial = clearSerial++ % 100_000;
    RadiogramHeader h = new RadiogramHeader(addressee, ref, true, serial, n,
        moscow.getDayOfMonth(), moscow.getHour() * 60 + moscow.getMinute(),
        Precedence.URGENT.ordinal(), filedAt);
    Outgoing o = new Outgoing(hop, serial, h, groups);
    outgoing.put(new Serial(hop.to(), serial), o);
    kernel.schedule(kernel.now(), () -> transmit(o));
  }

  /**
   * Keys a frame when the operator's line to {@code hop} is free: one frame at a time, each for
   * its Morse keying time. Returns the simulated time the keying ends.
   */
  private long key(Hop hop, Frame f, java.util.function.LongFunction<Frame> restamp) {
    long keying = KeyingTime.nanos(f, hop.model().spec().wpm());
    long[] free = lineFree.computeIfAbsent(hop.to(), k -> new long[1]);
    long start = Math.max(kernel.now(), free[0]);
    free[0] = start + keying;
    if (start == kernel.now()) {
      hop.send(f);
    } else {
      kernel.schedule(start, () -> hop.send(restamp.apply(kernel.now())));
    }
    return start + keying;
  }

  private void transmit(Outgoing o) {
    if (o.done) {
      return;
    }
    if (++o.attempts > settings.maxAttempts()) {
      giveUp(o);
      return;
    }
    if (o.attempts == 1) {
      o.firstSent = kernel.now();
    } else {
      metrics.count("retransmissions");
    }
    int attempt = o.attempts;
    // every attempt and restamp shares the groups of the first frame (Frame.withHop)
    Frame f = o.sent == null
        ? Frame.radiogram(kernel.nextId(), attempt, kernel.now(), name(), o.serial, o.header,
            o.groups)
        : o.sent.withHop(kernel.nextId(), attempt, kernel.now(), name(), o.serial);
    o.sent = f;
    long end = key(o.hop, f, t -> f.withHop(f.frameId(), attempt, t, name(), o.serial));
    metrics.count("radiograms-sent");
    log.add(kernel.now(), name(), "send", o.hop.to(), o.header.reference(), "-> " + o.hop.to()
        + (o.header.clear() ? " clear" : "") + " radiogram No. " + o.serial + " ("
        + o.header.declaredGroups() + " groups), attempt " + o.attempts);
    arm(o, end);
  }

  private void arm(Outgoing o, long keyedUntil) {
    if (o.timer != null) {
      o.timer.cancel();
    }
    long base = settings.timeout().toNanos() + 2 * o.hop.model().nominalLatency(0);
    double factor = Math.min(16, Math.pow(settings.backoff(), o.attempts - 1));
    o.timer = kernel.schedule(keyedUntil + (long) (base * factor), () -> {
      o.timer = null;
      if (!o.done) {
        log.add(kernel.now(), name(), "timeout", o.hop.to(), o.header.reference(),
            "no receipt for No. " + o.serial + " from " + o.hop.to() + " after attempt "
            + o.attempts);
        transmit(o);
      }
    });
  }

  private void giveUp(Outgoing o) {
    o.done = true;
    outgoing.remove(new Serial(o.hop.to(), o.serial));
    metrics.count("undeliverable");
    log.add(kernel.now(), name(), "undeliverable", o.hop.to(), o.header.reference(),
        "No. " + o.serial + " to " + o.hop.to() + " given up after " + (o.attempts - 1)
        + " attempts");
    outcomes.undeliverable(o.header.reference(), name(), o.hop.to(), o.serial, o.attempts - 1);
  }

  // -------------------------------------------------------------------------------------------
  // Receiving

  void onFrame(Frame f, String from) {
    metrics.count("frames-received");
    switch (f.kind()) {
      case RADIOGRAM:
        onGroups(f, from, null);
        break;
      case REPEATED_GROUPS:
        onGroups(f, from, f.indexes());
        break;
      case RECEIPT:
        onReceipt(f, from);
        break;
      case REPEAT_REQUEST:
        onRepeatRequest(f, from);
        break;
      default:
        log.add(kernel.now(), name(), "service", from, "", from + ": " + f.text());
    }
  }

  private void onReceipt(Frame f, String from) {
    Outgoing o = outgoing.remove(new Serial(from, f.serial()));
    if (o == null || o.done || !f.origin().equals(name())) {
      metrics.count("stale-receipts");
      return;
    }
    o.done = true;
    if (o.timer != null) {
      o.timer.cancel();
    }
    metrics.count("receipts");
    metrics.latency("hop-to-" + from, kernel.now() - o.firstSent);
    log.add(kernel.now(), name(), "receipt", from, o.header.reference(), "<- " + from + " R "
        + o.serial + " (registered " + new RegistryNumber(f.registryNumber(),
            peerRegisterWidths.getOrDefault(from, 1)) + "), after " + o.attempts
        + (o.attempts == 1 ? " attempt" : " attempts"));
  }

  private void onRepeatRequest(Frame f, String from) {
    Outgoing o = outgoing.get(new Serial(from, f.serial()));
    if (o == null || o.done || !f.origin().equals(name())) {
      metrics.count("stale-requests");
      return;
    }
    if (++o.attempts > settings.maxAttempts()) {
      giveUp(o);
      return;
    }
    int[] asked = f.indexes();
    int n = 0;
    for (int i : asked) {
      if (i <= o.groups.length / WireFormat.GROUP) {
        asked[n++] = i;
      }
    }
    int[] ix = Arrays.copyOf(asked, n);
    byte[] g = new byte[n * WireFormat.GROUP];
    for (int k = 0; k < n; k++) {
      System.arraycopy(o.groups, (ix[k] - 1) * WireFormat.GROUP, g, k * WireFormat.GROUP,
          WireFormat.GROUP);
    }
    int attempt = o.attempts;
    Frame rf = Frame.repeatedGroups(kernel.nextId(), attempt, kernel.now(), name(), o.serial, ix,
        g);
    long end = key(o.hop, rf, t -> Frame.repeatedGroups(rf.frameId(), attempt, t, name(),
        o.serial, ix, g));
    metrics.count("groups-repeated");
    log.add(kernel.now(), name(), "repeat", from, o.header.reference(), "-> " + from
        + " No. " + o.serial + " groups " + (n <= 8 ? Arrays.toString(ix) : n + " groups")
        + ", attempt " + o.attempts);
    arm(o, end);
  }

  private void onGroups(Frame f, String from, int[] indexes) {
    Serial key = new Serial(from, f.serial());
    RegistryNumber reg = completed.get(key);
    if (reg != null) {
      metrics.count("duplicates-suppressed");
      log.add(kernel.now(), name(), "duplicate", from, "", "No. " + f.serial() + " from " + from
          + " again (registered " + reg + "); receipt repeated");
      receipt(from, f.serial(), f.attempt(), reg.value());
      return;
    }
    Incoming inc = partial.get(key);
    byte[] g = f.groups();
    int count = g.length / WireFormat.GROUP;
    if (inc == null) {
      if (indexes != null) {
        metrics.count("stale-repeats");
        return;
      }
      if (count == f.header().declaredGroups() && readable(g, 0, count)) {
        // the usual case: the whole radiogram came readable at the first attempt
        accept(f.header(), g, from, key, f.attempt());
        return;
      }
      inc = new Incoming(f.header());
      partial.put(key, inc);
    }
    for (int k = 0; k < count; k++) {
      int index = indexes == null ? k + 1 : indexes[k];
      if (index > inc.readable.length || inc.readable[index - 1] || !readable(g, k, 1)) {
        continue;
      }
      System.arraycopy(g, k * WireFormat.GROUP, inc.groups, (index - 1) * WireFormat.GROUP,
          WireFormat.GROUP);
      inc.readable[index - 1] = true;
      inc.missing--;
    }
    if (inc.missing > 0) {
      int[] ask = new int[Math.min(inc.missing, WireFormat.MAX_INDEX)];
      int n = 0;
      for (int i = 0; i < inc.readable.length && n < ask.length; i++) {
        if (!inc.readable[i]) {
          ask[n++] = i + 1;
        }
      }
      Frame rq = Frame.repeatRequest(kernel.nextId(), f.attempt(), kernel.now(), from, f.serial(),
          ask);
      key(hops.get(from), rq, t -> Frame.repeatRequest(rq.frameId(), f.attempt(), t, from,
          f.serial(), ask));
      metrics.count("repeat-requests");
      log.add(kernel.now(), name(), "request", from, inc.header.reference(), "-> " + from
          + " repeat No. " + f.serial() + " groups " + (n <= 8 ? Arrays.toString(ask)
          : n + " groups"));
      return;
    }
    partial.remove(key);
    accept(inc.header, inc.groups, from, key, f.attempt());
  }

  /**
   * The pad indicator of a radiogram, its first group read as a number; -1 if it is garbled or
   * missing (a garbled indicator names no sheet, so it raises no alarm).
   */
  private static int indicator(byte[] groups) {
    if (groups.length < WireFormat.GROUP) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < WireFormat.GROUP; i++) {
      int d = groups[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Whether groups {@code k} to {@code k + n - 1} (from 0) of {@code g} are all readable. */
  private static boolean readable(byte[] g, int k, int n) {
    for (int i = k * WireFormat.GROUP, end = (k + n) * WireFormat.GROUP; i < end; i++) {
      if (g[i] == WireFormat.UNREADABLE) {
        return false;
      }
    }
    return true;
  }

  private void receipt(String from, int serial, int attempt, int registryNumber) {
    Frame r = Frame.receipt(kernel.nextId(), attempt, kernel.now(), from, serial, registryNumber);
    key(hops.get(from), r, t -> Frame.receipt(r.frameId(), attempt, t, from, serial,
        registryNumber));
    metrics.count("receipts-sent");
    log.add(kernel.now(), name(), "receipt-sent", from, "", "-> " + from + " R " + serial);
  }

  private void accept(RadiogramHeader h, byte[] groupBytes, String from, Serial key,
      int attempt) {
    int serial = key.serial();
    RegistryNumber reg;
    ArchivalCopy copy = null;
    if (!h.clear()) {
      Radiogram r = RadiogramFrames.radiogram(h, groupBytes);
      int indicator = indicator(groupBytes);
      if (indicator >= 0) {
        BitSet seen = indicators.computeIfAbsent(from, k -> new BitSet(100_000));
        if (seen.get(indicator)) {
          String detail = "ALARM: pad indicator " + new String(groupBytes, 0, WireFormat.GROUP,
              StandardCharsets.US_ASCII) + " from " + from + " seen twice (No. " + serial
              + "): a pad sheet was used twice";
          metrics.count("alarms");
          log.add(kernel.now(), name(), "alarm", from, h.reference(), detail);
          outcomes.alarm(name(), detail);
        }
        seen.set(indicator);
      }
      CipherOffice office = offices.receiving(from);
      reg = register.peek();
      DecipheredPart d = office.decipherPart(r);
      if (d.copy().isPresent()) {
        copy = d.copy().get();
        reg = copy.registryNumber();
      }
      for (String p : d.problems()) {
        log.add(kernel.now(), name(), "problem", from, h.reference(), p);
        metrics.count("decipher-problems");
      }
    } else {
      reg = register.next();
      String text = new String(groupBytes, StandardCharsets.UTF_8);
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == ' ') {
        end--;
      }
      try {
        copy = fromClearForm(text.substring(0, end), from + "/" + serial, reg, name(),
            h.addressee());
      } catch (MalformedInputException | RuntimeException e) {
        log.add(kernel.now(), name(), "problem", from, h.reference(), "clear copy No. " + serial
            + " unreadable: " + e.getMessage());
        metrics.count("decipher-problems");
      }
    }
    completed.put(key, reg);
    metrics.count("registered");
    outcomes.registered(name(), reg.toString(), h.reference());
    log.add(kernel.now(), name(), "registered", from, h.reference(), "No. " + serial + " from "
        + from + " registered " + reg + (copy != null && copy.parts() > 1 ? " (part "
        + copy.part() + " of " + copy.parts() + ")" : ""));
    receipt(from, serial, attempt, reg.value());
    if (copy != null) {
      assemble(from, h, serial, copy);
    }
  }

  private void assemble(String from, RadiogramHeader h, int serial, ArchivalCopy copy) {
    AssemblyKey akey = new AssemblyKey(from, h.reference(), serial - copy.part() + 1);
    Assembly a = assemblies.computeIfAbsent(akey, k -> new Assembly(copy.parts()));
    ArchivalCopy[] parts = a.parts;
    List<String> regs = a.regs;
    if (copy.part() > parts.length || parts[copy.part() - 1] != null) {
      log.add(kernel.now(), name(), "problem", from, h.reference(), "part " + copy.part()
          + " does not fit message " + h.reference());
      return;
    }
    parts[copy.part() - 1] = copy;
    regs.add(copy.registryNumber().toString());
    for (ArchivalCopy p : parts) {
      if (p == null) {
        return;
      }
    }
    assemblies.remove(akey);
    List<TelegraphText> texts = new ArrayList<>();
    for (ArchivalCopy p : parts) {
      texts.add(p.text());
    }
    TelegraphText text = TelegraphText.concat(texts);
    if (h.addressee().equals(name())) {
      metrics.count("messages-delivered");
      metrics.latency("end-to-end", kernel.now() - h.filedAt());
      log.add(kernel.now(), name(), "delivered", from, h.reference(), "message "
          + h.reference() + " complete: " + parts.length + (parts.length == 1 ? " part" : " parts")
          + ", registered " + String.join(", ", regs));
      outcomes.delivered(h.reference(), name(), text.toString(), regs, h.filedAt(),
          kernel.now());
    } else {
      forward(h, text, parts);
    }
  }

  private void forward(RadiogramHeader h, TelegraphText text, ArchivalCopy[] parts) {
    String next = routes.get(h.addressee());
    Hop hop = next == null ? null : hops.get(next);
    if (hop == null) {
      log.add(kernel.now(), name(), "problem", "", h.reference(), "no route to " + h.addressee());
      outcomes.undeliverable(h.reference(), name(), h.addressee(), 0, 0);
      return;
    }
    metrics.count("messages-forwarded");
    if (settings.forward() == ForwardMode.ARCHIVAL) {
      log.add(kernel.now(), name(), "forward", next, h.reference(), "message " + h.reference()
          + " -> " + next + " as the archival decrypt (" + parts.length + " copies)");
      for (ArchivalCopy p : parts) {
        sendClear(hop, p, h.reference(), h.addressee(), h.filedAt());
      }
      return;
    }
    try {
      List<Telegram> ts = offices.sending(next, h.addressee()).encipher(text, h.reference())
          .telegrams();
      log.add(kernel.now(), name(), "forward", next, h.reference(), "message " + h.reference()
          + " -> " + next + " re-enciphered on own pads (" + ts.size()
          + (ts.size() == 1 ? " telegram)" : " telegrams)"));
      for (Telegram t : ts) {
        sendTelegram(hop, t, h.reference(), h.addressee(), h.filedAt());
      }
    } catch (MalformedInputException | PadSecurityException | IOException e) {
      log.add(kernel.now(), name(), "problem", next, h.reference(), "cannot re-encipher "
          + h.reference() + ": " + e.getMessage());
      outcomes.undeliverable(h.reference(), name(), next, 0, 0);
    }
  }


  /**
   * The clear form of an archival copy on the air: {@code PART k OF n}, the closing line, then
   * the canonical tokens, a space between words and a line feed for each paragraph break. (The
   * typeset {@link ArchivalCopy#render()} cannot hold a part that begins with a paragraph break.)
   */
  static String clearForm(ArchivalCopy copy) {
    StringBuilder sb = new StringBuilder(copy.text().size() * 7 + 64);
    sb.append("PART ").append(copy.part()).append(" OF ").append(copy.parts()).append('\n')
        .append(copy.closingLine().render()).append('\n');
    boolean space = false;
    for (String t : copy.text().tokens()) {
      if (t.equals(TelegraphText.PARAGRAPH)) {
        sb.append('\n');
        space = false;
      } else {
        if (space) {
          sb.append(' ');
        }
        sb.append(t);
        space = true;
      }
    }
    return sb.toString();
  }

  /** Reads {@link #clearForm} back as the receiving office's archival copy. */
  static ArchivalCopy fromClearForm(String form, String source, RegistryNumber reg,
      String recipient, String addressee) throws MalformedInputException {
    int l1 = form.indexOf('\n');
    int l2 = l1 < 0 ? -1 : form.indexOf('\n', l1 + 1);
    if (l2 < 0 || !form.startsWith("PART ")) {
      throw new MalformedInputException(source, 1, 1, "expected \"PART k OF n\" and a closing"
          + " line");
    }
    String[] p = form.substring(0, l1).split(" ");
    if (p.length != 4 || !p[2].equals("OF")) {
      throw new MalformedInputException(source, 1, 1, "expected \"PART k OF n\"");
    }
    ClosingLine closing = ClosingLine.parse(form.substring(l1 + 1, l2), source, 2);
    List<String> tokens = new ArrayList<>();
    int i = l2 + 1;
    int start = i;
    for (; i <= form.length(); i++) {
      char c = i == form.length() ? ' ' : form.charAt(i);
      if (c == ' ' || c == '\n') {
        if (i > start) {
          tokens.add(form.substring(start, i));
        }
        if (c == '\n') {
          tokens.add(TelegraphText.PARAGRAPH);
        }
        start = i + 1;
      }
    }
    try {
      return new ArchivalCopy(reg, recipient, java.util.Optional.of(addressee),
          Integer.parseInt(p[1]), Integer.parseInt(p[3]), TelegraphText.of(tokens), closing);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(source, 1, 1, e.getMessage());
    }
  }

  private static final class Outgoing {
    final Hop hop;
    final int serial;
    final RadiogramHeader header;
    final byte[] groups;
    Frame sent;
    int attempts;
    long firstSent;
    boolean done;
    SimKernel.Timer timer;

    Outgoing(Hop hop, int serial, RadiogramHeader header, byte[] groups) {
      this.hop = hop;
      this.serial = serial;
      this.header = header;
      this.groups = groups;
    }
  }

  /** A telegram on one link: the neighbour's name and the telegram's serial. */
  private record Serial(String station, int serial) {}

  /** A message being reassembled: from whom, its reference and the serial of its first part. */
  private record AssemblyKey(String from, String reference, int firstSerial) {}

  /** The parts of a message received so far, and their registry numbers in order received. */
  private static final class Assembly {
    final ArchivalCopy[] parts;
    final List<String> regs;

    Assembly(int parts) {
      this.parts = new ArchivalCopy[parts];
      this.regs = new ArrayList<>(parts);
    }
  }

  private static final class Incoming {
    final RadiogramHeader header;
    final byte[] groups;
    final boolean[] readable;
    int missing;

    Incoming(RadiogramHeader header) {
      this.header = header;
      this.groups = new byte[header.declaredGroups() * WireFormat.GROUP];
      Arrays.fill(groups, WireFormat.UNREADABLE);
      this.readable = new boolean[header.declaredGroups()];
      this.missing = header.declaredGroups();
    }
  }
}
