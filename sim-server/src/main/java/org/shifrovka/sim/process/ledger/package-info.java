/**
 * The pad ledgers of a process station: one per outgoing link, in memory, rebuilt from the journal
 * at a start so that no sheet a durable telegram used is used again
 * ({@link org.shifrovka.sim.process.ledger.PadLedgers}).
 */
package org.shifrovka.sim.process.ledger;
