package org.shifrovka.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.Language;
import org.shifrovka.text.TelegraphText;

/**
 * The built-in scenario: Mao Zedong's message of 12 January 1949 to Filippov (Stalin), sent by
 * Terebin from Xibaipo to Kuznetsov in Moscow on 13 January 1949 as the three ciphered telegrams
 * registered 50450, 50470 and 50490.
 *
 * <p>Documented: the stations and cover names, the date, the three registry numbers, the text
 * (the Wilson Center's English translation, see {@link #CITATION}), and the 5-hour difference
 * between Xibaipo and Moscow time. Inferred, and parameters of this class or of
 * {@link CipherOffice}: the cipher system (an English codebook stands in for the unknown GRU book,
 * since only the English translation survives in our source), the senders' serials 15-17 (the next
 * day's telegram 50513 closes "No. 18"), the filing time 21:40 local with 20 minutes between parts,
 * the precedence (urgent), the register step of 20 (other traffic was registered between the
 * parts), and the pad (60-group sheets made from the scenario seed: insecure by design).
 *
 * <p>Instances are immutable; {@link #run()} may be called any number of times and always gives the
 * same result for the same seed.
 */
public final class Scenario1949 {
  /** The seed of the default run. */
  public static final long DEFAULT_SEED = 1949;

  /** The archival citation of the document. */
  public static final String CITATION = "\"Ciphered Telegrams No. 50450, 50470, and 50490, Terebin"
      + " to Kuznetsov, transmitting a Message from Mao Zedong to Filippov [Stalin]\", January 13,"
      + " 1949, Wilson Center Digital Archive, APRF, f. 45, op. 1, d. 330. This document is also"
      + " accessible in RGASPI, f. 558, op. 11, d. 330, ll. 0100, 0101-0102, and 0103. Contributed"
      + " by Sergey Radchenko. https://digitalarchive.wilsoncenter.org/document/112663";

  /** Terebin, the Soviet liaison at Mao's headquarters in Xibaipo (China's time zone). */
  public static final Station TEREBIN = Station.of("TEREBIN", "Xibaipo", "Asia/Shanghai");
  /** Kuznetsov, head of Soviet military intelligence, Moscow. */
  public static final Station KUZNETSOV = Station.of("KUZNETSOV", "Moscow", "Europe/Moscow");
  /** Filippov: Stalin's cover name, Moscow. */
  public static final Station FILIPPOV = Station.of("FILIPPOV", "Moscow", "Europe/Moscow");

  /**
   * Radio call signs of Terebin's station and of the Moscow radio centre. Invented for the
   * simulation (inferred): the real 1949 call signs are not in our sources.
   */
  public static final String TEREBIN_CALL = "ЛИС";
  /** The Moscow radio centre's call sign (invented; see {@link #TEREBIN_CALL}). */
  public static final String MOSCOW_CALL = "РАМ";

  /** The registry numbers the three parts received in Moscow (documented). */
  public static final List<Integer> REGISTRY_NUMBERS = List.of(50450, 50470, 50490);

  static final int FIRST_SERIAL = 15;
  static final int PAD_SHEETS = 40;
  static final int GROUPS_PER_SHEET = 60;
  static final LocalDateTime FILED_LOCAL = LocalDateTime.of(1949, 1, 13, 21, 40);
  static final LocalDateTime RECEIVED_MOSCOW = LocalDateTime.of(1949, 1, 13, 19, 30);

  private final long seed;
  private final Codebook codebook;
  private final PadBook padBook;

