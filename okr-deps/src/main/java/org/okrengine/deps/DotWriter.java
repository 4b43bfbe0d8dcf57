package org.okrengine.deps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.model.Dependency;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;

/**
 * Writes a dependency graph in Graphviz DOT: teams as clusters, late items red, items a slip reaches orange,
 * {@code shares-resource} links dashed and undirected. Deterministic. Stateless and thread-safe.
 */
public final class DotWriter {
  /*
   * Written by hand rather than with jgrapht-io's DOTExporter: the exporter has no clusters (subgraph cluster_x),
   * and clusters per team are the point of the picture.
   */
  private DotWriter() {}

  /**
   * The DOT text of {@code graph}.
   *
   * @param late ids drawn as late (the sources of cascades)
   * @param reached ids drawn as reached by a slip
   */
  public static String write(DependencyGraph graph, Set<String> late, Set<String> reached) {
    OkrCycle c = graph.cycle();
    Map<String, List<String>> byTeam = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Objective o : c.objectives()) {
      add(byTeam, labels, o.team(), o.id(), o.title());
      for (KeyResult kr : o.keyResults()) {
        add(byTeam, labels, kr.team(), kr.id(), kr.title());
      }
    }
    for (Initiative i : c.initiatives()) {
      add(byTeam, labels, i.team(), i.id(), i.title());
      for (Milestone m : i.milestones()) {
        add(byTeam, labels, i.team(), m.id(), m.title() + " (due " + m.due() + ")");
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("digraph ").append(q(c.cycle().id())).append(" {\n");
    sb.append("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=Helvetica];\n");
    int n = 0;
    for (Map.Entry<String, List<String>> t : byTeam.entrySet()) {
      String name = c.team(t.getKey()).map(x -> x.name()).orElse(t.getKey());
      sb.append("  subgraph ").append(q("cluster_" + n++)).append(" {\n    label=").append(q(name)).append(";\n");
      for (String id : t.getValue()) {
        sb.append("    ").append(q(id)).append(" [label=").append(q(id + "\n" + labels.get(id)));
        if (late.contains(id)) {
          sb.append(", color=red, fillcolor=\"#fde0dc\", penwidth=2");
        } else if (reached.contains(id)) {
          sb.append(", color=orange, fillcolor=\"#fff3e0\"");
        }
        sb.append("];\n");
      }
      sb.append("  }\n");
    }
    List<String> edges = new ArrayList<>();
    for (String v : graph.topologicalOrder()) {
      for (Edge e : graph.downstreamOf(v)) {
        String label = e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + (e.needBy() != null ? "\nneed by " + e.needBy() : "");
        edges.add("  " + q(e.upstream()) + " -> " + q(e.downstream()) + " [label=" + q(label)
            + (e.kind() == EdgeKind.MEASURES || e.kind() == EdgeKind.PART_OF ? ", color=gray" : "")
            + (late.contains(e.upstream()) || reached.contains(e.upstream()) && reached.contains(e.downstream())
                ? ", color=red" : "")
            + "];");
      }
    }
    for (Dependency d : graph.contention()) {
      edges.add("  " + q(d.upstream()) + " -> " + q(d.downstream())
          + " [dir=none, style=dashed, label=\"shares-resource\"];");
    }
    edges.forEach(e -> sb.append(e).append('\n'));
    return sb.append("}\n").toString();
  }

  private static void add(Map<String, List<String>> byTeam, Map<String, String> labels, String team, String id,
      String title) {
    byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(id);
    labels.put(id, title.length() > 40 ? title.substring(0, 39) + "…" : title);
  }

  /** A DOT double-quoted id, with quotes, backslashes and newlines escaped. */
  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
