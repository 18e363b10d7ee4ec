package org.shifrovka.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shifrovka.Decipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.ReceivedMessage;
import org.shifrovka.sim.process.ProcessStation;
import org.shifrovka.telegram.ArchivalCopy;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.RegistryNumber;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;

/**
 * The JSON formats of {@code encode --format json} and {@code decode --format json}, documented in
 * the README ("Command line"). Keys are always present and always in the same order; absent values
 * are {@code null}. Times are ISO-8601 with offset and seconds. Built from trees, without
 * reflection on our classes.
 */
public final class Json {
  /** The value of {@code format} in the output of {@code encode}. */
  public static final String TELEGRAMS = "shifrovka-telegrams";
  /** The value of {@code format} in the output of {@code decode}. */
  public static final String DECIPHERMENT = "shifrovka-decipherment";
  /** The format version; it changes only when a key is removed or changes meaning. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private Json() {}

  /**
   * Renders telegrams.
   *
   * @param telegrams the telegrams in order
   * @param registryNumbers the registry number of each telegram, or null for none
   */
  public static String telegrams(List<Telegram> telegrams, List<RegistryNumber> registryNumbers) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", TELEGRAMS);
    root.put("version", VERSION);
    ArrayNode arr = root.putArray("telegrams");
    for (int i = 0; i < telegrams.size(); i++) {
      Telegram t = telegrams.get(i);
      ObjectNode o = arr.addObject();
      o.set("from", station(t.from()));
      o.set("to", station(t.to()));
      o.put("for", t.addressee().orElse(null));
      o.put("serial", t.serial());
      o.put("part", t.part());
      o.put("parts", t.parts());
      o.put("precedence", label(t.precedence()));
      o.put("filed", ISO.format(t.filed()));
      o.put("filedMoscow", ISO.format(t.filedMoscow()));
      o.put("padBook", t.padBookId());
      RegistryNumber reg = registryNumbers == null ? null : registryNumbers.get(i);
      o.put("registryNumber", reg == null ? null : reg.toString());
      o.put("groupCount", t.groupCount());
      ArrayNode g = o.putArray("groups");
      t.groups().forEach(g::add);
    }
    return write(root);
  }

  /** Renders what deciphering gave: messages, archival copies and the problem report. */
  public static String decipherment(Decipherment d) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", DECIPHERMENT);
    root.put("version", VERSION);
    root.put("clean", d.clean());
    ArrayNode msgs = root.putArray("messages");
    for (ReceivedMessage m : d.messages()) {
      ObjectNode o = msgs.addObject();
      o.put("sender", m.sender());
      o.put("firstSerial", m.firstSerial());
      o.put("parts", m.parts());
      o.put("complete", m.complete());
      ArrayNode missing = o.putArray("missingParts");
      m.missingParts().forEach(missing::add);
      o.put("garbledGroups", m.garbledGroups());
      o.put("text", m.text().toString());
      ArrayNode copies = o.putArray("copies");
      for (ArchivalCopy c : m.copies()) {
        ObjectNode co = copies.addObject();
        co.put("registryNumber", c.registryNumber().toString());
        co.put("recipient", c.recipient());
        co.put("for", c.addressee().orElse(null));
        co.put("part", c.part());
        co.put("parts", c.parts());
        co.put("text", c.text().toString());
        co.put("closingLine", c.closingLine().render());
      }
    }
    ArrayNode problems = root.putArray("problems");
    d.problems().forEach(problems::add);
    return write(root);
  }

  /**
   * Renders a filing at a station as one JSON line ({@code shifrovka station} output): {@code
   * {"event":"filed","source":...,"reference":...,"to":...,"text":...}}.
   */
  public static String filedLine(ProcessStation.Filing f) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("event", "filed");
    o.put("source", f.source());
    o.put("reference", f.reference());
    o.put("to", f.addressee());
    o.put("text", f.text());
    return o.toString() + "\n";
  }

  /**
   * Renders a delivery at a station as one JSON line: {@code {"event":"delivered","reference":...,
   * "registryNumbers":[...],"latencyMillis":n,"text":...}} (latency from filing at the origin to
   * delivery here, by the two stations' clocks).
   */
  public static String deliveredLine(ProcessStation.Delivery d) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("event", "delivered");
    o.put("reference", d.reference());
    ArrayNode regs = o.putArray("registryNumbers");
    d.registryNumbers().forEach(regs::add);
    o.put("latencyMillis", (d.deliveredAt() - d.filedAt()) / 1e6);
    o.put("text", d.text());
    return o.toString() + "\n";
  }

  /** Returns true if {@code text} looks like JSON (its first non-blank character is an opening brace). */
  public static boolean looksLikeJson(String text) {
    return text.stripLeading().startsWith("{");
  }

  /**
   * Reads the radiograms back from the output of {@code encode --format json}: the number is the
   * serial, the header's day and time come from {@code filedMoscow}.
   *
   * @throws MalformedInputException if the text is not such JSON
   */
  public static List<Radiogram> parseTelegrams(String text, String source)
      throws MalformedInputException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new MalformedInputException(source, Math.max(line, 0), Math.max(col, 0),
          "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !TELEGRAMS.equals(root.path("format").asText())) {
      throw new MalformedInputException(source, 0, 0, "expected JSON with \"format\": \""
          + TELEGRAMS + "\" (the output of encode --format json)");
    }
    JsonNode arr = root.path("telegrams");
    if (!arr.isArray()) {
      throw new MalformedInputException(source, 0, 0, "\"telegrams\" is not an array");
    }
    List<Radiogram> out = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode t = arr.get(i);
      String where = "telegrams[" + i + "]";
      try {
        int serial = integer(t, "serial", where);
        ZonedDateTime moscow = OffsetDateTime.parse(string(t, "filedMoscow", where), ISO)
            .atZoneSameInstant(Station.MOSCOW);
        Precedence p = Precedence.of(string(t, "precedence", where));
        JsonNode gs = t.path("groups");
        if (!gs.isArray()) {
          throw new IllegalArgumentException(where + ".groups is not an array");
        }
        List<String> groups = new ArrayList<>();
        gs.forEach(g -> groups.add(g.asText()));
        int declared = t.hasNonNull("groupCount") ? integer(t, "groupCount", where)
            : groups.size();
        out.add(Radiogram.of(serial, declared, moscow.getDayOfMonth(),
            moscow.toLocalTime().withSecond(0).withNano(0), p, groups));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new MalformedInputException(source, 0, 0, where + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static int integer(JsonNode t, String key, String where) {
    JsonNode n = t.path(key);
    if (!n.isInt()) {
      throw new IllegalArgumentException(where + "." + key + " is not an integer");
    }
    return n.asInt();
  }

  private static String string(JsonNode t, String key, String where) {
    JsonNode n = t.path(key);
    if (!n.isTextual()) {
      throw new IllegalArgumentException(where + "." + key + " is not a string");
    }
    return n.asText();
  }

  private static ObjectNode station(Station s) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("name", s.name());
    o.put("place", s.place());
    o.put("zone", s.zone().getId());
    return o;
  }

  private static String label(Precedence p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String write(ObjectNode root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
