package org.shifrovka.sim.core;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.shifrovka.CipherOffice;
import org.shifrovka.DecipheredPart;
import org.shifrovka.MalformedInputException;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.RadiogramFrames;
import org.shifrovka.sim.codec.RadiogramHeader;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.RegistryNumber;

/**
 * The receiving half of a station core: the group-count check, repeat requests by group number,
 * registration (the pad-indicator alarm, decipherment by the receiving office) and receipts,
 * duplicates receipted again under their first number.
 */
final class Receiving {
  private final StationCore core;
  private final StationConfig config;
  private final Offices offices;
  private final Map<String, CipherOffice> receivingOffices = new HashMap<>();
  private final Map<LinkSerial, Incoming> partial = new HashMap<>();
  /** Telegrams registered, by neighbour and serial: their numbers and journal positions. */
  private final Map<LinkSerial, Registration> completed = new HashMap<>();
  /** The pad indicators (group 1) of the radiograms received from each neighbour. */
  private final Map<String, BitSet> indicators = new HashMap<>();
  private Register register;

  private record Registration(RegistryNumber number, long lsn) {}

  Receiving(StationCore core, StationConfig config, Offices offices) {
    this.core = core;
    this.config = config;
    this.offices = offices;
    this.register = config.register(config.registerBase());
  }

  /** Recovery: a registration from the journal. */
  void restoreRegistration(JournalRecord.Registered r, ArchivalCopy copy) {
    completed.put(new LinkSerial(r.from(), r.serial()),
        new Registration(new RegistryNumber(r.registryNumber(), config.registerWidth()), 0));
    if (r.indicator() >= 0) {
      indicators.computeIfAbsent(r.from(), k -> new BitSet(100_000)).set(r.indicator());
    }
    int next = r.registryNumber() + config.registerStep();
    if (next > register.peek().value()) {
      register = config.register(next);
      receivingOffices.clear();
    }
    if (copy != null) {
      core.restorePart(r.from(), r.header(), r.serial(), copy);
    }
  }

  void onGroups(Frame f, String from, int[] indexes) {
    LinkSerial key = new LinkSerial(from, f.serial());
    Registration reg = completed.get(key);
    if (reg != null) {
      core.metrics().count("duplicates-suppressed");
      core.effects().log("duplicate", from, "", "No. " + f.serial() + " from " + from
          + " again (registered " + reg.number() + "); receipt repeated");
      int attempt = f.attempt();
      core.gate(reg.lsn(), () -> receipt(from, f.serial(), attempt, reg.number().value()));
      return;
    }
    Incoming inc = partial.get(key);
    byte[] g = f.groups();
    int count = g.length / WireFormat.GROUP;
    if (inc == null) {
      if (indexes != null) {
        core.metrics().count("stale-repeats");
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
      requestRepeat(f, from, inc);
      return;
    }
    partial.remove(key);
    accept(inc.header, inc.groups, from, key, f.attempt());
  }

  private void requestRepeat(Frame f, String from, Incoming inc) {
    int[] ask = new int[Math.min(inc.missing, WireFormat.MAX_INDEX)];
    int n = 0;
    for (int i = 0; i < inc.readable.length && n < ask.length; i++) {
      if (!inc.readable[i]) {
        ask[n++] = i + 1;
      }
    }
    int attempt = f.attempt();
    int serial = f.serial();
    Frame rq = Frame.repeatRequest(core.effects().frameId(), attempt, core.now(), from, serial, ask);
    core.sending().key(from, rq, t -> Frame.repeatRequest(rq.frameId(), attempt, t, from, serial, ask));
    core.metrics().count("repeat-requests");
    core.effects().log("request", from, inc.header.reference(), "-> " + from + " repeat No. " + serial
        + " groups " + (n <= 8 ? Arrays.toString(ask) : n + " groups"));
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
    Frame r = Frame.receipt(core.effects().frameId(), attempt, core.now(), from, serial, registryNumber);
    core.sending().key(from, r, t -> Frame.receipt(r.frameId(), attempt, t, from, serial,
        registryNumber));
    core.metrics().count("receipts-sent");
    if (core.effects().logging()) {
      core.effects().log("receipt-sent", from, "", "-> " + from + " R " + serial);
    }
  }

  private void accept(RadiogramHeader h, byte[] groupBytes, String from, LinkSerial key,
      int attempt) {
    int serial = key.serial();
    RegistryNumber reg;
    ArchivalCopy copy = null;
    int indicator = -1;
    if (!h.clear()) {
      Radiogram r = RadiogramFrames.radiogram(h, groupBytes);
      indicator = WireFormat.indicator(groupBytes);
      if (indicator >= 0) {
        BitSet seen = indicators.computeIfAbsent(from, k -> new BitSet(100_000));
        if (seen.get(indicator)) {
          String detail = "ALARM: pad indicator " + new String(groupBytes, 0, WireFormat.GROUP,
              StandardCharsets.US_ASCII) + " from " + from + " seen twice (No. " + serial
              + "): a pad sheet was used twice";
          core.metrics().count("alarms");
          core.effects().log("alarm", from, h.reference(), detail);
          core.outcomes().alarm(core.name(), detail);
        }
        seen.set(indicator);
      }
      CipherOffice office = receivingOffices.computeIfAbsent(from,
          k -> offices.receiving(k, register));
      reg = register.next();
      DecipheredPart d = office.decipherPart(r, reg);
      if (d.copy().isPresent()) {
        copy = d.copy().get();
        reg = copy.registryNumber();
      }
      for (String p : d.problems()) {
        core.effects().log("problem", from, h.reference(), p);
        core.metrics().count("decipher-problems");
      }
    } else {
      reg = register.next();
      String text = new String(groupBytes, StandardCharsets.UTF_8);
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == ' ') {
        end--;
      }
      try {
        copy = ClearForm.parse(text.substring(0, end), from + "/" + serial, reg, core.name(),
            h.addressee());
      } catch (MalformedInputException | RuntimeException e) {
        core.effects().log("problem", from, h.reference(), "clear copy No. " + serial
            + " unreadable: " + e.getMessage());
        core.metrics().count("decipher-problems");
      }
    }
    long at = core.write(new JournalRecord.Registered(from, serial, reg.value(), h, indicator,
        copy == null ? "" : ClearForm.of(copy)));
    completed.put(key, new Registration(reg, at));
    core.metrics().count("registered");
    core.outcomes().registered(core.name(), reg.toString(), h.reference());
    if (core.effects().logging()) {
      core.effects().log("registered", from, h.reference(), "No. " + serial + " from " + from
          + " registered " + reg + (copy != null && copy.parts() > 1 ? " (part " + copy.part()
          + " of " + copy.parts() + ")" : ""));
    }
    int regValue = reg.value();
    core.gate(at, () -> receipt(from, serial, attempt, regValue));
    if (copy != null) {
      core.assemble(from, h, serial, copy);
    }
  }
}
