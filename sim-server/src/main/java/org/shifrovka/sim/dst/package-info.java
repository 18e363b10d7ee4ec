/**
 * Deterministic simulation testing of the station core (as FoundationDB and TigerBeetle test
 * theirs): {@link org.shifrovka.sim.dst.DstRun} runs a whole topology on
 * {@link org.shifrovka.sim.core.StationCore}s in virtual time under random faults drawn from one
 * seed (loss, garbles, duplicates, reordering, partitions, crashes at any point that lose memory
 * and every journal record not yet committed, restarts, clock skew), and
 * {@code Invariants} checks every run. A run is a pure function of its seed.
 */
package org.shifrovka.sim.dst;
