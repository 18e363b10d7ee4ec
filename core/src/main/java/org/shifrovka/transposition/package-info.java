/**
 * Columnar transposition: {@link org.shifrovka.transposition.ColumnarTransposition} (one key, an
 * irregular final row), {@link org.shifrovka.transposition.DoubleTransposition} (two keys, one
 * after the other), as Soviet agents used them over a straddling checkerboard, and
 * {@link org.shifrovka.transposition.DisruptedTransposition} (VIC's second table, with triangular
 * areas filled last).
 */
package org.shifrovka.transposition;
