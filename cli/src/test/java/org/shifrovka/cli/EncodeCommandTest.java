package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;

/** {@code shifrovka encode}. */
class EncodeCommandTest {
  private static final String MESSAGE = "Comrade Filippov, I received your telegram.";
  private static final String CANONICAL = "COMRADE FILIPPOV COMMA I RECEIVED YOUR TELEGRAM STOP";

  @Test
  void encode_fromStdin_thenDecode_givesTheCanonicalText(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    CliRun.Result enc = CliRun.withStdin(MESSAGE, k.encodeArgs("-")).exits(ExitCodes.OK);
    assertThat(enc.err()).isEqualTo("warning: pad book 1949 was made from a seed and is"
        + " INSECURE\n");
    List<Radiogram> rs = Radiogram.parseAll(enc.out(), "out");
    assertThat(rs).hasSize(1);
    assertThat(rs.get(0).number()).isEqualTo(1);
    assertThat(rs.get(0).precedence()).isEqualTo(Precedence.ORDINARY);
    // the filing time is the environment's clock: 12:00 UTC is 15:00 in Moscow
    assertThat(rs.get(0).time()).isEqualTo(LocalTime.of(15, 0));

    CliRun.Result dec = CliRun.withStdin(enc.out(), k.decodeArgs()).exits(ExitCodes.OK);
    assertThat(dec.out()).isEqualTo(CANONICAL + "\n");
    assertThat(dec.err()).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(k.ledger())))
        .isEqualTo("rw-------");
  }

  @Test
  void encode_everyCharacterAClerkCouldSend_spellsTheRest_andSaysWhatItTransliterated(
      @TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    String typed = "Tom & Jerry: 5$ @ #3 < 7 * 2 😀 Łódź\n";
    CliRun.Result enc = CliRun.withStdin(typed, k.encodeArgs("-")).exits(ExitCodes.OK);
    assertThat(enc.err()).contains("warning: <stdin>:1:33: 'Ł' is sent as L (and 2 more letters");
    CliRun.Result dec = CliRun.withStdin(enc.out(), k.decodeArgs()).exits(ExitCodes.OK);
    assertThat(dec.out()).isEqualTo("TOM AND JERRY COLON 5 DOLLAR AT NUMBER 3 PAREN 7 STAR 2"
        + " GRINNING FACE LODZ\n");
    CliRun.Result refused = CliRun.withStdin("hi 😀\n", k.encodeArgs("--serial", "2",
        "--unknown", "refuse", "-")).exits(ExitCodes.BAD_DATA);
    assertThat(refused.err()).endsWith("error: <stdin>:1:4: character U+1F600 '😀' cannot be"
        + " carried by any code or spell table\n");
    CliRun.Result dropped = CliRun.withStdin("hi 😀 there\n", k.encodeArgs("--serial", "3",
        "--unknown", "drop", "-")).exits(ExitCodes.OK);
    assertThat(CliRun.withStdin(dropped.out(), k.decodeArgs()).exits(ExitCodes.OK).out())
        .isEqualTo("HI THERE\n");
  }

  @Test
  void encode_aDirectory_namesIt(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 2);
    CliRun.Result r = CliRun.run(k.encodeArgs(arg(dir)));
    assertThat(r.err()).endsWith("error: " + arg(dir) + ": is a directory, not a file\n");
    assertThat(r.code()).isNotZero();
  }

  @Test
  void encode_aMistypedOrNewLedger_isRefused_unlessNewLedgerIsGiven(@TempDir Path dir)
      throws Exception {
    Keys k = Keys.make(dir, 5);
    CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "1", "-")).exits(ExitCodes.OK);
    Path typo = dir.resolve("ledgr.txt");
    CliRun.Result r = CliRun.withStdin(MESSAGE, "encode", "--codebook", arg(k.codebook()),
        "--pads", arg(k.pads()), "--ledger", arg(typo), "--serial", "2", "-")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("no ledger at " + arg(typo) + "; give --new-ledger");
    assertThat(r.out()).isEmpty();
    assertThat(typo).doesNotExist();
    // without --ledger the pad's own ledger is used: sheet 2, not sheet 1 again
    CliRun.Result second = CliRun.withStdin(MESSAGE, "encode", "--codebook", arg(k.codebook()),
        "--pads", arg(k.pads()), "--serial", "2", "-").exits(ExitCodes.OK);
    assertThat(Files.readString(k.ledger())).contains("\n1949 2 ");
    // --new-ledger where one exists is refused
    CliRun.withStdin(MESSAGE, Keys.concat(k.encodeArgs("--new-ledger"), new String[] {"-"}))
        .exits(ExitCodes.USAGE);
    // a ledger of another pad is refused with exit code 4
    // (another pad printed under the same book number 1949)
    CliRun.run("pad", "generate", "--sheets", "5", "--seed", "8", "--book", "1949", "-o",
        arg(dir.resolve("other.txt"))).exits(ExitCodes.OK);
    CliRun.Result wrong = CliRun.withStdin(MESSAGE, "encode", "--codebook", arg(k.codebook()),
        "--pads", arg(k.pads()), "--ledger", arg(dir.resolve("other.txt.ledger")), "-");
    assertThat(wrong.code()).isEqualTo(ExitCodes.SECURITY);
    assertThat(wrong.err()).contains("another pad printed as book 1949");
    assertThat(second.err()).doesNotContain("new ledger");
  }

  @Test
  void encode_thatFails_withNewLedger_leavesNoLedgerFile(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    Path fresh = dir.resolve("fresh.ledger");
    CliRun.Result r = CliRun.withStdin("hi \uD83D\uDE00\n", "encode", "--codebook",
        arg(k.codebook()), "--pads", arg(k.pads()), "--ledger", arg(fresh), "--new-ledger",
        "--unknown", "refuse", "-").exits(ExitCodes.BAD_DATA);
    assertThat(r.out()).isEmpty();
    assertThat(fresh).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("fresh"));
    }
  }

  @Test
  void encode_withADamagedLedger_isRefusedWithThePosition_andUsesNoSheet(@TempDir Path dir)
      throws Exception {
    Keys k = Keys.make(dir, 5);
    CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "1", "-")).exits(ExitCodes.OK);
    String whole = Files.readString(k.ledger());
    Files.writeString(k.ledger(), whole.substring(0, whole.indexOf("\nend ") + 1));
    CliRun.Result r = CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "2", "-"))
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("\nerror: " + k.ledger().toRealPath() + ":")
        .contains("cut short").doesNotContain("Exception");
    Files.write(k.ledger(), new byte[0]);
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "2", "-"))
        .exits(ExitCodes.BAD_DATA).err()).contains(":1:1: the file is empty");
  }

  @Test
  void encode_headerFollowsOptions_dateLocalToTheSender(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    Path msg = dir.resolve("m.txt");
    Files.writeString(msg, MESSAGE);
    CliRun.Result r = CliRun.run(k.encodeArgs("--serial", "15", "--precedence", "out-of-turn",
        "--date", "1949-01-13T21:40", arg(msg))).exits(ExitCodes.OK);
    Radiogram g = Radiogram.parse(r.out(), "out");
    assertThat(g.header()).isEqualTo("15 " + g.groups().size() + " 13 1640 ВНЕОЧЕРЕДНАЯ =");
    assertThat(g.groups().get(g.groups().size() - 1)).isEqualTo("01513");

    CliRun.Result zoned = CliRun.run(k.encodeArgs("--serial", "16", "--from", "NOVIKOV",
        "--from-zone", "Asia/Vladivostok", "--date", "1949-01-14T01:05+03:00", arg(msg)))
        .exits(ExitCodes.OK);
    assertThat(Radiogram.parse(zoned.out(), "out").header()).matches("16 [0-9]+ 14 0105"
        + " ОБЫКНОВЕННАЯ =");
  }

  @Test
  void encode_longMessage_splitsIntoParts_andArchivalShowsWhatMoscowTypes(@TempDir Path dir) {
    Keys k = Keys.make(dir, 40);
    CliRun.Result r = CliRun.withStdin(Scenario1949.message(), k.encodeArgs("--for", "filippov",
        "--serial", "15", "--date", "1949-01-13T21:40", "--max-groups", "200", "--format",
        "archival", "--register-base", "50450", "--register-step", "20", "-"))
        .exits(ExitCodes.OK);
    assertThat(r.out()).startsWith("CIPHERED TELEGRAM No. 50450\nComrade KUZNETSOV\n"
            + "For FILIPPOV\nPart 1 of ")
        .contains("\n----\n\nCIPHERED TELEGRAM No. 50470\n")
        .contains("No. 15 - TEREBIN - 13 January\n")
        .contains("No. 16 - TEREBIN - 13 January\n");
  }

  @Test
  void encode_json_hasTheDocumentedKeysInOrder(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    CliRun.Result r = CliRun.withStdin(MESSAGE, k.encodeArgs("--for", "FILIPPOV", "--serial",
        "15", "--precedence", "urgent", "--date", "1949-01-13T21:40", "--format", "json", "-"))
        .exits(ExitCodes.OK);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(fields(root)).containsExactly("format", "version", "telegrams");
    assertThat(root.get("format").asText()).isEqualTo("shifrovka-telegrams");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    JsonNode t = root.get("telegrams").get(0);
    assertThat(fields(t)).containsExactly("from", "to", "for", "serial", "part", "parts",
        "precedence", "filed", "filedMoscow", "padBook", "registryNumber", "groupCount", "groups");
    assertThat(fields(t.get("from"))).containsExactly("name", "place", "zone");
    assertThat(t.get("from").get("name").asText()).isEqualTo("TEREBIN");
    assertThat(t.get("from").get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(t.get("to").get("name").asText()).isEqualTo("KUZNETSOV");
    assertThat(t.get("for").asText()).isEqualTo("FILIPPOV");
    assertThat(t.get("serial").asInt()).isEqualTo(15);
    assertThat(t.get("part").asInt()).isEqualTo(1);
    assertThat(t.get("parts").asInt()).isEqualTo(1);
    assertThat(t.get("precedence").asText()).isEqualTo("urgent");
    assertThat(t.get("filed").asText()).isEqualTo("1949-01-13T21:40:00+08:00");
    assertThat(t.get("filedMoscow").asText()).isEqualTo("1949-01-13T16:40:00+03:00");
    assertThat(t.get("padBook").asText()).isEqualTo("1949");
    assertThat(t.get("registryNumber").isNull()).isTrue();
    assertThat(t.get("groupCount").asInt()).isEqualTo(t.get("groups").size());
    assertThat(t.get("groups").get(0).asText()).matches("[0-9]{5}");

    CliRun.Result numbered = CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "16",
        "--format", "json", "--register-base", "0100", "-")).exits(ExitCodes.OK);
    assertThat(new ObjectMapper().readTree(numbered.out()).get("telegrams").get(0)
        .get("registryNumber").asText()).isEqualTo("100");
  }

  @Test
  void encode_exhaustedPad_exit4_ledgerAndOutputUntouched(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 2);
    CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "1", "-")).exits(ExitCodes.OK);
    CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "2", "-")).exits(ExitCodes.OK);
    byte[] ledger = Files.readAllBytes(k.ledger());
    CliRun.Result r = CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "3", "-"))
        .exits(ExitCodes.SECURITY);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).endsWith("error: pad book 1949 is exhausted: the telegram needs 1 sheet,"
        + " 0 of 2 sheets are left unused\n");
    assertThat(Files.readAllBytes(k.ledger())).isEqualTo(ledger);
  }

  @Test
  void encode_messageTooLongForThePad_exit4(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 1);
    CliRun.Result r = CliRun.withStdin(Scenario1949.message(), k.encodeArgs("-"))
        .exits(ExitCodes.SECURITY);
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(k.ledger())).doesNotContain("1949 1 ");
  }

  @Test
  void encode_characterNoTableCarries_namesFileLineColumn_exit3(@TempDir Path dir)
      throws Exception {
    Keys k = Keys.make(dir, 2);
    Path msg = dir.resolve("tea.txt");
    Files.writeString(msg, "Tea at five.\nWith \u2615 please.\n");
    CliRun.Result r = CliRun.run(k.encodeArgs("--unknown", "refuse", arg(msg)))
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).contains("error: " + arg(msg) + ":2:6: ");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(k.ledger())).doesNotContain("1949 1 ");
  }

  @Test
  void encode_notUtf8_exit3(@TempDir Path dir) {
    Keys k = Keys.make(dir, 2);
    byte[] latin1 = "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    CliRun.Result r = CliRun.run(latin1, CliRun.CLOCK, k.encodeArgs("-"))
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).contains("error: <stdin>:1:4: not valid UTF-8 (byte 0xE9)");
  }

  @Test
  void encode_badOptionValues_exit2(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 2);
    String ledger = Files.readString(k.ledger());
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--from", "two words", "-"))
        .exits(ExitCodes.USAGE).err()).contains("a station name is one upper-case word");
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--for", "x y", "-"))
        .exits(ExitCodes.USAGE).err()).contains("an addressee is one upper-case cover name");
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--max-groups", "3", "-"))
        .exits(ExitCodes.USAGE).err()).contains(
            "max groups must be 0 (the header's limit, 9999) or 6-9999");
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--serial", "100000", "-"))
        .exits(ExitCodes.USAGE).err()).contains("serial must be 0-99999");
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--date", "13 January 1949", "-"))
        .exits(ExitCodes.USAGE).err()).contains("is not an ISO date-time");
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--precedence", "slow", "-"))
        .exits(ExitCodes.USAGE).err()).contains("unknown precedence");
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--from-zone", "Mars/Olympus", "-"))
        .exits(ExitCodes.USAGE).err()).contains("unknown time zone");
    assertThat(CliRun.withStdin(MESSAGE, k.encodeArgs("--format", "pdf", "-"))
        .exits(ExitCodes.USAGE).err()).contains("--format");
    assertThat(Files.readString(k.ledger())).isEqualTo(ledger); // no sheet reserved
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
