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
    String command = "exec '" + Jar.java() + "' -XX:TieredStopAtLevel=1 -jar '" + Jar.jar()
        + "' pad generate --sheets 5000 -o pads.txt";
    Process p = new ProcessBuilder("script", "-qfec", command, "/dev/null").directory(dir.toFile())
        .redirectErrorStream(true).start();
    p.getOutputStream().close();
    String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
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
    assertThat(err).doesNotContain("%").doesNotContain("\r").endsWith("written to pads.txt\n");
  }
}
