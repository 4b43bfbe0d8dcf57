package org.okrengine.deps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the cascades of a cycle's dependency graph: for each item with a slip, what it reaches downstream, how late,
 * how likely each reached item is to miss because of it, and a ranking by impact. Stateless and thread-safe.
 */
public final class CascadeAnalyzer {
  /*
   * Slip. A source's slip arrives at each downstream item along every path; an edge with a need-by date absorbs the
   * slack between the upstream item's own due date and that need-by date (slack = needBy - due, when both are
   * known; the due date of a milestone is its own, of an initiative its last milestone's, of a key result or an
   * objective the cycle's last day). The slip at an item is the largest that arrives along any path (the longest
   * path after slack); an item the slip does not reach after slack is not affected.
   *
   * Probability. The source's slip is one event, with the source's given probability p of making what depends on it
   * miss. Given it, each edge that carries slip passes it on with its kind's weight w (blocks, part-of and measures
   * pass all of it; contributes and delivers half), independently: the chance t that it reaches an item is
   * 1 - prod(1 - t_u * w) over the edges (u -> item) that carry slip, t = 1 at the source, and the item's
   * probability of missing because of the source is p * t. Two paths from one source do not make an item likelier to
   * miss than the source itself is: before, each path counted as an independent cause (1 - prod(1 - p_u * w), p_u
   * the upstream item's own probability), and an item blocked by an initiative and by that initiative's own late
   * milestone got 1 - (1 - p)^2, 0.86 for a fortnight's slip where the rule gives 0.63. A seed (a late milestone of
   * the source: below) starts with t = its own probability over the source's (at most 1: the initiative is as late
   * as its latest milestone).
   *
   * Late milestones. A milestone is late through its initiative (part-of), so a cascade from the initiative starts
   * upstream of the milestone's own dependents ("M-6 blocks I-2" left I-2 unreached from a late I-3). An
   * initiative's cascade therefore carries its late milestones (those with a positive slip in the risks): each is
   * an extra seed of the same propagation, with its own slip (and its t, above), through its edges (the one into its
   * initiative changes nothing). The source and the seeds are never counted as reached and edges arriving at them
   * change none of their figures; the need-by dates on a seed's edges are the source's own in the sentence. A late
   * milestone whose initiative is late too starts no cascade of its own (one cascade, one escalation, for the same
   * late work); one whose initiative is not late still does.
   *
   * Impact. Each affected objective counts the share of its key results' weight that is affected (the source
   * itself not counted); the impact is the sum. Cascades are ranked by impact, then slip, then source id.
   *
   * Bounds. The work is one propagation per source over what its slip reaches, so it grows with the sum of the
   * reaches (a chain of n late items: n^2 / 2 steps); what is kept does not. A cascade lists the nearest
   * Cascade.MAX_AFFECTED_LISTED items and objectives and counts the rest; the per-item figures are gathered in one
   * store of Cascade.MAX_CASCADES_PER_ITEM slots per reached item (StrongestCascades), filled as each source is
   * done and handed to the cascades at the end, so memory is linear in the graph. Listing everything each cascade
   * reaches took memory quadratic in a chain's length: 1.8 GB for 2,000 key results.
   *
   * Crossing teams. A slip s at u reaches w exactly when s exceeds the least total slack along a path from u to
   * w (slack only ever takes away, so a path that delivers slip at its end delivered it all the way). The cascade
   * from u therefore crosses teams exactly when s exceeds D(u), the least slack to any item of another team than
   * u's. D is one pass in reverse topological order that keeps, per node, the two nearest teams it reaches (the
   * nearest and the nearest other one): for a team T, the nearest item not of T is the first of the two unless
   * that one is of T. Replays that only ask whether a cascade crosses teams compare a number instead of
   * propagating.
   */

  private CascadeAnalyzer() {}

  /**
   * The cascades from every item of {@code risks} with a positive slip, most impact first. Items without a slip
   * start no cascade, nor does a late milestone whose initiative is late: the initiative's cascade carries it. Each
   * is bounded as {@link Cascade} says. Time linear in the nodes and edges each slip reaches (times a log for
   * ordering); memory linear in the graph and the number of cascades.
   */
  public static List<Cascade> analyze(DependencyGraph graph, Map<String, NodeRisk> risks) {
    return analyze(graph, risks, null);
  }

