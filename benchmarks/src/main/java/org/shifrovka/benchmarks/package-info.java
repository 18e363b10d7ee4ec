/**
 * JMH benchmarks of the encode and relay paths.
 */
package org.shifrovka.benchmarks;
