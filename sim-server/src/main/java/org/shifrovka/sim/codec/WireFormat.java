package org.shifrovka.sim.codec;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The relay protocol's wire format, version 1: length-prefixed frames, big-endian, at most
 * {@link #MAX_FRAME} bytes including the length field.
 *
 * <pre>
 *  0       4   5   6   7   8               16              24              32      36  37
 *  +-------+---+---+---+---+---------------+---------------+---------------+-------+---+--------+------+
 *  |length |ver|knd|cpy|att|   frame id    |   sent at     |  arrives at   |serial | n | origin | body |
 *  |  u32  |u8 |u8 |u8 |u8 |     i64       | i64 (sim ns)  | i64 (sim ns)  |  i32  |u8 | n bytes|      |
 *  +-------+---+---+---+---+---------------+---------------+---------------+-------+---+--------+------+
 *  length = bytes after the length field; ver = 1; knd = {@link FrameKind#code()};
 *  cpy = 0, or k for the k-th duplicate made by the link; att = the sender's attempt, 1-255;
 *  origin = the telegram's sender on this hop (UTF-8 cover name, 1-32 bytes).
 *
 *  body of RADIOGRAM (1):
 *  +---+------+---+-----+-----+------+-----+---+------+---+-----------+------+-----------------+
 *  | a | addr | r | ref |flags|number|decl |day|minute|pre| filed at  |count | count x 5 bytes |
 *  |u8 |a byte|u8 |r b. | u8  | i32  | u16 |u8 | u16  |u8 | i64 sim ns| u16  |     groups      |
 *  +---+------+---+-----+-----+------+-----+---+------+---+-----------+------+-----------------+
 *  flags bit 0: clear text (groups are UTF-8, the last padded with spaces); else cipher digits.
 *
 *  body of RECEIPT (2):          | registry number i32 |
 *  body of REPEAT_REQUEST (3):   | count u16 | count x group index u16 (1-based) |
 *  body of REPEATED_GROUPS (4):  | count u16 | count x ( index u16 | group 5 bytes ) |
 *  body of SERVICE (5):          | length u16 | UTF-8 text |
 * </pre>
 *
 * <p>A symbol the receiving operator could not read is the byte {@link #UNREADABLE} ({@code ?}),
 * in cipher and clear groups alike (canonical telegraphese has no {@code ?}: it writes QUERY).
 *
 * <p>A frame whose length is negative, below the fixed header or above {@link #MAX_FRAME}, whose
 * version or kind is unknown, or whose body does not fill its length exactly, is malformed: the
 * decoder throws and the station closes that connection only.
 */
public final class WireFormat {
  /** The protocol version this code speaks. */
  public static final int VERSION = 1;
  /** The largest frame, length field included. */
  public static final int MAX_FRAME = 16 * 1024;
  /** Bytes per group. */
  public static final int GROUP = 5;
  /** The largest group index and group count. */
  public static final int MAX_INDEX = 3000;
  /** The longest cover name or reference, in bytes. */
  public static final int MAX_NAME = 32;
  /** The byte of an unreadable symbol. */
  public static final byte UNREADABLE = '?';

  static final int LENGTH = 4;
  static final int OFF_VERSION = 4;
  static final int OFF_KIND = 5;
  static final int OFF_COPY = 6;
  static final int OFF_ATTEMPT = 7;
  static final int OFF_FRAME_ID = 8;
  static final int OFF_SENT_AT = 16;
  static final int OFF_ARRIVES_AT = 24;
  static final int OFF_SERIAL = 32;
  static final int OFF_ORIGIN = 36;
  /** The smallest frame: fixed header, a one-byte origin, an empty service text. */
  static final int MIN_FRAME = OFF_ORIGIN + 2 + 2;

  private WireFormat() {}

  /** Returns a decoder that splits the stream into whole frames of at most {@link #MAX_FRAME}. */
  public static LengthFieldBasedFrameDecoder newFramer() {
    return newFramer(MAX_FRAME);
  }

  /**
   * Returns a decoder that splits the stream into whole frames of at most {@code maxFrame} bytes
   * (at most {@link #MAX_FRAME}); a longer frame fails with a {@code TooLongFrameException} as soon
   * as its length field is read.
   */
  public static LengthFieldBasedFrameDecoder newFramer(int maxFrame) {
    if (maxFrame < MIN_FRAME || maxFrame > MAX_FRAME) {
      throw new IllegalArgumentException("maxFrame must be " + MIN_FRAME + "-" + MAX_FRAME
          + ", got " + maxFrame);
    }
    return new LengthFieldBasedFrameDecoder(maxFrame, 0, LENGTH, 0, 0, true);
  }

  /**
   * Returns the number of bytes {@code s} takes in UTF-8 as {@link String#getBytes} and Netty's
   * {@code writeCharSequence} encode it (an unpaired surrogate becomes one {@code ?}), without
   * encoding it.
   */
  static int utf8Length(CharSequence s) {
    int n = 0;
    int len = s.length();
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (!Character.isSurrogate(c)) {
        n += 3;
      } else if (Character.isHighSurrogate(c) && i + 1 < len
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n++;
      }
    }
    return n;
  }

  /** Returns the kind of the encoded frame {@code f} (reader index at its start), or null. */
  public static FrameKind kind(ByteBuf f) {
    return FrameKind.ofCode(f.getUnsignedByte(f.readerIndex() + OFF_KIND));
  }

  /** Returns the frame id of an encoded frame. */
  public static long frameId(ByteBuf f) {
    return f.getLong(f.readerIndex() + OFF_FRAME_ID);
  }

  /** Returns the attempt of an encoded frame. */
  public static int attempt(ByteBuf f) {
    return f.getUnsignedByte(f.readerIndex() + OFF_ATTEMPT);
  }

  /** Returns the simulated send time of an encoded frame. */
  public static long sentAt(ByteBuf f) {
    return f.getLong(f.readerIndex() + OFF_SENT_AT);
  }

  /** Returns the serial of an encoded frame. */
  public static int serial(ByteBuf f) {
    return f.getInt(f.readerIndex() + OFF_SERIAL);
  }

  /** Returns a 32-bit hash of the origin bytes of an encoded frame (FNV-1a). */
  public static int originHash(ByteBuf f) {
    int base = f.readerIndex();
    int n = f.getUnsignedByte(base + OFF_ORIGIN);
    int h = 0x811c9dc5;
    for (int i = 0; i < n; i++) {
      h = (h ^ f.getByte(base + OFF_ORIGIN + 1 + i)) * 0x01000193;
    }
    return h;
  }

  /** Returns true if an encoded frame is a radiogram in clear text. */
  public static boolean isClear(ByteBuf f) {
    if (kind(f) != FrameKind.RADIOGRAM) {
      return false;
    }
    int p = f.readerIndex() + bodyOffset(f);
    p += 1 + f.getUnsignedByte(p);
    p += 1 + f.getUnsignedByte(p);
    return (f.getUnsignedByte(p) & 1) != 0;
  }

  /** Returns the offset of the body from the frame's start. */
  public static int bodyOffset(ByteBuf f) {
    return OFF_ORIGIN + 1 + f.getUnsignedByte(f.readerIndex() + OFF_ORIGIN);
  }

  /** Stamps the arrival time and copy number into an encoded frame in place. */
  public static void stamp(ByteBuf f, long arrivesAt, int copy) {
    f.setLong(f.readerIndex() + OFF_ARRIVES_AT, arrivesAt);
    f.setByte(f.readerIndex() + OFF_COPY, copy);
  }

  /**
   * Returns where the garbleable symbols of an encoded frame lie, as {@code offset << 32 | count}
   * groups with {@code stride} given by {@link #groupStride}; 0 if the frame has none.
   */
  public static long groupRegion(ByteBuf f) {
    int base = f.readerIndex();
    FrameKind k = kind(f);
    int body = base + OFF_ORIGIN + 1 + f.getUnsignedByte(base + OFF_ORIGIN);
    if (k == FrameKind.RADIOGRAM) {
      int p = body;
      p += 1 + f.getUnsignedByte(p);
      p += 1 + f.getUnsignedByte(p);
      p += 1 + 4 + 2 + 1 + 2 + 1 + 8;
      int count = f.getUnsignedShort(p);
      return ((long) (p + 2 - base) << 32) | count;
    } else if (k == FrameKind.REPEATED_GROUPS) {
      int count = f.getUnsignedShort(body);
      return ((long) (body + 2 + 2 - base) << 32) | count;
    }
    return 0;
  }

  /** Returns the distance between groups in the region of {@link #groupRegion}. */
  public static int groupStride(FrameKind kind) {
    return kind == FrameKind.REPEATED_GROUPS ? GROUP + 2 : GROUP;
  }


  /**
   * Returns the pad indicator of a radiogram's groups (ASCII, five bytes a group): its first group
   * read as a number, or -1 if it is garbled or missing (a garbled indicator names no sheet, so it
   * raises no alarm).
   *
   * @param groups the groups as they travel
   * @return the indicator, 0-99999, or -1
   */
  public static int indicator(byte[] groups) {
    if (groups.length < GROUP) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < GROUP; i++) {
      int d = groups[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
