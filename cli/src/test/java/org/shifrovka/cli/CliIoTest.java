package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.MalformedInputException;

/** Reading UTF-8 and writing files whole, owner-only. */
class CliIoTest {

  @Test
  void read_dash_readsStdin_andNamesIt() throws Exception {
    CliIo.Input in = CliIo.read(Path.of("-"),
        new ByteArrayInputStream("\uFEFFПривет\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(in.name()).isEqualTo("<stdin>");
    assertThat(in.text()).isEqualTo("Привет\n");
  }

  @Test
  void read_invalidUtf8_namesLineAndColumn() {
    byte[] bytes = {'a', '\n', 'b', 'c', (byte) 0xFF, 'd'};
    assertThatThrownBy(() -> CliIo.decode(bytes, "f.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("f.txt:2:3: not valid UTF-8 (byte 0xFF); shifrovka reads UTF-8 text only");
  }

  @Test
  void writeSecretAtomically_replacesWhole_ownerOnly_noTempLeft(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("secret.txt");
    Files.writeString(f, "old");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    CliIo.writeSecretAtomically(f, "new ключ", true);
    assertThat(Files.readString(f)).isEqualTo("new ключ");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }

  @Test
  void writeSecretAtomically_intoMissingDirectory_failsWithoutLeavingAnything(@TempDir Path dir) {
    Path f = dir.resolve("no/such/dir/secret.txt");
    assertThatThrownBy(() -> CliIo.writeSecretAtomically(f, "x", false))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThat(dir.resolve("no")).doesNotExist();
  }

  @Test
  void writeAtomically_anyContent_existingTargetOnlyWithOverwrite(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("tone.wav");
    CliIo.writeAtomically(f, false, tmp -> Files.write(tmp, new byte[] {1, 2, 3}));
    assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> CliIo.writeAtomically(f, false, tmp -> Files.write(tmp,
        new byte[] {4}))).isInstanceOf(CliException.class).hasMessageContaining("--force");
    assertThatThrownBy(() -> CliIo.writeAtomically(f, true, tmp -> {
      Files.write(tmp, new byte[] {5});
      throw new java.io.IOException("disk full");
    })).hasMessage("cannot write " + f.toAbsolutePath() + ": disk full");
    assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f);
    }
  }
}
