package org.shifrovka.pad;

/** A pad sheet was about to be used a second time; nothing was enciphered with it. */
public final class SheetReuseException extends PadSecurityException {
  private static final long serialVersionUID = 1L;

  private final String bookId;
  private final int sheet;

  /** Creates the exception for a sheet of a book. */
  public SheetReuseException(String bookId, int sheet, String when) {
    super("pad sheet " + sheet + " of book " + bookId + " was already used" + when
        + "; a one-time pad sheet must never be used twice");
    this.bookId = bookId;
    this.sheet = sheet;
  }

  /** Returns the pad book's id. */
  public String bookId() {
    return bookId;
  }

  /** Returns the sheet number. */
  public int sheet() {
    return sheet;
  }
}
