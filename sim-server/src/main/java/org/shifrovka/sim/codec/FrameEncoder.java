package org.shifrovka.sim.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes a {@link Frame} into one length-prefixed buffer of the {@link WireFormat}. Stateless and
 * {@link Sharable}.
 */
@Sharable
public final class FrameEncoder extends MessageToByteEncoder<Frame> {
  /** The shared instance. */
  public static final FrameEncoder INSTANCE = new FrameEncoder();

  private FrameEncoder() {
    super(Frame.class);
  }

  @Override
  protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, Frame msg, boolean preferDirect) {
    int bound = sizeBound(msg);
    return ctx.alloc().ioBuffer(bound <= WireFormat.MAX_FRAME ? bound : size(msg));
  }

  /** Returns the encoded size of a frame, length field included. */
  public static int size(Frame f) {
    int n = WireFormat.OFF_ORIGIN + 1 + f.originLength();
    switch (f.kind()) {
      case RADIOGRAM:
        RadiogramHeader h = f.header();
        return n + 2 + WireFormat.utf8Length(h.addressee())
            + WireFormat.utf8Length(h.reference()) + RADIOGRAM_FIXED + f.groupsUnsafe().length;
      default:
        return n + body(f);
    }
  }

  /**
   * Returns at least the encoded size, without a pass over the header's names: three bytes for
   * each of their characters, the most UTF-8 needs per {@code char}. It over-counts only names
   * (at most 2 x 32 characters), so it sizes the buffer and decides whether the exact size is
   * needed at all.
   */
  static int sizeBound(Frame f) {
    int n = WireFormat.OFF_ORIGIN + 1 + f.originLength();
    if (f.kind() == FrameKind.RADIOGRAM) {
      RadiogramHeader h = f.header();
      return n + 2 + 3 * (h.addressee().length() + h.reference().length()) + RADIOGRAM_FIXED
          + f.groupsUnsafe().length;
    }
    return n + body(f);
  }

  /** The radiogram body besides its two names and its groups. */
  private static final int RADIOGRAM_FIXED = 1 + 4 + 2 + 1 + 2 + 1 + 8 + 2;

  /** Returns the size of the body of a frame other than a radiogram. */
  private static int body(Frame f) {
    switch (f.kind()) {
      case RECEIPT:
        return 4;
      case REPEAT_REQUEST:
        return 2 + 2 * f.indexesUnsafe().length;
      case REPEATED_GROUPS:
        return 2 + 7 * f.indexesUnsafe().length;
      default:
        return 2 + WireFormat.utf8Length(f.text());
    }
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Frame f, ByteBuf out) {
    encode(f, out);
  }

  /** Writes a frame to {@code out}. */
  public static void encode(Frame f, ByteBuf out) {
    if (sizeBound(f) > WireFormat.MAX_FRAME) {
      int size = size(f);
      if (size > WireFormat.MAX_FRAME) {
        throw new EncoderException(f + " needs " + size + " bytes, more than the maximum frame of "
            + WireFormat.MAX_FRAME);
      }
    }
    int start = out.writerIndex();
    out.writeInt(0); // the length, set below once the names are written
    out.writeByte(WireFormat.VERSION);
    out.writeByte(f.kind().code());
    out.writeByte(f.copy());
    out.writeByte(f.attempt());
    out.writeLong(f.frameId());
    out.writeLong(f.sentAt());
    out.writeLong(f.arrivesAt());
    out.writeInt(f.serial());
    name(out, f.origin());
    switch (f.kind()) {
      case RADIOGRAM: {
        RadiogramHeader h = f.header();
        name(out, h.addressee());
        name(out, h.reference());
        out.writeByte(h.clear() ? 1 : 0);
        out.writeInt(h.number());
        out.writeShort(h.declaredGroups());
        out.writeByte(h.day());
        out.writeShort(h.minuteOfDay());
        out.writeByte(h.precedence());
        out.writeLong(h.filedAt());
        byte[] g = f.groupsUnsafe();
        out.writeShort(g.length / WireFormat.GROUP);
        out.writeBytes(g);
        break;
      }
      case RECEIPT:
        out.writeInt(f.registryNumber());
        break;
      case REPEAT_REQUEST: {
        int[] ix = f.indexesUnsafe();
        out.writeShort(ix.length);
        for (int i : ix) {
          out.writeShort(i);
        }
        break;
      }
      case REPEATED_GROUPS: {
        int[] ix = f.indexesUnsafe();
        byte[] g = f.groupsUnsafe();
        out.writeShort(ix.length);
        for (int i = 0; i < ix.length; i++) {
          out.writeShort(ix[i]);
          out.writeBytes(g, i * WireFormat.GROUP, WireFormat.GROUP);
        }
        break;
      }
      default: {
        byte[] t = f.text().getBytes(StandardCharsets.UTF_8);
        out.writeShort(t.length);
        out.writeBytes(t);
      }
    }
    out.setInt(start, out.writerIndex() - start - WireFormat.LENGTH);
  }

  private static void name(ByteBuf out, String s) {
    int at = out.writerIndex();
    out.writeByte(0);
    int n = out.writeCharSequence(s, StandardCharsets.UTF_8);
    out.setByte(at, n);
  }
}
