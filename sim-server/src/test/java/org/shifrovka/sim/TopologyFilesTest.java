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

  @Test
  void separateStationFiles_differOnlyInWhereTheStationsListenAndAreDialled() throws Exception {
    Topology local = Topology.parse(Path.of("topologies/stations-loopback.yaml"));
    Topology remote = Topology.parse(Path.of("topologies/stations-separate.yaml"));
    assertThat(local.station("KUZNETSOV").address()).isEqualTo("127.0.0.1:7002");
    assertThat(remote.station("KUZNETSOV").host()).isEqualTo("0.0.0.0");
    assertThat(remote.station("KUZNETSOV").address()).isEqualTo("gru.example.org:7002");
    assertThat(remote.padSheets()).isEqualTo(local.padSheets());
    for (Topology.StationSpec s : local.stations()) {
      Topology.StationSpec r = remote.station(s.name());
      assertThat(r.port()).isEqualTo(s.port());
      assertThat(r.role()).isEqualTo(s.role());
      assertThat(r.firstSerial()).isEqualTo(s.firstSerial());
    }
  }
}
