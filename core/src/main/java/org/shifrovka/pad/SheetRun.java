package org.shifrovka.pad;

/**
 * Consecutive sheets of one pad book, reserved for one message.
 *
 * @param bookId the pad book's id
 * @param first the first sheet number
 * @param count how many sheets, at least one
 */
public record SheetRun(String bookId, int first, int count) {
  /** Validates the run. */
  public SheetRun {
    if (first < 1 || count < 1) {
      throw new IllegalArgumentException("bad sheet run " + first + "+" + count);
    }
  }

  /** Returns the last sheet number of the run. */
  public int last() {
    return first + count - 1;
  }

  @Override
  public String toString() {
    return "book " + bookId + (count == 1 ? " sheet " + first : " sheets " + first + "-" + last());
  }
}
