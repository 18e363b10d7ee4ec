package org.shifrovka.pad;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.EntropySourceProvider;
import org.bouncycastle.crypto.prng.SP800SecureRandomBuilder;
import org.bouncycastle.util.Pack;

/**
 * Makes pad books from an SP 800-90A HMAC-DRBG (SHA-512).
 *
 * <p>{@link #secure()} seeds the DRBG from the platform {@link SecureRandom}: use it for real
 * pads. {@link #seededInsecure(long)} feeds the DRBG entropy derived from a seed, so the same seed
 * always gives the same pad: that is what demos and tests need, and it is <strong>insecure</strong>
 * (anyone who knows or guesses the seed has the pad). Books made that way say so in their
 * {@linkplain PadBook#generator() generator} label and in their file.
 *
 * <p>A generator is not thread-safe: use one per thread.
 */
public final class PadGenerator {
  static final String SECURE_LABEL = "sp800-90a-hmac-drbg-sha512";
  static final String SEEDED_LABEL = "seeded-insecure";
  private static final byte[] PERSONALIZATION =
      "shifrovka one-time pad".getBytes(StandardCharsets.US_ASCII);

  private final SecureRandom random;
  private final String label;
  private final byte[] pool = new byte[4096];
  private int poolAt = pool.length;

  private PadGenerator(SecureRandom random, String label) {
    this.random = random;
    this.label = label;
  }

  /** Returns a generator seeded from the platform's {@link SecureRandom}. */
  public static PadGenerator secure() {
    SecureRandom entropy = new SecureRandom();
    byte[] nonce = new byte[32];
    entropy.nextBytes(nonce);
    SecureRandom drbg = new SP800SecureRandomBuilder(entropy, true)
        .setPersonalizationString(PERSONALIZATION)
        .setSecurityStrength(256)
        .setEntropyBitsRequired(256)
        .buildHMAC(new HMac(new SHA512Digest()), nonce, false);
    return new PadGenerator(drbg, SECURE_LABEL);
  }

  /**
   * Returns a reproducible generator for demos and tests. <strong>Insecure</strong>: the pad
   * follows from the seed.
   */
  public static PadGenerator seededInsecure(long seed) {
    SecureRandom drbg = new SP800SecureRandomBuilder(new SeedEntropy(seed))
        .setPersonalizationString(PERSONALIZATION)
        .setSecurityStrength(256)
        .setEntropyBitsRequired(256)
        .buildHMAC(new HMac(new SHA512Digest()), Pack.longToBigEndian(seed), false);
    return new PadGenerator(drbg, SEEDED_LABEL + " seed=" + seed);
  }

  /** Returns true unless this generator is seeded. */
  public boolean isSecure() {
    return label.equals(SECURE_LABEL);
  }

  /**
   * Makes a book of {@code sheets} sheets of {@code groupsPerSheet} groups with a random 5-digit
   * book id. Indicators are distinct within the book.
   */
  public PadBook generate(int sheets, int groupsPerSheet) {
    return generate(sheets, groupsPerSheet, done -> { });
  }

  /**
   * Makes a book with a random 5-digit id, telling {@code sheetsDone} after each sheet how many
   * are made.
   *
   * @param sheets how many sheets, 1-100000
   * @param groupsPerSheet groups on each sheet, 2-10000
   * @param sheetsDone told the number of sheets made so far, after each one
   * @return the book
   */
  public PadBook generate(int sheets, int groupsPerSheet, IntConsumer sheetsDone) {
    return generate(String.format(java.util.Locale.ROOT, "%05d", random.nextInt(100_000)), sheets,
        groupsPerSheet, sheetsDone);
  }

  /**
   * Makes the book {@code spec} describes, with a random 5-digit id unless it names one.
   * Indicators are distinct within the book.
   */
  public PadBook generate(PadSpec spec) {
    return generate(spec, done -> { });
  }

  /**
   * Makes the book {@code spec} describes, telling {@code sheetsDone} after each sheet how many
   * are made (a command line draws its progress from it).
   */
  public PadBook generate(PadSpec spec, IntConsumer sheetsDone) {
    return spec.bookId().isPresent()
        ? generate(spec.bookId().get(), spec.sheets(), spec.groupsPerSheet(), sheetsDone)
        : generate(spec.sheets(), spec.groupsPerSheet(), sheetsDone);
  }

  /** Makes a book with the given id. */
  public PadBook generate(String bookId, int sheets, int groupsPerSheet) {
    return generate(bookId, sheets, groupsPerSheet, done -> { });
  }

  /**
   * Makes a book with the given id, telling {@code sheetsDone} after each sheet how many are made
   * (a command line draws its progress from it).
   *
   * @param bookId the book's id
   * @param sheets how many sheets, 1-100000
   * @param groupsPerSheet groups on each sheet, 2-10000
   * @param sheetsDone told the number of sheets made so far, after each one
   * @return the book
   */
  public PadBook generate(String bookId, int sheets, int groupsPerSheet,
      IntConsumer sheetsDone) {
    if (sheets < 1 || sheets > 100_000) {
      throw new IllegalArgumentException("sheets must be 1-100000, got " + sheets);
    }
    if (groupsPerSheet < 2 || groupsPerSheet > 10_000) {
      throw new IllegalArgumentException("groups per sheet must be 2-10000, got " + groupsPerSheet);
    }
    List<PadSheet> out = new ArrayList<>(sheets);
    Set<Integer> indicators = new HashSet<>();
    for (int s = 1; s <= sheets; s++) {
      byte[] d = new byte[groupsPerSheet * 5];
      for (int i = 0; i < d.length; i++) {
        d[i] = digit();
      }
      while (!indicators.add(groupAt(d, 0))) {
        for (int i = 0; i < 5; i++) {
          d[i] = digit();
        }
      }
      out.add(new PadSheet(s, d));
      sheetsDone.accept(s);
    }
    return PadBook.of(bookId, out, label);
  }

  /** Returns a uniform digit: bytes 250-255 are rejected so that 0-249 map evenly onto 0-9. */
  private byte digit() {
    while (true) {
      if (poolAt == pool.length) {
        random.nextBytes(pool);
        poolAt = 0;
      }
      int b = pool[poolAt++] & 0xFF;
      if (b < 250) {
        return (byte) (b % 10);
      }
    }
  }

  private static int groupAt(byte[] d, int g) {
    int v = 0;
    for (int k = g * 5; k < g * 5 + 5; k++) {
      v = v * 10 + d[k];
    }
    return v;
  }

  @Override
  public String toString() {
    return "PadGenerator[" + label + "]";
  }

  /** Deterministic "entropy" from a seed: SHA-512 in counter mode. Insecure by design. */
  private static final class SeedEntropy implements EntropySourceProvider {
    private final long seed;

    SeedEntropy(long seed) {
      this.seed = seed;
    }

    @Override
    public EntropySource get(int bitsRequired) {
      return new EntropySource() {
        private long counter;

        @Override
        public boolean isPredictionResistant() {
          return false;
        }

        @Override
        public byte[] getEntropy() {
          SHA512Digest sha = new SHA512Digest();
          byte[] in = new byte[16];
          Pack.longToBigEndian(seed, in, 0);
          Pack.longToBigEndian(counter++, in, 8);
          sha.update(in, 0, in.length);
          byte[] out = new byte[64];
          sha.doFinal(out, 0);
          byte[] r = new byte[(bitsRequired + 7) / 8];
          for (int i = 0; i < r.length; i++) {
            r[i] = out[i % out.length];
          }
          return r;
        }

        @Override
        public int entropySize() {
          return bitsRequired;
        }
      };
    }
  }
}
