package org.shifrovka.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shifrovka.sim.journal.Telegrams.CLOCK;
import static org.shifrovka.sim.journal.Telegrams.telegram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.telegram.RegistryNumber;

/** The journal calls a standalone station makes: batches, registration, parts, filings. */
class StationJournalBatchTest {
  private final PadBook book = PadGenerator.seededInsecure(1).generate(10, 10);

  @TempDir Path dir;

  private StationJournal open() throws IOException {
    return StationJournal.open(dir.resolve("KUZNETSOV.journal"), CLOCK);
  }

  private static TelegramRecord part(String origin, int serial, String ref, int part, int parts) {
    TelegramRecord t = telegram(origin, serial);
    return new TelegramRecord(origin, serial, "FILIPPOV", t.radiogram(), ref, part, parts);
  }

  @Test
  void aFailedBatchRecordsNothing_neitherTelegramNorNumberNorSheet() throws Exception {
    try (StationJournal j = open()) {
      assertThatThrownBy(() -> j.batch(() -> {
        j.journal(telegram(15));
        j.register("TEREBIN", 15, "KUZNETSOV", 50450, 20, 1);
        j.padLedger().reserve(book, 2);
        throw new IOException("the disk is full");
      })).isInstanceOf(IOException.class).hasMessage("the disk is full");
      assertThat(j.entry("TEREBIN", 15)).isEmpty();
      assertThat(j.padLedger().reserve(book, 1).first()).isEqualTo(1);
      assertThat(j.nextRegistryNumber("KUZNETSOV", 50450, 20)).isEqualTo(RegistryNumber.of(50450));
    }
  }

  @Test
  void aBatchCommitsEverythingTogether_andSurvivesReopening() throws Exception {
    try (StationJournal j = open()) {
      RegistryNumber reg = j.batch(() -> {
        j.journal(telegram(15));
        return j.register("TEREBIN", 15, "KUZNETSOV", 50450, 20, 1);
      });
      assertThat(reg).isEqualTo(RegistryNumber.of(50450));
    }
    try (StationJournal j = open()) {
      assertThat(j.entry("TEREBIN", 15).orElseThrow().registryNumber()).contains(
          RegistryNumber.of(50450));
    }
  }

  @Test
  void register_givesATelegramOneNumberOnly() throws Exception {
    try (StationJournal j = open()) {
      j.journal(telegram(15));
      j.journal(telegram(16));
      assertThat(j.register("TEREBIN", 15, "KUZNETSOV", 50450, 20, 1).value()).isEqualTo(50450);
      assertThat(j.register("TEREBIN", 15, "KUZNETSOV", 50450, 20, 1).value()).isEqualTo(50450);
      assertThat(j.register("TEREBIN", 16, "KUZNETSOV", 50450, 20, 1).value()).isEqualTo(50470);
      assertThatThrownBy(() -> j.register("TEREBIN", 99, "KUZNETSOV", 50450, 20, 1))
          .isInstanceOf(UnknownTelegramException.class);
    }
  }

  @Test
  void partsAndSettle_followAMessageThroughARelay() throws Exception {
    try (StationJournal j = open()) {
      j.journal(part("TEREBIN", 15, "TEREBIN/15", 1, 2));
      j.journal(part("TEREBIN", 16, "TEREBIN/15", 2, 2));
      j.journal(part("TEREBIN", 17, "TEREBIN/17", 1, 1));
      assertThat(j.parts("TEREBIN", "TEREBIN/15")).extracting(e -> e.record().part())
          .containsExactly(1, 2);
      j.markForwarded("TEREBIN", 15);
      j.markForwarded("TEREBIN", 16);
      j.journal(part("KUZNETSOV", 100, "TEREBIN/15", 1, 1));
      assertThat(j.lastSerial("KUZNETSOV")).isEqualTo(100);
      assertThat(j.lastSerial("FILIPPOV")).isEqualTo(-1);
      assertThat(j.settle("KUZNETSOV", "TEREBIN/15")).isZero(); // its own telegram is unreceipted
      j.markAcknowledged("KUZNETSOV", 100);
      assertThat(j.settle("KUZNETSOV", "TEREBIN/15")).isEqualTo(2);
      assertThat(j.inState(TelegramState.PENDING)).extracting(JournalEntry::serial)
          .containsExactly(17);
      assertThat(j.unacknowledged()).extracting(JournalEntry::serial).containsExactly(17);
    }
  }

  @Test
  void filingsAndDeliveries_areRecordedOnce() throws Exception {
    try (StationJournal j = open()) {
      assertThat(j.recordFiling("messages.txt:1", "TEREBIN/15")).isTrue();
      assertThat(j.recordFiling("messages.txt:1", "TEREBIN/99")).isFalse();
      assertThat(j.filing("messages.txt:1")).contains("TEREBIN/15");
      assertThat(j.filing("messages.txt:2")).isEmpty();
      assertThat(j.recordDelivery("TEREBIN/15", "KUZNETSOV", List.of(RegistryNumber.of(100)),
          "COMRADE FILIPPOV")).isTrue();
      assertThat(j.recordDelivery("TEREBIN/15", "KUZNETSOV", List.of(), "OTHER")).isFalse();
      assertThat(j.deliveries()).isEqualTo(1);
      assertThat(j.unreportedDeliveries()).containsExactly(new StationJournal.Delivery(
          "TEREBIN/15", "KUZNETSOV", "100", "COMRADE FILIPPOV"));
      j.markReported(List.of("TEREBIN/15"));
      assertThat(j.unreportedDeliveries()).isEmpty();
      assertThat(j.meta("station")).isEmpty();
      j.putMeta("station", "FILIPPOV");
      assertThat(j.meta("station")).contains("FILIPPOV");
    }
  }

  @Test
  void sharingIndicator_findsTheOtherTelegramsOnTheSamePadSheet() throws Exception {
    try (StationJournal j = open()) {
      TelegramRecord a = telegram(15);
      j.journal(a);
      j.journal(telegram(16));
      String indicator = a.radiogram().groups().get(0);
      TelegramRecord reuse = new TelegramRecord("TEREBIN", 17, "FILIPPOV",
          org.shifrovka.telegram.Radiogram.of(17, 12, 13, java.time.LocalTime.of(16, 40),
              org.shifrovka.telegram.Precedence.URGENT, a.radiogram().groups()));
      j.journal(reuse);
      assertThat(j.sharingIndicator("TEREBIN", 17, indicator)).containsExactly(15);
      assertThat(j.sharingIndicator("TEREBIN", 16, telegram(16).radiogram().groups().get(0)))
          .isEmpty();
      assertThat(j.sharingIndicator("KUZNETSOV", 99, indicator)).isEmpty();
    }
  }

  @Test
  void aFailedSavepointRollsBackItsOwnWorkOnly() throws Exception {
    try (StationJournal j = open()) {
      j.batch(() -> {
        j.journal(telegram(15));
        assertThatThrownBy(() -> j.savepoint(() -> {
          j.journal(telegram(16));
          j.padLedger().reserve(book, 1);
          throw new IllegalStateException("this message cannot go on");
        })).isInstanceOf(IllegalStateException.class);
        j.savepoint(() -> j.journal(telegram(17)));
        return null;
      });
      assertThat(j.entry("TEREBIN", 15)).isPresent();
      assertThat(j.entry("TEREBIN", 16)).isEmpty();
      assertThat(j.entry("TEREBIN", 17)).isPresent();
      assertThat(j.padLedger().reserve(book, 1).first()).as("the sheet was not spent").isEqualTo(1);
    }
  }
}
