package org.shifrovka.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.shifrovka.MalformedInputException;

/** Every character a clerk could send has a rendering; the rest follow a stated policy. */
class EveryCharacterTest {

  @ParameterizedTest
  @EnumSource(Language.class)
  void everyPrintableAsciiCharacter_hasARendering_whoseCanonicalFormIsItself(Language language)
      throws Exception {
    Telegraphese t = Telegraphese.of(language);
    for (char c = 0x21; c < 0x7F; c++) {
      String typed = "A " + c + " B";
      TelegraphText once = t.normalize(typed, "<test>");
      assertThat(once.size()).as("'%s'", c).isGreaterThanOrEqualTo(2);
      assertThat(t.normalize(once.toString(), "<again>").toString()).as("'%s'", c)
          .isEqualTo(once.toString());
    }
  }

  @Test
  void signsOnceRefused_areWords() throws Exception {
    Telegraphese en = Telegraphese.of(Language.ENGLISH);
    assertThat(en.normalize("Tom & Jerry @ 5 # 7 * $ 100 % + 1 = 2 <a> {b} c\\d ^ _ | ~ `e`", "t")
        .toString()).isEqualTo("TOM AND JERRY AT 5 NUMBER 7 STAR DOLLAR 100 PERCENT PLUS 1 EQUALS"
            + " 2 PAREN A PAREN PAREN B PAREN C SLASH D CARET UNDERSCORE BAR TILDE QUOTE E QUOTE");
    Telegraphese ru = Telegraphese.of(Language.RUSSIAN);
    assertThat(ru.normalize("«Правда» № 5 — 10 % & Ко…", "t").toString())
        .isEqualTo("КВЧ ПРАВДА КВЧ НР 5 ТИРЕ 10 ПРЦ И КО ТЧК ТЧК ТЧК");
  }

  @Test
  void latinLettersAreTransliterated_andSaidSo() throws Exception {
    Telegraphese en = Telegraphese.of(Language.ENGLISH);
    String decomposed = "Cafe\u0301";
    assertThat(en.normalize(decomposed, "t").toString()).isEqualTo("CAFE");
    assertThat(en.normalize("Café", "t").toString()).isEqualTo("CAFE");
    assertThat(en.normalize("Łódź Straße Ærø ﬁnal ＡＢＣ１２", "t").toString())
        .isEqualTo("LODZ STRASSE AERO FINAL ABC12");
    assertThat(Telegraphese.of(Language.RUSSIAN).normalize("Київ Ґанок", "t").toString())
        .isEqualTo("КИИВ ГАНОК");
    List<Telegraphese.Transliteration> changes =
        Telegraphese.transliterations("ok\nŁódź " + decomposed + " Ёлка");
    assertThat(changes).extracting(c -> c.line() + ":" + c.column() + " " + c.typed() + ">"
        + c.sentAs()).containsExactly("2:1 Ł>L", "2:2 ó>O", "2:4 ź>Z", "2:10 \u0301>");
  }

  @Test
  void unknownCharacters_refuseSpellOrDrop() throws Exception {
    Telegraphese en = Telegraphese.of(Language.ENGLISH);
    assertThatThrownBy(() -> en.normalize("hi 😀 α", "<test>"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("<test>:1:4: character U+1F600 '😀' cannot be carried by any code or spell"
            + " table");
    assertThat(en.withUnknownCharacters(UnknownCharacters.SPELL).normalize("hi 😀 α中", "t")
        .toString()).isEqualTo("HI GRINNING FACE GREEK SMALL LETTER ALPHA CJK UNIFIED"
            + " IDEOGRAPHS 4E2D");
    assertThat(en.withUnknownCharacters(UnknownCharacters.DROP).normalize("hi 😀there α", "t")
        .toString()).isEqualTo("HI THERE");
    Telegraphese spell = en.withUnknownCharacters(UnknownCharacters.SPELL);
    String once = spell.normalize("\u0378 \u0007", "t").toString();
    assertThat(once).isEqualTo("UNICODE 0378 BEL");
    assertThat(spell.normalize(once, "t").toString()).isEqualTo(once);
  }
}
