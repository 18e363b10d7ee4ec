package org.shifrovka.pad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.MalformedInputException;

class PadSpecTest {
  @Test
  void aSpec_namesItsNumbers_andTheGeneratorPrintsThatBook() {
    PadBook b = PadGenerator.seededInsecure(3).generate(PadSpec.sheets(7).groupsPerSheet(12)
        .bookId("1949"));
    assertThat(b.sheetCount()).isEqualTo(7);
    assertThat(b.sheet(1).groupCount()).isEqualTo(12);
    assertThat(b.id()).isEqualTo("1949");
    assertThat(PadGenerator.seededInsecure(3).generate(PadSpec.sheets(2)).sheet(2).groupCount())
        .isEqualTo(PadSpec.DEFAULT_GROUPS_PER_SHEET);
    assertThat(PadSpec.sheets(7).groupsPerSheet(12))
        .isEqualTo(PadSpec.sheets(7).groupsPerSheet(12))
        .hasToString("PadSpec[sheets=7, groupsPerSheet=12]");
  }

  @Test
  void everyValue_isCheckedWhenSet() {
    assertThatThrownBy(() -> PadSpec.sheets(0)).hasMessage("sheets must be 1-100000, got 0");
    assertThatThrownBy(() -> PadSpec.sheets(1).groupsPerSheet(1))
        .hasMessage("groups per sheet must be 2-10000, got 1");
    assertThatThrownBy(() -> PadSpec.sheets(1).bookId("book 1"))
        .hasMessageContaining("a pad book id is 1-20 characters");
  }

  @Test
  void aPadFile_readsBackByPath_andABadByteIsNamedWithItsPosition(@TempDir Path dir)
      throws Exception {
    PadBook b = PadGenerator.seededInsecure(3).generate(PadSpec.sheets(2).groupsPerSheet(10));
    Path file = dir.resolve("pads.txt");
    Files.writeString(file, b.render());
    assertThat(PadBook.read(file).digest()).isEqualTo(b.digest());
    Files.write(file, new byte[] {'S', (byte) 0xFE});
    assertThatThrownBy(() -> PadBook.read(file)).isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(file + ":1:2: not valid UTF-8");
  }
}
