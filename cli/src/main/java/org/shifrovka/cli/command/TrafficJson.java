package org.shifrovka.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.cryptanalysis.Depth;
import org.shifrovka.cryptanalysis.DepthFinding;
import org.shifrovka.cryptanalysis.DepthMember;
import org.shifrovka.cryptanalysis.DepthScore;
import org.shifrovka.cryptanalysis.Reading;
import org.shifrovka.cryptanalysis.TrafficAnswers;

/**
 * The JSON of the cryptanalysis commands: the answers file of {@code traffic generate} (written
 * and read back by {@code attack depth --answers}), {@code attack depth --json} and
 * {@code attack read --json}. The formats
 * are documented in {@code cli/README.md}.
 */
final class TrafficJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n")));

  private TrafficJson() {}

  /** Renders the answers file. */
  static String answers(TrafficAnswers a) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "shifrovka-traffic-answers-1");
    root.put("seed", a.seed());
    root.put("telegrams", a.sent().size());
    ArrayNode depths = root.putArray("depths");
    for (TrafficAnswers.TrueDepth d : a.depths()) {
      ObjectNode o = depths.addObject();
      o.put("kind", d.kind().id());
      members(o.putArray("members"), d.members());
    }
    ArrayNode sent = root.putArray("sent");
    for (TrafficAnswers.Sent s : a.sent()) {
      ObjectNode o = sent.addObject();
      o.put("intercept", s.interceptId());
      o.put("link", s.link());
      o.put("book", s.bookId());
      o.put("firstSheet", s.firstSheet());
      o.put("sheets", s.sheets());
      o.put("indicator", String.format(Locale.ROOT, "%05d", s.indicator()));
      o.put("fault", s.fault().id());
      o.put("text", s.text());
    }
    return write(root);
  }

  /**
   * Reads an answers file.
   *
   * @throws MalformedInputException if it is not one
   */
  static TrafficAnswers parseAnswers(String text, String source) throws MalformedInputException {
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || !"shifrovka-traffic-answers-1".equals(root.path("format").asText())) {
        throw new MalformedInputException(source, 0, 0,
            "not a traffic answers file (format shifrovka-traffic-answers-1)");
      }
      List<TrafficAnswers.TrueDepth> depths = new ArrayList<>();
      for (JsonNode d : root.path("depths")) {
        List<DepthMember> members = new ArrayList<>();
        for (JsonNode m : d.path("members")) {
          members.add(new DepthMember(m.path("intercept").asInt(), m.path("offset").asInt()));
        }
        depths.add(new TrafficAnswers.TrueDepth(TrafficAnswers.Fault.of(d.path("kind").asText()),
            members));
      }
      List<TrafficAnswers.Sent> sent = new ArrayList<>();
      for (JsonNode s : root.path("sent")) {
        sent.add(new TrafficAnswers.Sent(s.path("intercept").asInt(), s.path("link").asText(),
            s.path("book").asText(), s.path("firstSheet").asInt(), s.path("sheets").asInt(),
            Integer.parseInt(s.path("indicator").asText("0")),
            TrafficAnswers.Fault.of(s.path("fault").asText()), s.path("text").asText()));
      }
      return new TrafficAnswers(root.path("seed").asLong(), sent, depths);
    } catch (JsonProcessingException e) {
      throw new MalformedInputException(source, e.getLocation() == null ? 0
          : e.getLocation().getLineNr(), e.getLocation() == null ? 0
          : e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(source, 0, 0, e.getMessage());
    }
  }

  /** Renders a finding, with its score against the answers if there are any. */
  static String finding(DepthFinding f, DepthScore score) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("intercepts", f.intercepts());
    root.put("tests", f.tests());
    root.put("threshold", round(f.threshold()));
    root.put("pageTests", f.pageTests());
    root.put("pageThreshold", round(f.pageThreshold()));
    ArrayNode depths = root.putArray("depths");
    for (Depth d : f.depths()) {
      ObjectNode o = depths.addObject();
      o.put("id", d.id());
      o.put("method", d.method().id());
      o.put("score", round(d.score()));
      members(o.putArray("members"), d.members());
      ArrayNode ev = o.putArray("evidence");
      for (Depth.Evidence e : d.evidence()) {
        ObjectNode x = ev.addObject();
        x.put("first", e.pair().first());
        x.put("second", e.pair().second());
        x.put("shift", e.pair().shift());
        x.put("coincidences", e.coincidences());
        x.put("windows", e.windows());
        x.put("score", round(e.score()));
        x.put("sameIndicator", e.sameIndicator());
      }
    }
    if (score != null) {
      ObjectNode s = root.putObject("score");
      s.put("foundPairs", score.found());
      s.put("truePairs", score.truePairs());
      s.put("correctPairs", score.correct());
      s.put("precision", round(score.precision()));
      s.put("recall", round(score.recall()));
    }
    return write(root);
  }

  /** Renders the readings of {@code attack read --json}. */
  static String reading(int intercepts, int rounds, List<Depth> depths,
      Map<Integer, Reading> readings, Codebook book) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", "shifrovka-reading-1");
    root.put("intercepts", intercepts);
    root.put("rounds", rounds);
    ArrayNode out = root.putArray("depths");
    for (Depth d : depths) {
      Reading r = readings.get(d.id());
      ObjectNode o = out.addObject();
      o.put("id", d.id());
      o.put("method", d.method().id());
      members(o.putArray("members"), d.members());
      ArrayNode telegrams = o.putArray("telegrams");
      for (Reading.Telegram t : r.telegrams()) {
        ObjectNode x = telegrams.addObject();
        x.put("intercept", t.interceptId());
        x.put("offset", t.offset());
        x.put("read", t.readPositions());
        ArrayNode groups = x.putArray("groups");
        for (int c : t.codes()) {
          if (c < 0) {
            groups.addNull();
          } else {
            groups.add(String.format(Locale.ROOT, "%04d", c));
          }
        }
        x.put("text", t.text(book));
      }
      ArrayNode unaligned = o.putArray("unaligned");
      for (int id : r.unaligned()) {
        unaligned.add(id);
      }
    }
    return write(root);
  }

  private static void members(ArrayNode out, List<DepthMember> members) {
    for (DepthMember m : members) {
      ObjectNode o = out.addObject();
      o.put("intercept", m.interceptId());
      o.put("offset", m.offset());
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static String write(ObjectNode root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
