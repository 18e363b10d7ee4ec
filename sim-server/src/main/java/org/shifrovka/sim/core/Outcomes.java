package org.shifrovka.sim.core;

import java.util.List;

/** Where stations report what became of messages; called on the simulation's executor. */
public interface Outcomes {
  /** A message was filed under {@code reference} with this canonical text. */
  void filed(String reference, String text, long filedAt);

  /**
   * A message reached its addressee, reassembled.
   *
   * @param reference the end-to-end reference ({@code TEREBIN/15})
   * @param addressee the station
   * @param text the canonical text
   * @param registryNumbers the addressee's registry numbers of its parts
   * @param filedAt simulated filing time at the origin
   * @param deliveredAt simulated time of reassembly
   */
  void delivered(String reference, String addressee, String text, List<String> registryNumbers,
      long filedAt, long deliveredAt);

  /** A telegram of a message was given up on a hop after {@code attempts} attempts. */
  void undeliverable(String reference, String from, String to, int serial, int attempts);

  /**
   * A station could not send a message on toward {@code to}, for the reason {@code why} that its
   * event log gives (no route; a pad book exhausted). By default reported as
   * {@link #undeliverable} with serial and attempts 0.
   */
  default void notForwarded(String reference, String from, String to, String why) {
    undeliverable(reference, from, to, 0, 0);
  }

  /** A station registered a telegram under {@code registryNumber}. */
  void registered(String station, String registryNumber, String reference);

  /** A relay or addressee saw a pad indicator twice. */
  void alarm(String station, String detail);
}
