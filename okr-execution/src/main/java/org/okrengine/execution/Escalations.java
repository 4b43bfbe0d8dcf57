package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.DependencyGraph;
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
 * engine forecasts a key result from the check-ins known then, and runs the cascade analysis; it walks back from the
 * analysed instant only as far as a run can reach (a key result until its status no longer counts for any level, a
 * cascade source until it no longer feeds a cascade across teams), which gives the same answer as every point. A condition's
 * {@code since} is the date of the first grid point of the unbroken run of points where it held that ends at the
 * analysed instant; it has held for the whole days from {@code since} to the analysed date. An item goes to the
 * highest level whose condition holds: its statuses for at least {@code forDays}, or (where the level says so) being
 * the source of a cascade that crosses teams. When the condition breaks the run ends, so recovery de-escalates.
 * Deterministic: the same cycle, instant and policy give the same escalations. Stateless and thread-safe.
 */
final class Escalations {
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
    // the sources of cascades across teams, walking back while any of them still feeds one
    Map<String, boolean[]> crossing = new HashMap<>();
    if (cascadesMatter) {
      Set<String> running = new HashSet<>();
      for (Cascade c : now.cascades()) {
        if (c.crossesTeams()) {
          crossing.computeIfAbsent(c.source(), k -> new boolean[n])[last] = true;
          running.add(c.source());
        }
      }
      for (int i = last - 1; i >= 0 && !running.isEmpty(); i--) {
        Set<String> here = new HashSet<>();
        for (Cascade c : Snapshot.of(okr, graph, forecaster, grid.get(i), true, true).cascades()) {
          if (c.crossesTeams()) {
            here.add(c.source());
          }
        }
        for (java.util.Iterator<String> it = running.iterator(); it.hasNext();) {
          String id = it.next();
          if (here.contains(id)) {
            crossing.get(id)[i] = true;
          } else {
            it.remove();
          }
        }
      }
    }
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
      Cascade c = now.cascades().stream().filter(x -> x.source().equals(id)).findFirst().orElseThrow();
      reason = id + " has fed a cascade across teams since " + Insights.DAY.format(chosenSince) + " (" + days(days)
          + "): it is " + Insights.days(c.slipDays()) + " late and reaches " + Insights.join(teamNames(okr,
          c.teams().stream().filter(t -> !t.equals(c.sourceTeam())).toList()))
          + ", so it goes to " + target + ".";
    } else {
      Status s = statuses[last];
      reason = id + " has been " + statusPhrase(chosen.statuses()) + " without a break since "
          + Insights.DAY.format(chosenSince) + " (" + days(days) + "; " + Insights.statusName(s)
          + " now), so it goes to " + target + ".";
    }
    return new Row(new EscalationSummary(id, chosen.level(), chosenSince, chosen.to(), reason), order);
  }

  /** Whether the item feeds a cross-team cascade at point {@code i}; a key result must also need attention then. */
  private static boolean feeds(boolean[] crossing, Status[] statuses, EscalationPolicy.Level level, int i) {
    return crossing[i] && (statuses == null || statuses[i] != null && level.counts(statuses[i]));
  }

  private static List<String> teamNames(OkrCycle okr, List<String> teams) {
    List<String> out = new ArrayList<>();
    for (String t : teams) {
      out.add(okr.team(t).map(x -> x.name()).orElse(t));
    }
    return out;
  }

  static String days(long days) {
    return days == 1 ? "1 day" : days + " days";
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