  /**
   * As {@link #analyze(DependencyGraph, Map)}, the sentences written at {@code asOf} (null: while the cycle runs).
   * Once the cycle is over ({@code asOf} at or after its end instant) they are in the past tense, the outcomes being
   * known: a late initiative or milestone "was 57 days late when the cycle ended", a key result says where it ended
   * ("had not met its target when the cycle ended", "was not done when the cycle ended"; its slip was counted against a
   * completion that never came; a maintain key result judged by its latest check-in up to {@code asOf}), the key
   * results "needed it" and the objectives "were at risk through them".
   */
  public static List<Cascade> analyze(DependencyGraph graph, Map<String, NodeRisk> risks, java.time.Instant asOf) {
    Objects.requireNonNull(graph, "graph must not be null");
    CascadeScratch scratch = new CascadeScratch(graph);
    scratch.asOf = asOf;
    scratch.past = asOf != null && !asOf.isBefore(graph.cycle().cycle().endInstant());
    List<CascadeScratch.Summary> found = new ArrayList<>();
    StrongestCascades strongest = new StrongestCascades(graph.size(), Cascade.MAX_CASCADES_PER_ITEM);
    // Sources upstream first: they tend to reach more and rank first, so an item's strongest cascades come early
    // and later offers are turned away without displacing any (on a chain, most offers). What is kept and returned
    // does not depend on the order: each item keeps the strongest by a total order, and the cascades are ranked.
    Sources plan = Sources.of(graph, risks);
    for (int i = 0; i < plan.count; i++) {
      int v = plan.sources[i];
      NodeRisk r = plan.byNode[v];
      int count = scratch.run(v, r, plan.seeds, plan.seedStart[i], plan.seedStart[i + 1], plan.byNode);
      if (count > 0) {
        int c = found.size();
        CascadeScratch.Summary summary = scratch.summary(v, r);
        found.add(summary);
        strongest.cascade(c, summary.impact(), summary.slipDays(), graph.rank[v]);
        strongest.offerAll(c, scratch.order, count, scratch.slip, scratch.miss);
      }
    }
    // each cascade's figures, gathered from the store in id order
    int[] sizes = new int[found.size()];
    int[] byId = graph.byId();
    for (int v : byId) {
      for (int i = 0; i < strongest.held(v); i++) {
        sizes[strongest.cascade(v, i)]++;
      }
    }
    String[][] keys = new String[found.size()][];
    double[][] slips = new double[found.size()][];
    double[][] misses = new double[found.size()][];
    for (int c = 0; c < found.size(); c++) {
      keys[c] = new String[sizes[c]];
      slips[c] = new double[sizes[c]];
      misses[c] = new double[sizes[c]];
      sizes[c] = 0;
    }
    for (int v : byId) {
      for (int i = 0; i < strongest.held(v); i++) {
        int c = strongest.cascade(v, i);
        int at = sizes[c]++;
        keys[c][at] = graph.ids[v];
        slips[c][at] = strongest.slip(v, i);
        misses[c][at] = strongest.miss(v, i);
      }
    }
    Integer[] ranked = new Integer[found.size()];
    for (int c = 0; c < ranked.length; c++) {
      ranked[c] = c;
    }
    Arrays.sort(ranked, (a, b) -> strongest.ranksBefore(a, b) ? -1 : strongest.ranksBefore(b, a) ? 1 : 0);
    List<Cascade> out = new ArrayList<>(ranked.length);
    for (int c : ranked) {
      CascadeScratch.Summary s = found.get(c);
      out.add(new Cascade(graph.ids[s.source()], graph.teamOf(s.source()), s.slipDays(), s.affected(),
          s.affectedCount(), new IdMap(keys[c], slips[c]), new IdMap(keys[c], misses[c]), s.teams(),
          s.objectives(), s.crossesTeams(), s.impact(), s.maxMissProbability(), s.sentence()));
    }
    return List.copyOf(out);
  }

  /**
   * Every item and objective that a slip of {@code risk} at {@code source} alone (no seeds) reaches after slack,
   * nearest first
   * (breadth first along the edges that carry slip, each step by id): the whole of what {@link Cascade#affected()}
   * lists the first {@link Cascade#MAX_AFFECTED_LISTED} of. Empty for an unknown id or a slip that reaches
   * nothing. Time and memory linear in the graph, allocated per call: for many sources, {@link #countReached}.
   */
  public static List<String> reach(DependencyGraph graph, String source, NodeRisk risk) {
    Objects.requireNonNull(graph, "graph must not be null");
    Objects.requireNonNull(risk, "risk must not be null");
    int v = graph.node(source);
    if (v < 0 || risk.slipDays() <= 0) {
      return List.of();
    }
    CascadeScratch scratch = new CascadeScratch(graph);
    scratch.run(v, risk);
    return List.of(scratch.nearestFirst(v));
  }

