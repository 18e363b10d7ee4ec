package org.shifrovka.sim.core;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongFunction;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.fault.KeyingTime;
import org.shifrovka.telegram.RegistryNumber;

/**
 * The sending half of a station core: the operator's line to each neighbour, the telegrams waiting
 * for a receipt, retransmission with back-off, answering repeat requests, giving up.
 */
final class Sending {
  private final StationCore core;
  private final RetransmitSettings settings;
  private final Map<String, Neighbour> neighbours = new HashMap<>();
  private final Map<String, Integer> peerRegisterWidths = new HashMap<>();
  private final Map<LinkSerial, Outgoing> outgoing = new HashMap<>();
  /** When the operator's line to each neighbour is free, in a cell. */
  private final Map<String, long[]> lineFree = new HashMap<>();
  private final Map<String, Boolean> down = new HashMap<>();
  private final int window;
  /** Per neighbour: telegrams with a place in the window, in a cell. */
  private final Map<String, int[]> inFlight = new HashMap<>();
  /** Per neighbour: telegrams waiting for a place, in filing order. */
  private final Map<String, ArrayDeque<Outgoing>> waiting = new HashMap<>();

  Sending(StationCore core, RetransmitSettings settings, int window) {
    this.core = core;
    this.settings = settings;
    this.window = window;
  }

  void add(Neighbour n) {
    neighbours.put(n.name(), n);
  }

  boolean knows(String neighbour) {
    return neighbours.containsKey(neighbour);
  }

  void peerRegisterWidth(String peer, int width) {
    peerRegisterWidths.put(peer, width);
  }

  int unacknowledged() {
    return outgoing.size();
  }

  /** Takes a telegram to send; its first transmission is at {@code at} (not before now). */
  Outgoing put(Outgoing o) {
    outgoing.put(new LinkSerial(o.to, o.serial), o);
    return o;
  }

  /** Keys {@code o} first at {@code at} (not before now), once it has a place in the window. */
  void startAt(Outgoing o, long at) {
    o.startAt = at;
    if (window == StationConfig.UNLIMITED) {
      core.effects().setTimer(Math.max(at, core.now()), o.transmit);
      return;
    }
    int[] n = inFlight.computeIfAbsent(o.to, k -> new int[1]);
    if (n[0] < window) {
      n[0]++;
      o.started = true;
      core.effects().setTimer(Math.max(at, core.now()), o.transmit);
    } else {
      waiting.computeIfAbsent(o.to, k -> new ArrayDeque<>()).addLast(o);
    }
  }

  /** A telegram is done (receipted or given up): its place goes to the next waiting. */
  private void finished(Outgoing o) {
    if (!o.started) {
      return;
    }
    o.started = false;
    inFlight.get(o.to)[0]--;
    ArrayDeque<Outgoing> q = waiting.get(o.to);
    Outgoing next;
    while (q != null && (next = q.pollFirst()) != null) {
      if (!next.done) {
        startAt(next, next.startAt);
        return;
      }
    }
  }

  /** Returns how many telegrams wait for a place in a window. */
  int waiting() {
    int n = 0;
    for (ArrayDeque<Outgoing> q : waiting.values()) {
      n += q.size();
    }
    return n;
  }

  /**
   * Keys a frame when the operator's line to {@code to} is free: one frame at a time, each for its
   * Morse keying time. Returns the time the keying ends.
   */
  long key(String to, Frame f, LongFunction<Frame> restamp) {
    Neighbour n = neighbours.get(to);
    long keying = KeyingTime.nanos(f, n.wpm());
    long[] free = lineFree.computeIfAbsent(to, k -> new long[1]);
    long now = core.now();
    long start = Math.max(now, free[0]);
    free[0] = start + keying;
    if (start == now) {
      core.effects().transmit(to, f);
    } else {
      core.effects().setTimer(start, new Timeout(
          () -> core.effects().transmit(to, restamp.apply(core.now()))));
    }
    return start + keying;
  }

  void transmit(Outgoing o) {
    if (o.done) {
      return;
    }
    if (Boolean.TRUE.equals(down.get(o.to))) {
      o.parked = true;
      return;
    }
    if (++o.attempts > settings.maxAttempts()) {
      giveUp(o);
      return;
    }
    long now = core.now();
    String name = core.name();
    if (o.attempts == 1) {
      o.firstSent = now;
    } else {
      core.metrics().count("retransmissions");
    }
    int attempt = o.attempts;
    Frame f = o.sent == null
        ? Frame.radiogram(core.effects().frameId(), attempt, now, name, o.serial, o.header,
            o.groups)
        : o.sent.withHop(core.effects().frameId(), attempt, now, name, o.serial);
    o.sent = f;
    long end = key(o.to, f, t -> f.withHop(f.frameId(), attempt, t, name, o.serial));
    core.metrics().count("radiograms-sent");
    if (core.effects().logging()) {
      core.effects().log("send", o.to, o.header.reference(), "-> " + o.to
          + (o.header.clear() ? " clear" : "") + " radiogram No. " + o.serial + " ("
          + o.header.declaredGroups() + " groups), attempt " + o.attempts);
    }
    arm(o, end);
  }

