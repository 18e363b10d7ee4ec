package org.shifrovka.sim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shifrovka.MalformedInputException;
import org.shifrovka.internal.StrictUtf8;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.sim.fault.LinkSpec;
import org.shifrovka.sim.server.ForwardMode;
import org.shifrovka.sim.server.Role;
import org.shifrovka.sim.core.RetransmitSettings;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Station;

/**
 * A chain of stations and links, read from a small YAML file (see {@code sim-server/README.md} and
 * {@code topologies/1949.yaml}).
 *
 * <p>{@link #parse} reports every problem as {@code file:line:column: reason}. Each link declared
 * once carries traffic both ways (telegrams one way, receipts and repeat requests the other);
 * {@code outages} take one direction down for a while of simulated time (a one-way partition).
 *
 * <p>Instances are immutable.
 */
public final class Topology {
  /** The resource of the default topology. */
  public static final String DEFAULT_RESOURCE = "/org/shifrovka/sim/1949.yaml";
  /** The most sheets a link's pad book may have ({@code pads: {sheets: N}}). */
  public static final int MAX_PAD_SHEETS = 100_000;

  private final Instant start;
  private final ForwardMode forward;
  private final RetransmitSettings retransmit;
  private final int padSheets;
  private final int groupsPerSheet;
  private final List<StationSpec> stations;
  private final List<LinkDecl> links;
  private final List<Outage> outages;
  private final List<MessageSpec> messages;
  /** Each destination's routes, found on first use: see {@link #nextHop}. */
  private final Map<String, Routes> routesTo = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Map<String, List<String>> adjacency;

  Topology(Instant start, RetransmitSettings retransmit, int padSheets, int groupsPerSheet,
      List<StationSpec> stations, List<LinkDecl> links, List<Outage> outages,
      List<MessageSpec> messages) {
    this.start = start;
    this.forward = retransmit.forward();
    this.retransmit = retransmit;
    this.padSheets = padSheets;
    this.groupsPerSheet = groupsPerSheet;
    this.stations = List.copyOf(stations);
    this.links = List.copyOf(links);
    this.outages = List.copyOf(outages);
    this.messages = List.copyOf(messages);
  }

  /**
   * A station.
   *
   * @param station name, place and time zone
   * @param role what it does
   * @param host the listen address (loopback by default)
   * @param port the listen port (0: any free port)
   * @param registerBase the first registry number of its office
   * @param registerStep the step between registry numbers
   * @param registerWidth the least number of digits registry numbers are written with
   * @param firstSerial the sender's serial of its first telegram
   * @param parts split every message into this many parts (0: by {@code maxGroups})
   * @param maxGroups the longest telegram in groups (0: no limit)
   * @param filingInterval simulated time between the filing of consecutive parts
   * @param precedence the precedence of its telegrams
   * @param address where other stations dial it, {@code host:port} (key {@code address}; by
   *     default the listen address); needed when it listens on a wildcard such as {@code 0.0.0.0}
   */
  public record StationSpec(Station station, Role role, String host, int port, int registerBase,
      int registerStep, int registerWidth, int firstSerial, int parts, int maxGroups,
      Duration filingInterval, Precedence precedence, String address) {
    /** Returns the name. */
    public String name() {
      return station.name();
    }

    /** Returns {@link #address()} as a socket address, unresolved (resolved when dialled). */
    public java.net.InetSocketAddress dialAddress() {
      int colon = address.lastIndexOf(':');
      return java.net.InetSocketAddress.createUnresolved(address.substring(0, colon),
          Integer.parseInt(address.substring(colon + 1)));
    }
  }

  /**
   * A link, carrying traffic both ways with the same characteristics.
   *
   * @param a one end
   * @param b the other end
   * @param spec speed, delay and impairments
   */
  public record LinkDecl(String a, String b, LinkSpec spec) {}

  /**
   * A one-way outage of simulated time.
   *
   * @param from the sending end that goes silent
   * @param to the receiving end
   * @param at when it begins, after the start
   * @param length how long it lasts
   */
  public record Outage(String from, String to, Duration at, Duration length) {}

