package org.okrengine.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.CascadeAnalyzer;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;

/**
 * Analyses a cycle at an instant: for every key result its progress against plan, its forecast, status, reasons and
 * one plain sentence, and the cascades of late items through the dependency graph, as an {@code okr-report/1}
 * report. Deterministic: the same cycle and instant give an equal
 * report. Configured with {@code with...} copy methods. Immutable and thread-safe.
 */
public final class ExecutionEngine {
  private static final ExecutionEngine DEFAULTS = new ExecutionEngine(Forecaster.withDefaults());

  private final Forecaster forecaster;

  private ExecutionEngine(Forecaster forecaster) {
    this.forecaster = forecaster;
  }

  /** The engine with the default forecaster. */
  public static ExecutionEngine withDefaults() {
    return DEFAULTS;
  }

  /** A copy forecasting with {@code forecaster}. */
  public ExecutionEngine withForecaster(Forecaster forecaster) {
    return new ExecutionEngine(Objects.requireNonNull(forecaster, "forecaster must not be null"));
  }

  /** The forecaster. */
  public Forecaster forecaster() {
    return forecaster;
  }

  /**
   * The instant to analyse when none is given: now by {@code clock}, but not after the cycle's end instant nor before
   * its start.
   */
  public static Instant defaultAsOf(OkrCycle cycle, Clock clock) {
    Cycle c = cycle.cycle();
    Instant now = clock.instant();
    if (now.isAfter(c.endInstant())) {
      return c.endInstant();
    }
    return now.isBefore(c.startInstant()) ? c.startInstant() : now;
  }

  /**
   * The report of {@code cycle} as of {@code asOf}; only check-ins at or before {@code asOf} count.
   *
   * @throws org.okrengine.deps.DependencyCycleException when dependencies form a cycle, listing every cycle
   */
  public CycleReport analyze(OkrCycle cycle, Instant asOf) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(asOf, "asOf must not be null");
    List<KeyResultReport> rows = new ArrayList<>();
    Map<String, NodeRisk> risks = new HashMap<>();
    LocalDate today = cycle.cycle().dateOf(asOf);
    for (KeyResult kr : cycle.keyResults()) {
      Forecast f = forecaster.forecast(kr, cycle.cycle(), asOf, cycle.milestonesOf(kr.id()));
      Double value = kr.latestCheckIn(asOf).map(CheckIn::value).orElse(null);
      String objective = cycle.objectiveOf(kr.id()).orElseThrow().id();
      rows.add(new KeyResultReport(kr.id(), kr.title(), objective, kr.team(), f.status(), value, f.progress(),
          f.expectedProgress(), f.daysSinceCheckIn(), f.toSummary(), f.reasons(),
          Insights.sentence(kr, f, cycle.cycle())));
      NodeRisk r = keyResultRisk(cycle, kr, f, today);
      if (r != null) {
        risks.put(kr.id(), r);
      }
    }
    for (Initiative i : cycle.initiatives()) {
      long late = 0;
      for (Milestone m : i.milestones()) {
        if (m.completed() == null && m.due().isBefore(today)) {
          late = Math.max(late, ChronoUnit.DAYS.between(m.due(), today));
        }
      }
      if (late > 0) {
        risks.put(i.id(), new NodeRisk(late, 1 - Math.exp(-late / LATE_SCALE_DAYS)));
      }
    }
    List<CascadeSummary> cascades = new ArrayList<>();
    for (Cascade c : CascadeAnalyzer.analyze(DependencyGraph.of(cycle), risks)) {
      cascades.add(c.toSummary());
    }
    return new CycleReport(cycle.cycle().id(), asOf, rows, cascades, List.of());
  }

  /*
   * Slips fed to the cascade analysis.
   * - An initiative is as late as its latest open milestone past due (days from due to the analysed date); the
   *   probability that it misses what depends on it is 1 - exp(-late / 14 days): a week late 0.39, two 0.63.
   * - A key result that others depend on is late by the days from its earliest need-by date (the cycle end when
   *   none is given) to its forecast completion (P50), or, when it is not moving toward its target, by the days it
   *   is already past that date; its probability of missing is 1 - P(target). Achieved key results do not slip.
   */
  private static final double LATE_SCALE_DAYS = 14.0;

  private static NodeRisk keyResultRisk(OkrCycle cycle, KeyResult kr, Forecast f, LocalDate today) {
    if (f.status() == Status.ACHIEVED || cycle.dependents(kr.id()).isEmpty()) {
      return null;
    }
    LocalDate due = cycle.cycle().end();
    for (Dependency d : cycle.dependents(kr.id())) {
      if (d.needBy() != null && d.needBy().isBefore(due)) {
        due = d.needBy();
      }
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
