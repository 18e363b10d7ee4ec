package org.shifrovka.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.radio.MorseCodec;
import org.shifrovka.radio.RadioFormatException;
import org.shifrovka.telegram.Radiogram;

/**
 * <b>What it measures:</b> the written Morse form of the radio layer ({@link MorseCodec}).
 * {@code encodeGroups}/{@code decodeGroups}: the cipher groups of one radiogram of the 1949 message
 * (about 250 five-digit groups, Russian figure keying) to Morse and back. {@code encodeText}/
 * {@code decodeText}: a Cyrillic telegram text of about 1 KB ({@link MorseCodec#russian()}) to
 * Morse and back. Two secondary results, per second: {@code textBytes}, the UTF-8 size of the text
 * side (the groups joined by spaces, or the Cyrillic text: 2 bytes a letter), and {@code morseBytes},
 * the size of the Morse side (ASCII dots, dashes, spaces and {@code /}). "MB/s" in the README is
 * {@code textBytes} (the input of encode, the output of decode) unless it says otherwise; Morse is
 * 4-5 times longer than the text, so {@code morseBytes} is the larger figure.
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>Dead code: every method returns what it made.
 *   <li>Constant folding and caching: the inputs cycle through {@value #POOL} different items in
 *       non-final fields (48 radiograms from 16 encipherments on different pad sheets; 16
 *       rotations of the Cyrillic text).
 *   <li>Error paths: the setup checks that every input round-trips (decode of encode gives the
 *       groups, or the text in capitals, back), so no benchmark measures an exception.
 *   <li>The counters are bumped once per call and reset before each iteration.
 *   <li>The codec reads and writes well-formed Morse through flat tables and falls back to its
 *       general (token) path on anything else; these inputs are all well-formed, so the figures
 *       are the table path's. {@code MorseCodecTest} checks that both paths agree.
 *   <li>Bytes/s of text depends on the counting: Cyrillic letters are 2 UTF-8 bytes but one
 *       {@code char}; the work per letter is what it is, so MB/s of the Cyrillic text looks better
 *       than MB/s of Latin text would.
 * </ul>
 */
public class MorseBenchmark extends BenchmarkBase {
  static final int POOL = 16;

  /** A telegram in Russian (capitals, as keyed): letters, figures, full stops and commas. */
  static final String CYRILLIC = "ТОВАРИЩУ ФИЛИППОВУ. ВАША ТЕЛЕГРАММА ОТ 10 ЯНВАРЯ ПОЛУЧЕНА. "
      + "МЫ ПОЛНОСТЬЮ СОГЛАСНЫ С ВАШИМ МНЕНИЕМ О ПЕРЕГОВОРАХ, НО СЧИТАЕМ НУЖНЫМ ОТВЕТИТЬ "
      + "НАНКИНУ ТАК, ЧТОБЫ ВСЯ ОТВЕТСТВЕННОСТЬ ЗА ВОЙНУ ЛЕГЛА НА ГОМИНЬДАН. НАШ ОТВЕТ БУДЕТ "
      + "ОПУБЛИКОВАН 14 ЯНВАРЯ. ПРОСИМ СООБЩИТЬ ВАШЕ МНЕНИЕ ДО ЭТОГО СРОКА. ВОЙСКА НА СЕВЕРЕ "
      + "ГОТОВЫ К НАСТУПЛЕНИЮ, ТЯНЬЦЗИНЬ БУДЕТ ВЗЯТ В БЛИЖАЙШИЕ ДНИ, ПЕКИН ОКРУЖЕН. ПОЛОЖЕНИЕ "
      + "С ПРОДОВОЛЬСТВИЕМ УДОВЛЕТВОРИТЕЛЬНОЕ. ЖДЕМ ВАШЕГО ОТВЕТА. МАО ЦЗЭДУН. 13 ЯНВАРЯ 1949.";

