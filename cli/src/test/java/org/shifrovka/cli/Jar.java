package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shaded {@code shifrovka.jar} in separate JVMs, for the integration tests: directly, or
 * through {@code bash} with {@code shifrovka} defined as a shell function, for pipes and
 * redirections.
 */
final class Jar {
  private static final long TIMEOUT_SECONDS = 120;
  /** Short-lived JVMs on a small machine: start fast rather than peak fast. */
  private static final List<String> JVM_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private Jar() {}

  /** What a process gave. */
  record Result(int code, String out, String err) {
    Result exits(int expected) {
      assertThat(code).as("exit code; out:%n%s%nerr:%n%s", out, err).isEqualTo(expected);
      return this;
    }
  }

  /** Returns the jar, built by {@code package} before the integration tests run. */
  static Path jar() {
    Path p = Path.of(System.getProperty("shifrovka.jar", "target/shifrovka.jar"))
        .toAbsolutePath();
    assertThat(p).as("the shaded jar (run 'mvn verify')").exists();
    return p;
  }

  /** Returns the {@code java} launcher of the JVM running the tests. */
  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** Returns a bash preamble that defines {@code shifrovka} as a function running the jar. */
  static String preamble() {
    return "set -o pipefail\nshifrovka() { '" + java() + "' " + String.join(" ", JVM_FLAGS)
        + " -jar '" + jar() + "' \"$@\"; }\n";
  }

  /** Runs {@code java -jar shifrovka.jar args} in {@code dir} with {@code stdin} (or none). */
  static Result run(Path dir, Path stdin, String... args) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(java().toString()));
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(List.of("-jar", jar().toString()));
    cmd.addAll(List.of(args));
    return exec(dir, stdin, false, cmd);
  }

  /**
   * Starts {@code java -jar shifrovka.jar args} in {@code dir} without waiting, standard output
   * and error appended to {@code out} and {@code err}; the caller stops it.
   */
  static Process start(Path dir, Path out, Path err, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(java().toString()));
    cmd.addAll(JVM_FLAGS);
    cmd.addAll(List.of("-jar", jar().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(devNull()));
    pb.environment().put("LC_ALL", "C");
    return pb.start();
  }

  /** Runs a bash script in {@code dir}; {@code shifrovka} runs the jar. */
  static Result bash(Path dir, String script, boolean mergeStderr) throws IOException,
      InterruptedException {
    return exec(dir, null, mergeStderr, List.of("bash", "-c", preamble() + script));
  }

  private static Result exec(Path dir, Path stdin, boolean merge, List<String> cmd)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("shifrovka-it", ".out");
    Path err = Files.createTempFile("shifrovka-it", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectErrorStream(merge);
      if (!merge) {
        pb.redirectError(err.toFile());
      }
      pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(devNull())
          : ProcessBuilder.Redirect.from(stdin.toFile()));
      pb.environment().put("LC_ALL", "C"); // the tool must not depend on the locale
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          merge ? "" : Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static java.io.File devNull() {
    return new java.io.File("/dev/null");
  }
}
