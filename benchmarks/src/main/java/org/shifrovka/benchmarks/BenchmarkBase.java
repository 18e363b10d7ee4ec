package org.shifrovka.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Defaults shared by every benchmark (after Netty's {@code AbstractMicrobenchmarkBase}): throughput
 * in operations per second, one thread, one fork with a fixed 1 GiB heap, 3 warm-up and 5
 * measurement iterations of one second each. A class or method may override any of these, and the
 * command line overrides them all ({@code -f}, {@code -wi}, {@code -i}, {@code -r}, {@code -w}).
 *
 * <p>Why these numbers: the development and CI machines have two cores that other builds share, so
 * a full run must stay under about fifteen minutes; one fork with five iterations is the least that
 * still shows the spread between iterations. Forking is never switched off (JMH sample 12): the
 * profiles of different benchmarks would otherwise mix in one JVM.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public abstract class BenchmarkBase {}
