package org.shifrovka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compiles and runs the "Embed the library" example of the README, so that it cannot rot. */
class ReadmeExampleTest {
  private static final Path README = Paths.get("..", "README.md");

  @TempDir
  Path dir;

  @Test
  void embedExample_compilesRunsAndRoundTrips() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("## Embed the library.*?```java\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme);
    assertThat(m.find()).as("README has an 'Embed the library' java block").isTrue();
    String source = m.group(1);
    Matcher dep = Pattern.compile("## Embed the library.*?```xml\\n(.*?)```", Pattern.DOTALL)
        .matcher(readme);
    assertThat(dep.find()).as("README gives the Maven coordinates").isTrue();
    Matcher version = Pattern.compile("<artifactId>shifrovka-parent</artifactId>\\s*"
        + "<version>([^<]+)</version>").matcher(Files.readString(Paths.get("..", "pom.xml")));
    assertThat(version.find()).isTrue();
    assertThat(dep.group(1)).contains("<groupId>org.shifrovka</groupId>",
        "<artifactId>shifrovka-core</artifactId>", "<version>" + version.group(1) + "</version>");
    assertThat(source.lines().count()).isLessThanOrEqualTo(40);
    Path file = dir.resolve("EmbedExample.java");
    Files.writeString(file, source, StandardCharsets.UTF_8);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = javac.run(null, null, diagnostics, "-d", dir.toString(), "-cp",
        System.getProperty("java.class.path"), file.toString());
    assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
        getClass().getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      Method main = loader.loadClass("EmbedExample").getMethod("main", String[].class);
      main.invoke(null, (Object) new String[] {dir.resolve("ledger.txt").toString()});
    } finally {
      System.setOut(saved);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("COMRADE FILIPPOV COMMA I RECEIVED YOUR TELEGRAM STOP");
    assertThat(Files.readString(dir.resolve("ledger.txt"))).contains("SHIFROVKA PAD LEDGER 3")
        .contains("pad ");
  }
}
