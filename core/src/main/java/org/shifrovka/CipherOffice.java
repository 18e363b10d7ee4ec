package org.shifrovka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.DecodedText;
import org.shifrovka.codebook.Regrouping;
import org.shifrovka.pad.CombineMode;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.pad.SheetRun;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.ClosingLine;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.RegistryNumber;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.TelegraphText;
import org.shifrovka.text.Telegraphese;
import org.shifrovka.text.UnknownCharacters;

/**
 * A cipher office on one link: the small entry point for embedding shifrovka.
 *
 * <p>{@link #encipher} takes a message and returns telegrams: it normalises the text to
 * telegraphese, codes it with the {@link Codebook}, splits it into parts if it is long, regroups
 * each part into 5-digit groups, reserves pad sheets in the {@link PadLedger} (before any cipher
 * text exists), adds the pad digit by digit, and frames each part with indicator, end group and
 * serial/date group. {@link #decipher} does the reverse for radiograms received in any order, with
 * the receiving office's {@link Register}, and reports what was garbled or missing.
 *
 * <p>The pad stage serves every system that makes digits: {@link #encipherDigits} and
 * {@link #decipherDigits} take a bare digit stream (a straddling checkerboard's) through the same
 * ledger, additive and framing, and an office built without a codebook does only that.
 *
 * <pre>{@code
 * CipherOffice office = CipherOffice.builder()
 *     .codebook(codebook).padBook(pads).ledger(PadLedger.open(path, clock))
 *     .from(terebin).to(kuznetsov).addressee("FILIPPOV")
 *     .clock(clock).build();
 * List<Telegram> telegrams = office.encipher("Comrade Filippov, ...", "<message>").telegrams();
 * Decipherment d = office.decipher(radiograms);
 * }</pre>
 *
 * <h2>Thread safety</h2>
 *
 * An office is safe for concurrent use; the ledger guarantees that concurrent encodes never share
 * a pad sheet.
 */
public final class CipherOffice {
  private final Codebook codebook;
  private final PadBook padBook;
  private final PadLedger ledger;
  private final Clock clock;
  private final Station from;
  private final Station to;
  private final String addressee;
  private final AtomicInteger nextSerial;
  private final Precedence precedence;
  private final CombineMode combineMode;
  private final int maxGroups;
  private final int parts;
  private final Register register;
  private final boolean registerGiven;
  private final Duration filingInterval;
  private final Telegraphese telegraphese;
  private final byte[] filler;

