package org.shifrovka.cryptanalysis;

import java.util.Arrays;

/** Counts votes per long key without boxing: open addressing, grows at half full. */
final class VoteTable {
  private static final long EMPTY = Long.MIN_VALUE;
  private long[] keys;
  private int[] counts;
  private int size;

  VoteTable(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new long[cap];
    Arrays.fill(keys, EMPTY);
    counts = new int[cap];
  }

  void add(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        counts[i]++;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        counts[i] = 1;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Returns the votes of a key (0 if none). */
  int get(long key) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return counts[i];
      }
      if (k == EMPTY) {
        return 0;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    counts = new int[keys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != EMPTY) {
        int i = mix(oldKeys[j]) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }

  /** Calls {@code visitor} for every key with at least {@code min} votes. */
  void forEach(int min, Visitor visitor) {
    for (int j = 0; j < keys.length; j++) {
      if (keys[j] != EMPTY && counts[j] >= min) {
        visitor.visit(keys[j], counts[j]);
      }
    }
  }

  int size() {
    return size;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Receives a key and its votes. */
  interface Visitor {
    void visit(long key, int votes);
  }
}
