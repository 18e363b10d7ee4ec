package org.shifrovka.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Renders a command's footer of examples so that no command breaks mid-word: a line longer than
 * the help width is broken at a space and continued, shell style, with {@code \} and a deeper
 * indent, so that it can still be pasted as it stands.
 */
final class ExampleFooter implements IHelpSectionRenderer {

  @Override
  public String render(Help help) {
    String[] lines = help.commandSpec().usageMessage().footer();
    if (lines.length == 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      wrap(help.colorScheme().text(String.format(line)).plainString(), help.commandSpec().usageMessage().width(), out);
    }
    return out.toString();
  }

  /** Appends {@code line}, broken at spaces to fit {@code width} columns, each part a line. */
  static void wrap(String line, int width, StringBuilder out) {
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    String rest = line;
    String prefix = "";
    while (prefix.length() + rest.length() > width) {
      int room = width - prefix.length() - 2; // leave room for " \"
      int cut = rest.lastIndexOf(' ', room);
      while (cut > 0 && rest.charAt(cut - 1) == ' ') {
        cut--;
      }
      if (cut <= indent) {
        break; // one word longer than the line: keep it whole
      }
      out.append(prefix).append(rest, 0, cut).append(" \\\n");
      rest = rest.substring(cut).stripLeading();
      prefix = " ".repeat(indent < 4 ? indent + 4 : indent); // a continuation keeps its indent
    }
    out.append(prefix).append(rest).append('\n');
  }
}
