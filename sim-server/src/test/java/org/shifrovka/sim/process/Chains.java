package org.shifrovka.sim.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.shifrovka.MalformedInputException;
import org.shifrovka.sim.Topology;

/** Topologies of the three-station chain on free loopback ports, for tests. */
final class Chains {
  private Chains() {}

  /** Returns a free loopback port (free when asked; good enough for tests). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML of the chain TEREBIN -> KUZNETSOV -> FILIPPOV on the given ports. */
  static String yaml(int terebin, int kuznetsov, int filippov, int sheets) {
    return "start: 1949-01-13T21:40:00+08:00\n"
        + "forward: reencipher\n"
        + "retransmit: {timeout: 3s, backoff: 2, maxAttempts: 12}\n"
        + "pads: {sheets: " + sheets + ", groupsPerSheet: 60}\n"
        + "stations:\n"
        + "  - {name: TEREBIN, place: Xibaipo, zone: Asia/Shanghai, role: origin,"
        + " listen: 127.0.0.1:" + terebin + ", office: {firstSerial: 15, maxGroups: 120}}\n"
        + "  - {name: KUZNETSOV, role: relay, listen: 127.0.0.1:" + kuznetsov
        + ", register: {base: 50450, step: 20}, office: {firstSerial: 100, maxGroups: 120}}\n"
        + "  - {name: FILIPPOV, role: addressee, listen: 127.0.0.1:" + filippov
        + ", register: {base: 100, step: 1, width: 4}}\n"
        + "links:\n"
        + "  - {between: [TEREBIN, KUZNETSOV], wpm: 20}\n"
        + "  - {between: [KUZNETSOV, FILIPPOV], wpm: 30}\n";
  }

  static Topology topology(int sheets) {
    try {
      return Topology.parse(yaml(freePort(), freePort(), freePort(), sheets), "<test>",
          Path.of("."));
    } catch (MalformedInputException e) {
      throw new IllegalStateException(e);
    }
  }
}