  /**
   * As {@link #reach(DependencyGraph, String, NodeRisk)} for the cascade that all of {@code risks} start from
   * {@code source} ({@link #analyze}: an initiative's carries its late milestones); empty when it starts none.
   */
  public static List<String> reach(DependencyGraph graph, Map<String, NodeRisk> risks, String source) {
    Objects.requireNonNull(graph, "graph must not be null");
    Sources plan = Sources.of(graph, risks);
    int v = graph.node(source);
    int i = v < 0 ? -1 : plan.indexOf(v);
    if (i < 0) {
      return List.of();
    }
    CascadeScratch scratch = new CascadeScratch(graph);
    scratch.run(v, plan.byNode[v], plan.seeds, plan.seedStart[i], plan.seedStart[i + 1], plan.byNode);
    return List.of(scratch.nearestFirst(v));
  }

  /**
   * For each item of {@code sources} with a positive slip: how many of the ids {@code among} that slip reaches after
   * slack, counting all it reaches (not only what {@link Cascade#affected()} lists); a late milestone among them
   * whose initiative is late too counts 0, its lateness carried by its initiative's cascade, as in
   * {@link #analyze}. Unknown ids are left out. Time linear in what the slips reach; working memory linear in the
   * graph, allocated once.
   */
  public static Map<String, Integer> countReached(DependencyGraph graph, Map<String, NodeRisk> sources,
      Set<String> among) {
    Objects.requireNonNull(graph, "graph must not be null");
    return countReached(graph, sources, sources.keySet(), among);
  }

  /**
   * As {@link #countReached(DependencyGraph, Map, Set)} for the items {@code of} only, the cascades being those
   * that all of {@code risks} start ({@link #analyze}): an initiative's carries its late milestones' dependencies.
   * Items of {@code of} without a positive slip in {@code risks} or unknown are left out.
   */
  public static Map<String, Integer> countReached(DependencyGraph graph, Map<String, NodeRisk> risks,
      Set<String> of, Set<String> among) {
    Objects.requireNonNull(graph, "graph must not be null");
    boolean[] marked = new boolean[graph.size()];
    for (String id : among) {
      int v = graph.node(id);
      if (v >= 0) {
        marked[v] = true;
      }
    }
    Sources plan = Sources.of(graph, risks);
    CascadeScratch scratch = new CascadeScratch(graph);
    Map<String, Integer> out = new HashMap<>();
    for (String id : of) {
      int v = graph.node(id);
      if (v < 0 || plan.byNode[v] == null) {
        continue;
      }
      int i = plan.indexOf(v);
      int hit = 0;
      if (i >= 0) {
        int count = scratch.run(v, plan.byNode[v], plan.seeds, plan.seedStart[i], plan.seedStart[i + 1],
            plan.byNode);
        for (int k = 0; k < count; k++) {
          hit += marked[scratch.order[k]] ? 1 : 0;
        }
      }
      out.put(id, hit);
    }
    return out;
  }

