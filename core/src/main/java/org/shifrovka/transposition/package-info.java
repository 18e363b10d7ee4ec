/**
 * Columnar transposition: {@link org.shifrovka.transposition.ColumnarTransposition} (one key, an
 * irregular final row) and {@link org.shifrovka.transposition.DoubleTransposition} (two keys, one
 * after the other), as Soviet agents used them over a straddling checkerboard.
 */
package org.shifrovka.transposition;