  private CipherOffice(Builder b) {
    this.codebook = b.codebook;
    this.padBook = b.padBook;
    this.ledger = b.ledger;
    this.clock = b.clock;
    this.from = b.from;
    this.to = b.to;
    this.addressee = b.addressee;
    this.nextSerial = new AtomicInteger(b.firstSerial);
    this.precedence = b.precedence;
    this.combineMode = b.combineMode;
    this.maxGroups = b.maxGroups;
    this.parts = b.parts;
    this.register = b.register;
    this.registerGiven = b.registerGiven;
    this.filingInterval = b.filingInterval;
    // words the book has are read as the book's own strings: no string per token, and the
    // codebook's look-up finds them by identity with their hash codes cached
    // an office without a codebook enciphers digit streams only (encipherDigits)
    Telegraphese t = b.codebook == null ? null
        : b.codebook.normaliser().withUnknownCharacters(b.unknownCharacters);
    for (Map.Entry<String, String> e : b.coverNames.entrySet()) {
      t = t == null ? null : t.withCoverName(e.getKey(), e.getValue());
    }
    this.telegraphese = t;
    this.filler = codebook == null ? null : codebook.fillerDigits();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns how this office combines pad and code: addition (the default) or false subtraction.
   *
   * @return the combine mode
   */
  public CombineMode combineMode() {
    return combineMode;
  }

  /**
   * Returns the codebook.
   *
   * @throws IllegalStateException if the office has none (it enciphers digit streams only)
   */
  public Codebook codebook() {
    requireCodebook();
    return codebook;
  }

  /** Returns the pad book. */
  public PadBook padBook() {
    return padBook;
  }

  /** Returns the normaliser that gives the canonical form of messages for this office. */
  public Telegraphese telegraphese() {
    requireCodebook();
    return telegraphese;
  }

  /** Returns the canonical form of a message: what {@link #decipher} will give back. */
  public TelegraphText canonical(String message, String source) throws MalformedInputException {
    requireCodebook();
    return telegraphese.normalize(message, source);
  }

  // ---------------------------------------------------------------------------------------------
  // Enciphering

  /**
   * Enciphers a message into one or more telegrams.
   *
   * @param message the message as typed
   * @param source a label for error messages, such as the file name
   * @throws MalformedInputException if the message is empty or holds a character no table carries,
   *     or a single word is too long for the maximum telegram size
   * @throws PadSecurityException if the pad has too few unused sheets left
   * @throws IOException if the ledger cannot be written; then no telegram was produced
   * @throws IllegalStateException if the office has no ledger
   */
  public Encipherment encipher(String message, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    if (ledger == null) {
      throw new IllegalStateException("this office has no pad ledger, so it cannot encipher");
    }
    requireCodebook();
    return encipherCanonical(telegraphese.normalize(message, source), source);
  }

  /**
   * Enciphers a text that is already in canonical form, such as a relay's decipherment or
   * {@link #canonical}'s result: the same telegrams as {@link #encipher(String, String)} of its
   * {@code toString()} (the canonical form is a fixed point of the normaliser), without
   * normalising it again. A text with gap markers ({@code [2 groups garbled]}, which no table
   * codes) is normalised from its string form, as typed text would be.
   *
   * @throws MalformedInputException if the text is empty or a single word is too long for the
   *     maximum telegram size
   * @throws PadSecurityException if the pad has too few unused sheets left
   * @throws IOException if the ledger cannot be written; then no telegram was produced
   * @throws IllegalStateException if the office has no ledger
   */
  public Encipherment encipher(TelegraphText text, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    if (ledger == null) {
      throw new IllegalStateException("this office has no pad ledger, so it cannot encipher");
    }
    requireCodebook();
    for (int i = 0, n = text.size(); i < n; i++) { // by index: no iterator over a list view
      String token = text.token(i);
      if (!token.isEmpty() && token.charAt(0) == '[') { // a gap marker: not a canonical word
        return encipherCanonical(telegraphese.normalize(text.toString(), source), source);
      }
    }
    return encipherCanonical(text, source);
  }

  /** Enciphers canonical text without gap markers (the normaliser's output). */
  private Encipherment encipherCanonical(TelegraphText text, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    if (text.size() == 0) {
      throw new MalformedInputException(source, 0, 0, "the message is empty");
    }
    CodeText code = codebook.encode(text);
    int[] bounds = split(code, source);
    int n = bounds.length - 1;
    // code digits and 5-digit text groups of every part
    byte[][] partDigits = new byte[n][];
    for (int k = 0; k < n; k++) {
      byte[] body = code.digits(bounds[k], bounds[k + 1]);
      byte[] pre = n > 1 ? codebook.partPreamble(k + 1, n) : new byte[0];
      partDigits[k] = Regrouping.complete(pre, body, filler);
    }
    List<Encipherment.Part> sealed = seal(partDigits, source);
    List<Encipherment.Part> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      Encipherment.Part p = sealed.get(k);
      out.add(new Encipherment.Part(p.telegram(), text.slice(code.unitStartToken(bounds[k]),
          code.unitStartToken(bounds[k + 1])), partDigits[k], p.sheets()));
    }
    return new Encipherment(text, code, out);
  }