  /**
   * For each item from which a slip can reach an item of another team: the slip, in days, that it must exceed to
   * do so, the least total slack on the way (0 when nothing absorbs it). A cascade from the item crosses teams
   * ({@link Cascade#crossesTeams()}) exactly when its slip, in whole days, is above this; items whose slips never
   * cross are absent. An item without a team crosses into any team. An initiative's cascade that carries late
   * milestones ({@link #analyze}) crosses exactly when its slip is above its figure or a late milestone's slip above
   * the milestone's, provided no late milestone is later than its initiative (a seed's slip travels every path in full
   * less the slack, what arrives at another seed adding to that seed's; the path through its initiative carries the
   * initiative's own slip, at least the milestone's). Sorted by id; time linear in nodes and edges.
   */
  public static Map<String, Double> slipToCrossTeams(DependencyGraph graph) {
    Objects.requireNonNull(graph, "graph must not be null");
    int n = graph.size();
    // per node, the nearest team it reaches (d1, t1) and the nearest other team (d2, t2); -1 for none
    long[] d1 = new long[n];
    long[] d2 = new long[n];
    int[] t1 = new int[n];
    int[] t2 = new int[n];
    for (int v = n - 1; v >= 0; v--) {
      long bestD = Long.MAX_VALUE;
      long nextD = Long.MAX_VALUE;
      int bestT = -1;
      int nextT = -1;
      for (int k = graph.outStart[v]; k < graph.outStart[v + 1]; k++) {
        int e = graph.outEdge[k];
        int w = graph.to[e];
        long slack = graph.slack[e];
        // three candidates through w: w itself, and the two nearest teams w reaches
        for (int j = 0; j < 3; j++) {
          int t = j == 0 ? graph.team[w] : j == 1 ? t1[w] : t2[w];
          if (t < 0) {
            continue;
          }
          long d = slack + (j == 0 ? 0 : j == 1 ? d1[w] : d2[w]);
          if (t == bestT) {
            bestD = Math.min(bestD, d);
          } else if (d < bestD) {
            // the old nearest is nearer than every other team, so it is the nearest other one now
            nextD = bestD;
            nextT = bestT;
            bestD = d;
            bestT = t;
          } else if (d < nextD) {
            nextD = d;
            nextT = t;
          }
        }
      }
      d1[v] = bestD;
      t1[v] = bestT;
      d2[v] = nextD;
      t2[v] = nextT;
    }
    String[] keys = new String[n];
    double[] values = new double[n];
    int size = 0;
    for (int v : graph.byId()) {
      int own = graph.team[v];
      if (t1[v] >= 0 && t1[v] != own) {
        keys[size] = graph.ids[v];
        values[size++] = d1[v];
      } else if (t2[v] >= 0 && t2[v] != own) {
        keys[size] = graph.ids[v];
        values[size++] = d2[v];
      }
    }
    return new IdMap(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
  }

  /**
   * Who starts a cascade among {@code risks} (positive slips of known items): every item, but a late milestone whose
   * initiative is late too is a seed of its initiative's cascade and starts none of its own (its lateness is its
   * initiative's: one cascade, one escalation). A source runs when it has edges out or seeds. Sources by node
   * number (upstream first), each one's seeds at seeds[seedStart[i], seedStart[i + 1]) by node number.
   */
  static final class Sources {
    final NodeRisk[] byNode;
    final int[] sources;
    final int count;
    final int[] seedStart;
    final int[] seeds;

    private Sources(NodeRisk[] byNode, int[] sources, int count, int[] seedStart, int[] seeds) {
      this.byNode = byNode;
      this.sources = sources;
      this.count = count;
      this.seedStart = seedStart;
      this.seeds = seeds;
    }

    static Sources of(DependencyGraph graph, Map<String, NodeRisk> risks) {
      NodeRisk[] byNode = new NodeRisk[graph.size()];
      int[] listed = new int[risks.size()];
      int size = 0;
      for (Map.Entry<String, NodeRisk> e : risks.entrySet()) {
        NodeRisk r = e.getValue();
        int v = graph.node(e.getKey());
        if (r.slipDays() > 0 && v >= 0) {
          byNode[v] = r;
          listed[size++] = v;
        }
      }
      Arrays.sort(listed, 0, size);
      // seeds as (initiative, milestone) pairs, sorted: the initiatives come in node order as the sources do
      long[] pairs = new long[size];
      int seedCount = 0;
      for (int k = 0; k < size; k++) {
        int owner = initiativeOf(graph, listed[k]);
        if (owner >= 0 && byNode[owner] != null) {
          pairs[seedCount++] = (long) owner << 32 | listed[k];
          listed[k] = -1;
        }
      }
      Arrays.sort(pairs, 0, seedCount);
      int[] sources = new int[size];
      int[] seedStart = new int[size + 1];
      int[] seeds = new int[seedCount];
      int count = 0;
      int at = 0;
      for (int k = 0; k < size; k++) {
        int v = listed[k];
        if (v < 0) {
          continue;
        }
        int first = at;
        while (at < seedCount && (int) (pairs[at] >>> 32) == v) {
          seeds[at] = (int) pairs[at];
          at++;
        }
        if (at > first || graph.outStart[v] < graph.outStart[v + 1]) {
          seedStart[count] = first;
          sources[count++] = v;
          seedStart[count] = at;
        }
      }
      return new Sources(byNode, sources, count, seedStart, seeds);
    }

    /** The place of node {@code v} among the sources, or -1. */
    int indexOf(int v) {
      int i = Arrays.binarySearch(sources, 0, count, v);
      return i >= 0 ? i : -1;
    }
  }

  /** The initiative milestone {@code v} is part of; -1 when {@code v} is not a milestone of one. */
  static int initiativeOf(DependencyGraph graph, int v) {
    if (graph.nodeKind[v] != (byte) org.okrengine.model.NodeKind.MILESTONE.ordinal()) {
      return -1;
    }
    for (int k = graph.outStart[v]; k < graph.outStart[v + 1]; k++) {
      if (graph.kind[graph.outEdge[k]] == EdgeKind.PART_OF.ordinal()) {
        return graph.outTo[k];
      }
    }
    return -1;
  }
}
