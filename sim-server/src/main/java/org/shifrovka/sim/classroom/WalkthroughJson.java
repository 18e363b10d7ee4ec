package org.shifrovka.sim.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.shifrovka.lesson.Highlight;
import org.shifrovka.lesson.Source;
import org.shifrovka.lesson.Stage;
import org.shifrovka.lesson.Value;
import org.shifrovka.lesson.VenonaWalkthrough;
import org.shifrovka.lesson.Walkthrough;

/**
 * The JSON form of a {@link Walkthrough}, format {@code shifrovka-walkthrough}, version 1: what
 * {@code shifrovka explain --json} and {@code demo --json} print and what the classroom page
 * renders. The schema is documented in {@code cli/README.md} ("The walkthrough as JSON"). Keys are
 * always present and always in the same order; built from trees, without reflection on our
 * classes.
 */
public final class WalkthroughJson {
  /** The value of {@code format}. */
  public static final String FORMAT = "shifrovka-walkthrough";
  /** The format version; it changes only when a key is removed or changes meaning. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private WalkthroughJson() {}

  /**
   * Returns the walkthrough as pretty-printed JSON, ending with a line feed.
   *
   * @param walkthrough the walkthrough
   * @return the JSON text
   */
  public static String write(Walkthrough walkthrough) {
    try {
      return WRITER.writeValueAsString(tree(walkthrough)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the walkthrough as a JSON tree.
   *
   * @param walkthrough the walkthrough
   * @return the tree
   */
  public static ObjectNode tree(Walkthrough walkthrough) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("system", walkthrough.system().label());
    if (walkthrough.seed().isPresent()) {
      root.put("seed", walkthrough.seed().getAsLong());
    } else {
      root.putNull("seed");
    }
    root.put("message", walkthrough.message());
    root.put("delivered", walkthrough.delivered());
    stages(root.putArray("stages"), walkthrough.stages());
    return root;
  }

  /**
   * Returns the VENONA lesson as a JSON tree, in the same format: {@code lesson} ({@code
   * "venona"}) stands where a system's walkthrough has {@code system} and {@code message}, {@code
   * taught} (a depth read, none under the honest ledger) where it has {@code delivered}; the
   * stages are written as every walkthrough's.
   *
   * @param lesson the lesson
   * @return the tree
   */
  public static ObjectNode tree(VenonaWalkthrough lesson) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("lesson", RunRequest.VENONA);
    root.put("seed", lesson.seed());
    root.put("taught", lesson.taught());
    stages(root.putArray("stages"), lesson.stages());
    return root;
  }

  /**
   * Returns one stage as a JSON tree.
   *
   * @param s the stage
   * @return the tree
   */
  public static ObjectNode stage(Stage s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("number", s.number());
    o.put("id", s.id().id());
    o.put("title", s.title());
    o.put("explanation", s.explanation());
    ArrayNode sources = o.putArray("sources");
    for (Source src : s.sources()) {
      ObjectNode so = sources.addObject();
      so.put("section", src.section());
      ArrayNode keys = so.putArray("keys");
      src.keys().forEach(keys::add);
    }
    o.put("inferred", s.inferred());
    values(o.putArray("input"), s.input());
    values(o.putArray("output"), s.output());
    ArrayNode hl = o.putArray("highlights");
    for (Highlight h : s.highlights()) {
      ObjectNode ho = hl.addObject();
      ho.put("side", h.side() == Highlight.Side.INPUT ? "input" : "output");
      ho.put("value", h.value());
      ho.put("item", h.item());
      ho.put("note", h.note());
    }
    return o;
  }

  private static void stages(ArrayNode out, List<Stage> stages) {
    for (Stage s : stages) {
      out.add(stage(s));
    }
  }

  private static void values(ArrayNode out, List<Value> values) {
    for (Value v : values) {
      ObjectNode o = out.addObject();
      o.put("kind", v.kind());
      o.put("label", v.label());
      if (v instanceof Value.Text t) {
        o.put("text", t.text());
      } else if (v instanceof Value.Groups g) {
        ArrayNode groups = o.putArray("groups");
        for (Value.Group group : g.groups()) {
          ObjectNode go = groups.addObject();
          go.put("digits", group.digits());
          if (group.meaning() == null) {
            go.putNull("meaning");
          } else {
            go.put("meaning", group.meaning());
          }
          go.put("mark", group.mark().id());
        }
      } else if (v instanceof Value.Table t) {
        ArrayNode columns = o.putArray("columns");
        t.columns().forEach(columns::add);
        ArrayNode rows = o.putArray("rows");
        for (List<String> row : t.rows()) {
          ArrayNode r = rows.addArray();
          row.forEach(r::add);
        }
      } else if (v instanceof Value.Fields f) {
        ArrayNode fields = o.putArray("fields");
        for (Value.Field field : f.fields()) {
          ObjectNode fo = fields.addObject();
          fo.put("name", field.name());
          fo.put("value", field.value());
          fo.put("meaning", field.meaning());
        }
      } else if (v instanceof Value.Morse m) {
        o.put("text", m.text());
        o.put("morse", m.morse());
        o.put("wpm", m.wpm());
        o.put("seconds", m.seconds());
      }
    }
  }
}
