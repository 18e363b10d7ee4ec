package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneKeyerTest {

  private static final String GROUP_12345 = ".---- ..--- ...-- ....- .....";

  @TempDir Path dir;

  @Test
  void write_producesMono16BitPcmOfTheKeyingTimePlusMargins()
      throws IOException, UnsupportedAudioFileException {
    Path wav = dir.resolve("group.wav");

    ToneKeyer.builder().build().write(GROUP_12345, wav);

    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat format = in.getFormat();
      assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
      assertThat(format.getSampleSizeInBits()).isEqualTo(16);
      assertThat(format.getChannels()).isEqualTo(1);
      assertThat(format.getSampleRate()).isEqualTo(8000f);
      // 77 units of keying and a word gap (7 units) of silence at each end: 91 * 60 ms = 5.46 s
      assertThat(in.getFrameLength()).isEqualTo(5460 * 8);
    }
  }

  @Test
  void samples_haveNoKeyClicks() {
    short[] samples = ToneKeyer.builder().build().samples(GROUP_12345);
    // the steepest a 700 Hz sine of amplitude 0.9 can move between two samples at 8000 Hz
    double sineStep = 0.9 * 32767 * 2 * Math.PI * 700 / 8000;

    int steepest = 0;
    for (int n = 1; n < samples.length; n++) {
      steepest = Math.max(steepest, Math.abs(samples[n] - samples[n - 1]));
    }

    assertThat(steepest).isLessThanOrEqualTo((int) Math.ceil(sineStep));
    assertThat(samples[0]).isZero();
    assertThat(samples[samples.length - 1]).isZero();
  }

  @Test
  void samples_withTheSameSeed_areIdentical() {
    ToneKeyer.Builder builder =
        ToneKeyer.builder().noise(3).fading(Duration.ofSeconds(5), 0.5).seed(42);

    short[] first = builder.build().samples(GROUP_12345);
    short[] second = builder.build().samples(GROUP_12345);
    short[] other = builder.seed(43).build().samples(GROUP_12345);

    assertThat(first).isEqualTo(second);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void noise_hasThePowerTheSnrDefines() {
    double snrDb = 0;
    short[] clean = ToneKeyer.builder().build().samples("");
    short[] noisy = ToneKeyer.builder().noise(snrDb).seed(7).build().samples("");
    double amplitude = 0.9 / (1 + 4 * Math.sqrt(0.5));

    double power = 0;
    for (short s : noisy) {
      power += Math.pow(s / 32767.0, 2);
    }
    power /= noisy.length;

    assertThat(clean).containsOnly((short) 0);
    // only silence was keyed, so all power is noise: (A^2/2) / 10^(0/10)
    assertThat(power).isCloseTo(amplitude * amplitude / 2, withPercentage(5));
  }

  @Test
  void build_rejectsSettingsThatDoNotFit() {
    assertThatThrownBy(() -> ToneKeyer.builder().noise(10).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("seed");
    assertThatThrownBy(() -> ToneKeyer.builder().speed(KeyingSpeed.ofWpm(300)).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rise time 5 ms is longer than one unit (4 ms)");
    assertThatThrownBy(() -> ToneKeyer.builder().toneHz(4000).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("half the sample rate");
    assertThatThrownBy(() -> ToneKeyer.builder().fading(Duration.ofSeconds(5), 1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 1.0");
  }

  @Test
  void write_rejectsMalformedMorse() {
    assertThatThrownBy(() -> ToneKeyer.builder().build().write(".- x", dir.resolve("x.wav")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 4");
    assertThat(List.of(dir.toFile().list())).isEmpty();
    assertThat(Files.exists(dir.resolve("x.wav"))).isFalse();
  }
}
