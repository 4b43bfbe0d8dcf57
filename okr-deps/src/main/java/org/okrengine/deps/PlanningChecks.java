package org.okrengine.deps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.NodeKind;

/**
 * The planning-time checks of a {@link DependencyGraph}: warnings that hold before anything has slipped. Static
 * helpers over the graph's arrays; thread-safe.
 */
final class PlanningChecks {
  private PlanningChecks() {}

  /** See {@link DependencyGraph#collisions()}. */
  static List<Collision> collisions(DependencyGraph g) {
    List<Collision> out = new ArrayList<>();
    for (int v : g.byId()) {
      TreeSet<String> krs = new TreeSet<>();
      TreeSet<String> objectives = new TreeSet<>();
      TreeSet<String> teams = new TreeSet<>();
      for (int k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
        int e = g.outEdge[k];
        int w = g.to[e];
        if ((g.kind[e] == EdgeKind.BLOCKS.ordinal() || g.kind[e] == EdgeKind.CONTRIBUTES.ordinal())
            && g.nodeKind[w] == NodeKind.KEY_RESULT.ordinal()) {
          krs.add(g.ids[w]);
          g.cycle().objectiveOf(g.ids[w]).ifPresent(o -> objectives.add(o.id()));
          if (g.team[w] >= 0) {
            teams.add(g.teamIds[g.team[w]]);
          }
        }
      }
      if (krs.size() >= 2 && (objectives.size() >= 2 || teams.size() >= 2)) {
        out.add(new Collision(g.ids[v], List.copyOf(krs), List.copyOf(objectives), List.copyOf(teams)));
      }
    }
    return List.copyOf(out);
  }

  /** See {@link DependencyGraph#plannedLate()}. */
  static List<Edge> plannedLate(DependencyGraph g) {
    List<Edge> out = new ArrayList<>();
    for (int v : g.byId()) {
      boolean dated = g.nodeKind[v] == NodeKind.MILESTONE.ordinal()
          || g.nodeKind[v] == NodeKind.INITIATIVE.ordinal();
      for (int k = g.outStart[v]; dated && k < g.outStart[v + 1]; k++) {
        int e = g.outEdge[k];
        if (g.needBy[e] != DependencyGraph.NO_DAY && g.due[v] > g.needBy[e]) {
          out.add(new Edge(g.ids[v], g.ids[g.to[e]], GraphBuilder.KINDS[g.kind[e]],
              LocalDate.ofEpochDay(g.needBy[e])));
        }
      }
    }
    return List.copyOf(out);
  }

  /** See {@link DependencyGraph#mostDependedOnTeams()}. */
  static Map<String, Integer> mostDependedOnTeams(DependencyGraph g) {
    Map<String, Integer> counts = new HashMap<>();
    for (Dependency d : g.cycle().dependencies()) {
      if (d.kind() == DependencyKind.SHARES_RESOURCE) {
        continue;
      }
      String up = g.teamOf(g.node(d.upstream()));
      String down = g.teamOf(g.node(d.downstream()));
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
}
