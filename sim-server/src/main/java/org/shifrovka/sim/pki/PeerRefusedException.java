package org.shifrovka.sim.pki;

import java.security.GeneralSecurityException;

/** A TLS peer was refused: its handshake failed, or its certificate names no allowed station. */
public final class PeerRefusedException extends GeneralSecurityException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with the reason for the refusal. */
  public PeerRefusedException(String reason) {
    super(reason);
  }
}
