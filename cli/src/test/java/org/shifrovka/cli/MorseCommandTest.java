package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shifrovka.radio.KeyingSpeed;
import org.shifrovka.radio.MorseCodec;

/** {@code shifrovka morse encode|decode|wav|listen|time}. */
class MorseCommandTest {

  @Test
  void encode_mapsLinesToLines() {
    CliRun.Result r = CliRun.withStdin("sos\n\nCQ DE RAM\n", "morse", "encode")
        .exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo("... --- ...\n\n-.-. --.- / -.. . / .-. .- --\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void encodePipedIntoDecode_cyrillic_roundTripsInUpperCase() {
    String text = "Привет, товарищ!\nЖЖЖ РАМ РАМ ДЕ ЛИС ЩТЦ К\n15 63 13 1640 СРОЧНАЯ =\n";
    String morse = CliRun.withStdin(text, "morse", "encode", "--alphabet", "ru", "-")
        .exits(ExitCodes.OK).out();
    assertThat(morse.lines()).hasSize(3);
    CliRun.Result back = CliRun.withStdin(morse, "morse", "decode", "--alphabet", "ru")
        .exits(ExitCodes.OK);
    assertThat(back.out()).isEqualTo("ПРИВЕТ, ТОВАРИЩ!\nЖЖЖ РАМ РАМ ДЕ ЛИС ЩТЦ К\n"
        + "15 63 13 1640 СРОЧНАЯ =\n");
  }

  @Test
  void encode_badCharacter_namesFileLineAndColumn_exit3(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("message.txt");
    Files.writeString(f, "ЖЖЖ ДЕ\nРАМ QTC\n");
    CliRun.Result r = CliRun.run("morse", "encode", "--alphabet", "ru", arg(f))
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: " + arg(f) + ":2:5: 'Q' (U+0051) has no pattern in"
        + " the Russian Morse table; Latin letters are keyed with the international table:"
        + " --alphabet intl\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void decode_badPattern_namesLineAndColumn_exit3() {
    CliRun.Result r = CliRun.withStdin("... --- ...\n.- ........- -\n", "morse", "decode")
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: <stdin>:2:4: Morse pattern ........- is not in the"
        + " international Morse table\n");
  }

