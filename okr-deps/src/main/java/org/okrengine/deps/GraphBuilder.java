package org.okrengine.deps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;

/**
 * Builds a {@link DependencyGraph} from a cycle: the nodes in document order with their attributes, the edges, the
 * topological order (or the cycles that prevent one), and the counting sorts that lay out the compressed adjacency.
 * Static helpers; thread-safe.
 */
final class GraphBuilder {
  static final EdgeKind[] KINDS = EdgeKind.values();

  private GraphBuilder() {}

  /** The graph of {@code cycle}; see {@link DependencyGraph#of(OkrCycle)}. */
  static DependencyGraph build(OkrCycle cycle) {
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
            d.needBy() == null ? DependencyGraph.NO_DAY : (int) d.needBy().toEpochDay());
      }
    }
    for (Initiative i : cycle.initiatives()) {
      int node = nodes.of(i.id());
      for (Milestone m : i.milestones()) {
        edges.add(nodes.of(m.id()), node, EdgeKind.PART_OF, DependencyGraph.NO_DAY);
      }
      for (String kr : i.keyResults()) {
        edges.add(node, nodes.of(kr), EdgeKind.DELIVERS, DependencyGraph.NO_DAY);
      }
    }
    for (Objective o : cycle.objectives()) {
      int node = nodes.of(o.id());
      for (KeyResult kr : o.keyResults()) {
        edges.add(nodes.of(kr.id()), node, EdgeKind.MEASURES, DependencyGraph.NO_DAY);
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
      // the nodes left with edges into them are the cycles and what lies downstream of them
      boolean[] left = new boolean[size];
      for (int v = 0; v < size; v++) {
        left[v] = indegree[v] > 0;
      }
      throw new DependencyCycleException(
          ElementaryCycles.find(n.ids, n.rank, e.from, e.to, e.size, left, DependencyGraph.MAX_CYCLES_LISTED));
    }
    return topo;
  }

  /**
   * The edges ordered by (primary node, id of the secondary node, kind, edge number): a stable counting sort by the
   * secondary node's id rank and the kind together, then one by the primary node; fills {@code start} with each
   * primary node's first position.
   */
  static int[] adjacency(int[] primary, int[] secondary, int[] rank, byte[] kind, int nodes, int[] start) {
    int edges = primary.length;
    int[] key = new int[edges];
    for (int e = 0; e < edges; e++) {
      key[e] = rank[secondary[e]] * KINDS.length + kind[e];
    }
    int[] bySecondary = bucket(identity(edges), key, nodes * KINDS.length, new int[nodes * KINDS.length + 1]);
    return bucket(bySecondary, primary, nodes, start);
  }

  static int[] identity(int size) {
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
  static int[] bucket(int[] in, int[] key, int buckets, int[] start) {
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

  /** The nodes of a cycle in document order, with their attributes. */
  static final class Nodes {
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
  static final class Edges {
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
}
