package org.shifrovka.cryptanalysis;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.shifrovka.CipherOffice;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.pad.SheetRun;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Station;
import org.shifrovka.text.Language;

/**
 * Makes intercepted traffic with faults of discipline, as a class's "enemy" would copy it: several
 * links into Moscow, each with its own pad book, every telegram enciphered by a
 * {@link CipherOffice} with the usual codebook, except that some clerks
 * <ul>
 *   <li>reuse a sheet that an earlier telegram of their link used, under the same indicator
 *       ({@link Builder#reuseRate}), and
 *   <li>are issued pages that the pad factory printed twice: the key groups of pages of another
 *       link's book, under their own book's indicators ({@link Builder#duplicatePageRate}, the
 *       1942 duplicates).
 * </ul>
 * A faulty telegram takes its key from the start of the earlier telegram's sheets and needs no
 * more sheets than that telegram used, so the two share key from their first text group on
 * (offset 0). Everything follows from the seed.
 *
 * <pre>{@code
 * Traffic t = TrafficGenerator.builder().messages(1000).seed(7).duplicatePageRate(0.05).build()
 *     .generate();
 * String file = InterceptFile.render(t.intercepts());
 * }</pre>
 */
public final class TrafficGenerator {
  /** Groups per pad sheet, indicator included (as in the 1949 scenario). */
  public static final int GROUPS_PER_SHEET = 60;
  /** The links, as "sender call-Moscow call", with the sender's station. */
  private static final String[][] LINKS = {
    {"ЛИС-РАМ", "TEREBIN", "Xibaipo", "Asia/Shanghai", "FILIPPOV"},
    {"ВОЛ-РАМ", "KOVALEV", "Mukden", "Asia/Shanghai", "KUZNETSOV"},
    {"СОК-РАМ", "ORLOV", "Harbin", "Asia/Shanghai", "KUZNETSOV"},
    {"КИТ-РАМ", "ROSHCHIN", "Nanjing", "Asia/Shanghai", "MOLOTOV"},
    {"БОР-РАМ", "BERIA", "Dalny", "Asia/Shanghai", "KUZNETSOV"},
    {"ТИГ-РАМ", "GAO GANG", "Harbin", "Asia/Shanghai", "FILIPPOV"},
  };
  private static final Station MOSCOW = Station.of("KUZNETSOV", "Moscow", "Europe/Moscow");
  private static final LocalDateTime FIRST_DAY = LocalDateTime.of(1949, 1, 3, 8, 0);

  private final int messages;
  private final long seed;
  private final double reuseRate;
  private final double duplicatePageRate;
  private final double garbleRate;
  private final int minUnits;
  private final int maxUnits;
  private final int links;
  private final Codebook codebook;

