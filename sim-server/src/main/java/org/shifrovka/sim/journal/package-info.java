/**
 * The station journal: a station's durable store-and-forward record, kept in one SQLite file per
 * station.
 *
 * <p>A station journals every telegram it accepts <em>before</em> it sends the receipt, forwards it,
 * and marks it acknowledged when the next station's receipt arrives; after a restart it resends
 * everything still unacknowledged. The same file keeps the station's registers (registry numbers
 * are never issued twice) and its pad ledger (a pad sheet is never used twice). See
 * {@code sim-server/DURABILITY.md}.
 */
package org.shifrovka.sim.journal;
