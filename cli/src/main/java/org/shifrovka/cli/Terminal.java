package org.shifrovka.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * @param interactive true if standard output is a terminal and there is a keyboard to read: standard
 *     input, or the controlling terminal {@code /dev/tty} when standard input is a pipe (as in
 *     {@code echo text | shifrovka explain --step})
 * @param keysOnStdin true if the keyboard is standard input, false if it is {@code /dev/tty}
 * @param width the width in columns, 40 or more
 * @param color true if ANSI colours may be written
 * @param progress true if standard error is a terminal, so that long jobs may show their progress
 *     there (never in a pipe or a file)
 */
public record Terminal(boolean interactive, boolean keysOnStdin, int width, boolean color,
    boolean progress) {
  /** The controlling terminal, read for keys when standard input carries the message. */
  public static final Path TTY = Path.of("/dev/tty");

  /** The width when none is known. */
  public static final int DEFAULT_WIDTH = 80;

  /** No terminal: a pipe or a file, 80 columns, no colour. */
  public static final Terminal NONE = new Terminal(false, true, DEFAULT_WIDTH, false, false);

  /** Validates. */
  public Terminal {
    if (width < 40) {
      width = 40;
    }
  }

  /** A terminal whose standard error is not one: no progress lines. */
  public Terminal(boolean interactive, boolean keysOnStdin, int width, boolean color) {
    this(interactive, keysOnStdin, width, color, false);
  }

  /**
   * Returns the same terminal without colour.
   *
   * @return the terminal
   */
  public Terminal withoutColor() {
    return new Terminal(interactive, keysOnStdin, width, false, progress);
  }

  /**
   * Detects the terminal of this process.
   *
   * @return what was found
   */
  public static Terminal detect() {
    boolean console = System.console() != null;
    if (console) {
      return detect(true, true, System.getenv());
    }
    // standard input may be a pipe while standard output is still the screen
    boolean screen = stdoutIsTerminal() && Files.isReadable(TTY);
    return detect(screen, false, System.getenv());
  }

  /** Linux: standard output is a terminal if file descriptor 1 is a tty or pseudo-terminal. */
  private static boolean stdoutIsTerminal() {
    return isTerminal(1);
  }

  /** Linux: file descriptor {@code fd} is a tty or pseudo-terminal. */
  private static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  static Terminal detect(boolean interactive, boolean keysOnStdin, Map<String, String> env) {
    int width = DEFAULT_WIDTH;
    String columns = env.get("COLUMNS");
    if (columns != null && columns.matches("[0-9]{2,4}")) {
      width = Integer.parseInt(columns);
    } else if (interactive) {
      width = sttyWidth();
    }
    boolean color = interactive && !env.containsKey("NO_COLOR")
        && !"dumb".equals(env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT));
    return new Terminal(interactive, keysOnStdin, width, color, isTerminal(2));
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
