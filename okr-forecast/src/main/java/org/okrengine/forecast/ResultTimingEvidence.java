package org.okrengine.forecast;

import java.time.Instant;
import java.util.List;
import org.okrengine.model.CheckIn;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;

/**
 * What a history says of when its results were taken ({@link ResultTiming}): of the key results with a
 * {@code result.finalValue} whose last check-in came before the cycle's last day, how many have that check-in's value
 * as their result. Where a result is measured at the end, work done after the last check-in makes them differ (the
 * shared TAWOS quarters: 57 of 591; the TSE sprints: 629 of 1,440, where nothing happens after the last check-in of
 * many sprints); where the result is the last check-in, every one is equal. A last check-in on the last day is left
 * out: equal or not, it is as good as the end. Immutable and thread-safe; evidence of parts adds up ({@link #plus})
 * to that of the whole, in any order.
 *
 * @param compared key results with a result and a check-in before their cycle's last day
 * @param equal of those, the ones whose result equals their last check-in's value
 */
public record ResultTimingEvidence(long compared, long equal) {
  /** The least number of key results compared for {@link #timing} to say {@link ResultTiming#LAST_CHECK_IN}. */
  public static final int MIN_COMPARED = 10;
  /** The least share of them whose result must equal their last check-in for {@link ResultTiming#LAST_CHECK_IN}. */
  public static final double MIN_SHARE = 0.9;
  /** No key result compared. */
  public static final ResultTimingEvidence NONE = new ResultTimingEvidence(0, 0);

  /** Validates the counts. */
  public ResultTimingEvidence {
    if (compared < 0 || equal < 0 || equal > compared) {
      throw new IllegalArgumentException("equal must be within [0, compared]: compared " + compared + ", equal "
          + equal);
    }
  }

  /** The evidence of one cycle. */
  public static ResultTimingEvidence of(OkrCycle cycle) {
    // a check-in on the last day is as good as at the end: it says nothing of when the result was taken
    Instant lastDay = cycle.cycle().instantOf(cycle.cycle().end());
    long compared = 0;
    long equal = 0;
    for (KeyResult kr : cycle.keyResults()) {
      List<CheckIn> checkIns = kr.checkIns();
      if (kr.result() == null || checkIns.isEmpty()) {
        continue;
      }
      CheckIn last = checkIns.get(checkIns.size() - 1);
      if (!last.at().isBefore(lastDay)) {
        continue;
      }
      compared++;
      double span = Math.abs(kr.metric().target() - kr.metric().baselineOrTarget());
      equal += sameValue(kr.result().finalValue(), last.value(), span) ? 1 : 0;
    }
    return compared == 0 ? NONE : new ResultTimingEvidence(compared, equal);
  }

  /** The evidence of every cycle of {@code cycles}. */
  public static ResultTimingEvidence of(Iterable<OkrCycle> cycles) {
    ResultTimingEvidence e = NONE;
    for (OkrCycle c : cycles) {
      e = e.plus(of(c));
    }
    return e;
  }

  /** The evidence of both. */
  public ResultTimingEvidence plus(ResultTimingEvidence other) {
    return other.compared == 0 ? this : compared == 0 ? other
        : new ResultTimingEvidence(compared + other.compared, equal + other.equal);
  }

  /** Whether enough key results were compared to tell the timing: at least {@link #MIN_COMPARED}. */
  public boolean tells() {
    return compared >= MIN_COMPARED;
  }

  /**
   * {@link ResultTiming#LAST_CHECK_IN} where the evidence {@linkplain #tells tells} and at least {@link #MIN_SHARE}
   * of the key results compared have their last check-in as their result; else {@link ResultTiming#END}.
   */
  public ResultTiming timing() {
    return tells() && equal >= MIN_SHARE * compared ? ResultTiming.LAST_CHECK_IN : ResultTiming.END;
  }

  /**
   * Whether two values are the same result: equal to about nine digits (a value written and read back), or within a
   * thousandth of the key result's {@code span} (its baseline to its target; 0 where it has none): a result exported
   * rounded (33.3 for a last check-in of 33.33 on a way of 0 to 100) is the check-in, not work done after it.
   */
  static boolean sameValue(double a, double b, double span) {
    double d = Math.abs(a - b);
    return d <= 1e-9 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b))) || d <= SAME_SHARE * span;
  }

  /** The share of a key result's span within which a result is its last check-in rounded ({@link #sameValue}). */
  static final double SAME_SHARE = 1e-3;
}
