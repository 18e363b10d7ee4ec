package org.shifrovka.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.sim.server.LinkTransport;

/** Generated topologies ({@link TopologyShape}) load, route and run. */
class GeneratedTopologyTest {

  @Test
  void aGeneratedTreeOf200StationsRunsEndToEndExactlyOnce() throws Exception {
    String yaml = TopologyShape.parse("tree:200,4").render(7, 2, 100_000);
    Topology t = Topology.parse(yaml, "tree.yaml", null);
    assertEquals(200, t.stations().size());
    assertEquals(199, t.links().size());
    assertEquals(398, t.messages().size());
    OutcomeReport r = ChainSimulation.builder().topology(t).seed(7).build().run();
    assertTrue(r.finished(), "finished");
    assertTrue(r.allDeliveredExactlyOnce(), "every message delivered exactly once");
    // a seed reproduces the run byte for byte
    OutcomeReport again = ChainSimulation.builder().topology(t).seed(7).build().run();
    assertEquals(r.render(), again.render());
    assertEquals(r.timeline(), again.timeline());
  }

  /**
   * tree:1000,4 with 100 messages per origin and 20,000 sheets per link lost 31,400 messages: the
   * root's links carry 34,100 (T1, T2), 23,200 (T3) and 8,500 (T4) and each telegram takes a
   * sheet. The same at a small size: T1, T2 and T3 each carry 13 origins' messages to T0.
   */
  @Test
  void aTreeGetsEnoughPadSheetsForItsBusiestLinkByDefault() throws Exception {
    TopologyShape shape = TopologyShape.parse("tree:40,3");
    Topology.LinkLoad most = shape.busiestLink(1, 10);
    assertEquals("T0", most.to());
    assertEquals(130, most.messages());
    Topology t = Topology.parse(shape.render(1, 10, 0), "tree.yaml", null);
    assertEquals(130, t.padSheets());
    assertEquals(List.of(), t.padShortages());
    OutcomeReport r = ChainSimulation.builder().topology(t).seed(1).build().run();
    assertTrue(r.finished(), "finished");
    assertEquals(390, r.deliveredCount());
    assertTrue(r.allDeliveredExactlyOnce(), "every message delivered exactly once");
  }

  @Test
  void tooFewPadSheetsAreFoundBeforeTheRunAndNamedInTheReport() throws Exception {
    Topology t = Topology.parse(TopologyShape.parse("tree:40,3").render(1, 10, 100), "t", null);
    assertEquals(List.of(new Topology.LinkLoad("T1", "T0", 130),
        new Topology.LinkLoad("T2", "T0", 130), new Topology.LinkLoad("T3", "T0", 130)),
        t.padShortages());
    OutcomeReport r = ChainSimulation.builder().topology(t).seed(1).build().run();
    assertTrue(r.finished(), "finished");
    // each root link carries its first 100 and no more; none is lost without a reason
    assertEquals(390 - 3 * 30, r.deliveredCount());
    for (OutcomeReport.Message m : r.messages()) {
      if (!m.deliveredIntact()) {
        assertTrue(m.problem().matches("T[123]->T0 not forwarded: pad book T[123]-T0 is"
            + " exhausted.*"), m.problem());
      }
    }
  }

  @Test
  void inProcessLinksGiveTheReportOfTcpLinks() throws Exception {
    Topology t = Topology.parse(TopologyShape.parse("mesh:16,3").render(5, 2, 0), "m", null);
    assertEquals(LinkTransport.TCP, ChainSimulation.builder().topology(t).build().transport());
    OutcomeReport tcp = ChainSimulation.builder().topology(t).seed(5).loss(0.05).garble(0.01)
        .transport(LinkTransport.TCP).build().run();
    OutcomeReport local = ChainSimulation.builder().topology(t).seed(5).loss(0.05).garble(0.01)
        .transport(LinkTransport.IN_PROCESS).build().run();
    assertTrue(tcp.finished() && local.finished(), "finished");
    assertEquals(tcp.render(), local.render());
    assertEquals(tcp.timeline(), local.timeline());
    Topology big = Topology.parse(TopologyShape.parse("star:2001").render(1, 0, 1), "s", null);
    assertEquals(LinkTransport.IN_PROCESS,
        ChainSimulation.builder().topology(big).build().transport());
  }

  @Test
  void routesAreShortestPaths() throws Exception {
    Topology grid = Topology.parse(TopologyShape.parse("grid:4,3").render(1, 1, 10), "g", null);
    assertEquals(12, grid.stations().size());
    assertEquals(17, grid.links().size());
    // G3-2 is 5 hops from G0-0; every step of its route gets one hop nearer
    String at = "G3-2";
    int hops = 0;
    while (!at.equals("G0-0")) {
      at = grid.nextHop(at, "G0-0");
      hops++;
    }
    assertEquals(5, hops);
    Topology tree = Topology.parse(TopologyShape.parse("tree:13,3").render(1, 1, 10), "t", null);
    assertEquals("T3", tree.nextHop("T12", "T0"));
    assertEquals("T0", tree.nextHop("T3", "T0"));
    assertEquals("T12", tree.nextHop("T3", "T12"));
  }

  @Test
  void everyShapeLoadsAndTheSameArgumentsGiveTheSameFile() throws Exception {
    for (String s : List.of("star:50", "tree:50,3", "ring:50", "mesh:50,4", "grid:10,5")) {
      String yaml = TopologyShape.parse(s).render(3, 1, 10);
      assertEquals(yaml, TopologyShape.parse(s).render(3, 1, 10));
      Topology t = Topology.parse(yaml, s, null);
      assertEquals(50, t.stations().size(), s);
      for (Topology.StationSpec st : t.stations()) {
        if (!st.name().equals(t.stations().get(0).name())) {
          assertTrue(t.nextHop(st.name(), t.stations().get(0).name()) != null, s + " connected");
        }
      }
    }
  }

  @Test
  void badShapesSayWhy() {
    assertEquals("a shape is star:N, tree:N,FANOUT, ring:N, mesh:N,DEGREE or grid:W,H; got"
        + " \"cube:5\"", assertThrows(IllegalArgumentException.class,
            () -> TopologyShape.parse("cube:5")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> TopologyShape.parse("tree:10"));
    assertThrows(IllegalArgumentException.class, () -> TopologyShape.parse("mesh:10,10"));
    assertThrows(IllegalArgumentException.class, () -> TopologyShape.parse("star:1"));
  }
}
