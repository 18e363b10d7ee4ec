package org.shifrovka.sim.server;

/** What a station does with telegrams. */
public enum Role {
  /** Files messages and enciphers them for the first hop. */
  ORIGIN,
  /** Registers, deciphers, reassembles and forwards toward the addressee. */
  RELAY,
  /** Registers, deciphers and reassembles the messages addressed to it. */
  ADDRESSEE
}
