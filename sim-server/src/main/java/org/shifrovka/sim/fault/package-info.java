/** Simulated radio links: the link model (keying time, delay, loss, garbles, duplication, reordering, outages) and its pipeline handler. */
package org.shifrovka.sim.fault;
