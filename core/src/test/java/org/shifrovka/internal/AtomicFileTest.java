package org.shifrovka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.MalformedInputException;

class AtomicFileTest {
  @TempDir
  Path dir;

  @Test
  void write_replacesTheTargetWhole_ownerOnly() throws Exception {
    Path f = dir.resolve("pads.txt");
    Files.writeString(f, "old");
    AtomicFile.write(f, "new".getBytes(), AtomicFile.Access.OWNER_ONLY);
    assertThat(Files.readString(f)).isEqualTo("new");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void aFailedWrite_asOnAFullDisk_leavesTheTargetAndNoTemporaryFile_andNamesTheTarget()
      throws Exception {
    Path f = dir.resolve("ledger.txt");
    Files.writeString(f, "old");
    assertThatThrownBy(() -> AtomicFile.write(f, AtomicFile.Access.OWNER_ONLY, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("No space left on device");
    })).isInstanceOf(IOException.class)
        .hasMessage("cannot write " + f + ": No space left on device");
    assertThat(Files.readString(f)).isEqualTo("old");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void strictUtf8_namesLineAndColumnOfTheBadByte() {
    byte[] bytes = {'a', '\n', 'b', 'c', (byte) 0xC3};
    assertThatThrownBy(() -> StrictUtf8.decode(bytes, "f.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("f.txt:2:3: not valid UTF-8 (byte 0xC3); shifrovka reads UTF-8 text only");
  }
}
