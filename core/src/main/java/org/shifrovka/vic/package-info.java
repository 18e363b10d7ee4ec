/**
 * The VIC cipher of the 1950s KGB illegal Reino Häyhänen. {@link org.shifrovka.vic.VicKeys}
 * derives a message's keys (lines A to S of Kahn's published worked example) from the key phrase,
 * the date, the personal number and the message keygroup; {@link org.shifrovka.vic.VicCipher}
 * enciphers (checkerboard, first columnar transposition, disrupted second transposition, keygroup
 * insertion) and deciphers, and keeps every line of the work in a
 * {@link org.shifrovka.vic.VicEncipherment} or {@link org.shifrovka.vic.VicDecipherment}.
 */
package org.shifrovka.vic;
