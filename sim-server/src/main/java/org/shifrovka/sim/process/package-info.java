/**
 * The process driver of the station core: {@link org.shifrovka.sim.process.ProcessStation} runs
 * one {@link org.shifrovka.sim.core.StationCore} as a real station on Netty sockets, the wall clock,
 * the SQLite {@link org.shifrovka.sim.journal.Journal} and file pad ledgers. (It does not yet
 * replace {@code org.shifrovka.sim.station.StandaloneStation}: no TLS, connection guards or CLI.)
 */
package org.shifrovka.sim.process;
