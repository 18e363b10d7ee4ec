package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepeatRequestTest {

  @Test
  void render_writesTheKeyedForms() {
    assertThat(RepeatRequest.group(17).render()).isEqualTo("РПТ 17");
    assertThat(RepeatRequest.allAfter(17).render()).isEqualTo("РПТ АА 17");
    assertThat(RepeatRequest.allBefore(4).render()).isEqualTo("РПТ АБ 4");
    assertThat(RepeatRequest.wholeText().render()).isEqualTo("РПТ ТЕКСТ");
  }

  @Test
  void render_keysLikeTheInternationalAbbreviations() throws RadioFormatException {
    assertThat(MorseCodec.russian().encode(RepeatRequest.allBefore(4).render()))
        .isEqualTo(MorseCodec.international().encode("RPT AB 4"));
  }

  @Property(tries = 200)
  void parse_readsBackWhatRenderWrites(
      @ForAll @IntRange(min = 0, max = 3) int kind, @ForAll @IntRange(min = 2, max = 9999) int n)
      throws RadioFormatException {
    RepeatRequest request =
        List.of(
                RepeatRequest.group(n),
                RepeatRequest.allAfter(n),
                RepeatRequest.allBefore(n),
                RepeatRequest.wholeText())
            .get(kind);

    assertThat(RepeatRequest.parse(request.render())).isEqualTo(request);
  }

  @ParameterizedTest(name = "\"{0}\" fails at column {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RPT 17|1",
        "РПТ17|4",
        "РПТ  17|5",
        "РПТ АВ 17|5",
        "РПТ АА|7",
        "'РПТ АА '|8",
        "РПТ 017|5",
        "'РПТ 17 '|7",
        "РПТ 1x|6",
        "РПТ 10000|5",
        "РПТ АБ 1|8",
        "РПТ ТЕКСТ 3|10",
        "|1"
      })
  void parse_rejectsAnythingElseAtTheRightColumn(String line, int column) {
    String text = line == null ? "" : line;
    assertThatThrownBy(() -> RepeatRequest.parse(text))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("column " + column)
        .extracting(e -> ((RadioFormatException) e).column())
        .isEqualTo(column);
  }

  @Test
  void groupNumbers_listWhatEachKindCovers() {
    assertThat(RepeatRequest.group(3).groupNumbers(5)).containsExactly(3);
    assertThat(RepeatRequest.allAfter(3).groupNumbers(5)).containsExactly(4, 5);
    assertThat(RepeatRequest.allBefore(3).groupNumbers(5)).containsExactly(1, 2);
    assertThat(RepeatRequest.wholeText().groupNumbers(3)).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> RepeatRequest.group(6).groupNumbers(5))
        .hasMessageContaining("beyond the 5 groups");
  }

  @Test
  void covering_asksForRunsAtTheEndsInOneRequest() {
    assertThat(RepeatRequest.covering(List.of(1, 2, 3, 17, 18, 58, 59, 60), 60))
        .containsExactly(
            RepeatRequest.allBefore(4),
            RepeatRequest.group(17),
            RepeatRequest.group(18),
            RepeatRequest.allAfter(57));
    assertThat(RepeatRequest.covering(List.of(1, 60), 60))
        .containsExactly(RepeatRequest.group(1), RepeatRequest.group(60));
    assertThat(RepeatRequest.covering(List.of(1, 2, 3), 3))
        .containsExactly(RepeatRequest.wholeText());
    assertThat(RepeatRequest.covering(List.of(1), 1)).containsExactly(RepeatRequest.group(1));
    assertThat(RepeatRequest.covering(List.of(), 60)).isEmpty();
  }

  @Property(tries = 100)
  void covering_repeatsExactlyTheWantedGroups(
      @ForAll @Size(max = 40) Set<@IntRange(min = 1, max = 40) Integer> wanted,
      @ForAll @IntRange(min = 40, max = 45) int groupCount) {
    List<RepeatRequest> requests = RepeatRequest.covering(wanted, groupCount);

    TreeSet<Integer> covered = new TreeSet<>();
    int total = 0;
    for (RepeatRequest request : requests) {
      covered.addAll(request.groupNumbers(groupCount));
      total += request.groupNumbers(groupCount).size();
    }
    assertThat(covered).isEqualTo(new TreeSet<>(wanted));
    assertThat(total).isEqualTo(wanted.size());
  }
}
