package org.shifrovka.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest-path routes of every station toward one destination (a breadth-first search from
 * it, neighbours in the order the links are declared), and the traffic each station sends on
 * along them. {@link Topology#nextHop} routes a run with it; {@link Topology#padShortages} and
 * {@link TopologyShape} count the telegrams a link's pad book must cover with it.
 */
final class Routes {
  /** Each station's next hop toward the destination, in breadth-first order from it. */
  private final LinkedHashMap<String, String> next = new LinkedHashMap<>();

  /**
   * Finds the routes toward {@code to}.
   *
   * @param to the destination
   * @param adjacency each station's neighbours, in the order its links are declared
   */
  Routes(String to, Map<String, List<String>> adjacency) {
    ArrayDeque<String> q = new ArrayDeque<>();
    q.add(to);
    while (!q.isEmpty()) {
      String s = q.poll();
      for (String n : adjacency.getOrDefault(s, List.of())) {
        if (!n.equals(to) && next.putIfAbsent(n, s) == null) {
          q.add(n);
        }
      }
    }
  }

  /** Returns each station's neighbours from links given as {@code {a, b}} pairs, in order. */
  static Map<String, List<String>> adjacency(Iterable<String[]> links) {
    Map<String, List<String>> adj = new HashMap<>();
    for (String[] l : links) {
      adj.computeIfAbsent(l[0], k -> new ArrayList<>()).add(l[1]);
      adj.computeIfAbsent(l[1], k -> new ArrayList<>()).add(l[0]);
    }
    return adj;
  }

  /** Returns the next hop from {@code from} toward the destination, or null if none. */
  String next(String from) {
    return next.get(from);
  }

  /**
   * Returns how many messages each station sends on to its next hop when each station files
   * {@code filed.get(station)} of them toward the destination: its own and those of every station
   * whose route passes through it. Stations that send none are left out. O(stations), whatever the
   * routes' lengths.
   */
  Map<String, Long> loads(Map<String, Long> filed) {
    Map<String, Long> through = new HashMap<>(filed);
    List<String> order = new ArrayList<>(next.keySet());
    Collections.reverse(order); // farthest first: a station's total is complete before its hop's
    Map<String, Long> out = new LinkedHashMap<>();
    for (String s : order) {
      long n = through.getOrDefault(s, 0L);
      if (n > 0) {
        out.put(s, n);
        through.merge(next.get(s), n, Long::sum);
      }
    }
    return out;
  }
}
