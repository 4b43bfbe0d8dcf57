package org.okrengine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.ReportChanges;
import org.okrengine.model.Status;

/**
 * What changed between two reports of one cycle ({@link ReportChanges}). Stateless and thread-safe.
 *
 * <p>The comparison instant: by default 7 days before the analysed instant; never before the cycle's start (before
 * it there is nothing to compare, so the start is used), and a report at or before that instant compares nothing
 * (null). A status change is any difference of status; a new escalation an item escalated now at a level above the
 * one it had then (none counts as 0); a dropped escalation an item escalated then at a level above the one it has now
 * (withdrawn when it has none), with the reason the policy's level no longer holds (see {@link #reason}); a
 * probability move a difference of the probability of target of at least
 * {@link ReportChanges#MIN_PROBABILITY_MOVE} (both forecasts known), largest first, and none once the cycle is over
 * (the probability is then the outcome, which the status says).
 */
final class Changes {
  /** The default distance of the comparison instant before the analysed one: 7 calendar days. */
  static final long DEFAULT_DAYS_BEFORE = 7;

  private Changes() {}

  /**
   * The default comparison instant for a report as of {@code asOf}: 7 calendar days before it in the cycle's zone (the
   * same wall-clock time a week earlier, across a daylight-saving change too).
   */
  static Instant defaultCompareTo(Cycle cycle, Instant asOf) {
    return cycle.calendarDaysBefore(asOf, DEFAULT_DAYS_BEFORE);
  }

  /** {@code compareTo} moved to the cycle's start when before it; null when that is not before {@code asOf}. */
  static Instant effective(OkrCycle okr, Instant asOf, Instant compareTo) {
    Instant start = okr.cycle().startInstant();
    Instant at = compareTo.isBefore(start) ? start : compareTo;
    return at.isBefore(asOf) ? at : null;
  }

