package org.shifrovka.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegraphTextTest {
  private static TelegraphText text(String... tokens) {
    return TelegraphText.of(List.of(tokens));
  }

  @Test
  void toString_joinsWordsWithSpacesAndParagraphsWithAnEmptyLine() {
    TelegraphText t = text("TO", "FILIPPOV", TelegraphText.PARAGRAPH, "1.", "WE", "AGREE");
    assertThat(t.toString()).isEqualTo("TO FILIPPOV\n\n1. WE AGREE");
    assertThat(TelegraphText.parseCanonical(t.toString())).isEqualTo(t);
  }

  @Test
  void concat_joinsThePartsInOrder() {
    TelegraphText whole = TelegraphText.concat(List.of(text("TO", "FILIPPOV"),
        text(TelegraphText.PARAGRAPH, "MAO"), text("STOP")));
    assertThat(whole).isEqualTo(text("TO", "FILIPPOV", TelegraphText.PARAGRAPH, "MAO", "STOP"));
    assertThat(whole.toString()).isEqualTo("TO FILIPPOV\n\nMAO STOP");
  }

  @Test
  void concat_ofOnePart_isThatPart() {
    TelegraphText one = text("TO", "FILIPPOV");
    assertThat(TelegraphText.concat(List.of(one))).isSameAs(one);
    assertThat(TelegraphText.concat(List.of())).isEqualTo(text());
  }
}
