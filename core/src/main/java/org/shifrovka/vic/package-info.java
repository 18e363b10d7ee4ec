/**
 * The VIC cipher of the 1950s KGB illegal Reino Häyhänen: {@link org.shifrovka.vic.VicKeys} derives
 * its keys (lines A to S of Kahn's published worked example) from the key phrase, the date, the
 * personal number and the message keygroup. The encipherment stages (checkerboard, first
 * columnar transposition, disrupted second transposition, keygroup insertion) are not built yet.
 */
package org.shifrovka.vic;
