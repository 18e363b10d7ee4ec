/**
 * A process station's connections to its neighbours: dialling, redialling, links up and down, and
 * sending frames ({@link org.shifrovka.sim.process.links.PeerLinks}).
 */
package org.shifrovka.sim.process.links;
