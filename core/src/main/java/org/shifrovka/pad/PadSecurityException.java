package org.shifrovka.pad;

import java.security.GeneralSecurityException;

/**
 * A refusal that protects the one-time pad: a sheet would be used twice, or there are not enough
 * sheets left.
 */
public class PadSecurityException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says which book and sheets are concerned. */
  public PadSecurityException(String message) {
    super(message);
  }
}
