package org.shifrovka.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.sim.journal.Telegrams.CLOCK;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child JVM in the middle of journaling and checks that everything the journal
 * had returned for is there after reopening.
 */
class StationJournalCrashTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void killedStation_losesNothingTheJournalReturnedFor() throws Exception {
    Path file = dir.resolve("KUZNETSOV.journal");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
        file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    List<Integer> telegrams = new ArrayList<>();
    List<Integer> registry = new ArrayList<>();
    List<Integer> sheets = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && telegrams.size() < 25) {
        String[] f = line.split(" ");
        switch (f[0]) {
          case "TELEGRAM" -> telegrams.add(Integer.parseInt(f[1]));
          case "REGISTRY" -> registry.add(Integer.parseInt(f[1]));
          case "SHEET" -> sheets.add(Integer.parseInt(f[1]));
          default -> { }
        }
      }
      child.destroyForcibly(); // SIGKILL mid-stream: no close, no shutdown hook, no checkpoint
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(telegrams).as("the child journaled before it was killed").hasSizeGreaterThan(20);

    try (StationJournal j = StationJournal.open(file, CLOCK)) {
      List<Integer> kept = j.unacknowledged().stream().map(JournalEntry::serial).toList();
      assertThat(kept).startsWith(telegrams.toArray(Integer[]::new)); // in order, nothing lost
      for (int serial : kept) { // and nothing half-written
        assertThat(j.entry("TEREBIN", serial).orElseThrow().record())
            .isEqualTo(Telegrams.telegram(serial));
      }
      assertThat(j.padLedger().usedSheets("CRASH")).containsAll(sheets);
      int next = j.nextRegistryNumber("KUZNETSOV", 50450, 20).value();
      assertThat(registry).allMatch(n -> n < next);
      assertThat(j.padLedger().reserve(JournalCrashChild.book(), 1).first())
          .isNotIn(sheets);
    }
  }
}
