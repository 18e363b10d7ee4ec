package org.shifrovka.pad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;

class PadBookTest {

  @Test
  void seeded_isReproducibleAndSaysItIsInsecure() {
    PadBook a = PadGenerator.seededInsecure(1949).generate(3, 60);
    PadBook b = PadGenerator.seededInsecure(1949).generate(3, 60);
    assertThat(a).isEqualTo(b);
    assertThat(a.insecure()).isTrue();
    assertThat(a.render()).contains("generator seeded-insecure seed=1949")
        .contains("anyone with the seed can rebuild it");
    assertThat(PadGenerator.seededInsecure(1950).generate(3, 60)).isNotEqualTo(a);
  }

  @Test
  void secure_differsEachTimeAndIsNotMarkedInsecure() {
    PadGenerator g = PadGenerator.secure();
    assertThat(g.isSecure()).isTrue();
    PadBook a = g.generate("A", 2, 60);
    PadBook b = PadGenerator.secure().generate("A", 2, 60);
    assertThat(a.insecure()).isFalse();
    assertThat(a.sheet(1).indicator() == b.sheet(1).indicator()
        && a.sheet(1).group(1) == b.sheet(1).group(1)).isFalse();
  }

  @Test
  void digits_areRoughlyUniform() {
    PadBook book = PadGenerator.seededInsecure(3).generate(200, 60);
    int[] counts = new int[10];
    for (int s = 1; s <= book.sheetCount(); s++) {
      for (int g = 0; g < 60; g++) {
        int v = book.sheet(s).group(g);
        for (int k = 0; k < 5; k++) {
          counts[v % 10]++;
          v /= 10;
        }
      }
    }
    for (int c : counts) {
      assertThat(c).isBetween(5400, 6600); // 60,000 digits, expected 6,000 each
    }
  }

  @Test
  void indicators_areDistinctWithinABook() {
    PadBook book = PadGenerator.seededInsecure(5).generate(2000, 10);
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int s = 1; s <= book.sheetCount(); s++) {
      assertThat(seen.add(book.sheet(s).indicator())).isTrue();
      assertThat(book.sheetByIndicator(book.sheet(s).indicator())).contains(book.sheet(s));
    }
  }

  @Test
  void sheetByIndicator_anIndicatorNotInTheBook_findsNoSheet() {
    PadBook book = PadGenerator.seededInsecure(5).generate(50, 10);
    java.util.Set<Integer> used = new java.util.HashSet<>();
    for (int s = 1; s <= book.sheetCount(); s++) {
      used.add(book.sheet(s).indicator());
    }
    int misses = 0;
    for (int i = 0; i < 100_000; i += 7) {
      if (!used.contains(i)) {
        assertThat(book.sheetByIndicator(i)).isEmpty();
        misses++;
      }
    }
    assertThat(misses).isGreaterThan(14_000);
    assertThat(book.sheetByIndicator(-1)).isEmpty();
    assertThat(book.sheetByIndicator(100_000)).isEmpty();
  }

  @Test
  void renderThenParse_givesTheSameBook() throws Exception {
    PadBook book = PadGenerator.seededInsecure(7).generate(4, 23);
    assertThat(PadBook.parse(book.render(), "pads.txt")).isEqualTo(book);
  }

  @Test
  void toString_neverShowsGroups() {
    PadBook book = PadGenerator.seededInsecure(7).generate(1, 60);
    String indicator = String.format("%05d", book.sheet(1).indicator());
    assertThat(book.toString()).doesNotContain(indicator).contains("INSECURE");
    assertThat(book.sheet(1).toString()).doesNotContain(indicator);
  }

  @Test
  void keyDigits_skipTheIndicatorOfEverySheet() {
    PadBook book = PadBook.of("T", java.util.List.of(PadSheet.of(1, 37584, 61209, 77354),
        PadSheet.of(2, 11111, 22222, 33333)), "test");
    assertThat(book.keyDigits(1, 2)).containsExactly(6, 1, 2, 0, 9, 7, 7, 3, 5, 4, 2, 2, 2, 2, 2,
        3, 3, 3, 3, 3);
    assertThat(book.sheetsFor(1)).isEqualTo(1); // one text group plus the end group
    assertThat(book.sheetsFor(2)).isEqualTo(2);
  }

  @Test
  void parse_badGroup_namesLineAndColumn() {
    String pad = PadGenerator.seededInsecure(1).generate(1, 20).render();
    String broken = pad.replaceFirst("(?m)^(\\d{5}) (\\d{5}) (\\d{5})", "$1 $2 12a45");
    assertThatThrownBy(() -> PadBook.parse(broken, "pads.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("pads.txt:9:13: expected a 5-digit group, found \"12a45\"");
  }

  @Test
  void parse_shortSheet_isRefused() {
    String pad = PadGenerator.seededInsecure(1).generate(2, 20).render();
    String broken = pad.replaceFirst("(?m)^(\\d{5} ){9}\\d{5}\n", "");
    assertThatThrownBy(() -> PadBook.parse(broken, "pads.txt"))
        .hasMessage("pads.txt:8: sheet 1 has 10 groups, expected 20");
  }

  @Test
  void parse_wrongSheetNumber_isRefused() {
    String pad = PadGenerator.seededInsecure(1).generate(2, 10).render().replace("SHEET 2",
        "SHEET 3");
    assertThatThrownBy(() -> PadBook.parse(pad, "pads.txt"))
        .hasMessageContaining(":7: expected SHEET 2, found SHEET 3");
  }

  @Test
  void parse_notAPad_isRefused() {
    assertThatThrownBy(() -> PadBook.parse("SHIFROVKA CODEBOOK 1\n", "x"))
        .hasMessageStartingWith("x:1:1: not a shifrovka pad");
  }
}
