package org.okrengine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.deps.Cascade;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.internal.Lateness;

/**
 * Escalations that share a cause, grouped so that the cause is told once. Each escalated key result keeps its own
 * escalation; a group only names the cause and the key results it covers. Stateless and thread-safe.
 */
final class EscalationGroups {
  /*
   * The causes.
   * - late-upstream: a cascade source (a late initiative, milestone or key result) among the cascades that hold an
   *   escalated key result's figures (at most Cascade.MAX_CASCADES_PER_ITEM per key result: those its upstream-late
   *   causes name). A source's group covers the escalated key results its cascade holds. A group adds nothing, and is
   *   left out, when another group's source reaches this group's source and covers all of its key results: the same
   *   late work, told further upstream.
   * - silent-team: the escalated key results of one team that are stale now.
   * A cause makes a group only when it covers at least two escalated key results. Initiatives and other items
   * escalated as cascade sources are not covered (a group's subjects are key results). The work is linear in the
   * escalations and the cascades held for each.
   */

  private EscalationGroups() {}

  /**
   * The groups of {@code escalations} (in the report's order), highest level first, then the most key results, then
   * late upstream work before silent teams, then by cause.
   */
  static List<EscalationGroup> of(OkrCycle okr, Instant asOf, List<EscalationSummary> escalations,
      Cascades cascades, Map<String, KeyResultReport> rows) {
    Map<String, EscalationSummary> escalated = new LinkedHashMap<>();
    for (EscalationSummary e : escalations) {
      if (okr.keyResult(e.subject()).isPresent()) {
        escalated.put(e.subject(), e);
      }
    }
    Map<String, List<String>> upstream = new LinkedHashMap<>();
    Map<String, List<String>> silent = new LinkedHashMap<>();
    for (String id : escalated.keySet()) {
      for (Cascades.Held h : cascades.holding(id)) {
        String source = h.cascade().source();
        if (!source.equals(id)) {
          upstream.computeIfAbsent(source, k -> new ArrayList<>()).add(id);
        }
      }
      KeyResultReport row = rows.get(id);
      String team = okr.keyResult(id).map(KeyResult::team).orElse(null);
      if (row != null && (row.status() == Status.STALE || row.silentSinceStart()) && team != null) {
        silent.computeIfAbsent(team, k -> new ArrayList<>()).add(id);
      }
    }
    upstream.values().removeIf(subjects -> subjects.size() < 2);
    silent.values().removeIf(subjects -> subjects.size() < 2);
    List<EscalationGroup> groups = new ArrayList<>();
    for (Map.Entry<String, List<String>> g : upstream.entrySet()) {
      if (!toldUpstream(g.getKey(), g.getValue(), upstream, cascades)) {
        groups.add(lateUpstream(okr, g.getKey(), g.getValue(), escalated, cascades.from(g.getKey()),
            Insights.over(okr.cycle(), asOf), asOf));
      }
    }
    for (Map.Entry<String, List<String>> g : silent.entrySet()) {
      groups.add(silentTeam(okr, asOf, g.getKey(), g.getValue(), escalated));
    }
    groups.sort(Comparator.comparingInt((EscalationGroup g) -> -g.level())
        .thenComparingInt(g -> -g.subjects().size())
        .thenComparing(g -> g.kind().equals(EscalationGroup.LATE_UPSTREAM) ? 0 : 1)
        .thenComparing(EscalationGroup::cause));
    return groups;
  }

  /** Whether another group's source reaches {@code source} and covers all of {@code subjects}. */
  private static boolean toldUpstream(String source, List<String> subjects, Map<String, List<String>> upstream,
      Cascades cascades) {
    for (Cascades.Held h : cascades.holding(source)) {
      List<String> other = upstream.get(h.cascade().source());
      if (other != null && !h.cascade().source().equals(source) && new HashSet<>(other).containsAll(subjects)) {
        return true;
      }
    }
    return false;
  }

  private static EscalationGroup lateUpstream(OkrCycle okr, String source, List<String> subjects,
      Map<String, EscalationSummary> escalated, Cascade cascade, boolean over, Instant asOf) {
    EscalationSummary top = highest(subjects, escalated);
    // the item's title is in brackets already: its team follows as ", of TEAM,"
    String team = cascade.sourceTeam() == null ? "" : ", of " + okr.team(cascade.sourceTeam()).map(t -> t.name())
        .orElse(cascade.sourceTeam()) + ",";
    String reason = Causes.name(okr, source) + team + " " + Lateness.phrase(okr, source,
        cascade.slipDays(), Numbers.days(cascade.slipDays()), asOf) + " and " + Insights.join(Causes.names(okr, subjects))
        + (over ? " needed it: " : " need it: ") + tail(subjects.size(), top);
    return new EscalationGroup(EscalationGroup.LATE_UPSTREAM, source, subjects, top.level(), top.to(), reason);
  }

  private static EscalationGroup silentTeam(OkrCycle okr, Instant asOf, String team,
      List<String> subjects, Map<String, EscalationSummary> escalated) {
    EscalationSummary top = highest(subjects, escalated);
    Instant lastHeard = null;
    for (String id : subjects) {
      Instant d = okr.keyResult(id).flatMap(kr -> kr.latestCheckIn(asOf)).map(CheckIn::at).orElse(null);
      if (d != null && (lastHeard == null || d.isAfter(lastHeard))) {
        lastHeard = d;
      }
    }
    String name = okr.team(team).map(t -> t.name()).orElse(team);
    // none of them with any check-in: silent since the cycle started
    Cycle cycle = okr.cycle();
    Instant from = lastHeard == null ? cycle.startInstant() : lastHeard;
    // whole days of silence as each key result's row and its reason count them (daysSinceCheckIn, daysSinceStart):
    // from the instant to the analysed one, to the cycle's end at the latest (from the date to the counted day it
    // read "since 20 Nov (42 days)" beside "41 days before the end")
    Instant to = asOf.isAfter(cycle.endInstant()) ? cycle.endInstant() : asOf;
    String since = " since " + (lastHeard == null ? "the cycle started on " : "")
        + Insights.DAY.format(cycle.dateOf(from)) + " ("
        + Numbers.days(Math.max(0, cycle.wholeCalendarDaysBetween(from, to))) + ")";
    String reason = name + " has gone quiet: none of " + Insights.join(Causes.names(okr, subjects))
        + " has had a check-in" + since
        + ": " + tail(subjects.size(), top);
    return new EscalationGroup(EscalationGroup.SILENT_TEAM, team, subjects, top.level(), top.to(), reason);
  }

  /** The escalation of the highest level among {@code subjects}, the first of them at that level. */
  private static EscalationSummary highest(List<String> subjects, Map<String, EscalationSummary> escalated) {
    EscalationSummary top = null;
    for (String id : subjects) {
      EscalationSummary e = escalated.get(id);
      if (top == null || e.level() > top.level()) {
        top = e;
      }
    }
    return top;
  }

  private static String tail(int count, EscalationSummary top) {
    return count + " escalations with one cause, the highest to " + top.to() + " (level " + top.level() + ").";
  }
}