  static ReportChanges between(OkrCycle okr, EscalationPolicy policy, Forecaster forecaster, CycleReport then,
      CycleReport now) {
    Map<String, KeyResultReport> before = new HashMap<>();
    for (KeyResultReport r : then.keyResults()) {
      before.put(r.id(), r);
    }
    List<ReportChanges.StatusChange> statuses = new ArrayList<>();
    List<ReportChanges.ProbabilityMove> moves = new ArrayList<>();
    // once the cycle is over a probability is the outcome (1 or 0): its move says again what the status change says
    // (on-track -> off-track), so none is listed
    boolean over = Insights.over(okr.cycle(), now.asOf());
    for (KeyResultReport r : now.keyResults()) {
      KeyResultReport b = before.get(r.id());
      if (b == null) {
        continue;
      }
      // no check-in in (since, asOf]: the same document analysed at two instants, so only the time moved it; but
      // a report after the end, compared with one before it, takes a key result's outcome from its result where the
      // document gives one: its owner's news, not the time's (it read "(no check-in since 23 Sep)" beside an outcome
      // that check-in did not decide)
      boolean quiet = !checkedInBetween(okr, r.id(), then.asOf(), now.asOf())
          && !(over && !Insights.over(okr.cycle(), then.asOf()) && hasResult(okr, r.id()));
      if (b.status() != r.status()) {
        // a move into or out of stale or no-data says already that no check-in came
        boolean says = b.status() == Status.STALE || b.status() == Status.NO_DATA || r.status() == Status.STALE
            || r.status() == Status.NO_DATA;
        statuses.add(new ReportChanges.StatusChange(r.id(), r.title(), b.status(), r.status(), quiet && !says));
      }
      if (!over && b.forecast() != null && r.forecast() != null) {
        double from = b.forecast().probabilityOfTarget();
        double to = r.forecast().probabilityOfTarget();
        // compared in whole percentage points, as shown, so that a move shown as 10 points counts
        if (Math.abs(Math.round(to * 100) - Math.round(from * 100))
            >= Math.round(ReportChanges.MIN_PROBABILITY_MOVE * 100)) {
          moves.add(new ReportChanges.ProbabilityMove(r.id(), r.title(), from, to, quiet));
        }
      }
    }
    moves.sort(Comparator.comparingDouble((ReportChanges.ProbabilityMove m) -> Math.abs(m.to() - m.from()))
        .reversed());
    Map<String, Integer> levelThen = new HashMap<>();
    for (EscalationSummary e : then.escalations()) {
      levelThen.merge(e.subject(), e.level(), Math::max);
    }
    List<ReportChanges.NewEscalation> escalations = new ArrayList<>();
    for (EscalationSummary e : now.escalations()) {
      Integer was = levelThen.get(e.subject());
      if (was == null || was < e.level()) {
        escalations.add(new ReportChanges.NewEscalation(e.subject(), title(okr, e.subject()), e.level(), e.to(),
            was));
      }
    }
    Map<String, EscalationSummary> levelNow = new HashMap<>();
    for (EscalationSummary e : now.escalations()) {
      levelNow.merge(e.subject(), e, (a, b) -> a.level() >= b.level() ? a : b);
    }
    Map<String, KeyResultReport> after = new HashMap<>();
    for (KeyResultReport r : now.keyResults()) {
      after.put(r.id(), r);
    }
    List<ReportChanges.DroppedEscalation> dropped = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EscalationSummary e : then.escalations()) {
      EscalationSummary is = levelNow.get(e.subject());
      if (!seen.add(e.subject()) || levelThen.get(e.subject()) != e.level()
          || (is != null && is.level() >= e.level())) {
        continue;
      }
      dropped.add(new ReportChanges.DroppedEscalation(e.subject(), title(okr, e.subject()), e.level(), e.to(),
          is == null ? null : is.level(), is == null ? null : is.to(),
          reason(okr, policy, forecaster, e, is, before.get(e.subject()), after.get(e.subject()), then.asOf(), now)));
    }
    return new ReportChanges(then.asOf(), statuses, escalations, moves, dropped);
  }

  /**
   * Whether key result {@code id} has a check-in after {@code since} and at or before {@code asOf}, by the
   * check-ins' instants (a check-in recorded late counts where it is dated, as both analyses see it): its latest up to
   * {@code asOf} is after {@code since}; true for an id that is not a key result of {@code okr}.
   */
  static boolean checkedInBetween(OkrCycle okr, String id, Instant since, Instant asOf) {
    return okr.keyResult(id).map(k -> k.latestCheckIn(asOf).map(c -> c.at().isAfter(since)).orElse(false))
        .orElse(true);
  }

  /** Whether key result {@code id} has a result (result.finalValue), its outcome once the cycle is over. */
  private static boolean hasResult(OkrCycle okr, String id) {
    return okr.keyResult(id).map(k -> k.result() != null).orElse(false);
  }

  /**
   * The date, in the cycle's zone, of key result {@code id}'s last check-in at or before {@code asOf}, or null when it
   * has none (or is not a key result of {@code okr}).
   */
  static java.time.LocalDate lastCheckInDate(OkrCycle okr, String id, Instant asOf) {
    return okr.keyResult(id).flatMap(k -> k.latestCheckIn(asOf)).map(c -> okr.cycle().dateOf(c.at())).orElse(null);
  }

  /**
   * Why the policy's level {@code was} of an item no longer holds now ({@code is}: its escalation now, lower, or
   * null), as a fragment from the policy's rules, in this order: a key result's status is not one the level counts
   * ("it went from at risk to on track, which team-lead's level does not count"); its probability of target is not
   * below the level's {@code belowProbability} ("its chance rose from 25% to 26%, no longer below the 25% the policy
   * escalates under"; "just under 25%" where the earlier chance rounds to the threshold); the run of a key result
   * broke between the two instants ({@link #broke}: "its run broke on 20 Nov, when a check-in lifted its chance to
   * 57%, no longer below the 25% the policy escalates under; it has counted again only since 24 Nov (3 days), short of
   * the 21 days level 2 needs"); the level escalates a cascade across teams and the item feeds none now ("it no longer
   * feeds a cascade across teams": a key result's cascade counts only while its status does, so a run that held
   * throughout leaves the cascade as what held the level); else its run broke, too short for the level's
   * {@code forDays} (with its {@code since} when it is escalated lower). It read "it no longer feeds a cascade across
   * teams" for a key result that reached level 2 by its run of days and never fed one.
   */
  static String reason(OkrCycle okr, EscalationPolicy policy, Forecaster forecaster, EscalationSummary was,
      EscalationSummary is, KeyResultReport then, KeyResultReport now, Instant thenAt, CycleReport report) {
    EscalationPolicy.Level level = policy.levels().stream().filter(l -> l.level() == was.level()).findFirst()
        .orElse(null);
    if (level == null) {
      return "the policy has no level " + was.level();
    }
    if (now != null) {
      Status st = now.status();
      if (!level.counts(st) && !now.silentSinceStart()) {
        return (then != null && then.status() != st
            ? "it went from " + Insights.statusName(then.status()) + " to " + Insights.statusName(st)
            : "it is " + Insights.statusName(st))
            + ", which " + level.to() + "'s level does not count";
      }
      Double p = now.forecast() == null ? null : now.forecast().probabilityOfTarget();
      if (level.needsProbability(st) && p != null && !level.counts(st, p)) {
        String threshold = Insights.pct(level.belowProbability());
        Double from = then == null || then.forecast() == null || then.status() == Status.STALE ? null
            : then.forecast().probabilityOfTarget();
        String fromText = from == null ? null
            : Insights.pct(from).equals(threshold) && from < level.belowProbability() ? "just under " + threshold
                : Insights.pct(from);
        return (fromText == null ? "it is " + Insights.statusName(st) + " with " + Insights.aPct(p) + " chance"
            : "its chance rose from " + fromText + " to " + Insights.pct(p))
            + ", no longer below the " + threshold + " the policy escalates under";
      }
    }
    String needs = Numbers.days(level.forDays()) + " level " + level.level() + " needs";
    String again = is == null ? "it has not counted again for the " + needs
        : "it has counted again only since " + Insights.DAY.format(is.since()) + " (" + Numbers.days(
            java.time.temporal.ChronoUnit.DAYS.between(is.since(), Insights.countedDay(okr.cycle(), report.asOf())))
            + "), short of the " + needs;
    KeyResult kr = okr.keyResult(was.subject()).orElse(null);
    String broke = kr == null ? null : broke(okr, forecaster, level, kr, thenAt, report.asOf());
    if (broke != null) {
      return "its run broke on " + broke + "; " + again;
    }
    if (level.crossTeamCascade() && !crossesTeams(okr, was.subject(), report)) {
      return "it no longer feeds a cascade across teams";
    }
    if (is != null) {
      long days = java.time.temporal.ChronoUnit.DAYS.between(is.since(), Insights.countedDay(okr.cycle(),
          report.asOf()));
      return "its run broke: it has counted without a break only since " + Insights.DAY.format(is.since()) + " ("
          + Numbers.days(days) + "), short of the " + needs;
    }
    return "its run broke: it has not counted without a break for the " + needs;
  }

  /**
   * Where and why key result {@code kr}, counting toward {@code level} at {@code from} (it was escalated at it then),
   * first stopped counting after it, up to {@code to}, by the escalation rules as {@link Escalations} replays them
   * (the start of each day, then {@code to}; the hold): "20 Nov, when a check-in lifted its chance to 57%, no longer
   * below the 25% the policy escalates under", "3 Dec, when it was on track, which leadership's level does not count";
   * null when it counted throughout.
   */
  private static String broke(OkrCycle okr, Forecaster forecaster, EscalationPolicy.Level level, KeyResult kr,
      Instant from, Instant to) {
    Cycle cycle = okr.cycle();
    double quietAfter = forecaster.staleAfterDaysWithoutCheckIns(cycle);
    List<org.okrengine.model.CheckIn> checkIns = kr.checkIns();
    Instant prev = from;
    for (Instant t : Escalations.grid(cycle, to)) {
      if (!t.isAfter(from)) {
        continue;
      }
      org.okrengine.model.CheckIn lifted = null;
      for (org.okrengine.model.CheckIn c : checkIns) {
        if (c.at().isAfter(prev) && !c.at().isAfter(t)) {
          lifted = c;
        }
      }
      prev = t;
      Forecast f = forecaster.forecast(kr, cycle, t, okr.milestonesOf(kr.id()));
      Status s = f.status();
      double p = f.probabilityOfTarget();
      boolean quiet = Escalations.quiet(cycle, s, t, quietAfter);
      // the escalation rule, the hold's included (it counted at the point before: this loop goes on only while it does)
      if (Escalations.counts(level, s, p, quiet, level.belowProbability() != null && lifted == null)) {
        continue;
      }
      String day = Insights.DAY.format(cycle.dateOf(lifted != null ? lifted.at() : t));
      if (!level.counts(s) && !(quiet && level.counts(Status.STALE))) {
        return day + ", when " + (lifted != null ? "a check-in left it " : "it was ") + Insights.statusName(s)
            + ", which " + level.to() + "'s level does not count";
      }
      return day + ", when " + (lifted != null ? "a check-in lifted its chance to " : "its chance was ")
          + Insights.pct(p) + ", no longer below the " + Insights.pct(level.belowProbability())
          + " the policy escalates under";
    }
    return null;
  }

  /** Whether item {@code id} is the source of a cascade in {@code report} that reaches a team other than its own. */
  private static boolean crossesTeams(OkrCycle okr, String id, CycleReport report) {
    String team = okr.keyResult(id).map(k -> k.team()).or(() -> okr.initiative(id).map(i -> i.team()))
        .orElse(null);
    for (CascadeSummary c : report.cascades()) {
      if (c.source().equals(id) && c.teams().stream().anyMatch(t -> !t.equals(team))) {
        return true;
      }
    }
    return false;
  }

  /** The title of the item {@code id} (key result, initiative, milestone or objective), or null. */
  static String title(OkrCycle okr, String id) {
    return okr.keyResult(id).map(k -> k.title())
        .or(() -> okr.initiative(id).map(i -> i.title()))
        .or(() -> okr.milestone(id).map(m -> m.title()))
        .or(() -> okr.objective(id).map(o -> o.title()))
        .orElse(null);
  }
}
