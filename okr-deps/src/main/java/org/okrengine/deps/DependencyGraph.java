package org.okrengine.deps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.TarjanSimpleCycles;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;

/**
 * The dependency graph of one cycle: key results, initiatives, milestones and objectives, with an edge from each
 * item to what depends on it. Declared {@code blocks} and {@code contributes} dependencies are edges; so are a
 * milestone to its initiative, an initiative to the key results it delivers, and a key result to its objective.
 * {@code shares-resource} dependencies are undirected contention pairs, not edges. Built once, in time and memory
 * linear in nodes and edges (plus sorting the ids); immutable and thread-safe.
 */
public final class DependencyGraph {
  /** At most this many cycles are listed in a {@link DependencyCycleException}. */
  public static final int MAX_CYCLES_LISTED = 100;

  /*
   * Representation. Nodes are numbered in topological order (upstream first, ties by id), so that "sorted by
   * position" is "sorted by number". Node and edge attributes are parallel primitive arrays, adjacency is
   * compressed (CSR): the edges out of node v are outEdge[outStart[v] .. outStart[v + 1]), sorted by the
   * downstream id then the kind; into v likewise by the upstream id. The cascade analysis reads these arrays
   * directly; the public methods return our own value types built from them.
   */
  static final int NO_DAY = Integer.MIN_VALUE;
  private static final EdgeKind[] KINDS = EdgeKind.values();

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
  private final List<Dependency> contention;
  private final List<String> order;

  private DependencyGraph(OkrCycle cycle, Nodes n, int[] topo, Edges e, List<Dependency> contention) {
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
    outEdge = adjacency(from, to, rank, kind, size, outStart);
    inStart = new int[size + 1];
    inEdge = adjacency(to, from, rank, kind, size, inStart);
    this.contention = contention;
    this.order = Collections.unmodifiableList(Arrays.asList(ids));
  }

