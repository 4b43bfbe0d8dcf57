package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalUnit;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireUnit;

import java.util.List;

/**
 * What happened to the key results of earlier cycles that stood where a key result stands now: how many were similar,
 * how many of them met their target (with a 90% interval), and which recorded facts the ones that met it had more often
 * than the ones that missed. The figures are withheld (null, no factors) when fewer than {@link #MIN_SIMILAR} similar
 * key results exist. Immutable and thread-safe.
 *
 * @param fraction the point of the cycle compared at: the elapsed fraction (0..1) of the key result's cycle, at which
 *     every earlier key result was looked at too
 * @param pool the earlier key results compared: those with an outcome and the same direction and unit
 * @param similar those of the pool within the similarity radius
 * @param sameTeam those of the similar ones owned by the same team
 * @param recovered those of the similar ones that met their target at their cycle's end, or null when fewer than
 *     {@link #MIN_SIMILAR} are similar
 * @param recoveredLow the lower end of the 90% Wilson interval of the share that met their target, or null likewise
 * @param recoveredHigh the upper end of that interval, or null likewise
 * @param missedMedianProgress the median progress (unclamped; 1 = the target) at which the similar ones that missed
 *     ended, or null when none missed or figures are withheld
 * @param factors the recorded facts counted among those that met their target and those that missed, in a fixed
 *     order (empty when figures are withheld)
 * @param nearest the most similar earlier key results, nearest first (at most 5)
 * @param sentence one or two plain sentences: the counts and their interval, and what set the ones that recovered
 *     apart; or that there is not enough history
 */
public record PrecedentSummary(double fraction, int pool, int similar, int sameTeam, Integer recovered,
    Double recoveredLow, Double recoveredHigh, Double missedMedianProgress, List<Factor> factors, List<Case> nearest,
    String sentence) {
  /** The fewest similar key results for which figures are given: 10. */
  public static final int MIN_SIMILAR = 10;

  /**
   * Validates and copies the lists.
   *
   * @throws IllegalArgumentException when a count is negative or larger than the one it is part of, figures are given
   *     with fewer than {@link #MIN_SIMILAR} similar key results (or withheld with more), or an interval end is
   *     outside 0..1 or the ends are out of order
   */
  public PrecedentSummary {
    requireUnit(fraction, "fraction");
    if (!(pool >= 0 && similar >= 0 && similar <= pool && sameTeam >= 0 && sameTeam <= similar)) {
      throw new IllegalArgumentException("counts must satisfy 0 <= sameTeam <= similar <= pool: sameTeam "
          + sameTeam + ", similar " + similar + ", pool " + pool);
    }
    boolean enough = similar >= MIN_SIMILAR;
    if (enough != (recovered != null) || enough != (recoveredLow != null) || enough != (recoveredHigh != null)) {
      throw new IllegalArgumentException("recovered and its interval must be given exactly when at least "
          + MIN_SIMILAR + " key results are similar: " + similar);
    }
    if (recovered != null && !(recovered >= 0 && recovered <= similar)) {
      throw new IllegalArgumentException("recovered must be within 0..similar (" + similar + "): " + recovered);
    }
    optionalUnit(recoveredLow, "recoveredLow");
    optionalUnit(recoveredHigh, "recoveredHigh");
    if (recoveredLow != null && !(recoveredLow <= recoveredHigh)) {
      throw new IllegalArgumentException("recoveredLow must not be above recoveredHigh (" + recoveredHigh + "): "
          + recoveredLow);
    }
    if (missedMedianProgress != null) {
      requireFinite(missedMedianProgress, "missedMedianProgress");
    }
    factors = factors == null ? List.of() : copy(factors, "factors");
    nearest = nearest == null ? List.of() : copy(nearest, "nearest");
    requireId(sentence, "sentence");
  }

  /** Whether at least {@link #MIN_SIMILAR} earlier key results are similar, so that figures are given. */
  public boolean enough() {
    return recovered != null;
  }

  /**
   * A fact recorded in the check-ins or the plan of work, counted among the similar key results that met their target
   * and among those that missed.
   *
   * @param code a lower-case, hyphenated code: {@code blocker-cleared}, {@code weekly-check-ins},
   *     {@code upstream-delivered} or {@code confident}
   * @param recovered how many of those that met their target had it
   * @param missed how many of those that missed had it
   */
  public record Factor(String code, int recovered, int missed) {
    /** Validates. */
    public Factor {
      requireId(code, "code");
      if (!(recovered >= 0 && missed >= 0)) {
        throw new IllegalArgumentException("counts must not be negative: recovered " + recovered + ", missed "
            + missed);
      }
    }
  }

  /**
   * One earlier key result and how it ended.
   *
   * @param cycleId its cycle's id
   * @param keyResult its id
   * @param team its team's id
   * @param distance its distance from the key result compared (0 = the same position; the similarity radius is 1)
   * @param met whether it met its target at its cycle's end
   * @param finalProgress the progress (unclamped) of its final value
   */
  public record Case(String cycleId, String keyResult, String team, double distance, boolean met,
      double finalProgress) {
    /** Validates. */
    public Case {
      requireId(cycleId, "cycleId");
      requireId(keyResult, "keyResult");
      requireId(team, "team");
      requireFinite(distance, "distance");
      if (!(distance >= 0)) {
        throw new IllegalArgumentException("distance must not be negative: " + distance);
      }
      requireFinite(finalProgress, "finalProgress");
    }
  }
}
