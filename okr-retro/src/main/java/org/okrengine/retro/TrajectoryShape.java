package org.okrengine.retro;

/**
 * The shape of a key result's trajectory over its cycle relative to its plan. Immutable and thread-safe.
 *
 * <p>Rules, in this order, on the progress (0 = baseline, 1 = target) at the check-ins and the final value, linear
 * between them, from 0 at cycle start: {@link #UNCLASSIFIED} for maintain and achieve metrics and without any
 * point; {@link #FLAT} when no point is 0.1 or more away from the baseline; {@link #REGRESSING} when it ends below
 * -0.1 or 0.3 or more below its best point; {@link #BACK_LOADED} when it is 0.2 or more behind plan at 75% of the
 * cycle and then gains 0.3 or more; {@link #FRONT_LOADED_STALLED} when it has 0.2 or more by mid-cycle, is no more
 * than 0.1 behind plan there, gains less than 0.1 in the second half and ends short of the target, unless it has no
 * result and its last check-in is more than the stale limit before the cycle's end (twice the median gap between its
 * check-ins, with three or more, else twice the cycle's agreed {@code checkInEveryDays}; at least 14 days, at most
 * half the cycle): that is silence, not a stall, and it is {@link #UNCLASSIFIED}; {@link #STEADY} otherwise.
 */
public enum TrajectoryShape {
  /** Progress accrues through the cycle, roughly in step with the plan. */
  STEADY("steady"),
  /** Well behind plan late in the cycle, then a big late push (hockey stick). */
  BACK_LOADED("back-loaded"),
  /** Early progress, then stalled short of the target. */
  FRONT_LOADED_STALLED("front-loaded-stalled"),
  /** Never moved noticeably from the baseline. */
  FLAT("flat"),
  /** Moved away from the target. */
  REGRESSING("regressing"),
  /** No shape: a maintain or achieve metric, nothing reported, or a stall that is silence before the end. */
  UNCLASSIFIED("unclassified");

  private final String jsonName;

  TrajectoryShape(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in {@code okr-retro/1}. */
  public String jsonName() {
    return jsonName;
  }
}
