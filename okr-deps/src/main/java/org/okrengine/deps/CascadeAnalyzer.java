package org.okrengine.deps;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.okrengine.model.NodeKind;
import org.okrengine.model.OkrCycle;

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
   * Probability. The probability that an item misses because of the source is 1 - prod(1 - p_u * w) over the edges
   * (u -> item) that carry slip, with p_u the upstream item's own probability from the source (the source's given
   * probability of missing at the start) and w the edge kind's weight (blocks, part-of and measures pass all of it;
   * contributes and delivers half). Paths are treated as independent.
   *
   * Impact. Each affected objective counts the share of its key results' weight that is affected (the source
   * itself not counted); the impact is the sum. Cascades are ranked by impact, then slip, then source id.
   */
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  /* A sentence names at most this many teams, and this many key results of each team or objectives. */
  private static final int MAX_TEAMS_NAMED = 4;
  private static final int MAX_ITEMS_NAMED = 4;

  private CascadeAnalyzer() {}

  /**
   * The cascades from every item of {@code risks} with a positive slip, most impact first. Items without a slip
   * start no cascade. Time linear in the nodes and edges each slip reaches (times a log for ordering); scratch
   * memory linear in the graph, allocated once per call.
   */
  public static List<Cascade> analyze(DependencyGraph graph, Map<String, NodeRisk> risks) {
    Scratch scratch = new Scratch(graph);
    List<Cascade> out = new ArrayList<>();
    for (String id : new TreeSet<>(risks.keySet())) {
      NodeRisk r = risks.get(id);
      int v = graph.node(id);
      if (r.slipDays() > 0 && v >= 0 && graph.outStart[v] < graph.outStart[v + 1]) {
        Cascade c = scratch.cascade(v, r);
        if (c != null) {
          out.add(c);
        }
      }
    }
    out.sort((a, b) -> a.impact() != b.impact() ? Double.compare(b.impact(), a.impact())
        : a.slipDays() != b.slipDays() ? Double.compare(b.slipDays(), a.slipDays())
        : a.source().compareTo(b.source()));
    return List.copyOf(out);
  }

  /** Per-call working arrays, each as long as the graph; reused from one source to the next. */
  private static final class Scratch {
    private final DependencyGraph g;
    private final double[] slip;
    private final double[] miss;
    private final int[] reached;
    private final int[] heap;
    private final int[] queue;
    private final int[] queued;
    private final int[] teamSeen;
    private final int[] krTeamSeen;
    private final int[] krTeamCount;
    private final int[] krTeams;
    private int stamp;

    Scratch(DependencyGraph g) {
      this.g = g;
      int n = g.size();
      slip = new double[n];
      miss = new double[n];
      reached = new int[n];
      heap = new int[n];
      queue = new int[n];
      queued = new int[n];
      teamSeen = new int[g.teamIds.length];
      krTeamSeen = new int[g.teamIds.length + 1];
      krTeamCount = new int[g.teamIds.length + 1];
      krTeams = new int[g.teamIds.length + 1];
    }

    /** The cascade from {@code source}, or null when its slip reaches nothing after slack. */
    Cascade cascade(int source, NodeRisk risk) {
      stamp++;
      int count = propagate(source, risk);
      if (count == 0) {
        return null;
      }
      int[] affected = nearestFirst(source, count);
      // the per-item figures, sorted by id
      int[] byId = affected.clone();
      g.sortByRank(byId, 0, byId.length);
      String[] keys = new String[count];
      double[] slips = new double[count];
      double[] misses = new double[count];
      for (int k = 0; k < count; k++) {
        keys[k] = g.ids[byId[k]];
        slips[k] = slip[byId[k]];
        misses[k] = miss[byId[k]];
      }
      List<String> affectedIds = new ArrayList<>(count);
      List<String> objectives = new ArrayList<>();
      int[] teams = new int[Math.min(count, teamSeen.length)];
      int teamCount = 0;
      double impact = 0;
      for (int v : affected) {
        affectedIds.add(g.ids[v]);
        int t = g.team[v];
        if (t >= 0 && teamSeen[t] != stamp) {
          teamSeen[t] = stamp;
          teams[teamCount++] = t;
        }
        if (g.nodeKind[v] == NodeKind.OBJECTIVE.ordinal()) {
          objectives.add(g.ids[v]);
          impact += affectedShare(v, source);
        }
      }
      Arrays.sort(teams, 0, teamCount);
      String sourceTeam = g.teamOf(source);
      List<String> teamIds = new ArrayList<>(teamCount);
      boolean crosses = false;
      for (int k = 0; k < teamCount; k++) {
        teamIds.add(g.teamIds[teams[k]]);
        crosses |= !g.teamIds[teams[k]].equals(sourceTeam);
      }
      return new Cascade(g.ids[source], sourceTeam, risk.slipDays(), affectedIds, new IdMap(keys, slips),
          new IdMap(keys, misses), teamIds, objectives, crosses, impact,
          sentence(source, sourceTeam, risk.slipDays(), affected, objectives));
    }

    /*
     * Slip and probability, in topological order over only the items the slip reaches: a min-heap of node numbers
     * (numbers are topological positions), so that when an item comes off the heap every reached item upstream of
     * it has been processed and its figures are final. While an item waits, miss[] holds the product of
     * (1 - p * w) over the edges that reached it.
     */
    private int propagate(int source, NodeRisk risk) {
      reached[source] = stamp;
      slip[source] = risk.slipDays();
      miss[source] = risk.probabilityOfMiss();
      int heapSize = IntHeap.push(heap, 0, source, null);
      int count = 0;
      while (heapSize > 0) {
        int u = heap[0];
        heapSize = IntHeap.pop(heap, heapSize, null);
        if (u != source) {
          miss[u] = 1 - miss[u];
          count++;
        }
        for (int k = g.outStart[u]; k < g.outStart[u + 1]; k++) {
          int e = g.outEdge[k];
          double arriving = slip[u] - g.slack[e];
          if (arriving > 0) {
            int w = g.to[e];
            double stay = 1 - miss[u] * DependencyGraph.weightOf(g.kind[e]);
            if (reached[w] != stamp) {
              reached[w] = stamp;
              slip[w] = arriving;
              miss[w] = stay;
              heapSize = IntHeap.push(heap, heapSize, w, null);
            } else {
              slip[w] = Math.max(slip[w], arriving);
              miss[w] *= stay;
            }
          }
        }
      }
      return count;
    }

    /** The reached items but the source, breadth first along the edges that carry slip, each level by id. */
    private int[] nearestFirst(int source, int count) {
      int head = 0;
      int tail = 0;
      queue[tail++] = source;
      queued[source] = stamp;
      while (head < tail) {
        int levelStart = tail;
        for (int levelEnd = tail; head < levelEnd; head++) {
          int u = queue[head];
          for (int k = g.outStart[u]; k < g.outStart[u + 1]; k++) {
            int e = g.outEdge[k];
            int w = g.to[e];
            if (reached[w] == stamp && queued[w] != stamp && slip[u] - g.slack[e] > 0) {
              queued[w] = stamp;
              queue[tail++] = w;
            }
          }
        }
        g.sortByRank(queue, levelStart, tail);
      }
      return Arrays.copyOfRange(queue, 1, 1 + count);
    }

    /** The share of objective {@code o}'s key-result weight that the slip reaches, the source not counted. */
    private double affectedShare(int o, int source) {
      double hit = 0;
      for (int k = g.inStart[o]; k < g.inStart[o + 1]; k++) {
        int e = g.inEdge[k];
        int u = g.from[e];
        if (g.kind[e] == EdgeKind.MEASURES.ordinal() && u != source && reached[u] == stamp) {
          hit += g.weight[u];
        }
      }
      return g.weight[o] > 0 ? hit / g.weight[o] : 0;
    }

    private String sentence(int source, String sourceTeam, double slipDays, int[] affected,
        List<String> objectives) {
      OkrCycle cycle = g.cycle();
      StringBuilder sb = new StringBuilder(g.ids[source]);
      sb.append(" (").append(teamName(cycle, sourceTeam)).append(") is ").append(Math.round(slipDays))
          .append(slipDays >= 0.5 && Math.round(slipDays) == 1 ? " day late" : " days late");
      // the key results reached, counted by team (team numbers are in id order; -1, no team, sorts first), and
      // the earliest date one of them needs its upstream
      int needBy = DependencyGraph.NO_DAY;
      int keyResults = 0;
      int teamCount = 0;
      for (int v : affected) {
        if (g.nodeKind[v] == NodeKind.KEY_RESULT.ordinal()) {
          keyResults++;
          int t = g.team[v] + 1;
          if (krTeamSeen[t] != stamp) {
            krTeamSeen[t] = stamp;
            krTeamCount[t] = 0;
            krTeams[teamCount++] = t;
          }
          krTeamCount[t]++;
          for (int k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
            int e = g.inEdge[k];
            int day = g.needBy[e];
            if (reached[g.from[e]] == stamp && day != DependencyGraph.NO_DAY
                && (needBy == DependencyGraph.NO_DAY || day < needBy)) {
              needBy = day;
            }
          }
        }
      }
      if (keyResults > 0) {
        Arrays.sort(krTeams, 0, teamCount);
        int named = Math.min(teamCount, MAX_TEAMS_NAMED);
        // the first few key results of each named team, nearest first
        List<List<String>> names = new ArrayList<>();
        for (int k = 0; k < named; k++) {
          names.add(new ArrayList<>());
        }
        for (int v : affected) {
          if (g.nodeKind[v] == NodeKind.KEY_RESULT.ordinal()) {
            int at = Arrays.binarySearch(krTeams, 0, named, g.team[v] + 1);
            if (at >= 0 && names.get(at).size() < MAX_ITEMS_NAMED) {
              names.get(at).add(g.ids[v]);
            }
          }
        }
        List<String> parts = new ArrayList<>();
        int listed = 0;
        for (int k = 0; k < named; k++) {
          int t = krTeams[k];
          List<String> krs = names.get(k);
          if (krTeamCount[t] > krs.size()) {
            krs.add(String.format(Locale.ROOT, "%,d more", krTeamCount[t] - krs.size()));
          }
          parts.add(join(krs) + " (" + teamName(cycle, t == 0 ? "" : g.teamIds[t - 1]) + ")");
          listed += krTeamCount[t];
        }
        if (listed < keyResults) {
          parts.add(String.format(Locale.ROOT, "%,d more key results in %,d more teams", keyResults - listed,
              teamCount - named));
        }
        sb.append("; ").append(join(parts)).append(keyResults == 1 ? " needs it" : " need it");
        if (needBy != DependencyGraph.NO_DAY) {
          sb.append(" by ").append(DAY.format(LocalDate.ofEpochDay(needBy)));
        }
      }
      if (!objectives.isEmpty()) {
        List<String> named = new ArrayList<>(objectives.subList(0, Math.min(objectives.size(), MAX_ITEMS_NAMED)));
        if (objectives.size() > named.size()) {
          named.add(String.format(Locale.ROOT, "%,d more objectives", objectives.size() - named.size()));
        }
        sb.append("; ").append(join(named)).append(objectives.size() == 1 ? " is" : " are")
            .append(" at risk through ").append(keyResults == 0 ? "it" : "them");
      }
      return sb.append('.').toString();
    }
  }

  private static String teamName(OkrCycle cycle, String team) {
    return cycle.team(team).map(t -> t.name()).orElse(team);
  }

  private static String join(List<String> items) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
