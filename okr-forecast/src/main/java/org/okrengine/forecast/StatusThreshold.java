package org.okrengine.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;

/**
 * The at-risk threshold of the statuses learned from history, by the rule the shipped one was chosen by (README,
 * "Where 0.37 comes from"): the smallest threshold, in hundredths within [0.20, 0.50], at which a weekly replay of the
 * history's missed key results (their status 7, 14, ... days after the start, before the end, by a forecaster with the
 * model being fitted) flags at least 90% of them, at risk or off track at least once. A Neyman-Pearson choice: catch
 * nine misses in ten, then raise no more alarms on the hits than that needs. Stateless.
 *
 * <p>Only increase and decrease key results with a final value that miss their target count, as in the fit of the
 * weights; a cycle shorter than a week has no weekly instant and counts for nothing. The number of alarms grows with the
 * threshold (a lower probability is needed to flag at a lower one), so the choice is a bisection: about five replays of
 * the misses.
 */
final class StatusThreshold {
  /** The share of the misses the threshold must flag. */
  static final double SHARE_OF_MISSES = 0.9;
  /** The range of the choice, in hundredths: above the off-track threshold (0.15), never a coin toss. */
  static final int LOWEST = 20;
  static final int HIGHEST = 50;
  /** The fewest misses to choose from; with fewer the threshold is kept. */
  static final int MIN_MISSES = 20;
  /** How many misses the threshold kept counts for in {@link #shrunk}, as key results do in the fit. */
  static final int PRIOR_MISSES = ForecastModel.PRIOR_KEY_RESULTS;
  private static final long WEEK_SECONDS = 7 * 86_400L;

  private StatusThreshold() {}

  /**
   * The misses of a history, gathered cycle by cycle ({@link #add}) while the rest of the fit reads it: key result,
   * cycle, milestones and weekly instants, each list the same length. Not thread-safe.
   */
  static final class Misses {
    private final List<KeyResult> keyResults = new ArrayList<>();
    private final List<Cycle> cycles = new ArrayList<>();
    private final List<List<Milestone>> milestones = new ArrayList<>();
    private final List<List<Instant>> instants = new ArrayList<>();

    /** Adds the increase and decrease key results of {@code okr} that missed their target. */
    void add(OkrCycle okr) {
      Cycle c = okr.cycle();
      List<Instant> weekly = null;
      for (KeyResult kr : okr.keyResults()) {
        Direction d = kr.metric().direction();
        if (kr.result() == null || !d.isReach()
            || kr.metric().isMet(kr.result().finalValue())) {
          continue;
        }
        if (weekly == null) {
          weekly = weekly(c);
        }
        if (weekly.isEmpty()) {
          return;
        }
        keyResults.add(kr);
        cycles.add(c);
        milestones.add(okr.milestonesOf(kr.id()));
        instants.add(weekly);
      }
    }

    int size() {
      return keyResults.size();
    }
  }

  /**
   * The history's own threshold ({@link ForecastModel#fitPooled}): chosen by the rule above, or {@code otherwise} with
   * fewer than {@link #MIN_MISSES} misses.
   */
  static double own(Misses misses, ForecastModel model, double otherwise) {
    return misses.size() < MIN_MISSES ? otherwise : choose(misses, model);
  }

  /**
   * The history's threshold moved from {@code kept} toward its own ({@link ForecastModel#fit}): by
   * {@code m / (m + 100)} for {@code m = misses - 19} (0 just below {@link #MIN_MISSES}, so continuous in the number
   * of misses), rounded to 1e-4.
   */
  static double shrunk(Misses misses, ForecastModel model, double kept) {
    if (misses.size() < MIN_MISSES) {
      return kept;
    }
    int beyond = misses.size() - (MIN_MISSES - 1);
    double share = beyond / (double) (beyond + PRIOR_MISSES);
    double t = kept + share * (choose(misses, model) - kept);
    return Math.round(t * 1e4) / 1e4;
  }

  static Misses misses(Iterable<OkrCycle> history) {
    Misses out = new Misses();
    history.forEach(out::add);
    return out;
  }

  /** 7, 14, ... days after the start, before the end (as the retrospective replays). */
  static List<Instant> weekly(Cycle c) {
    Instant start = c.startInstant();
    Instant end = c.endInstant();
    List<Instant> out = new ArrayList<>();
    for (long k = 1;; k++) {
      Instant at = start.plusSeconds(k * WEEK_SECONDS);
      if (!at.isBefore(end)) {
        return out;
      }
      out.add(at);
    }
  }

  /** The smallest threshold in hundredths within [LOWEST, HIGHEST] flagging the share of the misses (else HIGHEST). */
  private static double choose(Misses misses, ForecastModel model) {
    long needed = (long) Math.ceil(SHARE_OF_MISSES * misses.size() - 1e-9);
    int lo = LOWEST;
    int hi = HIGHEST;
    // invariant: every threshold below lo flags too few; hi flags enough, or is HIGHEST
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (flagged(misses, model, mid / 100.0) >= needed) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo / 100.0;
  }

  /** How many of the misses the replay flags at least once with {@code atRiskBelow}. */
  static long flagged(Misses misses, ForecastModel model, double atRiskBelow) {
    Forecaster f = Forecaster.withDefaults().withModel(model)
        .withThresholds(atRiskBelow, Math.min(Forecaster.DEFAULT_OFF_TRACK, atRiskBelow));
    long n = 0;
    for (int i = 0; i < misses.size(); i++) {
      List<Status> statuses = f.statuses(misses.keyResults.get(i), misses.cycles.get(i), misses.instants.get(i),
          misses.milestones.get(i));
      for (Status s : statuses) {
        if (s == Status.AT_RISK || s == Status.OFF_TRACK) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /** For tests: the history's own threshold. */
  static double own(Iterable<OkrCycle> history, ForecastModel model, double otherwise) {
    return own(misses(history), model, otherwise);
  }

  /** For tests: the flagged count of a history's misses at a threshold. */
  static long flagged(Iterable<OkrCycle> history, ForecastModel model, double atRiskBelow) {
    return flagged(misses(history), model, atRiskBelow);
  }

  /** For tests: how many misses a history has with at least one weekly instant. */
  static int missCount(Iterable<OkrCycle> history) {
    return misses(history).size();
  }
}
