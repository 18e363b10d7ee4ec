package org.shifrovka.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.Telegram;

/**
 * The inputs the benchmarks share: the 1949 scenario's codebook and message, and cipher offices
 * configured like {@link Scenario1949#terebinOffice} and {@link Scenario1949#moscowOffice} but on a
 * pad book the benchmark chooses (the scenario's own book has only 40 sheets, enough for two
 * messages).
 */
final class Fixtures {
  /** The source label passed with the message, as the scenario does. */
  static final String SOURCE = "mao-to-filippov-1949-01-12.txt";

  /** The standard scenario (seed 1949): its codebook is the one every benchmark codes with. */
  static final Scenario1949 SCENARIO = Scenario1949.standard();

  /** Groups per pad sheet, as in the scenario. */
  static final int GROUPS_PER_SHEET = 60;

  private Fixtures() {}

  /** Returns Mao's message of 12 January 1949 (5,039 characters, all ASCII). */
  static String message() {
    return Scenario1949.message();
  }

  /** Returns the number of pad sheets one encipherment of the message takes (15 with seed 1949). */
  static int sheetsPerMessage() {
    Encipherment e = encipher(SCENARIO.terebinOffice(PadLedger.inMemory(
        Scenario1949.filingClock())));
    return e.parts().stream().mapToInt(p -> p.sheets().count()).sum();
  }

  /** Terebin's office, as in the scenario, keyed from {@code pads} and recording in {@code ledger}. */
  static CipherOffice sender(PadBook pads, PadLedger ledger) {
    return builder(pads).clock(Scenario1949.filingClock()).ledger(ledger).build();
  }

  /** The Moscow section's office, as in the scenario, keyed from {@code pads}; it has no ledger. */
  static CipherOffice receiver(PadBook pads) {
    return builder(pads).clock(Scenario1949.receptionClock()).build();
  }

  private static CipherOffice.Builder builder(PadBook pads) {
    // mirrors Scenario1949.office(...): serial 15, urgent, three parts 20 minutes apart,
    // incoming register 50450 in steps of 20
    return CipherOffice.builder()
        .codebook(SCENARIO.codebook())
        .padBook(pads)
        .from(Scenario1949.TEREBIN)
        .to(Scenario1949.KUZNETSOV)
        .addressee(Scenario1949.FILIPPOV.name())
        .firstSerial(15)
        .precedence(Precedence.URGENT)
        .parts(3)
        .filingInterval(Duration.ofMinutes(20))
        .register(Register.of(Scenario1949.REGISTRY_NUMBERS.get(0), 20));
  }

  /** Enciphers the message, turning checked exceptions into unchecked ones. */
  static Encipherment encipher(CipherOffice office) {
    try {
      return office.encipher(message(), SOURCE);
    } catch (MalformedInputException | PadSecurityException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the radiograms of an encipherment, as keyed. */
  static List<Radiogram> radiograms(Encipherment e) {
    List<Radiogram> out = new ArrayList<>();
    for (Telegram t : e.telegrams()) {
      out.add(t.radiogram());
    }
    return out;
  }

  /**
   * Enciphers the message {@code count} times on consecutive sheets of {@code pads} (so every copy
   * has other cipher groups) and checks that {@code receiver} deciphers each one cleanly back to
   * the canonical text: a benchmark must not measure an error path by accident.
   */
  static List<List<Radiogram>> pool(PadBook pads, int count) {
    CipherOffice sender = sender(pads, PadLedger.inMemory(Scenario1949.filingClock()));
    CipherOffice receiver = receiver(pads);
    List<List<Radiogram>> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Encipherment e = encipher(sender);
      List<Radiogram> r = radiograms(e);
      Decipherment d = receiver.decipher(r);
      if (!d.clean() || d.messages().size() != 1 || !d.messages().get(0).text().equals(e.text())) {
        throw new IllegalStateException("the round trip failed: " + d.report());
      }
      out.add(r);
    }
    return out;
  }
}
