package org.shifrovka.sim.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.shifrovka.CipherSystem;
import org.shifrovka.sim.Topology;

/**
 * The page's only command, {@code {"type":"run", ...}}: run the chain again with a seed, a message
 * of the learner's own, link settings and the "reuse a pad sheet" switch. Parsed strictly: an
 * unknown type or key, a wrong kind of value or one out of range is refused with one message and
 * changes nothing. The keys are documented in {@code sim-server/README.md}.
 *
 * @param seed the seed of codebook, pads and link decisions
 * @param message the text to send, or null for Mao's message of 12 January 1949
 * @param links the link settings to change, each naming a link of the topology
 * @param reusePad whether the origin's clerk reuses his pad sheets (a second message follows)
 * @param system the system the office view walks (the air view always runs the 1949 codebook
 *     chain)
 * @param venona whether the office view walks the VENONA lesson ({@code "lesson":"venona"})
 *     instead of the system
 */
record RunRequest(long seed, String message, List<LinkSetting> links, boolean reusePad,
    CipherSystem system, boolean venona) {
  /** The value of {@code lesson} for the VENONA lesson, the only lesson besides the systems. */
  static final String VENONA = "venona";
  /** The longest message, in UTF-8 bytes. */
  static final int MAX_MESSAGE_BYTES = 10 * 1024;
  /** The largest seed: every seed a page can hold exactly in a JavaScript number. */
  static final long MAX_SEED = (1L << 53) - 1;
  /** The longest delay a link may be given, in milliseconds of simulated time. */
  static final long MAX_DELAY_MS = 10 * 60 * 1000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> KEYS = Set.of("type", "seed", "message", "links", "reusePad",
      "system", "lesson");
  private static final Set<String> LINK_KEYS = Set.of("a", "b", "loss", "garble", "delayMs");

  RunRequest {
    links = List.copyOf(links);
  }

  /**
   * One link's settings from the sliders.
   *
   * @param a one end
   * @param b the other end
   * @param loss the loss probability per frame
   * @param garble the probability that a symbol is received unreadable
   * @param delayMs the delay of the link, simulated milliseconds
   */
  record LinkSetting(String a, String b, double loss, double garble, long delayMs) {}

  /**
   * Parses a command from the page.
   *
   * @param text the WebSocket text
   * @param topology the topology the links must belong to
   * @param defaultSeed the seed when the command gives none
   * @return the request
   * @throws BadCommandException naming what is wrong
   */
  static RunRequest parse(String text, Topology topology, long defaultSeed)
      throws BadCommandException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadCommandException("not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new BadCommandException("a command is a JSON object with a \"type\"");
    }
    JsonNode type = root.get("type");
    if (type == null || !type.isTextual()) {
      throw new BadCommandException("a command needs a \"type\" string");
    }
    if (!type.asText().equals("run")) {
      throw new BadCommandException("unknown command \"" + type.asText()
          + "\" (the only command is \"run\")");
    }
    unknownKeys(root, KEYS, "the run command");
    long seed = defaultSeed;
    JsonNode s = root.get("seed");
    if (s != null && !s.isNull()) {
      if (!s.canConvertToExactIntegral() || !s.canConvertToLong() || s.asLong() < 0
          || s.asLong() > MAX_SEED) {
        throw new BadCommandException("\"seed\" must be a whole number from 0 to " + MAX_SEED);
      }
      seed = s.asLong();
    }
    String message = null;
    JsonNode m = root.get("message");
    if (m != null && !m.isNull()) {
      if (!m.isTextual()) {
        throw new BadCommandException("\"message\" must be a string");
      }
      message = m.asText();
      int bytes = message.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_MESSAGE_BYTES) {
        throw new BadCommandException("the message is " + bytes + " bytes; the limit is "
            + MAX_MESSAGE_BYTES + " (10 KB)");
      }
      if (message.isBlank()) {
        throw new BadCommandException("the message is empty");
      }
    }
    List<LinkSetting> links = new ArrayList<>();
    JsonNode l = root.get("links");
    if (l != null && !l.isNull()) {
      if (!l.isArray()) {
        throw new BadCommandException("\"links\" must be an array");
      }
      for (JsonNode n : l) {
        links.add(link(n, topology));
      }
    }
    boolean reuse = false;
    JsonNode r = root.get("reusePad");
    if (r != null && !r.isNull()) {
      if (!r.isBoolean()) {
        throw new BadCommandException("\"reusePad\" must be true or false");
      }
      reuse = r.asBoolean();
    }
    CipherSystem system = CipherSystem.CODEBOOK_PAD;
    JsonNode sys = root.get("system");
    if (sys != null && !sys.isNull()) {
      if (!sys.isTextual()) {
        throw new BadCommandException("\"system\" must be a string");
      }
      try {
        system = CipherSystem.of(sys.asText());
      } catch (IllegalArgumentException e) {
        throw new BadCommandException(e.getMessage());
      }
    }
    boolean venona = false;
    JsonNode lesson = root.get("lesson");
    if (lesson != null && !lesson.isNull()) {
      if (!lesson.isTextual() || !lesson.asText().equals(VENONA)) {
        throw new BadCommandException("no lesson " + lesson + " (the lesson is \"" + VENONA
            + "\", or null for the system's stages)");
      }
      venona = true;
    }
    return new RunRequest(seed, message, links, reuse, system, venona);
  }

  private static LinkSetting link(JsonNode n, Topology topology) throws BadCommandException {
    if (!n.isObject()) {
      throw new BadCommandException("each of \"links\" must be an object");
    }
    unknownKeys(n, LINK_KEYS, "a link");
    String a = text(n, "a");
    String b = text(n, "b");
    boolean known = topology.links().stream().anyMatch(d -> d.a().equals(a) && d.b().equals(b)
        || d.a().equals(b) && d.b().equals(a));
    if (!known) {
      throw new BadCommandException("no link between \"" + a + "\" and \"" + b + "\"");
    }
    double loss = probability(n, "loss");
    double garble = probability(n, "garble");
    JsonNode d = n.get("delayMs");
    if (d == null || !d.canConvertToExactIntegral() || d.asLong() < 0
        || d.asLong() > MAX_DELAY_MS) {
      throw new BadCommandException("a link's \"delayMs\" must be a whole number from 0 to "
          + MAX_DELAY_MS);
    }
    return new LinkSetting(a, b, loss, garble, d.asLong());
  }

  private static String text(JsonNode n, String key) throws BadCommandException {
    JsonNode v = n.get(key);
    if (v == null || !v.isTextual()) {
      throw new BadCommandException("a link needs \"" + key + "\", a station's name");
    }
    return v.asText();
  }

  private static double probability(JsonNode n, String key) throws BadCommandException {
    JsonNode v = n.get(key);
    if (v == null || !v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
      throw new BadCommandException("a link's \"" + key + "\" must be a number from 0 to 1");
    }
    return v.asDouble();
  }

  private static void unknownKeys(JsonNode n, Set<String> keys, String what)
      throws BadCommandException {
    for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
      String k = it.next();
      if (!keys.contains(k)) {
        throw new BadCommandException(what + " has no key \"" + k + "\" (keys: "
            + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
      }
    }
  }
}
