package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the session of the README's "Command line" section verbatim, so that the documentation
 * cannot drift: each {@code $ } line (with its {@code \} continuations) runs through {@code bash}
 * in one directory, with {@code shifrovka} running the shaded jar; it must exit 0, and print
 * exactly the lines that follow it (standard output and standard error together).
 */
class ReadmeSessionIT {

  /** One command of the session and the output the README shows for it. */
  record Step(String command, String expectedOutput) {}

  static Path readme() {
    return Path.of(System.getProperty("shifrovka.readme", "../README.md")).toAbsolutePath();
  }

  /** Returns the steps of the first {@code ```console} block of the "Command line" section. */
  static List<Step> session(String readme) {
    int section = readme.indexOf("\n## Command line\n");
    assertThat(section).as("README has a \"## Command line\" section").isNotNegative();
    int next = readme.indexOf("\n## ", section + 1);
    String body = readme.substring(section, next < 0 ? readme.length() : next);
    int open = body.indexOf("```console\n");
    assertThat(open).as("the section has a ```console block").isNotNegative();
    int close = body.indexOf("\n```", open + 11);
    String[] lines = body.substring(open + 11, close + 1).split("\n", -1);
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      String line = lines[i];
      if (line.isEmpty() && i == lines.length - 1) {
        break;
      }
      assertThat(line).as("line %d of the session", i + 1).startsWith("$ ");
      StringBuilder cmd = new StringBuilder(line.substring(2));
      while (line.endsWith("\\")) {
        line = lines[++i];
        cmd.append('\n').append(line);
      }
      i++;
      StringBuilder out = new StringBuilder();
      while (i < lines.length && !lines[i].startsWith("$ ")
          && !(i == lines.length - 1 && lines[i].isEmpty())) {
        out.append(lines[i]).append('\n');
        i++;
      }
      steps.add(new Step(cmd.toString(), out.toString()));
    }
    return steps;
  }

  @Test
  void theCommandLineSession_runsAsDocumented(@TempDir Path dir) throws Exception {
    List<Step> steps = session(Files.readString(readme(), StandardCharsets.UTF_8));
    String all = steps.stream().map(Step::command).reduce("", String::concat);
    assertThat(all).contains("shifrovka codebook generate").contains("shifrovka pad generate")
        .contains("shifrovka encode").contains("shifrovka decode");
    for (Step s : steps) {
      Jar.Result r = Jar.bash(dir, s.command(), true);
      assertThat(r.code()).as("exit code of: %s%noutput:%n%s", s.command(), r.out())
          .isZero();
      assertThat(r.out()).as("output of: %s", s.command()).isEqualTo(s.expectedOutput());
    }
  }

  @Test
  void session_parsesContinuationsAndOutput() {
    String readme = "# x\n\n## Command line\n\ntext\n\n```console\n$ a \\\n    b\nout 1\n\nout 2\n"
        + "$ c\n```\n\n## Next\n";
    assertThat(session(readme)).containsExactly(new Step("a \\\n    b", "out 1\n\nout 2\n"),
        new Step("c", ""));
  }
}
