package org.shifrovka.sim.codec;

/** The kinds of frame on the wire; the code is the byte at offset 5 of a frame. */
public enum FrameKind {
  /** A radiogram: transport header and groups (cipher digits or clear text). */
  RADIOGRAM(1),
  /** A receipt by number ("R 149"): the telegram arrived complete. */
  RECEIPT(2),
  /** A request to repeat groups, by 1-based group index. */
  REPEAT_REQUEST(3),
  /** Groups sent again in answer to a repeat request. */
  REPEATED_GROUPS(4),
  /** A service message between operators (free text). */
  SERVICE(5);

  private static final FrameKind[] BY_CODE = {null, RADIOGRAM, RECEIPT, REPEAT_REQUEST,
      REPEATED_GROUPS, SERVICE};

  private final int code;

  FrameKind(int code) {
    this.code = code;
  }

  /** Returns the wire code. */
  public int code() {
    return code;
  }

  /** Returns the kind with this wire code, or null. */
  public static FrameKind ofCode(int code) {
    return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