  @Test
  void encode_cyrillicWithTheInternationalTable_suggestsTheRussianOne_exit3() {
    CliRun.Result r = CliRun.withStdin("CQ ЖЖЖ\n", "morse", "encode").exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: <stdin>:1:4: 'Ж' (U+0416) has no pattern in the"
        + " international Morse table; Cyrillic is keyed with the Russian table: --alphabet ru\n");
  }

  @Test
  void decode_readsWhatWebConvertersWrite() {
    String morse = "... --- .../.-.. .- -. -.. --- ...\r\n"
        + "... --- ... | .-.. .- -. -.. --- ...\n"
        + "... --- ...  .-.. .- -. -.. --- ... /\n"
        + "··· ___ ···\n";
    assertThat(CliRun.withStdin(morse, "morse", "decode").exits(ExitCodes.OK).out())
        .isEqualTo("SOS LANDOS\nSOS LANDOS\nSOS LANDOS\nSOS\n");
  }

  @Test
  void encode_wordSeparatorAndProsignStyle_writeOtherConventions() {
    assertThat(CliRun.withStdin("sos landos\n", "morse", "encode", "--word-separator", "slash")
        .exits(ExitCodes.OK).out()).isEqualTo("... --- .../.-.. .- -. -.. --- ...\n");
    assertThat(CliRun.withStdin("sos sos\n", "morse", "encode", "--word-separator", "newline")
        .exits(ExitCodes.OK).out()).isEqualTo("... --- ...\n... --- ...\n");
    assertThat(CliRun.withStdin("qtc ar\n", "morse", "encode", "--prosign-style", "plain")
        .exits(ExitCodes.OK).out()).isEqualTo("--.- - -.-. / .-.-.\n");
    assertThat(CliRun.withStdin("QTC <AR> <sk>\n", "morse", "encode").exits(ExitCodes.OK).out())
        .isEqualTo("--.- - -.-. / .-.-. / ...-.-\n");
    assertThat(CliRun.withStdin(".-.-. / ...-.-\n", "morse", "decode", "--prosign-style",
        "brackets").exits(ExitCodes.OK).out()).isEqualTo("<AR> <SK>\n");
    assertThat(CliRun.withStdin(".-.-. / ...-.-\n", "morse", "decode", "--prosign-style",
        "plain").exits(ExitCodes.OK).out()).isEqualTo("AR SK\n");
    CliRun.Result bad = CliRun.run("morse", "encode", "--word-separator", "comma")
        .exits(ExitCodes.USAGE);
    assertThat(bad.err()).contains("unknown value \"comma\" (expected spaced-slash, slash, pipe,"
        + " spaces, newline)").doesNotContain("java.lang");
  }

  @Test
  void cutNumbers_keyDigitGroupLinesShort_andReadThemBack() {
    String text = "15 63 13 1640 URGENT =\n37584 41652\n";
    String morse = CliRun.withStdin(text, "morse", "encode", "--cut-numbers").exits(ExitCodes.OK)
        .out();
    assertThat(morse.lines().toList().get(1))
        .isEqualTo("...- -... . -.. ....- / ....- .- -.... . ..-");
    assertThat(morse.lines().toList().get(0)).startsWith(".---- ..... / -.... ...--");
    assertThat(CliRun.withStdin(morse, "morse", "decode", "--cut-numbers").exits(ExitCodes.OK)
        .out()).isEqualTo(text);
    // procedure signals made of cut patterns (ЖЖЖ is ...- three times) stay text
    String call = "ЖЖЖ РАМ ДЕ ЛИС 12345\n";
    String keyed = CliRun.withStdin(call, "morse", "encode", "--alphabet", "ru", "--cut-numbers")
        .exits(ExitCodes.OK).out();
    assertThat(keyed).endsWith(" / .- ..- ...- ....- .\n");
    assertThat(CliRun.withStdin(keyed, "morse", "decode", "--alphabet", "ru", "--cut-numbers")
        .exits(ExitCodes.OK).out()).isEqualTo(call);
    // without --cut-numbers the short figures read as letters
    assertThat(CliRun.withStdin(morse, "morse", "decode").exits(ExitCodes.OK).out())
        .endsWith("\nVBED4 4A6EU\n");
  }

  @Test
  void time_paris_knownAnswer() throws Exception {
    // PARIS with its trailing word gap is 50 units, 3 s at 20 WPM; keyed alone, without the
    // trailing gap, it is 43 units of 60 ms
    Duration paris = KeyingSpeed.ofWpm(20).keyingTime(MorseCodec.international().encode("PARIS"));
    assertThat(paris).isEqualTo(Duration.ofMillis(2580));
    assertThat(CliRun.withStdin("PARIS\n", "morse", "time", "--wpm", "20").exits(ExitCodes.OK)
        .out()).isEqualTo("2.58 s at 20 WPM\n");
    // fifty PARIS with their word gaps (the last one not keyed) at 5 WPM: 50 min less 7 units
    assertThat(CliRun.withStdin("PARIS ".repeat(50), "morse", "time", "--wpm", "5")
        .exits(ExitCodes.OK).out()).isEqualTo("9 min 58 s (598.32 s) at 5 WPM\n");
  }

  @Test
  void time_farnsworth_isSlower() {
    assertThat(CliRun.withStdin("PARIS\n", "morse", "time", "--wpm", "20", "--effective-wpm",
        "10").exits(ExitCodes.OK).out()).endsWith(" at 10 WPM (Farnsworth, characters at 20"
        + " WPM)\n");
    CliRun.Result r = CliRun.withStdin("PARIS", "morse", "time", "--wpm", "10",
        "--effective-wpm", "20").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("effective speed 20 WPM exceeds character speed 10 WPM");
  }

  @Test
  void time_ofRadiograms_perRadiogramOnTheAirAndTotal() {
    String radiograms = "15 3 13 1640 СРОЧНАЯ =\n37584 41652 01513\n\n"
        + "16 2 13 1641 ОБЫКНОВЕННАЯ =\n12345 01613\n";
    CliRun.Result r = CliRun.withStdin(radiograms, "morse", "time").exits(ExitCodes.OK);
    assertThat(r.out()).matches("No\\. 15 \\(3 groups\\): [0-9.]+ s\n"
        + "No\\. 16 \\(2 groups\\): [0-9.]+ s\n"
        + "2 radiograms on the air: 1 min [0-9]+ s \\([0-9.]+ s\\) at 20 WPM\n");
    CliRun.Result cut = CliRun.withStdin(radiograms, "morse", "time", "--cut-numbers")
        .exits(ExitCodes.OK);
    assertThat(seconds(cut.out().lines().toList().get(0)))
        .isLessThan(seconds(r.out().lines().toList().get(0)));
  }

  @Test
  void time_badCallSign_exit2() {
    CliRun.Result r = CliRun.withStdin("1 1 13 1640 СРОЧНАЯ =\n12345\n", "morse", "time",
        "--called", "RAM").exits(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("error: --called must be capital Cyrillic letters");
  }

  @Test
  void wavThenListen_givesTheGroupsBack(@TempDir Path dir) throws Exception {
    Path wav = dir.resolve("groups.wav");
    CliRun.Result w = CliRun.withStdin("37584 41652 93176\n", "morse", "wav", "--wpm", "25",
        "-o", arg(wav)).exits(ExitCodes.OK);
    assertThat(w.err()).isEqualTo("wrote " + arg(wav) + ": 11.76 s of Morse at 25 WPM, 700 Hz"
        + " tone\n");
    assertThat(w.out()).isEmpty();
    // a recording holds no secret: an ordinary file
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(wav)))
        .isEqualTo("rw-r--r--");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(wav);
    }
    assertThat(CliRun.run("morse", "listen", arg(wav)).exits(ExitCodes.OK).out())
        .isEqualTo("37584 41652 93176\n");
    assertThat(CliRun.run("morse", "listen", "--morse", arg(wav)).exits(ExitCodes.OK).out())
        .startsWith("...-- --... ..... ---.. ....- / ");
  }

  @Test
  void wavWithNoiseAndCutNumbers_thenListen_givesTheTextBack(@TempDir Path dir) {
    Path wav = dir.resolve("cq.wav");
    CliRun.withStdin("ЖЖЖ РАМ ДЕ ЛИС\n37584 41652\n", "morse", "wav", "--alphabet", "ru",
        "--cut-numbers", "--tone", "600", "--rate", "11025", "--noise", "10", "--seed", "7",
        "-o", arg(wav)).exits(ExitCodes.OK);
    assertThat(CliRun.run("morse", "listen", "--alphabet", "ru", "--cut-numbers", "--tone",
        "600", arg(wav)).exits(ExitCodes.OK).out()).isEqualTo("ЖЖЖ РАМ ДЕ ЛИС 37584 41652\n");
    // listening at the wrong tone hears nothing
    assertThat(CliRun.run("morse", "listen", "--tone", "2000", arg(wav))
        .exits(ExitCodes.BAD_DATA).err()).isEqualTo("error: " + arg(wav) + ": no Morse heard at"
        + " 2000 Hz (--tone sets the frequency to listen at)\n");
  }

  @Test
  void wav_existingFile_needsForce_exit2(@TempDir Path dir) throws Exception {
    Path wav = dir.resolve("x.wav");
    Files.writeString(wav, "keep");
    CliRun.Result r = CliRun.withStdin("E", "morse", "wav", "-o", arg(wav))
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error: " + arg(wav) + " exists; choose another file or give"
        + " --force to replace it\n");
    assertThat(Files.readString(wav)).isEqualTo("keep");
    CliRun.withStdin("E", "morse", "wav", "--force", "-o", arg(wav)).exits(ExitCodes.OK);
    assertThat(Files.readAllBytes(wav)).startsWith("RIFF".getBytes());
  }

  @Test
  void wav_badTextOrOptions_writeNothing(@TempDir Path dir) {
    Path wav = dir.resolve("x.wav");
    assertThat(CliRun.withStdin("OK\nПРИВЕТ", "morse", "wav", "-o", arg(wav))
        .exits(ExitCodes.BAD_DATA).err()).startsWith("error: <stdin>:2:1: 'П' (U+041F)");
    assertThat(CliRun.withStdin("OK", "morse", "wav", "--tone", "5000", "-o", arg(wav))
        .exits(ExitCodes.USAGE).err()).contains("not below half the sample rate");
    assertThat(CliRun.withStdin("OK", "morse", "wav", "--seed", "3", "-o", arg(wav))
        .exits(ExitCodes.USAGE).err()).contains("give it with --noise");
    assertThat(CliRun.withStdin("OK", "morse", "wav", "-o", "-")
        .exits(ExitCodes.USAGE).err()).contains("a WAV file cannot go to standard output");
    assertThat(CliRun.withStdin(" \n", "morse", "wav", "-o", arg(wav))
        .exits(ExitCodes.BAD_DATA).err()).contains("nothing to key");
    assertThat(wav).doesNotExist();
  }

  @Test
  void listen_notAWav_exit3_missing_exit2(@TempDir Path dir) throws Exception {
    Path txt = dir.resolve("not.wav");
    Files.writeString(txt, "hello");
    assertThat(CliRun.run("morse", "listen", arg(txt)).exits(ExitCodes.BAD_DATA).err())
        .startsWith("error: " + arg(txt) + ": not a WAV file");
    Path missing = dir.resolve("missing.wav");
    assertThat(CliRun.run("morse", "listen", arg(missing)).exits(ExitCodes.USAGE).err())
        .isEqualTo("error: " + missing + ": no such file or directory\n");
  }

  @Test
  void morse_alone_printsUsage_badAlphabet_exit2() {
    assertThat(CliRun.run("morse").exits(ExitCodes.USAGE).err())
        .startsWith("Usage: shifrovka morse");
    assertThat(CliRun.withStdin("x", "morse", "encode", "--alphabet", "greek")
        .exits(ExitCodes.USAGE).err()).contains("unknown Morse table \"greek\"");
    assertThat(CliRun.run("--help").exits(ExitCodes.OK).out())
        .containsPattern("(?m)^  morse +Key text in Morse");
  }

  @ParameterizedTest
  @ValueSource(strings = {"morse", "morse encode", "morse decode", "morse wav", "morse listen",
      "morse time"})
  void help_hasAWorkedExampleAndTheExitCodes(String command) {
    String[] args = Keys.concat(command.split(" "), new String[] {"--help"});
    CliRun.Result r = CliRun.run(args).exits(ExitCodes.OK);
    assertThat(r.out()).contains("Usage: shifrovka " + command).contains("Exit codes:")
        .contains("\nExample:\n");
    assertThat(r.out().substring(r.out().indexOf("\nExample:\n")))
        .contains("shifrovka " + command);
  }

  private static double seconds(String line) {
    String s = line.substring(line.indexOf("): ") + 3);
    return Double.parseDouble(s.substring(0, s.indexOf(" s")));
  }
}
