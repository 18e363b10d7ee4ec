package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shifrovka.MalformedInputException;
import org.shifrovka.sim.server.ForwardMode;
import org.shifrovka.sim.server.Role;

class TopologyTest {
  private static final String GOOD = String.join("\n",
      "start: 1949-01-13T21:40:00+08:00",
      "forward: archival",
      "stations:",
      "  - {name: A, role: origin, zone: Asia/Shanghai}",
      "  - {name: B, role: relay}",
      "  - {name: C, role: addressee, register: {base: 100, width: 4}}",
      "links:",
      "  - {between: [A, B], wpm: 25, delay: 1.5s, loss: 0.1}",
      "  - {between: [B, C]}",
      "outages:",
      "  - {from: B, to: C, at: 1h, for: 10m}",
      "messages:",
      "  - {from: A, to: C, text: \"Comrade C, hello.\"}",
      "  - {from: A, to: C, generate: 3, every: 2m, at: 5m}",
      "");

  @Test
  void default1949_isTheDocumentedChain() {
    Topology t = Topology.default1949();
    assertThat(t.stations()).extracting(Topology.StationSpec::name)
        .containsExactly("TEREBIN", "KUZNETSOV", "FILIPPOV");
    assertThat(t.start()).isEqualTo(Instant.parse("1949-01-13T13:40:00Z"));
    assertThat(t.station("KUZNETSOV").registerBase()).isEqualTo(50450);
    assertThat(t.station("KUZNETSOV").role()).isEqualTo(Role.RELAY);
    assertThat(t.nextHop("TEREBIN", "FILIPPOV")).isEqualTo("KUZNETSOV");
    assertThat(t.links().get(0).spec().wpm()).isEqualTo(20);
    assertThat(t.messages()).hasSize(1);
  }

  @Test
  void parse_everyFeature() throws Exception {
    Topology t = Topology.parse(GOOD, "t.yaml", null);
    assertThat(t.forward()).isEqualTo(ForwardMode.ARCHIVAL);
    assertThat(t.links().get(0).spec().delayNanos()).isEqualTo(1_500_000_000L);
    assertThat(t.links().get(0).spec().loss()).isEqualTo(0.1);
    assertThat(t.outages().get(0).at()).isEqualTo(Duration.ofHours(1));
    assertThat(t.messages()).hasSize(4);
    assertThat(t.messages().get(3).at()).isEqualTo(Duration.ofMinutes(9));
    assertThat(t.station("C").registerWidth()).isEqualTo(4);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "  - {between: [A, B], wpm: 25, delay: 1.5s, loss: 0.1}|  - {between: [A, X]}|t.yaml:8:5: unknown station \"X\"",
      "  - {between: [A, B], wpm: 25, delay: 1.5s, loss: 0.1}|  - {between: [A, B], delay: soon}|t.yaml:8:5: \"delay\" must be a duration",
      "  - {between: [A, B], wpm: 25, delay: 1.5s, loss: 0.1}|  - {between: [A, B], loss: 2}|t.yaml:8:5: loss must be a probability",
      "  - {between: [A, B], wpm: 25, delay: 1.5s, loss: 0.1}|  - {between: [A, B], colour: red}|t.yaml:8:5: unknown key \"colour\"",
      "forward: archival|forward: carrier-pigeon|t.yaml:2:1: expected one of [reencipher, archival]",
      "  - {name: B, role: relay}|  - {name: b, role: relay}|t.yaml:5:5: a station name is one upper-case word",
      "stations:|stations: [|t.yaml:",
  })
  void parse_mistake_isReportedWithFileAndLine(String from, String to, String expected) {
    String bad = GOOD.replace(from, to);
    assertThatThrownBy(() -> Topology.parse(bad, "t.yaml", null))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining(expected);
  }

  @Test
  void parse_messageFile_isReadRelativeToTheTopology(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("m.txt"), "Comrade C, from a file.");
    Path t = dir.resolve("t.yaml");
    Files.writeString(t, GOOD.replace("text: \"Comrade C, hello.\"", "file: m.txt"));
    assertThat(Topology.parse(t).messages().get(0).text()).isEqualTo("Comrade C, from a file.");
  }

  @Test
  void parseDuration_acceptsCompoundsAndRejectsNonsense() {
    assertThat(Topology.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Topology.parseDuration("40ms")).isEqualTo(Duration.ofMillis(40));
    assertThat(Topology.parseDuration("0")).isEqualTo(Duration.ZERO);
    assertThat(Topology.parseDuration("5 parsecs")).isNull();
    assertThat(Topology.parseDuration("")).isNull();
  }
}
