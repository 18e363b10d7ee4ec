/**
 * The Chinese telegraph code: four decimal digits per Chinese character, the form in which Chinese
 * telegrams travelled (and in which Mao's headquarters handed its texts to the Soviet liaison's
 * cipher office in 1949). {@link org.shifrovka.ctc.TelegraphCode} carries both standard tables,
 * derived from the Unicode Unihan database by {@code tools/ctc/build-ctc-tables.sh}: the
 * traditional table ({@code kTaiwanTelegraph}, the one a 1949 office used) and the mainland table
 * of simplified characters ({@code kMainlandTelegraph}).
 */
package org.shifrovka.ctc;
