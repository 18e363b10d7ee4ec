package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.text.Language;
import org.shifrovka.text.Telegraphese;

/** {@code shifrovka decode}. */
class DecodeCommandTest {

  /** Encodes the 1949 message in parts and writes each radiogram to its own file, part order. */
  private static List<Path> parts(Keys k) throws Exception {
    CliRun.Result r = CliRun.withStdin(Scenario1949.message(), k.encodeArgs("--serial", "15",
        "--date", "1949-01-13T21:40", "--max-groups", "200", "--precedence", "urgent", "-"))
        .exits(ExitCodes.OK);
    List<Radiogram> rs = Radiogram.parseAll(r.out(), "out");
    assertThat(rs).hasSizeGreaterThanOrEqualTo(3);
    List<Path> files = new ArrayList<>();
    for (Radiogram g : rs) {
      Path f = k.dir().resolve("part-" + g.number() + ".txt");
      Files.writeString(f, g.render());
      files.add(f);
    }
    return files;
  }

  private static String canonical1949() throws Exception {
    return Telegraphese.of(Language.ENGLISH).normalize(Scenario1949.message(), "m").toString();
  }

  @Test
  void decode_partsInAnyOrderFromSeveralFiles(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 40);
    List<Path> files = parts(k);
    List<String> args = new ArrayList<>(List.of(k.decodeArgs()));
    for (int i = files.size() - 1; i >= 0; i--) {
      args.add(arg(files.get(i)));
    }
    byte[] ledger = Files.readAllBytes(k.ledger());
    CliRun.Result r = CliRun.run(args.toArray(new String[0])).exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo(canonical1949() + "\n");
    assertThat(r.err()).isEmpty();
    assertThat(Files.readAllBytes(k.ledger())).isEqualTo(ledger);
  }

  @Test
  void decode_archival_numbersTheCopiesFromTheRegister(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 40);
    List<Path> files = parts(k);
    List<String> args = new ArrayList<>(List.of(k.decodeArgs("--format", "archival", "--for",
        "FILIPPOV", "--register-base", "50450", "--register-step", "20", "--date",
        "1949-01-14T10:00")));
    args.add(arg(files.get(2)));
    for (int i = 0; i < files.size(); i++) {
      if (i != 2) {
        args.add(arg(files.get(i)));
      }
    }
    CliRun.Result r = CliRun.run(args.toArray(new String[0])).exits(ExitCodes.OK);
    // registered in order of arrival (part 3 first), printed in part order
    assertThat(r.out()).startsWith("CIPHERED TELEGRAM No. 50470\nComrade KUZNETSOV\n"
        + "For FILIPPOV\nPart 1 of " + files.size() + "\n")
        .contains("CIPHERED TELEGRAM No. 50490\nComrade KUZNETSOV\nFor FILIPPOV\nPart 2 of ")
        .contains("CIPHERED TELEGRAM No. 50450\nComrade KUZNETSOV\nFor FILIPPOV\nPart 3 of ")
        .contains("\nNo. 15 - TEREBIN - 13 January\n");
  }

  @Test
  void decode_missingPart_marksTheGap_reportsOnStderr_exit1(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 40);
    List<Path> files = parts(k);
    files.remove(1);
    CliRun.Result r = CliRun.run(Keys.concat(k.decodeArgs(),
        files.stream().map(CliRun::arg).toArray(String[]::new))).exits(ExitCodes.FAILURE);
    assertThat(r.out()).contains("[part 2 missing]");
    assertThat(r.err()).isEqualTo("message No. 15: part 2 of " + (files.size() + 1)
        + " (No. 16) is missing\n");
  }

  @Test
  void decode_garbledGroup_isReported_exit1(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    String radiogram = CliRun.withStdin("Comrade Filippov, I received your telegram.",
        k.encodeArgs("-")).exits(ExitCodes.OK).out();
    String[] lines = radiogram.split("\n");
    lines[1] = lines[1].substring(0, 7) + "?" + lines[1].substring(8); // a digit of group 2
    CliRun.Result r = CliRun.withStdin(String.join("\n", lines) + "\n", k.decodeArgs())
        .exits(ExitCodes.FAILURE);
    assertThat(r.out()).contains("garbled]");
    // no register was given, so no registry number is made up for the problem
    assertThat(r.err()).contains("radiogram No. 1: ").doesNotContain("(registered 1)")
        .contains("garbled");
  }

  @Test
  void decode_json_hasTheDocumentedKeys(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 40);
    List<Path> files = parts(k);
    CliRun.Result r = CliRun.run(k.decodeArgs("--format", "json", "--for", "FILIPPOV",
        "--register-base", "50450", "--register-step", "20", "--date", "1949-01-14T10:00",
        arg(files.get(0)), arg(files.get(2)))).exits(ExitCodes.FAILURE);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(fields(root)).containsExactly("format", "version", "clean", "messages",
        "problems");
    assertThat(root.get("format").asText()).isEqualTo("shifrovka-decipherment");
    assertThat(root.get("clean").asBoolean()).isFalse();
    JsonNode m = root.get("messages").get(0);
    assertThat(fields(m)).containsExactly("sender", "firstSerial", "parts", "complete",
        "missingParts", "garbledGroups", "text", "copies");
    assertThat(m.get("sender").asText()).isEqualTo("TEREBIN");
    assertThat(m.get("firstSerial").asInt()).isEqualTo(15);
    assertThat(m.get("complete").asBoolean()).isFalse();
    assertThat(m.get("missingParts").get(0).asInt()).isEqualTo(2);
    assertThat(m.get("text").asText()).startsWith("COMRADE FILIPPOV COMMA\n");
    JsonNode c = m.get("copies").get(1);
    assertThat(fields(c)).containsExactly("registryNumber", "recipient", "for", "part", "parts",
        "text", "closingLine");
    assertThat(c.get("registryNumber").asText()).isEqualTo("50470");
    assertThat(c.get("part").asInt()).isEqualTo(3);
    assertThat(c.get("for").asText()).isEqualTo("FILIPPOV");
    assertThat(c.get("closingLine").asText()).isEqualTo("No. 17 - TEREBIN - 13 January");
    assertThat(root.get("problems").get(0).asText()).contains("part 2 of");
  }

  @Test
  void decode_twoMessages_areSeparatedByADashLine(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    String a = CliRun.withStdin("First.\n\nSecond paragraph.", k.encodeArgs("--serial", "1", "-"))
        .exits(ExitCodes.OK).out();
    String b = CliRun.withStdin("Another.", k.encodeArgs("--serial", "2", "-"))
        .exits(ExitCodes.OK).out();
    CliRun.Result r = CliRun.withStdin(a + "\n" + b, k.decodeArgs()).exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo("FIRST STOP\n\nSECOND PARAGRAPH STOP\n\n----\n\nANOTHER STOP\n");
  }

  @Test
  void decode_readsTheJsonOfEncode(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 40);
    String json = CliRun.withStdin(Scenario1949.message(), k.encodeArgs("--max-groups", "150",
        "--format", "json", "-")).exits(ExitCodes.OK).out();
    CliRun.Result r = CliRun.withStdin(json, k.decodeArgs()).exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo(canonical1949() + "\n");
  }

  @Test
  void decode_malformedRadiogram_namesFileLineColumn_exit3(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 1);
    Path f = dir.resolve("bad.txt");
    Files.writeString(f, "1 2 13 1640 ОБЫКНОВЕННАЯ =\n12345 1234x\n");
    CliRun.Result r = CliRun.run(k.decodeArgs(arg(f))).exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: " + arg(f) + ":2:7: expected a 5-digit group (digits"
        + " or ?), found \"1234x\"\n");
  }

  @Test
  void decode_emptyInput_exit3(@TempDir Path dir) {
    Keys k = Keys.make(dir, 1);
    assertThat(CliRun.withStdin("\n", k.decodeArgs()).exits(ExitCodes.BAD_DATA).err())
        .isEqualTo("error: <stdin>: no radiogram found\n");
  }

  @Test
  void decode_takesNoLedger(@TempDir Path dir) {
    Keys k = Keys.make(dir, 1);
    Path ledger = dir.resolve("ledger.txt");
    CliRun.withStdin("", k.decodeArgs("--ledger", arg(ledger))).exits(ExitCodes.USAGE);
    assertThat(ledger).doesNotExist();
  }

  private static List<String> fields(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
