package org.shifrovka.fuzz;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Mutation fuzzing of the project's parsers with jqwik: inputs are valid samples (a committed
 * corpus under {@code src/test/resources/org/shifrovka/fuzz}) changed by up to eight byte-level
 * mutations (bit flips, random or "interesting" bytes and tokens inserted, ranges deleted,
 * duplicated or cut off), which jqwik shrinks to a smallest failing input.
 *
 * <p>{@link #parse} runs one input against a parser: it may succeed or throw one of the documented
 * user-error types; any other exception, or a run longer than {@link #DEADLINE}, fails the property.
 * The number of tries is jqwik's default ({@code jqwik.tries.default}); the suite runs a few hundred
 * per target, and a longer run is
 * {@code mvn -B -pl core,sim-server,cli -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Djqwik.tries.default=20000}.
 */
public final class Mutations {
  /** Longer than any parse of a corpus-sized input should take, even on a loaded machine. */
  public static final Duration DEADLINE = Duration.ofSeconds(20);

  private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-target");
    t.setDaemon(true);
    return t;
  });

  private static final byte[][] TOKENS = bytes("\n", "\r\n", " ", "=", "-", "#", "0", "9", "?",
      "99999999999999999999", "-1", "2147483648", "\u0000", "\u001b[2J", "\u000b", "\u2028",
      "é", "Ж", "😀", "\uFEFF", "{", "}", "[", "]", "\"", ":", ",", "null", "SHEET 1",
      "end 0 00000000", "pad 1 sha256:", "[groups]", "=\n", "----", "ОБЫКНОВЕННАЯ", "1949-01-13");

  private Mutations() {}

  /** What a parser may throw for bad input, besides returning. */
  @FunctionalInterface
  public interface Target {
    /** Parses {@code input}. */
    void parse(byte[] input) throws Exception;
  }

  /** Reads a corpus file of this package's test resources. */
  public static byte[] corpus(String name) {
    try (InputStream in = Mutations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fuzz corpus file " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file of the working tree as a corpus sample. */
  public static byte[] corpus(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns mutated versions of the samples (the samples themselves included). */
  public static Arbitrary<byte[]> of(List<byte[]> samples) {
    Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 7),
        Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 64),
        Arbitraries.integers().between(0, 255)).as(Mutation::new);
    return Combinators.combine(Arbitraries.of(samples), one.list().ofMaxSize(8))
        .as((sample, ms) -> {
          byte[] b = sample;
          for (Mutation m : ms) {
            b = m.apply(b);
          }
          return b;
        });
  }

  /** One change to a byte string: a kind, a relative position, a length and a byte value. */
  record Mutation(int kind, double where, int length, int value) {
    byte[] apply(byte[] in) {
      int at = (int) (where * in.length);
      switch (kind) {
        case 0: // flip a bit
          return in.length == 0 ? in : with(in, Math.min(at, in.length - 1),
              (byte) (in[Math.min(at, in.length - 1)] ^ (1 << (value & 7))));
        case 1: // set a byte
          return in.length == 0 ? in : with(in, Math.min(at, in.length - 1), (byte) value);
        case 2: // delete a range
          return splice(in, at, Math.min(length, in.length - at), new byte[0]);
        case 3: // insert random bytes
          byte[] r = new byte[length % 8 + 1];
          Arrays.fill(r, (byte) value);
          return splice(in, at, 0, r);
        case 4: // insert an interesting token
          return splice(in, at, 0, TOKENS[value % TOKENS.length]);
        case 5: // duplicate a range
          int n = Math.min(length * 8, in.length - at);
          return splice(in, at, 0, Arrays.copyOfRange(in, at, at + n));
        case 6: // cut the rest off
          return Arrays.copyOf(in, at);
        default: // replace a range by a token
          return splice(in, at, Math.min(length, in.length - at),
              TOKENS[value % TOKENS.length]);
      }
    }

    private static byte[] with(byte[] in, int i, byte b) {
      byte[] out = in.clone();
      out[i] = b;
      return out;
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
      byte[] out = new byte[in.length - remove + insert.length];
      System.arraycopy(in, 0, out, 0, at);
      System.arraycopy(insert, 0, out, at, insert.length);
      System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
      return out;
    }
  }

  /**
   * Runs {@code target} on {@code input}: it must return or throw one of {@code allowed} within
   * {@link #DEADLINE}.
   */
  public static void parse(byte[] input, Target target, Set<Class<? extends Exception>> allowed) {
    Future<?> run = RUNNER.submit(() -> {
      target.parse(input);
      return null;
    });
    try {
      run.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      run.cancel(true);
      fail("no answer within " + DEADLINE + " for " + show(input));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (allowed.stream().noneMatch(c -> c.isInstance(cause))) {
        throw new AssertionError("undocumented " + cause + " for " + show(input), cause);
      }
    }
  }

  private static String show(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    return input.length + " bytes: \"" + (s.length() > 300 ? s.substring(0, 300) + "..." : s)
        + "\"";
  }

  private static byte[][] bytes(String... tokens) {
    byte[][] out = new byte[tokens.length][];
    for (int i = 0; i < tokens.length; i++) {
      out[i] = tokens[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }
}
