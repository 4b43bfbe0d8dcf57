package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.CascadeAnalyzer;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.Cycle;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;

/**
 * Escalations by replaying the status of every key result (and the cascades) over the check-in history.
 *
 * <p>The grid: the start of each local day (in the cycle's zone) from the cycle's first day up to the analysed date
 * (at most the cycle's last day), then the analysed instant itself when it is not such a start. At each point the
 * engine forecasts a key result from the check-ins known then, and asks whether each item feeds a cascade across
 * teams; it walks back from the analysed instant only as far as a run can reach (a key result until its status no
 * longer counts for any level, a cascade source until it no longer feeds a cascade across teams), which gives the
 * same answer as every point. A condition's {@code since} is the date of the first grid point of the unbroken run of
 * points where it held that ends at the analysed instant; it has held for the whole days from {@code since} to the
 * analysed date. An item goes to the highest level whose condition holds: its statuses for at least
 * {@code forDays}, or (where the level says so) being the source of a cascade that crosses teams. When the condition
 * breaks the run ends, so recovery de-escalates. The work is one status per key result per point of its run, and
 * one forecast per cascade source per point of its run.
 * Deterministic: the same cycle, instant and policy give the same escalations. Stateless and thread-safe.
 */
final class Escalations {
  /** A reason names at most this many of the teams a cascade reaches, and counts the rest. */
  static final int MAX_TEAMS_NAMED = 4;

  private Escalations() {}

  /** The grid points up to {@code asOf}, in time order; empty before the cycle starts. */
  static List<Instant> grid(Cycle cycle, Instant asOf) {
    List<Instant> points = new ArrayList<>();
    if (asOf.isBefore(cycle.startInstant())) {
      return points;
    }
    LocalDate last = cycle.dateOf(asOf);
    if (last.isAfter(cycle.end())) {
      last = cycle.end();
    }
    for (LocalDate d = cycle.start(); !d.isAfter(last); d = d.plusDays(1)) {
      Instant t = cycle.instantOf(d);
      if (!t.isAfter(asOf)) {
        points.add(t);
      }
    }
    if (points.isEmpty() || !points.get(points.size() - 1).equals(asOf)) {
      points.add(asOf);
    }
    return points;
  }

