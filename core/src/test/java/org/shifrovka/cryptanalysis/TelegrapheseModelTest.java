package org.shifrovka.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.SpecialGroup;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.text.Language;

class TelegrapheseModelTest {
  private final Codebook book = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH),
      CodebookStyle.TWO_PART, 1949);
  private final TelegrapheseModel model = TelegrapheseModel.standard(book);

  @Test
  void probabilitiesOfEveryContextSumToOne() {
    for (int ctx : new int[] {TelegrapheseModel.START, book.code("THE").getAsInt(),
        book.code("STOP").getAsInt(), book.code("AARDVARK").getAsInt()}) {
      double sum = 0;
      for (int c = 0; c < Codebook.CAPACITY; c++) {
        sum += Math.pow(10, model.logProbability(ctx, c));
      }
      assertThat(sum).as("context %d", ctx).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void theTrainingTextShowsInTheBigrams() {
    int the = book.code("THE").getAsInt();
    assertThat(model.logProbability(book.code("OF").getAsInt(), the))
        .isGreaterThan(model.logProbability(book.code("OF").getAsInt(),
            book.code("AARDVARK").getAsInt()) + 2);
  }

  @Test
  void spellAndPartAreNotReadAndUnassignedGroupsImpossible() {
    assertThat(model.readable(book.code(SpecialGroup.SPELL))).isFalse();
    assertThat(model.readable(book.code(SpecialGroup.PART))).isFalse();
    int unassigned = 0;
    while (book.entry(unassigned).isPresent()) {
      unassigned++;
    }
    assertThat(model.logProbability(TelegrapheseModel.START, unassigned))
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void theDomainEntriesComeFromTheVocabularyFile() {
    assertThat(TelegrapheseModel.domainEntries(Language.ENGLISH)).contains("AIR FORCE", "ZHU DE")
        .doesNotContain("AARDVARK").hasSize(465);
  }
}
