package org.okrengine.execution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;

/**
 * Analyses a cycle at an instant: for every key result its progress against plan, its forecast, status, reasons and
 * one plain sentence, as an {@code okr-report/1} report. Deterministic: the same cycle and instant give an equal
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

  /** The report of {@code cycle} as of {@code asOf}; only check-ins at or before {@code asOf} count. */
  public CycleReport analyze(OkrCycle cycle, Instant asOf) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(asOf, "asOf must not be null");
    List<KeyResultReport> rows = new ArrayList<>();
    for (KeyResult kr : cycle.keyResults()) {
      List<Milestone> milestones = new ArrayList<>();
      for (Initiative i : cycle.initiativesOf(kr.id())) {
        milestones.addAll(i.milestones());
      }
      Forecast f = forecaster.forecast(kr, cycle.cycle(), asOf, milestones);
      Double value = kr.latestCheckIn(asOf).map(CheckIn::value).orElse(null);
      String objective = cycle.objectiveOf(kr.id()).orElseThrow().id();
      rows.add(new KeyResultReport(kr.id(), kr.title(), objective, kr.team(), f.status(), value, f.progress(),
          f.expectedProgress(), f.daysSinceCheckIn(), f.toSummary(), f.reasons(),
          Insights.sentence(kr, f, cycle.cycle())));
    }
    return new CycleReport(cycle.cycle().id(), asOf, rows, List.of(), List.of());
  }
}
