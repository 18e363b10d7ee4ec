package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SymbolErrorModelTest {

  private static final List<String> GROUPS = FirstRadiogram.groups();
  private static final int MAX_ROUNDS = 100;

  private static SymbolErrorModel.Builder everyError() {
    return SymbolErrorModel.builder()
        .swapRate(0.02)
        .dropRate(0.02)
        .extraRate(0.02)
        .splitRate(0.02)
        .mergeRate(0.02)
        .lostGroupRate(0.02);
  }

  @Test
  void garble_withTheSameSeedAndKey_isReproducible() {
    SymbolErrorModel model = everyError().seed(1949).build();

    String first = model.garble(GROUPS, 15, 0);
    String again = everyError().seed(1949).build().garble(GROUPS, 15, 0);

    assertThat(again).isEqualTo(first);
    assertThat(model.garble(GROUPS, 15, 1)).isNotEqualTo(first);
    assertThat(model.garble(GROUPS, 16, 0)).isNotEqualTo(first);
    assertThat(everyError().seed(1950).build().garble(GROUPS, 15, 0)).isNotEqualTo(first);
  }

  @Test
  void garble_doesNotDependOnCallOrder() {
    SymbolErrorModel model = everyError().seed(7).build();

    String before = model.garble(GROUPS, 15, 3);
    model.garble(GROUPS, 15, 2);
    model.garble(GROUPS.subList(0, 7), 99, 0);

    assertThat(model.garble(GROUPS, 15, 3)).isEqualTo(before);
  }

  @Test
  void garble_withoutErrors_isTheKeyedGroupsFramedByWordGaps() throws RadioFormatException {
    SymbolErrorModel model = SymbolErrorModel.builder().seed(1).build();

    String heard = model.garble(GROUPS, 15, 0);

    assertThat(heard).isEqualTo("/ " + MorseCodec.international().encodeGroups(GROUPS) + " /");
    assertThat(ReceivedCopy.read(heard, GROUPS.size(), DigitKeying.FULL).groups()).isEqualTo(GROUPS);
  }

  @Test
  void garble_withErrors_changesSomeGroups() {
    String heard = everyError().seed(1949).build().garble(GROUPS, 15, 0);

    ReceivedCopy copy = ReceivedCopy.read(heard, GROUPS.size(), DigitKeying.FULL);

    assertThat(copy.suspectGroupNumbers()).isNotEmpty();
  }

  @Test
  void lostGroup_isHeardAsAnEmptyWordInPlace() {
    SymbolErrorModel model = SymbolErrorModel.builder().lostGroupRate(0.5).seed(3).build();

    ReceivedCopy copy = ReceivedCopy.read(model.garble(GROUPS, 15, 0), GROUPS.size(), DigitKeying.FULL);

    assertThat(copy.suspectGroupNumbers()).isNotEmpty();
    for (int g = 1; g <= GROUPS.size(); g++) {
      String expected = copy.suspectGroupNumbers().contains(g) ? "?????" : GROUPS.get(g - 1);
      assertThat(copy.groups().get(g - 1)).isEqualTo(expected);
    }
  }

  @Test
  void swaps_canSlipThroughUnnoticed() {
    SymbolErrorModel model = SymbolErrorModel.builder().swapRate(0.2).seed(11).build();
    int undetected = 0;
    for (int attempt = 0; attempt < 10; attempt++) {
      ReceivedCopy copy =
          ReceivedCopy.read(model.garble(GROUPS, 15, attempt), GROUPS.size(), DigitKeying.FULL);
      for (int g = 0; g < GROUPS.size(); g++) {
        boolean suspect = copy.suspectGroupNumbers().contains(g + 1);
        if (!suspect && !copy.groups().get(g).equals(GROUPS.get(g))) {
          undetected++;
        }
      }
    }

    assertThat(model.isDetectable()).isFalse();
    assertThat(undetected).isPositive();
  }

  @Test
  void isDetectable_onlyForFullFiguresWithoutSwaps() {
    assertThat(everyError().swapRate(0).seed(1).build().isDetectable()).isTrue();
    assertThat(everyError().seed(1).build().isDetectable()).isFalse();
    assertThat(everyError().swapRate(0).digitKeying(DigitKeying.CUT).seed(1).build().isDetectable())
        .isFalse();
  }

  @Test
  void build_rejectsMissingSeedAndTooMuchError() {
    assertThatThrownBy(() -> SymbolErrorModel.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seed");
    assertThatThrownBy(
            () -> SymbolErrorModel.builder().dropRate(0.6).extraRate(0.6).seed(1).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("more than 1");
    assertThatThrownBy(() -> SymbolErrorModel.builder().dropRate(-0.1))
        .hasMessageContaining("was -0.1");
    assertThatThrownBy(
            () -> SymbolErrorModel.builder().seed(1).build().garble(List.of("1234"), 1, 0))
        .hasMessageContaining("group 1 must be five digits");
  }

  @Property(tries = 100)
  void detectableModel_marksEveryGroupThatDiffers(
      @ForAll long seed,
      @ForAll("groups") List<String> groups,
      @ForAll @DoubleRange(min = 0, max = 0.15) double drop,
      @ForAll @DoubleRange(min = 0, max = 0.15) double extra,
      @ForAll @DoubleRange(min = 0, max = 0.15) double split,
      @ForAll @DoubleRange(min = 0, max = 0.15) double merge,
      @ForAll @DoubleRange(min = 0, max = 0.15) double lost) {
    SymbolErrorModel model =
        SymbolErrorModel.builder()
            .dropRate(drop)
            .extraRate(extra)
            .splitRate(split)
            .mergeRate(merge)
            .lostGroupRate(lost)
            .seed(seed)
            .build();

    ReceivedCopy copy =
        ReceivedCopy.read(model.garble(groups, 1, 0), groups.size(), DigitKeying.FULL);

    for (int g = 0; g < groups.size(); g++) {
      if (!copy.groups().get(g).equals(groups.get(g))) {
        assertThat(copy.suspectGroupNumbers()).contains(g + 1);
      }
    }
  }

  /**
   * Rates of at most 0.05 per error kind leave a group at least a 0.95 × 0.8^5 ≈ 0.3 chance to
   * come through clean on each attempt, so that 100 rounds fail to recover it with a chance below
   * 1e-15: the property cannot fail by bad luck.
   */
  @Property(tries = 100)
  void repeatExchange_withADetectableModel_recoversEveryGroup(
      @ForAll long seed,
      @ForAll("groups") List<String> groups,
      @ForAll @IntRange(min = 1, max = 9999) int telegramNumber,
      @ForAll @DoubleRange(min = 0, max = 0.05) double drop,
      @ForAll @DoubleRange(min = 0, max = 0.05) double extra,
      @ForAll @DoubleRange(min = 0, max = 0.05) double split,
      @ForAll @DoubleRange(min = 0, max = 0.05) double merge,
      @ForAll @DoubleRange(min = 0, max = 0.05) double lost) {
    SymbolErrorModel model =
        SymbolErrorModel.builder()
            .dropRate(drop)
            .extraRate(extra)
            .splitRate(split)
            .mergeRate(merge)
            .lostGroupRate(lost)
            .seed(seed)
            .build();

    RepeatExchange exchange = RepeatExchange.run(groups, telegramNumber, model, MAX_ROUNDS);

    assertThat(model.isDetectable()).isTrue();
    assertThat(exchange.copy().isClean()).isTrue();
    assertThat(exchange.copy().groups()).isEqualTo(groups);
  }

  @Test
  void repeatExchange_isReproducibleAndAsksOnlyForSuspectGroups() {
    SymbolErrorModel model = everyError().swapRate(0).seed(1949).build();

    RepeatExchange first = RepeatExchange.run(GROUPS, 15, model, 20);
    RepeatExchange again = RepeatExchange.run(GROUPS, 15, model, 20);
    ReceivedCopy firstCopy = ReceivedCopy.read(model.garble(GROUPS, 15, 0), GROUPS.size(), DigitKeying.FULL);

    assertThat(first.copy().groups()).isEqualTo(GROUPS);
    assertThat(first.rounds()).isPositive();
    assertThat(first.requests())
        .startsWith(firstCopy.repeatRequests().toArray(new RepeatRequest[0]));
    assertThat(again.requests()).isEqualTo(first.requests());
    assertThat(RepeatExchange.run(GROUPS, 15, model, 0).copy()).isEqualTo(firstCopy);
  }

  @Provide
  Arbitrary<List<String>> groups() {
    return Arbitraries.longs()
        .flatMap(
            seed ->
                Arbitraries.integers()
                    .between(1, GROUPS.size())
                    .map(count -> randomGroups(seed, count)));
  }

  private static List<String> randomGroups(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> groups = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      groups.add(String.format("%05d", random.nextInt(100_000)));
    }
    return groups;
  }
}
