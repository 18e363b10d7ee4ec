package org.shifrovka.pad;

/** The pad book has too few unused consecutive sheets left for a telegram. */
public final class PadExhaustedException extends PadSecurityException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; the message says how many sheets were needed and how many are left. */
  public PadExhaustedException(String message) {
    super(message);
  }
}
