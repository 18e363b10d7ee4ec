package org.shifrovka.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.ReceivedMessage;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.RegistryNumber;

class Scenario1949Test {

  @Test
  void standardRun_givesThreeTelegramsRegistered50450_50470_50490() {
    Scenario1949.Run run = Scenario1949.standard().run();
    assertThat(run.encipherment().telegrams()).hasSize(3);
    ReceivedMessage m = run.decipherment().messages().get(0);
    assertThat(m.copies()).extracting(ArchivalCopy::registryNumber).extracting(RegistryNumber::value)
        .containsExactly(50450, 50470, 50490);
    assertThat(m.copies()).extracting(c -> c.closingLine().render()).containsExactly(
        "No. 15 - TEREBIN - 13 January", "No. 16 - TEREBIN - 13 January",
        "No. 17 - TEREBIN - 13 January");
  }

  @Test
  void standardRun_decodesToTheCanonicalMessage() throws Exception {
    Scenario1949 sc = Scenario1949.standard();
    Scenario1949.Run run = sc.run();
    String canonical = sc.moscowOffice().canonical(Scenario1949.message(), "m").toString();
    assertThat(run.decipherment().messages()).hasSize(1);
    assertThat(run.decipherment().messages().get(0).text().toString()).isEqualTo(canonical);
    assertThat(run.decipherment().problems()).isEmpty();
    assertThat(run.delivered()).isTrue();
  }

  @Test
  void anotherSeed_givesOtherGroupsButTheSameText() {
    Scenario1949.Run a = Scenario1949.standard().run();
    Scenario1949.Run b = Scenario1949.withSeed(7).run();
    assertThat(b.delivered()).isTrue();
    assertThat(b.radiograms().get(0).groups()).isNotEqualTo(a.radiograms().get(0).groups());
    assertThat(b.decipherment().messages().get(0).text())
        .isEqualTo(a.decipherment().messages().get(0).text());
  }

  @Test
  void sameSeed_givesIdenticalRadiograms() {
    List<?> a = Scenario1949.standard().run().radiograms();
    List<?> b = Scenario1949.standard().run().radiograms();
    assertThat(a).isEqualTo(b);
  }
}
