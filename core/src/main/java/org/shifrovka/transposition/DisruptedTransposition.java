package org.shifrovka.transposition;

import java.util.Objects;

/**
 * The disrupted columnar transposition of the VIC cipher: a columnar transposition whose table has
 * triangular disruption areas, filled last. Kahn's rule as the published table (his figure 4)
 * shows it: the first area begins in the top row at the column numbered 1 by the key and runs to
 * the right edge; on each following row it begins one column further right, down to a row where
 * it holds only the last column; the next row is left whole; then the second area begins at the
 * column numbered 2, and so on (after the column numbered {@code width}, 1 again). The text fills
 * the cells outside the areas row by row, then the cells inside them row by row; the table is read
 * out by columns in the key's order, as in {@link ColumnarTransposition}. The table holds exactly
 * as many cells as the text has characters (the last row may be short). Immutable.
 */
public final class DisruptedTransposition {
  private final ColumnarTransposition columns;

  private DisruptedTransposition(ColumnarTransposition columns) {
    this.columns = columns;
  }

  /** Returns the disrupted transposition keyed by digits, 0 ranking after 9. */
  public static DisruptedTransposition ofDigits(String digits) {
    return new DisruptedTransposition(ColumnarTransposition.ofDigits(digits));
  }

  /** Returns the key's width. */
  public int width() {
    return columns.width();
  }

  /** Returns the key as given (a secret: not in {@link #toString()}). */
  public String key() {
    return columns.key();
  }

  /**
   * Returns which cells of a table of {@code length} cells, read row by row, lie in a disruption
   * area.
   */
  public boolean[] disruptedCells(int length) {
    int w = width();
    boolean[] disrupted = new boolean[length];
    int rows = (length + w - 1) / w;
    int[] numbers = columns.columnNumbers();
    int row = 0;
    int number = 1;
    while (row < rows) {
      int start = columnNumbered(numbers, number);
      for (int i = 0; start + i < w && row + i < rows; i++) {
        for (int col = start + i; col < w; col++) {
          int cell = (row + i) * w + col;
          if (cell < length) {
            disrupted[cell] = true;
          }
        }
      }
      row += w - start + 1; // the rows of the triangle, then one row left whole
      number = number % w + 1;
    }
    return disrupted;
  }

  private static int columnNumbered(int[] numbers, int number) {
    for (int col = 0; col < numbers.length; col++) {
      if (numbers[col] == number) {
        return col;
      }
    }
    throw new IllegalStateException("no column numbered " + number);
  }

  /** The cells in the order the text fills them: outside the areas, then inside, row by row. */
  private int[] fillingOrder(int length) {
    boolean[] disrupted = disruptedCells(length);
    int[] order = new int[length];
    int at = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int cell = 0; cell < length; cell++) {
        if (disrupted[cell] == (pass == 1)) {
          order[at++] = cell;
        }
      }
    }
    return order;
  }

  /**
   * Returns the table as the text fills it, row by row (a string of {@code text.length()}
   * characters, cell {@code r * width + c} at that index): the teacher's picture of the
   * disrupted table before it is read out.
   */
  public String table(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int[] order = fillingOrder(text.length());
    char[] cells = new char[text.length()];
    for (int k = 0; k < order.length; k++) {
      cells[order[k]] = text.charAt(k);
    }
    return new String(cells);
  }

  /** Transposes: fills the table around and then into its areas, reads the columns out. */
  public String encipher(CharSequence text) {
    return columns.encipher(table(text));
  }

  /** Undoes {@link #encipher}. */
  public String decipher(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String cells = columns.decipher(text);
    int[] order = fillingOrder(cells.length());
    StringBuilder out = new StringBuilder(cells.length());
    for (int cell : order) {
      out.append(cells.charAt(cell));
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "DisruptedTransposition[width " + width() + "]"; // the key is a secret
  }
}
