package org.shifrovka.sim.classroom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.shifrovka.radio.KeyingSpeed;
import org.shifrovka.radio.ToneKeyer;

/**
 * The Morse of each session's walkthrough as sound, keyed by the library's {@link ToneKeyer}: a
 * session files the lines of its radiogram's Morse under a token no other tab can guess, and the
 * page fetches {@code /morse/TOKEN/N.wav}, one line at a time. A session's lines go when it ends.
 *
 * <h2>Thread safety</h2>
 *
 * Safe for use from every thread.
 */
final class MorseAudio {
  static final String PREFIX = "/morse/";
  /** The longest line keyed, in written Morse characters (about 3 minutes at 20 WPM). */
  static final int MAX_LINE = 4096;

  private record Lines(List<String> morse, int wpm) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Lines> files = new ConcurrentHashMap<>();

  /** Returns a new token for a session. */
  String token() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Files a session's Morse lines, replacing the lines of its earlier run. */
  void file(String token, List<String> morse, int wpm) {
    files.put(token, new Lines(List.copyOf(morse), wpm));
  }

  /** Forgets a session's lines. */
  void remove(String token) {
    files.remove(token);
  }

  /**
   * Returns the WAV of one line, or empty for an unknown token or line.
   *
   * @param path the request path, {@code /morse/TOKEN/N.wav}
   */
  Optional<byte[]> wav(String path) throws IOException {
    String[] p = path.substring(PREFIX.length()).split("/", -1);
    if (p.length != 2 || !p[1].matches("[0-9]{1,4}\\.wav")) {
      return Optional.empty();
    }
    Lines lines = files.get(p[0]);
    int n = Integer.parseInt(p[1].substring(0, p[1].length() - 4));
    if (lines == null || n >= lines.morse().size() || lines.morse().get(n).length() > MAX_LINE) {
      return Optional.empty();
    }
    Path wav = Files.createTempFile("shifrovka-morse", ".wav");
    try {
      ToneKeyer.builder().speed(KeyingSpeed.ofWpm(lines.wpm())).build()
          .write(lines.morse().get(n), wav);
      return Optional.of(Files.readAllBytes(wav));
    } finally {
      Files.deleteIfExists(wav);
    }
  }
}
