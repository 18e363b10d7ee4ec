package org.shifrovka.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A network shape that writes itself as a topology file, for large simulations and load tests:
 * {@code star:N}, {@code tree:N,FANOUT}, {@code ring:N}, {@code mesh:N,DEGREE}, {@code grid:W,H}.
 *
 * <p>Station 0 (the hub, the root, or the first of a ring, mesh or grid) is the addressee; every
 * other station is an origin (a relay where the shape routes others' traffic through it, as the
 * inner stations of a tree) and files its messages to station 0. Routes are the shortest paths,
 * which {@link Topology#nextHop} finds when the file is loaded. The seed chooses the extra links
 * of a mesh and when each origin starts filing; the same arguments give the same file.
 *
 * <pre>{@code
 * String yaml = TopologyShape.parse("tree:200,4").render(7, 10, 1000);
 * Topology t = Topology.parse(yaml, "tree.yaml", null);
 * }</pre>
 *
 * @param kind star, tree, ring, mesh or grid
 * @param stations how many stations
 * @param parameter the tree's fan-out, the mesh's degree, the grid's width (0 for the others)
 */
public record TopologyShape(String kind, int stations, int parameter) {
  /** The most stations a generated topology has. */
  public static final int MAX_STATIONS = 100_000;

  /** Checks the shape. */
  public TopologyShape {
    int min = kind.equals("star") || kind.equals("tree") || kind.equals("grid") ? 2 : 3;
    if (stations < min || stations > MAX_STATIONS) {
      throw new IllegalArgumentException(kind + " needs " + min + "-" + MAX_STATIONS
          + " stations, got " + stations);
    }
    if (kind.equals("tree") && parameter < 1) {
      throw new IllegalArgumentException("a tree's fan-out must be at least 1, got " + parameter);
    }
    if (kind.equals("mesh") && (parameter < 2 || parameter >= stations)) {
      throw new IllegalArgumentException("a mesh's degree must be 2 to stations - 1, got "
          + parameter);
    }
  }

  /**
   * Parses {@code star:N}, {@code tree:N,FANOUT}, {@code ring:N}, {@code mesh:N,DEGREE} or
   * {@code grid:W,H}.
   *
   * @throws IllegalArgumentException with one clear message if it is none of those
   */
  public static TopologyShape parse(String spec) {
    String usage = "a shape is star:N, tree:N,FANOUT, ring:N, mesh:N,DEGREE or grid:W,H; got \""
        + spec + "\"";
    int colon = spec.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(usage);
    }
    String kind = spec.substring(0, colon).toLowerCase(Locale.ROOT);
    String[] args = spec.substring(colon + 1).split(",", -1);
    int[] n = new int[args.length];
    try {
      for (int i = 0; i < args.length; i++) {
        n[i] = Integer.parseInt(args[i].trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(usage);
    }
    int want = switch (kind) {
      case "star", "ring" -> 1;
      case "tree", "mesh", "grid" -> 2;
      default -> throw new IllegalArgumentException(usage);
    };
    if (n.length != want) {
      throw new IllegalArgumentException(usage);
    }
    if (kind.equals("grid")) {
      if (n[0] < 1 || n[1] < 1 || (long) n[0] * n[1] > MAX_STATIONS) {
        throw new IllegalArgumentException("a grid needs W, H >= 1 and at most " + MAX_STATIONS
            + " stations, got " + n[0] + "," + n[1]);
      }
      return new TopologyShape(kind, n[0] * n[1], n[0]);
    }
    return new TopologyShape(kind, n[0], want == 2 ? n[1] : 0);
  }

  /** Returns station {@code i}'s name. */
  public String name(int i) {
    return switch (kind) {
      case "star" -> i == 0 ? "HUB" : "S" + i;
      case "tree" -> "T" + i;
      case "ring" -> "R" + i;
      case "mesh" -> "M" + i;
      default -> "G" + (i % parameter) + "-" + (i / parameter);
    };
  }

  /** Returns the links as pairs of station numbers, in a fixed order. */
  public List<int[]> links(long seed) {
    List<int[]> out = new ArrayList<>();
    switch (kind) {
      case "star" -> {
        for (int i = 1; i < stations; i++) {
          out.add(new int[] {0, i});
        }
      }
      case "tree" -> {
        for (int i = 1; i < stations; i++) {
          out.add(new int[] {(i - 1) / parameter, i});
        }
      }
      case "ring" -> {
        for (int i = 0; i < stations; i++) {
          out.add(new int[] {i, (i + 1) % stations});
        }
      }
      case "mesh" -> {
        Set<Long> seen = new LinkedHashSet<>();
        int[] degree = new int[stations];
        for (int i = 0; i < stations; i++) { // a ring first, so that the mesh is connected
          add(out, seen, degree, i, (i + 1) % stations);
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < stations; i++) {
          for (int tries = 0; degree[i] < parameter && tries < 8 * parameter; tries++) {
            int j = r.nextInt(stations);
            if (j != i && degree[j] < parameter) {
              add(out, seen, degree, i, j);
            }
          }
        }
      }
      default -> {
        int w = parameter;
        for (int i = 0; i < stations; i++) {
          if (i % w + 1 < w) {
            out.add(new int[] {i, i + 1});
          }
          if (i + w < stations) {
            out.add(new int[] {i, i + w});
          }
        }
      }
    }
    return out;
  }

  private static void add(List<int[]> out, Set<Long> seen, int[] degree, int a, int b) {
    long key = (long) Math.min(a, b) * MAX_STATIONS + Math.max(a, b);
    if (seen.add(key)) {
      out.add(new int[] {a, b});
      degree[a]++;
      degree[b]++;
    }
  }

  /**
   * Returns the directed link that carries the most messages when every origin files
   * {@code messagesPerOrigin} to station 0 by the routes {@code simulate} will take (for a tree,
   * a link of the root's: all the messages of the subtree below it), or null if none carries any.
   */
  public Topology.LinkLoad busiestLink(long seed, int messagesPerOrigin) {
    List<String[]> named = new ArrayList<>();
    for (int[] l : links(seed)) {
      named.add(new String[] {name(l[0]), name(l[1])});
    }
    Routes routes = new Routes(name(0), Routes.adjacency(named));
    Map<String, Long> filed = new HashMap<>();
    for (int i = 1; i < stations; i++) {
      filed.put(name(i), (long) messagesPerOrigin);
    }
    Topology.LinkLoad most = null;
    for (Map.Entry<String, Long> e : routes.loads(filed).entrySet()) {
      if (most == null || e.getValue() > most.messages()) {
        most = new Topology.LinkLoad(e.getKey(), routes.next(e.getKey()), e.getValue());
      }
    }
    return most;
  }

  /**
   * Writes the topology file.
   *
   * @param seed chooses a mesh's extra links and each origin's first filing (within an hour)
   * @param messagesPerOrigin messages each origin files to station 0, one a minute (1-100000)
   * @param padSheets sheets of each directed link's pad book (1-100000), or 0 for enough: as many
   *     as the {@linkplain #busiestLink busiest link} carries messages (each takes a sheet), since
   *     a link past its last sheet can carry nothing and sheets are derived only when used
   * @return the file's text, YAML
   * @throws IllegalArgumentException if an argument is out of range, or enough sheets would be
   *     more than {@value Topology#MAX_PAD_SHEETS}
   */
  public String render(long seed, int messagesPerOrigin, int padSheets) {
    if (messagesPerOrigin < 0 || messagesPerOrigin > 100_000) {
      throw new IllegalArgumentException("messages per origin must be 0-100000, got "
          + messagesPerOrigin);
    }
    if (padSheets < 0 || padSheets > Topology.MAX_PAD_SHEETS) {
      throw new IllegalArgumentException("pad sheets must be 1-" + Topology.MAX_PAD_SHEETS
          + " (or 0 for enough), got " + padSheets);
    }
    if (padSheets == 0) {
      Topology.LinkLoad most = busiestLink(seed, messagesPerOrigin);
      long need = most == null ? 1 : most.messages();
      if (need > Topology.MAX_PAD_SHEETS) {
        throw new IllegalArgumentException(most.from() + "->" + most.to() + " would carry "
            + need + " messages, more than the " + Topology.MAX_PAD_SHEETS + " sheets a pad book may have:"
            + " file fewer messages per origin");
      }
      padSheets = (int) need;
    }
    List<int[]> links = links(seed);
    boolean[] relays = new boolean[stations];
    if (!kind.equals("star")) {
      int[] degree = new int[stations];
      for (int[] l : links) {
        degree[l[0]]++;
        degree[l[1]]++;
      }
      for (int i = 1; i < stations; i++) {
        relays[i] = degree[i] > 1;
      }
    }
    StringBuilder sb = new StringBuilder(stations * 120 + links.size() * 40 + 512);
    sb.append("# Generated: shifrovka topology generate ").append(spec()).append(" --seed ")
        .append(seed).append(" --messages ").append(messagesPerOrigin).append(" --sheets ")
        .append(padSheets).append('\n');
    sb.append("# ").append(stations).append(" stations, ").append(links.size())
        .append(" links; every origin files to ").append(name(0))
        .append(", by the shortest path.\n");
    sb.append("start: 1949-01-13T21:40:00+08:00\n");
    sb.append("pads: {sheets: ").append(padSheets).append(", groupsPerSheet: 60}\n\n");
    sb.append("stations:\n");
    for (int i = 0; i < stations; i++) {
      sb.append("  - {name: ").append(name(i)).append(", role: ")
          .append(i == 0 ? "addressee" : relays[i] ? "relay" : "origin").append("}\n");
    }
    sb.append("\nlinks:\n");
    for (int[] l : links) {
      sb.append("  - {between: [").append(name(l[0])).append(", ").append(name(l[1]))
          .append("]}\n");
    }
    if (messagesPerOrigin > 0) {
      sb.append("\nmessages:\n");
      SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
      for (int i = 1; i < stations; i++) {
        sb.append("  - {from: ").append(name(i)).append(", to: ").append(name(0))
            .append(", generate: ").append(messagesPerOrigin).append(", every: 1m, at: ")
            .append(r.nextInt(3600)).append("s}\n");
      }
    }
    return sb.toString();
  }

  /** Returns the shape as parsed, such as {@code tree:200,4}. */
  public String spec() {
    return switch (kind) {
      case "star", "ring" -> kind + ":" + stations;
      case "grid" -> kind + ":" + parameter + "," + (stations / parameter);
      default -> kind + ":" + stations + "," + parameter;
    };
  }
}
