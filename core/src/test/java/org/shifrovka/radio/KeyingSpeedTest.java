package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyingSpeedTest {

  @Test
  void paris_isFiftyUnitsWithItsWordGap() throws RadioFormatException {
    String paris = MorseCodec.international().encode("PARIS");

    assertThat(KeyingSpeed.units(paris + " /")).isEqualTo(KeyingSpeed.PARIS_UNITS);
    assertThat(KeyingSpeed.units(MorseCodec.international().encode("PARIS PARIS")))
        .isEqualTo(50 + 43);
  }

  @Test
  void unit_atTwentyWpm_isSixtyMilliseconds() {
    assertThat(KeyingSpeed.ofWpm(20).unit()).isEqualTo(Duration.ofMillis(60));
    assertThat(KeyingSpeed.ofWpm(20).spacingUnit()).isEqualTo(Duration.ofMillis(60));
    assertThat(KeyingSpeed.ofWpm(7).unit()).isEqualTo(Duration.ofNanos(171_428_571));
  }

  @Test
  void keyingTime_ofGroup12345_atTwentyWpm_isWorkedOutByHand() throws RadioFormatException {
    // 1 .----  1+4*3 elements + 4 gaps = 17 units
    // 2 ..---  2+3*3 + 4 = 15;  3 ...-- 3+2*3 + 4 = 13;  4 ....- 4+3 + 4 = 11;  5 ..... 5 + 4 = 9
    // characters 17+15+13+11+9 = 65, four character gaps 4*3 = 12: 77 units
    // 77 units * 60 ms = 4.620 s; with the word gap after the group 84 units = 5.040 s
    String group = MorseCodec.international().encodeGroups(List.of("12345"));

    assertThat(KeyingSpeed.units(group)).isEqualTo(77);
    assertThat(KeyingSpeed.ofWpm(20).keyingTime(group)).isEqualTo(Duration.ofMillis(4620));
    assertThat(KeyingSpeed.ofWpm(20).keyingTime(group + " /")).isEqualTo(Duration.ofMillis(5040));
  }

  @Test
  void keyingTime_isRoundedOnceNotPerUnit() {
    // 7 WPM: a unit is 1.2/7 s = 171428571.43 ns; 7 dits and 6 gaps are 13 units = 2.2285714 s
    assertThat(KeyingSpeed.ofWpm(7).keyingTime("......."))
        .isEqualTo(Duration.ofNanos(2_228_571_429L));
  }

  @Test
  void farnsworth_stretchesOnlyTheGaps() {
    KeyingSpeed speed = KeyingSpeed.farnsworth(20, 10);
    // gap unit = (60*20 - 37.2*10) / (19*10*20) s = 828/3800 s = 217.894736842 ms
    assertThat(speed.unit()).isEqualTo(Duration.ofMillis(60));
    assertThat(speed.spacingUnit()).isEqualTo(Duration.ofNanos(217_894_737L));
    // PARIS with its word gap takes exactly one tenth of a minute at 10 WPM effective
    assertThat(speed.keyingTime(".--. .- .-. .. ... /")).isEqualTo(Duration.ofSeconds(6));
    assertThat(KeyingSpeed.farnsworth(18, 18)).isEqualTo(KeyingSpeed.ofWpm(18));
  }

  @Test
  void groupsPerMinute_isAboutElevenPointTwoAtTwentyWpm() {
    double gpm = KeyingSpeed.ofWpm(20).groupsPerMinute(DigitKeying.FULL);

    assertThat(gpm).isEqualTo(20 * 50.0 / 89, offset(1e-9));
    assertThat(gpm).isEqualTo(11.2, offset(0.05));
    assertThat(KeyingSpeed.ofWpm(20).groupsPerMinute(DigitKeying.CUT))
        .isEqualTo(20 * 50.0 / 53, offset(1e-9));
    assertThat(KeyingSpeed.wpmForGroupsPerMinute(gpm, DigitKeying.FULL))
        .isEqualTo(20.0, offset(1e-9));
  }

  @Test
  void groupsPerMinute_withFarnsworth_usesBothUnits() {
    KeyingSpeed speed = KeyingSpeed.farnsworth(20, 12);
    double groupSeconds = 70 * 0.060 + 19 * speed.spacingUnit().toNanos() / 1e9;

    assertThat(speed.groupsPerMinute(DigitKeying.FULL)).isEqualTo(60 / groupSeconds, offset(1e-6));
  }

  @Test
  void factories_rejectBadSpeeds() {
    assertThatThrownBy(() -> KeyingSpeed.ofWpm(0)).hasMessageContaining("was 0");
    assertThatThrownBy(() -> KeyingSpeed.farnsworth(10, 12))
        .hasMessageContaining("effective speed 12 WPM exceeds character speed 10 WPM");
    assertThatThrownBy(() -> KeyingSpeed.units(".- x")).hasMessageContaining("column 4");
  }
}
