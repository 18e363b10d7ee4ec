package org.shifrovka.pad;

/**
 * A pad ledger file was asked to record sheets of a pad it does not belong to: another book, or
 * another pad printed under the same book number. Nothing was recorded or enciphered; using one
 * ledger file for two pads, or two ledgers for one pad, is how sheets get used twice.
 */
public final class WrongPadException extends PadSecurityException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with its message. */
  public WrongPadException(String message) {
    super(message);
  }
}
