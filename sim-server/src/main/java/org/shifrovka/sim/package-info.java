/**
 * The relay simulator: Netty stations and simulated radio links (in progress).
 */
package org.shifrovka.sim;
