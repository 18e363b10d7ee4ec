package org.shifrovka.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the tool knows of the terminal it runs in: whether standard input and output are one
 * (interactive modes need it), how wide it is, and whether colour is wanted.
 *
 * <p>The width comes from {@code COLUMNS}, else from {@code stty size} on the terminal, else 80.
 * Colour is on only on a terminal, never when {@code NO_COLOR} is set (any value) or
 * {@code TERM=dumb}; {@code --no-color} turns it off too.
 *
 * @param interactive true if standard input and standard output are a terminal
 * @param width the width in columns, 40 or more
 * @param color true if ANSI colours may be written
 */
public record Terminal(boolean interactive, int width, boolean color) {
  /** The width when none is known. */
  public static final int DEFAULT_WIDTH = 80;

  /** No terminal: a pipe or a file, 80 columns, no colour. */
  public static final Terminal NONE = new Terminal(false, DEFAULT_WIDTH, false);

  /** Validates. */
  public Terminal {
    if (width < 40) {
      width = 40;
    }
  }

  /**
   * Returns the same terminal without colour.
   *
   * @return the terminal
   */
  public Terminal withoutColor() {
    return new Terminal(interactive, width, false);
  }

  /**
   * Detects the terminal of this process.
   *
   * @return what was found
   */
  public static Terminal detect() {
    return detect(System.console() != null, System.getenv());
  }

  static Terminal detect(boolean interactive, Map<String, String> env) {
    int width = DEFAULT_WIDTH;
    String columns = env.get("COLUMNS");
    if (columns != null && columns.matches("[0-9]{2,4}")) {
      width = Integer.parseInt(columns);
    } else if (interactive) {
      width = sttyWidth();
    }
    boolean color = interactive && !env.containsKey("NO_COLOR")
        && !"dumb".equals(env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT));
    return new Terminal(interactive, width, color);
  }

  /** Asks {@code stty size} on {@code /dev/tty}: "rows columns". */
  private static int sttyWidth() {
    try {
      Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty")
          .redirectErrorStream(true).start();
      try (InputStream in = p.getInputStream()) {
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return DEFAULT_WIDTH;
        }
        String[] size = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim()
            .split("\\s+");
        if (size.length == 2 && size[1].matches("[0-9]{1,4}") && !"0".equals(size[1])) {
          return Integer.parseInt(size[1]);
        }
      }
    } catch (IOException e) {
      return DEFAULT_WIDTH;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return DEFAULT_WIDTH;
  }
}
