package org.shifrovka.lesson;

/**
 * The stages that the systems other than the codebook add to a walkthrough
 * ({@link Walkthrough#system()}): the Chinese telegraph code, the straddling checkerboard and the
 * transpositions, each one way and back. The stages the systems share with the 1949 office
 * (regrouping, the pad, the radiogram, the air, ...) keep their {@link StageId}. Each has a stable
 * lower-case id, as {@link StageId} has.
 */
public enum SystemStageId implements Stage.Id {
  /** Chinese characters looked up in the Chinese telegraph code: four digits each. */
  TELEGRAPH_CODE("telegraph-code"),
  /** The telegraph code groups read back into Chinese characters. */
  TELEGRAPH_CODE_READ("telegraph-code-read"),
  /** The message written on the straddling checkerboard: one or two digits a letter. */
  CHECKERBOARD("checkerboard"),
  /** The first columnar transposition of the digits. */
  FIRST_TRANSPOSITION("first-transposition"),
  /** The second columnar transposition, and the groups of five as sent. */
  SECOND_TRANSPOSITION("second-transposition"),
  /** VIC: the message's keys derived from the standing keys and the keygroup, lines A to S. */
  VIC_KEYS("vic-keys"),
  /** VIC: the second transposition, in a table with triangular disruption areas. */
  DISRUPTED_TRANSPOSITION("disrupted-transposition"),
  /** VIC: the keygroup inserted among the groups at its place from the end. */
  KEYGROUP("keygroup"),
  /** Both transpositions undone by the receiving agent, in the reverse order. */
  UNTRANSPOSE("untranspose"),
  /** The digits read back on the same checkerboard. */
  CHECKERBOARD_READ("checkerboard-read");

  private final String id;

  SystemStageId(String id) {
    this.id = id;
  }

  /**
   * Returns the stable id, for example {@code checkerboard}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
