package org.okrengine.deps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.okrengine.model.Dependency;
import org.okrengine.model.OkrCycle;

/**
 * The dependency graph of one cycle: key results, initiatives, milestones and objectives, with an edge from each
 * item to what depends on it. Declared {@code blocks} and {@code contributes} dependencies are edges; so are a
 * milestone to its initiative, an initiative to the key results it delivers, and a key result to its objective.
 * {@code shares-resource} dependencies are undirected contention pairs, not edges. Built once, in time and memory
 * linear in nodes and edges (plus sorting the ids); immutable and thread-safe.
 */
public final class DependencyGraph {
  /**
   * At most this many cycles are listed in a {@link DependencyCycleException}; the search for them stops there (a
   * graph can hold exponentially many).
   */
  public static final int MAX_CYCLES_LISTED = 100;

  /*
   * Representation. Nodes are numbered in topological order (upstream first, ties by id), so that "sorted by
   * position" is "sorted by number". Node and edge attributes are parallel primitive arrays, adjacency is
   * compressed (CSR): the edges out of node v are outEdge[outStart[v] .. outStart[v + 1]), sorted by the
   * downstream id then the kind; into v likewise by the upstream id. The cascade analysis reads these arrays
   * directly; the public methods return our own value types built from them.
   */
  static final int NO_DAY = Integer.MIN_VALUE;
  private static final EdgeKind[] KINDS = GraphBuilder.KINDS;

  private final OkrCycle cycle;
  final String[] ids;
  final int[] rank;
  final byte[] nodeKind;
  final int[] team;
  final String[] teamIds;
  final int[] due;
  final double[] weight;
  private final IdIndex index;
  private final int[] position;

  final int[] from;
  final int[] to;
  final byte[] kind;
  final int[] needBy;
  final int[] slack;
  final int[] outStart;
  final int[] outEdge;
  final int[] inStart;
  final int[] inEdge;
  /*
   * The same by position in the adjacency, for the cascade walks that read them edge after edge: the downstream
   * node, slack and kind's weight of outEdge[k] at k; the upstream node and need-by day of inEdge[k] at k.
   */
  final int[] outTo;
  final int[] outSlack;
  final double[] outWeight;
  final int[] inFrom;
  final int[] inNeedBy;
  private final List<Dependency> contention;
  private final List<String> order;

  /** The graph of nodes {@code n} and edges {@code e}, numbered by {@code topo}, a topological order of them. */
  DependencyGraph(OkrCycle cycle, GraphBuilder.Nodes n, int[] topo, GraphBuilder.Edges e,
      List<Dependency> contention) {
    this.cycle = cycle;
    int size = topo.length;
    int[] pos = new int[size];
    for (int k = 0; k < size; k++) {
      pos[topo[k]] = k;
    }
    ids = new String[size];
    rank = new int[size];
    nodeKind = new byte[size];
    team = new int[size];
    due = new int[size];
    weight = new double[size];
    index = n.index;
    position = pos;
    for (int k = 0; k < size; k++) {
      int d = topo[k];
      ids[k] = n.ids[d];
      rank[k] = n.rank[d];
      nodeKind[k] = n.kind[d];
      team[k] = n.team[d];
      due[k] = n.due[d];
      weight[k] = n.weight[d];
    }
    teamIds = n.teamIds;
    int edges = e.size;
    from = new int[edges];
    to = new int[edges];
    kind = Arrays.copyOf(e.kind, edges);
    needBy = Arrays.copyOf(e.needBy, edges);
    slack = new int[edges];
    for (int i = 0; i < edges; i++) {
      from[i] = pos[e.from[i]];
      to[i] = pos[e.to[i]];
      slack[i] = needBy[i] == NO_DAY ? 0 : Math.max(0, needBy[i] - due[from[i]]);
    }
    outStart = new int[size + 1];
    outEdge = GraphBuilder.adjacency(from, to, rank, kind, size, outStart);
    inStart = new int[size + 1];
    inEdge = GraphBuilder.adjacency(to, from, rank, kind, size, inStart);
    outTo = new int[edges];
    outSlack = new int[edges];
    outWeight = new double[edges];
    inFrom = new int[edges];
    inNeedBy = new int[edges];
    for (int k = 0; k < edges; k++) {
      int o = outEdge[k];
      outTo[k] = to[o];
      outSlack[k] = slack[o];
      outWeight[k] = KINDS[kind[o]].weight();
      int i = inEdge[k];
      inFrom[k] = from[i];
      inNeedBy[k] = needBy[i];
    }
    this.contention = contention;
    this.order = Collections.unmodifiableList(Arrays.asList(ids));
  }

  /**
   * The graph of {@code cycle}.
   *
   * @throws DependencyCycleException listing every cycle as a path, or {@link #MAX_CYCLES_LISTED} of them (those
   *     through the smallest ids) when there are more
   */
  public static DependencyGraph of(OkrCycle cycle) {
    return GraphBuilder.build(cycle);
  }

  /** The cycle the graph was built from. */
  public OkrCycle cycle() {
    return cycle;
  }

  /** The number of nodes. */
  public int size() {
    return ids.length;
  }

  /** Every node, upstream before downstream (ties by id). */
  public List<String> topologicalOrder() {
    return order;
  }

