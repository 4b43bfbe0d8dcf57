package org.okrengine.deps;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.cycle.TarjanSimpleCycles;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;

/**
 * The dependency graph of one cycle: key results, initiatives, milestones and objectives, with an edge from each
 * item to what depends on it. Declared {@code blocks} and {@code contributes} dependencies are edges; so are a
 * milestone to its initiative, an initiative to the key results it delivers, and a key result to its objective.
 * {@code shares-resource} dependencies are undirected contention pairs, not edges. Built once; immutable and
 * thread-safe.
 */
public final class DependencyGraph {
  /** At most this many cycles are listed in a {@link DependencyCycleException}. */
  public static final int MAX_CYCLES_LISTED = 100;

  private final OkrCycle cycle;
  private final List<String> order;
  private final Map<String, Integer> position;
  private final Map<String, List<Edge>> downstream;
  private final Map<String, List<Edge>> upstream;
  private final List<Dependency> contention;

  private DependencyGraph(OkrCycle cycle, List<String> order, Map<String, List<Edge>> downstream,
      Map<String, List<Edge>> upstream, List<Dependency> contention) {
    this.cycle = cycle;
    this.order = order;
    Map<String, Integer> pos = new HashMap<>(order.size() * 2);
    for (int i = 0; i < order.size(); i++) {
      pos.put(order.get(i), i);
    }
    this.position = pos;
    this.downstream = downstream;
    this.upstream = upstream;
    this.contention = contention;
  }

