package org.shifrovka.pad;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shifrovka.MalformedInputException;

/**
 * A one-time pad booklet: numbered sheets of random 5-digit groups, all of one size, with a book
 * id that the ledger records used sheets under.
 *
 * <p>A telegram longer than one sheet continues on the <em>following</em> sheets of the book; its
 * key runs through every group after each sheet's indicator, and only the first sheet's indicator
 * is sent (inferred: the sources do not say how a telegram that outgrew a page was keyed).
 *
 * <h2>File format</h2>
 *
 * A pad file looks like a printed booklet (see the project README):
 *
 * <pre>
 * SHIFROVKA ONE-TIME PAD 1
 * book 30417
 * groups-per-sheet 60
 * sheets 2
 * generator sp800-90a-hmac-drbg
 *
 * SHEET 1
 * 37584 61209 77354 09318 25560 10436 ...   (ten groups a row)
 * ...
 * </pre>
 *
 * <p>Instances are immutable. {@link #toString()} never shows groups.
 */
public final class PadBook {
  static final String MAGIC = "SHIFROVKA ONE-TIME PAD 1";
  /** What a book id may be (also checked by {@link PadSpec}). */
  static final Pattern BOOK_ID = Pattern.compile("[0-9A-Z-]{1,20}");

  private final String id;
  private final int groupsPerSheet;
  /** The printed sheets, or null for a book whose sheets are derived on demand. */
  private final List<PadSheet> sheets;
  private final SheetDerivation derivation;
  /**
   * The sheets derived last, by number modulo its length (a telegram's sheets are looked up by
   * sender and receiver in turn): immutable sheets, so a racy read sees a whole one or null.
   */
  private final PadSheet[] recent;
  private final int sheetCount;
  private final String generator;
  /** The indicators in ascending order, and the sheet of each: looked up without boxing. */
  private final int[] indicators;
  private final PadSheet[] byIndicator;
  private volatile String digest; // computed on first use

  private PadBook(String id, int groupsPerSheet, List<PadSheet> sheets, String generator) {
    this.id = id;
    this.groupsPerSheet = groupsPerSheet;
    this.sheets = sheets;
    this.derivation = null;
    this.recent = null;
    this.sheetCount = sheets.size();
    this.generator = generator;
    this.byIndicator = sheets.toArray(new PadSheet[0]);
    Arrays.sort(byIndicator, Comparator.comparingInt(PadSheet::indicator));
    this.indicators = new int[byIndicator.length];
    for (int i = 0; i < indicators.length; i++) {
      indicators[i] = byIndicator[i].indicator();
    }
  }

  private PadBook(String id, int groupsPerSheet, int sheetCount, SheetDerivation derivation) {
    this.id = id;
    this.groupsPerSheet = groupsPerSheet;
    this.sheets = null;
    this.derivation = derivation;
    this.recent = new PadSheet[64];
    this.sheetCount = sheetCount;
    this.generator = derivation.label();
    this.byIndicator = null;
    this.indicators = null;
  }

  /**
   * Returns a seeded book whose sheets are derived on demand from (seed, id, sheet number), each
   * without the sheets before it: it holds no sheets, so a book of 100,000 sheets costs what one of
   * ten does until it is used, and every process that derives it from the same arguments gets the
   * same digits. Each sheet's key groups come from the ChaCha20 key stream (RFC 7539) with the
   * sheet number as nonce, under a key hashed from seed and id; its indicator from a keyed
   * permutation of the sheet numbers (so indicators are distinct and a received one finds
   * its sheet at once). <strong>Insecure</strong>, like every seeded pad: the seed gives the pad.
   *
   * @param seed the seed
   * @param id the book id (1-20 characters of {@code 0-9 A-Z -})
   * @param sheets how many sheets, 1-100000
   * @param groupsPerSheet groups on each sheet, 2-10000
   * @return the book
   */
  public static PadBook derived(long seed, String id, int sheets, int groupsPerSheet) {
    Objects.requireNonNull(id, "id");
    checkId(id);
    if (sheets < 1 || sheets > 100_000) {
      throw new IllegalArgumentException("sheets must be 1-100000, got " + sheets);
    }
    if (groupsPerSheet < 2 || groupsPerSheet > 10_000) {
      throw new IllegalArgumentException("groups per sheet must be 2-10000, got " + groupsPerSheet);
    }
    return new PadBook(id, groupsPerSheet, sheets, new SheetDerivation(seed, id));
  }

