package org.shifrovka.sim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Thirty tabs at once, each a real WebSocket: every session completes its run, its events come in
 * order, and the sessions end. The server's heap is reported, not judged (a timed or sized
 * assertion would measure the machine): the figure in sim-server/README.md comes from here.
 */
class ClassroomLoadTest {
  static final int CLIENTS = 30;

  @Test
  void thirtyTabsAtOnceEachCompleteTheirRunInOrder() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    long start = System.nanoTime();
    try (ClassroomServer server = ClassroomServer.builder().port(0).start()) {
      sampler.start();
      ExecutorService tabs = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Integer>> done = new ArrayList<>();
      CountDownLatch ran = new CountDownLatch(CLIENTS);
      CountDownLatch close = new CountDownLatch(1);
      for (int i = 0; i < CLIENTS; i++) {
        long seed = 1949 + i % 3;
        done.add(tabs.submit((Callable<Integer>) () -> tab(server, seed, ran, close)));
      }
      assertThat(ran.await(5, TimeUnit.MINUTES)).as("every run completed").isTrue();
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(server.sessions().active()).isEqualTo(CLIENTS);
      System.gc();
      long open = memory.getHeapMemoryUsage().getUsed();
      close.countDown();
      int events = 0;
      for (Future<Integer> f : done) {
        events += f.get(5, TimeUnit.MINUTES);
      }
      tabs.shutdown();
      sampler.interrupt();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.sessions().ended() < CLIENTS && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(server.sessions().ended()).isEqualTo(CLIENTS);
      assertThat(server.sessions().active()).isZero();
      System.gc();
      long after = memory.getHeapMemoryUsage().getUsed();
      System.out.printf("classroom load: %d sessions, %d events, %.1f s; heap used %d MB before,"
          + " %d MB peak (sampled every 20 ms), %d MB after GC with the %d sessions open, %d MB"
          + " after GC once closed; max heap %d MB%n", CLIENTS, events, seconds, before >> 20,
          peak.get() >> 20, open >> 20, CLIENTS, after >> 20,
          memory.getHeapMemoryUsage().getMax() >> 20);
    }
  }

  /** One tab: a run to its outcome; returns the number of events, checked in order. */
  private static int tab(ClassroomServer server, long seed, CountDownLatch ran,
      CountDownLatch close) throws Exception {
    try (PageClient c = new PageClient(server, true)) {
      try {
        return run(c, seed);
      } finally {
        ran.countDown();
        close.await(5, TimeUnit.MINUTES); // the tab stays open until every tab has run
      }
    }
  }

  private static int run(PageClient c, long seed) throws Exception {
    c.next("hello");
    c.received.clear();
    c.send("{\"type\":\"run\",\"seed\":" + seed + "}");
    List<JsonNode> run = c.until(n -> n.path("type").asText().equals("outcome")
        || n.path("type").asText().equals("error"));
    JsonNode outcome = run.get(run.size() - 1);
    assertThat(outcome.path("type").asText()).isEqualTo("outcome");
    assertThat(outcome.path("finished").asBoolean()).isTrue();
    int seq = 0;
    long last = -1;
    for (JsonNode m : run) {
      if (m.path("type").asText().equals("event")) {
        assertThat(m.path("seq").asInt()).isEqualTo(seq++);
        assertThat(m.path("simNs").asLong()).isGreaterThanOrEqualTo(last);
        last = m.path("simNs").asLong();
      }
    }
    assertThat(outcome.path("events").asInt()).isEqualTo(seq);
    return seq;
  }
}
