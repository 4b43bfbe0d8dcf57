package org.okrengine.deps;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
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

  private CascadeAnalyzer() {}

  /**
   * The cascades from every item of {@code risks} with a positive slip, most impact first. Items without a slip
   * start no cascade.
   */
  public static List<Cascade> analyze(DependencyGraph graph, Map<String, NodeRisk> risks) {
    List<Cascade> out = new ArrayList<>();
    for (String id : new TreeSet<>(risks.keySet())) {
      NodeRisk r = risks.get(id);
      if (r.slipDays() > 0 && !graph.downstreamOf(id).isEmpty()) {
        Cascade c = cascade(graph, id, r);
        if (!c.affected().isEmpty()) {
          out.add(c);
        }
      }
    }
    out.sort((a, b) -> a.impact() != b.impact() ? Double.compare(b.impact(), a.impact())
        : a.slipDays() != b.slipDays() ? Double.compare(b.slipDays(), a.slipDays())
        : a.source().compareTo(b.source()));
    return List.copyOf(out);
  }

  static Cascade cascade(DependencyGraph graph, String source, NodeRisk risk) {
    OkrCycle cycle = graph.cycle();
    Map<String, Double> slip = new HashMap<>();
    Map<String, Double> miss = new HashMap<>();
    slip.put(source, risk.slipDays());
    miss.put(source, risk.probabilityOfMiss());
    List<String> reachable = graph.reachableFrom(source);
    Set<String> reach = new LinkedHashSet<>(reachable);
    // only the reachable nodes, in topological order: work proportional to what the slip can reach
    List<String> ordered = new ArrayList<>(reachable);
    ordered.sort((a, b) -> Integer.compare(graph.topologicalPosition(a), graph.topologicalPosition(b)));
    for (String v : ordered) {
      double best = 0;
      double stay = 1;
      for (Edge e : graph.upstreamOf(v)) {
        Double s = slip.get(e.upstream());
        if (s == null) {
          continue;
        }
        double arriving = s - slack(cycle, e);
        if (arriving > 0) {
          best = Math.max(best, arriving);
          stay *= 1 - miss.get(e.upstream()) * e.kind().weight();
        }
      }
      if (best > 0) {
        slip.put(v, best);
        miss.put(v, 1 - stay);
      }
    }
    List<String> affected = new ArrayList<>();
    Map<String, Double> slipAt = new TreeMap<>();
    Map<String, Double> missAt = new TreeMap<>();
    for (String v : reach) {
      if (slip.containsKey(v)) {
        affected.add(v);
        slipAt.put(v, slip.get(v));
        missAt.put(v, miss.get(v));
      }
    }
    String sourceTeam = cycle.teamOf(source).orElse("");
    Set<String> teams = new TreeSet<>();
    List<String> objectives = new ArrayList<>();
    double impact = 0;
    for (String v : affected) {
      cycle.teamOf(v).ifPresent(teams::add);
      if (cycle.kindOf(v).orElse(null) == NodeKind.OBJECTIVE) {
        objectives.add(v);
        Objective o = cycle.objective(v).orElseThrow();
        double total = o.totalWeight();
        double hit = 0;
        for (KeyResult kr : o.keyResults()) {
          if (!kr.id().equals(source) && slip.containsKey(kr.id())) {
            hit += kr.weight();
          }
        }
        impact += total > 0 ? hit / total : 0;
      }
    }
    boolean crosses = false;
    for (String t : teams) {
      crosses |= !t.equals(sourceTeam);
    }
    return new Cascade(source, sourceTeam, risk.slipDays(), affected, slipAt, missAt, List.copyOf(teams),
        objectives, crosses, impact,
        sentence(graph, source, sourceTeam, risk.slipDays(), reachable, slip, objectives));
  }

  /** Slack in days an edge gives: its need-by date minus the upstream item's own due date, when both are known. */
  static double slack(OkrCycle cycle, Edge e) {
    if (e.needBy() == null) {
      return 0;
    }
    LocalDate due = due(cycle, e.upstream());
    return due == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(due, e.needBy()));
  }

  /** The date an item is due: a milestone's own, an initiative's last milestone's, else the cycle's last day. */
  static LocalDate due(OkrCycle cycle, String id) {
    NodeKind kind = cycle.kindOf(id).orElse(null);
    if (kind == NodeKind.MILESTONE) {
      return cycle.milestone(id).orElseThrow().due();
    }
    if (kind == NodeKind.INITIATIVE) {
      LocalDate last = null;
      Initiative i = cycle.initiative(id).orElseThrow();
      for (Milestone m : i.milestones()) {
        last = last == null || m.due().isAfter(last) ? m.due() : last;
      }
      return last != null ? last : cycle.cycle().end();
    }
    return cycle.cycle().end();
  }

  private static String sentence(DependencyGraph graph, String source, String sourceTeam, double slipDays,
      List<String> reachable, Map<String, Double> slip, List<String> objectives) {
    OkrCycle cycle = graph.cycle();
    StringBuilder sb = new StringBuilder(source);
    sb.append(" (").append(teamName(cycle, sourceTeam)).append(") is ").append(Math.round(slipDays))
        .append(slipDays >= 0.5 && Math.round(slipDays) == 1 ? " day late" : " days late");
    // the key results reached first (directly, or through the source's milestones and initiative)
    Map<String, List<String>> byTeam = new TreeMap<>();
    LocalDate needBy = null;
    for (String v : reachable) {
      if (slip.containsKey(v) && cycle.kindOf(v).orElse(null) == NodeKind.KEY_RESULT) {
        byTeam.computeIfAbsent(cycle.teamOf(v).orElse(""), k -> new ArrayList<>()).add(v);
        for (Edge e : graph.upstreamOf(v)) {
          if (slip.containsKey(e.upstream()) && e.needBy() != null) {
            needBy = needBy == null || e.needBy().isBefore(needBy) ? e.needBy() : needBy;
          }
        }
      }
    }
    if (!byTeam.isEmpty()) {
      List<String> parts = new ArrayList<>();
      int count = 0;
      for (Map.Entry<String, List<String>> t : byTeam.entrySet()) {
        parts.add(join(t.getValue()) + " (" + teamName(cycle, t.getKey()) + ")");
        count += t.getValue().size();
      }
      sb.append("; ").append(join(parts)).append(count == 1 ? " needs it" : " need it");
      if (needBy != null) {
        sb.append(" by ").append(DAY.format(needBy));
      }
    }
    if (!objectives.isEmpty()) {
      sb.append("; ").append(join(objectives)).append(objectives.size() == 1 ? " is" : " are")
          .append(" at risk through ").append(byTeam.isEmpty() ? "it" : "them");
    }
    return sb.append('.').toString();
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
