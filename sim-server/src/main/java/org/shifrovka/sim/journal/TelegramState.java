package org.shifrovka.sim.journal;

/**
 * Where a journaled telegram stands in store-and-forward.
 *
 * <pre>
 *   PENDING --markForwarded--&gt; FORWARDED --markAcknowledged--&gt; ACKNOWLEDGED
 *      |                                                           ^
 *      +-------------------------markAcknowledged-----------------+
 * </pre>
 *
 * <p>A telegram is PENDING from the moment it is journaled (its receipt may then be sent), FORWARDED
 * once it has been handed to the next station at least once, and ACKNOWLEDGED when the next
 * station's receipt for it has arrived; only then may the station forget about it. PENDING and
 * FORWARDED telegrams are resent after a restart.
 */
public enum TelegramState {
  /** Journaled and receipted, not yet forwarded. */
  PENDING,
  /** Forwarded at least once; the next station's receipt has not arrived. */
  FORWARDED,
  /** The next station has receipted it; nothing more to do. */
  ACKNOWLEDGED
}
