package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shifrovka gen-manpage}: one AsciiDoc man page per visible command. */
class ManPageCommandTest {

  @Test
  void writesAManPagePerCommand_withItsOptions(@TempDir Path dir) throws Exception {
    CliRun.Result r = CliRun.run("gen-manpage", "-d", CliRun.arg(dir)).exits(ExitCodes.OK);
    assertThat(r.err()).startsWith("wrote ");
    for (String name : new String[] {"shifrovka", "shifrovka-encode", "shifrovka-decode",
        "shifrovka-demo", "shifrovka-explain", "shifrovka-pad-generate", "shifrovka-morse-wav",
        "shifrovka-telegram-check"}) {
      assertThat(dir.resolve(name + ".adoc")).exists();
    }
    String explain = Files.readString(dir.resolve("shifrovka-explain.adoc"));
    assertThat(explain).contains(":doctype: manpage").contains("= shifrovka-explain(1)")
        .contains("*--step*").contains("*--codebook*");
  }
}
