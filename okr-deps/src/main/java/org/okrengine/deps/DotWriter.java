package org.okrengine.deps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.okrengine.model.Dependency;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SafeText;

/**
 * Writes a dependency graph in Graphviz DOT: teams as clusters, late items red, items a slip reaches orange,
 * {@code shares-resource} links dashed and undirected. Every id, title and name is quoted and escaped: no text in
 * the cycle can end a string, break the file or reach a terminal as a control character. Deterministic. Stateless
 * and thread-safe.
 */
public final class DotWriter {
  /*
   * Written by hand rather than with jgrapht-io's DOTExporter: the exporter has no clusters (subgraph cluster_x),
   * and clusters per team are the point of the picture.
   *
   * Text from the cycle is free: it can hold quotes, backslashes, NUL, ESC, BEL, CR, line separators and
   * bidirectional overrides. In a DOT double-quoted string only backslash-quote is an escape; Graphviz then reads a
   * label as an escString (backslash-n, -l, -r break lines, two backslashes show one, any other backslash is
   * dropped) and decodes HTML entities in it (&#27; would put an ESC in the SVG). So:
   * - ids (node and graph names, never shown): a quote as backslash-quote, a backslash as two, and each unsafe
   *   character as one backslash, 'u' and four hex digits, which no other id can produce (its backslashes come in
   *   pairs), so distinct ids stay distinct nodes;
   * - labels (shown): a quote and a backslash as for ids, & as &amp;, each unsafe character as two backslashes, 'u'
   *   and four hex digits, which Graphviz shows as one backslash, 'u' and the digits; our own line breaks as
   *   backslash-n.
   * Unsafe: control characters (C0, DEL, C1), U+2028, U+2029, bidirectional controls, U+FEFF, lone surrogates.
   */
  private DotWriter() {}

  /**
   * The DOT text of {@code graph}.
   *
   * @param late ids drawn as late (the sources of cascades, open milestones past their due date); the edges of what
   *     needs them (blocks, contributes, delivers; not a milestone's part-of its initiative) are drawn red
   * @param reached ids drawn as reached by a slip
   */
  public static String write(DependencyGraph graph, Set<String> late, Set<String> reached) {
    OkrCycle c = graph.cycle();
    Map<String, List<String>> byTeam = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Objective o : c.objectives()) {
      add(byTeam, labels, o.team(), o.id(), o.title(), "");
      for (KeyResult kr : o.keyResults()) {
        add(byTeam, labels, kr.team(), kr.id(), kr.title(), "");
      }
    }
    for (Initiative i : c.initiatives()) {
      add(byTeam, labels, i.team(), i.id(), i.title(), "");
      for (Milestone m : i.milestones()) {
        // the title is shortened, never the due date (a long title read "(due 2026-08-…")
        add(byTeam, labels, i.team(), m.id(), m.title(), " (due " + m.due() + ")");
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("digraph ").append(q(c.cycle().id())).append(" {\n");
    sb.append("  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\", fillcolor=white, fontname=Helvetica];\n");
    int n = 0;
    for (Map.Entry<String, List<String>> t : byTeam.entrySet()) {
      String name = c.team(t.getKey()).map(x -> x.name()).orElse(t.getKey());
      sb.append("  subgraph ").append(q("cluster_" + n++)).append(" {\n    label=").append(label(name)).append(";\n");
      for (String id : t.getValue()) {
        sb.append("    ").append(q(id)).append(" [label=").append(label(id, labels.get(id)));
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
        String kind = e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        String label = e.needBy() != null ? label(kind, "need by " + e.needBy()) : label(kind);
        // one color per edge: red on a slip's path, else gray for measures and part-of (both were written,
        // "color=gray, color=red"). On the path as the text report says a dependency is at risk ("KR-3 needs KR-7,
        // which is 4 days late"; UpstreamRule): the downstream needs a late upstream, or a cascade reaches both.
        // A milestone is part of its initiative, which it does not need: its lateness is the initiative's own (okr
        // explain: "I-3 is late for its own reason: its milestone M-6 ... past due"), drawn by the two red nodes;
        // the part-of edge of a milestone past due was red as if the initiative were blocked by a dependency
        boolean slip = late.contains(e.upstream()) && e.kind() != EdgeKind.PART_OF
            || reached.contains(e.upstream()) && reached.contains(e.downstream());
        String color = slip ? ", color=red"
            : e.kind() == EdgeKind.MEASURES || e.kind() == EdgeKind.PART_OF ? ", color=gray" : "";
        edges.add("  " + q(e.upstream()) + " -> " + q(e.downstream()) + " [label=" + label + color + "];");
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
      String title, String suffix) {
    byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(id);
    labels.put(id, (title.codePointCount(0, title.length()) > 40
        ? title.substring(0, title.offsetByCodePoints(0, 39)) + "…" : title) + suffix);
  }

  /** An id as a DOT double-quoted string: see the block comment for the escapes. */
  static String q(String s) {
    return quoted(s, "\\u");
  }

  /** Lines as one DOT label, joined by {@code \n}: see the block comment for the escapes. */
  static String label(String... lines) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < lines.length; i++) {
      String l = quoted(lines[i].replace("&", "&amp;"), "\\\\u");
      out.append(i == 0 ? "" : "\\n").append(l, 1, l.length() - 1);
    }
    return out.append('"').toString();
  }

  private static String quoted(String s, String unsafePrefix) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (SafeText.isUnsafe(c)) {
        out.append(unsafePrefix).append(String.format(Locale.ROOT, "%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

}