  /** The position of {@code id} in {@link #topologicalOrder()}, or -1 for an unknown id. */
  public int topologicalPosition(String id) {
    return node(id);
  }

  /** The node number of {@code id} (its topological position), or -1. */
  int node(String id) {
    int d = index.get(id);
    return d < 0 ? -1 : position[d];
  }

  /** The team of node {@code v}, or the empty string. */
  String teamOf(int v) {
    return team[v] < 0 ? "" : teamIds[team[v]];
  }

  /** The edges from {@code id} to what depends on it, sorted by downstream id then kind; empty for an unknown id. */
  public List<Edge> downstreamOf(String id) {
    int v = node(id);
    return v < 0 ? List.of() : edges(outEdge, outStart[v], outStart[v + 1]);
  }

  /** The edges into {@code id} from what it depends on, sorted by upstream id then kind; empty for an unknown id. */
  public List<Edge> upstreamOf(String id) {
    int v = node(id);
    return v < 0 ? List.of() : edges(inEdge, inStart[v], inStart[v + 1]);
  }

  private List<Edge> edges(int[] list, int start, int end) {
    Edge[] out = new Edge[end - start];
    for (int k = start; k < end; k++) {
      int e = list[k];
      out[k - start] = new Edge(ids[from[e]], ids[to[e]], KINDS[kind[e]],
          needBy[e] == NO_DAY ? null : LocalDate.ofEpochDay(needBy[e]));
    }
    return List.of(out);
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
    return PlanningChecks.collisions(this);
  }

  /** Node numbers sorted by id. */
  int[] byId() {
    int[] out = new int[ids.length];
    for (int v = 0; v < ids.length; v++) {
      out[rank[v]] = v;
    }
    return out;
  }

  /**
   * The critical path to {@code id}: the longest chain of dependencies (by number of edges) that ends at it,
   * from its most distant upstream item; just {@code id} when nothing leads to it, empty for an unknown id. Ties go
   * to the smaller id.
   */
  public List<String> criticalPath(String id) {
    int target = node(id);
    if (target < 0) {
      return List.of();
    }
    // only the nodes upstream of the target matter; in topological order every upstream node has a smaller number
    int[] depth = new int[target + 1];
    int[] via = new int[target + 1];
    for (int v = 0; v <= target; v++) {
      int best = 0;
      int bestFrom = -1;
      for (int k = inStart[v]; k < inStart[v + 1]; k++) {
        int u = from[inEdge[k]];
        int d = depth[u] + 1;
        if (d > best || (d == best && rank[u] < rank[bestFrom])) {
          best = d;
          bestFrom = u;
        }
      }
      depth[v] = best;
      via[v] = bestFrom;
    }
    List<String> path = new ArrayList<>();
    for (int v = target; v >= 0; v = via[v]) {
      path.add(ids[v]);
    }
    Collections.reverse(path);
    return List.copyOf(path);
  }

  /**
   * Edges planned to be late: the upstream item is due (a milestone's date, an initiative's last milestone) after
   * the date downstream needs it, sorted by upstream then downstream. Each is a slip before anything has slipped.
   */
  public List<Edge> plannedLate() {
    return PlanningChecks.plannedLate(this);
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
    return PlanningChecks.mostDependedOnTeams(this);
  }

  /** Every node reachable downstream of {@code id}, nearest first (breadth first, ties by id), without it. */
  public List<String> reachableFrom(String id) {
    int source = node(id);
    if (source < 0) {
      return List.of();
    }
    boolean[] seen = new boolean[ids.length];
    seen[source] = true;
    int[] queue = new int[ids.length];
    int head = 0;
    int tail = 0;
    queue[tail++] = source;
    List<String> out = new ArrayList<>();
    while (head < tail) {
      int levelEnd = tail;
      int levelStart = tail;
      for (; head < levelEnd; head++) {
        int u = queue[head];
        for (int k = outStart[u]; k < outStart[u + 1]; k++) {
          int w = to[outEdge[k]];
          if (!seen[w]) {
            seen[w] = true;
            queue[tail++] = w;
          }
        }
      }
      sortByRank(queue, levelStart, tail);
      for (int k = levelStart; k < tail; k++) {
        out.add(ids[queue[k]]);
      }
    }
    return List.copyOf(out);
  }

  /** Sorts {@code nodes[from..to)} by id. */
  void sortByRank(int[] nodes, int fromIndex, int toIndex) {
    int n = toIndex - fromIndex;
    if (n < 2) {
      return;
    }
    if (n <= 16) {
      // insertion sort: the short runs of a breadth-first level, without allocating
      for (int i = fromIndex + 1; i < toIndex; i++) {
        int v = nodes[i];
        int j = i - 1;
        while (j >= fromIndex && rank[nodes[j]] > rank[v]) {
          nodes[j + 1] = nodes[j];
          j--;
        }
        nodes[j + 1] = v;
      }
      return;
    }
    long[] keys = new long[n];
    for (int k = 0; k < n; k++) {
      int v = nodes[fromIndex + k];
      keys[k] = (long) rank[v] << 32 | v;
    }
    Arrays.sort(keys);
    for (int k = 0; k < n; k++) {
      nodes[fromIndex + k] = (int) keys[k];
    }
  }
}
