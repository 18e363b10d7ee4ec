package org.shifrovka.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;

class TelegrapheseTest {
  private final Telegraphese en = Telegraphese.of(Language.ENGLISH);
  private final Telegraphese ru = Telegraphese.of(Language.RUSSIAN);

  private String en(String s) throws MalformedInputException {
    return en.normalize(s, "<test>").toString();
  }

  private String ru(String s) throws MalformedInputException {
    return ru.normalize(s, "<test>").toString();
  }

  @Test
  void english_punctuationBecomesWords() throws Exception {
    assertThat(en("Comrade Filippov, I received your telegram of January 10."))
        .isEqualTo("COMRADE FILIPPOV COMMA I RECEIVED YOUR TELEGRAM OF JANUARY 10 STOP");
    assertThat(en("goal--to preserve (a statement): \"yes\"; no? no!"))
        .isEqualTo("GOAL DASH TO PRESERVE PAREN A STATEMENT PAREN COLON QUOTE YES QUOTE SEMICOLON"
            + " NO QUERY NO EXCLAM");
  }

  @Test
  void russian_punctuationBecomesTelegraphese() throws Exception {
    assertThat(ru("Товарищу Филиппову: «Получил», (ответ) № 5."))
        .isEqualTo("ТОВАРИЩУ ФИЛИППОВУ ДВТЧ КВЧ ПОЛУЧИЛ КВЧ ЗПТ СКБ ОТВЕТ СКБ НР 5 ТЧК");
  }

  @Test
  void innerHyphenAndApostropheStayInTheWord() throws Exception {
    assertThat(en("Chiang Kai-shek and the government's wishes, countries' affairs"))
        .isEqualTo("CHIANG KAI-SHEK AND THE GOVERNMENT'S WISHES COMMA COUNTRIES QUOTE AFFAIRS");
  }

  @Test
  void paragraphs_emptyLineSeparates_singleBreakIsASpace() throws Exception {
    assertThat(en("one\ntwo\n\n\n  three\r\n\r\nfour")).isEqualTo("ONE TWO\n\nTHREE\n\nFOUR");
  }

  @Test
  void paragraphNumber_keptOnlyAtParagraphStart() throws Exception {
    assertThat(en("1. We think.\n\n2. Also 3. not")).isEqualTo("1. WE THINK STOP\n\n2. ALSO 3 STOP NOT");
    assertThat(en("Version 1.5")).isEqualTo("VERSION 1 STOP 5");
  }

  @Test
  void caseDiacriticsAndYoAreFolded() throws Exception {
    assertThat(en("Café Señor")).isEqualTo("CAFE SENOR");
    assertThat(ru("Ещё йод")).isEqualTo("ЕЩЕ ЙОД");
  }

  @Test
  void ellipsisAndDashRuns() throws Exception {
    assertThat(ru("Так… — нет -- да")).isEqualTo("ТАК ТЧК ТЧК ТЧК ТИРЕ НЕТ ТИРЕ ДА");
  }

  @Test
  void coverNamesReplaceRealNames() throws Exception {
    Telegraphese t = en.withCoverName("Stalin", "Filippov");
    assertThat(t.normalize("For Stalin.", "m").toString()).isEqualTo("FOR FILIPPOV STOP");
  }

  @Test
  void emoji_isRefusedWithLineAndColumn() {
    assertThatThrownBy(() -> en("ok\nbad 😀 here"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("<test>:2:5: character U+1F600 '😀' cannot be carried by any code or spell table");
  }

  @Test
  void controlCharacter_isRefused() {
    assertThatThrownBy(() -> en("a\u0007b")).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("1:2").hasMessageContaining("U+0007");
  }

  @Test
  void chinese_isRefused() {
    assertThatThrownBy(() -> ru("毛泽东")).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("1:1").hasMessageContaining("U+6BDB");
  }

  @Test
  void emptyMessage_isRefused() {
    assertThatThrownBy(() -> en("  \n\n ")).isInstanceOf(MalformedInputException.class)
        .hasMessage("<test>: the message is empty");
  }

  @Test
  void canonicalForm_isStableWhenNormalisedAgain() throws Exception {
    String once = en("1. Hello, world -- (again)!\n\nMao Zedong 12 January 1949");
    assertThat(en(once)).isEqualTo(once);
  }

  @Test
  void withKnownWords_sharesTheGivenStringsAndChangesNothingElse() throws Exception {
    String comrade = new String("COMRADE".toCharArray());
    String inArms = new String("COMRADE-IN-ARMS".toCharArray());
    Telegraphese shared = en.withKnownWords(
            java.util.List.of(comrade, "FILIPPOV", "TWO WORDS", inArms, "COMRADE"))
        .withCoverName("Stalin", "Filippov");
    String message = "Comrade  Stalin, comrade-in-arms: 1. Comrade!\n\nTwo words Éclair";

    TelegraphText text = shared.normalize(message, "<test>");

    assertThat(text).isEqualTo(en.withCoverName("Stalin", "Filippov").normalize(message, "<t>"));
    assertThat(text.token(0)).isSameAs(comrade);
    assertThat(text.token(3)).isSameAs(inArms); // the hash kept across the inner hyphens
    assertThat(text.toString()).isEqualTo("COMRADE FILIPPOV COMMA COMRADE-IN-ARMS COLON 1 STOP"
        + " COMRADE EXCLAM\n\nTWO WORDS ECLAIR");
  }

  @Test
  void withKnownWords_manyWordsInATable_eachFoundAsItself() throws Exception {
    java.util.List<String> words = new java.util.ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      words.add("W" + Integer.toString(i, 36).toUpperCase(java.util.Locale.ROOT));
    }
    Telegraphese shared = en.withKnownWords(words);

    for (int i = 0; i < words.size(); i += 7) {
      TelegraphText t = shared.normalize("x " + words.get(i).toLowerCase(java.util.Locale.ROOT),
          "<test>");
      assertThat(t.token(1)).isSameAs(words.get(i));
    }
  }
}
