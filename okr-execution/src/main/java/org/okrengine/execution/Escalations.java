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
import org.okrengine.model.internal.Lateness;

/**
 * Escalations by replaying the status of every key result (and the cascades) over the check-in history.
 *
 * <p>The grid: the start of each local day (in the cycle's zone) from the cycle's first day up to the analysed date
 * (at most the cycle's last day), then the analysed instant itself when it is not such a start. The points before
 * the policy's grace period ends (the start of the day {@code graceDays} after the cycle's first) count for nothing.
 * At each point the engine forecasts a key result from the check-ins known then, and asks whether each item feeds a
 * cascade across teams; it walks back from the analysed instant only as far as a run can reach (a key result until
 * it no longer counts for any level, a cascade source until it no longer feeds a cascade across teams), which gives
 * the same answer as every point. A key result counts toward a level at a point when its status is one of the
 * level's and, where the level sets {@code belowProbability}, it is stale or its probability of target is below that,
 * or it counted at the point before and has had no check-in since (the hold, {@link #hold}).
 * A condition's {@code since} is the date of the first grid point of the unbroken run of points where it held that
 * ends at the analysed instant; it has held for the whole days from {@code since} to the analysed date, at most the
 * cycle's last day (after the end nothing is escalated any more: a report then shows the escalations as they stood
 * when the cycle ended). An item goes
 * to the highest level whose condition holds: counting for at least {@code forDays}, or (where the level says so)
 * being the source of a cascade that crosses teams for at least {@code cascadeForDays}. When the condition breaks
 * the run ends, so recovery de-escalates. The work is one status per key result per point of its status run, one
 * forecast per key result per point of its run below a level's probability, and one forecast per cascade source
 * per point of its run.
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

  /**
   * Whether a key result with {@code status} at {@code at} is silent as a stale one is, for the escalation rules: it
   * has no check-in ({@code no-data}) and has been silent since the cycle's start (to its end at the latest) for more
   * than {@code quietAfter} days. It then counts toward a level that counts {@code stale}, as a stale one does.
   */
  static boolean quiet(Cycle cycle, Status status, Instant at, double quietAfter) {
    if (status != Status.NO_DATA) {
      return false;
    }
    Instant to = at.isAfter(cycle.endInstant()) ? cycle.endInstant() : at;
    return cycle.wholeCalendarDaysBetween(cycle.startInstant(), to) > quietAfter;
  }

  /** The index of the first grid point that counts: the first at or after the end of the grace period. */
  static int firstCounted(Cycle cycle, List<Instant> grid, int graceDays) {
    LocalDate first = cycle.start().plusDays(graceDays);
    int i = 0;
    while (i < grid.size() && cycle.dateOf(grid.get(i)).isBefore(first)) {
      i++;
    }
    return i;
  }

  /**
   * One key result's replayed points: its status and its probability of target at each point of the grid that a
   * run can reach, walking back from the instant; the other statuses stay null and the other probabilities NaN.
   */
  record Column(Status[] status, double[] probability, boolean[] quiet,
      Map<EscalationPolicy.Level, boolean[]> held) {
    /**
     * The level's rule at point {@code i} alone: its status counts and, where the level asks, its chance is low; a key
     * result without any check-in, as silent as a stale one since the start ({@code quiet}), counts as a stale one.
     */
    boolean countsAt(EscalationPolicy.Level level, int i) {
      return Escalations.counts(level, status[i], probability[i], quiet[i], false);
    }

    /** Whether it counts toward {@code level} at point {@code i}, with the hold ({@link #hold}) where filled. */
    boolean counts(EscalationPolicy.Level level, int i) {
      boolean[] h = held.get(level);
      return h == null ? countsAt(level, i) : h[i];
    }
  }

  /**
   * The rule by which a key result counts toward {@code level} at one point: its {@code status} counts and, where the
   * level asks, its {@code probability} is below the level's; a key result without any check-in, as silent as a stale
   * one since the start ({@code quiet}), counts as a stale one; and, {@code holding} (it counted at the point before,
   * the level sets {@code belowProbability} and no check-in came since: {@link #hold}), its status alone counts. False
   * without a status.
   */
  static boolean counts(EscalationPolicy.Level level, Status status, double probability, boolean quiet,
      boolean holding) {
    return status != null && (level.counts(status, probability) || quiet && level.counts(Status.STALE, probability)
        || holding && level.counts(status));
  }

  /**
   * The hold: for each level with {@code belowProbability}, a key result that counted at a point keeps counting at
   * the next while its status still counts and no check-in of its own falls between the two (its chance rose with
   * silence alone, which a forecast of an unchanged value does), so an escalation ends at a check-in that lifts the
   * chance, a status that no longer counts or the end of the run, not at a chance wobbling over the line. Forward
   * over the points whose status the replay gave (the run's points; earlier ones stay false).
   */
  private static void hold(KeyResult kr, EscalationPolicy policy, List<Instant> grid, int first, Column column) {
    Status[] s = column.status();
    List<org.okrengine.model.CheckIn> checkIns = kr.checkIns();
    for (EscalationPolicy.Level level : policy.levels()) {
      if (level.belowProbability() == null) {
        continue;
      }
      boolean[] h = new boolean[s.length];
      int c = 0;
      for (int i = first; i < s.length; i++) {
        // the check-ins up to this point; whether one fell after the previous point
        boolean checkedIn = false;
        while (c < checkIns.size() && !checkIns.get(c).at().isAfter(grid.get(i))) {
          checkedIn |= i > first && checkIns.get(c).at().isAfter(grid.get(i - 1));
          c++;
        }
        h[i] = counts(level, s[i], column.probability()[i], column.quiet()[i], i > first && h[i - 1] && !checkedIn);
      }
      column.held().put(level, h);
    }
  }

  /**
   * Whether point {@code i} counts for some level: its status is one of {@code counted}, or it is quiet and stale is.
   */
  private static boolean countsForSome(Set<Status> counted, Status[] s, boolean[] quiet, int i) {
    return counted.contains(s[i]) || quiet[i] && counted.contains(Status.STALE);
  }

  static List<EscalationSummary> replay(OkrCycle okr, DependencyGraph graph, Forecaster forecaster,
      EscalationPolicy policy, Instant asOf, Snapshot now) {
    Cycle cycle = okr.cycle();
    List<Instant> grid = grid(cycle, asOf);
    int first = firstCounted(cycle, grid, policy.graceDays());
    if (first >= grid.size()) {
      return List.of();
    }
    boolean cascadesMatter = policy.levels().stream().anyMatch(EscalationPolicy.Level::crossTeamCascade);
    Set<Status> counted = EnumSet.noneOf(Status.class);
    for (EscalationPolicy.Level level : policy.levels()) {
      counted.addAll(level.statuses());
    }
    int n = grid.size();
    int last = n - 1;
    // a key result without any check-in counts as stale at a point once it has been silent since the cycle's start
    // for longer than the stale limit (it was never escalated, however long the silence)
    double quietAfter = forecaster.staleAfterDaysWithoutCheckIns(cycle);
    // each key result's status, walking back from the instant while it counts for some level (earlier points
    // cannot change its run) and the grace period is over; the other points stay null
    Map<String, Column> columns = new LinkedHashMap<>();
    for (KeyResult kr : okr.keyResults()) {
      Status[] s = new Status[n];
      boolean[] q = new boolean[n];
      double[] p = new double[n];
      java.util.Arrays.fill(p, Double.NaN);
      Forecast current = now.forecasts().get(kr.id());
      boolean blocked = now.blocked().containsKey(kr.id());
      s[last] = current.status();
      q[last] = quiet(cycle, s[last], grid.get(last), quietAfter);
      p[last] = current.probabilityOfTarget();
      // a week of statuses and probabilities, then twice as many points each time (Forecaster.replay reads the
      // check-ins once per block; a point's figures do not depend on the block it is replayed in)
      int i = last - 1;
      int span = 7;
      while (i >= first && countsForSome(counted, s, q, i + 1)) {
        int lo = Math.max(first, i - (span - 1));
        span *= 2;
        List<Forecaster.Replayed> block = forecaster.replay(kr, cycle, grid.subList(lo, i + 1),
            okr.milestonesOf(kr.id()));
        int j = i;
        while (j >= lo && countsForSome(counted, s, q, j + 1)) {
          Forecaster.Replayed r = block.get(j - lo);
          if (blocked) {
            // blocked past the cycle's end by work whose date the document holds: at every earlier point as on the
            // day analysed (Snapshot.blockedForecast), or its run would start on that day
            s[j] = Snapshot.blockedStatus(r.status());
            p[j] = 0.0;
          } else {
            s[j] = r.status();
            if (r.probabilityOfTarget() != null) {
              p[j] = r.probabilityOfTarget();
            }
          }
          q[j] = quiet(cycle, s[j], grid.get(j), quietAfter);
          j--;
        }
        i = j;
      }
      Column column = new Column(s, p, q, new java.util.IdentityHashMap<>());
      probabilities(okr, kr, forecaster, policy, grid, first, column);
      hold(kr, policy, grid, first, column);
      columns.put(kr.id(), column);
    }
    Map<String, boolean[]> crossing = cascadesMatter
        ? crossing(okr, graph, forecaster, policy, grid, first, now, columns) : Map.of();
    // runs are counted to the analysed day, but no later than the cycle's last day: once the cycle is over nothing
    // is escalated any more, so a report after the end shows the escalations as they stood when it ended (counted to
    // its end instant's date, a run of 27 whole days on the last day read 28 after the end and rose to the next level,
    // "escalated to leadership (level 2), up from level 1", in a report of a finished cycle)
    LocalDate today = Insights.countedDay(cycle, asOf);
    if (today.isAfter(cycle.end())) {
      today = cycle.end();
    }
    boolean over = !asOf.isBefore(cycle.endInstant());
    List<Row> rows = new ArrayList<>();
    // each level's phrase, written once (every escalation by status names its level's)
    Map<EscalationPolicy.Level, String> phrases = new java.util.IdentityHashMap<>();
    int order = 0;
    Set<String> done = new HashSet<>();
    for (KeyResult kr : okr.keyResults()) {
      Row r = escalate(okr, kr.id(), columns.get(kr.id()), crossing.get(kr.id()), grid, first, policy, today, over,
          now, order++, phrases);
      done.add(kr.id());
      if (r != null) {
        rows.add(r);
      }
    }
    for (Initiative i : okr.initiatives()) {
      done.add(i.id());
      Row r = escalate(okr, i.id(), null, crossing.get(i.id()), grid, first, policy, today, over, now, order++,
          phrases);
      if (r != null) {
        rows.add(r);
      }
    }
    for (String id : new java.util.TreeSet<>(crossing.keySet())) {
      if (!done.contains(id)) {
        Row r = escalate(okr, id, null, crossing.get(id), grid, first, policy, today, over, now, order++,
            phrases);
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
   * Probabilities. A level with belowProbability needs the key result's probability at each point of its run. The
   * status replay (Forecaster.replay) gives it with the status, bit for bit what forecast() gives, wherever it
   * forecasts; a point it leaves without one (none should be asked for: statuses before the cycle or without a
   * check-in count for no level) is forecast on its own.
   */

  /** Fills {@code column}'s probabilities where a level of {@code policy} needs them (see above). */
  private static void probabilities(OkrCycle okr, KeyResult kr, Forecaster forecaster, EscalationPolicy policy,
      List<Instant> grid, int first, Column column) {
    List<EscalationPolicy.Level> levels = policy.levels();
    boolean[] holding = new boolean[levels.size()];
    int alive = 0;
    int last = grid.size() - 1;
    for (int l = 0; l < levels.size(); l++) {
      holding[l] = levels.get(l).belowProbability() != null && column.countsAt(levels.get(l), last);
      alive += holding[l] ? 1 : 0;
    }
    Status[] s = column.status();
    for (int i = last - 1; i >= first && alive > 0 && s[i] != null; i--) {
      boolean asked = false;
      for (int l = 0; l < levels.size() && !asked; l++) {
        asked = holding[l] && levels.get(l).needsProbability(s[i]);
      }
      if (asked && Double.isNaN(column.probability()[i])) {
        // the status replay gave none here (it forecasts nothing before the cycle or without a check-in)
        column.probability()[i] = forecaster.forecast(kr, okr.cycle(), grid.get(i), okr.milestonesOf(kr.id()))
            .probabilityOfTarget();
      }
      for (int l = 0; l < levels.size(); l++) {
        if (holding[l] && !column.countsAt(levels.get(l), i)) {
          holding[l] = false;
          alive--;
        }
      }
    }
  }

  /*
   * Crossing. Whether an item feeds a cascade across teams at a point depends on its own slip then and nothing else:
   * a cascade from it crosses teams exactly when that slip exceeds the least slack between it and an item of another
   * team, a number fixed by the graph (CascadeAnalyzer.slipToCrossTeams). So the walk back from the instant asks
   * each source still followed for its own slip at each earlier point (a key result's forecast, an initiative's days
   * late) and compares: no other forecast and no cascade analysis per point. An initiative's cascade carries its late
   * milestones, so it crosses too when one's slip exceeds the milestone's threshold (carriedAcross).
   *
   * A key result is followed only as far as its cascade can decide anything. For a level with the cascade rule, the
   * cascade's run lies within the run of the level's statuses (feeds() asks for both), so it starts no earlier; it
   * sets the level's since only when that status run is shorter than forDays (otherwise the status run gives since
   * already, as early or earlier). A key result is therefore followed only for such levels, and not before the start
   * of their status runs: a few weeks at most, and not at all when it has counted long enough.
   */

  /** For each source of a cross-team cascade now, the points of its unbroken run back from the instant. */
  private static Map<String, boolean[]> crossing(OkrCycle okr, DependencyGraph graph, Forecaster forecaster,
      EscalationPolicy policy, List<Instant> grid, int first, Snapshot now, Map<String, Column> columns) {
    int n = grid.size();
    int last = n - 1;
    Cycle cycle = okr.cycle();
    LocalDate today = Insights.countedDay(cycle, grid.get(last));
    Map<String, boolean[]> crossing = new HashMap<>();
    // the sources followed, and for each the first point worth asking about
    List<String> running = new ArrayList<>();
    Map<String, Integer> floor = new HashMap<>();
    for (Cascade c : now.cascades()) {
      if (!c.crossesTeams()) {
        continue;
      }
      crossing.computeIfAbsent(c.source(), k -> new boolean[n])[last] = true;
      Column s = columns.get(c.source());
      int from = s == null ? first : n;
      for (EscalationPolicy.Level level : s == null ? List.<EscalationPolicy.Level>of() : policy.levels()) {
        if (!level.crossTeamCascade() || !s.counts(level, last)) {
          continue;
        }
        int start = last;
        while (start > first && s.counts(level, start - 1)) {
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
    for (int i = last - 1; i >= first && !running.isEmpty(); i--) {
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
        if (r != null && ((d != null && r.slipDays() > d) || carriedAcross(okr, graph, threshold, id, r, day))) {
          crossing.get(id)[i] = true;
        } else {
          it.remove();
        }
      }
    }
    return crossing;
  }

  /**
   * Whether the cascade of initiative {@code id}, late by {@code r} on {@code day} and not crossing teams by its own
   * slip, crosses through its late milestones (Snapshot.milestoneRisks), which its cascade carries: exactly when one's
   * slip exceeds its own threshold. A seed's slip travels every path from it in full less the slack (what arrives at
   * another seed adds to that seed's, CascadeAnalyzer), but for the path through its initiative, which carries the
   * initiative's own slip, at least the milestone's (Snapshot: an initiative is as late as its latest milestone); so
   * a number per milestone decides it, as for the initiative itself, with no propagation per point (one per point,
   * and a scratch as large as the graph each, took 14 s and 1.5 GB for a chain of 2,000 initiatives).
   */
  private static boolean carriedAcross(OkrCycle okr, DependencyGraph graph, Map<String, Double> threshold, String id,
      NodeRisk r, LocalDate day) {
    Initiative i = okr.initiative(id).orElse(null);
    if (i == null) {
      return false;
    }
    for (Map.Entry<String, NodeRisk> e : Snapshot.milestoneRisks(graph, i, day).entrySet()) {
      Double d = threshold.get(e.getKey());
      if (d != null && e.getValue().slipDays() > d) {
        return true;
      }
    }
    return false;
  }

  /** The slip that item {@code id} feeds the cascade analysis at {@code at} (on {@code day}); null when none. */
  private static NodeRisk riskAt(OkrCycle okr, Forecaster forecaster, String id, Instant at, LocalDate day) {
    KeyResult kr = okr.keyResult(id).orElse(null);
    if (kr != null) {
      Forecast f = forecaster.forecast(kr, okr.cycle(), at, okr.milestonesOf(id));
      return Snapshot.keyResultRisk(okr, kr, f, day, at);
    }
    return okr.initiative(id).map(i -> Snapshot.initiativeRisk(i, day)).orElse(null);
  }

  private record Row(EscalationSummary summary, int order) {}

  private static Row escalate(OkrCycle okr, String id, Column statuses, boolean[] crossing, List<Instant> grid,
      int first, EscalationPolicy policy, LocalDate today, boolean over, Snapshot now, int order,
      Map<EscalationPolicy.Level, String> phrases) {
    Cycle cycle = okr.cycle();
    int last = grid.size() - 1;
    EscalationPolicy.Level chosen = null;
    LocalDate chosenSince = null;
    boolean byCascade = false;
    for (EscalationPolicy.Level level : policy.levels()) {
      LocalDate since = null;
      boolean cascade = false;
      if (statuses != null && statuses.counts(level, last)) {
        int start = last;
        while (start > first && statuses.counts(level, start - 1)) {
          start--;
        }
        LocalDate s = cycle.dateOf(grid.get(start));
        if (ChronoUnit.DAYS.between(s, today) >= level.forDays()) {
          since = s;
        }
      }
      if (level.crossTeamCascade() && crossing != null && feeds(crossing, statuses, level, last)) {
        int start = last;
        while (start > first && feeds(crossing, statuses, level, start - 1)) {
          start--;
        }
        LocalDate s = cycle.dateOf(grid.get(start));
        if (ChronoUnit.DAYS.between(s, today) >= level.cascadeForDays() && (since == null || s.isBefore(since))) {
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
    // once the cycle is over (over) the status is the outcome, and the lateness is where it ended (Lateness)
    if (byCascade) {
      Cascade c = now.cascades().from(id);
      reason = Causes.name(okr, id) + " has fed a cascade across teams since " + Insights.DAY.format(chosenSince)
          + " (" + Numbers.days(days) + "): it " + Lateness.phrase(okr, id, c.slipDays(), Numbers.days(c.slipDays()),
              grid.get(last))
          + (over ? " and reached " : " and reaches ")
          + Insights.join(teamNames(okr, c.teams().stream().filter(t -> !t.equals(c.sourceTeam())).toList()))
          + ", so it goes to " + target + ".";
    } else {
      Status s = statuses.status()[last];
      // no chance "now" after the end (was "off track, a 0% chance now")
      // a key result without any check-in, as silent as a stale one since the start, is said so (no-data is its status)
      boolean never = statuses.quiet()[last] && !chosen.counts(s, statuses.probability()[last]);
      // held: its chance is no longer below the level's with no check-in since it was (hold)
      boolean held = chosen.belowProbability() != null && s != Status.STALE && !never
          && !statuses.countsAt(chosen, last);
      String chance = chosen.belowProbability() == null || s == Status.STALE || never || over ? ""
          : ", " + Insights.aPct(statuses.probability()[last]) + " chance";
      String tail = held && !over ? chance + " now, risen with no check-in since"
          : chance + (over ? " when the cycle ended" : " now");
      reason = Causes.name(okr, id) + " has been " + phrases.computeIfAbsent(chosen, Escalations::phrase)
          + " without a break since " + Insights.DAY.format(chosenSince) + " (" + Numbers.days(days) + "; "
          + (never ? "without a check-in" : Insights.statusName(s)) + tail + "), so it goes to " + target + ".";
    }
    return new Row(new EscalationSummary(id, chosen.level(), chosenSince, chosen.to(), reason), order);
  }

  /** Whether the item feeds a cross-team cascade at point {@code i}; a key result must also count then. */
  private static boolean feeds(boolean[] crossing, Column statuses, EscalationPolicy.Level level, int i) {
    return crossing[i] && (statuses == null || statuses.counts(level, i));
  }

  /**
   * What held for a level, in words: {@code at risk, off track or stale}, or with a probability,
   * {@code at risk or off track with less than a 25% chance of reaching its target, or stale,}.
   */
  static String phrase(EscalationPolicy.Level level) {
    if (level.belowProbability() == null) {
      return statusPhrase(level.statuses());
    }
    List<Status> judged = level.statuses().stream().filter(st -> st != Status.STALE).toList();
    String below = "with less than " + Insights.aPct(level.belowProbability()) + " chance of reaching its target";
    if (judged.isEmpty()) {
      return statusPhrase(level.statuses());
    }
    return statusPhrase(judged) + " " + below + (level.counts(Status.STALE) ? ", or stale," : "");
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
