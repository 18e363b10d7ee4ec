package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shifrovka.sim.codec.WireFormat;

/**
 * Random bytes, an oversized length and truncated frames sent to running stations close only
 * those connections; the stations keep relaying and the message arrives intact.
 */
@ExtendWith(LeakCheck.class)
class MalformedFrameIT {

  private static void attack(InetSocketAddress to, List<String> outcomes) throws IOException {
    Random r = new Random(1949);
    byte[] junk = new byte[512];
    r.nextBytes(junk);
    outcomes.add("random: " + sendAndWaitForClose(to, junk));
    byte[] oversized = {0, 1, 0, 0, 1, 1, 0, 1};
    outcomes.add("oversized: " + sendAndWaitForClose(to, oversized));
    // a well-framed radiogram that ends inside its header
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(36);
    out.writeByte(WireFormat.VERSION);
    out.writeByte(1);
    out.writeByte(0);
    out.writeByte(1);
    out.writeLong(1);
    out.writeLong(0);
    out.writeLong(0);
    out.writeInt(15);
    out.writeByte(1);
    out.writeByte('X');
    out.writeByte(8);
    out.writeByte('F');
    outcomes.add("truncated body: " + sendAndWaitForClose(to, bytes.toByteArray()));
    // half a frame, then the sender hangs up
    try (Socket s = new Socket()) {
      s.connect(to, 2000);
      s.getOutputStream().write(new byte[] {0, 0, 0, 100, 1, 1});
    }
    outcomes.add("half frame sent");
  }

  /** Writes {@code b} and returns true if the station closed the connection within 5 s. */
  private static boolean sendAndWaitForClose(InetSocketAddress to, byte[] b) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(to, 2000);
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      out.write(b);
      out.flush();
      return s.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  @Test
  @Timeout(120)
  void malformedFrames_closeOnlyTheirConnection_andTheChainKeepsRelaying() throws Exception {
    List<String> outcomes = new ArrayList<>();
    AtomicReference<Thread> attacker = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    OutcomeReport r = ChainSimulation.builder()
        .speed(2000)
        .onListening(running -> {
          Map<String, InetSocketAddress> addresses = running.addresses();
          Thread t = new Thread(() -> {
            try {
              Thread.sleep(300);
              attack(addresses.get("KUZNETSOV"), outcomes);
              attack(addresses.get("FILIPPOV"), outcomes);
            } catch (Throwable e) {
              failure.set(e);
            }
          }, "attacker");
          t.start();
          attacker.set(t);
        })
        .build().run();
    attacker.get().join(30_000);
    assertThat(failure.get()).isNull();
    assertThat(outcomes).containsExactly("random: true", "oversized: true", "truncated body: true",
        "half frame sent", "random: true", "oversized: true", "truncated body: true",
        "half frame sent");
    assertThat(r.malformedFrames().get("KUZNETSOV")).isEqualTo(3);
    assertThat(r.malformedFrames().get("FILIPPOV")).isEqualTo(3);
    assertThat(r.finished()).isTrue();
    assertThat(r.allDeliveredExactlyOnce()).as(r.render()).isTrue();
    assertThat(r.realMillis()).isGreaterThan(1000);
  }
}
