package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code demo --step} and {@code explain --step} in a real pseudo-terminal: util-linux
 * {@code script} gives the jar a pty of 60 columns; the keys are typed into it one line at a
 * time. Enter goes on, {@code b} goes back, a number jumps, {@code q} quits with exit code 0, and
 * no line on the screen is wider than the terminal.
 */
class StepModeIT {
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");
  private static final int COLUMNS = 60;

  @Test
  void enterAdvances_bGoesBack_numberJumps_qQuits_linesFitTheTerminal() throws Exception {
    List<String> screens = run("demo --step", "", "", "b", "6", "q");
    assertThat(screens.get(0)).contains("1/14 Telegraphese");
    assertThat(screens.get(1)).contains("2/14 Code:");
    assertThat(screens.get(2)).contains("3/14 Spelling");
    assertThat(screens.get(3)).contains("2/14 Code:");
    assertThat(screens.get(4)).contains("6/14 The additive");
    assertThat(screens).hasSize(5);
  }

  @Test
  void explainStep_walksTheTypedText_toTheEnd() throws Exception {
    List<String> walk = run("explain --step message.txt", "14", "");
    assertThat(walk.get(0)).contains("1/14 Telegraphese").contains("COMRADE FILIPPOV");
    assertThat(walk.get(1)).contains("14/14 The register").contains("[Enter] end");
    assertThat(walk).hasSize(2);
  }

  @Test
  void messageFromAPipe_keysFromTheTerminal() throws Exception {
    List<String> walk = run("explain --step - < message.txt", "", "q");
    assertThat(walk.get(0)).contains("1/14 Telegraphese").contains("COMRADE FILIPPOV");
    assertThat(walk.get(1)).contains("2/14 Code:");
    assertThat(walk).hasSize(2);
  }

  /** Runs the tool in a pty, types the lines, returns the screens (split at each clear). */
  private static List<String> run(String args, String... keys) throws Exception {
    Path dir = Files.createTempDirectory("step");
    Files.writeString(dir.resolve("message.txt"), "Comrade Filippov, I received your telegram.");
    String command = "stty cols " + COLUMNS + " rows 40; exec '" + Jar.java()
        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar '" + Jar.jar() + "' " + args;
    Process p = new ProcessBuilder("script", "-qfec", command, "/dev/null").directory(dir.toFile())
        .redirectErrorStream(true).start();
    StringBuilder screen = new StringBuilder();
    Thread reader = new Thread(() -> {
      try {
        byte[] buf = new byte[8192];
        int n;
        while ((n = p.getInputStream().read(buf)) > 0) {
          synchronized (screen) {
            screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.start();
    try (OutputStream keyboard = p.getOutputStream()) {
      for (String key : keys) {
        waitForPrompt(screen, p);
        synchronized (screen) {
          screen.append("\u0000"); // where the next key was typed
        }
        keyboard.write((key + "\r").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
      }
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(screen.toString()).isTrue();
    }
    reader.join(10_000);
    assertThat(p.exitValue()).as(screen.toString()).isZero();
    String all = screen.toString().replace("\r", "");
    for (String line : ANSI.matcher(all.replace("\u001b[H\u001b[2J", "\n")).replaceAll("")
        .split("\n")) {
      String visible = line.replace("\u0000", "");
      assertThat(visible.length()).as("a line wider than the terminal: " + visible)
          .isLessThanOrEqualTo(COLUMNS);
    }
    List<String> screens = new ArrayList<>();
    for (String s : all.split(Pattern.quote("\u001b[H\u001b[2J"))) {
      if (!s.isBlank()) {
        screens.add(s);
      }
    }
    return screens;
  }

  /** Waits until the screen ends with a prompt (or the process is gone). */
  private static void waitForPrompt(StringBuilder screen, Process p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && p.isAlive()) {
      synchronized (screen) {
        String s = screen.toString();
        int typed = s.lastIndexOf('\u0000');
        if (s.substring(typed + 1).stripTrailing().endsWith(">")) {
          return;
        }
      }
      Thread.sleep(20);
    }
  }
}
