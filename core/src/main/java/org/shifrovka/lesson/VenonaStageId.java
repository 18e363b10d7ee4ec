package org.shifrovka.lesson;

import java.util.Locale;

/**
 * The stages of the VENONA lesson ({@link VenonaWalkthrough}): the other side of the wire, from
 * the interceptor's log to the message read, and the same traffic under an honest ledger. Each
 * has a stable lower-case id, as {@link StageId} has.
 */
public enum VenonaStageId implements Stage.Id {
  /** Traffic copied off the air on several links, some of it on pages printed twice. */
  INTERCEPT("intercept"),
  /** The telegrams in depth found from the cipher text alone. */
  DEPTH("depth"),
  /** The streams of a depth subtracted mod 10: the additive is gone. */
  STRIP("strip"),
  /** The code groups read with the captured codebook and a model of telegraphese. */
  READ("read"),
  /** The same traffic with an honest ledger: no depth, nothing to read. */
  HONEST_LEDGER("honest-ledger");

  private final String id;

  VenonaStageId(String id) {
    this.id = id;
  }

  /** Returns the stable id, for example {@code strip}. */
  public String id() {
    return id;
  }

  /**
   * Returns the stage with an id (any case) or a number from 1.
   *
   * @throws IllegalArgumentException if there is none; the message lists the ids
   */
  public static VenonaStageId of(String idOrNumber) {
    String s = idOrNumber.strip().toLowerCase(Locale.ROOT);
    for (VenonaStageId v : values()) {
      if (v.id.equals(s) || s.equals(Integer.toString(v.ordinal() + 1))) {
        return v;
      }
    }
    StringBuilder ids = new StringBuilder();
    for (VenonaStageId v : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(v.id);
    }
    throw new IllegalArgumentException("no VENONA stage \"" + idOrNumber + "\" (stages: " + ids
        + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
