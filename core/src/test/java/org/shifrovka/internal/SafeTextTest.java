package org.shifrovka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;

class SafeTextTest {
  @Test
  void aForgedLogLine_staysOnItsLine() {
    assertThat(SafeText.of("R\nSEVERE: FORGED LOG LINE"))
        .isEqualTo("R\\nSEVERE: FORGED LOG LINE");
  }

  @Test
  void nulEscAndBidiOverrides_areEscaped_backslashesDoubled() {
    assertThat(SafeText.of("a\u0000b\u001b[2Jc\u202Ed\\e\u2028"))
        .isEqualTo("a\\u0000b\\u001B[2Jc\\u202Ed\\\\e\\u2028");
  }

  @Test
  void ordinaryTextOfThePeriod_isUnchanged() {
    String s = "15 249 13 1640 СРОЧНАЯ = 32930 Мао Цзэдун 毛澤東";
    assertThat(SafeText.of(s)).isEqualTo(s);
    assertThat(SafeText.isSafe(s, 100)).isTrue();
  }

  @Test
  void aLongLine_keepsItsEnds_andSaysHowMuchIsLeftOut() {
    String line = "A".repeat(600_000) + "B".repeat(600_000);
    String safe = SafeText.of(line, 300);
    assertThat(safe).startsWith("A".repeat(200) + "...(1199700 characters left out)...")
        .endsWith("B".repeat(100)).hasSize(200 + 35 + 100);
  }

  @Test
  void aMalformedInputMessage_quotesTheInputSafely() {
    String reason = "expected a group, found \"12\n" + "9".repeat(100_000) + "\"";
    MalformedInputException e = new MalformedInputException("f\u001b.txt", 3, 4, reason);
    assertThat(e.getMessage()).startsWith("f\\u001B.txt:3:4: expected a group, found \"12\\n999")
        .doesNotContain("\n").hasSizeLessThan(700);
    assertThat(e.reason()).isEqualTo(reason);
  }

  @Property
  void theResult_isOneLineOfPrintableText_neverLongerThanTheLimitAllows(
      @ForAll String text) {
    String safe = SafeText.of(text, 120);
    assertThat(safe.chars()).noneMatch(c -> Character.isISOControl(c)
        || Character.getType(c) == Character.FORMAT
        || Character.getType(c) == Character.LINE_SEPARATOR);
    assertThat(safe.length()).isLessThanOrEqualTo(120 * 6 + 40);
    if (SafeText.isSafe(text, 120)) {
      assertThat(safe).isEqualTo(text);
    }
  }
}
