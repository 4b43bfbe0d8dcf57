package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The expected trajectory of a key result over its cycle: a named shape or explicit points.
 * Immutable and thread-safe.
 */
public sealed interface Plan permits Plan.Shaped, Plan.Points {

  /** The plan used when none is given: linear. */
  Plan LINEAR = new Shaped(PlanShape.LINEAR);

  /**
   * The value expected at {@code at}, in the metric's unit.
   *
   * <ul>
   *   <li>Maintain directions: the target, at every instant.
   *   <li>Before the cycle: the baseline; after it: the plan's final value.
   * </ul>
   */
  double expectedValue(Metric metric, Cycle cycle, Instant at);

  /** The progress expected at {@code at}: {@code metric.progress(expectedValue(...))}. */
  default double expectedProgress(Metric metric, Cycle cycle, Instant at) {
    return metric.progress(expectedValue(metric, cycle, at));
  }

  /** The {@code okr-cycle/1} shape name: {@code linear}, ..., or {@code points}. */
  String shapeName();

  /** A plan following a named shape from baseline to target. */
  static Plan of(PlanShape shape) {
    return new Shaped(shape);
  }

  /**
   * A plan following a named curve from the baseline at cycle start to the target at cycle end.
   *
   * @param shape the curve
   */
  record Shaped(PlanShape shape) implements Plan {
    /** Validates. */
    public Shaped {
      Objects.requireNonNull(shape, "shape must not be null");
    }

    @Override
    public double expectedValue(Metric metric, Cycle cycle, Instant at) {
      if (metric.direction().isMaintain()) {
        return metric.target();
      }
      double b = metric.baseline();
      return b + (metric.target() - b) * shape.fraction(cycle.elapsedFraction(at));
    }

    @Override
    public String shapeName() {
      return shape.jsonName();
    }
  }

  /**
   * A plan through explicit points, linear between them. Before the first point the plan runs from the baseline at
   * cycle start (or holds the first value when the first point is at or before the start); after the last point it
   * holds the last value.
   *
   * @param points the points, sorted by date on construction; dates are unique; at least one
   */
  record Points(List<PlanPoint> points) implements Plan {
    /** Validates, sorts by date and copies. */
    public Points {
      List<PlanPoint> sorted = new ArrayList<>(copy(points, "points"));
      if (sorted.isEmpty()) {
        throw new IllegalArgumentException("points must not be empty");
      }
      sorted.sort(Comparator.comparing(PlanPoint::date));
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i).date().equals(sorted.get(i - 1).date())) {
          throw new IllegalArgumentException("points must have distinct dates: " + sorted.get(i).date());
        }
      }
      points = List.copyOf(sorted);
    }

    @Override
    public double expectedValue(Metric metric, Cycle cycle, Instant at) {
      if (metric.direction().isMaintain()) {
        return metric.target();
      }
      double prevT = Cycle.daysBetween(cycle.startInstant(), at);
      PlanPoint first = points.get(0);
      double firstT = Cycle.daysBetween(cycle.startInstant(), cycle.instantOf(first.date()));
      if (prevT <= firstT) {
        if (firstT <= 0) {
          return first.value();
        }
        double w = Math.max(0.0, prevT) / firstT;
        return metric.baseline() + (first.value() - metric.baseline()) * w;
      }
      for (int i = 1; i < points.size(); i++) {
        PlanPoint a = points.get(i - 1);
        PlanPoint b = points.get(i);
        double ta = Cycle.daysBetween(cycle.startInstant(), cycle.instantOf(a.date()));
        double tb = Cycle.daysBetween(cycle.startInstant(), cycle.instantOf(b.date()));
        if (prevT <= tb) {
          return a.value() + (b.value() - a.value()) * (prevT - ta) / (tb - ta);
        }
      }
      return points.get(points.size() - 1).value();
    }

    @Override
    public String shapeName() {
      return "points";
    }
  }
}
