package org.okrengine.execution;

import static org.okrengine.execution.GraphLayout.NH;
import static org.okrengine.execution.GraphLayout.NW;
import static org.okrengine.execution.Html.DAY;
import static org.okrengine.execution.Html.esc;
import static org.okrengine.execution.Html.num;
import static org.okrengine.execution.Html.teamName;
import static org.okrengine.execution.Html.truncate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.Edge;
import org.okrengine.deps.EdgeKind;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;

/**
 * The dependency graph section of the HTML page (inline SVG), laid out by {@link GraphLayout}: the cascades' sources
 * and what they reach highlighted, overdue milestones outlined. Stateless and thread-safe.
 */
final class GraphSvg {
  private static final int TITLE_CHARS = 22;

  private GraphSvg() {}

  /**
   * Appends to {@code sb} the section of the graph of {@code okr} with {@code report}'s cascades; a node with an
   * entry in {@code anchors} links to it.
   */
  static void write(StringBuilder sb, OkrCycle okr, CycleReport report, Map<String, String> anchors) {
    sb.append("<section id=\"dependencies\">\n<h2>Dependency graph</h2>\n");
    DependencyGraph g = DependencyGraph.of(okr);
    List<String> order = g.topologicalOrder();
    if (order.isEmpty()) {
      sb.append("<p>No objectives, key results or initiatives.</p>\n</section>\n");
      return;
    }
    Set<String> late = new HashSet<>();
    Set<String> reached = new HashSet<>();
    for (CascadeSummary c : report.cascades()) {
      late.add(c.source());
      reached.addAll(c.affected());
    }
    // past due as the report counts lateness: to the day the cycle ended at the latest (a milestone due after the end
    // was outlined overdue on a page of the finished cycle made later, though its text says nothing moves after it)
    LocalDate today = Insights.countedDay(okr.cycle(), report.asOf());
    Set<String> overdue = new HashSet<>();
    Set<String> overdueMilestones = new HashSet<>();
    for (Initiative i : okr.initiatives()) {
      for (Milestone ms : i.milestones()) {
        if (Snapshot.daysPastDue(ms, today) > 0) {
          overdue.add(ms.id());
          overdue.add(i.id());
          overdueMilestones.add(ms.id());
        }
      }
    }
    GraphLayout layout = GraphLayout.of(okr, g, order);
    double width = layout.width();
    double height = layout.height();
    sb.append("<p class=\"legend\">Columns: dependency depth (milestones and initiatives on the left, "
        + "objectives on the right); rows: teams. Red: the source of a cascade (late work); orange: what a cascade "
        + "reaches; dashed red outline: an overdue milestone and its initiative. Red edges carry a slip; grey edges "
        + "are structure (part of, delivers, measures); dashed brown: a shared resource.</p>\n")
        .append("<div class=\"graph-box\">\n<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(num(width)).append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ")
        .append(num(width)).append(' ').append(num(height))
        .append("\" role=\"img\" aria-label=\"Dependency graph\">\n<defs>")
        .append("<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
            + "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#4a5261\"/></marker>")
        .append("<marker id=\"arrow-weak\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" "
            + "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c3c8d1\"/></marker>")
        .append("<marker id=\"arrow-hot\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"5\" "
            + "markerHeight=\"5\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c81e1e\"/></marker>")
        .append("</defs>\n");
    for (int b = 0; b < layout.bandCount(); b++) {
      double y = layout.bandY(b);
      sb.append("<rect class=\"band\" x=\"4\" y=\"").append(num(y)).append("\" width=\"")
          .append(num(width - 8)).append("\" height=\"").append(num(layout.bandHeight(b))).append("\"/><text "
              + "class=\"band-label\" x=\"12\" y=\"").append(num(y + 18)).append("\">")
          .append(esc(truncate(teamName(okr, layout.bandTeam(b)), 16))).append("</text>\n");
    }
    // edges below nodes; the slipping ones last so they are drawn on top
    List<String> cold = new ArrayList<>();
    List<String> hot = new ArrayList<>();
    for (String v : order) {
      for (Edge e : g.downstreamOf(v)) {
        // as okr graph draws it (DotWriter) and the text says a dependency is at risk: what needs a late item or an
        // overdue milestone ("I-2 needs M-6, which is 14 days late"), not a milestone's part-of its own initiative;
        // or a cascade's path. The page left a need of an overdue milestone grey
        boolean isHot = (late.contains(e.upstream()) || overdueMilestones.contains(e.upstream()))
            && e.kind() != EdgeKind.PART_OF
            || reached.contains(e.upstream()) && reached.contains(e.downstream());
        boolean weak = e.kind() == EdgeKind.PART_OF || e.kind() == EdgeKind.DELIVERS
            || e.kind() == EdgeKind.MEASURES;
        String cls = isHot ? "edge hot" : weak ? "edge weak" : "edge";
        String marker = isHot ? "arrow-hot" : weak ? "arrow-weak" : "arrow";
        String label = esc(e.upstream()) + " → " + esc(e.downstream()) + ": "
            + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')
            + (e.needBy() != null ? ", need by " + e.needBy() : "");
        (isHot ? hot : cold).add(edge(layout.at(e.upstream()), layout.at(e.downstream()), cls, marker, label));
      }
    }
    for (Dependency d : g.contention()) {
      double[] a = layout.at(d.upstream());
      double[] b = layout.at(d.downstream());
      if (a != null && b != null) {
        cold.add("<line class=\"edge contention\" x1=\"" + num(a[0] + NW / 2) + "\" y1=\"" + num(a[1] + NH / 2)
            + "\" x2=\"" + num(b[0] + NW / 2) + "\" y2=\"" + num(b[1] + NH / 2) + "\"><title>" + esc(d.upstream())
            + " and " + esc(d.downstream()) + " share a resource</title></line>");
      }
    }
    cold.forEach(s -> sb.append(s).append('\n'));
    hot.forEach(s -> sb.append(s).append('\n'));
    for (String v : order) {
      double[] p = layout.at(v);
      NodeKind kind = okr.kindOf(v).orElse(NodeKind.KEY_RESULT);
      String title = nodeTitle(okr, v, kind);
      StringBuilder cls = new StringBuilder("node ").append(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (late.contains(v)) {
        cls.append(" late");
      } else if (reached.contains(v)) {
        cls.append(" reached");
      }
      if (overdue.contains(v)) {
        cls.append(" overdue");
      }
      sb.append("<g class=\"").append(cls).append("\"");
      String anchor = anchors.get(v);
      sb.append("><title>").append(esc(v)).append(": ").append(esc(title)).append(" (")
          .append(esc(teamName(okr, okr.teamOf(v).orElse("")))).append(late.contains(v) ? ", late" : "")
          .append(reached.contains(v) && !late.contains(v) ? ", reached by a slip" : "")
          .append(overdue.contains(v) ? ", overdue" : "").append(")</title>");
      if (anchor != null) {
        sb.append("<a href=\"#").append(anchor).append("\">");
      }
      sb.append("<rect x=\"").append(num(p[0])).append("\" y=\"").append(num(p[1])).append("\" width=\"")
          .append(num(NW)).append("\" height=\"").append(num(NH)).append("\" rx=\"4\"/><text x=\"")
          .append(num(p[0] + 6)).append("\" y=\"").append(num(p[1] + NH / 2 + 3.5)).append("\"><tspan "
              + "font-weight=\"bold\">").append(esc(truncate(v, 10))).append("</tspan> ")
          .append(esc(truncate(title, TITLE_CHARS - Math.min(8, v.length())))).append("</text>");
      if (anchor != null) {
        sb.append("</a>");
      }
      sb.append("</g>\n");
    }
    sb.append("</svg>\n</div>\n</section>\n");
  }

  private static String nodeTitle(OkrCycle okr, String id, NodeKind kind) {
    switch (kind) {
      case OBJECTIVE:
        return okr.objective(id).map(Objective::title).orElse(id);
      case INITIATIVE:
        return okr.initiative(id).map(Initiative::title).orElse(id);
      case MILESTONE:
        return okr.milestone(id).map(ms -> ms.title() + ", due " + DAY.format(ms.due())).orElse(id);
      default:
        return okr.keyResult(id).map(KeyResult::title).orElse(id);
    }
  }

  /** An SVG path from the right of {@code a} to the left of {@code b}, as an S-curve. */
  private static String edge(double[] a, double[] b, String cls, String marker, String title) {
    double x1 = a[0] + NW;
    double y1 = a[1] + NH / 2;
    double x2 = b[0];
    double y2 = b[1] + NH / 2;
    double xm = (x1 + x2) / 2;
    return "<path class=\"" + cls + "\" marker-end=\"url(#" + marker + ")\" d=\"M" + num(x1) + "," + num(y1) + " C"
        + num(xm) + "," + num(y1) + " " + num(xm) + "," + num(y2) + " " + num(x2) + "," + num(y2) + "\"><title>"
        + title + "</title></path>";
  }
}
