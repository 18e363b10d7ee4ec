package org.shifrovka.sim.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes one whole frame (as cut by {@link WireFormat#newFramer()}) into a {@link Frame}, checking
 * every field; throws {@link BadFrameException} for anything malformed. Stateless and
 * {@link Sharable}; the input buffer is released by the superclass.
 */
@Sharable
public final class FrameDecoder extends MessageToMessageDecoder<ByteBuf> {
  /** The shared instance. */
  public static final FrameDecoder INSTANCE = new FrameDecoder();

  /** Origins and addressees recur from frame to frame; references do not. */
  private static final NameCache NAMES = new NameCache();

  private FrameDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    out.add(decode(in));
  }

  /** Decodes a whole frame, length field included; reads it to the end. */
  public static Frame decode(ByteBuf in) {
    int total = in.readableBytes();
    if (total < WireFormat.MIN_FRAME) {
      throw new BadFrameException("frame of " + total + " bytes is shorter than the header");
    }
    int length = in.readInt();
    if (length != total - WireFormat.LENGTH) {
      throw new BadFrameException("length field says " + length + " bytes, frame has "
          + (total - WireFormat.LENGTH));
    }
    int version = in.readUnsignedByte();
    if (version != WireFormat.VERSION) {
      throw new BadFrameException("unsupported protocol version " + version);
    }
    int code = in.readUnsignedByte();
    FrameKind kind = FrameKind.ofCode(code);
    if (kind == null) {
      throw new BadFrameException("unknown frame kind " + code);
    }
    int copy = in.readUnsignedByte();
    int attempt = in.readUnsignedByte();
    long frameId = in.readLong();
    long sentAt = in.readLong();
    long arrivesAt = in.readLong();
    int serial = in.readInt();
    String origin = NAMES.read(in, nameLength(in, "origin"));
    try {
      Frame f;
      switch (kind) {
        case RADIOGRAM: {
          String addressee = NAMES.read(in, nameLength(in, "addressee"));
          String reference = in.readCharSequence(nameLength(in, "reference"),
              StandardCharsets.UTF_8).toString();
          need(in, 1 + 4 + 2 + 1 + 2 + 1 + 8 + 2, "radiogram header");
          int flags = in.readUnsignedByte();
          RadiogramHeader h = new RadiogramHeader(addressee, reference, (flags & 1) != 0,
              in.readInt(), in.readUnsignedShort(), in.readUnsignedByte(), in.readUnsignedShort(),
              in.readUnsignedByte(), in.readLong());
          int count = in.readUnsignedShort();
          need(in, count * WireFormat.GROUP, count + " groups");
          byte[] g = new byte[count * WireFormat.GROUP];
          in.readBytes(g);
          f = Frame.decoded(kind, copy, attempt, frameId, sentAt, arrivesAt, serial, origin, 0, h,
              null, g, null);
          break;
        }
        case RECEIPT:
          need(in, 4, "registry number");
          f = Frame.decoded(kind, copy, attempt, frameId, sentAt, arrivesAt, serial, origin,
              in.readInt(), null, null, null, null);
          break;
        case REPEAT_REQUEST: {
          need(in, 2, "index count");
          int count = in.readUnsignedShort();
          need(in, 2 * count, count + " indexes");
          int[] ix = new int[count];
          for (int i = 0; i < count; i++) {
            ix[i] = index(in.readUnsignedShort());
          }
          f = Frame.decoded(kind, copy, attempt, frameId, sentAt, arrivesAt, serial, origin, 0,
              null, ix, null, null);
          break;
        }
        case REPEATED_GROUPS: {
          need(in, 2, "group count");
          int count = in.readUnsignedShort();
          need(in, 7 * count, count + " repeated groups");
          int[] ix = new int[count];
          byte[] g = new byte[count * WireFormat.GROUP];
          for (int i = 0; i < count; i++) {
            ix[i] = index(in.readUnsignedShort());
            in.readBytes(g, i * WireFormat.GROUP, WireFormat.GROUP);
          }
          f = Frame.decoded(kind, copy, attempt, frameId, sentAt, arrivesAt, serial, origin, 0,
              null, ix, g, null);
          break;
        }
        default: {
          need(in, 2, "text length");
          int n = in.readUnsignedShort();
          need(in, n, "text of " + n + " bytes");
          String text = in.readCharSequence(n, StandardCharsets.UTF_8).toString();
          f = Frame.decoded(kind, copy, attempt, frameId, sentAt, arrivesAt, serial, origin, 0,
              null, null, null, text);
        }
      }
      if (in.isReadable()) {
        throw new BadFrameException(kind + " frame has " + in.readableBytes()
            + " bytes after its body");
      }
      return f;
    } catch (IllegalArgumentException e) {
      throw new BadFrameException("bad " + kind + " frame: " + e.getMessage());
    }
  }

  private static int index(int i) {
    if (i < 1 || i > WireFormat.MAX_INDEX) {
      throw new BadFrameException("group index " + i + " out of range 1-" + WireFormat.MAX_INDEX);
    }
    return i;
  }

  private static void need(ByteBuf in, int n, String what) {
    if (in.readableBytes() < n) {
      throw new BadFrameException("frame ends inside the " + what + " (" + in.readableBytes()
          + " of " + n + " bytes)");
    }
  }

  /** Reads a name's length byte and checks that the name follows; the name is not read. */
  private static int nameLength(ByteBuf in, String what) {
    need(in, 1, what + " length");
    int n = in.readUnsignedByte();
    if (n < 1 || n > WireFormat.MAX_NAME) {
      throw new BadFrameException(what + " length " + n + " out of range 1-"
          + WireFormat.MAX_NAME);
    }
    need(in, n, what);
    return n;
  }
}