  /**
   * The graph of {@code cycle}.
   *
   * @throws DependencyCycleException listing every cycle (up to {@link #MAX_CYCLES_LISTED}) as a path
   */
  public static DependencyGraph of(OkrCycle cycle) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Nodes nodes = new Nodes(cycle);
    List<Dependency> contention = new ArrayList<>();
    Edges edges = new Edges(cycle.dependencies().size() + cycle.keyResults().size() + 2 * cycle.initiatives().size());
    for (Dependency d : cycle.dependencies()) {
      if (d.kind() == DependencyKind.SHARES_RESOURCE) {
        contention.add(d);
      } else {
        edges.add(nodes.of(d.upstream()), nodes.of(d.downstream()),
            d.kind() == DependencyKind.BLOCKS ? EdgeKind.BLOCKS : EdgeKind.CONTRIBUTES,
            d.needBy() == null ? NO_DAY : (int) d.needBy().toEpochDay());
      }
    }
    for (Initiative i : cycle.initiatives()) {
      int node = nodes.of(i.id());
      for (Milestone m : i.milestones()) {
        edges.add(nodes.of(m.id()), node, EdgeKind.PART_OF, NO_DAY);
      }
      for (String kr : i.keyResults()) {
        edges.add(node, nodes.of(kr), EdgeKind.DELIVERS, NO_DAY);
      }
    }
    for (Objective o : cycle.objectives()) {
      int node = nodes.of(o.id());
      for (KeyResult kr : o.keyResults()) {
        edges.add(nodes.of(kr.id()), node, EdgeKind.MEASURES, NO_DAY);
      }
    }
    int[] topo = topologicalOrder(nodes, edges);
    return new DependencyGraph(cycle, nodes, topo, edges, List.copyOf(contention));
  }

  /** Kahn's algorithm, the smallest id first among ready nodes; throws listing the cycles when some remain. */
  private static int[] topologicalOrder(Nodes n, Edges e) {
    int size = n.ids.length;
    int[] start = new int[size + 1];
    // the order of each node's edges is of no matter here: the heap decides
    int[] out = bucket(identity(e.size), e.from, size, start);
    int[] indegree = new int[size];
    for (int i = 0; i < e.size; i++) {
      indegree[e.to[i]]++;
    }
    // a binary min-heap of node numbers keyed by id rank
    int[] heap = new int[size];
    int heapSize = 0;
    for (int v = 0; v < size; v++) {
      if (indegree[v] == 0) {
        heapSize = IntHeap.push(heap, heapSize, v, n.rank);
      }
    }
    int[] topo = new int[size];
    int done = 0;
    while (heapSize > 0) {
      int v = heap[0];
      heapSize = IntHeap.pop(heap, heapSize, n.rank);
      topo[done++] = v;
      for (int k = start[v]; k < start[v + 1]; k++) {
        int w = e.to[out[k]];
        if (--indegree[w] == 0) {
          heapSize = IntHeap.push(heap, heapSize, w, n.rank);
        }
      }
    }
    if (done < size) {
      throw new DependencyCycleException(cycles(n, e, indegree));
    }
    return topo;
  }

  /**
   * The edges ordered by (primary node, id of the secondary node, kind, edge number): a stable counting sort by the
   * secondary node's id rank and the kind together, then one by the primary node; fills {@code start} with each
   * primary node's first position.
   */
  private static int[] adjacency(int[] primary, int[] secondary, int[] rank, byte[] kind, int nodes, int[] start) {
    int edges = primary.length;
    int[] key = new int[edges];
    for (int e = 0; e < edges; e++) {
      key[e] = rank[secondary[e]] * KINDS.length + kind[e];
    }
    int[] bySecondary = bucket(identity(edges), key, nodes * KINDS.length, new int[nodes * KINDS.length + 1]);
    return bucket(bySecondary, primary, nodes, start);
  }

  private static int[] identity(int size) {
    int[] out = new int[size];
    for (int i = 0; i < size; i++) {
      out[i] = i;
    }
    return out;
  }

  /**
   * A stable counting sort of the edges {@code in} by {@code key[edge]} in [0, buckets); {@code start} (at least
   * {@code buckets + 1} long) receives each key's first position.
   */
  private static int[] bucket(int[] in, int[] key, int buckets, int[] start) {
    Arrays.fill(start, 0, buckets + 1, 0);
    for (int e : in) {
      start[key[e] + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      start[b + 1] += start[b];
    }
    int[] out = new int[in.length];
    int[] next = Arrays.copyOf(start, buckets);
    for (int e : in) {
      out[next[key[e]]++] = e;
    }
    return out;
  }

  /** Every elementary cycle among the nodes left after Kahn, rotated to its smallest id, closed, sorted. */
  private static List<List<String>> cycles(Nodes n, Edges e, int[] indegree) {
    // the simple-cycle search wants a simple graph: one edge per ordered pair
    Graph<String, DefaultEdge> simple = new SimpleDirectedGraph<>(null, null, false);
    for (int v = 0; v < n.ids.length; v++) {
      if (indegree[v] > 0) {
        simple.addVertex(n.ids[v]);
      }
    }
    for (int i = 0; i < e.size; i++) {
      String u = n.ids[e.from[i]];
      String v = n.ids[e.to[i]];
      if (indegree[e.from[i]] > 0 && indegree[e.to[i]] > 0 && !simple.containsEdge(u, v)) {
        simple.addEdge(u, v, new DefaultEdge());
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

  /** The nodes of a cycle in document order, with their attributes. */
  private static final class Nodes {
    final String[] ids;
    final byte[] kind;
    final int[] team;
    final int[] due;
    final double[] weight;
    final int[] rank;
    final String[] teamIds;
    final IdIndex index;
    private int size;

    Nodes(OkrCycle cycle) {
      int count = cycle.objectives().size() + cycle.keyResults().size() + cycle.initiatives().size();
      for (Initiative i : cycle.initiatives()) {
        count += i.milestones().size();
      }
      ids = new String[count];
      kind = new byte[count];
      team = new int[count];
      due = new int[count];
      weight = new double[count];
      TreeSet<String> teams = new TreeSet<>();
      cycle.teams().forEach(t -> teams.add(t.id()));
      for (Objective o : cycle.objectives()) {
        addTeam(teams, o.team());
        for (KeyResult kr : o.keyResults()) {
          addTeam(teams, kr.team());
        }
      }
      cycle.initiatives().forEach(i -> addTeam(teams, i.team()));
      teamIds = teams.toArray(new String[0]);
      Map<String, Integer> teamIndex = new HashMap<>(teamIds.length * 2);
      for (int t = 0; t < teamIds.length; t++) {
        teamIndex.put(teamIds[t], t);
      }
      int end = (int) cycle.cycle().end().toEpochDay();
      for (Objective o : cycle.objectives()) {
        add(o.id(), NodeKind.OBJECTIVE, team(teamIndex, o.team()), end, o.totalWeight());
        for (KeyResult kr : o.keyResults()) {
          add(kr.id(), NodeKind.KEY_RESULT, team(teamIndex, kr.team()), end, kr.weight());
        }
      }
      for (Initiative i : cycle.initiatives()) {
        LocalDate last = null;
        for (Milestone m : i.milestones()) {
          last = last == null || m.due().isAfter(last) ? m.due() : last;
        }
        add(i.id(), NodeKind.INITIATIVE, team(teamIndex, i.team()), last == null ? end : (int) last.toEpochDay(), 0);
        for (Milestone m : i.milestones()) {
          add(m.id(), NodeKind.MILESTONE, team(teamIndex, i.team()), (int) m.due().toEpochDay(), 0);
        }
      }
      index = new IdIndex(ids, id -> {
        throw new IllegalArgumentException("id is used twice: " + id);
      });
      String[] sorted = ids.clone();
      Arrays.sort(sorted);
      rank = new int[count];
      for (int r = 0; r < count; r++) {
        rank[index.get(sorted[r])] = r;
      }
    }

    private static void addTeam(TreeSet<String> teams, String team) {
      if (team != null) {
        teams.add(team);
      }
    }

    private static int team(Map<String, Integer> teamIndex, String team) {
      Integer t = team == null ? null : teamIndex.get(team);
      return t == null ? -1 : t;
    }

    private void add(String id, NodeKind k, int t, int dueDay, double w) {
      ids[size] = id;
      kind[size] = (byte) k.ordinal();
      team[size] = t;
      due[size] = dueDay;
      weight[size] = w;
      size++;
    }

    int of(String id) {
      int v = index.get(id);
      if (v < 0) {
        throw new IllegalArgumentException("dependency names an unknown id: " + id);
      }
      return v;
    }
  }

  /** Growable edge columns. */
  private static final class Edges {
    int[] from;
    int[] to;
    byte[] kind;
    int[] needBy;
    int size;

    Edges(int capacity) {
      from = new int[Math.max(capacity, 4)];
      to = new int[from.length];
      kind = new byte[from.length];
      needBy = new int[from.length];
    }

    void add(int u, int v, EdgeKind k, int day) {
      if (size == from.length) {
        int c = size * 2;
        from = Arrays.copyOf(from, c);
        to = Arrays.copyOf(to, c);
        kind = Arrays.copyOf(kind, c);
        needBy = Arrays.copyOf(needBy, c);
      }
      from[size] = u;
      to[size] = v;
      kind[size] = (byte) k.ordinal();
      needBy[size] = day;
      size++;
    }
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

  static double weightOf(byte kind) {
    return KINDS[kind].weight();
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
    List<Collision> out = new ArrayList<>();
    for (int v : byId()) {
      TreeSet<String> krs = new TreeSet<>();
      TreeSet<String> objectives = new TreeSet<>();
      TreeSet<String> teams = new TreeSet<>();
      for (int k = outStart[v]; k < outStart[v + 1]; k++) {
        int e = outEdge[k];
        int w = to[e];
        if ((kind[e] == EdgeKind.BLOCKS.ordinal() || kind[e] == EdgeKind.CONTRIBUTES.ordinal())
            && nodeKind[w] == NodeKind.KEY_RESULT.ordinal()) {
          krs.add(ids[w]);
          cycle.objectiveOf(ids[w]).ifPresent(o -> objectives.add(o.id()));
          if (team[w] >= 0) {
            teams.add(teamIds[team[w]]);
          }
        }
      }
      if (krs.size() >= 2 && (objectives.size() >= 2 || teams.size() >= 2)) {
        out.add(new Collision(ids[v], List.copyOf(krs), List.copyOf(objectives), List.copyOf(teams)));
      }
    }
    return List.copyOf(out);
  }

  /** Node numbers sorted by id. */
  private int[] byId() {
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
    List<Edge> out = new ArrayList<>();
    for (int v : byId()) {
      boolean dated = nodeKind[v] == NodeKind.MILESTONE.ordinal() || nodeKind[v] == NodeKind.INITIATIVE.ordinal();
      for (int k = outStart[v]; dated && k < outStart[v + 1]; k++) {
        int e = outEdge[k];
        if (needBy[e] != NO_DAY && due[v] > needBy[e]) {
          out.add(new Edge(ids[v], ids[to[e]], KINDS[kind[e]], LocalDate.ofEpochDay(needBy[e])));
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
      String up = teamOf(node(d.upstream()));
      String down = teamOf(node(d.downstream()));
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
