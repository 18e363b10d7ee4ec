package org.shifrovka.sim.codec;

import java.nio.charset.StandardCharsets;

/** Sample frames for tests. */
public final class Frames {
  private Frames() {}

  /** Returns a cipher radiogram frame with {@code groups} groups of digits. */
  public static Frame radiogram(long id, int attempt, long sentAt, int serial, int groups) {
    byte[] g = new byte[groups * 5];
    for (int i = 0; i < g.length; i++) {
      g[i] = (byte) ('0' + (i * 7 + serial) % 10);
    }
    return Frame.radiogram(id, attempt, sentAt, "TEREBIN", serial, header(serial, groups), g);
  }

  /** Returns a header. */
  public static RadiogramHeader header(int serial, int groups) {
    return new RadiogramHeader("FILIPPOV", "TEREBIN/" + serial, false, serial, groups, 13,
        16 * 60 + 40, 1, 0);
  }

  /** Returns one frame of every kind. */
  public static Frame[] everyKind() {
    return new Frame[] {
        radiogram(1, 1, 1_000, 15, 12),
        Frame.receipt(2, 1, 2_000, "TEREBIN", 15, 50450),
        Frame.repeatRequest(3, 2, 3_000, "TEREBIN", 15, new int[] {1, 7, 12}),
        Frame.repeatedGroups(4, 3, 4_000, "TEREBIN", 15, new int[] {7, 12},
            "1234598765".getBytes(StandardCharsets.US_ASCII)),
        Frame.service(5, 5_000, "KUZNETSOV", "ЩСА ? К"),
    };
  }
}