  /**
   * A message to file.
   *
   * @param from the origin station
   * @param to the addressee
   * @param text the text as typed
   * @param source a label for errors (file name or {@code <scenario>})
   * @param at when it is filed, after the start
   */
  public record MessageSpec(String from, String to, String text, String source, Duration at) {
    /** Validates. */
    public MessageSpec {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Returns the simulated instant the run starts at. */
  public Instant start() {
    return start;
  }

  /** Returns how relays forward. */
  public ForwardMode forward() {
    return forward;
  }

  /** Returns the retransmission settings. */
  public RetransmitSettings retransmit() {
    return retransmit;
  }

  /** Returns the number of sheets in each link's pad book. */
  public int padSheets() {
    return padSheets;
  }

  /** Returns the groups per pad sheet. */
  public int groupsPerSheet() {
    return groupsPerSheet;
  }

  /** Returns the stations. */
  public List<StationSpec> stations() {
    return stations;
  }

  /** Returns the links. */
  public List<LinkDecl> links() {
    return links;
  }

  /** Returns the outages. */
  public List<Outage> outages() {
    return outages;
  }

  /** Returns the messages of the file. */
  public List<MessageSpec> messages() {
    return messages;
  }

  /** Returns the only station with the addressee role, or null if there are none or several. */
  public String soleAddressee() {
    String found = null;
    for (StationSpec s : stations) {
      if (s.role() == Role.ADDRESSEE) {
        if (found != null) {
          return null;
        }
        found = s.name();
      }
    }
    return found;
  }

  /** Returns the station named {@code name}, or null. */
  public StationSpec station(String name) {
    for (StationSpec s : stations) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Returns a copy whose links are changed by {@code f} (for {@code --loss}, {@code --garble}). */
  public Topology withLinks(UnaryOperator<LinkSpec> f) {
    List<LinkDecl> out = new ArrayList<>();
    for (LinkDecl l : links) {
      out.add(new LinkDecl(l.a(), l.b(), f.apply(l.spec())));
    }
    return new Topology(start, retransmit, padSheets, groupsPerSheet, stations, out, outages,
        messages);
  }

  /**
   * Returns a copy in which only the link between {@code a} and {@code b} (named either way round)
   * is changed by {@code f}: the classroom's per-link sliders.
   */
  public Topology withLink(String a, String b, UnaryOperator<LinkSpec> f) {
    List<LinkDecl> out = new ArrayList<>();
    for (LinkDecl l : links) {
      boolean it = l.a().equals(a) && l.b().equals(b) || l.a().equals(b) && l.b().equals(a);
      out.add(it ? new LinkDecl(l.a(), l.b(), f.apply(l.spec())) : l);
    }
    return new Topology(start, retransmit, padSheets, groupsPerSheet, stations, out, outages,
        messages);
  }

  /** Returns a copy with other messages. */
  public Topology withMessages(List<MessageSpec> newMessages) {
    return new Topology(start, retransmit, padSheets, groupsPerSheet, stations, links, outages,
        newMessages);
  }

  /** Returns a copy with other retransmission settings (and forward mode). */
  public Topology withRetransmit(RetransmitSettings s) {
    return new Topology(start, s, padSheets, groupsPerSheet, stations, links, outages, messages);
  }

  /** Returns a copy with pad books of another size. */
  public Topology withPads(int sheets, int groups) {
    return new Topology(start, retransmit, sheets, groups, stations, links, outages, messages);
  }

  /**
   * Returns the next hop from {@code from} toward {@code to} (shortest path), or null. The first
   * call for a destination finds the shortest paths of every station toward it at once (a
   * breadth-first search from it, neighbours in the order the links are declared); later calls
   * look the route up, so routing a run costs O(stations + links) per destination.
   */
  public String nextHop(String from, String to) {
    if (from.equals(to)) {
      return null;
    }
    return routes(to).next(from);
  }

  private Routes routes(String to) {
    return routesTo.computeIfAbsent(to, d -> new Routes(d, adjacency()));
  }

  private Map<String, List<String>> adjacency() {
    Map<String, List<String>> adj = adjacency;
    if (adj == null) {
      List<String[]> pairs = new ArrayList<>(links.size());
      for (LinkDecl l : links) {
        pairs.add(new String[] {l.a(), l.b()});
      }
      adj = Routes.adjacency(pairs);
      adjacency = adj;
    }
    return adj;
  }

  /**
   * The messages routed over one directed link.
   *
   * @param from the sending station
   * @param to the next station
   * @param messages how many messages its route tables send over it
   */
  public record LinkLoad(String from, String to, long messages) {}

  /**
   * Returns the directed links over which more messages are routed than their pad books have
   * sheets, busiest first. Every telegram takes a sheet of the link's book and a message is at
   * least one telegram, so past its last sheet a link can carry nothing: the messages that reach it
   * then are undeliverable ({@code cannot re-encipher ...: pad book ... is exhausted}).
   */
  public List<LinkLoad> padShortages() {
    Map<String, Map<String, Long>> filed = new LinkedHashMap<>();
    for (MessageSpec m : messages) {
      filed.computeIfAbsent(m.to(), k -> new HashMap<>()).merge(m.from(), 1L, Long::sum);
    }
    Map<List<String>, Long> total = new HashMap<>();
    filed.forEach((to, from) -> {
      Routes r = routes(to);
      r.loads(from).forEach((s, n) -> total.merge(List.of(s, r.next(s)), n, Long::sum));
    });
    List<LinkLoad> out = new ArrayList<>();
    total.forEach((link, n) -> {
      if (n > padSheets) {
        out.add(new LinkLoad(link.get(0), link.get(1), n));
      }
    });
    out.sort(java.util.Comparator.comparingLong(LinkLoad::messages).reversed()
        .thenComparing(LinkLoad::from).thenComparing(LinkLoad::to));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /** Returns the built-in 1949 topology TEREBIN -> KUZNETSOV -> FILIPPOV with Mao's message. */
  public static Topology default1949() {
    try (InputStream in = Topology.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      String text = new String(Objects.requireNonNull(in, DEFAULT_RESOURCE).readAllBytes(),
          StandardCharsets.UTF_8);
      return parse(text, "1949.yaml", null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MalformedInputException e) {
      throw new IllegalStateException("the built-in topology is broken: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a topology file; message files it names are read relative to its directory.
   *
   * @throws MalformedInputException naming file, line and column of the first problem
   * @throws IOException if a file cannot be read
   */
  public static Topology parse(Path file) throws IOException, MalformedInputException {
    String text = StrictUtf8.decode(Files.readAllBytes(file), file.toString());
    Path dir = file.toAbsolutePath().getParent();
    return parse(text, file.toString(), dir);
  }

  /**
   * Parses a topology.
   *
   * @param text the YAML
   * @param source the file name for messages
   * @param dir where message files are looked up, or null to refuse {@code file:} messages
   * @throws MalformedInputException naming file, line and column of the first problem
   */
  public static Topology parse(String text, String source, Path dir)
      throws MalformedInputException {
    return new Parser(source, dir).parse(text);
  }

  private record Node(JsonNode node, int line, int column) {}

  private static final class Parser {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Set<String> TOP = Set.of("start", "forward", "retransmit", "pads",
        "stations", "links", "outages", "messages");
    private final String source;
    private final Path dir;

    Parser(String source, Path dir) {
      this.source = source;
      this.dir = dir;
    }

    MalformedInputException error(Node at, String reason) {
      return new MalformedInputException(source, at.line, at.column, reason);
    }

    Topology parse(String text) throws MalformedInputException {
      Map<String, Node> top = new LinkedHashMap<>();
      Map<String, List<Node>> lists = new HashMap<>();
      YAMLMapper mapper = new YAMLMapper();
      try (JsonParser p = mapper.getFactory().createParser(text)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new MalformedInputException(source, 1, 1, "expected a mapping of "
              + new java.util.TreeSet<>(TOP));
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int line = p.currentTokenLocation().getLineNr();
          int col = p.currentTokenLocation().getColumnNr();
          if (!TOP.contains(key)) {
            throw new MalformedInputException(source, line, col, "unknown key \"" + key
                + "\" (expected one of " + new java.util.TreeSet<>(TOP) + ")");
          }
          JsonToken t = p.nextToken();
          if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              int l = p.currentTokenLocation().getLineNr();
              int c = p.currentTokenLocation().getColumnNr();
              items.add(new Node(mapper.readTree(p), l, c));
            }
            lists.put(key, items);
            top.put(key, new Node(null, line, col));
          } else {
            top.put(key, new Node(mapper.readTree(p), line, col));
          }
        }
      } catch (JsonProcessingException e) {
        throw new MalformedInputException(source, e.getLocation() == null ? 0
            : e.getLocation().getLineNr(), e.getLocation() == null ? 0
            : e.getLocation().getColumnNr(), "not valid YAML: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Node whole = new Node(null, 0, 0);
      Instant start = Instant.parse("1949-01-13T13:40:00Z");
      if (top.containsKey("start")) {
        Node n = top.get("start");
        try {
          start = OffsetDateTime.parse(n.node.asText()).toInstant();
        } catch (DateTimeException e) {
          throw error(n, "start must be a date-time with offset, such as"
              + " 1949-01-13T21:40:00+08:00, found \"" + n.node.asText() + "\"");
        }
      }
      ForwardMode forward = ForwardMode.REENCIPHER;
      if (top.containsKey("forward")) {
        forward = enumValue(top.get("forward"), top.get("forward").node.asText(),
            ForwardMode.class);
      }
      RetransmitSettings settings = new RetransmitSettings(Duration.ofMinutes(2), 2, 12,
          forward);
      if (top.containsKey("retransmit")) {
        Fields f = new Fields(top.get("retransmit"), Set.of("timeout", "backoff", "maxAttempts"));
        try {
          settings = new RetransmitSettings(f.duration("timeout", settings.timeout()),
              f.number("backoff", 2), (int) f.integer("maxAttempts", 12), forward);
        } catch (IllegalArgumentException e) {
          throw error(top.get("retransmit"), e.getMessage());
        }
      }
      int sheets = 1000;
      int groups = 60;
      if (top.containsKey("pads")) {
        Fields f = new Fields(top.get("pads"), Set.of("sheets", "groupsPerSheet"));
        sheets = (int) f.integer("sheets", sheets);
        groups = (int) f.integer("groupsPerSheet", groups);
        if (sheets < 1 || sheets > MAX_PAD_SHEETS || groups < 10 || groups > 10_000) {
          throw error(top.get("pads"), "pads need 1-" + MAX_PAD_SHEETS
              + " sheets of 10-10000 groups, got "
              + sheets + " of " + groups);
        }
      }
      List<StationSpec> stations = new ArrayList<>();
      Map<String, Node> stationAt = new HashMap<>();
      for (Node n : lists.getOrDefault("stations", List.of())) {
        StationSpec s = station(n);
        if (stationAt.put(s.name(), n) != null) {
          throw error(n, "station " + s.name() + " is declared twice");
        }
        stations.add(s);
      }
      if (stations.isEmpty()) {
        throw error(top.getOrDefault("stations", whole), "a topology needs stations");
      }
      List<LinkDecl> links = new ArrayList<>();
      Set<String> pairs = new HashSet<>();
      for (Node n : lists.getOrDefault("links", List.of())) {
        Fields f = new Fields(n, Set.of("between", "wpm", "delay", "jitter", "loss", "burst",
            "garble", "duplicate", "reorder", "hold"));
        JsonNode between = n.node.get("between");
        if (between == null || !between.isArray() || between.size() != 2) {
          throw error(n, "a link needs \"between: [A, B]\"");
        }
        String a = between.get(0).asText();
        String b = between.get(1).asText();
        for (String s : List.of(a, b)) {
          if (!stationAt.containsKey(s)) {
            throw error(n, "unknown station \"" + s + "\" (declared: " + stationAt.keySet() + ")");
          }
        }
        if (a.equals(b) || !pairs.add(a.compareTo(b) < 0 ? a + " " + b : b + " " + a)) {
          throw error(n, "link " + a + " - " + b + " is a loop or declared twice");
        }
        LinkSpec.Burst burst = LinkSpec.Burst.NONE;
        if (n.node.has("burst")) {
          Fields bf = new Fields(new Node(n.node.get("burst"), n.line, n.column),
              Set.of("goodToBad", "badToGood", "lossInBad"));
          burst = new LinkSpec.Burst(bf.number("goodToBad", 0), bf.number("badToGood", 1),
              bf.number("lossInBad", 1));
        }
        try {
          links.add(new LinkDecl(a, b, new LinkSpec((int) f.integer("wpm", 20),
              f.duration("delay", Duration.ofMillis(50)).toNanos(),
              f.duration("jitter", Duration.ZERO).toNanos(), f.number("loss", 0), burst,
              f.number("garble", 0), f.number("duplicate", 0), f.number("reorder", 0),
              f.duration("hold", Duration.ofSeconds(30)).toNanos())));
        } catch (IllegalArgumentException e) {
          throw error(n, e.getMessage());
        }
      }
      List<Outage> outages = new ArrayList<>();
      for (Node n : lists.getOrDefault("outages", List.of())) {
        Fields f = new Fields(n, Set.of("from", "to", "at", "for"));
        String from = f.string("from", null);
        String to = f.string("to", null);
        if (!pairs.contains(from + " " + to) && !pairs.contains(to + " " + from)) {
          throw error(n, "no link between \"" + from + "\" and \"" + to + "\"");
        }
        outages.add(new Outage(from, to, f.duration("at", Duration.ZERO),
            f.duration("for", Duration.ofMinutes(10))));
      }
      List<MessageSpec> messages = new ArrayList<>();
      for (Node n : lists.getOrDefault("messages", List.of())) {
        messages.addAll(messages(n, stationAt));
      }
      return new Topology(start, settings, sheets, groups, stations, links, outages, messages);
    }

    private List<MessageSpec> messages(Node n, Map<String, Node> stationAt)
        throws MalformedInputException {
      Fields f = new Fields(n, Set.of("from", "to", "text", "file", "scenario", "generate",
          "every", "at"));
      String from = f.string("from", null);
      String to = f.string("to", null);
      for (String s : List.of(from, to)) {
        if (!stationAt.containsKey(s)) {
          throw error(n, "unknown station \"" + s + "\"");
        }
      }
      Duration at = f.duration("at", Duration.ZERO);
      int kinds = (n.node.has("text") ? 1 : 0) + (n.node.has("file") ? 1 : 0)
          + (n.node.has("scenario") ? 1 : 0) + (n.node.has("generate") ? 1 : 0);
      if (kinds != 1) {
        throw error(n, "a message needs exactly one of text, file, scenario, generate");
      }
      if (n.node.has("text")) {
        return List.of(new MessageSpec(from, to, f.string("text", null), source + ":" + n.line,
            at));
      }
      if (n.node.has("scenario")) {
        String sc = f.string("scenario", null);
        if (!sc.equals("mao-1949")) {
          throw error(n, "unknown scenario \"" + sc + "\" (known: mao-1949)");
        }
        return List.of(new MessageSpec(from, to, Scenario1949.message(),
            "mao-to-filippov-1949-01-12.txt", at));
      }
      if (n.node.has("generate")) {
        long count = f.integer("generate", 0);
        if (count < 1 || count > 100_000) {
          throw error(n, "generate must be 1-100000, got " + count);
        }
        Duration every = f.duration("every", Duration.ofMinutes(1));
        return MessageGenerator.generate(from, to, (int) count, at, every, n.line);
      }
      if (dir == null) {
        throw error(n, "message files are not allowed here");
      }
      Path p = dir.resolve(f.string("file", null));
      try {
        return List.of(new MessageSpec(from, to, StrictUtf8.decode(Files.readAllBytes(p),
            p.toString()), p.getFileName().toString(), at));
      } catch (IOException e) {
        throw error(n, "cannot read message file " + p + ": " + e.getMessage());
      }
    }

    private StationSpec station(Node n) throws MalformedInputException {
      Fields f = new Fields(n, Set.of("name", "place", "zone", "role", "listen", "address",
          "register", "office"));
      String name = f.string("name", null);
      Role role = enumValue(n, f.string("role", null), Role.class);
      String zone = f.string("zone", "Europe/Moscow");
      Station st;
      try {
        st = new Station(name, f.string("place", name), ZoneId.of(zone));
      } catch (DateTimeException | IllegalArgumentException e) {
        throw error(n, e.getMessage());
      }
      String listen = f.string("listen", "127.0.0.1:0");
      int colon = listen.lastIndexOf(':');
      int port;
      try {
        port = Integer.parseInt(listen.substring(colon + 1));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        port = -1;
      }
      if (colon < 1 || port < 0 || port > 65535) {
        throw error(n, "listen must be host:port, found \"" + listen + "\"");
      }
      String address = f.string("address", listen);
      int ac = address.lastIndexOf(':');
      if (ac < 1 || !address.substring(ac + 1).matches("[0-9]{1,5}")
          || Integer.parseInt(address.substring(ac + 1)) > 65535) {
        throw error(n, "address must be host:port, found \"" + address + "\"");
      }
      long base = 1;
      long step = 1;
      long width = 1;
      if (n.node.has("register")) {
        Fields r = new Fields(new Node(n.node.get("register"), n.line, n.column),
            Set.of("base", "step", "width"));
        base = r.integer("base", 1);
        step = r.integer("step", 1);
        width = r.integer("width", 1);
      }
      long firstSerial = 1;
      long parts = 0;
      long maxGroups = 0;
      Duration interval = Duration.ZERO;
      Precedence precedence = Precedence.URGENT;
      if (n.node.has("office")) {
        Fields o = new Fields(new Node(n.node.get("office"), n.line, n.column),
            Set.of("firstSerial", "parts", "maxGroups", "filingInterval", "precedence"));
        firstSerial = o.integer("firstSerial", 1);
        parts = o.integer("parts", 0);
        maxGroups = o.integer("maxGroups", 0);
        interval = o.duration("filingInterval", Duration.ZERO);
        String p = o.string("precedence", "URGENT");
        try {
          precedence = Precedence.of(p);
        } catch (IllegalArgumentException e) {
          throw error(n, e.getMessage());
        }
      }
      if (base < 0 || step < 1 || width < 1 || width > 9 || firstSerial < 0
          || firstSerial > 99_999 || parts < 0 || parts > 99 || maxGroups < 0
          || maxGroups > 2000 || (parts > 0 && maxGroups > 0)) {
        throw error(n, "station " + name + ": register needs base >= 0, step >= 1, width 1-9;"
            + " office needs firstSerial 0-99999 and either parts 1-99 or maxGroups up to 2000");
      }
      return new StationSpec(st, role, listen.substring(0, colon), port, (int) base, (int) step,
          (int) width, (int) firstSerial, (int) parts, (int) maxGroups, interval, precedence,
          address);
    }

    private <E extends Enum<E>> E enumValue(Node at, String v, Class<E> type)
        throws MalformedInputException {
      try {
        return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw error(at, "expected one of " + java.util.Arrays.toString(type.getEnumConstants())
            .toLowerCase(Locale.ROOT) + ", found \"" + v + "\"");
      }
    }

    private final class Fields {
      private final Node at;

      Fields(Node at, Set<String> allowed) throws MalformedInputException {
        this.at = at;
        if (at.node == null || !at.node.isObject()) {
          throw error(at, "expected a mapping with keys " + new java.util.TreeSet<>(allowed));
        }
        for (Iterator<String> it = at.node.fieldNames(); it.hasNext();) {
          String k = it.next();
          if (!allowed.contains(k)) {
            throw error(at, "unknown key \"" + k + "\" (expected one of "
                + new java.util.TreeSet<>(allowed) + ")");
          }
        }
      }

      String string(String key, String dflt) throws MalformedInputException {
        JsonNode v = at.node.get(key);
        if (v == null || v.isNull()) {
          if (dflt == null) {
            throw error(at, "missing \"" + key + "\"");
          }
          return dflt;
        }
        if (!v.isValueNode()) {
          throw error(at, "\"" + key + "\" must be a single value");
        }
        return v.asText();
      }

      double number(String key, double dflt) throws MalformedInputException {
        JsonNode v = at.node.get(key);
        if (v == null) {
          return dflt;
        }
        try {
          return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
          throw error(at, "\"" + key + "\" must be a number, found \"" + v.asText() + "\"");
        }
      }

      long integer(String key, long dflt) throws MalformedInputException {
        JsonNode v = at.node.get(key);
        if (v == null) {
          return dflt;
        }
        try {
          return Long.parseLong(v.asText());
        } catch (NumberFormatException e) {
          throw error(at, "\"" + key + "\" must be a whole number, found \"" + v.asText() + "\"");
        }
      }

      Duration duration(String key, Duration dflt) throws MalformedInputException {
        JsonNode v = at.node.get(key);
        if (v == null) {
          return dflt;
        }
        Duration d = parseDuration(v.asText());
        if (d == null) {
          throw error(at, "\"" + key + "\" must be a duration such as 40ms, 2s, 20m or 1h30m,"
              + " found \"" + v.asText() + "\"");
        }
        return d;
      }
    }
  }

  /**
   * Parses a duration as topology files and the command line write it: {@code 40ms}, {@code 2s},
   * {@code 20m}, {@code 1h30m}, {@code 1.5s}, {@code 0}; null if bad.
   */
  public static Duration parseDuration(String s) {
    Matcher m = Parser.DURATION.matcher(s.trim());
    Duration d = Duration.ZERO;
    int at = 0;
    String t = s.trim();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    while (at < t.length()) {
      if (!m.find(at) || m.start() != at) {
        return null;
      }
      double v = Double.parseDouble(m.group(1));
      long unit;
      switch (m.group(2)) {
        case "ms":
          unit = 1_000_000L;
          break;
        case "s":
          unit = 1_000_000_000L;
          break;
        case "m":
          unit = 60_000_000_000L;
          break;
        case "h":
          unit = 3_600_000_000_000L;
          break;
        default:
          unit = 86_400_000_000_000L;
      }
      d = d.plusNanos((long) (v * unit));
      at = m.end();
    }
    return t.isEmpty() ? null : d;
  }
}
