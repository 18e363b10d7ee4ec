package org.shifrovka.pad;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;

/**
 * Derives any sheet of a seeded book from (seed, book id, sheet number) alone, without the sheets
 * before it: HMAC-SHA512 in counter mode per sheet for the key groups, and a keyed permutation of
 * the sheet numbers onto 00000-99999 for the indicators, so that indicators are distinct by
 * construction and a received indicator maps back to its sheet in constant time.
 *
 * <p>Insecure by design, like every seeded pad: the digits follow from the seed. Thread-safe (a
 * fresh MAC per call; the state here is immutable).
 */
final class SheetDerivation {
  static final String LABEL = PadGenerator.SEEDED_LABEL + "-derived";
  private static final int DOMAIN = 100_000;
  private static final int HALF_BITS = 9;
  private static final int HALF_MASK = (1 << HALF_BITS) - 1;
  private static final byte[] PERSONALIZATION =
      "shifrovka derived pad v1".getBytes(StandardCharsets.US_ASCII);

  private final long seed;
  private final byte[] key;
  private final byte[] bookId;
  private final long[] roundKeys = new long[6];

  SheetDerivation(long seed, String bookId) {
    this.seed = seed;
    SHA512Digest sha = new SHA512Digest();
    sha.update(PERSONALIZATION, 0, PERSONALIZATION.length);
    byte[] s = Pack.longToBigEndian(seed);
    sha.update(s, 0, s.length);
    this.key = new byte[64];
    sha.doFinal(key, 0);
    this.bookId = bookId.getBytes(StandardCharsets.US_ASCII);
    byte[] block = mac(1, 0, 0);
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
    HMac hmac = newMac();
    byte[] block = new byte[64];
    int at = block.length;
    int counter = 0;
    for (int i = 5; i < d.length; ) {
      if (at == block.length) {
        mac(hmac, 0, number, counter++, block);
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

  private HMac newMac() {
    HMac hmac = new HMac(new SHA512Digest());
    hmac.init(new KeyParameter(key));
    return hmac;
  }

  private byte[] mac(int domain, int number, int counter) {
    byte[] out = new byte[64];
    mac(newMac(), domain, number, counter, out);
    return out;
  }

  /** MAC over book id, a domain byte (0 digits, 1 indicator keys), sheet and block counter. */
  private void mac(HMac hmac, int domain, int number, int counter, byte[] out) {
    hmac.update(bookId, 0, bookId.length);
    hmac.update((byte) domain);
    byte[] n = new byte[8];
    Pack.intToBigEndian(number, n, 0);
    Pack.intToBigEndian(counter, n, 4);
    hmac.update(n, 0, n.length);
    hmac.doFinal(out, 0);
  }
}
