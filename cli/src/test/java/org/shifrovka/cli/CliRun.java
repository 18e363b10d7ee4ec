package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Runs the tool in process through {@link Shifrovka#create}, the factory {@code main} uses, with
 * captured output and a given standard input and clock.
 */
final class CliRun {
  /** A fixed "now" for tests: 26 November 2026, 12:00 UTC. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

  private CliRun() {}

  /** What a run gave. */
  record Result(int code, String out, String err) {
    /** Asserts the exit code, showing the output if it differs. */
    Result exits(int expected) {
      assertThat(code).as("exit code; out:%n%s%nerr:%n%s", out, err).isEqualTo(expected);
      return this;
    }
  }

  /** Runs with empty standard input and the fixed clock. */
  static Result run(String... args) {
    return run("", CLOCK, args);
  }

  /** Runs with {@code stdin} as standard input and the fixed clock. */
  static Result withStdin(String stdin, String... args) {
    return run(stdin, CLOCK, args);
  }

  /** Runs with the given standard input (UTF-8) and clock. */
  static Result run(String stdin, Clock clock, String... args) {
    return run(stdin.getBytes(StandardCharsets.UTF_8), clock, args);
  }

  /** Runs with the given standard input bytes and clock. */
  static Result run(byte[] stdin, Clock clock, String... args) {
    return run(new Environment(new ByteArrayInputStream(stdin), clock), args);
  }

  /** Runs in the given environment: standard input, clock and randomness. */
  static Result run(Environment env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    PrintWriter o = new PrintWriter(out);
    PrintWriter e = new PrintWriter(err);
    int code = Shifrovka.create(o, e, env).execute(args);
    o.flush();
    e.flush();
    return new Result(code, out.toString(), err.toString());
  }

  /** Returns the absolute path of a file as a string argument. */
  static String arg(Path p) {
    return p.toAbsolutePath().toString();
  }

  /** A clock that fails: to provoke an internal error. */
  static final class BrokenClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      throw new IllegalStateException("the test clock is broken");
    }
  }
}
