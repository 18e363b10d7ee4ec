package org.shifrovka.sim.core;

import org.shifrovka.CipherOffice;
import org.shifrovka.telegram.Register;

/**
 * Where a station core gets its cipher offices, one per link; the core asks once per key and keeps
 * the office. The offices must read the same time as the core (the driver's clock, simulated or
 * wall), and their pad ledgers must never give out a sheet again that a durable journal record
 * used, even after a crash: durable on their own, as {@link org.shifrovka.pad.PadLedger} promises,
 * or rebuilt from the journal's records at recovery.
 */
public interface Offices {
  /**
   * Returns the office that enciphers for the link to {@code to}, for messages to
   * {@code addressee}, numbering its telegrams from {@code firstSerial}.
   */
  CipherOffice sending(String to, String addressee, int firstSerial);

  /** Returns the office that deciphers what comes from {@code from}, registering in {@code register}. */
  CipherOffice receiving(String from, Register register);
}
