package org.shifrovka.sim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shifrovka.MalformedInputException;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.ClosingLine;
import org.shifrovka.telegram.RegistryNumber;
import org.shifrovka.text.TelegraphText;

/**
 * The clear form of an archival copy, as a relay forwards the archival decrypt on the air and as
 * the journal keeps a registered copy: {@code PART k OF n}, the closing line, then the canonical
 * tokens, a space between words and a line feed for each paragraph break. (The typeset
 * {@link ArchivalCopy#render()} cannot hold a part that begins with a paragraph break.)
 */
public final class ClearForm {
  private ClearForm() {}

  /** Returns the clear form of {@code copy}. */
  public static String of(ArchivalCopy copy) {
    StringBuilder sb = new StringBuilder(copy.text().size() * 7 + 64);
    sb.append("PART ").append(copy.part()).append(" OF ").append(copy.parts()).append('\n')
        .append(copy.closingLine().render()).append('\n');
    boolean space = false;
    for (String t : copy.text().tokens()) {
      if (t.equals(TelegraphText.PARAGRAPH)) {
        sb.append('\n');
        space = false;
      } else {
        if (space) {
          sb.append(' ');
        }
        sb.append(t);
        space = true;
      }
    }
    return sb.toString();
  }

  /**
   * Reads a clear form back as the receiving office's archival copy.
   *
   * @param form the clear form (trailing padding removed)
   * @param source the name errors are reported under
   * @param reg the registry number the receiving office gave it
   * @param recipient the receiving station
   * @param addressee the message's addressee
   * @return the copy
   * @throws MalformedInputException if the form is not a clear form
   */
  public static ArchivalCopy parse(String form, String source, RegistryNumber reg,
      String recipient, String addressee) throws MalformedInputException {
    int l1 = form.indexOf('\n');
    int l2 = l1 < 0 ? -1 : form.indexOf('\n', l1 + 1);
    if (l2 < 0 || !form.startsWith("PART ")) {
      throw new MalformedInputException(source, 1, 1, "expected \"PART k OF n\" and a closing"
          + " line");
    }
    String[] p = form.substring(0, l1).split(" ");
    if (p.length != 4 || !p[2].equals("OF")) {
      throw new MalformedInputException(source, 1, 1, "expected \"PART k OF n\"");
    }
    ClosingLine closing = ClosingLine.parse(form.substring(l1 + 1, l2), source, 2);
    List<String> tokens = new ArrayList<>();
    int i = l2 + 1;
    int start = i;
    for (; i <= form.length(); i++) {
      char c = i == form.length() ? ' ' : form.charAt(i);
      if (c == ' ' || c == '\n') {
        if (i > start) {
          tokens.add(form.substring(start, i));
        }
        if (c == '\n') {
          tokens.add(TelegraphText.PARAGRAPH);
        }
        start = i + 1;
      }
    }
    try {
      return new ArchivalCopy(reg, recipient, Optional.of(addressee), Integer.parseInt(p[1]),
          Integer.parseInt(p[3]), TelegraphText.of(tokens), closing);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(source, 1, 1, e.getMessage());
    }
  }
}