  /**
   * The graph of {@code cycle}.
   *
   * @throws DependencyCycleException listing every cycle (up to {@link #MAX_CYCLES_LISTED}) as a path
   */
  public static DependencyGraph of(OkrCycle cycle) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Graph<String, Edge> g = new DirectedMultigraph<>(null, null, false);
    for (Objective o : cycle.objectives()) {
      g.addVertex(o.id());
      for (KeyResult kr : o.keyResults()) {
        g.addVertex(kr.id());
      }
    }
    for (Initiative i : cycle.initiatives()) {
      g.addVertex(i.id());
      for (Milestone m : i.milestones()) {
        g.addVertex(m.id());
      }
    }
    List<Dependency> contention = new ArrayList<>();
    for (Dependency d : cycle.dependencies()) {
      if (d.kind() == DependencyKind.SHARES_RESOURCE) {
        contention.add(d);
      } else {
        EdgeKind kind = d.kind() == DependencyKind.BLOCKS ? EdgeKind.BLOCKS : EdgeKind.CONTRIBUTES;
        g.addEdge(d.upstream(), d.downstream(), new Edge(d.upstream(), d.downstream(), kind, d.needBy()));
      }
    }
    for (Initiative i : cycle.initiatives()) {
      for (Milestone m : i.milestones()) {
        g.addEdge(m.id(), i.id(), new Edge(m.id(), i.id(), EdgeKind.PART_OF, null));
      }
      for (String kr : i.keyResults()) {
        g.addEdge(i.id(), kr, new Edge(i.id(), kr, EdgeKind.DELIVERS, null));
      }
    }
    for (Objective o : cycle.objectives()) {
      for (KeyResult kr : o.keyResults()) {
        g.addEdge(kr.id(), o.id(), new Edge(kr.id(), o.id(), EdgeKind.MEASURES, null));
      }
    }
    if (new CycleDetector<>(g).detectCycles()) {
      throw new DependencyCycleException(cycles(g));
    }
    List<String> order = new ArrayList<>();
    new TopologicalOrderIterator<>(g, String::compareTo).forEachRemaining(order::add);
    Map<String, List<Edge>> down = new HashMap<>();
    Map<String, List<Edge>> up = new HashMap<>();
    for (String v : g.vertexSet()) {
      down.put(v, List.copyOf(sorted(g.outgoingEdgesOf(v))));
      up.put(v, List.copyOf(sorted(g.incomingEdgesOf(v))));
    }
    return new DependencyGraph(cycle, List.copyOf(order), Collections.unmodifiableMap(down),
        Collections.unmodifiableMap(up), List.copyOf(contention));
  }

  private static List<Edge> sorted(Set<Edge> edges) {
    List<Edge> l = new ArrayList<>(edges);
    l.sort((a, b) -> {
      int c = a.upstream().compareTo(b.upstream());
      c = c != 0 ? c : a.downstream().compareTo(b.downstream());
      return c != 0 ? c : a.kind().compareTo(b.kind());
    });
    return l;
  }

  /** Every elementary cycle, rotated to start at its smallest id, closed, deduplicated and sorted. */
  private static List<List<String>> cycles(Graph<String, Edge> g) {
    // the simple-cycle search wants a simple graph: one edge per ordered pair
    Graph<String, DefaultEdge> simple = new SimpleDirectedGraph<>(null, null, false);
    g.vertexSet().forEach(simple::addVertex);
    for (Edge e : g.edgeSet()) {
      if (!simple.containsEdge(e.upstream(), e.downstream())) {
        simple.addEdge(e.upstream(), e.downstream(), new DefaultEdge());
      }
    }
    Set<List<String>> seen = new LinkedHashSet<>();
    for (List<String> c : new TarjanSimpleCycles<>(simple).findSimpleCycles()) {
      int min = 0;
      for (int i = 1; i < c.size(); i++) {
        if (c.get(i).compareTo(c.get(min)) < 0) {
          min = i;
        }
      }
      List<String> path = new ArrayList<>();
      for (int i = 0; i < c.size(); i++) {
        path.add(c.get((min + i) % c.size()));
      }
      path.add(path.get(0));
      seen.add(List.copyOf(path));
    }
    List<List<String>> out = new ArrayList<>(seen);
    out.sort((a, b) -> a.size() != b.size() ? Integer.compare(a.size(), b.size())
        : String.join(" ", a).compareTo(String.join(" ", b)));
    return out.size() > MAX_CYCLES_LISTED ? out.subList(0, MAX_CYCLES_LISTED) : out;
  }

  /** The cycle the graph was built from. */
  public OkrCycle cycle() {
    return cycle;
  }

  /** Every node, upstream before downstream (ties by id). */
  public List<String> topologicalOrder() {
    return order;
  }

  /** The position of {@code id} in {@link #topologicalOrder()}, or -1 for an unknown id. */
  public int topologicalPosition(String id) {
    return position.getOrDefault(id, -1);
  }

  /** The edges from {@code id} to what depends on it, sorted; empty for an unknown id. */
  public List<Edge> downstreamOf(String id) {
    return downstream.getOrDefault(id, List.of());
  }

  /** The edges into {@code id} from what it depends on, sorted; empty for an unknown id. */
  public List<Edge> upstreamOf(String id) {
    return upstream.getOrDefault(id, List.of());
  }

  /** The {@code shares-resource} dependencies: pairs drawing on one team or asset. */
  public List<Dependency> contention() {
    return contention;
  }

  /**
   * Upstream items on which key results of two or more objectives or teams depend directly (declared
   * {@code blocks} or {@code contributes}), sorted by upstream id: collisions before they happen.
   */
  public List<Collision> collisions() {
    List<Collision> out = new ArrayList<>();
    for (String v : new java.util.TreeSet<>(downstream.keySet())) {
      java.util.TreeSet<String> krs = new java.util.TreeSet<>();
      java.util.TreeSet<String> objectives = new java.util.TreeSet<>();
      java.util.TreeSet<String> teams = new java.util.TreeSet<>();
      for (Edge e : downstreamOf(v)) {
        if ((e.kind() == EdgeKind.BLOCKS || e.kind() == EdgeKind.CONTRIBUTES)
            && cycle.kindOf(e.downstream()).orElse(null) == org.okrengine.model.NodeKind.KEY_RESULT) {
          krs.add(e.downstream());
          cycle.objectiveOf(e.downstream()).ifPresent(o -> objectives.add(o.id()));
          cycle.teamOf(e.downstream()).ifPresent(teams::add);
        }
      }
      if (krs.size() >= 2 && (objectives.size() >= 2 || teams.size() >= 2)) {
        out.add(new Collision(v, List.copyOf(krs), List.copyOf(objectives), List.copyOf(teams)));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The critical path to {@code id}: the longest chain of dependencies (by number of edges) that ends at it,
   * from its most distant upstream item; just {@code id} when nothing leads to it. Ties go to the smaller id.
   */
  public List<String> criticalPath(String id) {
    Map<String, Integer> depth = new HashMap<>();
    Map<String, String> via = new HashMap<>();
    for (String v : order) {
      int best = 0;
      String from = null;
      for (Edge e : upstreamOf(v)) {
        int d = depth.getOrDefault(e.upstream(), 0) + 1;
        if (d > best || (d == best && from != null && e.upstream().compareTo(from) < 0)) {
          best = d;
          from = e.upstream();
        }
      }
      depth.put(v, best);
      if (from != null) {
        via.put(v, from);
      }
    }
    List<String> path = new ArrayList<>();
    for (String v = id; v != null; v = via.get(v)) {
      path.add(0, v);
    }
    return List.copyOf(path);
  }

  /**
   * Edges planned to be late: the upstream item is due (a milestone's date, an initiative's last milestone) after
   * the date downstream needs it, sorted by upstream then downstream. Each is a slip before anything has slipped.
   */
  public List<Edge> plannedLate() {
    List<Edge> out = new ArrayList<>();
    for (String v : new java.util.TreeSet<>(downstream.keySet())) {
      for (Edge e : downstreamOf(v)) {
        if (e.needBy() != null) {
          java.time.LocalDate due = CascadeAnalyzer.due(cycle, e.upstream());
          org.okrengine.model.NodeKind kind = cycle.kindOf(e.upstream()).orElse(null);
          boolean dated = kind == org.okrengine.model.NodeKind.MILESTONE
              || kind == org.okrengine.model.NodeKind.INITIATIVE;
          if (dated && due.isAfter(e.needBy())) {
            out.add(e);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  /** How many items and objectives a slip at {@code id} could reach. */
  public int blastRadius(String id) {
    return reachableFrom(id).size();
  }

  /**
   * Teams ranked by how many declared dependencies of other teams' items rest on their items, most first (ties by
   * id), with the counts.
   */
  public Map<String, Integer> mostDependedOnTeams() {
    Map<String, Integer> counts = new HashMap<>();
    for (Dependency d : cycle.dependencies()) {
      if (d.kind() == DependencyKind.SHARES_RESOURCE) {
        continue;
      }
      String up = cycle.teamOf(d.upstream()).orElse("");
      String down = cycle.teamOf(d.downstream()).orElse("");
      if (!up.equals(down)) {
        counts.merge(up, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort((a, b) -> !a.getValue().equals(b.getValue()) ? b.getValue() - a.getValue()
        : a.getKey().compareTo(b.getKey()));
    Map<String, Integer> out = new LinkedHashMap<>();
    entries.forEach(e -> out.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableMap(out);
  }

  /** Every node reachable downstream of {@code id}, nearest first (breadth first, ties by id), without it. */
  public List<String> reachableFrom(String id) {
    LinkedHashMap<String, Boolean> seen = new LinkedHashMap<>();
    List<String> frontier = List.of(id);
    while (!frontier.isEmpty()) {
      List<String> next = new ArrayList<>();
      for (String v : frontier) {
        for (Edge e : downstreamOf(v)) {
          if (!e.downstream().equals(id) && seen.putIfAbsent(e.downstream(), Boolean.TRUE) == null) {
            next.add(e.downstream());
          }
        }
      }
      next.sort(String::compareTo);
      frontier = next;
    }
    return List.copyOf(seen.keySet());
  }
}
