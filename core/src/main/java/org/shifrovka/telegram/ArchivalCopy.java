package org.shifrovka.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shifrovka.MalformedInputException;
import org.shifrovka.text.TelegraphText;

/**
 * A deciphered telegram as typed in Moscow for the file, after the archival copies of the
 * Kuznetsov-Terebin channel (reference 3.1):
 *
 * <pre>
 * CIPHERED TELEGRAM No. 50450
 * Comrade KUZNETSOV
 * For FILIPPOV
 * Part 1 of 3
 *
 * COMRADE FILIPPOV COMMA
 * I RECEIVED YOUR TELEGRAM OF JANUARY 10 STOP
 *
 * 1. WE THINK THAT THE GOVERNMENT OF THE USSR ... [2 groups garbled] ...
 *
 * No. 15 - TEREBIN - 13 January
 * </pre>
 *
 * <p>The "For" and "Part" lines appear only when they apply. Paragraphs of the text are separated by
 * an empty line and wrapped at 72 columns; gaps appear as {@code [n groups garbled]} as in the
 * VENONA translations (reference 3.5).
 *
 * <p>Instances are immutable; {@code parse(render(a))} equals {@code a}.
 *
 * @param registryNumber the receiving office's registry number
 * @param recipient the receiving station's cover name ({@code KUZNETSOV})
 * @param addressee the final addressee, if the telegram names one
 * @param part the part number, from 1
 * @param parts the number of parts (1 for a single telegram)
 * @param text the deciphered text, gap markers included
 * @param closingLine the sender's closing line
 */
