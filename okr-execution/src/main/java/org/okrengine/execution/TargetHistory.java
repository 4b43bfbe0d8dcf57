package org.okrengine.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;

/**
 * What earlier cycles say about how far teams get against their targets, gathered cycle by cycle for
 * {@link TargetRealism}: for each key result with a {@link Result} (an outcome), its team, direction and unit, its
 * final progress against what it asked, whether it met its target, and how far it moved from its baseline. Key
 * results without a result are counted and left out. Only these few facts are kept, so a long history streams through
 * in little memory. Mutable and not thread-safe; {@link TargetRealism#review} only reads it.
 */
public final class TargetHistory {
  /**
   * One key result of the history with an outcome.
   *
   * @param team its team's id
   * @param direction its direction
   * @param unit its unit, trimmed and lower-cased, or "" without one
   * @param progress (final - baseline) / (target - baseline); NaN for maintain without a baseline
   * @param hit whether the final value met the target ({@link Metric#isMet})
   * @param relativeMove the move toward the target relative to the baseline's size, (final - baseline) / |baseline|
   *     signed so that toward the target is positive; NaN without a baseline or with a baseline of 0
   * @param absoluteMove the same move in the metric's unit, (final - baseline) signed the same way; NaN without a
   *     baseline
   */
  record Fact(String team, Direction direction, String unit, double progress, boolean hit, double relativeMove,
      double absoluteMove) {}

  private final List<Fact> facts = new ArrayList<>();
  private int cycles;
  private int withoutResult;

  /** An empty history. */
  public TargetHistory() {}

  /** Adds the key results of {@code cycle} that have a result; returns this history. */
  public TargetHistory add(OkrCycle cycle) {
    cycles++;
    for (KeyResult kr : cycle.keyResults()) {
      Result r = kr.result();
      if (r == null) {
        withoutResult++;
        continue;
      }
      Metric m = kr.metric();
      double f = r.finalValue();
      double progress = Double.NaN;
      double relative = Double.NaN;
      double absolute = Double.NaN;
      if (m.baseline() != null) {
        double b = m.baseline();
        double sign = Math.signum(m.target() - b);
        progress = m.progress(f);
        absolute = (f - b) * sign;
        relative = b == 0 ? Double.NaN : absolute / Math.abs(b);
      }
      facts.add(new Fact(kr.team(), m.direction(), unit(m), progress, m.isMet(f), relative, absolute));
    }
    return this;
  }

  /** The cycles added. */
  public int cycles() {
    return cycles;
  }

  /** The key results with a result (the ones that count). */
  public int keyResults() {
    return facts.size();
  }

  /** The key results without a result, left out. */
  public int withoutResult() {
    return withoutResult;
  }

  List<Fact> facts() {
    return facts;
  }

  /** A metric's unit as compared across key results: trimmed, lower-case, "" without one. */
  static String unit(Metric m) {
    return m.unit() == null ? "" : m.unit().trim().toLowerCase(Locale.ROOT);
  }
}
