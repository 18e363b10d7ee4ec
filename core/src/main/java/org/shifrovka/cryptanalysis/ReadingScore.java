package org.shifrovka.cryptanalysis;

import org.shifrovka.codebook.CodeText;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.text.TelegraphText;

/**
 * How much of a {@link Reading} is right, in words: at each code position read, the words of the
 * true entry count as recovered if the group read is the group sent. Positions never read (not
 * in depth) count in {@link #words()} but can never be recovered.
 *
 * @param words the words of the telegrams' code positions that were in depth (read)
 * @param recovered the words among them read right
 * @param allWords every word of the telegrams, in depth or not
 */
public record ReadingScore(int words, int recovered, int allWords) {

  /** Scores a reading against the answers. */
  public static ReadingScore of(Reading reading, TrafficAnswers answers, Codebook book) {
    int words = 0;
    int recovered = 0;
    int all = 0;
    for (Reading.Telegram t : reading.telegrams()) {
      TrafficAnswers.Sent sent = answers.sentAs(t.interceptId());
      if (sent == null) {
        continue;
      }
      int[] truth = trueCodes(book, sent.text());
      for (int k = 0; k < truth.length; k++) {
        int n = wordsOf(book, truth[k]);
        all += n;
        int read = t.code(k);
        if (read >= 0) {
          words += n;
          if (read == truth[k]) {
            recovered += n;
          }
        }
      }
    }
    return new ReadingScore(words, recovered, all);
  }

  /** The group at every code position of a text as the book codes it (no spelled words). */
  static int[] trueCodes(Codebook book, String canonical) {
    CodeText code = book.encode(TelegraphText.parseCanonical(canonical));
    String d = code.digits();
    int[] out = new int[d.length() / 4];
    for (int k = 0; k < out.length; k++) {
      out[k] = Integer.parseInt(d.substring(4 * k, 4 * k + 4));
    }
    return out;
  }

  private static int wordsOf(Codebook book, int code) {
    String e = book.entry(code).orElse("");
    if (e.isEmpty() || e.startsWith("<")) {
      return 0;
    }
    return e.split(" ").length;
  }

  /** Adds another score. */
  public ReadingScore plus(ReadingScore o) {
    return new ReadingScore(words + o.words, recovered + o.recovered, allWords + o.allWords);
  }

  /** Returns recovered / words in depth (1 if none were in depth). */
  public double accuracy() {
    return words == 0 ? 1 : (double) recovered / words;
  }
}
