/**
 * The straddling checkerboard: {@link org.shifrovka.checkerboard.StraddlingCheckerboard} turns
 * letters into one or two digits (the commonest letters one), with a figure shift for numbers,
 * in English (the AT ONE SIR family of layouts) and Russian.
 */
package org.shifrovka.checkerboard;
