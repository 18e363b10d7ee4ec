package org.shifrovka.vic;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** VIC round trips on arbitrary text in each board's alphabet, under arbitrary keys. */
class VicProperties {
  private static final String RUSSIAN = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЫЬЭЮЯ" + "0123456789.,№=#";
  private static final String ENGLISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "0123456789.";

  @Property(tries = 300)
  void russianRoundTrips(@ForAll("russian") String text, @ForAll("russianPhrase") String phrase,
      @ForAll @NumericChars @StringLength(min = 5, max = 8) String date,
      @ForAll @IntRange(min = 1, max = 16) int personalNumber,
      @ForAll @NumericChars @StringLength(5) String keygroup) throws Exception {
    roundTrip(VicBoard.RUSSIAN, text, phrase, date, personalNumber, keygroup);
  }

  @Property(tries = 300)
  void englishRoundTrips(@ForAll("english") String text, @ForAll("englishPhrase") String phrase,
      @ForAll @NumericChars @StringLength(min = 5, max = 8) String date,
      @ForAll @IntRange(min = 1, max = 16) int personalNumber,
      @ForAll @NumericChars @StringLength(5) String keygroup) throws Exception {
    roundTrip(VicBoard.ENGLISH, text, phrase, date, personalNumber, keygroup);
  }

  private static void roundTrip(VicBoard board, String text, String phrase, String date,
      int personalNumber, String keygroup) throws Exception {
    VicCipher vic = VicCipher.builder().phrase(phrase).date(date).personalNumber(personalNumber)
        .board(board).build();
    VicEncipherment e;
    try {
      e = vic.encipher(text, keygroup, "p");
    } catch (IllegalArgumentException ten) { // line P of this keygroup is ten equal digits
      assertThat(ten).hasMessageContaining("ten equal digits");
      return;
    }
    assertThat(e.groups()).contains(keygroup);
    assertThat(e.secondTransposition()).hasSameSizeAs(e.checkerboardDigits());
    VicDecipherment d = vic.decipher(e.ciphertext());
    assertThat(d.keygroup()).isEqualTo(keygroup);
    assertThat(d.checkerboardDigits()).isEqualTo(e.checkerboardDigits());
    assertThat(d.text()).isEqualTo(text);
  }

  @Provide
  Arbitrary<String> russian() {
    return Arbitraries.strings().withChars(RUSSIAN).ofMinLength(1).ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> english() {
    return Arbitraries.strings().withChars(ENGLISH).ofMinLength(1).ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> russianPhrase() {
    return Arbitraries.strings().withChars("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ ").ofMinLength(40)
        .ofMaxLength(60).filter(s -> VicKeys.letters(s).length() >= 20);
  }

  @Provide
  Arbitrary<String> englishPhrase() {
    return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ abc").ofMinLength(40)
        .ofMaxLength(60).filter(s -> VicKeys.letters(s).length() >= 20);
  }
}
