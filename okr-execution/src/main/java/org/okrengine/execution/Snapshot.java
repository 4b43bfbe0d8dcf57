package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.Dependency;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.internal.Lateness;

/**
 * Everything computed of a cycle at one instant: each key result's forecast, the slips fed to the cascade analysis
 * and the cascades. Computed once for the report; the escalation replay asks {@link #keyResultRisk} and
 * {@link #initiativeRisk} of single items day by day. Immutable.
 *
 * @param forecasts each key result's forecast, in document order
 * @param risks the slips of late items, by id
 * @param cascades the cascades, most impact first (empty when not asked for)
 */
record Snapshot(Map<String, Forecast> forecasts, Map<String, NodeRisk> risks, Cascades cascades) {
  /*
   * Slips fed to the cascade analysis.
   * - An initiative is as late as its latest open milestone past due (days from due to the analysed date); the
   *   probability that it misses what depends on it is 1 - exp(-late / 14 days): a week late 0.39, two 0.63.
   * - A key result that others depend on is late by the days from its earliest need-by date (the cycle end when
   *   none is given) to its forecast completion (P50), or, when it is not moving toward its target, by the days it
   *   is already past that date; its probability of missing is 1 - P(target). Achieved key results do not slip, nor
   *   do those needed by the cycle's end (no earlier need-by date) that are on track by their own forecast (not at
   *   risk, off track or stale) while the end is ahead: the status judges that same date and says their chance is
   *   good enough, and "late" would contradict it. Needed by an earlier date, they are late by their completion,
   *   and the status rule's last step (UpstreamRule) puts such a key result at risk (late-for-need-by): its row and
   *   its cascade say the same.
   */
  static final double LATE_SCALE_DAYS = 14.0;

  static Snapshot of(OkrCycle cycle, DependencyGraph graph, Forecaster forecaster, Instant asOf,
      boolean withCascades) {
    return of(cycle, graph, forecaster, asOf, withCascades, false);
  }

  /**
   * The snapshot at {@code asOf}; with {@code risksOnly}, only the key results that others depend on are forecast
   * (all that the cascades need).
   */
  static Snapshot of(OkrCycle cycle, DependencyGraph graph, Forecaster forecaster, Instant asOf,
      boolean withCascades, boolean risksOnly) {
    Map<String, Forecast> forecasts = new LinkedHashMap<>();
    Map<String, NodeRisk> risks = new HashMap<>();
    LocalDate today = Insights.countedDay(cycle.cycle(), asOf);
    for (KeyResult kr : cycle.keyResults()) {
      if (risksOnly && cycle.dependents(kr.id()).isEmpty()) {
        continue;
      }
      Forecast f = forecaster.forecast(kr, cycle.cycle(), asOf, cycle.milestonesOf(kr.id()));
      forecasts.put(kr.id(), f);
      NodeRisk r = keyResultRisk(cycle, kr, f, today, asOf);
      if (r != null) {
        risks.put(kr.id(), r);
      }
    }
    for (Initiative i : cycle.initiatives()) {
      NodeRisk r = initiativeRisk(i, today);
      if (r != null) {
        risks.put(i.id(), r);
      }
    }
    Cascades cascades = withCascades ? Cascades.of(graph, risks, asOf)
        : Cascades.none();
    return new Snapshot(forecasts, risks, cascades);
  }

  /** The slip fed to the cascade analysis for initiative {@code i} on {@code today}; null when it is not late. */
  static NodeRisk initiativeRisk(Initiative i, LocalDate today) {
    long late = daysLate(i, today);
    return late > 0 ? new NodeRisk(late, 1 - Math.exp(-late / LATE_SCALE_DAYS)) : null;
  }

  /** Days from the due date of the initiative's latest open milestone past due to {@code today}; 0 when none. */
  static long daysLate(Initiative i, LocalDate today) {
    long late = 0;
    for (Milestone m : i.milestones()) {
      late = Math.max(late, daysPastDue(m, today));
    }
    return late;
  }

  /**
   * Whether milestone {@code m} is open on {@code today}: not completed, or completed on a later day. A document
   * written after the fact holds completion dates beyond the instant analysed; on {@code today} that completion had
   * not happened yet (a milestone due 15 May and completed 1 Jun was "on time: no open milestone is past due" on
   * 25 May). As the forecaster counts milestones ({@code Forecaster}, achieve) and {@link Situation}.
   */
  static boolean openOn(Milestone m, LocalDate today) {
    return m.completed() == null || m.completed().isAfter(today);
  }

  /** Days milestone {@code m} is past due on {@code today} while open ({@link #openOn}); 0 when it is not. */
  static long daysPastDue(Milestone m, LocalDate today) {
    return openOn(m, today) && m.due().isBefore(today) ? ChronoUnit.DAYS.between(m.due(), today) : 0;
  }

  /**
   * The slip fed to the cascade analysis for key result {@code kr} forecast as {@code f} on {@code today} (the day
   * of {@code asOf}); null when it is achieved, nothing depends on it, it holds its threshold (a maintain key result
   * whose latest check-in at {@code asOf} meets it: what others need of it is there), or it is not late.
   */
  static NodeRisk keyResultRisk(OkrCycle cycle, KeyResult kr, Forecast f, LocalDate today, Instant asOf) {
    if (f.status() == Status.ACHIEVED || cycle.dependents(kr.id()).isEmpty()) {
      return null;
    }
    if (kr.metric().direction().isMaintain()
        && kr.latestCheckIn(asOf).map(c -> kr.metric().isMet(c.value())).orElse(false)) {
      // holding its threshold: a maintain key result has no completion, and its slip was counted from the need-by
      // date to today whatever its value ("KR-3 (Payment success rate at least 98.5%) is 9 days late for KR-2" at
      // 98.7%, and at risk for it)
      return null;
    }
    // the earliest need-by date, as the sentences count what of the slip is past and what is forecast (Lateness)
    Dependency need = Lateness.neededBy(cycle, kr.id());
    LocalDate due = need == null ? cycle.cycle().end() : need.needBy();
    if (due.equals(cycle.cycle().end()) && !due.isBefore(today) && !f.status().needsAttention()) {
      // needed by the cycle's end (no earlier need-by date) and on track by its own forecast (the status's
      // probability rule, which judges the same date): not late. Its P50 completion can fall after the end while its
      // chance is good enough for on track ("KR-12 is 2 days late" beside "KR-12 on-track, P(target) 51%"); a
      // sentence calling it late contradicted its status line. Needed by an earlier date, the forecast's status
      // (which judges the end) says nothing of that date: late by its completion, and UpstreamRule makes the row at
      // risk for it (late-for-need-by)
      return null;
    }
    long slip;
    if (f.completionDate() != null) {
      slip = ChronoUnit.DAYS.between(due, f.completionDate());
    } else {
      slip = ChronoUnit.DAYS.between(due, today);
    }
    return slip > 0 ? new NodeRisk(Math.min(slip, 999_999), 1 - f.probabilityOfTarget()) : null;
  }
}
