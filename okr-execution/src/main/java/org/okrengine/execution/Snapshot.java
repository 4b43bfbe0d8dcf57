package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.Edge;
import org.okrengine.deps.EdgeKind;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.Dependency;
import org.okrengine.model.Direction;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Reason;
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
 * @param blocked the key results that cannot be done in the cycle because what blocks them lands after its end, by
 *     id: the item that blocks them and the day it lands ({@link #blockedPastEnd})
 */
record Snapshot(Map<String, Forecast> forecasts, Map<String, NodeRisk> risks, Cascades cascades,
    Map<String, Blocked> blocked) {
  /** The reason code of a key result that cannot be done in the cycle because its blocker lands after the end. */
  static final String BLOCKED_PAST_END = "blocked-past-cycle-end";

  /**
   * What keeps a key result from being done in the cycle: {@code upstream} (an initiative or milestone that blocks
   * it, directly or through key results it blocks) lands on {@code lands}, after the cycle's end.
   */
  record Blocked(String upstream, LocalDate lands) {}

  /*
   * Slips fed to the cascade analysis.
   * - An initiative is as late as its latest open milestone past due (days from due to the analysed date); the
   *   probability that it misses what depends on it is 1 - exp(-late / 14 days): a week late 0.39, two 0.63.
   * - A late milestone (open and past due) that something depends on other than its initiative is late by its own
   *   days past due, with the same probability rule. Its initiative is then late too, and the initiative's cascade
   *   carries it (CascadeAnalyzer: its dependents are reached, with no cascade or escalation of its own).
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
    return of(cycle, graph, forecaster, asOf, withCascades, false, Map.of());
  }

  static Snapshot of(OkrCycle cycle, DependencyGraph graph, Forecaster forecaster, Instant asOf,
      boolean withCascades, boolean risksOnly) {
    return of(cycle, graph, forecaster, asOf, withCascades, risksOnly, Map.of());
  }

  /**
   * The snapshot at {@code asOf}; with {@code risksOnly}, only the key results that others depend on are forecast
   * (all that the cascades need). {@code lands}: the day an open milestone lands where it is not its due date (a
   * what-if's slip of a milestone already past due, {@link WhatIf#compare}), by id.
   */
  static Snapshot of(OkrCycle cycle, DependencyGraph graph, Forecaster forecaster, Instant asOf,
      boolean withCascades, boolean risksOnly, Map<String, LocalDate> lands) {
    Map<String, Forecast> forecasts = new LinkedHashMap<>();
    Map<String, NodeRisk> risks = new HashMap<>();
    LocalDate today = Insights.countedDay(cycle.cycle(), asOf);
    for (KeyResult kr : cycle.keyResults()) {
      if (risksOnly && cycle.dependents(kr.id()).isEmpty()) {
        continue;
      }
      forecasts.put(kr.id(), forecaster.forecast(kr, cycle.cycle(), asOf, cycle.milestonesOf(kr.id())));
    }
    Map<String, Blocked> blocked = blockedPastEnd(cycle, graph, forecasts, today, lands);
    for (Map.Entry<String, Blocked> e : blocked.entrySet()) {
      forecasts.computeIfPresent(e.getKey(), (id, f) -> blockedForecast(cycle, f, e.getValue(), asOf));
    }
    for (KeyResult kr : cycle.keyResults()) {
      Forecast f = forecasts.get(kr.id());
      if (f == null) {
        continue;
      }
      NodeRisk r = keyResultRisk(cycle, kr, f, today, asOf);
      if (r != null) {
        risks.put(kr.id(), r);
      }
    }
    for (Initiative i : cycle.initiatives()) {
      NodeRisk r = initiativeRisk(i, today);
      if (r != null) {
        risks.put(i.id(), r);
        risks.putAll(milestoneRisks(graph, i, today));
      }
    }
    Cascades cascades = withCascades ? Cascades.of(graph, risks, asOf)
        : Cascades.none();
    return new Snapshot(forecasts, risks, cascades, Map.copyOf(blocked));
  }

  /*
   * Blocked past the cycle's end. A blocks dependency says the downstream cannot finish before the upstream. An open
   * milestone (open on the day analysed) lands on its due date, or in a what-if on the day its slip puts it (a
   * milestone already past due keeps its due date there, and lands later: lands); an initiative lands with its
   * latest open milestone. When that day is after the cycle's end, the key results it blocks cannot be done in the
   * cycle, nor those that they block in turn (unless already achieved): their probability of target is 0. Before,
   * a what-if slip that moved a blocker past the day analysed or the cycle's end made it "not due yet": the missed
   * milestone dropped out of the achieve forecast's count and the initiative was no longer late, so the key results
   * it blocks became more likely (KR-SSO 10% -> 14% with its blocker 40 days later).
   */

  /**
   * The key results of {@code cycle} that cannot be done in it because an initiative or milestone that blocks them
   * (through {@code blocks} dependencies, directly or through key results that are not achieved) lands after its
   * end, by id, in document order; of several such blockers the latest-landing one is named (the first by id among
   * equals). One pass over {@code graph}'s topological order, each edge read once: what blocks a key result is
   * settled before it is reached.
   */
  static Map<String, Blocked> blockedPastEnd(OkrCycle cycle, DependencyGraph graph, Map<String, Forecast> forecasts,
      LocalDate today, Map<String, LocalDate> lands) {
    LocalDate end = cycle.cycle().end();
    Map<String, Blocked> found = new HashMap<>();
    for (String id : graph.topologicalOrder()) {
      KeyResult kr = cycle.keyResult(id).orElse(null);
      // a threshold is kept, not done: a maintain key result holds it, or not, whatever lands after the end
      if (kr == null || kr.metric().direction().isMaintain()) {
        continue;
      }
      Forecast f = forecasts.get(id);
      if (f != null && f.status() == Status.ACHIEVED) {
        continue;
      }
      Blocked latest = null;
      for (Edge e : graph.upstreamOf(id)) {
        if (e.kind() != EdgeKind.BLOCKS) {
          continue;
        }
        Blocked b = found.get(e.upstream());
        if (b == null) {
          LocalDate at = landsAfter(cycle, e.upstream(), today, lands, end);
          b = at == null ? null : new Blocked(e.upstream(), at);
        }
        if (b != null && (latest == null || b.lands().isAfter(latest.lands()))) {
          latest = b;
        }
      }
      if (latest != null) {
        found.put(id, latest);
      }
    }
    Map<String, Blocked> out = new LinkedHashMap<>();
    for (KeyResult kr : cycle.keyResults()) {
      if (found.containsKey(kr.id())) {
        out.put(kr.id(), found.get(kr.id()));
      }
    }
    return out;
  }

  /**
   * The day initiative or milestone {@code id} lands when that is after {@code end}: an open milestone on its
   * {@code lands} day or its due date, an initiative with its latest open milestone; null otherwise (a key result
   * too: it is blocked through what blocks it).
   */
  private static LocalDate landsAfter(OkrCycle cycle, String id, LocalDate today, Map<String, LocalDate> lands,
      LocalDate end) {
    List<Milestone> ms = cycle.milestone(id).map(List::of)
        .orElseGet(() -> cycle.initiative(id).map(Initiative::milestones).orElse(List.of()));
    LocalDate latest = null;
    for (Milestone m : ms) {
      if (openOn(m, today)) {
        LocalDate at = lands.getOrDefault(m.id(), m.due());
        if (at.isAfter(end) && (latest == null || at.isAfter(latest))) {
          latest = at;
        }
      }
    }
    return latest;
  }

  /**
   * {@code f} of a key result that cannot be done in the cycle ({@link #blockedPastEnd}): probability of target 0,
   * off track (a status decided before the probability, stale, no data or not started, is kept), the reason
   * {@value #BLOCKED_PAST_END} first (evidence {@code daysAfterEnd}, the days from the cycle's end to the day its
   * blocker lands) in place of {@code unlikely-to-meet-target}; it lands where it stands (its latest check-in up to
   * the day analysed, else its baseline, an achieve key result at its baseline), short of its target, with no
   * interval: it cannot move toward the target in the cycle ("forecast to land at 104%" beside "a 0% chance" before).
   */
  static Forecast blockedForecast(OkrCycle cycle, Forecast f, Blocked b, Instant asOf) {
    Status status = blockedStatus(f.status());
    List<Reason> reasons = new ArrayList<>();
    reasons.add(Reason.of(BLOCKED_PAST_END, "daysAfterEnd",
        ChronoUnit.DAYS.between(cycle.cycle().end(), b.lands())));
    for (Reason r : f.reasons()) {
      if (!r.code().equals("unlikely-to-meet-target")) {
        reasons.add(r);
      }
    }
    KeyResult kr = cycle.keyResult(f.keyResultId()).orElseThrow();
    double landing = kr.metric().direction() == Direction.ACHIEVE ? kr.metric().baselineOrTarget()
        : stands(kr, asOf, f.landingValue());
    double landingProgress = kr.metric().progress(landing);
    if (landingProgress >= 1) {
      // where it stands meets the target (the forecast said it would not hold): its forecast landing, below it
      landing = f.landingValue();
      landingProgress = f.landingProgress();
    }
    LocalDate p50 = f.completionDate() == null || !f.completionDate().isBefore(b.lands()) ? f.completionDate()
        : b.lands();
    LocalDate p85 = f.completionP85() == null || !f.completionP85().isBefore(b.lands()) ? f.completionP85()
        : b.lands();
    return new Forecast(f.keyResultId(), f.method(), status, f.progress(), f.expectedProgress(),
        f.daysSinceCheckIn(), landing, landingProgress, null, 0.0, f.requiredVelocityPerWeek(),
        f.actualVelocityPerWeek(), f.velocityRatio(), p50, p85, reasons);
  }


  /** The value of {@code kr}'s latest check-in up to {@code asOf}, else its baseline, else {@code otherwise}. */
  private static double stands(KeyResult kr, Instant asOf, double otherwise) {
    return kr.latestCheckIn(asOf).map(org.okrengine.model.CheckIn::value)
        .orElse(kr.metric().baseline() != null ? kr.metric().baseline() : otherwise);
  }

  /**
   * The status {@code s} of a key result blocked past the cycle's end ({@link #blockedPastEnd}) as the analysis gives
   * it ({@link #blockedForecast}): off track, unless a rule before the probability decided (stale, no data, not
   * started), for the escalation replay's earlier points as for the day analysed.
   */
  static Status blockedStatus(Status s) {
    return switch (s) {
      case STALE, NO_DATA, NOT_STARTED -> s;
      default -> Status.OFF_TRACK;
    };
  }

  /** The slip fed to the cascade analysis for initiative {@code i} on {@code today}; null when it is not late. */
  static NodeRisk initiativeRisk(Initiative i, LocalDate today) {
    long late = daysLate(i, today);
    return late > 0 ? new NodeRisk(late, 1 - Math.exp(-late / LATE_SCALE_DAYS)) : null;
  }

  /**
   * The slips fed to the cascade analysis for the milestones of initiative {@code i} on {@code today}: each open and
   * past due with a dependency out other than its part-of edge, late by its days past due, with the probability
   * of an initiative as late; by id.
   */
  static Map<String, NodeRisk> milestoneRisks(DependencyGraph graph, Initiative i, LocalDate today) {
    Map<String, NodeRisk> out = new LinkedHashMap<>();
    for (Milestone m : i.milestones()) {
      long late = daysPastDue(m, today);
      if (late > 0 && graph.downstreamOf(m.id()).stream().anyMatch(e -> e.kind() != EdgeKind.PART_OF)) {
        out.put(m.id(), new NodeRisk(late, 1 - Math.exp(-late / LATE_SCALE_DAYS)));
      }
    }
    return out;
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
