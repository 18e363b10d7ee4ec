package org.shifrovka.internal;

/**
 * Text that came from outside (a peer's radiogram reference, a line of a damaged file) made safe
 * to put in a log line, an error message or on a terminal: it can neither start a forged line, nor
 * move the cursor, nor reverse the text direction, nor fill a disk.
 *
 * <p>Control characters (C0, DEL, C1), line and paragraph separators, and invisible format
 * characters (bidirectional overrides, zero-width characters) become {@code \n}, {@code \r},
 * {@code \t}, or a backslash, {@code u} and the character's four hexadecimal digits (ESC becomes
 * backslash-u-001B); a backslash becomes two, so that the result reads back unambiguously. Text longer than the limit keeps its beginning and end, and says how much was
 * left out.
 */
public final class SafeText {
  /** The limit {@link #of(CharSequence)} uses: enough for any line of the project's formats. */
  public static final int DEFAULT_LIMIT = 400;

  private SafeText() {}

  /** Returns {@code text} escaped and cut to {@link #DEFAULT_LIMIT} characters of input. */
  public static String of(CharSequence text) {
    return of(text, DEFAULT_LIMIT);
  }

  /**
   * Returns {@code text} escaped and, if it has more than {@code limit} characters, its first
   * two thirds and last third of {@code limit} around a note of how many were left out.
   */
  public static String of(CharSequence text, int limit) {
    if (text == null) {
      return "null";
    }
    if (limit < 3) {
      throw new IllegalArgumentException("limit must be at least 3");
    }
    int n = text.length();
    if (n <= limit) {
      return escape(text, 0, n, new StringBuilder(n + 8)).toString();
    }
    int head = limit * 2 / 3;
    int tail = limit - head;
    StringBuilder sb = new StringBuilder(limit + 40);
    escape(text, 0, head, sb);
    sb.append("...(").append(n - head - tail).append(" characters left out)...");
    return escape(text, n - tail, n, sb).toString();
  }

  /** Returns true if {@code text} would come back from {@link #of} unchanged (and uncut). */
  public static boolean isSafe(CharSequence text, int limit) {
    if (text.length() > limit) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static StringBuilder escape(CharSequence s, int from, int to, StringBuilder sb) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!needsEscape(c)) {
        sb.append(c);
      } else if (c == '\\') {
        sb.append("\\\\");
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      }
    }
    return sb;
  }

  private static boolean needsEscape(char c) {
    if (c == '\\' || Character.isISOControl(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED;
  }
}
