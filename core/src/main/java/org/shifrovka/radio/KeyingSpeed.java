package org.shifrovka.radio;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A keying speed in words per minute, with optional Farnsworth spacing, and the exact keying time
 * of any Morse stream at that speed.
 *
 * <h2>Timing</h2>
 * The PARIS standard: dit 1 unit, dah 3, gap inside a character 1, between characters 3, between
 * words 7. The word {@code PARIS} with its word gap is {@value #PARIS_UNITS} units, so at
 * {@code w} WPM one unit lasts 1.2 s / {@code w}: 60 ms at 20 WPM.
 *
 * <h2>Farnsworth spacing</h2>
 * Characters are keyed at the character speed {@code c} while the gaps between characters and
 * words are stretched so that PARIS comes out at the lower effective speed {@code s}. Of PARIS's
 * 50 units, 31 lie inside characters and 19 are character and word gaps; each gap unit lasts
 * (60 {@code c} − 37.2 {@code s}) / (19 {@code s c}) seconds (the ARRL formula). With
 * {@code c == s} this is plain timing. Farnsworth spacing is a later training convention, offered
 * for completeness; nothing says 1949 operators used it (inferred).
 *
 * <h2>Groups per minute</h2>
 * Cipher traffic is counted in five-digit groups. An average group with its gaps is
 * {@link DigitKeying#averageGroupUnits()} units (89 in full figures), so plain timing gives
 * {@code 50/89 × WPM ≈ 0.56 × WPM} groups per minute: 11.2 at 20 WPM (inferred: computed,
 * reference section 4.3).
 *
 * <p>Instances are immutable value objects.
 */
public final class KeyingSpeed {

  /** Units in the standard word {@code PARIS} including its trailing word gap. */
  public static final int PARIS_UNITS = 50;

  /** PARIS units inside characters (elements and the gaps between them). */
  private static final int PARIS_CHARACTER_UNITS = 31;

  /** PARIS units in character and word gaps. */
  private static final int PARIS_SPACING_UNITS = PARIS_UNITS - PARIS_CHARACTER_UNITS;

  private static final int MAX_WPM = 1000;
  private static final BigInteger NANOS_PER_DECI_SECOND = BigInteger.valueOf(100_000_000L);

  private final int characterWpm;
  private final int effectiveWpm;

  private KeyingSpeed(int characterWpm, int effectiveWpm) {
    this.characterWpm = characterWpm;
    this.effectiveWpm = effectiveWpm;
  }

  /**
   * Returns plain PARIS timing at a speed.
   *
   * @param wpm words per minute, 1 to 1000
   * @return the speed
   * @throws IllegalArgumentException if {@code wpm} is out of range
   */
  public static KeyingSpeed ofWpm(int wpm) {
    checkWpm("speed", wpm);
    return new KeyingSpeed(wpm, wpm);
  }

  /**
   * Returns Farnsworth timing: characters at one speed, overall pace at a lower one.
   *
   * @param characterWpm the speed at which characters are keyed, 1 to 1000
   * @param effectiveWpm the overall speed, 1 to {@code characterWpm}
   * @return the speed
   * @throws IllegalArgumentException if a speed is out of range or the effective speed exceeds
   *     the character speed
   */
  public static KeyingSpeed farnsworth(int characterWpm, int effectiveWpm) {
    checkWpm("character speed", characterWpm);
    checkWpm("effective speed", effectiveWpm);
    if (effectiveWpm > characterWpm) {
      throw new IllegalArgumentException(
          "effective speed " + effectiveWpm + " WPM exceeds character speed " + characterWpm
              + " WPM");
    }
    return new KeyingSpeed(characterWpm, effectiveWpm);
  }

  /**
   * Returns the speed an average five-digit group count corresponds to with plain timing.
   *
   * @param groupsPerMinute five-digit groups per minute, positive
   * @param keying how figures are keyed
   * @return the speed in WPM (not rounded): {@code gpm × averageGroupUnits / 50}
   */
  public static double wpmForGroupsPerMinute(double groupsPerMinute, DigitKeying keying) {
    Objects.requireNonNull(keying, "keying");
    if (!(groupsPerMinute > 0) || Double.isInfinite(groupsPerMinute)) {
      throw new IllegalArgumentException(
          "groups per minute must be positive but was " + groupsPerMinute);
    }
    return groupsPerMinute * keying.averageGroupUnits() / PARIS_UNITS;
  }

  /**
   * Counts the units of a written Morse stream exactly as written: elements, the gaps between
   * them, one character gap per space between characters and one word gap per {@code /}
   * (leading and trailing ones included). {@code units(".--. .- .-. .. ... /")} is 50.
   *
   * @param morse a written Morse stream, see {@link MorseCodec}
   * @return its length in units
   * @throws IllegalArgumentException if the stream is malformed
   */
  public static int units(String morse) {
    Objects.requireNonNull(morse, "morse");
    int units = 0;
    for (KeyedRun run : KeyedRun.of(morse)) {
      units += run.units();
    }
    return units;
  }

  /**
   * Returns the character speed.
   *
   * @return words per minute at which characters are keyed
   */
  public int characterWpm() {
    return characterWpm;
  }

  /**
   * Returns the effective speed; equal to {@link #characterWpm()} without Farnsworth spacing.
   *
   * @return words per minute of the overall pace
   */
  public int effectiveWpm() {
    return effectiveWpm;
  }

  /**
   * Returns whether gaps are stretched (Farnsworth spacing).
   *
   * @return {@code true} if the effective speed is below the character speed
   */
  public boolean isFarnsworth() {
    return effectiveWpm != characterWpm;
  }

  /**
   * Returns the length of one unit inside characters (one dit).
   *
   * @return 1.2 s / character WPM, to the nearest nanosecond
   */
  public Duration unit() {
    return Duration.ofNanos(nanos(1, 0));
  }

  /**
   * Returns the length of one unit of character and word gaps; equal to {@link #unit()} without
   * Farnsworth spacing.
   *
   * @return the stretched unit, to the nearest nanosecond
   */
  public Duration spacingUnit() {
    return Duration.ofNanos(nanos(0, 1));
  }

  /**
   * Returns how long a written Morse stream takes to key, from the start of its first run to the
   * end of its last, as {@link #units(String)} counts them. The sum is formed exactly and
   * rounded to the nearest nanosecond once.
   *
   * @param morse a written Morse stream, see {@link MorseCodec}
   * @return the keying time
   * @throws IllegalArgumentException if the stream is malformed
   */
  public Duration keyingTime(String morse) {
    Objects.requireNonNull(morse, "morse");
    return keyingTime(KeyedRun.of(morse));
  }

  /**
   * Returns five-digit groups per minute for random groups at this speed: 60 s divided by the
   * time of an average group (its characters at the character speed, its four character gaps
   * and word gap at the spacing speed).
   *
   * @param keying how figures are keyed
   * @return groups per minute; about 11.2 at 20 WPM in full figures
   */
  public double groupsPerMinute(DigitKeying keying) {
    Objects.requireNonNull(keying, "keying");
    double characterUnits = 5 * keying.averageDigitUnits();
    double spacingUnits = keying.averageGroupUnits() - characterUnits;
    double seconds =
        (characterUnits * 1.2e9 / characterWpm + spacingUnits * spacingNanos()) / 1e9;
    return 60.0 / seconds;
  }

  Duration keyingTime(List<KeyedRun> runs) {
    long characterUnits = 0;
    long spacingUnits = 0;
    for (KeyedRun run : runs) {
      if (run.kind().isSpacing()) {
        spacingUnits += run.units();
      } else {
        characterUnits += run.units();
      }
    }
    return Duration.ofNanos(nanos(characterUnits, spacingUnits));
  }

  /**
   * Exact nanoseconds of {@code a} character units and {@code b} spacing units, rounded half up:
   * {@code (a·12e8·19s + b·(600c − 372s)·1e8) / (19·s·c)}.
   */
  private long nanos(long characterUnits, long spacingUnits) {
    BigInteger c = BigInteger.valueOf(characterWpm);
    BigInteger s = BigInteger.valueOf(effectiveWpm);
    BigInteger spacingUnits19 = BigInteger.valueOf(PARIS_SPACING_UNITS);
    BigInteger characterPart =
        BigInteger.valueOf(characterUnits)
            .multiply(BigInteger.valueOf(12))
            .multiply(spacingUnits19)
            .multiply(s);
    BigInteger spacingPart =
        BigInteger.valueOf(spacingUnits)
            .multiply(
                BigInteger.valueOf(
                    600L * characterWpm - 12L * PARIS_CHARACTER_UNITS * effectiveWpm));
    BigInteger numerator = characterPart.add(spacingPart).multiply(NANOS_PER_DECI_SECOND);
    BigInteger denominator = spacingUnits19.multiply(s).multiply(c);
    return new BigDecimal(numerator)
        .divide(new BigDecimal(denominator), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  private double spacingNanos() {
    return (600.0 * characterWpm - 12.0 * PARIS_CHARACTER_UNITS * effectiveWpm) * 1e8
        / (PARIS_SPACING_UNITS * (double) effectiveWpm * characterWpm);
  }

  private static void checkWpm(String what, int wpm) {
    if (wpm < 1 || wpm > MAX_WPM) {
      throw new IllegalArgumentException(
          what + " must be 1 to " + MAX_WPM + " WPM but was " + wpm);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyingSpeed other
        && characterWpm == other.characterWpm
        && effectiveWpm == other.effectiveWpm;
  }

  @Override
  public int hashCode() {
    return 31 * characterWpm + effectiveWpm;
  }

  @Override
  public String toString() {
    return isFarnsworth()
        ? "KeyingSpeed[" + characterWpm + "/" + effectiveWpm + " WPM Farnsworth]"
        : "KeyingSpeed[" + characterWpm + " WPM]";
  }
}
