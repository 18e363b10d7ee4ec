package org.shifrovka.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;

class InterceptFileTest {

  @Test
  void rendersAndParsesBack() throws Exception {
    Traffic t = TrafficGenerator.builder().messages(12).seed(2).garbleRate(0.2).build()
        .generate();
    String text = InterceptFile.render(t.intercepts());
    assertThat(text).startsWith(InterceptFile.MAGIC + "\n\nINTERCEPT 1 LINK ").contains("?");
    assertThat(InterceptFile.parse(text, "i.txt")).isEqualTo(t.intercepts());
  }

  @Test
  void aGoldenInterceptParses() throws Exception {
    String text = "SHIFROVKA INTERCEPTS 1\n\n# heard at 0410\nINTERCEPT 7 LINK ЛИС-РАМ\n"
        + "15 6 13 1110 СРОЧНАЯ =\n37584 41652 93176 49706 58737 01513\n";
    List<Intercept> i = InterceptFile.parse(text, "i.txt");
    assertThat(i).hasSize(1);
    assertThat(i.get(0).id()).isEqualTo(7);
    assertThat(i.get(0).link()).isEqualTo("ЛИС-РАМ");
    assertThat(i.get(0).indicator()).isEqualTo(37584);
    assertThat(i.get(0).cipherGroups()).isEqualTo(3);
    assertThat(Stripping.format(i.get(0).cipherDigits(), 5)).isEqualTo("41652 93176 49706");
  }

  @Test
  void errorsNameTheLineOfTheFile() {
    assertThatThrownBy(() -> InterceptFile.parse("hello\n", "i.txt"))
        .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("i.txt:1:1: ");
    assertThatThrownBy(() -> InterceptFile.parse(
        "SHIFROVKA INTERCEPTS 1\n\nINTERCEPT 1 LINK A\n15 2 13 1110 ОБЫКНОВЕННАЯ =\n1234 56789\n",
        "i.txt")).isInstanceOf(MalformedInputException.class).hasMessageStartingWith("i.txt:5:");
    assertThatThrownBy(() -> InterceptFile.parse(
        "SHIFROVKA INTERCEPTS 1\n\nINTERCEPT 1 LINK A\n\nINTERCEPT 1 LINK A\n", "i.txt"))
        .isInstanceOf(MalformedInputException.class).hasMessageStartingWith("i.txt:3:");
  }
}
