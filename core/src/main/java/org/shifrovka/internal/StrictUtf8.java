package org.shifrovka.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.shifrovka.MalformedInputException;

/** Strict UTF-8 decoding of the project's text files, with the position of the first bad byte. */
public final class StrictUtf8 {
  private StrictUtf8() {}

  /**
   * Decodes strict UTF-8, dropping a leading byte order mark.
   *
   * @param source the file name for error messages
   * @throws MalformedInputException at the line and column of the first byte that is not UTF-8
   */
  public static String decode(byte[] bytes, String source) throws MalformedInputException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int bad = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new MalformedInputException(source, line, bad - lineStart + 1,
          "not valid UTF-8 (byte " + String.format(Locale.ROOT, "0x%02X", bytes[bad] & 0xFF)
          + "); shifrovka reads UTF-8 text only");
    }
    out.flip();
    String s = out.toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