  private TrafficGenerator(Builder b) {
    this.messages = b.messages;
    this.seed = b.seed;
    this.reuseRate = b.reuseRate;
    this.duplicatePageRate = b.duplicatePageRate;
    this.garbleRate = b.garbleRate;
    this.minUnits = b.minUnits;
    this.maxUnits = b.maxUnits;
    this.links = b.links;
    this.codebook = b.codebook != null ? b.codebook
        : Codebook.generate(Vocabulary.builtIn(Language.ENGLISH), CodebookStyle.TWO_PART, b.seed);
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** One link's state while the traffic is made. */
  private static final class Link {
    final String call;
    final Station from;
    final String addressee;
    final String signature;
    final List<PadSheet> sheets;
    final String bookId;
    final String label;
    PadBook book;
    int nextSheet = 1;
    int serial = 1;
    final List<Integer> sentHere = new ArrayList<>(); // indexes into sent

    Link(String[] row, PadBook book) {
      this.call = row[0];
      this.from = Station.of(row[1].replace(' ', '-'), row[2], row[3]);
      this.signature = row[1];
      this.addressee = row[4];
      this.book = book;
      this.bookId = book.id();
      this.label = book.generator();
      this.sheets = new ArrayList<>();
      for (int s = 1; s <= book.sheetCount(); s++) {
        sheets.add(book.sheet(s));
      }
    }
  }

  /** A ledger that gives out what the (careless) clerk decided: the reuse lives here. */
  private static final class ClerkLedger implements PadLedger {
    SheetRun next;

    @Override
    public SheetRun reserve(PadBook book, int count) {
      if (next == null || next.count() != count || !next.bookId().equals(book.id())) {
        throw new IllegalStateException("the clerk planned " + next + ", the office asked for "
            + count + " sheets of book " + book.id());
      }
      SheetRun r = next;
      next = null;
      return r;
    }

    @Override
    public void claim(PadBook book, int first, int count) {
      // the careless clerk keeps no record: a sheet he used stays free for him to use again
    }

    @Override
    public SortedSet<Integer> usedSheets(String bookId) {
      return new TreeSet<>();
    }
  }

  /**
   * Makes the traffic.
   *
   * @return the intercepts, the answers and the codebook
   */
  public Traffic generate() {
    Random r = new Random(seed);
    TrafficComposer composer = new TrafficComposer(codebook);
    int sheetsPerLink = sheetsPerLink(messages, links, maxUnits);
    List<Link> ls = new ArrayList<>();
    for (int k = 0; k < links; k++) {
      PadBook book = PadGenerator.seededInsecure(seed * 1009 + k)
          .generate(String.format(Locale.ROOT, "%05d", 10_000 + r.nextInt(90_000)),
              sheetsPerLink, GROUPS_PER_SHEET);
      ls.add(new Link(LINKS[k % LINKS.length], book));
    }
    List<TrafficAnswers.Sent> sent = new ArrayList<>(messages);
    List<int[]> pages = new ArrayList<>(messages);
    List<Integer> textGroups = new ArrayList<>(messages);
    List<Intercept> intercepts = new ArrayList<>(messages);
    // page ids: link * 1_000_000 + sheet; a copied page keeps its original's id
    List<int[]> pageIds = new ArrayList<>();
    for (int k = 0; k < links; k++) {
      int[] ids = new int[ls.get(k).sheets.size() + 1];
      for (int s = 1; s < ids.length; s++) {
        ids[s] = k * 1_000_000 + s;
      }
      pageIds.add(ids);
    }
    ClerkLedger ledger = new ClerkLedger();
    LocalDateTime when = FIRST_DAY;
    int keyPerSheet = GROUPS_PER_SHEET - 1;
    for (int m = 0; m < messages; m++) {
      int k = r.nextInt(links);
      Link link = ls.get(k);
      when = when.plusMinutes(5 + r.nextInt(40));
      int units = minUnits + r.nextInt(maxUnits - minUnits + 1);
      Clock clock = Clock.fixed(when.atZone(MOSCOW.zone()).toInstant(), ZoneOffset.UTC);
      try {
        // the clerk's fault first: which earlier telegram's sheets this one will take
        double u = r.nextDouble();
        TrafficAnswers.Fault fault = TrafficAnswers.Fault.NONE;
        int earlier = -1;
        if (u < reuseRate && !link.sentHere.isEmpty()) {
          earlier = link.sentHere.get(r.nextInt(link.sentHere.size()));
          fault = TrafficAnswers.Fault.SAME_INDICATOR;
        } else if (u >= reuseRate && u < reuseRate + duplicatePageRate / 2) {
          List<Integer> others = new ArrayList<>();
          for (int i = 0; i < sent.size(); i++) {
            if (!sent.get(i).link().equals(link.call)) {
              others.add(i);
            }
          }
          if (!others.isEmpty()) {
            earlier = others.get(r.nextInt(others.size()));
            fault = TrafficAnswers.Fault.DUPLICATE_PAGE;
          }
        }
        // a faulty telegram fits on the sheets it takes: the clerk writes it shorter if need be
        int limit = earlier >= 0 ? sent.get(earlier).sheets() : Integer.MAX_VALUE;
        CipherOffice probe = office(link, ledger, clock);
        String text;
        int need;
        while (true) {
          text = composer.compose(r, units, link.addressee, link.signature);
          int digits = codebook.encode(probe.canonical(text, "<generated>")).length();
          need = link.book.sheetsFor((digits + 4) / 5);
          if (need <= limit || units <= 8) {
            break;
          }
          units = Math.max(8, units * 2 / 3);
        }
        if (need > limit) {
          fault = TrafficAnswers.Fault.NONE;
          earlier = -1;
        }
        int first = -1;
        if (fault == TrafficAnswers.Fault.SAME_INDICATOR) {
          first = sent.get(earlier).firstSheet();
        } else if (fault == TrafficAnswers.Fault.DUPLICATE_PAGE) {
          if (link.nextSheet + need - 1 <= link.sheets.size()) {
            TrafficAnswers.Sent x = sent.get(earlier);
            Link from = byCall(ls, x.link());
            int fromLink = ls.indexOf(from);
            for (int j = 0; j < need; j++) {
              PadSheet original = from.sheets.get(x.firstSheet() + j - 1);
              int t = link.nextSheet + j;
              int[] groups = new int[GROUPS_PER_SHEET];
              groups[0] = link.sheets.get(t - 1).indicator();
              for (int g = 1; g < GROUPS_PER_SHEET; g++) {
                groups[g] = original.group(g);
              }
              link.sheets.set(t - 1, PadSheet.of(t, groups));
              pageIds.get(k)[t] = pageIds.get(fromLink)[x.firstSheet() + j];
            }
            link.book = PadBook.of(link.bookId, link.sheets, link.label);
          } else {
            fault = TrafficAnswers.Fault.NONE; // the book is used up: an honest sheet after all
          }
        }
        if (first < 0) {
          first = link.nextSheet;
          link.nextSheet += need;
        }
        ledger.next = new SheetRun(link.bookId, first, need);
        Encipherment enc = office(link, ledger, clock).encipher(text, "<generated>");
        link.serial++;
        Radiogram radiogram = enc.telegrams().get(0).radiogram();
        if (garbleRate > 0) {
          radiogram = garble(r, radiogram);
        }
        int id = m + 1;
        intercepts.add(Intercept.of(id, link.call, radiogram));
        int[] p = new int[need];
        for (int j = 0; j < need; j++) {
          p[j] = pageIds.get(k)[first + j];
        }
        pages.add(p);
        textGroups.add(radiogram.groups().size() - 3);
        link.sentHere.add(sent.size());
        sent.add(new TrafficAnswers.Sent(id, link.call, link.bookId, first, need,
            link.book.sheet(first).indicator(), fault, enc.text().toString()));
      } catch (MalformedInputException | PadSecurityException | IOException e) {
        throw new IllegalStateException("generated message " + (m + 1) + " failed: "
            + e.getMessage(), e);
      }
    }
    List<TrafficAnswers.TrueDepth> depths = TrafficAnswers.depthsOf(sent, pages, keyPerSheet,
        textGroups);
    return new Traffic(intercepts, new TrafficAnswers(seed, sent, depths), codebook);
  }

  /** Sheets enough for every link's share of the traffic at the longest messages. */
  private static int sheetsPerLink(int messages, int links, int maxUnits) {
    long perLink = (messages + links - 1) / links;
    long sheets = perLink * ((maxUnits * 4L / 5 + 4) / (GROUPS_PER_SHEET - 1) + 2) + 4;
    return (int) Math.min(Integer.MAX_VALUE, sheets);
  }

  private CipherOffice office(Link link, PadLedger ledger, Clock clock) {
    return CipherOffice.builder().codebook(codebook).padBook(link.book).ledger(ledger)
        .clock(clock).from(link.from).to(MOSCOW).addressee(link.addressee.replace(' ', '-'))
        .firstSerial(link.serial).precedence(Precedence.ORDINARY).build();
  }

  private static Link byCall(List<Link> ls, String call) {
    for (Link l : ls) {
      if (l.call.equals(call)) {
        return l;
      }
    }
    throw new IllegalStateException("no link " + call);
  }

  /** Makes digits unreadable, as a weak signal does: about one group in {@code 1/garbleRate}. */
  private Radiogram garble(Random r, Radiogram radiogram) {
    List<String> g = new ArrayList<>(radiogram.groups());
    boolean changed = false;
    for (int i = 0; i < g.size(); i++) {
      if (r.nextDouble() < garbleRate) {
        char[] c = g.get(i).toCharArray();
        c[r.nextInt(5)] = '?';
        g.set(i, new String(c));
        changed = true;
      }
    }
    return changed ? radiogram.withGroups(g) : radiogram;
  }

  @Override
  public String toString() {
    return "TrafficGenerator[" + messages + " messages, seed " + seed + "]";
  }

  /** Builds a {@link TrafficGenerator}; {@link #build()} checks the settings. */
  public static final class Builder {
    private int messages = 100;
    private long seed = 1949;
    private double reuseRate = 0.02;
    private double duplicatePageRate = 0.05;
    private double garbleRate;
    private int minUnits = 40;
    private int maxUnits = 240;
    private int links = LINKS.length;
    private Codebook codebook;

    private Builder() {}

    /** Sets the number of telegrams (default 100). */
    public Builder messages(int v) {
      messages = v;
      return this;
    }

    /** Sets the seed of texts, pads, faults and garbles (default 1949). */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** Sets the fraction of telegrams that reuse an earlier sheet of their link (default 0.02). */
    public Builder reuseRate(double v) {
      reuseRate = v;
      return this;
    }

    /**
     * Sets the fraction of telegrams enciphered on a page printed twice (default 0.05): half of
     * them are the later users of a copy, each paired with an earlier telegram of another link.
     */
    public Builder duplicatePageRate(double v) {
      duplicatePageRate = v;
      return this;
    }

    /** Sets the chance that a group is copied with one digit unreadable (default 0: none). */
    public Builder garbleRate(double v) {
      garbleRate = v;
      return this;
    }

    /** Sets the range of message lengths in code units (default 40-240). */
    public Builder length(int min, int max) {
      minUnits = min;
      maxUnits = max;
      return this;
    }

    /** Sets the number of links, 1-6 (default 6). */
    public Builder links(int v) {
      links = v;
      return this;
    }

    /** Sets the codebook (default: the built-in English vocabulary, two-part, from the seed). */
    public Builder codebook(Codebook v) {
      codebook = Objects.requireNonNull(v, "codebook");
      return this;
    }

    /**
     * Builds the generator.
     *
     * @throws IllegalArgumentException naming the first setting out of range
     */
    public TrafficGenerator build() {
      if (messages < 1 || messages > 100_000) {
        throw new IllegalArgumentException("messages must be 1-100000, got " + messages);
      }
      checkRate("reuse rate", reuseRate);
      checkRate("duplicate-page rate", duplicatePageRate);
      checkRate("garble rate", garbleRate);
      if (reuseRate + duplicatePageRate / 2 > 1) {
        throw new IllegalArgumentException("reuse rate + duplicate-page rate / 2 must be at most 1");
      }
      if (minUnits < 8 || maxUnits < minUnits || maxUnits > 2000) {
        throw new IllegalArgumentException("message lengths must be 8 <= min <= max <= 2000, got "
            + minUnits + "-" + maxUnits);
      }
      if (links < 1 || links > LINKS.length) {
        throw new IllegalArgumentException("links must be 1-" + LINKS.length + ", got " + links);
      }
      if (sheetsPerLink(messages, links, maxUnits) > 100_000) {
        throw new IllegalArgumentException(messages + " messages of up to " + maxUnits
            + " code groups need more than 100,000 pad sheets a link; send fewer or shorter");
      }
      return new TrafficGenerator(this);
    }

    private static void checkRate(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be 0-1, got " + v);
      }
    }
  }
}
