package org.shifrovka.sim.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.shifrovka.sim.OutcomeReport;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.fault.LinkSpec;
import org.shifrovka.sim.observe.EventLog;
import org.shifrovka.telegram.MoscowTime;
import org.shifrovka.telegram.Station;

/**
 * The JSON messages the classroom server sends to the page, besides the walkthrough
 * ({@link WalkthroughJson}): the topology, each event of a run as it happens, and the outcome.
 * Every message has a {@code type}; the keys are documented in {@code sim-server/README.md}.
 */
final class RunJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RunJson() {}

  /** Returns a message of a type. */
  static ObjectNode message(String type) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("type", type);
    return o;
  }

  /** Returns an error event: what was wrong, and that nothing changed. */
  static ObjectNode error(String text) {
    ObjectNode o = message("error");
    o.put("message", text);
    return o;
  }

  /** Returns the stations and links of a topology, with each link's settings. */
  static ObjectNode topology(Topology t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("start", t.start().toString());
    ArrayNode stations = o.putArray("stations");
    for (Topology.StationSpec s : t.stations()) {
      ObjectNode so = stations.addObject();
      so.put("name", s.name());
      so.put("place", s.station().place());
      so.put("zone", s.station().zone().getId());
      so.put("role", s.role().name().toLowerCase(java.util.Locale.ROOT));
    }
    ArrayNode links = o.putArray("links");
    for (Topology.LinkDecl l : t.links()) {
      links.add(link(l.a(), l.b(), l.spec()));
    }
    return o;
  }

  /** Returns one link's settings as the sliders show them. */
  static ObjectNode link(String a, String b, LinkSpec spec) {
    ObjectNode lo = MAPPER.createObjectNode();
    lo.put("a", a);
    lo.put("b", b);
    lo.put("wpm", spec.wpm());
    lo.put("delayMs", spec.delayNanos() / 1_000_000);
    lo.put("loss", spec.loss());
    lo.put("garble", spec.garble());
    return lo;
  }

  /**
   * Returns one event of a run, with its time at the station and in Moscow.
   *
   * @param run the run's number in its session
   * @param seq the event's number in the run, from 0
   * @param e the event
   * @param epoch the simulated instant of time 0
   * @param zones each station's zone
   */
  static ObjectNode event(int run, int seq, EventLog.Entry e, Instant epoch,
      Map<String, ZoneId> zones) {
    ObjectNode o = message("event");
    o.put("run", run);
    o.put("seq", seq);
    o.put("simNs", e.simNanos());
    // "1949-01-13 21:40:00  16:40:00": the two columns every timeline of shifrovka prints
    String when = MoscowTime.columns(epoch.plusNanos(e.simNanos()),
        zones.getOrDefault(e.station(), Station.MOSCOW));
    int gap = when.indexOf("  ");
    o.put("local", when.substring(0, gap));
    o.put("moscow", when.substring(gap + 2));
    o.put("station", e.station());
    o.put("event", e.event());
    o.put("peer", e.peer());
    o.put("ref", e.reference());
    o.put("detail", e.detail());
    return o;
  }

  /** Returns the outcome of a run: every message's fate, the registers and the alarms. */
  static ObjectNode outcome(int run, int events, OutcomeReport r) {
    ObjectNode o = message("outcome");
    o.put("run", run);
    o.put("events", events);
    o.put("finished", r.finished());
    o.put("simulatedNs", r.simulatedNanos());
    o.put("allDelivered", r.finished() && r.allDeliveredExactlyOnce());
    ArrayNode messages = o.putArray("messages");
    for (OutcomeReport.Message m : r.messages()) {
      ObjectNode mo = messages.addObject();
      mo.put("reference", m.reference());
      mo.put("from", m.from());
      mo.put("to", m.to());
      mo.put("delivered", m.deliveredIntact());
      mo.put("deliveries", m.deliveries());
      mo.put("sentText", m.sentText());
      mo.put("deliveredText", m.deliveredText());
      strings(mo.putArray("registryNumbers"), m.registryNumbers());
      mo.put("problem", m.problem());
    }
    ObjectNode registers = o.putObject("registers");
    new java.util.TreeMap<>(r.registers()).forEach((k, v) -> strings(registers.putArray(k), v));
    strings(o.putArray("alarms"), r.alarms());
    return o;
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
