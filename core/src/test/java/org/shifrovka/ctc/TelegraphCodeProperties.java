package org.shifrovka.ctc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TelegraphCodeProperties {

  @Property(tries = 200)
  void everyTextOfTheTableRoundTrips(@ForAll("traditionalText") String text) throws Exception {
    TelegraphCode t = TelegraphCode.traditional();
    int[] codes = t.encode(text, "p");
    assertThat(t.decode(codes)).isEqualTo(text);
    assertThat(t.decodeGroups(TelegraphCode.formatGroups(codes), "p")).isEqualTo(text);
  }

  @Property(tries = 200)
  void everyMainlandTextRoundTrips(@ForAll("mainlandText") String text) throws Exception {
    TelegraphCode m = TelegraphCode.mainland();
    assertThat(m.decode(m.encode(text, "p"))).isEqualTo(text);
  }

  @Provide
  Arbitrary<String> traditionalText() {
    return textOf(TelegraphCode.traditional());
  }

  @Provide
  Arbitrary<String> mainlandText() {
    return textOf(TelegraphCode.mainland());
  }

  private static Arbitrary<String> textOf(TelegraphCode table) {
    List<Integer> chars = new ArrayList<>();
    for (int code = 0; code < 10000; code++) {
      int c = code;
      table.character(code).ifPresent(cp -> {
        if (table.code(cp).getAsInt() == c) {
          chars.add(cp);
        }
      });
    }
    return Arbitraries.of(chars).list().ofMinSize(1).ofMaxSize(60).map(l -> {
      StringBuilder sb = new StringBuilder();
      l.forEach(sb::appendCodePoint);
      return sb.toString();
    });
  }
}