  private void arm(Outgoing o, long keyedUntil) {
    if (o.timer != null) {
      o.timer.cancel();
    }
    long base = settings.timeout().toNanos() + 2 * neighbours.get(o.to).nominalLatencyNanos();
    double factor = Math.min(16, Math.pow(settings.backoff(), o.attempts - 1));
    o.timer = core.effects().setTimer(keyedUntil + (long) (base * factor), new Timeout(() -> {
      o.timer = null;
      if (!o.done) {
        core.effects().log("timeout", o.to, o.header.reference(), "no receipt for No. "
            + o.serial + " from " + o.to + " after attempt " + o.attempts);
        transmit(o);
      }
    }));
  }

  private void giveUp(Outgoing o) {
    o.done = true;
    finished(o);
    outgoing.remove(new LinkSerial(o.to, o.serial));
    core.write(new JournalRecord.GaveUp(o.to, o.serial));
    core.metrics().count("undeliverable");
    core.effects().log("undeliverable", o.to, o.header.reference(), "No. " + o.serial + " to "
        + o.to + " given up after " + (o.attempts - 1) + " attempts");
    core.outcomes().undeliverable(o.header.reference(), core.name(), o.to, o.serial,
        o.attempts - 1);
  }

  void onReceipt(Frame f, String from) {
    Outgoing o = outgoing.remove(new LinkSerial(from, f.serial()));
    if (o == null || o.done || !f.origin().equals(core.name())) {
      if (o != null) {
        outgoing.put(new LinkSerial(from, f.serial()), o);
      }
      core.metrics().count("stale-receipts");
      return;
    }
    o.done = true;
    if (o.timer != null) {
      o.timer.cancel();
    }
    finished(o);
    core.write(new JournalRecord.Acknowledged(from, o.serial));
    core.metrics().count("receipts");
    core.metrics().latency("hop-to-" + from, core.now() - o.firstSent);
    if (core.effects().logging()) {
      core.effects().log("receipt", from, o.header.reference(), "<- " + from + " R " + o.serial
          + " (registered " + new RegistryNumber(f.registryNumber(),
              peerRegisterWidths.getOrDefault(from, 1)) + "), after " + o.attempts
          + (o.attempts == 1 ? " attempt" : " attempts"));
    }
  }

  void onRepeatRequest(Frame f, String from) {
    Outgoing o = outgoing.get(new LinkSerial(from, f.serial()));
    if (o == null || o.done || !f.origin().equals(core.name())) {
      core.metrics().count("stale-requests");
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
    String name = core.name();
    Frame rf = Frame.repeatedGroups(core.effects().frameId(), attempt, core.now(), name,
        o.serial, ix, g);
    long end = key(o.to, rf, t -> Frame.repeatedGroups(rf.frameId(), attempt, t, name,
        o.serial, ix, g));
    core.metrics().count("groups-repeated");
    core.effects().log("repeat", from, o.header.reference(), "-> " + from + " No. " + o.serial
        + " groups " + (n <= 8 ? Arrays.toString(ix) : n + " groups") + ", attempt "
        + o.attempts);
    arm(o, end);
  }

  /** A link went down: telegrams for it wait instead of spending their attempts. */
  void linkDown(String peer) {
    down.put(peer, true);
  }

  /** A link came up: what waited for it, and what is not yet receipted, is keyed again now. */
  void linkUp(String peer) {
    down.remove(peer);
    for (Outgoing o : outgoing.values().toArray(new Outgoing[0])) {
      if (o.to.equals(peer) && !o.done && (o.parked || o.attempts > 0)) {
        o.parked = false;
        if (o.timer != null) {
          o.timer.cancel();
          o.timer = null;
        }
        if (o.attempts > 0) {
          o.attempts--; // a reconnect is not a failed attempt
        }
        transmit(o);
      }
    }
  }

  /** Removes a telegram the journal shows receipted or given up (recovery). */
  void forget(String to, int serial) {
    outgoing.remove(new LinkSerial(to, serial));
  }

  /** Keys, now, every telegram that waits for a receipt (after recovery). */
  void resendAll() {
    for (Outgoing o : outgoing.values().toArray(new Outgoing[0])) {
      startAt(o, core.now());
    }
  }
}
