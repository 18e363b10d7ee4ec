/**
 * The simulation PKI: a private certificate authority that issues each station a key pair and a
 * certificate naming it, and the mutual-TLS trust that lets a station talk only to the stations it
 * expects.
 *
 * <p>Keys are EC P-256 and certificates are signed with {@code SHA256withECDSA}, which the JDK's
 * TLS 1.3 (Netty's {@code SslProvider.JDK}) accepts. A station is known by its name: the
 * certificate's subject common name, repeated as a subjectAltName DNS name. See
 * {@code sim-server/DURABILITY.md} for the file layout.
 */
package org.shifrovka.sim.pki;
