package org.shifrovka.sim.server;

/** How a relay office forwards a deciphered message. */
public enum ForwardMode {
  /** Re-enciphered on the relay's own pads for the next hop. */
  REENCIPHER,
  /** As the archival decrypt: the typed copies go on in clear. */
  ARCHIVAL
}