public record ArchivalCopy(RegistryNumber registryNumber, String recipient,
    Optional<String> addressee, int part, int parts, TelegraphText text, ClosingLine closingLine) {
  private static final int WIDTH = 72;
  private static final Pattern TITLE = Pattern.compile("CIPHERED TELEGRAM No\\. ([0-9]{1,9})");
  private static final Pattern COMRADE = Pattern.compile("Comrade ([A-ZА-Я][A-ZА-Я0-9-]*)");
  private static final Pattern FOR = Pattern.compile("For ([A-ZА-Я][A-ZА-Я0-9-]*)");
  private static final Pattern PART = Pattern.compile("Part ([0-9]{1,2}) of ([0-9]{1,2})");

  /** Validates the copy. */
  public ArchivalCopy {
    Objects.requireNonNull(registryNumber, "registryNumber");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(addressee, "addressee");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(closingLine, "closingLine");
    if (parts < 1 || part < 1 || part > parts || parts > 99) {
      throw new IllegalArgumentException("part must be k of n with 1 <= k <= n <= 99, got " + part
          + " of " + parts);
    }
    if (text.size() == 0) {
      throw new IllegalArgumentException("an archival copy needs some text");
    }
  }

  /** Renders the copy; the result ends with a line feed. */
  public String render() {
    StringBuilder sb = new StringBuilder(text.size() * 7 + 128);
    sb.append("CIPHERED TELEGRAM No. ").append(registryNumber).append('\n');
    sb.append("Comrade ").append(recipient).append('\n');
    addressee.ifPresent(a -> sb.append("For ").append(a).append('\n'));
    if (parts > 1) {
      sb.append("Part ").append(part).append(" of ").append(parts).append('\n');
    }
    for (String paragraph : text.paragraphs()) {
      sb.append('\n');
      wrap(paragraph, sb);
    }
    sb.append('\n').append(closingLine.render()).append('\n');
    return sb.toString();
  }

  private static void wrap(String paragraph, StringBuilder sb) {
    if (paragraph.isEmpty()) {
      return; // an empty paragraph (a part that opens or ends on a paragraph break) has no lines
    }
    int lineStart = sb.length();
    int i = 0;
    while (i < paragraph.length()) {
      int next = paragraph.indexOf(' ', i);
      String word = next < 0 ? paragraph.substring(i) : paragraph.substring(i, next);
      if (sb.length() > lineStart && sb.length() - lineStart + 1 + word.length() > WIDTH) {
        sb.append('\n');
        lineStart = sb.length();
      } else if (sb.length() > lineStart) {
        sb.append(' ');
      }
      sb.append(word);
      i = next < 0 ? paragraph.length() : next + 1;
    }
    sb.append('\n');
  }

  /** Renders several copies separated by a line of dashes. */
  public static String renderAll(List<ArchivalCopy> copies) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < copies.size(); i++) {
      if (i > 0) {
        sb.append("\n----\n\n");
      }
      sb.append(copies.get(i).render());
    }
    return sb.toString();
  }

  /**
   * Parses one archival copy.
   *
   * @throws MalformedInputException naming line and column of the first problem
   */
  public static ArchivalCopy parse(String input, String source) throws MalformedInputException {
    String[] lines = input.split("\r?\n", -1);
    int n = lines.length;
    while (n > 0 && lines[n - 1].isEmpty()) {
      n--;
    }
    int i = 0;
    Matcher m = expect(TITLE, lines, i++, n, source, "\"CIPHERED TELEGRAM No. <number>\"");
    RegistryNumber reg = RegistryNumber.parse(m.group(1));
    m = expect(COMRADE, lines, i++, n, source, "\"Comrade <NAME>\"");
    String recipient = m.group(1);
    Optional<String> addressee = Optional.empty();
    if (i < n && lines[i].startsWith("For ")) {
      addressee = Optional.of(expect(FOR, lines, i++, n, source, "\"For <NAME>\"").group(1));
    }
    int part = 1;
    int parts = 1;
    if (i < n && lines[i].startsWith("Part ")) {
      m = expect(PART, lines, i, n, source, "\"Part <k> of <n>\"");
      part = Integer.parseInt(m.group(1));
      parts = Integer.parseInt(m.group(2));
      if (parts < 2 || part < 1 || part > parts) {
        throw new MalformedInputException(source, i + 1, 6, "no part " + part + " of " + parts);
      }
      i++;
    }
    if (n - 1 <= i) {
      throw new MalformedInputException(source, n, 0, "the copy has no text or no closing line");
    }
    ClosingLine closing = ClosingLine.parse(lines[n - 1], source, n);
    if (!lines[n - 2].isEmpty()) {
      throw new MalformedInputException(source, n - 1, 0,
          "expected an empty line before the closing line");
    }
    // body: lines i .. n-2; each paragraph is an empty line and then its lines (none for an
    // empty paragraph); line n-2 is the empty line before the closing line
    StringBuilder canonical = new StringBuilder();
    int paragraphs = 0;
    boolean inParagraph = false;
    for (int k = i; k <= n - 3; k++) {
      String line = lines[k];
      if (line.isEmpty()) {
        if (paragraphs > 0) {
          canonical.append("\n\n");
        }
        paragraphs++;
        inParagraph = false;
        continue;
      }
      if (paragraphs == 0) {
        throw new MalformedInputException(source, k + 1, 0,
            "expected an empty line between the header and the text");
      }
      if (line.startsWith(" ") || line.endsWith(" ") || line.contains("  ")) {
        throw new MalformedInputException(source, k + 1, Math.max(1, line.indexOf(' ') + 1),
            "stray space");
      }
      if (inParagraph) {
        canonical.append(' ');
      }
      canonical.append(line);
      inParagraph = true;
    }
    if (paragraphs == 0) {
      throw new MalformedInputException(source, i + 1, 0, "the copy has no text");
    }
    if (canonical.length() == 0 && paragraphs == 1) {
      throw new MalformedInputException(source, i + 1, 0, "the copy has no text");
    }
    try {
      return new ArchivalCopy(reg, recipient, addressee, part, parts,
          TelegraphText.parseCanonical(canonical.toString()), closing);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(source, 0, 0, e.getMessage());
    }
  }

  /**
   * Parses copies one after another: separated by a line {@code ----} (as written by
   * {@link #renderAll}) or not (as {@code cat} of several files gives them); a title line
   * {@code CIPHERED TELEGRAM No. <number>} starts the next copy.
   *
   * @throws MalformedInputException naming line and column of the first problem
   */
  public static List<ArchivalCopy> parseAll(String input, String source)
      throws MalformedInputException {
    List<ArchivalCopy> out = new ArrayList<>();
    String[] lines = input.split("\r?\n", -1);
    int start = 0;
    for (int k = 0; k <= lines.length; k++) {
      boolean title = k < lines.length && k > start && TITLE.matcher(lines[k]).matches()
          && !blank(lines, start, k);
      if (k == lines.length || lines[k].equals("----") || title) {
        StringBuilder chunk = new StringBuilder();
        for (int j = start; j < k; j++) {
          chunk.append(lines[j]).append('\n');
        }
        String c = chunk.toString();
        if (!c.isBlank()) {
          // parse the chunk, then shift its line numbers by 'start' in any error
          try {
            out.add(parse(c.stripLeading(), source));
          } catch (MalformedInputException e) {
            int lead = countLeadingBlankLines(lines, start, k);
            throw new MalformedInputException(source, e.line() == 0 ? 0 : e.line() + start + lead,
                e.column(), e.reason());
          }
        }
        start = title ? k : k + 1;
      }
    }
    return out;
  }

  private static boolean blank(String[] lines, int from, int to) {
    return countLeadingBlankLines(lines, from, to) == to - from;
  }

  private static int countLeadingBlankLines(String[] lines, int from, int to) {
    int c = 0;
    while (from + c < to && lines[from + c].isBlank()) {
      c++;
    }
    return c;
  }

  private static Matcher expect(Pattern p, String[] lines, int i, int n, String source,
      String what) throws MalformedInputException {
    if (i >= n) {
      throw new MalformedInputException(source, i + 1, 1, "expected " + what
          + ", found the end of the input");
    }
    Matcher m = p.matcher(lines[i]);
    if (!m.matches()) {
      throw new MalformedInputException(source, i + 1, 1, "expected " + what + ", found \""
          + lines[i] + "\"");
    }
    return m;
  }
}