  private Scenario1949(long seed) {
    this.seed = seed;
    this.codebook = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH), CodebookStyle.TWO_PART,
        seed);
    this.padBook = PadGenerator.seededInsecure(seed).generate(PAD_SHEETS, GROUPS_PER_SHEET);
  }

  /** Returns the scenario with the default seed. */
  public static Scenario1949 standard() {
    return withSeed(DEFAULT_SEED);
  }

  /** Returns the scenario with another seed: another codebook and pad, the same history. */
  public static Scenario1949 withSeed(long seed) {
    return new Scenario1949(seed);
  }

  /** Returns the seed. */
  public long seed() {
    return seed;
  }

  /** Returns Mao's message as translated in the source, without the enclosing quotation marks. */
  public static String message() {
    try (InputStream in = Scenario1949.class.getResourceAsStream(
        "mao-to-filippov-1949-01-12.txt")) {
      if (in == null) {
        throw new IllegalStateException("the 1949 message resource is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the codebook of this run (English, two-part, from the seed). */
  public Codebook codebook() {
    return codebook;
  }

  /** Returns the pad book shared by Terebin and the Moscow cipher section (seeded: insecure). */
  public PadBook padBook() {
    return padBook;
  }

  /** Returns a clock stopped at Terebin's filing time, 13 January 1949, 21:40 in Xibaipo. */
  public static Clock filingClock() {
    return Clock.fixed(FILED_LOCAL.atZone(TEREBIN.zone()).toInstant(), ZoneId.of("UTC"));
  }

  /** Returns a clock stopped at the time the Moscow section works on the telegrams. */
  public static Clock receptionClock() {
    return Clock.fixed(RECEIVED_MOSCOW.atZone(KUZNETSOV.zone()).toInstant(), ZoneId.of("UTC"));
  }

  /** Returns Terebin's cipher office, keeping its ledger in {@code ledger}. */
  public CipherOffice terebinOffice(PadLedger ledger) {
    return office(ledger, filingClock());
  }

  /** Returns the Moscow cipher section's office, with the incoming register 50450, 50470, ... */
  public CipherOffice moscowOffice() {
    return office(null, receptionClock());
  }

  private CipherOffice office(PadLedger ledger, Clock clock) {
    CipherOffice.Builder b = CipherOffice.builder()
        .codebook(codebook)
        .padBook(padBook)
        .clock(clock)
        .from(TEREBIN)
        .to(KUZNETSOV)
        .addressee(FILIPPOV.name())
        .firstSerial(FIRST_SERIAL)
        .precedence(Precedence.URGENT)
        .parts(3)
        .filingInterval(Duration.ofMinutes(20))
        .register(Register.of(REGISTRY_NUMBERS.get(0), 20));
    if (ledger != null) {
      b.ledger(ledger);
    }
    return b.build();
  }

  /**
   * Runs the chain in process: Terebin enciphers (with a fresh in-memory ledger), the radiograms
   * travel unharmed, and Moscow deciphers and registers them.
   */
  public Run run() {
    try {
      CipherOffice terebin = terebinOffice(PadLedger.inMemory(filingClock()));
      Encipherment enc = terebin.encipher(message(), "mao-to-filippov-1949-01-12.txt");
      List<Radiogram> radiograms = enc.telegrams().stream().map(Telegram::radiogram).toList();
      Decipherment dec = moscowOffice().decipher(radiograms);
      return new Run(this, enc, radiograms, dec);
    } catch (MalformedInputException | PadSecurityException | IOException e) {
      throw new IllegalStateException("the built-in scenario failed: " + e.getMessage(), e);
    }
  }

  /**
   * One run of the scenario.
   *
   * @param scenario the scenario
   * @param encipherment what Terebin's office produced
   * @param radiograms the radiograms as keyed
   * @param decipherment what the Moscow section deciphered
   */
  public record Run(Scenario1949 scenario, Encipherment encipherment, List<Radiogram> radiograms,
      Decipherment decipherment) {

    /** Returns true if Moscow's text equals the canonical form of the original message. */
    public boolean delivered() {
      TelegraphText sent = encipherment.text();
      return decipherment.messages().size() == 1
          && decipherment.messages().get(0).text().equals(sent)
          && decipherment.clean();
    }
  }
}
