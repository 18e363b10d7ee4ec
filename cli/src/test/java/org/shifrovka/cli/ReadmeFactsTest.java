package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.scenario.Scenario1949;

/**
 * The README's file-format samples are what the commands and the library write (each sample's
 * lines, between its {@code ...} marks, stand in the real output in order and together), and its
 * package list names every package of the core library.
 */
class ReadmeFactsTest {
  private static final Path README = Path.of("..", "README.md");

  /** Returns the first fenced block after the line that starts with {@code heading}. */
  static String sample(String readme, String heading) {
    int at = readme.indexOf("\n" + heading);
    assertThat(at).as("README has %s", heading).isNotNegative();
    int open = readme.indexOf("```\n", at) + 4;
    return readme.substring(open, readme.indexOf("\n```", open) + 1);
  }

  /**
   * Asserts that every run of sample lines between {@code ...} lines is a run of lines of
   * {@code actual}, each run after the one before.
   */
  static void assertExcerpt(String sample, String actual) {
    List<String> lines = actual.lines().toList();
    int from = 0;
    List<String> run = new ArrayList<>();
    List<List<String>> runs = new ArrayList<>();
    for (String l : sample.lines().toList()) {
      if (l.equals("...")) {
        runs.add(run);
        run = new ArrayList<>();
      } else {
        run.add(l);
      }
    }
    runs.add(run);
    for (List<String> r : runs) {
      if (r.isEmpty()) {
        continue;
      }
      int found = -1;
      for (int i = from; i + r.size() <= lines.size() && found < 0; i++) {
        if (lines.subList(i, i + r.size()).equals(r)) {
          found = i;
        }
      }
      assertThat(found).as("the README sample lines %s in the real output after line %d", r,
          from).isNotNegative();
      from = found + r.size();
    }
  }

  @Test
  void codebookSample_isWhatCodebookGenerateWrites(@TempDir Path dir) throws IOException {
    Path book = dir.resolve("codebook.txt");
    CliRun.run("codebook", "generate", "--lang", "en", "--seed", "42", "-o", book.toString())
        .exits(ExitCodes.OK);
    assertExcerpt(sample(Files.readString(README), "**Codebook**"), Files.readString(book));
  }

  @Test
  void radiogramAndArchivalSamples_areThoseOfThe1949Message() throws IOException {
    String readme = Files.readString(README);
    Scenario1949.Run run = Scenario1949.standard().run();
    assertExcerpt(sample(readme, "**Radiogram**"), run.radiograms().get(0).render());
    assertExcerpt(sample(readme, "**Archival copy**"),
        run.decipherment().messages().get(0).copies().get(0).render());
  }

  @Test
  void padSample_hasTheHeaderPadGenerateWrites(@TempDir Path dir) throws IOException {
    Path pads = dir.resolve("pads.txt");
    CliRun.run("pad", "generate", "--sheets", "40", "-o", pads.toString()).exits(ExitCodes.OK);
    String sample = sample(Files.readString(README), "**Pad**");
    List<String> real = Files.readString(pads).lines().toList();
    List<String> shown = sample.lines().toList();
    // the book number and the groups are random; the layout is not
    for (int i = 0; i < 9; i++) {
      assertThat(shown.get(i).replaceAll("[0-9]{5}", "ddddd"))
          .isEqualTo(real.get(i).replaceAll("[0-9]{5}", "ddddd"));
    }
  }

  @Test
  void packageList_namesEveryCorePackage() throws IOException {
    String readme = Files.readString(README);
    String list = readme.substring(readme.indexOf("Core packages:"),
        readme.indexOf("\n\n", readme.indexOf("Core packages:")));
    Path root = Path.of("..", "core", "src", "main", "java", "org", "shifrovka");
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        String name = d.getFileName().toString();
        if (!name.equals("internal")) {
          assertThat(list).as("the README's package list").contains("`." + name + "`");
        }
      }
    }
  }
}
