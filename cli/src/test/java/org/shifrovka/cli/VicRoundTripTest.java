package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** {@code encode --system vic} piped into {@code decode --system vic}. */
class VicRoundTripTest {
  private static final String[] RUSSIAN = {"--system", "vic", "--board", "russian", "--phrase",
    "ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО", "--key-date", "391945", "--personal-number", "13"};
  private static final String[] ENGLISH = {"--system", "vic", "--phrase",
    "I dream of Jeannie with t", "--key-date", "741776", "--personal-number", "8"};

  private static String[] args(String command, String[] keys, String... more) {
    return Keys.concat(Keys.concat(new String[] {command}, keys), more);
  }

  @Test
  void russianRoundTrips() {
    String groups = CliRun.withStdin("Поздравляем с благополучным прибытием. №1 3 декабря\n",
        args("encode", RUSSIAN, "--keygroup", "20818")).exits(ExitCodes.OK).out();
    assertThat(groups).matches("([0-9]{5} ){9}[0-9]{5}\n([0-9]{1,5} ?)+\n");
    String[] all = groups.strip().split("\\s+");
    assertThat(all[all.length - 5]).isEqualTo("20818"); // 391945: the fifth group from the end
    assertThat(CliRun.withStdin(groups, args("decode", RUSSIAN)).exits(ExitCodes.OK).out())
        .isEqualTo("ПОЗДРАВЛЯЕМСБЛАГОПОЛУЧНЫМПРИБЫТИЕМ.№13ДЕКАБРЯ\n");
  }

  @Test
  void aCutMessageComesBackInOrder() {
    String groups = CliRun.withStdin("Поздравляем с прибытием\n",
        args("encode", RUSSIAN, "--keygroup", "20818", "--cut", "14")).exits(ExitCodes.OK).out();
    assertThat(CliRun.withStdin(groups, args("decode", RUSSIAN)).exits(ExitCodes.OK).out())
        .isEqualTo("ПОЗДРАВЛЯЕМСПРИБЫТИЕМ\n");
    assertThat(CliRun.withStdin("ATTACK", args("encode", ENGLISH, "--cut", "random"))
        .exits(ExitCodes.USAGE).err()).contains("no Н/Т sign");
  }

  /** Savard's English worked example (see core's VicWorkedExampleTest), through the tool. */
  @Test
  void englishGivesSavardsGroups() {
    String message = "We are pleased to hear of your success in establishing your false"
        + " identity You will be sent some money to cover expenses within a month R\n";
    String groups = CliRun.withStdin(message, args("encode", ENGLISH, "--keygroup", "77651"))
        .exits(ExitCodes.OK).out();
    assertThat(groups).isEqualTo(
        "36178 05428 99592 53507 01440 00113 42004 74684 58426 75048\n"
        + "42503 10084 69181 77284 83603 47503 50076 68483 88242 42838\n"
        + "90960 35071 37586 89914 05000 77651 80429 00873 78601 44725\n"
        + "44860\n");
    assertThat(CliRun.withStdin(groups, args("decode", ENGLISH)).exits(ExitCodes.OK).out())
        .isEqualTo(message.toUpperCase(java.util.Locale.ROOT).replace(" ", ""));
  }

  @Test
  void withoutKeygroupOneIsDrawnFromTheToolsRandomSource() throws Exception {
    String first = encodeWithSeed(7);
    assertThat(encodeWithSeed(7)).isEqualTo(first);
    assertThat(CliRun.withStdin(first, args("decode", ENGLISH)).exits(ExitCodes.OK).out())
        .isEqualTo("ATTACKATDAWN1949\n");
  }

  private static String encodeWithSeed(long seed) throws Exception {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed(seed);
    Environment env = new Environment(new ByteArrayInputStream(
        "attack at dawn 1949".getBytes(StandardCharsets.UTF_8)), CliRun.CLOCK, random);
    return CliRun.run(env, args("encode", ENGLISH)).exits(ExitCodes.OK).out();
  }

  @Test
  void missingKeysAreAUsageError_badGroupsBadData() {
    assertThat(CliRun.withStdin("x", "encode", "--system", "vic", "--phrase",
        "I dream of Jeannie with t").exits(ExitCodes.USAGE).err())
        .contains("--system vic needs --phrase, --key-date and --personal-number");
    assertThat(CliRun.withStdin("x", args("encode", ENGLISH, "--keygroup", "123"))
        .exits(ExitCodes.USAGE).err()).contains("--keygroup must be five digits");
    assertThat(CliRun.withStdin("x", "encode", "--system", "vic", "--phrase", "too short",
        "--key-date", "741776", "--personal-number", "8").exits(ExitCodes.USAGE).err())
        .contains("20 letters");
    assertThat(CliRun.withStdin("HELLO, WORLD", args("encode", ENGLISH))
        .exits(ExitCodes.BAD_DATA).err())
        .isEqualTo("error: <stdin>:1:6: ',' (U+002C) is not on the checkerboard\n");
    assertThat(CliRun.withStdin(" \n", args("encode", ENGLISH)).exits(ExitCodes.BAD_DATA).err())
        .isEqualTo("error: <stdin>: the message is empty\n");
    assertThat(CliRun.withStdin("12345 1234X", args("decode", ENGLISH))
        .exits(ExitCodes.BAD_DATA).err()).contains("group 2 is not digits");
  }
}
