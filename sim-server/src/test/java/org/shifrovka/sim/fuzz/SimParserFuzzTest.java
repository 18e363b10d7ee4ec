package org.shifrovka.sim.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shifrovka.MalformedInputException;
import org.shifrovka.fuzz.Mutations;
import org.shifrovka.internal.StrictUtf8;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.codec.BadFrameException;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameDecoder;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.RadiogramHeader;

/**
 * The simulator's parsers, fed mutated input (see {@link Mutations}): topology files refuse bad
 * YAML with a {@link MalformedInputException}; the wire decoder refuses a bad frame with a
 * {@link BadFrameException}, which closes the connection; nothing else escapes, nothing hangs.
 */
class SimParserFuzzTest {
  @Property
  void topology(@ForAll("topologies") byte[] input) {
    Mutations.parse(input, b -> Topology.parse(StrictUtf8.decode(b, "fuzz.yaml"), "fuzz.yaml",
        null), Set.of(MalformedInputException.class));
  }

  @Property
  void wireFrame(@ForAll("frames") byte[] input) {
    Mutations.parse(input, b -> {
      ByteBuf buf = Unpooled.wrappedBuffer(b);
      try {
        FrameDecoder.decode(buf);
      } finally {
        buf.release();
      }
    }, Set.of(BadFrameException.class));
  }

  @Provide
  Arbitrary<byte[]> topologies() {
    return Mutations.of(List.of(Mutations.corpus(Path.of("topologies/1949.yaml")),
        Mutations.corpus(Path.of("topologies/four-stations.yaml"))));
  }

  @Provide
  Arbitrary<byte[]> frames() {
    byte[] g = "0123456789012345678901234".getBytes(StandardCharsets.US_ASCII);
    return Mutations.of(List.of(
        encode(Frame.radiogram(42, 2, 123456789L, "TEREBIN", 15, new RadiogramHeader("FILIPPOV",
            "TEREBIN/15", false, 15, 5, 12, 1000, 1, 987654321L), g)),
        encode(Frame.receipt(43, 1, 200L, "KUZNETSOV", 15, 50450)),
        encode(Frame.repeatRequest(44, 3, 300L, "KUZNETSOV", 15, new int[] {1, 2, 3000})),
        encode(Frame.repeatedGroups(45, 1, 400L, "TEREBIN", 15, new int[] {2, 5},
            "1234567890".getBytes(StandardCharsets.US_ASCII))),
        encode(Frame.service(46, 500L, "FILIPPOV", "heartbeat ёж"))));
  }

  private static byte[] encode(Frame f) {
    EmbeddedChannel enc = new EmbeddedChannel(FrameEncoder.INSTANCE);
    enc.writeOutbound(f);
    ByteBuf b = enc.readOutbound();
    enc.finish();
    try {
      return ByteBufUtil.getBytes(b);
    } finally {
      b.release();
    }
  }
}
