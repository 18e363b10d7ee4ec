package org.shifrovka.codebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RegroupingTest {

  /** Blum's illustration, reference section 2.2. */
  @Test
  void regroup_blumExample_completesWithTheLastCodeGroup() {
    assertThat(Regrouping.regroup(List.of("8522", "7349", "0763", "6729")))
        .containsExactly("85227", "34907", "63672", "96729");
  }

  @Test
  void regroup_twentyDigits_needsNoFiller() {
    assertThat(Regrouping.regroup(List.of("1841", "0372", "5560", "0917", "2238")))
        .containsExactly("18410", "37255", "60091", "72238");
  }

  @Property
  void regroup_keepsEveryDigitInOrder(@ForAll @NumericChars @StringLength(min = 1, max = 200)
      String digits) {
    List<String> groups = Regrouping.regroup(digits, "7777");
    String joined = String.join("", groups);
    assertThat(groups).allMatch(g -> g.length() == 5);
    assertThat(joined).startsWith(digits);
    assertThat(joined.length() - digits.length()).isEqualTo(Regrouping.fillerLength(digits.length()));
    assertThat(joined.substring(digits.length())).isEqualTo("7777".substring(0,
        Regrouping.fillerLength(digits.length())));
  }
}