  MorseCodec codec;
  List<String>[] groups;
  String[] groupMorse;
  int[] groupTextBytes;
  int[] groupMorseBytes;
  String[] texts;
  String[] textMorse;
  int[] textBytes;
  int[] textMorseBytes;
  int next;

  /** Bytes of text and of Morse handled; reported per second. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Bytes {
    public long textBytes;
    public long morseBytes;

    @Setup(Level.Iteration)
    public void reset() {
      textBytes = 0;
      morseBytes = 0;
    }
  }

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() throws RadioFormatException {
    codec = MorseCodec.russian();
    PadBook pads = PadGenerator.seededInsecure(1949).generate(POOL * Fixtures.sheetsPerMessage(),
        Fixtures.GROUPS_PER_SHEET);
    List<List<String>> all = new ArrayList<>();
    for (List<Radiogram> message : Fixtures.pool(pads, POOL)) {
      for (Radiogram r : message) {
        all.add(r.groups());
      }
    }
    int n = all.size() / POOL * POOL; // a power-of-two-sized pool: the index is masked
    groups = all.subList(0, n).toArray(new List[0]);
    groupMorse = new String[n];
    groupTextBytes = new int[n];
    groupMorseBytes = new int[n];
    for (int i = 0; i < n; i++) {
      groupMorse[i] = codec.encodeGroups(groups[i]);
      groupTextBytes[i] = String.join(" ", groups[i]).length();
      groupMorseBytes[i] = groupMorse[i].length();
      if (!codec.decodeGroups(groupMorse[i]).equals(groups[i])) {
        throw new IllegalStateException("Morse round trip of groups failed at " + i);
      }
    }
    String[] words = CYRILLIC.split(" ");
    texts = new String[POOL];
    textMorse = new String[POOL];
    textBytes = new int[POOL];
    textMorseBytes = new int[POOL];
    for (int i = 0; i < POOL; i++) {
      String[] rotated = new String[words.length];
      for (int k = 0; k < words.length; k++) {
        rotated[k] = words[(k + i) % words.length];
      }
      texts[i] = String.join(" ", rotated);
      textMorse[i] = codec.encode(texts[i]);
      textBytes[i] = texts[i].getBytes(StandardCharsets.UTF_8).length;
      textMorseBytes[i] = textMorse[i].length();
      if (!codec.decode(textMorse[i]).equals(texts[i])) {
        throw new IllegalStateException("Morse round trip of the text failed: "
            + codec.decode(textMorse[i]) + " vs " + texts[i] + Arrays.toString(rotated));
      }
    }
    if (groups.length != 48 || 48 % POOL != 0) {
      throw new IllegalStateException("expected 48 radiograms, got " + groups.length);
    }
  }

  private int nextGroups() {
    int i = next++;
    if (next == groups.length) {
      next = 0;
    }
    return i;
  }

  @Benchmark
  public String encodeGroups(Bytes counter) throws RadioFormatException {
    int i = nextGroups();
    counter.textBytes += groupTextBytes[i];
    counter.morseBytes += groupMorseBytes[i];
    return codec.encodeGroups(groups[i]);
  }

  @Benchmark
  public List<String> decodeGroups(Bytes counter) throws RadioFormatException {
    int i = nextGroups();
    counter.textBytes += groupTextBytes[i];
    counter.morseBytes += groupMorseBytes[i];
    return codec.decodeGroups(groupMorse[i]);
  }

  @Benchmark
  public String encodeText(Bytes counter) throws RadioFormatException {
    int i = next++ & (POOL - 1);
    counter.textBytes += textBytes[i];
    counter.morseBytes += textMorseBytes[i];
    return codec.encode(texts[i]);
  }

  @Benchmark
  public String decodeText(Bytes counter) throws RadioFormatException {
    int i = next++ & (POOL - 1);
    counter.textBytes += textBytes[i];
    counter.morseBytes += textMorseBytes[i];
    return codec.decode(textMorse[i]);
  }
}
