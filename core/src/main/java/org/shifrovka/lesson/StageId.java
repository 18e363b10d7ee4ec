package org.shifrovka.lesson;

import java.util.Locale;

/**
 * The stages of a walkthrough, in the order a telegram passes them: from the clerk's telegraphese
 * to the register in Moscow. Each has a stable lower-case id ({@link #id()}) that the command line
 * ({@code --stage}) and the JSON format use.
 */
public enum StageId implements Stage.Id {
  /** The message rewritten as telegraphese: punctuation as words. */
  TELEGRAPHESE("telegraphese"),
  /** Words and phrases looked up in the codebook: 4-digit code groups. */
  CODE_GROUPS("code-groups"),
  /** A word not in the book, spelled letter by letter from the spell table. */
  SPELL("spell"),
  /** The code stream cut into 5-digit groups. */
  REGROUP("regroup"),
  /** The one-time pad sheet and its indicator. */
  PAD_SHEET("pad-sheet"),
  /** The pad added digit by digit, mod 10, without carry. */
  ADDITIVE("additive"),
  /** The finished radiogram with its clear header. */
  RADIOGRAM("radiogram"),
  /** The radiogram as the operator keys it in Morse. */
  MORSE("morse"),
  /** What the radio link does to the signal: garbled and lost groups. */
  AIR("air"),
  /** The receiving operator's copy, repeat requests and receipt. */
  RECEIVE("receive"),
  /** The pad taken off again in Moscow and the code read back. */
  DECIPHER("decipher"),
  /** The parts put back together into one message. */
  REASSEMBLE("reassemble"),
  /** The copy typed for the file. */
  ARCHIVAL_COPY("archival-copy"),
  /** The incoming register: one number per telegram. */
  REGISTER("register");

  private final String id;

  StageId(String id) {
    this.id = id;
  }

  /**
   * Returns the stable id, for example {@code pad-sheet}.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * Returns the stage with an id (any case), or with a number from 1.
   *
   * @param idOrNumber for example {@code additive} or {@code 6}
   * @return the stage
   * @throws IllegalArgumentException if no stage has that id or number; the message lists the ids
   */
  public static StageId of(String idOrNumber) {
    String s = idOrNumber.strip().toLowerCase(Locale.ROOT);
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 3) {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= values().length) {
        return values()[n - 1];
      }
    }
    for (StageId stage : values()) {
      if (stage.id.equals(s)) {
        return stage;
      }
    }
    StringBuilder ids = new StringBuilder();
    for (StageId stage : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(stage.id);
    }
    throw new IllegalArgumentException("no stage \"" + idOrNumber + "\" (stages: " + ids
        + ", or a number from 1 to " + values().length + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
