/**
 * The other side of the wire: intercepted traffic, finding depths and breaking reused pads, the
 * way the US Army's Signal Intelligence Service broke the duplicated Soviet pads of 1942 (VENONA).
 *
 * <ul>
 *   <li>{@link org.shifrovka.cryptanalysis.TrafficGenerator} makes traffic with faults of
 *       discipline: sheets reused under the same indicator, and pages printed twice in another
 *       book under another indicator; {@link org.shifrovka.cryptanalysis.TrafficAnswers} records
 *       which telegrams share key, for scoring only;
 *   <li>{@link org.shifrovka.cryptanalysis.InterceptFile} is the interceptor's log: radiograms in
 *       their text form, each under an intercept number and link;
 *   <li>{@link org.shifrovka.cryptanalysis.DepthFinder} finds telegrams in depth from the cipher
 *       text alone (same indicator, and coincidences of 4-digit groups between streams);
 *   <li>{@link org.shifrovka.cryptanalysis.Stripping} subtracts the streams of a depth mod 10, which
 *       removes the additive; {@link org.shifrovka.cryptanalysis.DepthReader} then reads the code
 *       groups with a captured codebook and a {@link org.shifrovka.cryptanalysis.TelegrapheseModel}
 *       (a whole body of traffic deepest depths first, each depth helped by the readings of the
 *       others: {@link org.shifrovka.cryptanalysis.DepthReader#readTraffic});
 *       {@link org.shifrovka.cryptanalysis.CribDrag} is the hand method.
 * </ul>
 */
package org.shifrovka.cryptanalysis;
