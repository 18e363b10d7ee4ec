package org.shifrovka.lesson;

import java.util.Objects;

/**
 * Something in a stage to point at: one group, row or field of one of its values, and why.
 *
 * @param side whether the value is one of the stage's inputs or outputs
 * @param value the index of the value in that list
 * @param item the index of the group (of a {@link Value.Groups}), row (of a {@link Value.Table})
 *     or field (of a {@link Value.Fields}); for a text, the index of the word
 * @param note what to look at, in a few words
 */
public record Highlight(Side side, int value, int item, String note) {

  /** Which list of a stage a highlight points into. */
  public enum Side {
    /** The stage's inputs. */
    INPUT,
    /** The stage's outputs. */
    OUTPUT
  }

  /** Validates the highlight. */
  public Highlight {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(note, "note");
    if (value < 0 || item < 0) {
      throw new IllegalArgumentException("indexes must not be negative");
    }
  }

  /**
   * Returns a highlight of an output.
   *
   * @param value the index of the output value
   * @param item the index of the group, row or field in it
   * @param note what to look at
   * @return the highlight
   */
  public static Highlight output(int value, int item, String note) {
    return new Highlight(Side.OUTPUT, value, item, note);
  }

  /**
   * Returns a highlight of an input.
   *
   * @param value the index of the input value
   * @param item the index of the group, row or field in it
   * @param note what to look at
   * @return the highlight
   */
  public static Highlight input(int value, int item, String note) {
    return new Highlight(Side.INPUT, value, item, note);
  }
}
