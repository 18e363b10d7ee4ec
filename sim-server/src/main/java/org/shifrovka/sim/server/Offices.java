package org.shifrovka.sim.server;

import org.shifrovka.CipherOffice;

/** The cipher offices of one station, by link; created lazily, used on the simulation's executor. */
public interface Offices {
  /** Returns the office that enciphers for the link to {@code to}, for messages to {@code addressee}. */
  CipherOffice sending(String to, String addressee);

  /** Returns the office that deciphers what comes from {@code from}. */
  CipherOffice receiving(String from);
}
