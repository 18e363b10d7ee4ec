/**
 * The station core: one station's hop protocol and office semantics as a deterministic state
 * machine without I/O (the sans-I/O design of h11 and quinn-proto).
 *
 * <p>{@link org.shifrovka.sim.core.StationCore} takes inputs (a frame from a neighbour, a timer,
 * a filing, a link up or down, a journal commit completed) with the time they happen, and answers
 * with effects through {@link org.shifrovka.sim.core.StationEffects}: frames to key, timers to
 * set, {@linkplain org.shifrovka.sim.core.JournalRecord journal records} to write, and the
 * outcomes of messages. It never reads a clock, a socket or a file; a driver does that (the
 * simulator's {@code SimStation} in virtual time, the deterministic simulation harness in
 * {@code org.shifrovka.sim.dst}).
 */
package org.shifrovka.sim.core;
