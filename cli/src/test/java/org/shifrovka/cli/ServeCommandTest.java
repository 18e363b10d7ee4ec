package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code shifrovka serve}: the usage errors, before anything listens (the server: ServeCommandIT). */
class ServeCommandTest {
  @Test
  void aBadPortIsAUsageError() {
    CliRun.Result r = CliRun.run("serve", "--port", "70000").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("--port must be 0-65535");
  }

  @Test
  void anUnknownAddressIsAUsageError() {
    CliRun.Result r = CliRun.run("serve", "--bind", "no.such.host.invalid")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("--bind: no such address");
  }

  @Test
  void noSessionsIsAUsageError() {
    CliRun.Result r = CliRun.run("serve", "--sessions", "0").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("--sessions must be at least 1");
  }

  @Test
  void helpNamesTheOptions() {
    CliRun.Result r = CliRun.run("serve", "--help").exits(ExitCodes.OK);
    assertThat(r.out()).contains("--port", "--bind", "--seed", "--topology", "Ctrl-C");
  }
}
