package org.shifrovka.sim.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.sim.LeakCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(LeakCheck.class)
class FrameCodecTest {

  static Frame[] frames() {
    return Frames.everyKind();
  }

  private static EmbeddedChannel decoder() {
    return new EmbeddedChannel(WireFormat.newFramer(), FrameDecoder.INSTANCE);
  }

  private static ByteBuf encode(Frame f) {
    EmbeddedChannel enc = new EmbeddedChannel(FrameEncoder.INSTANCE);
    enc.writeOutbound(f);
    ByteBuf b = enc.readOutbound();
    assertThat(enc.finish()).isFalse();
    return b;
  }

  @ParameterizedTest
  @MethodSource("frames")
  void encodeThenDecode_everyKind_givesTheSameFrame(Frame f) {
    ByteBuf b = encode(f);
    assertThat(b.readableBytes()).isEqualTo(FrameEncoder.size(f));
    EmbeddedChannel ch = decoder();
    assertThat(ch.writeInbound(b)).isTrue();
    Frame back = ch.readInbound();
    assertThat(back).isEqualTo(f);
    assertThat(ch.finish()).isFalse();
  }

  /**
   * The bytes of these frames as the encoder wrote them before the encoder sized its buffer from a
   * bound and the decoder cached names (commit "codec: names of origins ..."): the wire format
   * must not change.
   */
  @Test
  void encode_goldenFrames_byteIdenticalToTheFormerEncoderAndDecodeBack() {
    byte[] g = "0123456789012345678901234".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Frame[] frames = {
      Frame.radiogram(42, 2, 123456789L, "TEREBIN", 15, new RadiogramHeader("FILIPPOV",
          "TEREBIN/15", false, 15, 5, 12, 1000, 1, 987654321L), g),
      Frame.radiogram(7, 1, 5L, "КУЗНЕЦОВ", 99999, new RadiogramHeader("ФИЛИППОВ", "Т/1", true, 0,
          5, 31, 0, 255, 0L), g),
      Frame.receipt(43, 1, 200L, "KUZNETSOV", 15, 50450),
      Frame.repeatRequest(44, 3, 300L, "KUZNETSOV", 15, new int[] {1, 2, 3000}),
      Frame.repeatedGroups(45, 1, 400L, "TEREBIN", 15, new int[] {2, 5},
          "1234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
      Frame.service(46, 500L, "FILIPPOV", "heartbeat ёж"),
    };
    String[] golden = {
      "0000006a01010002000000000000002a00000000075bcd1500000000075bcd150000000f07544552"
          + "4542494e0846494c4950504f560a5445524542494e2f3135000000000f00050c03e801000000003a"
          + "de68b1000530313233343536373839303132333435363738393031323334",
      "00000075010100010000000000000007000000000000000500000000000000050001869f10d09ad0"
          + "a3d097d09dd095d0a6d09ed09210d0a4d098d09bd098d09fd09fd09ed09204d0a22f310100000000"
          + "00051f0000ff00000000000000000005303132333435363738393031323334353637383930313233"
          + "34",
      "0000002e01020001000000000000002b00000000000000c800000000000000c80000000f094b555a"
          + "4e4554534f560000c512",
      "0000003201030003000000000000002c000000000000012c000000000000012c0000000f094b555a"
          + "4e4554534f560003000100020bb8",
      "0000003801040001000000000000002d000000000000019000000000000001900000000f07544552"
          + "4542494e00020002313233343500053637383930",
      "0000003901050001000000000000002e00000000000001f400000000000001f4000000000846494c"
          + "4950504f56000e68656172746265617420d191d0b6"
    };
    for (int i = 0; i < frames.length; i++) {
      ByteBuf b = encode(frames[i]);
      assertThat(ByteBufUtil.hexDump(b)).as("frame %d", i).isEqualTo(golden[i]);
      EmbeddedChannel ch = decoder();
      assertThat(ch.writeInbound(b)).isTrue();
      Frame back = ch.readInbound();
      assertThat(back).isEqualTo(frames[i]);
      assertThat(ch.finish()).isFalse();
    }
  }

  @Test
  void withHop_sharesTheGroupsAndEncodesAsANewRadiogram() {
    Frame f = Frames.radiogram(9, 1, 0, 15, 40);
    Frame relayed = f.withHop(77, 2, 500, "KUZNETSOV", 31);
    Frame copied = Frame.radiogram(77, 2, 500, "KUZNETSOV", 31, f.header(), f.groups());
    assertThat(relayed).isEqualTo(copied);
    assertThat(relayed.groupsUnsafe()).isSameAs(f.groupsUnsafe());
    ByteBuf a = encode(relayed);
    ByteBuf b = encode(copied);
    assertThat(ByteBufUtil.equals(a, b)).isTrue();
    a.release();
    b.release();
    assertThatThrownBy(() -> Frame.receipt(1, 1, 0, "TEREBIN", 15, 50450)
        .withHop(2, 1, 0, "KUZNETSOV", 15)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void decode_namesOfManyStations_eachFrameKeepsItsOwnNames() {
    // more names than the decoder's name cache has slots, non-ASCII among them, in two rounds
    EmbeddedChannel ch = decoder();
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 200; i++) {
        String origin = (i % 3 == 0 ? "СТАНЦИЯ" : "STATION") + i;
        Frame f = Frame.radiogram(i + 1, 1, 0, origin, 15, new RadiogramHeader("ADDR" + i % 7,
            origin + "/15", false, 15, 1, 12, 600, 0, 0), "12345".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        ByteBuf b = encode(f);
        assertThat(b.readableBytes()).isEqualTo(FrameEncoder.size(f));
        assertThat(ch.writeInbound(b)).isTrue();
        Frame back = ch.readInbound();
        assertThat(back).isEqualTo(f);
        assertThat(back.header()).isEqualTo(f.header());
      }
    }
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void encode_nameWithAnUnpairedSurrogate_lengthFieldMatchesTheBytes() {
    Frame f = Frame.service(1, 0, "A\uD800B", "text \uDC00 \uD83D\uDE00");
    ByteBuf b = encode(f);
    assertThat(b.getInt(0)).isEqualTo(b.readableBytes() - WireFormat.LENGTH);
    assertThat(b.readableBytes()).isEqualTo(FrameEncoder.size(f));
    b.release();
  }

  @Test
  void decode_frameSplitInTwoWrites_waitsForTheRest() {
    ByteBuf b = encode(Frames.radiogram(9, 1, 0, 15, 40));
    EmbeddedChannel ch = decoder();
    assertThat(ch.writeInbound(b.readRetainedSlice(50))).isFalse();
    assertThat(ch.writeInbound(b)).isTrue();
    Frame back = ch.readInbound();
    assertThat(back.groupCount()).isEqualTo(40);
    assertThat(ch.finish()).isFalse();
  }

  @Test
  void decode_oversizedLength_failsFastWithTooLongFrame() {
    EmbeddedChannel ch = decoder();
    ByteBuf b = Unpooled.buffer().writeInt(WireFormat.MAX_FRAME * 4).writeZero(16);
    assertThatThrownBy(() -> ch.writeInbound(b)).isInstanceOf(TooLongFrameException.class);
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void decode_negativeLength_isRejected() {
    EmbeddedChannel ch = decoder();
    ByteBuf b = Unpooled.buffer().writeInt(-5).writeZero(16);
    assertThatThrownBy(() -> ch.writeInbound(b)).isInstanceOf(DecoderException.class);
    ch.finishAndReleaseAll();
  }

  @Test
  void decode_unknownVersion_isRejectedWithReason() {
    ByteBuf b = encode(Frames.radiogram(1, 1, 0, 15, 3));
    b.setByte(WireFormat.OFF_VERSION, 9);
    EmbeddedChannel ch = decoder();
    assertThatThrownBy(() -> ch.writeInbound(b)).isInstanceOf(BadFrameException.class)
        .hasMessageContaining("version 9");
    ch.finishAndReleaseAll();
  }

  @Test
  void decode_groupCountBeyondTheFrame_isRejected() {
    ByteBuf b = encode(Frames.radiogram(1, 1, 0, 15, 3));
    int region = (int) (WireFormat.groupRegion(b) >>> 32);
    b.setShort(region - 2, 500);
    EmbeddedChannel ch = decoder();
    assertThatThrownBy(() -> ch.writeInbound(b)).isInstanceOf(BadFrameException.class)
        .hasMessageContaining("500 groups");
    ch.finishAndReleaseAll();
  }

  @Test
  void decode_bytesAfterTheBody_areRejected() {
    Frame f = Frame.receipt(2, 1, 0, "TEREBIN", 15, 50450);
    ByteBuf b = encode(f);
    ByteBuf longer = Unpooled.buffer().writeBytes(b).writeZero(3);
    b.release();
    longer.setInt(0, longer.readableBytes() - 4);
    EmbeddedChannel ch = decoder();
    assertThatThrownBy(() -> ch.writeInbound(longer)).isInstanceOf(BadFrameException.class)
        .hasMessageContaining("after its body");
    ch.finishAndReleaseAll();
  }

  @Test
  void decode_randomBytes_neverYieldsAFrameWithoutThrowing() {
    Random r = new Random(1949);
    for (int i = 0; i < 300; i++) {
      byte[] junk = new byte[1 + r.nextInt(200)];
      r.nextBytes(junk);
      EmbeddedChannel ch = decoder();
      try {
        ch.writeInbound(Unpooled.wrappedBuffer(junk));
      } catch (DecoderException expected) {
        // malformed: the station closes the connection
      }
      Object o;
      while ((o = ch.readInbound()) != null) {
        assertThat(o).isInstanceOf(Frame.class);
      }
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void encode_frameAboveTheMaximum_isRefused() {
    Frame huge = Frame.radiogram(1, 1, 0, "TEREBIN", 15, Frames.header(15, 10),
        new byte[(WireFormat.MAX_FRAME / 5 + 1) * 5]);
    EmbeddedChannel enc = new EmbeddedChannel(FrameEncoder.INSTANCE);
    assertThatThrownBy(() -> enc.writeOutbound(huge)).hasMessageContaining("maximum frame");
    enc.finishAndReleaseAll();
  }

  @Test
  void stamp_setsArrivalAndCopyInPlace() {
    ByteBuf b = encode(Frames.radiogram(1, 1, 0, 15, 3));
    WireFormat.stamp(b, 123_456, 1);
    Frame f = FrameDecoder.decode(b);
    b.release();
    assertThat(f.arrivesAt()).isEqualTo(123_456);
    assertThat(f.copy()).isEqualTo(1);
  }
}
