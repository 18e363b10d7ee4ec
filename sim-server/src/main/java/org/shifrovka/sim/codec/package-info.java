/** The relay protocol's frames and their Netty codec; the wire format is in {@link org.shifrovka.sim.codec.WireFormat}. */
package org.shifrovka.sim.codec;
