package org.shifrovka.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.shifrovka.CipherOffice;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.Language;

/** No pad sheet is ever used twice, across many encodes and after the ledger is reopened. */
class LedgerProperties {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("1949-01-13T13:40:00Z"),
      ZoneOffset.UTC);
  private static final Codebook BOOK = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH),
      CodebookStyle.TWO_PART, 3);

  @Property(tries = 20)
  void encodes_neverShareASheet_evenAcrossReopenedLedgers(
      @ForAll @Size(min = 50, max = 200) List<@IntRange(min = 1, max = 60) Integer> lengths,
      @ForAll @IntRange(min = 2, max = 30) int groupsPerSheet) throws Exception {
    Path dir = Files.createTempDirectory("ledger");
    Path file = dir.resolve("ledger.txt");
    PadBook pads = PadGenerator.seededInsecure(lengths.hashCode()).generate(4000, groupsPerSheet);
    PadLedger.create(file, pads, CLOCK); // then reopened for every chunk
    Set<String> indicators = new HashSet<>();
    Set<Integer> sheets = new HashSet<>();
    int encodes = 0;
    try {
      for (int chunk = 0; chunk < lengths.size(); chunk += 25) {
        CipherOffice office = CipherOffice.builder().codebook(BOOK).padBook(pads)
            .ledger(PadLedger.open(file, CLOCK)).clock(CLOCK).maxGroups(30)
            .from(Station.of("A", "a", "UTC")).to(Station.of("B", "b", "UTC")).build();
        for (int i = chunk; i < Math.min(lengths.size(), chunk + 25); i++) {
          String text = "word ".repeat(lengths.get(i)) + i;
          try {
            for (var part : office.encipher(text, "t").parts()) {
              Telegram t = part.telegram();
              assertThat(indicators.add(t.indicator())).as("indicator reused").isTrue();
              for (int s = part.sheets().first(); s <= part.sheets().last(); s++) {
                assertThat(sheets.add(s)).as("sheet %d reused", s).isTrue();
              }
            }
            encodes++;
          } catch (PadExhaustedException e) {
            // fine: the pad is finite
          }
        }
      }
      assertThat(PadLedger.open(file, CLOCK).usedSheets(pads.id())).containsExactlyInAnyOrderElementsOf(sheets);
      assertThat(encodes).isPositive();
    } finally {
      for (Path p : Files.list(dir).toList()) {
        Files.delete(p);
      }
      Files.delete(dir);
    }
  }
}
