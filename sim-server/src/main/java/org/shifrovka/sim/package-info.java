/**
 * The relay simulator: Netty stations and simulated radio links. Start with
 * {@link org.shifrovka.sim.ChainSimulation} and {@link org.shifrovka.sim.Topology}; see
 * {@code sim-server/README.md} for the wire format, topology file and determinism model.
 */
package org.shifrovka.sim;