  static List<EscalationSummary> replay(OkrCycle okr, DependencyGraph graph, Forecaster forecaster,
      EscalationPolicy policy, Instant asOf, Snapshot now) {
    Cycle cycle = okr.cycle();
    List<Instant> grid = grid(cycle, asOf);
    if (grid.isEmpty()) {
      return List.of();
    }
    boolean cascadesMatter = policy.levels().stream().anyMatch(EscalationPolicy.Level::crossTeamCascade);
    Set<Status> counted = EnumSet.noneOf(Status.class);
    for (EscalationPolicy.Level level : policy.levels()) {
      counted.addAll(level.statuses());
    }
    int n = grid.size();
    int last = n - 1;
    // each key result's status, walking back from the instant while it counts for some level (earlier points
    // cannot change its run); the other points stay null
    Map<String, Status[]> statuses = new LinkedHashMap<>();
    for (KeyResult kr : okr.keyResults()) {
      Status[] s = new Status[n];
      s[last] = now.forecasts().get(kr.id()).status();
      // a week of statuses at a time (Forecaster.statuses reads the check-ins once per block)
      int i = last - 1;
      while (i >= 0 && counted.contains(s[i + 1])) {
        int lo = Math.max(0, i - 6);
        List<Status> block = forecaster.statuses(kr, cycle, grid.subList(lo, i + 1), okr.milestonesOf(kr.id()));
        int j = i;
        while (j >= lo && counted.contains(s[j + 1])) {
          s[j] = block.get(j - lo);
          j--;
        }
        i = j;
      }
      statuses.put(kr.id(), s);
    }
    Map<String, boolean[]> crossing = cascadesMatter
        ? crossing(okr, graph, forecaster, policy, grid, now, statuses) : Map.of();
    LocalDate today = cycle.dateOf(asOf);
    List<Row> rows = new ArrayList<>();
    int order = 0;
    Set<String> done = new HashSet<>();
    for (KeyResult kr : okr.keyResults()) {
      Row r = escalate(okr, kr.id(), statuses.get(kr.id()), crossing.get(kr.id()), grid, policy, today, now,
          order++);
      done.add(kr.id());
      if (r != null) {
        rows.add(r);
      }
    }
    for (Initiative i : okr.initiatives()) {
      done.add(i.id());
      Row r = escalate(okr, i.id(), null, crossing.get(i.id()), grid, policy, today, now, order++);
      if (r != null) {
        rows.add(r);
      }
    }
    for (String id : new java.util.TreeSet<>(crossing.keySet())) {
      if (!done.contains(id)) {
        Row r = escalate(okr, id, null, crossing.get(id), grid, policy, today, now, order++);
        if (r != null) {
          rows.add(r);
        }
      }
    }
    rows.sort(Comparator.comparingInt((Row r) -> -r.summary.level()).thenComparing(r -> r.summary.since())
        .thenComparingInt(r -> r.order));
    List<EscalationSummary> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.summary);
    }
    return out;
  }

  /*
   * Crossing. Whether an item feeds a cascade across teams at a point depends on its own slip then and nothing else:
   * a cascade from it crosses teams exactly when that slip exceeds the least slack between it and an item of another
   * team, a number fixed by the graph (CascadeAnalyzer.slipToCrossTeams). So the walk back from the instant asks
   * each source still followed for its own slip at each earlier point (a key result's forecast, an initiative's days
   * late) and compares: no other forecast and no cascade analysis per point.
   *
   * A key result is followed only as far as its cascade can decide anything. For a level with the cascade rule, the
   * cascade's run lies within the run of the level's statuses (feeds() asks for both), so it starts no earlier; it
   * sets the level's since only when that status run is shorter than forDays (otherwise the status run gives since
   * already, as early or earlier). A key result is therefore followed only for such levels, and not before the start
   * of their status runs: a few weeks at most, and not at all when it has counted long enough.
   */

  /** For each source of a cross-team cascade now, the points of its unbroken run back from the instant. */
  private static Map<String, boolean[]> crossing(OkrCycle okr, DependencyGraph graph, Forecaster forecaster,
      EscalationPolicy policy, List<Instant> grid, Snapshot now, Map<String, Status[]> statuses) {
    int n = grid.size();
    int last = n - 1;
    Cycle cycle = okr.cycle();
    LocalDate today = cycle.dateOf(grid.get(last));
    Map<String, boolean[]> crossing = new HashMap<>();
    // the sources followed, and for each the first point worth asking about
    List<String> running = new ArrayList<>();
    Map<String, Integer> floor = new HashMap<>();
    for (Cascade c : now.cascades()) {
      if (!c.crossesTeams()) {
        continue;
      }
      crossing.computeIfAbsent(c.source(), k -> new boolean[n])[last] = true;
      Status[] s = statuses.get(c.source());
      int from = s == null ? 0 : n;
      for (EscalationPolicy.Level level : s == null ? List.<EscalationPolicy.Level>of() : policy.levels()) {
        if (!level.crossTeamCascade() || s[last] == null || !level.counts(s[last])) {
          continue;
        }
        int start = last;
        while (start > 0 && s[start - 1] != null && level.counts(s[start - 1])) {
          start--;
        }
        if (ChronoUnit.DAYS.between(cycle.dateOf(grid.get(start)), today) < level.forDays()) {
          from = Math.min(from, start);
        }
      }
      if (from < last) {
        running.add(c.source());
        floor.put(c.source(), from);
      }
    }
    if (running.isEmpty()) {
      return crossing;
    }
    Map<String, Double> threshold = CascadeAnalyzer.slipToCrossTeams(graph);
    for (int i = last - 1; i >= 0 && !running.isEmpty(); i--) {
      Instant at = grid.get(i);
      LocalDate day = cycle.dateOf(at);
      for (Iterator<String> it = running.iterator(); it.hasNext();) {
        String id = it.next();
        if (i < floor.get(id)) {
          it.remove();
          continue;
        }
        NodeRisk r = riskAt(okr, forecaster, id, at, day);
        Double d = threshold.get(id);
        if (r != null && d != null && r.slipDays() > d) {
          crossing.get(id)[i] = true;
        } else {
          it.remove();
        }
      }
    }
    return crossing;
  }

  /** The slip that item {@code id} feeds the cascade analysis at {@code at} (on {@code day}); null when none. */
  private static NodeRisk riskAt(OkrCycle okr, Forecaster forecaster, String id, Instant at, LocalDate day) {
    KeyResult kr = okr.keyResult(id).orElse(null);
    if (kr != null) {
      Forecast f = forecaster.forecast(kr, okr.cycle(), at, okr.milestonesOf(id));
      return Snapshot.keyResultRisk(okr, kr, f, day);
    }
    return okr.initiative(id).map(i -> Snapshot.initiativeRisk(i, day)).orElse(null);
  }

  private record Row(EscalationSummary summary, int order) {}

  private static Row escalate(OkrCycle okr, String id, Status[] statuses, boolean[] crossing, List<Instant> grid,
      EscalationPolicy policy, LocalDate today, Snapshot now, int order) {
    Cycle cycle = okr.cycle();
    int last = grid.size() - 1;
    EscalationPolicy.Level chosen = null;
    LocalDate chosenSince = null;
    boolean byCascade = false;
    for (EscalationPolicy.Level level : policy.levels()) {
      LocalDate since = null;
      boolean cascade = false;
      if (statuses != null && statuses[last] != null && level.counts(statuses[last])) {
        int start = last;
        while (start > 0 && statuses[start - 1] != null && level.counts(statuses[start - 1])) {
          start--;
        }
        LocalDate s = cycle.dateOf(grid.get(start));
        if (ChronoUnit.DAYS.between(s, today) >= level.forDays()) {
          since = s;
        }
      }
      if (level.crossTeamCascade() && crossing != null && feeds(crossing, statuses, level, last)) {
        int start = last;
        while (start > 0 && feeds(crossing, statuses, level, start - 1)) {
          start--;
        }
        LocalDate s = cycle.dateOf(grid.get(start));
        if (since == null || s.isBefore(since)) {
          since = s;
          cascade = true;
        }
      }
      if (since != null) {
        chosen = level;
        chosenSince = since;
        byCascade = cascade;
      }
    }
    if (chosen == null) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(chosenSince, today);
    String reason;
    String target = chosen.to() + " (level " + chosen.level() + ")";
    if (byCascade) {
      Cascade c = now.cascades().from(id);
      reason = id + " has fed a cascade across teams since " + Insights.DAY.format(chosenSince) + " ("
          + Numbers.days(days) + "): it is " + Numbers.days(c.slipDays()) + " late and reaches "
          + Insights.join(teamNames(okr, c.teams().stream().filter(t -> !t.equals(c.sourceTeam())).toList()))
          + ", so it goes to " + target + ".";
    } else {
      Status s = statuses[last];
      reason = id + " has been " + statusPhrase(chosen.statuses()) + " without a break since "
          + Insights.DAY.format(chosenSince) + " (" + Numbers.days(days) + "; " + Insights.statusName(s)
          + " now), so it goes to " + target + ".";
    }
    return new Row(new EscalationSummary(id, chosen.level(), chosenSince, chosen.to(), reason), order);
  }

  /** Whether the item feeds a cross-team cascade at point {@code i}; a key result must also need attention then. */
  private static boolean feeds(boolean[] crossing, Status[] statuses, EscalationPolicy.Level level, int i) {
    return crossing[i] && (statuses == null || statuses[i] != null && level.counts(statuses[i]));
  }

  /** The names of the first {@value #MAX_TEAMS_NAMED} of {@code teams}, then how many more there are. */
  private static List<String> teamNames(OkrCycle okr, List<String> teams) {
    List<String> out = new ArrayList<>();
    for (String t : teams.subList(0, Math.min(teams.size(), MAX_TEAMS_NAMED))) {
      out.add(okr.team(t).map(x -> x.name()).orElse(t));
    }
    if (teams.size() > MAX_TEAMS_NAMED) {
      int more = teams.size() - MAX_TEAMS_NAMED;
      out.add(more == 1 ? "1 more team" : String.format(Locale.ROOT, "%,d more teams", more));
    }
    return out;
  }

  static String statusPhrase(List<Status> statuses) {
    List<String> names = new ArrayList<>();
    for (Status s : statuses) {
      names.add(Insights.statusName(s));
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
