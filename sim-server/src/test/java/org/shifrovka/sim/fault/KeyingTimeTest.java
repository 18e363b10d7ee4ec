package org.shifrovka.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.radio.KeyingSpeed;
import org.shifrovka.radio.MorseCodec;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameEncoder;
import org.shifrovka.sim.codec.Frames;

class KeyingTimeTest {
  @Test
  void units_ofGroups_agreeWithTheRadioLayer() throws Exception {
    Frame f = Frames.radiogram(1, 1, 0, 15, 40);
    List<String> groups = new java.util.ArrayList<>();
    byte[] g = f.groups();
    for (int i = 0; i < 40; i++) {
      groups.add(new String(g, i * 5, 5, java.nio.charset.StandardCharsets.US_ASCII));
    }
    // the radio layer's count of the groups, each followed by a word gap
    String morse = MorseCodec.international().encodeGroups(groups);
    int radio = KeyingSpeed.units(morse.trim() + " /");
    assertThat(KeyingTime.units(f) - KeyingTime.PROCEDURE_UNITS).isEqualTo(radio);
  }

  @Test
  void units_ofFrameAndOfItsEncoding_agree() {
    for (Frame f : Frames.everyKind()) {
      ByteBuf b = Unpooled.buffer();
      FrameEncoder.encode(f, b);
      assertThat(KeyingTime.units(b)).as(f.toString()).isEqualTo(KeyingTime.units(f));
      b.release();
    }
  }

  @Test
  void unit_at20Wpm_is60Milliseconds() {
    assertThat(KeyingTime.unitNanos(20)).isEqualTo(60_000_000L);
  }
}
