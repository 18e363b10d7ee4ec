package org.shifrovka.cli.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping to a width, with indents for the first and the following lines. Runs of spaces
 * inside a line are kept (columns stay aligned); the run at a line break is dropped.
 */
public final class Wrap {
  private Wrap() {}

  /**
   * Wraps text at spaces so that no line is wider than {@code width}; a word longer than a line
   * is cut. An empty text gives one line, the first indent stripped.
   *
   * @param text the text, one paragraph (no line feeds)
   * @param width the line width
   * @param first the indent of the first line
   * @param rest the indent of the following lines
   * @return the lines, without line feeds
   */
  public static List<String> lines(String text, int width, String first, String rest) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    String s = text.stripTrailing();
    int i = 0;
    while (i < s.length()) {
      int gap = i;
      while (i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      String sep = s.substring(gap, i);
      int end = s.indexOf(' ', i);
      if (end < 0) {
        end = s.length();
      }
      String word = s.substring(i, end);
      i = end;
      while (!word.isEmpty()) {
        String indent = out.isEmpty() ? first : rest;
        String joint = empty ? (out.isEmpty() && line.length() == first.length() ? sep : "")
            : sep.isEmpty() ? " " : sep;
        if (line.length() + joint.length() + word.length() <= width) {
          line.append(joint).append(word);
          empty = false;
          break;
        }
        if (!empty) {
          out.add(line.toString());
          line = new StringBuilder(rest);
          empty = true;
          continue;
        }
        int cut = Math.max(1, Math.min(word.length(), width - indent.length()));
        line.append(word, 0, cut);
        out.add(line.toString());
        line = new StringBuilder(rest);
        word = word.substring(cut);
      }
    }
    if (!empty || out.isEmpty()) {
      out.add(line.toString().stripTrailing());
    }
    return out;
  }
}
