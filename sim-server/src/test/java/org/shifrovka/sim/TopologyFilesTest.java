package org.shifrovka.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample topologies under {@code sim-server/topologies} parse and run to the end. */
@ExtendWith(LeakCheck.class)
class TopologyFilesTest {
  @Test
  void builtInAndSampleFile_1949_areTheSame() throws Exception {
    assertThat(Files.readString(Path.of("topologies/1949.yaml"))).isEqualTo(
        new String(TopologyFilesTest.class.getResourceAsStream(Topology.DEFAULT_RESOURCE)
            .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void fourStations_deliversEveryMessageThroughTwoRelays() throws Exception {
    Topology t = Topology.parse(Path.of("topologies/four-stations.yaml"));
    assertThat(t.nextHop("TEREBIN", "FILIPPOV")).isEqualTo("KHABAROVSK");
    assertThat(t.nextHop("KHABAROVSK", "FILIPPOV")).isEqualTo("KUZNETSOV");
    OutcomeReport r = ChainSimulation.builder().topology(t).build().run();
    assertThat(r.finished()).isTrue();
    assertThat(r.allDeliveredExactlyOnce()).as(r.render()).isTrue();
    assertThat(r.messages()).hasSize(7);
    assertThat(r.gapFree("KUZNETSOV", 20)).isTrue();
  }
}
