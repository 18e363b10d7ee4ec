/**
 * The teaching model: one message walked through every stage of the 1949 chain, each stage with
 * an explanation for a class, its sources, its input and output as structured values, and what to
 * look at. {@link org.shifrovka.lesson.Walkthrough} is the entry point; the command line
 * ({@code shifrovka explain}, {@code shifrovka demo}) and the classroom web view render the same
 * model.
 *
 * <p>{@link org.shifrovka.lesson.VenonaWalkthrough} is the other side of the wire in the same
 * shape ({@link org.shifrovka.lesson.Stage}): traffic on a pad book printed twice
 * intercepted, the depth found, the additive stripped, the message read, and the same traffic with
 * an honest ledger ({@code shifrovka demo --venona}).
 */
package org.shifrovka.lesson;
