package org.shifrovka.text;

import java.util.Collection;

/**
 * An open-addressing set of words probed with a range of a {@code char[]}, so that the normaliser
 * can hand out a known word as the one shared {@code String} instance instead of allocating one per
 * token. Immutable once built; linear probing, at most half full.
 */
final class WordTable {
  static final WordTable EMPTY = new WordTable(java.util.List.of());

  private final String[] words;
  private final char[][] chars;
  private final int[] hashes;
  private final int mask;
  private final int count;

  WordTable(Collection<String> entries) {
    int size = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
    words = new String[size];
    chars = new char[size][];
    hashes = new int[size];
    mask = size - 1;
    int n = 0;
    for (String w : entries) {
      char[] c = w.toCharArray();
      int h = hash(c, c.length);
      int i = slot(h);
      while (words[i] != null && !words[i].equals(w)) {
        i = (i + 1) & mask;
      }
      if (words[i] == null) {
        words[i] = w;
        chars[i] = c;
        hashes[i] = h;
        n++;
      }
    }
    count = n;
  }

  /** Returns true if the table holds no word. */
  boolean isEmpty() {
    return count == 0;
  }

  /** Returns the word equal to {@code buf[0, len)}, or null if the table does not hold it. */
  String find(char[] buf, int len) {
    int h = hash(buf, len);
    for (int i = slot(h); ; i = (i + 1) & mask) {
      String w = words[i];
      if (w == null) {
        return null;
      }
      if (hashes[i] == h && same(chars[i], buf, len)) {
        return w;
      }
    }
  }

  /** Compares a word with {@code buf[0, len)}: a plain loop, words are short. */
  private static boolean same(char[] word, char[] buf, int len) {
    if (word.length != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (word[k] != buf[k]) {
        return false;
      }
    }
    return true;
  }

  private int slot(int h) {
    return (h ^ (h >>> 16)) & mask;
  }

  private static int hash(char[] c, int len) {
    int h = 0;
    for (int k = 0; k < len; k++) {
      h = 31 * h + c[k];
    }
    return h;
  }
}
