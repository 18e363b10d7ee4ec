package org.shifrovka.pad;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.util.Pack;

/**
 * Derives any sheet of a seeded book from (seed, book id, sheet number) alone, without the sheets
 * before it: a counter-based generator, the ChaCha20 (RFC 7539) key stream under a key hashed from
 * seed and book id (SHA-512) with the sheet number as nonce, for the key groups, and a keyed permutation of
 * the sheet numbers onto 00000-99999 for the indicators, so that indicators are distinct by
 * construction and a received indicator maps back to its sheet in constant time.
 *
 * <p>Insecure by design, like every seeded pad: the digits follow from the seed. Thread-safe (a
 * fresh cipher per call; the state here is immutable).
 */
final class SheetDerivation {
  static final String LABEL = PadGenerator.SEEDED_LABEL + "-derived";
  private static final int DOMAIN = 100_000;
  private static final int HALF_BITS = 9;
  private static final int HALF_MASK = (1 << HALF_BITS) - 1;
  private static final byte[] PERSONALIZATION =
      "shifrovka derived pad v1".getBytes(StandardCharsets.US_ASCII);

  private final long seed;
  private final KeyParameter key;
  private final long[] roundKeys = new long[6];

  SheetDerivation(long seed, String bookId) {
    this.seed = seed;
    SHA512Digest sha = new SHA512Digest();
    sha.update(PERSONALIZATION, 0, PERSONALIZATION.length);
    byte[] s = Pack.longToBigEndian(seed);
    sha.update(s, 0, s.length);
    byte[] id = bookId.getBytes(StandardCharsets.US_ASCII);
    sha.update(id, 0, id.length);
    byte[] hash = new byte[64];
    sha.doFinal(hash, 0);
    this.key = new KeyParameter(hash, 0, 32);
    byte[] block = new byte[roundKeys.length * 8];
    stream(1, 0).processBytes(block, 0, block.length, block, 0);
    for (int i = 0; i < roundKeys.length; i++) {
      roundKeys[i] = Pack.bigEndianToLong(block, i * 8);
    }
  }

  long seed() {
    return seed;
  }

  /** Returns the generator label of a book derived this way. */
  String label() {
    return LABEL + " seed=" + seed;
  }

  /** Returns the indicator of sheet {@code number} (from 1, at most 100000). */
  int indicator(int number) {
    int x = number - 1;
    do {
      x = permute(x);
    } while (x >= DOMAIN);
    return x;
  }

  /** Returns the sheet number whose indicator is {@code indicator} (0-99999). */
  int sheetOf(int indicator) {
    int x = indicator;
    do {
      x = unpermute(x);
    } while (x >= DOMAIN);
    return x + 1;
  }

  /** Derives sheet {@code number} of {@code groups} groups. */
  PadSheet sheet(int number, int groups) {
    byte[] d = new byte[groups * 5];
    int ind = indicator(number);
    for (int k = 4; k >= 0; k--) {
      d[k] = (byte) (ind % 10);
      ind /= 10;
    }
    ChaCha7539Engine stream = stream(0, number);
    byte[] block = new byte[256];
    int at = block.length;
    for (int i = 5; i < d.length; ) {
      if (at == block.length) {
        java.util.Arrays.fill(block, (byte) 0);
        stream.processBytes(block, 0, block.length, block, 0);
        at = 0;
      }
      int b = block[at++] & 0xFF;
      if (b < 250) {
        d[i++] = (byte) (b % 10);
      }
    }
    return new PadSheet(number, d);
  }

  private int permute(int x) {
    int l = x >>> HALF_BITS;
    int r = x & HALF_MASK;
    for (long k : roundKeys) {
      int t = r;
      r = l ^ round(k, r);
      l = t;
    }
    return (l << HALF_BITS) | r;
  }

  private int unpermute(int y) {
    int l = y >>> HALF_BITS;
    int r = y & HALF_MASK;
    for (int i = roundKeys.length - 1; i >= 0; i--) {
      int t = l;
      l = r ^ round(roundKeys[i], l);
      r = t;
    }
    return (l << HALF_BITS) | r;
  }

  /** A keyed round function (SplitMix64's finalizer): enough for an insecure permutation. */
  private static int round(long key, int half) {
    long z = key + half * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) (z ^ (z >>> 31)) & HALF_MASK;
  }

  /** The key stream of one sheet: nonce = domain (0 digits, 1 indicator keys), 0, sheet number. */
  private ChaCha7539Engine stream(int domain, int number) {
    byte[] nonce = new byte[12];
    nonce[0] = (byte) domain;
    Pack.intToBigEndian(number, nonce, 8);
    ChaCha7539Engine e = new ChaCha7539Engine();
    e.init(true, new ParametersWithIV(key, nonce));
    return e;
  }
}
