package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;

/**
 * Where a key result stands at a point of its cycle (the features {@link Precedents} compares), and the recorded facts
 * of what happened after it (its factors). Stateless and thread-safe.
 */
final class Situation {
  /*
   * Features, at the instant t at elapsed fraction f of the key result's own cycle:
   * - gap: progress at t minus the progress the plan expects at t. Progress is that of the latest check-in at or
   *   before t, 0 (the baseline) without one, clamped to [-1, 2] so that one wild value does not decide a distance.
   * - trend: gap at t minus gap at f/2: negative when it fell further behind over the second half of the time so far.
   * - silence: days from the latest check-in at or before t (the cycle's start without one) to t, over the cycle's
   *   length in days.
   *
   * Factors, facts the data holds about what followed t (t itself for the owner's confidence):
   * - blocker-cleared: the latest check-in at or before t named blockers, and a check-in within 14 days after t names
   *   none of them.
   * - weekly-check-ins: from t to the cycle's end at least one check-in per whole 7 days left.
   * - upstream-delivered: the initiatives contributing to it had milestones open on t's date, and every one of them
   *   was completed by the cycle's last day.
   * - confident: the latest confidence reported at or before t is at least 0.5.
   */
  /** The codes of the factors, in the order of {@link #factors}. */
  static final List<String> FACTORS = List.of("blocker-cleared", "weekly-check-ins", "upstream-delivered",
      "confident");
  /** Days after the situation within which a named blocker counts as gone. */
  static final double BLOCKER_WINDOW_DAYS = 14;
  /** The check-in rhythm the weekly factor asks for, in days. */
  static final double WEEK_DAYS = 7;
  /** The least confidence that counts as confident. */
  static final double CONFIDENT = 0.5;

  private Situation() {}

  /** {gap, trend, silence} of {@code kr} at fraction {@code f} of {@code cycle}. */
  static double[] features(Cycle cycle, KeyResult kr, double f) {
    Instant t = cycle.instantAtFraction(f);
    Instant half = cycle.instantAtFraction(f / 2);
    double gap = gap(cycle, kr, t);
    CheckIn last = latest(kr, t);
    Instant since = last == null ? cycle.startInstant() : last.at();
    double silence = Math.max(0.0, Cycle.daysBetween(since, t)) / cycle.lengthDays();
    return new double[] {gap, gap - gap(cycle, kr, half), silence};
  }

  private static double gap(Cycle cycle, KeyResult kr, Instant t) {
    CheckIn last = latest(kr, t);
    double progress = last == null ? 0.0 : kr.metric().progress(last.value());
    return Math.min(2.0, Math.max(-1.0, progress)) - kr.expectedProgress(cycle, t);
  }

  /** The latest check-in at or before {@code t}, or null (binary search: check-ins are in time order). */
  static CheckIn latest(KeyResult kr, Instant t) {
    List<CheckIn> all = kr.checkIns();
    int lo = 0;
    int hi = all.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (all.get(mid).at().isAfter(t)) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo == 0 ? null : all.get(lo - 1);
  }

  /** The factors of {@code kr} of {@code okr} at fraction {@code f}, in the order of {@link #FACTORS}. */
  static boolean[] factors(OkrCycle okr, KeyResult kr, double f) {
    Cycle cycle = okr.cycle();
    Instant t = cycle.instantAtFraction(f);
    Instant end = cycle.endInstant();
    List<CheckIn> all = kr.checkIns();
    CheckIn last = latest(kr, t);
    boolean cleared = false;
    if (last != null && !last.blockers().isEmpty()) {
      Instant until = t.plusSeconds((long) (BLOCKER_WINDOW_DAYS * Cycle.SECONDS_PER_DAY));
      for (CheckIn c : all) {
        if (c.at().isAfter(t) && !c.at().isAfter(until)
            && c.blockers().stream().noneMatch(last.blockers()::contains)) {
          cleared = true;
          break;
        }
      }
    }
    int after = 0;
    for (CheckIn c : all) {
      if (c.at().isAfter(t) && !c.at().isAfter(end)) {
        after++;
      }
    }
    boolean weekly = after >= Math.floor(Math.max(0.0, Cycle.daysBetween(t, end)) / WEEK_DAYS);
    LocalDate today = cycle.dateOf(t);
    int open = 0;
    boolean delivered = true;
    for (Milestone m : okr.milestonesOf(kr.id())) {
      if (m.completed() == null || m.completed().isAfter(today)) {
        open++;
        delivered &= m.completed() != null && !m.completed().isAfter(cycle.end());
      }
    }
    Double confidence = null;
    for (CheckIn c : all) {
      if (c.at().isAfter(t)) {
        break;
      }
      if (c.confidence() != null) {
        confidence = c.confidence();
      }
    }
    return new boolean[] {cleared, weekly, open > 0 && delivered, confidence != null && confidence >= CONFIDENT};
  }
}
