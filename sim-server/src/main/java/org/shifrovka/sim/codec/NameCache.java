package org.shifrovka.sim.codec;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The strings of recently decoded names (cover names of origins and addressees), so a frame from
 * a known station does not decode and allocate its names again. A small direct-mapped table keyed
 * by the name's bytes: a hit returns the same {@code String} the bytes decoded to before, a miss
 * decodes as {@link ByteBuf#readCharSequence} would (malformed UTF-8 becomes U+FFFD) and replaces
 * the slot. Only names that recur belong here, not per-telegram references.
 *
 * <p>Thread-safe without locks: entries are immutable and published whole (final fields), so a
 * racing reader sees either the old or the new entry of a slot, and both are correct.
 */
final class NameCache {
  private static final int SLOTS = 64;

  private final Entry[] slots = new Entry[SLOTS];

  /** A name and its bytes; a record's fields are final, hence safely published. */
  private record Entry(byte[] bytes, String name) {}

  /** Reads {@code n} bytes of {@code in} as a UTF-8 name. */
  String read(ByteBuf in, int n) {
    int at = in.readerIndex();
    int h = n;
    for (int i = 0; i < n; i++) {
      h = 31 * h + in.getByte(at + i);
    }
    int slot = (h ^ (h >>> 7)) & (SLOTS - 1);
    Entry e = slots[slot];
    if (e != null && same(in, at, n, e.bytes())) {
      in.skipBytes(n);
      return e.name();
    }
    byte[] b = new byte[n];
    in.readBytes(b);
    String name = new String(b, StandardCharsets.UTF_8);
    slots[slot] = new Entry(b, name);
    return name;
  }

  private static boolean same(ByteBuf in, int at, int n, byte[] b) {
    if (b.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (in.getByte(at + i) != b[i]) {
        return false;
      }
    }
    return true;
  }
}
