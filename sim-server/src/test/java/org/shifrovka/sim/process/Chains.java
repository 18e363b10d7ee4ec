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
    return StationAttack.chain(new int[] {terebin, kuznetsov, filippov}, sheets);
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
