package org.shifrovka.sim.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Admission's choices, without sockets (the clock is given). */
class AdmissionTest {
  private static final StationLimits LIMITS = new StationLimits(4096, 2_000, 500, 1_024,
      Duration.ofSeconds(60), Duration.ofSeconds(60), 8, 4);

  @Test
  void anAddressStartsItsLimitOfHandshakesASecond_theRestWaitTheirTurn_atMostTwoSeconds() {
    Admission<String> a = new Admission<>(LIMITS);
    long t = 1_000_000_000L;
    for (int i = 0; i < 4; i++) {
      assertThat(a.handshakeDelay("127.0.0.2", t)).isZero();
    }
    assertThat(a.handshakeDelay("127.0.0.2", t)).isEqualTo(250_000_000L);
    assertThat(a.handshakeDelay("127.0.0.2", t)).isEqualTo(500_000_000L);
    for (int i = 0; i < 20; i++) {
      assertThat(a.handshakeDelay("127.0.0.2", t)).isLessThanOrEqualTo(2_000_000_000L);
    }
    assertThat(a.handshakeDelay("127.0.0.1", t)).as("another address").isZero();
    assertThat(a.handshakeDelay("127.0.0.2", t + 60_000_000_000L)).as("a minute later").isZero();
  }

  @Test
  void aFullPool_closesTheOldestOfTheAddressHoldingTheMost() {
    Admission<String> a = new Admission<>(LIMITS);
    for (int i = 0; i < 4; i++) {
      assertThat(a.admit("b" + i, "B")).isNull();
    }
    assertThat(a.admit("b4", "B").connection()).as("B's own oldest").isEqualTo("b0");
    for (int i = 0; i < 3; i++) {
      assertThat(a.admit("c" + i, "C")).isNull();
    }
    assertThat(a.admit("d0", "D")).isNull();
    Admission.Eviction<String> full = a.admit("n", "N");
    assertThat(full).as("8 waiting: full").isNotNull();
    assertThat(full.connection()).isEqualTo("b1");
    assertThat(a.unnamed("N")).isEqualTo(1);
    assertThat(a.name("n")).isTrue();
    assertThat(a.unnamed("N")).isZero();
  }
}
