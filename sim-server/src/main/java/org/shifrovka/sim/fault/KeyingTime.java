package org.shifrovka.sim.fault;

import io.netty.buffer.ByteBuf;
import org.shifrovka.radio.KeyingSpeed;
import org.shifrovka.sim.codec.FrameKind;
import org.shifrovka.sim.codec.WireFormat;

/**
 * How long a frame occupies a link keyed in Morse at a given speed, with standard timing (dot 1
 * unit, dash 3, gaps 1 / 3 / 7; the unit is 1.2 s / WPM, from PARIS).
 *
 * <p>Digits are timed exactly (international digits are five elements: {@code 1 = .----}); a
 * 5-digit group with its word gap averages 89 units, so 20 WPM gives about 11 groups a minute
 * (reference 4.3). Clear text is timed at 10 units per byte plus the character gap. The operator's
 * header, receipt and repeat request procedure cost {@link #PROCEDURE_UNITS} and 89 units per group
 * index named.
 */
public final class KeyingTime {
  /** Units of the clear procedure around every frame (call, header or "R nnn", ending). */
  public static final int PROCEDURE_UNITS = 4 * 89;

  private static final int[] DIGIT_UNITS = new int[256];

  static {
    java.util.Arrays.fill(DIGIT_UNITS, 10);
    int[] dashes = {5, 4, 3, 2, 1, 0, 1, 2, 3, 4};
    for (int d = 0; d < 10; d++) {
      DIGIT_UNITS['0' + d] = 5 + 2 * dashes[d] + 4;
    }
    DIGIT_UNITS[WireFormat.UNREADABLE] = 14;
  }

  private KeyingTime() {}

  /** Returns the Morse units that key an encoded frame. */
  public static long units(ByteBuf f) {
    FrameKind kind = WireFormat.kind(f);
    long units = PROCEDURE_UNITS;
    long region = WireFormat.groupRegion(f);
    if (region != 0) {
      int off = f.readerIndex() + (int) (region >>> 32);
      int count = (int) region;
      int stride = WireFormat.groupStride(kind);
      for (int g = 0; g < count; g++) {
        int p = off + g * stride;
        for (int i = 0; i < WireFormat.GROUP; i++) {
          units += DIGIT_UNITS[f.getUnsignedByte(p + i)] + (i < WireFormat.GROUP - 1 ? 3 : 7);
        }
        if (kind == FrameKind.REPEATED_GROUPS) {
          units += 89;
        }
      }
    } else if (kind == FrameKind.REPEAT_REQUEST) {
      units += 89L * f.getUnsignedShort(f.readerIndex() + WireFormat.bodyOffset(f));
    }
    return units;
  }

  /** Returns the Morse units that key a frame; equal to {@link #units(ByteBuf)} of its encoding. */
  public static long units(org.shifrovka.sim.codec.Frame f) {
    long units = PROCEDURE_UNITS;
    switch (f.kind()) {
      case RADIOGRAM:
      case REPEATED_GROUPS: {
        int n = f.groupBytes();
        for (int i = 0; i < n; i++) {
          units += DIGIT_UNITS[f.groupByte(i) & 0xFF]
              + (i % WireFormat.GROUP < WireFormat.GROUP - 1 ? 3 : 7);
        }
        if (f.kind() == FrameKind.REPEATED_GROUPS) {
          units += 89L * f.groupCount();
        }
        return units;
      }
      case REPEAT_REQUEST:
        return units + 89L * f.indexes().length;
      default:
        return units;
    }
  }

  /** Returns the keying time of a frame at {@code wpm}; 0 if {@code wpm} is 0. */
  public static long nanos(org.shifrovka.sim.codec.Frame f, int wpm) {
    return wpm == 0 ? 0 : units(f) * unitNanos(wpm);
  }

  /**
   * Returns the duration of one unit at {@code wpm} words per minute, in nanoseconds (the radio
   * layer's PARIS timing, {@link KeyingSpeed#unit()}).
   */
  public static long unitNanos(int wpm) {
    return KeyingSpeed.ofWpm(wpm).unit().toNanos();
  }

  /** Returns the keying time of a frame at {@code wpm}; 0 if {@code wpm} is 0 (instant link). */
  public static long nanos(ByteBuf f, int wpm) {
    return wpm == 0 ? 0 : units(f) * unitNanos(wpm);
  }
}
