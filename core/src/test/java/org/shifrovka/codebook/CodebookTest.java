package org.shifrovka.codebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;
import org.shifrovka.text.Language;
import org.shifrovka.text.TelegraphText;
import org.shifrovka.text.Telegraphese;

class CodebookTest {
  private static final Vocabulary SMALL = Vocabulary.of(Language.ENGLISH,
      List.of("NANJING", "NANJING GOVERNMENT", "NANJING GOVERNMENT OF CHINA", "GOVERNMENT", "OF",
          "COMRADE", "FILIPPOV"));

  private static TelegraphText text(String s) throws MalformedInputException {
    return Telegraphese.of(Language.ENGLISH).normalize(s, "<test>");
  }

  @Test
  void generate_isDeterministicForASeed() {
    assertThat(Codebook.generate(SMALL, CodebookStyle.TWO_PART, 5))
        .isEqualTo(Codebook.generate(SMALL, CodebookStyle.TWO_PART, 5))
        .isNotEqualTo(Codebook.generate(SMALL, CodebookStyle.TWO_PART, 6));
  }

  @Test
  void onePart_codesRiseWithTheAlphabet() {
    Codebook b = Codebook.generate(SMALL, CodebookStyle.ONE_PART, 1);
    assertThat(b.code("COMRADE").getAsInt()).isLessThan(b.code("FILIPPOV").getAsInt());
    assertThat(b.code("FILIPPOV").getAsInt()).isLessThan(b.code("NANJING").getAsInt());
    assertThat(b.spellTable().code('А')).isZero();
    assertThat(b.spellTable().endSpell()).isEqualTo(99);
  }

  @Test
  void words_areTheSingleEntriesAndTheFirstWordsOfPhrases() {
    Codebook b = Codebook.generate(Vocabulary.of(Language.ENGLISH,
        List.of("COMRADE", "CHIANG KAI-SHEK")), CodebookStyle.TWO_PART, 1);

    assertThat(b.words()).contains("COMRADE", "CHIANG", "STOP", "1949")
        .doesNotContain("KAI-SHEK", "CHIANG KAI-SHEK", "<SPELL>");
  }

  @Test
  void encode_givesTheSameCodeForSharedAndForFreshTokens() throws Exception {
    Codebook b = Codebook.generate(SMALL, CodebookStyle.TWO_PART, 1);
    String message = "Comrade Filippov, the Nanjing government of China; Nanjing; Xyz.";
    TelegraphText fresh = text(message);
    TelegraphText shared = Telegraphese.of(Language.ENGLISH).withKnownWords(b.words())
        .normalize(message, "<test>");

    assertThat(shared).isEqualTo(fresh);
    assertThat(b.encode(shared).digits()).isEqualTo(b.encode(fresh).digits());
  }

  @Test
  void encode_longestPhraseWins() throws Exception {
    Codebook b = Codebook.generate(SMALL, CodebookStyle.TWO_PART, 1);
    CodeText c = b.encode(text("Nanjing government of China"));
    assertThat(c.units()).extracting(CodeText.Unit::words)
        .containsExactly("NANJING GOVERNMENT OF CHINA");
    c = b.encode(text("Nanjing government of the"));
    assertThat(c.units()).extracting(CodeText.Unit::words)
        .containsExactly("NANJING GOVERNMENT", "OF", "THE");
  }

  @Test
  void encode_spellsWordsNotInTheBook() throws Exception {
    Codebook b = Codebook.generate(SMALL, CodebookStyle.ONE_PART, 1);
    CodeText c = b.encode(text("Zhang"));
    String spell = Codebook.format(b.code(SpecialGroup.SPELL));
    // one-part spell table: А-Я take 00-31, A-Z 32-57
    assertThat(c.units().get(0).code()).isEqualTo(spell + " 57 39 32 45 38 99");
    assertThat(c.length()).isEqualTo(4 + 2 * 5 + 2);
  }