  /**
   * Enciphers a stream of digits that is already the message's code, such as a straddling
   * checkerboard's: the same pad, ledger and framing as {@link #encipher(String, String)}, without
   * the codebook. The stream is one telegram (no part groups: it has no codebook to carry them)
   * and must be a whole number of five-digit groups; the system that made it completes its last
   * group ({@code StraddlingCheckerboard.completeGroups}). {@link #decipherDigits} takes the pad
   * off again.
   *
   * @param digits the digits, {@code 0}-{@code 9}, a multiple of five
   * @param source a label for error messages, such as the file name
   * @return the part: its telegram, its groups before the pad and its sheets; its text is empty
   * @throws MalformedInputException if the stream is empty or too long for one radiogram (or for
   *     the office's maximum group count)
   * @throws PadSecurityException if the pad has too few unused sheets left
   * @throws IOException if the ledger cannot be written; then no telegram was produced
   * @throws IllegalArgumentException if the stream holds a character that is not a digit or is
   *     not a whole number of groups
   * @throws IllegalStateException if the office has no ledger
   */
  public Encipherment.Part encipherDigits(CharSequence digits, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    if (ledger == null) {
      throw new IllegalStateException("this office has no pad ledger, so it cannot encipher");
    }
    int len = digits.length();
    if (len % 5 != 0) {
      throw new IllegalArgumentException("a digit stream to encipher is whole groups of five,"
          + " not " + len + " digits");
    }
    if (len == 0) {
      throw new MalformedInputException(source, 0, 0, "the message is empty");
    }
    int limit = maxGroups == 0 ? Radiogram.MAX_GROUPS : maxGroups;
    if (len / 5 + 3 > limit) {
      throw new MalformedInputException(source, 0, 0, "the message needs " + (len / 5 + 3)
          + " groups, more than one radiogram of at most " + limit + " groups carries; a digit"
          + " stream without a codebook is not split into parts");
    }
    byte[] d = new byte[len];
    for (int i = 0; i < len; i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit: '" + c + "' at " + (i + 1));
      }
      d[i] = (byte) (c - '0');
    }
    Encipherment.Part p = seal(new byte[][] {d}, source).get(0);
    return new Encipherment.Part(p.telegram(), TelegraphText.of(List.of()), d, p.sheets());
  }

  /**
   * The pad stage of every system: reserves the sheets of every part in the ledger (before any
   * cipher text exists), adds the pad and frames each part as a telegram. The parts come back
   * without text or code digits; the callers add their own.
   */
  private List<Encipherment.Part> seal(byte[][] partDigits, String source)
      throws MalformedInputException, PadSecurityException, IOException {
    int n = partDigits.length;
    int first = nextSerial.get();
    if (first + n - 1 > Radiogram.MAX_NUMBER) {
      throw new MalformedInputException(source, 0, 0, "the message needs " + n
          + (n == 1 ? " telegram" : " telegrams") + " from serial " + first + ", but a radiogram"
          + " number has at most five digits (0-" + Radiogram.MAX_NUMBER + ")");
    }
    int[] sheetsNeeded = new int[n];
    int totalSheets = 0;
    for (int k = 0; k < n; k++) {
      sheetsNeeded[k] = padBook.sheetsFor(partDigits[k].length / 5);
      totalSheets += sheetsNeeded[k];
    }
    // the sheets are on record before any cipher text exists
    SheetRun run = ledger.reserve(padBook, totalSheets);
    int serial0 = nextSerial.getAndAdd(n);
    ZonedDateTime filed0 = ZonedDateTime.now(clock).withZoneSameInstant(from.zone());
    List<Encipherment.Part> out = new ArrayList<>(n);
    int sheet = run.first();
    for (int k = 0; k < n; k++) {
      SheetRun sheets = new SheetRun(padBook.id(), sheet, sheetsNeeded[k]);
      sheet += sheetsNeeded[k];
      ZonedDateTime filed = filed0.plus(filingInterval.multipliedBy(k)).withSecond(0).withNano(0);
      int serial = serial0 + k;
      Telegram t = Telegram.builder()
          .from(from).to(to).addressee(addressee)
          .serial(serial).precedence(precedence).filed(filed)
          .part(k + 1, n).padBookId(padBook.id())
          .groups(encipherPart(partDigits[k], sheets, serial, filed))
          .build();
      out.add(new Encipherment.Part(t, null, null, sheets));
    }
    return out;
  }

  /**
   * Returns a part's groups as ASCII bytes: the indicator, the cipher text, the end group (the
   * next pad group) and the serial/date group. As bytes, so that a transmitter (the simulator's
   * stations) keys them without a string per group; {@link Telegram#groups()} makes the strings
   * when they are read.
   */
  private byte[] encipherPart(byte[] digits, SheetRun sheets, int serial, ZonedDateTime filed) {
    int len = digits.length;
    byte[] key = padBook.keyDigits(sheets.first(), sheets.count());
    byte[] out = new byte[len + 15];
    writeGroup(out, 0, padBook.sheet(sheets.first()).indicator());
    combineMode.encipher(digits, 0, key, 0, out, 5, len);
    for (int i = 5; i < 5 + len; i++) {
      out[i] += '0';
    }
    for (int k = 0; k < 5; k++) { // end group: the next pad group
      out[5 + len + k] = (byte) ('0' + key[len + k]);
    }
    writeGroup(out, 10 + len, serialDateValue(serial, filed.getDayOfMonth()));
    return out;
  }

  /** Writes a 5-digit group with leading zeros as ASCII at {@code at}. */
  private static void writeGroup(byte[] out, int at, int value) {
    for (int k = 4; k >= 0; k--) {
      out[at + k] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Chooses where the parts begin: unit indexes, first 0 and last the unit count. */
  private int[] split(CodeText code, String source) throws MalformedInputException {
    int units = code.unitCount();
    if (parts > 0) {
      if (parts > units) {
        throw new MalformedInputException(source, 0, 0, "the message is too short for " + parts
            + " parts (" + units + " code units)");
      }
      int[] b = new int[parts + 1];
      b[parts] = units;
      for (int k = 1; k < parts; k++) {
        long target = (long) code.length() * k / parts;
        int lo = b[k - 1] + 1;
        int hi = units - (parts - k);
        // unit start digits rise with the unit index: find the first unit starting at or after
        // the target, then take it or its predecessor, whichever is nearer
        int at = lo;
        int top = hi;
        while (at < top) {
          int mid = (at + top) >>> 1;
          if (code.unitStartDigit(mid) < target) {
            at = mid + 1;
          } else {
            top = mid;
          }
        }
        if (at > lo && target - code.unitStartDigit(at - 1) <= code.unitStartDigit(at) - target) {
          at--;
        }
        b[k] = at;
      }
      for (int k = 0; k < parts; k++) {
        int len = code.unitStartDigit(b[k + 1]) - code.unitStartDigit(b[k]);
        if (groupsFor(len, true) > Radiogram.MAX_GROUPS) {
          throw new MalformedInputException(source, 0, 0, "part " + (k + 1) + " of " + parts
              + " would have " + groupsFor(len, true) + " groups; a radiogram carries at most "
              + Radiogram.MAX_GROUPS + ": use more parts");
        }
      }
      return b;
    }
    // without maxGroups, the header's limit: every part stays a radiogram decode can read
    int limit = maxGroups == 0 ? Radiogram.MAX_GROUPS : maxGroups;
    if (groupsFor(code.length(), false) <= limit) {
      return new int[] {0, units};
    }
    List<Integer> b = new ArrayList<>();
    b.add(0);
    int start = 0;
    for (int u = 0; u < units; u++) {
      int len = code.unitStartDigit(u + 1) - code.unitStartDigit(start);
      if (groupsFor(len, true) > limit) {
        if (u == start) {
          throw new MalformedInputException(source, 0, 0, "the word \""
              + abbreviated(code.text().token(code.unitStartToken(u)))
              + "\" does not fit in a telegram of at most " + limit + " groups");
        }
        b.add(u);
        start = u;
      }
    }
    b.add(units);
    if (b.size() - 1 > 99) {
      throw new MalformedInputException(source, 0, 0,
          "the message needs more than 99 parts of at most " + limit + " groups");
    }
    int[] bounds = new int[b.size()];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = b.get(i);
    }
    return bounds;
  }

  /** Returns a word for a message: a very long one shortened to its first and last letters. */
  private static String abbreviated(String word) {
    return word.length() <= 40 ? word : word.substring(0, 20) + "..."
        + word.substring(word.length() - 10) + " (" + word.length() + " letters)";
  }

  /** Returns the telegram size in groups of a part carrying {@code digits} code digits. */
  private static int groupsFor(int digits, boolean preamble) {
    int d = digits + (preamble ? 8 : 0);
    return (d + 4) / 5 + 3;
  }

  private static String serialDateGroup(int serial, int day) {
    return formatGroup(serialDateValue(serial, day));
  }

  private static int serialDateValue(int serial, int day) {
    return (serial % 1000) * 100 + day;
  }

  /**
   * Returns digits as 5-digit group strings (for showing code groups): one Latin-1 string of all
   * the digits, cut into substrings.
   */
  static List<String> groups(byte[] digits, int from, int len) {
    byte[] ascii = new byte[len];
    for (int i = 0; i < len; i++) {
      ascii[i] = (byte) ('0' + digits[from + i]);
    }
    String all = new String(ascii, StandardCharsets.ISO_8859_1);
    List<String> out = new ArrayList<>(len / 5);
    for (int i = 0; i < len; i += 5) {
      out.add(all.substring(i, i + 5));
    }
    return out;
  }

  /**
   * Returns whether the received group at {@code at} of {@code ascii} reads as the five pad digits
   * from {@code from} of {@code key}; a group with an unreadable digit is not judged (true).
   */
  private static boolean readsAs(byte[] ascii, int at, byte[] key, int from) {
    for (int k = 0; k < 5; k++) {
      if (ascii[at + k] == '?') {
        return true;
      }
    }
    for (int k = 0; k < 5; k++) {
      if (ascii[at + k] != '0' + key[from + k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes a 5-digit group with leading zeros, the one way shifrovka writes a group of a pad or a
   * cipher text (no {@code String.format}: this is a hot path).
   *
   * @param value the group, 0-99999
   * @return five digits
   */
  public static String formatGroup(int value) {
    byte[] b = new byte[5];
    writeGroup(b, 0, value);
    return new String(b, StandardCharsets.ISO_8859_1);
  }

  // ---------------------------------------------------------------------------------------------
  // Deciphering

  /**
   * Deciphers radiograms received in any order, registers each under the next number of a copy of
   * the office's register (so every call numbers from the register's first number: deciphering
   * changes nothing in the office), and reassembles the messages. Consumes no pad sheet and does
   * not touch the ledger.
   */
  public Decipherment decipher(Collection<Radiogram> radiograms) {
    return decipher(radiograms, register.copy());
  }

  /**
   * Deciphers radiograms received in any order, registers each under the next number of
   * {@code register} (which advances: the caller keeps the office's register, as a station keeps
   * it in its journal), and reassembles the messages. Consumes no pad sheet and does not touch the
   * ledger.
   *
   * @param radiograms the radiograms, in the order received
   * @param register the register that numbers them
   * @return the messages and the problems found
   */
  public Decipherment decipher(Collection<Radiogram> radiograms, Register register) {
    Objects.requireNonNull(register, "register");
    List<String> problems = new ArrayList<>();
    Map<Integer, Radiogram> seen = new HashMap<>();
    // pad sheet -> radiogram number; one radiogram's sheets are all its own
    Map<Integer, Integer> sheetUsers = radiograms.size() > 1 ? new HashMap<>() : null;
    Map<Integer, Map<Integer, Received>> byMessage = new LinkedHashMap<>();
    LocalDate today = today();
    for (Radiogram r : radiograms) {
      Radiogram earlier = seen.putIfAbsent(r.number(), r);
      if (earlier != null) {
        problems.add(radiogramId(r, null) + ": received twice; the second copy is ignored");
        continue;
      }
      Received received = decipherOne(r, register.next(), today, sheetUsers, problems);
      if (received == null) {
        continue;
      }
      int part = received.copy.part();
      int firstSerial = r.number() - (part - 1);
      Map<Integer, Received> msg = byMessage.computeIfAbsent(firstSerial, k -> new TreeMap<>());
      Received prev = msg.putIfAbsent(part, received);
      if (prev != null) {
        problems.add(radiogramId(r, received.copy.registryNumber()) + ": part " + part
            + " of message No. " + firstSerial + " received twice; the second copy is ignored");
      }
    }
    List<ReceivedMessage> messages = new ArrayList<>();
    for (Map.Entry<Integer, Map<Integer, Received>> e : byMessage.entrySet()) {
      messages.add(reassemble(e.getKey(), e.getValue(), problems));
    }
    return new Decipherment(messages, problems);
  }

  /**
   * Deciphers one radiogram received on its own, as a relay station does when the parts of a
   * message arrive one at a time: registers it under the office's register's first number (every
   * call alike: a station passes its own number with {@link #decipherPart(Radiogram,
   * RegistryNumber)}) and
   * gives its archival copy and its problems, as {@link #decipher} would report them; the message's
   * other parts are not looked for, so none is reported missing. Consumes no pad sheet and does
   * not touch the ledger.
   */
  public DecipheredPart decipherPart(Radiogram radiogram) {
    return decipherPart(radiogram, register.peek());
  }

  /**
   * Deciphers one radiogram received on its own, as {@link #decipherPart(Radiogram)} does, and
   * registers it under {@code number}: the number the station's own register gave it.
   *
   * @param radiogram the radiogram
   * @param number its registry number
   * @return its archival copy, if it could be deciphered, and its problems
   */
  public DecipheredPart decipherPart(Radiogram radiogram, RegistryNumber number) {
    Objects.requireNonNull(number, "number");
    List<String> problems = new ArrayList<>();
    Received received = decipherOne(radiogram, number, today(), null, problems);
    return new DecipheredPart(received == null ? Optional.empty() : Optional.of(received.copy),
        problems);
  }

  /**
   * Takes the pad off one radiogram whose text is a bare digit stream ({@link #encipherDigits}):
   * the same indicator look-up, subtraction and end and serial/date checks as {@link #decipher},
   * without the codebook, so the digits come back as the system that made them wrote them (filler
   * included) for that system to read. Consumes no pad sheet and registers nothing.
   *
   * @param radiogram the radiogram
   * @return the digits ({@code ?} for one that could not be read) and the problems found
   */
  public DecipheredDigits decipherDigits(Radiogram radiogram) {
    List<String> problems = new ArrayList<>();
    Stripped s = strip(radiogram, null, today(), null, problems);
    if (s == null) {
      return new DecipheredDigits(Optional.empty(), problems);
    }
    StringBuilder digits = new StringBuilder(s.plain().length);
    int garbled = 0;
    for (byte d : s.plain()) {
      boolean unreadable = d == Codebook.UNREADABLE;
      garbled += unreadable ? 1 : 0;
      digits.append(unreadable ? '?' : (char) ('0' + d));
    }
    if (garbled > 0) {
      problems.add(garbled(radiogram, null, garbled, "digit"));
    }
    return new DecipheredDigits(Optional.of(digits.toString()), problems);
  }

  /** The problem line of a radiogram with {@code count} unreadable digits or groups. */
  private String garbled(Radiogram r, RegistryNumber reg, int count, String unit) {
    return radiogramId(r, reg) + ": " + count + " " + unit + (count == 1 ? "" : "s")
        + " garbled; ask for a repeat of " + (r.suspectGroups().isEmpty() ? "the text"
            : "groups " + r.suspectGroups());
  }

  private void requireCodebook() {
    if (codebook == null) {
      throw new IllegalStateException("this office has no codebook: it enciphers and deciphers"
          + " digit streams only (encipherDigits, decipherDigits)");
    }
  }

  /** Today's date at the receiving office. */
  private LocalDate today() {
    return LocalDate.now(clock.withZone(to.zone()));
  }

  /**
   * Deciphers and registers one radiogram; adds its problems. Returns null if it cannot be
   * deciphered at all. Checks its pad sheets against {@code sheetUsers} unless that is null.
   */
  private Received decipherOne(Radiogram r, RegistryNumber reg, LocalDate today,
      Map<Integer, Integer> sheetUsers, List<String> problems) {
    requireCodebook();
    Stripped stripped = strip(r, reg, today, sheetUsers, problems);
    if (stripped == null) {
      return null;
    }
    byte[] plain = stripped.plain();
    MonthDay senderDay = stripped.senderDay();
    DecodedText decoded = codebook.decode(plain, plain.length, 2);
    for (String p : decoded.problems()) {
      problems.add(radiogramId(r, reg) + ": " + p);
    }
    if (decoded.garbledGroups() > 0) {
      problems.add(garbled(r, reg, decoded.garbledGroups(), "group"));
    }
    int part = decoded.part() == 0 ? 1 : decoded.part();
    int parts = decoded.parts() == 0 ? 1 : decoded.parts();
    ArchivalCopy copy = new ArchivalCopy(reg, to.name(), Optional.ofNullable(addressee), part,
        parts, decoded.text().size() == 0 ? TelegraphText.of(List.of("[no text]"))
            : decoded.text(),
        new ClosingLine(r.number(), from.name(), senderDay));
    return new Received(copy, decoded.garbledGroups());
  }

  /** A radiogram's text digits with the pad taken off, and the sender's local day. */
  private record Stripped(byte[] plain, MonthDay senderDay) {}

  /**
   * The pad stage of every system, backwards: finds the sheet by the indicator, takes the pad off
   * the text groups, checks the end group and the serial/date group, and adds its problems.
   * Returns null if the radiogram cannot be deciphered at all. Checks its pad sheets against
   * {@code sheetUsers} unless that is null.
   */
  private Stripped strip(Radiogram r, RegistryNumber reg, LocalDate today,
      Map<Integer, Integer> sheetUsers, List<String> problems) {
    List<String> g = r.groups();
    if (g.size() != r.declaredGroups()) {
      problems.add(radiogramId(r, reg) + ": the header declares " + r.declaredGroups()
          + " groups, " + g.size() + " were received");
    }
    if (g.size() < 4) {
      problems.add(radiogramId(r, reg) + ": too short to decipher (" + g.size() + " groups)");
      return null;
    }
    String ind = g.get(0);
    if (ind.indexOf('?') >= 0) {
      problems.add(radiogramId(r, reg) + ": the indicator (group 1) is garbled, so the pad"
          + " sheet is unknown; ask for a repeat of group 1");
      return null;
    }
    Optional<PadSheet> sheet = padBook.sheetByIndicator(Integer.parseInt(ind));
    if (sheet.isEmpty()) {
      problems.add(radiogramId(r, reg) + ": indicator " + ind + " is not in pad book "
          + padBook.id());
      return null;
    }
    int textGroups = g.size() - 3;
    int first = sheet.get().number();
    int sheetCount = padBook.sheetsFor(textGroups);
    if (first + sheetCount - 1 > padBook.sheetCount()) {
      problems.add(radiogramId(r, reg) + ": needs sheets " + first + "-"
          + (first + sheetCount - 1) + " but pad book " + padBook.id() + " ends at sheet "
          + padBook.sheetCount());
      return null;
    }
    if (sheetUsers != null) {
      alarmOnSharedSheets(r, reg, ind, first, sheetCount, sheetUsers, problems);
    }
    byte[] key = padBook.keyDigits(first, sheetCount);
    int len = textGroups * 5;
    byte[] cipher = r.groupBytes(); // the text groups follow the indicator, group 1
    for (int i = 0; i < len; i++) {
      byte c = cipher[5 + i];
      cipher[i] = c == '?' ? Codebook.UNREADABLE : (byte) (c - '0');
    }
    byte[] plain = new byte[len];
    combineMode.decipher(cipher, 0, key, 0, plain, 0, len);
    if (!readsAs(cipher, 5 + len, key, len)) { // the end group, after the text groups
      problems.add(radiogramId(r, reg) + ": the end group (group " + (g.size() - 1)
          + ") does not match the pad; groups were lost or added");
    }
    // the serial/date group carries the sender's local day; the header the Moscow day
    MonthDay senderDay = senderDate(r, today);
    String serialGroup = g.get(g.size() - 1);
    String expectedSerial = serialDateGroup(r.number(), senderDay.getDayOfMonth());
    if (serialGroup.indexOf('?') < 0 && !serialGroup.equals(expectedSerial)) {
      problems.add(radiogramId(r, reg) + ": the serial/date group " + serialGroup
          + " does not match the header (" + expectedSerial + ")");
    }
    return new Stripped(plain, senderDay);
  }


  /**
   * Raises the depth alarm when a radiogram is keyed on a pad sheet that another radiogram of the
   * batch used too: the same indicator, or overlapping runs of continuation sheets.
   */
  private void alarmOnSharedSheets(Radiogram r, RegistryNumber reg, String indicator, int first,
      int count, Map<Integer, Integer> sheetUsers, List<String> problems) {
    int number = r.number();
    for (int s = first; s < first + count; s++) {
      Integer other = sheetUsers.putIfAbsent(s, number);
      if (other != null && other != number) {
        problems.add(radiogramId(r, reg) + ": ALARM: "
            + (s == first ? "indicator " + indicator + " - " : "") + "pad sheet " + s + " of book "
            + padBook.id() + " was already used by radiogram No. " + other
            + "; the sheet has been used twice (depth)");
        return;
      }
    }
  }

  /**
   * How problems name a radiogram: {@code radiogram No. 50450 (registered 0100)}, without the
   * registry number if it has none yet. Made only when there is a problem to report.
   */
  /**
   * How problems name a radiogram: {@code radiogram No. 15 (registered 50450)}; the registry number
   * only when a register was given, never a number nobody assigned.
   */
  private String radiogramId(Radiogram r, RegistryNumber reg) {
    return "radiogram No. " + r.number()
        + (reg == null || !registerGiven ? "" : " (registered " + reg + ")");
  }

  private ReceivedMessage reassemble(int firstSerial, Map<Integer, Received> parts,
      List<String> problems) {
    int n = 1;
    for (Received r : parts.values()) {
      n = Math.max(n, r.copy.parts());
    }
    List<TelegraphText> texts = new ArrayList<>();
    List<ArchivalCopy> copies = new ArrayList<>();
    List<Integer> missing = new ArrayList<>();
    int garbled = 0;
    for (int k = 1; k <= n; k++) {
      Received r = parts.get(k);
      if (r == null) {
        missing.add(k);
        texts.add(TelegraphText.of(List.of("[part " + k + " missing]")));
        problems.add("message No. " + firstSerial + ": part " + k + " of " + n + " (No. "
            + (firstSerial + k - 1) + ") is missing");
      } else {
        texts.add(r.copy.text());
        copies.add(r.copy);
        garbled += r.garbled;
      }
    }
    return new ReceivedMessage(from.name(), firstSerial, n, TelegraphText.concat(texts), copies,
        missing, garbled);
  }

  /** The sender's local date of a radiogram, from its Moscow day and time and today's date. */
  private MonthDay senderDate(Radiogram r, LocalDate today) {
    LocalDate d = today;
    for (int back = 0; back < 62 && d.getDayOfMonth() != r.day(); back++) {
      d = d.minusDays(1);
    }
    ZonedDateTime moscow = d.atTime(r.time()).atZone(Station.MOSCOW);
    return MonthDay.from(moscow.withZoneSameInstant(from.zone()));
  }

  private record Received(ArchivalCopy copy, int garbled) {}

  @Override
  public String toString() {
    return "CipherOffice[" + from.name() + " -> " + to.name() + ", "
        + (codebook == null ? "no codebook" : codebook) + ", " + padBook + "]";
  }

  /** Builds a {@link CipherOffice}; {@link #build()} checks that the required parts are set. */
  public static final class Builder {
    private Codebook codebook;
    private PadBook padBook;
    private PadLedger ledger;
    private Clock clock = Clock.systemUTC();
    private Station from;
    private Station to;
    private String addressee;
    private int firstSerial = 1;
    private Precedence precedence = Precedence.ORDINARY;
    private CombineMode combineMode = CombineMode.ADDITION;
    private int maxGroups;
    private int parts;
    private Register register = Register.of(1, 1);
    private boolean registerGiven;
    private Duration filingInterval = Duration.ZERO;
    private final Map<String, String> coverNames = new LinkedHashMap<>();
    private UnknownCharacters unknownCharacters = UnknownCharacters.REFUSE;

    private Builder() {}

    /**
     * Sets the codebook (required for messages in words; an office without one enciphers and
     * deciphers digit streams only, {@link CipherOffice#encipherDigits}).
     */
    public Builder codebook(Codebook v) {
      codebook = Objects.requireNonNull(v, "codebook");
      return this;
    }

    /** Sets the pad book (required). */
    public Builder padBook(PadBook v) {
      padBook = Objects.requireNonNull(v, "padBook");
      return this;
    }

    /** Sets the pad ledger (required to encipher; deciphering never touches it). */
    public Builder ledger(PadLedger v) {
      ledger = Objects.requireNonNull(v, "ledger");
      return this;
    }

    /** Sets the clock for filing times and dates (default: the system clock, UTC). */
    public Builder clock(Clock v) {
      clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /** Sets the sending station (required). */
    public Builder from(Station v) {
      from = Objects.requireNonNull(v, "from");
      return this;
    }

    /** Sets the receiving station (required). */
    public Builder to(Station v) {
      to = Objects.requireNonNull(v, "to");
      return this;
    }

    /** Sets the final addressee's cover name, such as {@code FILIPPOV} (optional). */
    public Builder addressee(String v) {
      if (v != null && !v.matches("[A-ZА-Я][A-ZА-Я0-9-]*")) {
        throw new IllegalArgumentException("an addressee is one upper-case cover name, got \"" + v
            + "\"");
      }
      addressee = v;
      return this;
    }

    /** Sets the sender's serial of the first telegram (default 1). */
    public Builder firstSerial(int v) {
      if (v < 0 || v > 99_999) {
        throw new IllegalArgumentException("serial must be 0-99999, got " + v);
      }
      firstSerial = v;
      return this;
    }

    /** Sets the precedence (default ordinary). */
    public Builder precedence(Precedence v) {
      precedence = Objects.requireNonNull(v, "precedence");
      return this;
    }

    /** Sets how the pad is combined (default addition). */
    public Builder combineMode(CombineMode v) {
      combineMode = Objects.requireNonNull(v, "combineMode");
      return this;
    }

    /**
     * Limits each telegram to {@code v} groups, indicator, end and serial groups included; a longer
     * message is split into parts (default 0: the header's limit, {@link Radiogram#MAX_GROUPS}, so
     * that every part is a radiogram decode can read). Cannot be combined with {@link #parts}.
     */
    public Builder maxGroups(int v) {
      if (v != 0 && (v < 6 || v > Radiogram.MAX_GROUPS)) {
        throw new IllegalArgumentException("max groups must be 0 (the header's limit, 9999) or"
            + " 6-9999, got " + v);
      }
      if (parts != 0 && v != 0) {
        throw new IllegalStateException("max groups cannot be combined with a fixed part count");
      }
      maxGroups = v;
      return this;
    }

    /**
     * Splits every message into exactly {@code v} parts of about equal length (default 0: decided
     * by {@link #maxGroups}). Cannot be combined with {@link #maxGroups}.
     */
    public Builder parts(int v) {
      if (v < 0 || v > 99) {
        throw new IllegalArgumentException("parts must be 0-99, got " + v);
      }
      if (maxGroups != 0 && v != 0) {
        throw new IllegalStateException("a fixed part count cannot be combined with max groups");
      }
      parts = v;
      return this;
    }

    /** Sets the register that numbers incoming telegrams (default: 1, 2, 3, ...). */
    public Builder register(Register v) {
      register = Objects.requireNonNull(v, "register");
      registerGiven = true;
      return this;
    }

    /** Sets the time between the filing of consecutive parts (default zero). */
    public Builder filingInterval(Duration v) {
      if (v.isNegative()) {
        throw new IllegalArgumentException("filing interval must not be negative");
      }
      filingInterval = v;
      return this;
    }

    /**
     * Sets what happens to a character of a message that has no rendering in telegraphese (an
     * emoji, Greek script): refused with an error (the default), spelled by its Unicode name, or
     * dropped.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder unknownCharacters(UnknownCharacters policy) {
      this.unknownCharacters = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Replaces the word {@code realName} by {@code coverName} in messages; {@link #build()} refuses
     * names that are not single words.
     */
    public Builder coverName(String realName, String coverName) {
      coverNames.put(Objects.requireNonNull(realName, "realName"),
          Objects.requireNonNull(coverName, "coverName"));
      return this;
    }

    /**
     * Builds the office.
     *
     * @throws IllegalStateException naming every required part that is missing
     * @throws IllegalArgumentException if a cover name is not a single word
     */
    public CipherOffice build() {
      StringBuilder missing = new StringBuilder();
      if (padBook == null) {
        missing.append(", pad book");
      }
      if (from == null) {
        missing.append(", from");
      }
      if (to == null) {
        missing.append(", to");
      }
      if (missing.length() > 0) {
        throw new IllegalStateException("a cipher office needs: " + missing.substring(2));
      }
      return new CipherOffice(this);
    }
  }
}
