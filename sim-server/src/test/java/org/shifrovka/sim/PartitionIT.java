package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.sim.fault.LinkModel;

/** A one-way partition switched on and off while the chain runs delays but does not lose. */
@ExtendWith(LeakCheck.class)
class PartitionIT {
  @Test
  @Timeout(120)
  void receiptsCutOffForASecond_messageStillArrivesExactlyOnce() throws Exception {
    AtomicReference<LinkModel> back = new AtomicReference<>();
    AtomicReference<Thread> healer = new AtomicReference<>();
    OutcomeReport r = ChainSimulation.builder()
        .speed(2000)
        .onListening(running -> {
          LinkModel m = running.link("KUZNETSOV", "TEREBIN");
          m.setDown();
          back.set(m);
          Thread t = new Thread(() -> {
            try {
              Thread.sleep(1500);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            m.setUp();
          }, "healer");
          t.start();
          healer.set(t);
        })
        .build().run();
    healer.get().join(10_000);
    assertThat(r.finished()).isTrue();
    assertThat(r.allDeliveredExactlyOnce()).as(r.render()).isTrue();
    assertThat(back.get().stats().lostDown()).isPositive();
    assertThat(r.registers().get("KUZNETSOV")).containsExactly("50450", "50470", "50490");
  }
}