  @Test
  void decode_returnsTheCanonicalText() throws Exception {
    Codebook b = Codebook.generate(SMALL, CodebookStyle.TWO_PART, 3);
    TelegraphText t = text("1. Comrade Filippov, Zhang Zhizhong: 1949, 1777-б.\n\n2. Ёлка (Nanjing).");
    CodeText c = b.encode(t);
    DecodedText d = b.decode(c.digits(), 2);
    assertThat(d.text()).isEqualTo(t);
    assertThat(d.clean()).isTrue();
  }

  @Test
  void decode_marksUnreadableDigitsAsGarbledGroups() throws Exception {
    Codebook b = Codebook.generate(SMALL, CodebookStyle.TWO_PART, 3);
    CodeText c = b.encode(text("Comrade Filippov of Nanjing government"));
    StringBuilder digits = new StringBuilder(c.digits());
    digits.setCharAt(5, '?'); // second code group (FILIPPOV) sits in cipher group 2
    DecodedText d = b.decode(digits, 2);
    assertThat(d.text().toString()).isEqualTo("COMRADE [1 group garbled] OF NANJING GOVERNMENT");
    assertThat(d.garbledGroups()).isEqualTo(1);
  }

  @Test
  void renderThenParse_givesTheSameBook() throws Exception {
    Codebook b = Codebook.generate(Vocabulary.builtIn(Language.RUSSIAN), CodebookStyle.TWO_PART, 9);
    assertThat(Codebook.parse(b.render(), "ru.codebook")).isEqualTo(b);
  }

  @Test
  void builtInVocabularies_fitInAFourDigitBook() {
    for (Language l : Language.values()) {
      Codebook b = Codebook.generate(Vocabulary.builtIn(l), CodebookStyle.TWO_PART, 1);
      assertThat(b.size()).isBetween(3_000, Codebook.CAPACITY);
    }
  }

  @Test
  void tooManyEntries_isRefused() {
    List<String> many = new java.util.ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add("W" + i);
    }
    assertThatThrownBy(() -> Codebook.generate(Vocabulary.of(Language.ENGLISH, many),
        CodebookStyle.TWO_PART, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 10000");
  }

  @Test
  void parse_duplicateCode_namesBothLines() {
    String file = Codebook.generate(SMALL, CodebookStyle.ONE_PART, 1).render();
    String broken = file.replaceFirst("(?m)^(\\d{4}) COMRADE$", "$1 COMRADE\n$1 TWICE");
    assertThatThrownBy(() -> Codebook.parse(broken, "book.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageMatching("book\\.txt:\\d+:1: duplicate code \\d{4} \\(already given on line \\d+\\)");
  }

  @Test
  void parse_duplicatePhrase_isRefused() {
    String file = Codebook.generate(SMALL, CodebookStyle.ONE_PART, 1).render();
    String broken = file.replace("[spell]", "9999 COMRADE\n[spell]");
    assertThatThrownBy(() -> Codebook.parse(broken, "book.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining(":6: duplicate phrase \"COMRADE\"");
  }

  @Test
  void parse_malformedLine_namesLineAndColumn() {
    String file = "SHIFROVKA CODEBOOK 1\nlanguage en\nstyle one-part\n\n[groups]\n12a4 FOO\n";
    assertThatThrownBy(() -> Codebook.parse(file, "book.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("book.txt:6:1: expected \"<4-digit code> <phrase>\", found \"12a4 FOO\"");
    String lower = "SHIFROVKA CODEBOOK 1\nlanguage en\nstyle one-part\n\n[groups]\n1234 foo\n";
    assertThatThrownBy(() -> Codebook.parse(lower, "book.txt"))
        .hasMessageStartingWith("book.txt:6:6:");
  }

  @Test
  void parse_missingSpecialGroup_isRefused() {
    String file = Codebook.generate(SMALL, CodebookStyle.ONE_PART, 1).render()
        .replaceFirst("(?m)^\\d{4} <SPELL>\n", "");
    assertThatThrownBy(() -> Codebook.parse(file, "book.txt"))
        .hasMessage("book.txt: the codebook has no <SPELL> group");
  }

  @Test
  void parse_notACodebook_isRefused() {
    assertThatThrownBy(() -> Codebook.parse("hello\n", "x.txt"))
        .hasMessageStartingWith("x.txt:1:1: not a shifrovka codebook");
  }
}
