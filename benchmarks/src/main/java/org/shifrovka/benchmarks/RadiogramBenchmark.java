package org.shifrovka.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.telegram.Radiogram;

/**
 * <b>What it measures:</b> the radiogram text format: {@link Radiogram#render()} of one radiogram
 * (a part of the 1949 message: a header and about 250 groups, 1.5 KB), and
 * {@link Radiogram#parseAll(String, String)} of the text of all three parts (4.5 KB). The
 * The secondary result {@code bytes} is the UTF-8 size of the text rendered or parsed, per second: a
 * throughput in bytes/s (divide by 10^6 for MB/s). Every header holds the Cyrillic precedence word
 * {@code СРОЧНАЯ}, so the strings are UTF-16 inside the JVM; the byte count is what a file or a
 * socket would carry.
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>Dead code: both methods return what they made.
 *   <li>Constant folding and caching: they cycle through {@value #POOL} different messages
 *       (different pad sheets, so different groups), in non-final fields; nothing caches.
 *   <li>The counter: {@code bytes} is bumped once per call (one add, against microseconds of work)
 *       and reset before each iteration.
 *   <li>Error paths: the setup checks that parsing the rendered text gives back equal radiograms.
 * </ul>
 */
public class RadiogramBenchmark extends BenchmarkBase {
  static final int POOL = 16;

  Radiogram[] radiograms;
  int[] radiogramBytes;
  String[] texts;
  int[] textBytes;
  int nextRadiogram;
  int nextText;

  /** Bytes of radiogram text rendered or parsed; reported per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Bytes {
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      bytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws MalformedInputException {
    PadBook pads = PadGenerator.seededInsecure(1949).generate(POOL * Fixtures.sheetsPerMessage(),
        Fixtures.GROUPS_PER_SHEET);
    List<Radiogram> all = new ArrayList<>();
    texts = new String[POOL];
    textBytes = new int[POOL];
    int i = 0;
    for (List<Radiogram> message : Fixtures.pool(pads, POOL)) {
      all.addAll(message);
      texts[i] = Radiogram.renderAll(message);
      textBytes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
      if (!Radiogram.parseAll(texts[i], "bench").equals(message)) {
        throw new IllegalStateException("render/parse round trip failed");
      }
      i++;
    }
    radiograms = all.toArray(new Radiogram[0]);
    radiogramBytes = new int[radiograms.length];
    for (int k = 0; k < radiograms.length; k++) {
      radiogramBytes[k] = radiograms[k].render().getBytes(StandardCharsets.UTF_8).length;
    }
  }

  @Benchmark
  public String render(Bytes counter) {
    int i = nextRadiogram++;
    if (nextRadiogram == radiograms.length) {
      nextRadiogram = 0;
    }
    counter.bytes += radiogramBytes[i];
    return radiograms[i].render();
  }

  @Benchmark
  public List<Radiogram> parseAll(Bytes counter) throws MalformedInputException {
    int i = nextText++ & (POOL - 1);
    counter.bytes += textBytes[i];
    return Radiogram.parseAll(texts[i], "bench");
  }
}
