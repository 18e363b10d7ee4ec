package org.shifrovka.checkerboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CheckerboardProperties {

  @Property(tries = 300)
  void englishRoundTrips(@ForAll("english") String text) throws Exception {
    StraddlingCheckerboard b = StraddlingCheckerboard.english();
    assertThat(b.decode(b.encode(text, "p"))).isEqualTo(text);
  }

  @Property(tries = 300)
  void russianRoundTrips(@ForAll("russian") String text) throws Exception {
    StraddlingCheckerboard b = StraddlingCheckerboard.russian();
    assertThat(b.decode(b.encode(text, "p"))).isEqualTo(text);
  }

  @Property(tries = 100)
  void russianKeyedRoundTrips(@ForAll("russian") String text, @ForAll("digits") String cols)
      throws Exception {
    StraddlingCheckerboard b;
    try {
      b = StraddlingCheckerboard.russianKeyed(cols, "СНЕГОПАД");
    } catch (IllegalArgumentException e) { // the figure shift fell on a doubled digit
      return;
    }
    assertThat(b.decode(b.encode(text.replace(",", ""), "p"))).isEqualTo(text.replace(",", ""));
  }

  @Property(tries = 200)
  void everyKeyedBoardRoundTrips(@ForAll("english") String text, @ForAll("digits") String cols,
      @ForAll("keyword") String keyword) throws Exception {
    StraddlingCheckerboard b;
    try {
      b = StraddlingCheckerboard.keyed(cols, keyword, 2, StraddlingCheckerboard.ENGLISH_ALPHABET,
          Locale.ROOT);
    } catch (IllegalArgumentException e) { // the figure shift fell on a doubled digit
      return;
    }
    assertThat(b.decode(b.encode(text, "p"))).isEqualTo(text);
  }

  @Property(tries = 300)
  void completedGroupsRoundTrip(@ForAll("english") String en, @ForAll("russian") String ru)
      throws Exception {
    for (StraddlingCheckerboard b : new StraddlingCheckerboard[] {
        StraddlingCheckerboard.english(), StraddlingCheckerboard.russian()}) {
      String text = b.code('A') != null ? en : ru;
      String whole = b.completeGroups(b.encode(text, "p"));
      assertThat(whole.length() % 5).isZero();
      assertThat(whole.length() - b.encode(text, "p").length()).isBetween(0, 4);
      assertThat(b.decodeCompleted(whole)).isEqualTo(text);
    }
  }

  @Provide
  Arbitrary<String> english() {
    return Arbitraries.strings().withChars(StraddlingCheckerboard.ENGLISH_ALPHABET + "0123456789.")
        .ofMaxLength(120);
  }

  @Provide
  Arbitrary<String> russian() {
    return Arbitraries.strings().withChars("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЫЬЭЮЯ" + "0123456789.,")
        .ofMaxLength(120);
  }

  @Provide
  Arbitrary<String> digits() {
    return Arbitraries.shuffle(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
        .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
  }

  @Provide
  Arbitrary<String> keyword() {
    return Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(15);
  }
}