  /**
   * Returns a book of the given sheets, numbered 1, 2, ... in order.
   *
   * @throws IllegalArgumentException if the id is not 1-20 characters of {@code 0-9 A-Z -}, the
   *     sheets differ in size or are misnumbered, or two sheets share an indicator
   */
  public static PadBook of(String id, List<PadSheet> sheets, String generator) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(generator, "generator");
    checkId(id);
    if (sheets.isEmpty()) {
      throw new IllegalArgumentException("a pad book needs at least one sheet");
    }
    int size = sheets.get(0).groupCount();
    Map<Integer, Integer> indicators = new HashMap<>();
    for (int i = 0; i < sheets.size(); i++) {
      PadSheet s = sheets.get(i);
      if (s.number() != i + 1) {
        throw new IllegalArgumentException("sheet " + (i + 1) + " is numbered " + s.number());
      }
      if (s.groupCount() != size) {
        throw new IllegalArgumentException("sheet " + s.number() + " has " + s.groupCount()
            + " groups, sheet 1 has " + size);
      }
      Integer other = indicators.put(s.indicator(), s.number());
      if (other != null) {
        throw new IllegalArgumentException("sheets " + other + " and " + s.number()
            + " share an indicator");
      }
    }
    return new PadBook(id, size, Collections.unmodifiableList(new ArrayList<>(sheets)),
        generator);
  }

  private static void checkId(String id) {
    if (!BOOK_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a pad book id is 1-20 characters of 0-9, A-Z and -, got \""
          + id + "\"");
    }
  }

  /** Returns the book id. */
  public String id() {
    return id;
  }

  /** Returns the number of groups on each sheet, indicator included. */
  public int groupsPerSheet() {
    return groupsPerSheet;
  }

  /** Returns the number of sheets. */
  public int sheetCount() {
    return sheetCount;
  }

  /** Returns how the groups were generated, for example {@code sp800-90a-hmac-drbg}. */
  public String generator() {
    return generator;
  }

  /** Returns true if the book came from a seed and so is reproducible and insecure. */
  public boolean insecure() {
    return generator.startsWith(PadGenerator.SEEDED_LABEL);
  }

  /**
   * Returns sheet {@code number} (from 1).
   *
   * @throws IllegalArgumentException if there is no such sheet
   */
  public PadSheet sheet(int number) {
    if (number < 1 || number > sheetCount) {
      throw new IllegalArgumentException("book " + id + " has sheets 1-" + sheetCount
          + ", not " + number);
    }
    if (sheets != null) {
      return sheets.get(number - 1);
    }
    int slot = number & (recent.length - 1);
    PadSheet s = recent[slot];
    if (s == null || s.number() != number) {
      s = derivation.sheet(number, groupsPerSheet);
      recent[slot] = s;
    }
    return s;
  }

  /** Returns the sheet whose indicator is {@code indicator}, if any. */
  public Optional<PadSheet> sheetByIndicator(int indicator) {
    if (derivation != null) {
      if (indicator < 0 || indicator > 99_999) {
        return Optional.empty();
      }
      int n = derivation.sheetOf(indicator);
      return n > sheetCount ? Optional.empty() : Optional.of(sheet(n));
    }
    int i = Arrays.binarySearch(indicators, indicator);
    return i < 0 ? Optional.empty() : Optional.of(byIndicator[i]);
  }

  /** Returns the number of sheets a telegram of {@code textGroups} cipher groups needs (the end group included). */
  public int sheetsFor(int textGroups) {
    int keyPerSheet = groupsPerSheet - 1;
    return (textGroups + 1 + keyPerSheet - 1) / keyPerSheet;
  }

  /**
   * Returns a digest of the whole book, {@code sha256:} and 64 hex digits over its id, sheet size
   * and every digit of every sheet: what a {@link PadLedger} file records to refuse any other pad
   * (also one printed under the same book number). A one-way digest: it gives nothing of the pad
   * away.
   *
   * @return the digest
   */
  public String digest() {
    String d = digest;
    if (d == null) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((id + "\n" + groupsPerSheet + "\n").getBytes(StandardCharsets.US_ASCII));
        int per = groupsPerSheet * 5;
        byte[] digits = new byte[per];
        for (int n = 1; n <= sheetCount; n++) {
          PadSheet sheet = sheet(n);
          for (int g = 0; g < groupsPerSheet; g++) {
            int v = sheet.group(g);
            for (int k = 4; k >= 0; k--) {
              digits[g * 5 + k] = (byte) (v % 10);
              v /= 10;
            }
          }
          sha.update(digits, 0, per);
        }
        d = "sha256:" + HexFormat.of().formatHex(sha.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every Java platform", e);
      }
      digest = d;
    }
    return d;
  }

  /**
   * Returns the key digits (one per byte) of {@code count} sheets from {@code first}, in order,
   * each sheet's indicator left out. This is secret material.
   */
  public byte[] keyDigits(int first, int count) {
    int per = (groupsPerSheet - 1) * 5;
    byte[] out = new byte[per * count];
    for (int i = 0; i < count; i++) {
      sheet(first + i).copyKeyDigits(out, i * per);
    }
    return out;
  }

  /** Renders the book in its file format. */
  public String render() {
    StringBuilder sb = new StringBuilder(sheetCount * groupsPerSheet * 6 + 256);
    sb.append(MAGIC).append('\n');
    sb.append("book ").append(id).append('\n');
    sb.append("groups-per-sheet ").append(groupsPerSheet).append('\n');
    sb.append("sheets ").append(sheetCount).append('\n');
    sb.append("generator ").append(generator).append('\n');
    sb.append("# SECRET. Each sheet enciphers one telegram only.");
    if (insecure()) {
      sb.append(" This pad was made from a seed: anyone with the seed can rebuild it.");
    }
    sb.append('\n');
    for (int n = 1; n <= sheetCount; n++) {
      PadSheet s = sheet(n);
      sb.append('\n').append("SHEET ").append(s.number()).append('\n');
      byte[] d = s.digits();
      for (int g = 0; g < s.groupCount(); g++) {
        if (g % 10 != 0) {
          sb.append(' ');
        }
        for (int k = g * 5; k < g * 5 + 5; k++) {
          sb.append((char) ('0' + d[k]));
        }
        if (g % 10 == 9 || g == s.groupCount() - 1) {
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  /**
   * Reads a pad file: strict UTF-8, named in error messages as given.
   *
   * @param file the file
   * @throws MalformedInputException naming the file, line and column of the first problem
   * @throws java.io.IOException if it cannot be read
   */
  public static PadBook read(java.nio.file.Path file) throws java.io.IOException,
      MalformedInputException {
    return parse(org.shifrovka.internal.StrictUtf8.decode(java.nio.file.Files.readAllBytes(file),
        file.toString()), file.toString());
  }

  /**
   * Reads a pad file.
   *
   * @param text the file contents
   * @param source the file name, for error messages
   * @throws MalformedInputException naming line and column of the first problem
   */
  public static PadBook parse(String text, String source) throws MalformedInputException {
    return PadBookFile.parse(text, source);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PadBook)) {
      return false;
    }
    PadBook b = (PadBook) o;
    if (!id.equals(b.id) || !generator.equals(b.generator) || sheetCount != b.sheetCount
        || groupsPerSheet != b.groupsPerSheet) {
      return false;
    }
    if (derivation != null && b.derivation != null) {
      return true; // same id, size and label (which names the seed): the same derivation
    }
    for (int n = 1; n <= sheetCount; n++) {
      if (!sheet(n).equals(b.sheet(n))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sheetCount, groupsPerSheet, generator);
  }

  /** Returns the id and size only; never the groups. */
  @Override
  public String toString() {
    return "PadBook[" + id + ", " + sheetCount + " sheets of " + groupsPerSheet + " groups"
        + (insecure() ? ", INSECURE (seeded)" : "") + "]";
  }
}
