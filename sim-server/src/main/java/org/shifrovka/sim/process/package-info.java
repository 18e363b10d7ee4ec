/**
 * The process driver of the station core: {@link org.shifrovka.sim.process.ProcessStation} runs
 * one {@link org.shifrovka.sim.core.StationCore} as a real station ({@code shifrovka station}) on
 * Netty sockets with mutual TLS or loopback TCP, the station's defences against bad peers
 * ({@link org.shifrovka.sim.process.StationLimits}, {@link org.shifrovka.sim.process.Refusals}),
 * the wall clock and the SQLite {@link org.shifrovka.sim.journal.Journal}; the load generator
 * {@link org.shifrovka.sim.process.StationLoad} ({@code shifrovka simulate --load}) runs a whole
 * chain of them.
 */
package org.shifrovka.sim.process;
