package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Garbles five-digit groups at the level of Morse elements, the way a weak or disturbed signal
 * reaches the receiving operator, and returns what the operator hears as a written Morse stream.
 *
 * <h2>Errors</h2>
 * Each character of each group suffers at most one of these, with the configured probability
 * per character (the rates must add up to at most 1):
 * <ul>
 *   <li><b>swap</b>: one element turns from dit to dah or back;
 *   <li><b>drop</b>: one element is lost (a one-element cut figure vanishes entirely);
 *   <li><b>extra</b>: a dit or dah is heard that was not keyed;
 *   <li><b>split</b>: a gap inside the character is heard as a character gap, giving two
 *       characters;
 *   <li><b>merge</b>: the gap to the next character of the group is missed, giving one long
 *       character (the next character then suffers nothing else).
 * </ul>
 * and each group is <b>lost</b> with the configured probability per group: its elements vanish
 * but the silence it took remains, heard as two word gaps with nothing between them (inferred:
 * the operator notices a group-long fade). The heard stream is framed by word gaps, so that a
 * lost first or last group is heard as well.
 *
 * <h2>What the receiver can detect</h2>
 * In full figures every figure has exactly five elements, so a drop, extra, split or merge always
 * leaves a pattern of another length, which is no figure, and a lost group leaves an empty word:
 * {@link ReceivedCopy} marks all of these. A <b>swap keeps the length and often yields another
 * figure</b> ({@code 1 .----} becomes {@code 0 -----} or {@code 2 ..---}): such substitutions are
 * undetectable from the symbols and the group count alone. With cut numbers, figures have one
 * to five elements and drops and extras can also yield valid figures. {@link #isDetectable()}
 * tells whether a configuration is free of undetectable errors: full figures and no swaps.
 *
 * <h2>Randomness</h2>
 * Every transmission draws from a {@link SplittableRandom} seeded from the model's seed, the
 * telegram number and the attempt number only, and each group draws from its own split stream.
 * The same transmission therefore garbles the same way whatever else was garbled before, in
 * whatever order.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SymbolErrorModel {

  /** Figures in a cipher group. */
  static final int GROUP_LENGTH = 5;

  private final long seed;
  private final DigitKeying digitKeying;
  private final double swapRate;
  private final double dropRate;
  private final double extraRate;
  private final double splitRate;
  private final double mergeRate;
  private final double lostGroupRate;

  private SymbolErrorModel(Builder b) {
    this.seed = b.seed;
    this.digitKeying = b.digitKeying;
    this.swapRate = b.swapRate;
    this.dropRate = b.dropRate;
    this.extraRate = b.extraRate;
    this.splitRate = b.splitRate;
    this.mergeRate = b.mergeRate;
    this.lostGroupRate = b.lostGroupRate;
  }

  /**
   * Starts a model with full figures and no errors; a seed must be given.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns how figures are keyed.
   *
   * @return the figure keying the receiver must read with
   */
  public DigitKeying digitKeying() {
    return digitKeying;
  }

  /**
   * Returns whether every error this model makes is detectable by {@link ReceivedCopy}: true for
   * full figures without swaps.
   *
   * @return whether the model is free of undetectable substitutions
   */
  public boolean isDetectable() {
    return digitKeying == DigitKeying.FULL && swapRate == 0;
  }

  /**
   * Keys groups, garbles them and returns what the receiver hears.
   *
   * @param groups the five-digit groups keyed in this transmission, in order
   * @param telegramNumber the telegram's number, part of the random key
   * @param attempt 0 for the first transmission, then one more for every repeat
   * @return the heard written Morse stream, framed by word gaps
   * @throws IllegalArgumentException if a group is not five ASCII digits or attempt is negative
   */
  public String garble(List<String> groups, long telegramNumber, int attempt) {
    Objects.requireNonNull(groups, "groups");
    if (attempt < 0) {
      throw new IllegalArgumentException("attempt must not be negative but was " + attempt);
    }
    SplittableRandom transmission = new SplittableRandom(key(seed, telegramNumber, attempt));
    StringBuilder heard = new StringBuilder(MorseTokens.WORD_GAP);
    for (int g = 0; g < groups.size(); g++) {
      String group = checkGroup(groups.get(g), g);
      SplittableRandom random = transmission.split();
      heard.append(' ');
      if (random.nextDouble() >= lostGroupRate) {
        List<String> characters = garbleGroup(group, random);
        heard.append(String.join(" ", characters)).append(' ');
      }
      heard.append(MorseTokens.WORD_GAP);
    }
    return heard.toString();
  }

  /** What happens to one character. */
  private enum Event {
    NONE, SWAP, DROP, EXTRA, SPLIT, MERGE
  }

  private Event event(double u) {
    double[] rates = {swapRate, dropRate, extraRate, splitRate, mergeRate};
    Event[] events = {Event.SWAP, Event.DROP, Event.EXTRA, Event.SPLIT, Event.MERGE};
    double bound = 0;
    for (int k = 0; k < rates.length; k++) {
      bound += rates[k];
      if (u < bound) {
        return events[k];
      }
    }
    return Event.NONE;
  }

  private List<String> garbleGroup(String group, SplittableRandom random) {
    List<String> heard = new ArrayList<>();
    int i = 0;
    while (i < group.length()) {
      StringBuilder code = new StringBuilder(digitKeying.code(group.charAt(i)));
      switch (event(random.nextDouble())) {
        case SWAP:
          int swapped = random.nextInt(code.length());
          code.setCharAt(swapped, code.charAt(swapped) == '.' ? '-' : '.');
          break;
        case DROP:
          code.deleteCharAt(random.nextInt(code.length()));
          break;
        case EXTRA:
          code.insert(random.nextInt(code.length() + 1), random.nextBoolean() ? '.' : '-');
          break;
        case SPLIT:
          if (code.length() > 1) {
            int at = 1 + random.nextInt(code.length() - 1);
            heard.add(code.substring(0, at));
            code.delete(0, at);
          }
          break;
        case MERGE:
          if (i + 1 < group.length()) {
            i++;
            code.append(digitKeying.code(group.charAt(i)));
          }
          break;
        default:
          break;
      }
      if (code.length() > 0) {
        heard.add(code.toString());
      }
      i++;
    }
    return heard;
  }

  private static String checkGroup(String group, int index) {
    Objects.requireNonNull(group, "group");
    boolean digits = group.length() == GROUP_LENGTH;
    for (int i = 0; digits && i < group.length(); i++) {
      digits = group.charAt(i) >= '0' && group.charAt(i) <= '9';
    }
    if (!digits) {
      throw new IllegalArgumentException(
          "group " + (index + 1) + " must be five digits but was \"" + group + "\"");
    }
    return group;
  }

  /** Derives a transmission's seed from the model seed, telegram number and attempt. */
  static long key(long seed, long telegramNumber, int attempt) {
    long h = mix(seed ^ 0x5348494652L);
    h = mix(h ^ telegramNumber);
    return mix(h ^ attempt);
  }

  /** The SplitMix64 finaliser: a bijective scramble of 64 bits. */
  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String toString() {
    return String.format(
        "SymbolErrorModel[%s figures, swap %s, drop %s, extra %s, split %s, merge %s per character,"
            + " lost %s per group]",
        digitKeying, swapRate, dropRate, extraRate, splitRate, mergeRate, lostGroupRate);
  }

  /**
   * Collects a model's settings; each rate setter checks its range and {@link #build()} checks
   * the seed and the sum of the per-character rates.
   *
   * <p>Not thread-safe; use one builder per model.
   */
  public static final class Builder {

    private Long seed;
    private DigitKeying digitKeying = DigitKeying.FULL;
    private double swapRate;
    private double dropRate;
    private double extraRate;
    private double splitRate;
    private double mergeRate;
    private double lostGroupRate;

    private Builder() {}

    /**
     * Sets the seed all randomness derives from.
     *
     * @param seed any value
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets how figures are keyed.
     *
     * @param digitKeying full (default) or cut numbers
     * @return this builder
     */
    public Builder digitKeying(DigitKeying digitKeying) {
      this.digitKeying = Objects.requireNonNull(digitKeying, "digitKeying");
      return this;
    }

    /**
     * Sets the probability per character of a dit-dah swap.
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder swapRate(double rate) {
      this.swapRate = checkRate("swap", rate);
      return this;
    }

    /**
     * Sets the probability per character of a dropped element.
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder dropRate(double rate) {
      this.dropRate = checkRate("drop", rate);
      return this;
    }

    /**
     * Sets the probability per character of an extra element.
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder extraRate(double rate) {
      this.extraRate = checkRate("extra", rate);
      return this;
    }

    /**
     * Sets the probability per character of being heard as two characters.
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder splitRate(double rate) {
      this.splitRate = checkRate("split", rate);
      return this;
    }

    /**
     * Sets the probability per character of running into the next character.
     *
     * @param rate 0 to 1
     * @return this builder
     */
    public Builder mergeRate(double rate) {
      this.mergeRate = checkRate("merge", rate);
      return this;
    }

    /**
     * Sets the probability per group of being lost altogether.
     *
     * @param rate 0 to below 1
     * @return this builder
     */
    public Builder lostGroupRate(double rate) {
      this.lostGroupRate = checkRate("lost group", rate);
      if (rate == 1) {
        throw new IllegalArgumentException("lost group rate must be below 1 but was 1.0");
      }
      return this;
    }

    /**
     * Builds the model.
     *
     * @return the model
     * @throws IllegalStateException if no seed was set or the per-character rates add up to
     *     more than 1
     */
    public SymbolErrorModel build() {
      if (seed == null) {
        throw new IllegalStateException("an error model needs a seed; call seed(long)");
      }
      double perCharacter = swapRate + dropRate + extraRate + splitRate + mergeRate;
      if (perCharacter > 1 + 1e-12) {
        throw new IllegalStateException(
            "per-character rates add up to " + perCharacter + ", more than 1");
      }
      return new SymbolErrorModel(this);
    }

    private static double checkRate(String what, double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(what + " rate must be 0 to 1 but was " + rate);
      }
      return rate;
    }
  }
}
