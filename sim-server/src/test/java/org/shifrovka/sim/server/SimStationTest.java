package org.shifrovka.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shifrovka.CipherOffice;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.core.ClearForm;
import org.shifrovka.sim.core.Offices;
import org.shifrovka.sim.core.Outcomes;
import org.shifrovka.sim.core.RetransmitSettings;
import org.shifrovka.sim.core.StationConfig;
import org.shifrovka.sim.codec.Frame;
import org.shifrovka.sim.codec.FrameKind;
import org.shifrovka.sim.codec.WireFormat;
import org.shifrovka.sim.fault.LinkModel;
import org.shifrovka.sim.fault.LinkSpec;
import org.shifrovka.sim.observe.EventLog;
import org.shifrovka.sim.observe.Metrics;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.Station;

/** The station core's hop protocol and office semantics, driven by SimStation on direct hops in simulated time (no sockets). */
class SimStationTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Scenario1949 SCENARIO = Scenario1949.standard();
  private final EmbeddedChannel loop = new EmbeddedChannel();
  private final SimKernel kernel = new SimKernel(loop.eventLoop(), 0, 1);
  private final SimClock clock = new SimClock(Instant.parse("1949-01-13T13:40:00Z"), kernel);
  private final EventLog log = new EventLog(clock.instant(), Map.of(), null);
  private final Recorder outcomes = new Recorder();
  private final List<Frame> wire = new ArrayList<>();
  private boolean freshLedgerEachTime;

  @AfterEach
  void tearDown() {
    loop.finishAndReleaseAll();
  }

  private final class DirectHop implements Hop {
    final String to;
    final SimKernel.Receiver target;
    UnaryOperator<Frame> fault = f -> f;

    DirectHop(String to, SimKernel.Receiver target) {
      this.to = to;
      this.target = target;
    }

    @Override
    public String to() {
      return to;
    }

    @Override
    public LinkModel model() {
      return new LinkModel("A", "B", 0, LinkSpec.IDEAL, List.of());
    }

    @Override
    public void send(Frame f) {
      wire.add(f);
      Frame g = fault.apply(f);
      if (g != null) {
        kernel.schedule(kernel.now() + SECOND, () -> target.onFrame(g));
      }
    }
  }

  private static final class Recorder implements Outcomes {
    final List<String> events = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    @Override
    public void filed(String reference, String text, long filedAt) {
      texts.add(text);
    }

    @Override
    public void delivered(String reference, String addressee, String text,
        List<String> registryNumbers, long filedAt, long deliveredAt) {
      events.add("delivered " + reference + " " + registryNumbers);
      texts.add(text);
    }

    @Override
    public void undeliverable(String reference, String from, String to, int serial,
        int attempts) {
      events.add("undeliverable " + reference + " after " + attempts);
    }

    @Override
    public void registered(String station, String registryNumber, String reference) {
      events.add("registered " + station + " " + registryNumber);
    }

    @Override
    public void alarm(String station, String detail) {
      events.add("alarm " + station);
    }
  }

  /** A ledger that forgets every reservation: the next one returns the same sheets. */
  private PadLedger forgetful() {
    return new PadLedger() {
      @Override
      public org.shifrovka.pad.SheetRun reserve(org.shifrovka.pad.PadBook book, int count)
          throws java.io.IOException, org.shifrovka.pad.PadExhaustedException,
          org.shifrovka.pad.WrongPadException {
        return PadLedger.inMemory(clock).reserve(book, count);
      }

      @Override
      public void claim(org.shifrovka.pad.PadBook book, int first, int count) {}

      @Override
      public java.util.SortedSet<Integer> usedSheets(String bookId) {
        return new java.util.TreeSet<>();
      }
    };
  }

  private final class TwoOffices implements Offices {
    final Station self;
    final PadLedger ledger = PadLedger.inMemory(clock);
    int offices;

    TwoOffices(Station self) {
      this.self = self;
    }

    @Override
    public CipherOffice sending(String to, String addressee, int firstSerial) {
      return CipherOffice.builder().codebook(SCENARIO.codebook()).padBook(SCENARIO.padBook())
          .ledger(freshLedgerEachTime ? forgetful() : ledger).clock(clock)
          .from(self).to(Scenario1949.KUZNETSOV).addressee(addressee).firstSerial(15 + 10 * offices++).build();
    }

    @Override
    public CipherOffice receiving(String from, Register register) {
      return CipherOffice.builder().codebook(SCENARIO.codebook()).padBook(SCENARIO.padBook())
          .clock(clock).from(Scenario1949.TEREBIN).to(self).register(register).build();
    }
  }

  private SimStation terebin;
  private SimStation kuznetsov;
  private DirectHop up;
  private DirectHop down;

  private void chain(int maxAttempts) {
    RetransmitSettings s = new RetransmitSettings(Duration.ofMinutes(1), 2, maxAttempts,
        ForwardMode.REENCIPHER);
    Instant epoch = clock.instant();
    terebin = new SimStation(new StationConfig("TEREBIN", epoch, 1, 1, 1, 1, s), Role.ORIGIN,
        kernel, log, new Metrics("TEREBIN"), outcomes, new TwoOffices(Scenario1949.TEREBIN));
    kuznetsov = new SimStation(new StationConfig("KUZNETSOV", epoch, 50450, 20, 1, 1, s),
        Role.ADDRESSEE, kernel, log, new Metrics("KUZNETSOV"), outcomes,
        new TwoOffices(Scenario1949.KUZNETSOV));
    up = new DirectHop("KUZNETSOV", kuznetsov.receiverFrom("TEREBIN"));
    down = new DirectHop("TEREBIN", terebin.receiverFrom("KUZNETSOV"));
    terebin.addHop(up);
    kuznetsov.addHop(down);
    terebin.route("KUZNETSOV", "KUZNETSOV");
  }

  private void file(String text) {
    kernel.schedule(0, () -> terebin.file(text, "<test>", "KUZNETSOV"));
  }

  private static Frame garbleGroups(Frame f, int... indexes) {
    byte[] g = f.groups();
    for (int i : indexes) {
      g[(i - 1) * WireFormat.GROUP + 2] = WireFormat.UNREADABLE;
    }
    return Frame.radiogram(f.frameId(), f.attempt(), f.sentAt(), f.origin(), f.serial(),
        f.header(), g);
  }

  private long count(FrameKind kind) {
    return wire.stream().filter(f -> f.kind() == kind).count();
  }

  @Test
  void garbledGroups_areRequestedByIndexThenRegisteredAndReceipted() {
    chain(5);
    up.fault = f -> f.kind() == FrameKind.RADIOGRAM ? garbleGroups(f, 2, 5) : f;
    file("Comrade Kuznetsov, the radio is being moved here.");
    kernel.start();
    Frame request = wire.stream().filter(f -> f.kind() == FrameKind.REPEAT_REQUEST).findFirst()
        .orElseThrow();
    assertThat(request.indexes()).containsExactly(2, 5);
    assertThat(count(FrameKind.REPEATED_GROUPS)).isOne();
    assertThat(outcomes.events).containsExactly("registered KUZNETSOV 50450",
        "delivered TEREBIN/15 [50450]");
    assertThat(outcomes.texts.get(1)).isEqualTo(outcomes.texts.get(0));
    assertThat(terebin.unacknowledged()).isZero();
    assertThat(kernel.quiescent().isSuccess()).isTrue();
  }

  @Test
  void lostReceipt_retransmitsAndTheDuplicateIsNotRegisteredTwice() {
    chain(5);
    int[] receipts = {0};
    down.fault = f -> f.kind() == FrameKind.RECEIPT && receipts[0]++ == 0 ? null : f;
    file("Comrade Kuznetsov, the radio is being moved here.");
    kernel.start();
    assertThat(count(FrameKind.RADIOGRAM)).isEqualTo(2);
    assertThat(count(FrameKind.RECEIPT)).isEqualTo(2);
    assertThat(kuznetsov.metrics().get("duplicates-suppressed")).isOne();
    assertThat(outcomes.events).containsExactly("registered KUZNETSOV 50450",
        "delivered TEREBIN/15 [50450]");
    assertThat(terebin.metrics().get("retransmissions")).isOne();
  }

  @Test
  void deadLink_givesUpAfterMaxAttemptsWithGrowingTimeouts() {
    chain(4);
    up.fault = f -> null;
    file("Comrade Kuznetsov, the radio is being moved here.");
    kernel.start();
    assertThat(count(FrameKind.RADIOGRAM)).isEqualTo(4);
    List<Long> sent = wire.stream().map(Frame::sentAt).toList();
    for (int i = 2; i < sent.size(); i++) {
      assertThat(sent.get(i) - sent.get(i - 1)).isGreaterThan(sent.get(i - 1) - sent.get(i - 2));
    }
    assertThat(outcomes.events).containsExactly("undeliverable TEREBIN/15 after 4");
    assertThat(kernel.quiescent().isSuccess()).isTrue();
  }

  @Test
  void clearForm_partBeginningWithAParagraphBreak_roundTrips() throws Exception {
    org.shifrovka.telegram.ArchivalCopy c = new org.shifrovka.telegram.ArchivalCopy(
        org.shifrovka.telegram.RegistryNumber.of(3001), "KHABAROVSK",
        java.util.Optional.of("FILIPPOV"), 2, 3, org.shifrovka.text.TelegraphText.of(
            List.of("\n", "WE", "THINK", "\n", "STOP")),
        new org.shifrovka.telegram.ClosingLine(16, "TEREBIN", java.time.MonthDay.of(1, 13)));
    org.shifrovka.telegram.ArchivalCopy back = ClearForm.parse(
        ClearForm.of(c), "t", org.shifrovka.telegram.RegistryNumber.of(100), "FILIPPOV",
        "FILIPPOV");
    assertThat(back.text()).isEqualTo(c.text());
    assertThat(back.part()).isEqualTo(2);
    assertThat(back.parts()).isEqualTo(3);
    assertThat(back.closingLine()).isEqualTo(c.closingLine());
    assertThat(back.registryNumber().value()).isEqualTo(100);
  }

  @Test
  void padSheetUsedTwice_raisesAnAlarmAtTheReceivingOffice() {
    chain(5);
    freshLedgerEachTime = true;
    file("Comrade Kuznetsov, the radio is being moved here.");
    kernel.schedule(30 * SECOND, () -> terebin.file("Comrade Kuznetsov, second message.",
        "<test>", "KUZNETSOV"));
    kernel.start();
    assertThat(outcomes.events).contains("alarm KUZNETSOV", "delivered TEREBIN/16 [50470]");
  }
}
