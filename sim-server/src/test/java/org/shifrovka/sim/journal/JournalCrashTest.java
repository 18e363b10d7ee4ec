package org.shifrovka.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.sim.core.JournalRecord;

/**
 * Kills (SIGKILL) a child JVM in the middle of journaling and checks that everything the journal
 * had reported durable is there after reopening, in order, and nothing half-written.
 */
class JournalCrashTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void killedStation_losesNothingTheJournalReportedDurable() throws Exception {
    Path file = dir.resolve("KUZNETSOV.journal");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), JournalCrashChild.class.getName(),
        file.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    long durable = 0;
    int reports = 0;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && reports < 25) {
        if (line.startsWith("DURABLE ")) {
          durable = Long.parseLong(line.substring(8));
          reports++;
        }
      }
      child.destroyForcibly(); // SIGKILL mid-stream: no close, no shutdown hook, no checkpoint
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(reports).as("the child committed before it was killed").isEqualTo(25);

    List<JournalRecord> expected = JournalTest.sample(JournalCrashChild.RECORDS);
    try (Journal j = Journal.sqlite(file, "CRASH seed 7", upTo -> {})) {
      List<JournalRecord> kept = j.records();
      assertThat((long) kept.size()).isGreaterThanOrEqualTo(durable); // nothing durable lost
      for (int i = 0; i < kept.size(); i++) { // in order, nothing half-written
        assertThat(JournalCodec.encode(kept.get(i))).isEqualTo(
            JournalCodec.encode(expected.get(i)));
      }
      j.append(kept.size() + 1L, expected.get(kept.size())); // and it goes on where it stopped
    }
  }
}
