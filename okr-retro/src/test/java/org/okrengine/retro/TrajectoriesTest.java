package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanPoint;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/** The trajectory rules of {@link TrajectoryShape}, one key result per rule, on a 100-day cycle. */
class TrajectoriesTest {
  /** 1 Jan to 10 Apr 2026 in UTC: 31 + 28 + 31 + 10 = 100 days, so day d is the fraction d / 100. */
  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 10));
  /** Progress is value / 100. */
  static final Metric UP = Metric.of(0, 100, null);

  static Instant day(int d) {
    return Q.startInstant().plusSeconds(d * 86_400L);
  }

  /** A key result with a check-in of {@code values[i + 1]} on day {@code values[i]}, for even {@code i}. */
  static KeyResult kr(Metric m, Plan plan, Result result, double... dayValue) {
    List<CheckIn> c = new ArrayList<>();
    for (int i = 0; i < dayValue.length; i += 2) {
      c.add(CheckIn.of(day((int) dayValue[i]), dayValue[i + 1]));
    }
    return new KeyResult("KR", "Key result", null, "t", 1.0, List.of(), m, plan, c, result);
  }

  static KeyResult kr(double... dayValue) {
    return kr(UP, Plan.LINEAR, null, dayValue);
  }

  static TrajectoryShape shape(KeyResult kr) {
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("t")),
        List.of(new Objective("O", "Objective", "t", null, null, null, List.of(kr))));
    CycleFacts f = new CycleFacts();
    f.fill(c, false);
    return Trajectories.classify(kr, f, 0);
  }

  @Test
  void classify_maintainAchieveOrNoCheckIn_unclassified() {
    assertThat(shape(kr(new Metric(null, 99.9, Direction.MAINTAIN_ABOVE, "%"), Plan.LINEAR, null, 50, 99.95)))
        .isEqualTo(TrajectoryShape.UNCLASSIFIED);
    assertThat(shape(kr(Metric.achieve(), Plan.LINEAR, null, 50, 1))).isEqualTo(TrajectoryShape.UNCLASSIFIED);
    assertThat(shape(kr())).isEqualTo(TrajectoryShape.UNCLASSIFIED);
  }

  @Test
  void classify_neverTenthOfTheWay_flat() {
    // largest |progress| 9 / 100 = 0.09 < FLAT 0.1, on either side of the baseline
    assertThat(shape(kr(25, 5, 50, 9, 75, -9))).isEqualTo(TrajectoryShape.FLAT);
    // 10 / 100 = 0.1 is no longer flat: no late gain after 75%, 0.075 at mid-cycle (short of EARLY_MIN): steady
    assertThat(shape(kr(25, 5, 75, 10))).isEqualTo(TrajectoryShape.STEADY);
  }

  @Test
  void classify_endsBelowBaseline_regressing() {
    // ends at -20 / 100 = -0.2 < REGRESS_BELOW -0.1
    assertThat(shape(kr(25, 10, 50, -20))).isEqualTo(TrajectoryShape.REGRESSING);
  }

  @Test
  void classify_fallsFromBest_regressing() {
    // best 0.6, end 0.2 <= 0.6 - REGRESS_FROM_BEST 0.3
    assertThat(shape(kr(25, 60, 50, 20))).isEqualTo(TrajectoryShape.REGRESSING);
    // end 0.45 > 0.6 - 0.3: not regressing; 0.45 at mid-cycle (plan 0.5 - 0.1 = 0.4) and no gain after: stalled
    // (checked in on day 90, 10 days before the end: not silent)
    assertThat(shape(kr(25, 60, 50, 45, 90, 45))).isEqualTo(TrajectoryShape.FRONT_LOADED_STALLED);
  }

  @Test
  void classify_behindThenLatePush_backLoaded() {
    // at 75%: 0.2 <= plan 0.75 - LATE_BEHIND 0.2; then 0.9 - 0.2 = 0.7 >= LATE_GAIN 0.3
    assertThat(shape(kr(25, 5, 50, 10, 75, 20, 95, 90))).isEqualTo(TrajectoryShape.BACK_LOADED);
  }

  @Test
  void classify_resultAfterFlatCheckIns_countsAtCycleEnd() {
    // check-ins 0.05 and 0.09, result 1.0 at x = 1: at 75% 0.09 + (1 - 0.09) * 0.5 = 0.545 <= 0.75 - 0.2,
    // and 1 - 0.545 >= 0.3
    assertThat(shape(kr(UP, Plan.LINEAR, Result.of(100), 25, 5, 50, 9))).isEqualTo(TrajectoryShape.BACK_LOADED);
    // without the result the same check-ins are flat
    assertThat(shape(kr(25, 5, 50, 9))).isEqualTo(TrajectoryShape.FLAT);
  }

  @Test
  void classify_earlyThenStall_frontLoadedStalled() {
    // at 50%: 0.5 >= EARLY_MIN 0.2 and >= plan 0.5 - EARLY_BEHIND 0.1; then 0.55 - 0.5 < STALL_GAIN 0.1, short of 1
    assertThat(shape(kr(25, 40, 50, 50, 90, 55))).isEqualTo(TrajectoryShape.FRONT_LOADED_STALLED);
    // the same start reaching the target is not stalled
    assertThat(shape(kr(25, 40, 50, 50, 90, 100))).isEqualTo(TrajectoryShape.STEADY);
  }

  @Test
  void classify_stallThatIsSilenceBeforeTheEnd_unclassified() {
    // as CX's KR-C3: moving until day 45, then no check-in to the end. Gaps 15, 15: usual 15, limit
    // max(14, min(2 x 15, 100 / 2)) = 30 days; 100 - 45 = 55 days silent > 30: its second half is not known
    assertThat(shape(kr(15, 20, 30, 35, 45, 50))).isEqualTo(TrajectoryShape.UNCLASSIFIED);
    // the same, checked in on day 75 at 52 (25 days before the end, within 30): a stall (0.5 at mid-cycle
    // interpolated 0.5 + 0.02 * 5 / 30, gain below 0.1)
    assertThat(shape(kr(15, 20, 30, 35, 45, 50, 75, 52))).isEqualTo(TrajectoryShape.FRONT_LOADED_STALLED);
    // silent, but its result is known (52 at the end): a stall
    assertThat(shape(kr(UP, Plan.LINEAR, Result.of(52), 15, 20, 30, 35, 45, 50)))
        .isEqualTo(TrajectoryShape.FRONT_LOADED_STALLED);
    // two check-ins and no agreed cadence: limit 14 days; day 84 is 16 before the end, silent
    assertThat(shape(kr(40, 45, 84, 47))).isEqualTo(TrajectoryShape.UNCLASSIFIED);
    assertThat(shape(kr(40, 45, 87, 47))).isEqualTo(TrajectoryShape.FRONT_LOADED_STALLED);
  }

  @Test
  void classify_inStepWithPlan_steady() {
    assertThat(shape(kr(25, 25, 50, 50, 75, 75, 99, 99))).isEqualTo(TrajectoryShape.STEADY);
  }

  @Test
  void classify_decreasingMetric_progressTowardsLowerTarget() {
    // baseline 100, target 0: value 75 is progress (100 - 75) / 100 = 0.25
    Metric down = Metric.of(100, 0, "ms");
    assertThat(shape(kr(down, Plan.LINEAR, null, 25, 75, 50, 50, 75, 25, 99, 1))).isEqualTo(TrajectoryShape.STEADY);
    assertThat(shape(kr(down, Plan.LINEAR, null, 25, 110, 50, 130))).isEqualTo(TrajectoryShape.REGRESSING);
  }

  @Test
  void classify_backLoadedPlan_lateProgressIsOnPlan() {
    // the plan's points expect 10 / 100 = 0.1 at day 75: 0.2 there is ahead of it, so not back-loaded;
    // 0.1 at mid-cycle is short of EARLY_MIN, so steady
    Plan late = new Plan.Points(List.of(new PlanPoint(LocalDate.of(2026, 1, 1), 0),
        new PlanPoint(LocalDate.of(2026, 3, 17), 10), new PlanPoint(LocalDate.of(2026, 4, 10), 100)));
    assertThat(shape(kr(UP, late, null, 25, 5, 50, 10, 75, 20, 95, 90))).isEqualTo(TrajectoryShape.STEADY);
    // the same check-ins against the linear plan (0.75 expected at 75%)
    assertThat(shape(kr(UP, Plan.LINEAR, null, 25, 5, 50, 10, 75, 20, 95, 90)))
        .isEqualTo(TrajectoryShape.BACK_LOADED);
  }

  @Test
  void at_betweenPoints_linear() {
    double[] xs = {0, 0.5, 1};
    double[] ps = {0, 0.4, 1};
    assertThat(Trajectories.at(xs, ps, 3, 0.75)).isEqualTo(0.4 + (1 - 0.4) * (0.75 - 0.5) / (1 - 0.5));
    assertThat(Trajectories.at(xs, ps, 3, 0.5)).isEqualTo(0.4);
  }

  @Test
  void at_beyondLastPoint_held() {
    assertThat(Trajectories.at(new double[] {0, 0.5, 9}, new double[] {0, 0.4, 9}, 2, 0.9)).isEqualTo(0.4);
  }

  @Test
  void at_beforeFirstOrOnRepeatedX_thatPoint() {
    assertThat(Trajectories.at(new double[] {0.2, 0.6}, new double[] {0.3, 0.5}, 2, 0.1)).isEqualTo(0.3);
    // two points at the same x: the first at or after x, without dividing by zero
    assertThat(Trajectories.at(new double[] {0, 0.5, 0.5}, new double[] {0.1, 0.2, 0.4}, 3, 0.5)).isEqualTo(0.2);
    assertThat(Trajectories.at(new double[] {0.5, 0.5}, new double[] {0.2, 0.4}, 2, 0.5)).isEqualTo(0.2);
  }

  /**
   * {@link Trajectories#classify} as its rules read, every point's fraction and progress computed: what the faster
   * classify (fractions only where needed, progress of the least and greatest values) must agree with exactly.
   */
  static TrajectoryShape plainShape(KeyResult kr) {
    Metric metric = kr.metric();
    if (metric.direction().isMaintain() || metric.direction() == Direction.ACHIEVE || kr.checkIns().isEmpty()) {
      return TrajectoryShape.UNCLASSIFIED;
    }
    Span span = new Span(Q);
    int n = kr.checkIns().size() + 2;
    double[] xs = new double[n];
    double[] ps = new double[n];
    int m = 0;
    xs[m] = 0;
    ps[m++] = 0;
    double max = Double.NEGATIVE_INFINITY;
    double maxAbs = 0;
    for (CheckIn c : kr.checkIns()) {
      double x = span.fraction(c.at().getEpochSecond(), c.at().getNano());
      double p = metric.progress(c.value());
      if (x == 0 && m == 1) {
        m = 0;
      }
      xs[m] = x;
      ps[m++] = p;
      max = Math.max(max, p);
      maxAbs = Math.max(maxAbs, Math.abs(p));
    }
    if (kr.result() != null) {
      double p = metric.progress(kr.result().finalValue());
      if (xs[m - 1] >= 1) {
        m--;
      }
      xs[m] = 1;
      ps[m++] = p;
      max = Math.max(max, p);
      maxAbs = Math.max(maxAbs, Math.abs(p));
    }
    double end = ps[m - 1];
    if (maxAbs < Trajectories.FLAT) {
      return TrajectoryShape.FLAT;
    }
    if (end < Trajectories.REGRESS_BELOW || end <= max - Trajectories.REGRESS_FROM_BEST) {
      return TrajectoryShape.REGRESSING;
    }
    double at75 = Trajectories.at(xs, ps, m, 0.75);
    double plan75 = expected(kr, 0.75);
    if (end - at75 >= Trajectories.LATE_GAIN && at75 <= plan75 - Trajectories.LATE_BEHIND) {
      return TrajectoryShape.BACK_LOADED;
    }
    double at50 = Trajectories.at(xs, ps, m, 0.5);
    if (at50 >= Trajectories.EARLY_MIN && end - at50 < Trajectories.STALL_GAIN && end < 1
        && at50 >= expected(kr, 0.5) - Trajectories.EARLY_BEHIND) {
      return silent(kr) ? TrajectoryShape.UNCLASSIFIED : TrajectoryShape.FRONT_LOADED_STALLED;
    }
    return TrajectoryShape.STEADY;
  }

  /** No result, and the last check-in more than max(14, min(2 x median gap, or 2 x agreed, half the cycle)) before the end. */
  private static boolean silent(KeyResult kr) {
    if (kr.result() != null) {
      return false;
    }
    List<Double> days = new ArrayList<>();
    for (CheckIn c : kr.checkIns()) {
      days.add((c.at().getEpochSecond() - Q.startInstant().getEpochSecond()) / 86_400.0);
    }
    java.util.Collections.sort(days);
    double usual = 0; // Q agrees no cadence
    if (days.size() >= 3) {
      List<Double> gaps = new ArrayList<>();
      for (int i = 1; i < days.size(); i++) {
        gaps.add(days.get(i) - days.get(i - 1));
      }
      java.util.Collections.sort(gaps);
      int h = gaps.size() / 2;
      usual = gaps.size() % 2 == 1 ? gaps.get(h) : (gaps.get(h - 1) + gaps.get(h)) / 2;
    }
    return 100 - days.get(days.size() - 1) > Math.max(14, Math.min(2 * usual, 50));
  }

  private static double expected(KeyResult kr, double x) {
    Metric m = kr.metric();
    if (kr.plan() instanceof Plan.Shaped shaped) {
      return m.progress(m.baseline() + (m.target() - m.baseline()) * shaped.shape().fraction(x));
    }
    return kr.expectedProgress(Q, Q.instantAtFraction(x));
  }

  @Test
  void classify_randomKeyResultsAroundTheThresholds_sameAsComputingEveryPoint() {
    // check-ins a few seconds and nanoseconds around the start, half, three quarters and end of the cycle (where a
    // fraction is computed or judged from whole seconds), or anywhere; values that tie, rise, fall, stay flat
    java.util.SplittableRandom r = new java.util.SplittableRandom(17);
    long start = Q.startInstant().getEpochSecond();
    long length = Q.endInstant().getEpochSecond() - start;
    double[] marks = {0, 0.5, 0.75, 1};
    org.okrengine.model.PlanShape[] shapes = org.okrengine.model.PlanShape.values();
    int[] seen = new int[TrajectoryShape.values().length];
    for (int trial = 0; trial < 20_000; trial++) {
      Metric metric = r.nextBoolean() ? UP : Metric.decrease(100, 0).build();
      List<CheckIn> checkIns = new ArrayList<>();
      java.util.Set<Instant> at = new java.util.HashSet<>();
      int count = 1 + r.nextInt(8);
      for (int c = 0; c < count; c++) {
        long seconds = r.nextInt(4) == 0 ? start + (long) (r.nextDouble() * 1.2 * length) - length / 10
            : start + (long) (marks[r.nextInt(4)] * length) + r.nextInt(7) - 3;
        Instant t = Instant.ofEpochSecond(seconds, r.nextInt(3) == 0 ? r.nextInt(1_000_000_000) : 0);
        if (at.add(t)) {
          double value = r.nextInt(5) == 0 ? 5 : r.nextInt(130) - 15;
          checkIns.add(CheckIn.of(t, value));
        }
      }
      Result result = r.nextBoolean() ? new Result(r.nextInt(130) - 15, null) : null;
      Plan plan = Plan.of(shapes[r.nextInt(shapes.length)]);
      KeyResult kr = new KeyResult("KR", "Key result", null, "t", 1.0, List.of(), metric, plan, checkIns, result);
      TrajectoryShape expected = plainShape(kr);
      assertThat(shape(kr)).as("trial %d: %s", trial, kr).isEqualTo(expected);
      seen[expected.ordinal()]++;
    }
    // every shape met (UNCLASSIFIED here only as a stall that fell silent before the end: no maintain or achieve
    // metric, always a check-in)
    assertThat(seen).as("every shape met").doesNotContain(0);
  }
}
