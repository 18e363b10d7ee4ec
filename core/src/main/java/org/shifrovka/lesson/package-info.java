/**
 * The teaching model: one message walked through every stage of the 1949 chain, each stage with
 * an explanation for a class, its sources, its input and output as structured values, and what to
 * look at. {@link org.shifrovka.lesson.Walkthrough} is the entry point; the command line
 * ({@code shifrovka explain}, {@code shifrovka demo}) and the classroom web view render the same
 * model.
 */
package org.shifrovka.lesson;
