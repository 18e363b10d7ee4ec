/** Stations: the virtual-time kernel, the station protocol and office semantics, and the Netty network. */
package org.shifrovka.sim.server;
