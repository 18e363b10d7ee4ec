package org.shifrovka.pad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Books whose sheets are derived on demand, {@link PadBook#derived}. */
class DerivedPadBookTest {

  /** The sheets of a book generated in order, 1, 2, ..., by a fresh derivation each time. */
  private static List<PadSheet> inOrder(long seed, String id, int sheets, int groups) {
    SheetDerivation d = new SheetDerivation(seed, id);
    List<PadSheet> out = new ArrayList<>();
    for (int n = 1; n <= sheets; n++) {
      out.add(d.sheet(n, groups));
    }
    return out;
  }

  @Test
  void onDemandSheetsEqualTheBookGeneratedInOrder() {
    PadBook lazy = PadBook.derived(7L, "HUB-S1", 500, 60);
    PadBook printed = PadBook.of("HUB-S1", inOrder(7L, "HUB-S1", 500, 60), lazy.generator());
    for (int n : new int[] {500, 1, 250, 17, 499}) { // out of order, the last sheet first
      assertEquals(printed.sheet(n), lazy.sheet(n), "sheet " + n);
    }
    assertEquals(printed, lazy);
    assertEquals(lazy, printed);
    assertEquals(printed.digest(), lazy.digest());
    assertEquals(printed.render(), lazy.render());
  }

  @Test
  void renderedAndParsedBackIsTheSameBook() throws Exception {
    PadBook lazy = PadBook.derived(1949L, "TEREBIN-KUZNETSOV", 20, 60);
    PadBook parsed = PadBook.parse(lazy.render(), "pad.txt");
    assertEquals(lazy, parsed);
    assertTrue(parsed.insecure());
    assertTrue(lazy.generator().startsWith("seeded-insecure-derived seed=1949"));
  }

  @Test
  void theSameArgumentsGiveTheSameDigitsAndOthersDoNot() {
    PadBook a = PadBook.derived(5L, "A-B", 100_000, 60);
    PadBook b = PadBook.derived(5L, "A-B", 100_000, 60);
    assertEquals(a.sheet(99_999), b.sheet(99_999));
    assertNotEquals(a.sheet(3), PadBook.derived(6L, "A-B", 100_000, 60).sheet(3));
    assertNotEquals(a.sheet(3), PadBook.derived(5L, "B-A", 100_000, 60).sheet(3));
    // a book's sheets do not depend on how many are provisioned
    assertEquals(a.sheet(3), PadBook.derived(5L, "A-B", 10, 60).sheet(3));
  }

  /** Pins the derivation (its own output, not an outside vector): a change alters every seeded run. */
  @Test
  void knownAnswer() {
    PadSheet s = PadBook.derived(1949L, "TEREBIN-KUZNETSOV", 1000, 10).sheet(1);
    StringBuilder sb = new StringBuilder();
    for (int g = 0; g < s.groupCount(); g++) {
      sb.append(String.format("%05d ", s.group(g)));
    }
    assertEquals(KNOWN, sb.toString().trim());
  }

  static final String KNOWN = "21003 39953 13859 42806 37809 19821 37244 58307 80960 83948";

  @Test
  void indicatorsAreDistinctAndFindTheirSheet() {
    PadBook book = PadBook.derived(11L, "X", 100_000, 2);
    Set<Integer> seen = new HashSet<>();
    for (int n = 1; n <= 100_000; n++) {
      int ind = book.sheet(n).indicator();
      assertTrue(seen.add(ind), "indicator of sheet " + n + " repeats");
    }
    PadBook small = PadBook.derived(11L, "X", 10, 2);
    int found = 0;
    for (int ind = 0; ind < 100_000; ind++) {
      if (small.sheetByIndicator(ind).isPresent()) {
        assertEquals(ind, small.sheetByIndicator(ind).get().indicator());
        found++;
      }
    }
    assertEquals(10, found);
    assertFalse(small.sheetByIndicator(100_000).isPresent());
  }

  @Property(tries = 200)
  void anySheetIsFoundByItsIndicator(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100_000)
      int n) {
    PadBook book = PadBook.derived(seed, "P-Q", 100_000, 12);
    PadSheet s = book.sheet(n);
    assertEquals(s, book.sheetByIndicator(s.indicator()).orElseThrow());
    assertEquals(12, s.groupCount());
  }
}
