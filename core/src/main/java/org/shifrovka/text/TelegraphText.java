package org.shifrovka.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A message in canonical telegraphese: a sequence of tokens, with paragraph breaks as tokens.
 *
 * <p>The {@linkplain #toString() canonical string} joins the tokens of a paragraph with single
 * spaces and the paragraphs with an empty line ({@code "\n\n"}), so that normalising it again
 * gives it back unchanged; there is no trailing line feed. Tokens are
 * upper-case words (letters, digits, an inner hyphen or apostrophe), punctuation words such as
 * {@code ТЧК} or {@code STOP}, paragraph numbers such as {@code 1.}, and, in deciphered text only,
 * gap markers such as {@code [2 groups garbled]}.
 *
 * <p>Instances are immutable and compare by their tokens.
 */
public final class TelegraphText {
  /** The token that stands for a paragraph break. */
  public static final String PARAGRAPH = "\n";

  private final String[] tokens;
  private String canonical; // lazily computed; benign race

  private TelegraphText(String[] tokens) {
    this.tokens = tokens;
  }

  /**
   * Returns a text of the given tokens.
   *
   * @throws IllegalArgumentException if a token is empty or contains a line feed other than the
   *     paragraph token itself
   */
  public static TelegraphText of(List<String> tokens) {
    String[] copy = tokens.toArray(new String[0]);
    for (String t : copy) {
      Objects.requireNonNull(t, "token");
      if (t.isEmpty() || (!t.equals(PARAGRAPH) && t.indexOf('\n') >= 0)) {
        throw new IllegalArgumentException("bad token \"" + t + "\"");
      }
    }
    return new TelegraphText(copy);
  }

  static TelegraphText trusted(String[] tokens) {
    return new TelegraphText(tokens);
  }

  /**
   * Splits a canonical string back into tokens. Gap markers ({@code [n groups garbled]}) are kept
   * as single tokens.
   */
  public static TelegraphText parseCanonical(String canonical) {
    List<String> out = new ArrayList<>();
    String[] paragraphs = canonical.split("\n\n", -1);
    for (int p = 0; p < paragraphs.length; p++) {
      if (p > 0) {
        out.add(PARAGRAPH);
      }
      String para = paragraphs[p];
      int i = 0;
      while (i < para.length()) {
        if (para.charAt(i) == ' ') {
          i++;
          continue;
        }
        int end;
        if (para.charAt(i) == '[') {
          int close = para.indexOf(']', i);
          end = close < 0 ? para.length() : close + 1;
        } else {
          end = para.indexOf(' ', i);
          if (end < 0) {
            end = para.length();
          }
        }
        out.add(para.substring(i, end));
        i = end;
      }
    }
    return new TelegraphText(out.toArray(new String[0]));
  }

  /** Returns the tokens, paragraph breaks included as {@link #PARAGRAPH}. */
  public List<String> tokens() {
    return Collections.unmodifiableList(Arrays.asList(tokens));
  }

  /** Returns the number of tokens. */
  public int size() {
    return tokens.length;
  }

  /** Returns token {@code i}. */
  public String token(int i) {
    return tokens[i];
  }

  /** Returns the tokens from {@code from} (inclusive) to {@code to} (exclusive) as a text. */
  public TelegraphText slice(int from, int to) {
    return new TelegraphText(Arrays.copyOfRange(tokens, from, to));
  }

  /** Returns the concatenation of texts, in order. */
  public static TelegraphText concat(List<TelegraphText> parts) {
    if (parts.size() == 1) {
      return parts.get(0); // immutable: the one part is the whole
    }
    int n = 0;
    for (TelegraphText p : parts) {
      n += p.tokens.length;
    }
    String[] all = new String[n];
    int at = 0;
    for (TelegraphText p : parts) {
      System.arraycopy(p.tokens, 0, all, at, p.tokens.length);
      at += p.tokens.length;
    }
    return new TelegraphText(all);
  }

  /** Returns the paragraphs, each as its canonical line. */
  public List<String> paragraphs() {
    return List.of(toString().split("\n\n", -1));
  }

  /** Returns the canonical string. */
  @Override
  public String toString() {
    String c = canonical;
    if (c == null) {
      int length = 0;
      for (String t : tokens) {
        length += t.length() + 1; // a word and a space, or a paragraph mark's two line feeds
      }
      StringBuilder sb = new StringBuilder(length);
      boolean lineStart = true;
      for (String t : tokens) {
        if (t.equals(PARAGRAPH)) {
          sb.append("\n\n");
          lineStart = true;
        } else {
          if (!lineStart) {
            sb.append(' ');
          }
          sb.append(t);
          lineStart = false;
        }
      }
      c = sb.toString();
      canonical = c;
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TelegraphText && Arrays.equals(tokens, ((TelegraphText) o).tokens);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens);
  }
}
