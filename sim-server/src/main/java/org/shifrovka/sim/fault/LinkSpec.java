package org.shifrovka.sim.fault;

/**
 * The configuration of one directed radio link: speed, delay and impairments. Probabilities are
 * in [0, 1]; times are simulated nanoseconds.
 *
 * @param wpm the keying speed in words per minute (0: frames take no time on the air)
 * @param delayNanos the propagation and handling delay
 * @param jitterNanos the largest extra delay, drawn uniformly per frame
 * @param loss the independent loss probability per frame
 * @param burst bursty loss (Gilbert-Elliott), or {@link Burst#NONE}
 * @param garble the probability that one symbol (digit or character) is received unreadable
 * @param duplicate the probability that a frame arrives twice
 * @param reorder the probability that a frame is held back and overtaken by later ones
 * @param holdNanos the largest hold-back of a reordered frame or of a duplicate
 */
public record LinkSpec(int wpm, long delayNanos, long jitterNanos, double loss, Burst burst,
    double garble, double duplicate, double reorder, long holdNanos) {

  /** A link with no delay and no impairments, keyed instantly. */
  public static final LinkSpec IDEAL = new LinkSpec(0, 0, 0, 0, Burst.NONE, 0, 0, 0, 0);

  /** Validates the spec. */
  public LinkSpec {
    if (wpm < 0 || wpm > 1000) {
      throw new IllegalArgumentException("wpm must be 0-1000, got " + wpm);
    }
    if (delayNanos < 0 || jitterNanos < 0 || holdNanos < 0) {
      throw new IllegalArgumentException("delay, jitter and hold must be >= 0, got " + delayNanos
          + ", " + jitterNanos + ", " + holdNanos);
    }
    probability("loss", loss);
    probability("garble", garble);
    probability("duplicate", duplicate);
    probability("reorder", reorder);
    java.util.Objects.requireNonNull(burst, "burst");
  }

  static void probability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + p);
    }
  }

  /** Returns true if the link neither loses, garbles, duplicates nor reorders. */
  public boolean clean() {
    return loss == 0 && !burst.active() && garble == 0 && duplicate == 0 && reorder == 0;
  }

  /** Returns a copy with another loss probability. */
  public LinkSpec withLoss(double v) {
    return new LinkSpec(wpm, delayNanos, jitterNanos, v, burst, garble, duplicate, reorder,
        holdNanos);
  }

  /** Returns a copy with another garble probability. */
  public LinkSpec withGarble(double v) {
    return new LinkSpec(wpm, delayNanos, jitterNanos, loss, burst, v, duplicate, reorder,
        holdNanos);
  }

  /**
   * Gilbert-Elliott bursty loss: a two-state chain stepped once per frame on the link.
   *
   * @param goodToBad the probability of entering the bad state
   * @param badToGood the probability of leaving it
   * @param lossInBad the loss probability while bad
   */
  public record Burst(double goodToBad, double badToGood, double lossInBad) {
    /** No bursts. */
    public static final Burst NONE = new Burst(0, 1, 0);

    /** Validates. */
    public Burst {
      for (double p : new double[] {goodToBad, badToGood, lossInBad}) {
        if (!(p >= 0 && p <= 1)) {
          throw new IllegalArgumentException("burst probabilities must be in [0, 1], got "
              + goodToBad + ", " + badToGood + ", " + lossInBad);
        }
      }
    }

    /** Returns true if the chain can ever lose a frame. */
    public boolean active() {
      return goodToBad > 0 && lossInBad > 0;
    }
  }
}
