package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Progress of a long job: on standard error when it is a terminal (a pseudo-terminal made by
 * util-linux {@code script}), never when it is a pipe.
 */
class ProgressIT {

  @Test
  void padGenerate_showsProgressOnATerminal_andClearsIt() throws Exception {
    Path dir = Files.createTempDirectory("progress");
    String screen = onATerminal(dir, "-XX:TieredStopAtLevel=1 -jar '" + Jar.jar()
        + "' pad generate --sheets 5000 -o pads.txt");
    assertThat(screen).contains("\rgenerating sheets: 1% (50 of 5000)")
        .contains("generating sheets: 100% (5000 of 5000)")
        .contains("pad book ").contains("5000 sheets of 60 groups written to pads.txt");
    // the line is cleared before the report
    assertThat(screen.substring(screen.lastIndexOf("100%"))).contains("\r" + " ".repeat(10));
  }

  @Test
  void padGenerate_inAPipe_printsNoProgress() throws Exception {
    Path dir = Files.createTempDirectory("progress");
    Process p = new ProcessBuilder(Jar.java().toString(), "-jar", Jar.jar().toString(), "pad",
        "generate", "--sheets", "5000", "-o", "pads.txt").directory(dir.toFile()).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(err).doesNotContain("%").doesNotContain("\r").endsWith("written to pads.txt, its ledger to pads.txt.ledger\n");
  }

  /** A star of 300 stations, 20 messages each: some seconds, past the two before the line shows. */
  private static Path starTopology(Path dir) throws Exception {
    Process g = new ProcessBuilder(Jar.java().toString(), "-jar", Jar.jar().toString(), "topology",
        "generate", "star:300", "--seed", "1", "--messages", "20", "--sheets", "100", "-o",
        "star.yaml").directory(dir.toFile()).inheritIO().start();
    assertThat(g.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(g.exitValue()).isZero();
    return dir.resolve("star.yaml");
  }

  @Test
  void simulate_showsProgressOnATerminal_andClearsIt() throws Exception {
    Path dir = Files.createTempDirectory("progress");
    starTopology(dir);
    String screen = onATerminal(dir, "-jar '" + Jar.jar()
        + "' simulate --topology star.yaml --seed 1 --real-timeout 0");
    assertThat(screen).containsPattern("\rsimulating: \\d+:\\d\\d:\\d\\d simulated, \\d+ delivered"
        + " of \\d+ filed, \\d+ events/s").contains("delivered exactly once");
    // the line is cleared before the timeline
    String last = screen.substring(screen.lastIndexOf("simulating: "));
    assertThat(last).containsPattern("\r {40,}\rlocal time");
  }

  @Test
  void simulate_inAPipe_printsNoProgress() throws Exception {
    Path dir = Files.createTempDirectory("progress");
    starTopology(dir);
    Process p = new ProcessBuilder(Jar.java().toString(), "-jar", Jar.jar().toString(), "simulate",
        "--topology", "star.yaml", "--seed", "1", "--real-timeout", "0").directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(err).isEmpty();
  }

  /** Runs java with {@code args} in {@code dir} on a pseudo-terminal; returns what it showed. */
  private static String onATerminal(Path dir, String args) throws Exception {
    String command = "exec '" + Jar.java() + "' " + args;
    Process p = new ProcessBuilder("script", "-qfec", command, "/dev/null").directory(dir.toFile())
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return screen;
  }
}
