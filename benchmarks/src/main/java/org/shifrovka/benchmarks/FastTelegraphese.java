package org.shifrovka.benchmarks;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.MalformedInputException;
import org.shifrovka.text.Language;
import org.shifrovka.text.Language.Punctuation;
import org.shifrovka.text.TelegraphText;
import org.shifrovka.text.Telegraphese;

/**
 * PROTOTYPE, not used by the library: {@link Telegraphese#normalize} (without cover names) with the
 * same rules and the same control flow, changed only where the profile points:
 *
 * <ul>
 *   <li>the word is collected in a reused {@code char[]} and made into a token with one
 *       {@code new String(char[], int, int)}, instead of a {@code StringBuilder} that checks its
 *       coder and capacity on every {@code append(char)};
 *   <li>no {@code try/finally} around the body of the character loop (the dash state is set where
 *       it changes);
 *   <li>the paragraph-number test reads the buffer, not the builder.
 * </ul>
 *
 * <p>On any character it rejects, and on empty input, it hands the text to the core normaliser,
 * which throws the error with line and column. Its result is built with
 * {@link TelegraphText#of(List)}, which copies and checks every token again (the core uses a
 * package-private constructor that does not), so the comparison is conservative. The benchmark's
 * setup checks that it gives the same text as the core for the 1949 message.
 */
final class FastTelegraphese {
  private final Language language;
  private final Telegraphese core;

  FastTelegraphese(Language language) {
    this.language = language;
    this.core = Telegraphese.of(language);
  }

  TelegraphText normalize(String text, String source) throws MalformedInputException {
    List<String> out = new ArrayList<>(text.length() / 5 + 4);
    char[] word = new char[32];
    int wlen = 0;
    int newlines = 0;
    boolean previousWasDash = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char raw = text.charAt(i);
      if (raw == '\r') {
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          continue; // the core leaves the dash state alone here too
        }
        raw = '\n';
      }
      if (raw == '\n') {
        wlen = flush(word, wlen, out);
        newlines++;
        previousWasDash = false;
        continue;
      }
      if (raw == ' ' || raw == '\t' || raw == '\u00A0' || raw == '\u2009' || raw == '\u202F') {
        wlen = flush(word, wlen, out);
        previousWasDash = false;
        continue;
      }
      char c = letter(raw);
      if (c != 0) {
        if (wlen == 0) {
          if (newlines >= 2 && !out.isEmpty()) {
            out.add(TelegraphText.PARAGRAPH);
          }
          newlines = 0;
        } else if (wlen == word.length) {
          word = java.util.Arrays.copyOf(word, wlen * 2);
        }
        word[wlen++] = c;
        previousWasDash = false;
        continue;
      }
      char next = i + 1 < n ? text.charAt(i + 1) : ' ';
      boolean inner = wlen > 0 && letter(next) != 0;
      if ((raw == '-' || raw == '\'' || raw == '\u2019') && inner) {
        if (wlen == word.length) {
          word = java.util.Arrays.copyOf(word, wlen * 2);
        }
        word[wlen++] = raw == '-' ? '-' : '\'';
        previousWasDash = false;
        continue;
      }
      if (raw == '.' && isParagraphNumber(word, wlen, out) && (next == ' ' || next == '\t'
          || next == '\n' || next == '\r' || i + 1 == n)) {
        out.add(new String(word, 0, wlen) + ".");
        wlen = 0;
        previousWasDash = false;
        continue;
      }
      Punctuation mark = punctuation(raw);
      if (mark == null && raw != '\u2026') {
        return core.normalize(text, source); // throws, naming line and column
      }
      wlen = flush(word, wlen, out);
      if (newlines >= 2 && !out.isEmpty()) {
        out.add(TelegraphText.PARAGRAPH);
      }
      newlines = 0;
      if (raw == '\u2026') {
        String stop = language.word(Punctuation.STOP);
        out.add(stop);
        out.add(stop);
        out.add(stop);
        previousWasDash = false;
      } else if (mark == Punctuation.DASH) {
        if (!previousWasDash) {
          out.add(language.word(mark));
        }
        previousWasDash = true;
      } else {
        out.add(language.word(mark));
        previousWasDash = false;
      }
    }
    flush(word, wlen, out);
    if (out.isEmpty()) {
      return core.normalize(text, source); // throws: the message is empty
    }
    return TelegraphText.of(out);
  }

  private static int flush(char[] word, int wlen, List<String> out) {
    if (wlen > 0) {
      out.add(new String(word, 0, wlen));
    }
    return 0;
  }

  private static boolean isParagraphNumber(char[] word, int wlen, List<String> out) {
    if (wlen == 0 || wlen > 3) {
      return false;
    }
    for (int i = 0; i < wlen; i++) {
      if (word[i] < '0' || word[i] > '9') {
        return false;
      }
    }
    return out.isEmpty() || out.get(out.size() - 1).equals(TelegraphText.PARAGRAPH);
  }

  /** As the core's {@code Telegraphese.letter}. */
  private static char letter(char c) {
    if (c >= 'a' && c <= 'z') {
      return (char) (c - 32);
    }
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'А' && c <= 'Я')) {
      return c;
    }
    if (c >= 'а' && c <= 'я') {
      return (char) (c - 32);
    }
    if (c == 'Ё' || c == 'ё') {
      return 'Е';
    }
    if (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7') {
      char b = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
      if (b >= 'a' && b <= 'z') {
        return (char) (b - 32);
      }
      if (b >= 'A' && b <= 'Z') {
        return b;
      }
    }
    return 0;
  }

  /** As the core's {@code Telegraphese.punctuation}. */
  private static Punctuation punctuation(char c) {
    switch (c) {
      case '.':
        return Punctuation.STOP;
      case ',':
        return Punctuation.COMMA;
      case ':':
        return Punctuation.COLON;
      case ';':
        return Punctuation.SEMICOLON;
      case '?':
        return Punctuation.QUERY;
      case '!':
        return Punctuation.EXCLAMATION;
      case '"':
      case '\'':
      case '«':
      case '»':
      case '„':
      case '“':
      case '”':
      case '‘':
      case '’':
        return Punctuation.QUOTE;
      case '(':
      case ')':
      case '[':
      case ']':
        return Punctuation.PAREN;
      case '-':
      case '–':
      case '—':
        return Punctuation.DASH;
      case '/':
        return Punctuation.SLASH;
      case '%':
        return Punctuation.PERCENT;
      case '№':
        return Punctuation.NUMBER_SIGN;
      case '+':
        return Punctuation.PLUS;
      case '=':
        return Punctuation.EQUALS;
      default:
        return null;
    }
  }
}
