package org.shifrovka.vic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The 1953 hollow-nickel message deciphered with its keys as Kahn published them ("Two Soviet Spy
 * Ciphers", 1960, reprinted in Kahn on Codes, 1983): the phrase ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО
 * (from the song "Одинокая гармонь", "Снова замерло всё до рассвета"), the date 3 September 1945
 * (391945), the personal number 13, the СНЕГОПА board.
 *
 * <p>The project ships no transcription of the message: the test runs when a directory holding
 * one is named by the system property {@code shifrovka.hollowNickel} (or the environment variable
 * {@code SHIFROVKA_HOLLOW_NICKEL}), and is skipped otherwise. The directory holds three UTF-8
 * files, lines starting with {@code #} ignored: {@code ciphertext.txt}, Kahn's figure 1 (207
 * five-digit groups); {@code checkerboard.txt}, Kahn's figure 2 (the 1,030 digits of the text on
 * the board); {@code plaintext.txt}, the text as the board reads it (part 2, Н/Т as {@code #},
 * part 1, the nulls; no spaces). {@code docs/period-systems.md} §4 says where the published
 * transcriptions are and how to run it.
 */
class HollowNickelTest {
  private static final VicCipher VIC = VicCipher.builder()
      .phrase("ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО").date("391945").personalNumber(13).build();

  private static Path dir;

  @BeforeAll
  static void transcription() {
    String named = System.getProperty("shifrovka.hollowNickel",
        System.getenv("SHIFROVKA_HOLLOW_NICKEL"));
    assumeTrue(named != null && !named.isBlank(),
        "no hollow-nickel transcription given (-Dshifrovka.hollowNickel=DIR)");
    dir = Path.of(named);
  }

  private static String read(String name) throws IOException {
    return Files.readString(dir.resolve(name)).lines()
        .filter(l -> !l.startsWith("#")).collect(Collectors.joining("\n")).strip();
  }

  private static String digitsOnly(String s) {
    return s.replaceAll("\\s", "");
  }

  @Test
  void deciphersToKahnsFigureTwo() throws IOException {
    VicDecipherment d = VIC.decipher(read("ciphertext.txt"));

    assertThat(d.groups()).hasSize(207);
    assertThat(d.keygroup()).isEqualTo("20818"); // Kahn: the keygroup, fifth from the end
    assertThat(d.indicatorIndex()).isEqualTo(202);
    assertThat(VicCipher.digits(d.keys().lineQ())).isEqualTo("96033183664690475");
    assertThat(d.checkerboardDigits()).isEqualTo(digitsOnly(read("checkerboard.txt")));
    assertThat(d.text()).isEqualTo(digitsOnly(read("plaintext.txt")));
    // Н/Т puts part 1 first again
    assertThat(d.message()).startsWith("1.");
  }

  @Test
  void reEncipheringGivesTheSameGroups() throws Exception {
    String ciphertext = read("ciphertext.txt");
    VicEncipherment e =
        VIC.encipher(digitsOnly(read("plaintext.txt")), "20818", "hollow nickel");

    assertThat(e.checkerboardDigits()).isEqualTo(digitsOnly(read("checkerboard.txt")));
    assertThat(e.groups()).isEqualTo(List.of(ciphertext.split("\\s+")));
  }
}
