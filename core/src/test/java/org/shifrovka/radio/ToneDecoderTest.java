package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shifrovka.scenario.Scenario1949;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToneDecoderTest {

  private static List<String> groups;
  private static String morse;

  @TempDir Path dir;

  @BeforeAll
  static void keyTheFirstRadiogram() throws RadioFormatException {
    groups = FirstRadiogram.groups();
    morse = MorseCodec.international().encodeGroups(groups);
  }

  @Test
  void firstRadiogram_clean_decodesExactly() throws IOException, RadioFormatException {
    Path wav = dir.resolve("clean.wav");
    ToneKeyer.builder().speed(KeyingSpeed.ofWpm(20)).sampleRate(8000).build().write(morse, wav);

    String heard = ToneDecoder.listeningAt(700).decode(wav);

    assertThat(groups).hasSize(249).isEqualTo(Scenario1949.standard().run().radiograms().get(0).groups());
    assertThat(heard).isEqualTo(morse);
    assertThat(MorseCodec.international().decodeGroups(heard)).isEqualTo(groups);
  }

  @Test
  void firstRadiogram_atZeroDbSnr_decodesExactly() throws IOException, RadioFormatException {
    Path wav = dir.resolve("noisy.wav");
    ToneKeyer.builder().noise(0).seed(1949).build().write(morse, wav);

    String heard = ToneDecoder.listeningAt(700).decode(wav);

    assertThat(MorseCodec.international().decodeGroups(heard)).isEqualTo(groups);
  }

  @Test
  void firstTwentyGroups_fadingToHalfAtSixDb_decodeExactly()
      throws IOException, RadioFormatException {
    // 20 groups are about 107 s of audio: thirteen fade cycles of 8 s
    List<String> first20 = groups.subList(0, 20);
    Path wav = dir.resolve("fading.wav");
    ToneKeyer.builder().noise(6).fading(Duration.ofSeconds(8), 0.5).seed(1949).build()
        .write(MorseCodec.international().encodeGroups(first20), wav);

    String heard = ToneDecoder.listeningAt(700).decode(wav);

    assertThat(MorseCodec.international().decodeGroups(heard)).isEqualTo(first20);
  }

  @Test
  void otherSpeedsAndFarnsworthSpacing_areLearnedFromTheRecording() throws Exception {
    String text = MorseCodec.russian().encode("ЖЖЖ РАМ РАМ ДЕ ЛИС ЩТЦ К 15 312 13 1640 =");
    for (KeyingSpeed speed :
        List.of(KeyingSpeed.ofWpm(12), KeyingSpeed.ofWpm(35), KeyingSpeed.farnsworth(25, 12))) {
      Path wav = dir.resolve(speed.characterWpm() + "-" + speed.effectiveWpm() + ".wav");
      ToneKeyer.builder().speed(speed).toneHz(600).sampleRate(11025).build().write(text, wav);

      assertThat(ToneDecoder.listeningAt(600).decode(wav)).as(speed.toString()).isEqualTo(text);
    }
  }

  @Test
  void silence_decodesToNothing() throws IOException {
    Path wav = dir.resolve("silence.wav");
    ToneKeyer.builder().noise(0).seed(3).build().write("", wav);

    assertThat(ToneDecoder.listeningAt(700).decode(wav)).isEmpty();
  }

  @Test
  void decode_notAWavFile_failsWithIoException() throws IOException {
    Path notWav = Files.writeString(dir.resolve("note.txt"), "not audio");

    assertThatThrownBy(() -> ToneDecoder.listeningAt(700).decode(notWav))
        .isInstanceOf(IOException.class);
  }

  @Test
  void listeningAt_rejectsBadSettings() {
    assertThatThrownBy(() -> ToneDecoder.listeningAt(-1)).hasMessageContaining("was -1");
    assertThatThrownBy(() -> ToneDecoder.listeningAt(700, Duration.ofMillis(500)))
        .hasMessageContaining("1 to 100 ms");
  }
}
