package org.okrengine.model.internal;

import java.time.Instant;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;

/**
 * How the sentences of the engine's modules say that an upstream item is late: a verb phrase that follows the item's
 * name. Not API: the package is exported only to the engine's own modules. Stateless and thread-safe.
 */
public final class Lateness {
  private Lateness() {}

  /**
   * What is said at {@code asOf} of item {@code id} of {@code cycle}, late by {@code days} (written by the caller,
   * {@code 5 days}; counted, once the cycle is over, to the day it ended on). While the cycle runs ({@code asOf}
   * before its end instant, or null), {@code is 5 days late}. Once it is over, an initiative or a milestone
   * {@code was 57 days late when the cycle ended}, and a key result where it ended, since its lateness was counted
   * against a completion that never came (one needed by the cycle's end read "1 day late" where it had read "27 days
   * late" the day before): {@code was not done when the cycle ended} (achieve), {@code had not met its target when the
   * cycle ended}, {@code had not kept its threshold when the cycle ended} (maintain), or {@code was stale when the
   * cycle ended} for a maintain key result whose latest check-in up to {@code asOf} kept its threshold (late only
   * because nothing was heard of it), as the report analysed at {@code asOf} judges its row: a check-in after
   * {@code asOf} is not known then.
   */
  public static String phrase(OkrCycle cycle, String id, String days, Instant asOf) {
    boolean over = asOf != null && !asOf.isBefore(cycle.cycle().endInstant());
    KeyResult kr = over ? cycle.keyResult(id).orElse(null) : null;
    if (kr == null) {
      return over ? "was " + days + " late when the cycle ended" : "is " + days + " late";
    }
    Metric m = kr.metric();
    if (m.direction() == Direction.ACHIEVE) {
      return "was not done when the cycle ended";
    }
    if (!m.direction().isMaintain()) {
      return "had not met its target when the cycle ended";
    }
    Double last = kr.result() != null ? Double.valueOf(kr.result().finalValue())
        : kr.latestCheckIn(asOf).map(CheckIn::value).orElse(null);
    return last != null && m.isMet(last) ? "was stale when the cycle ended"
        : "had not kept its threshold when the cycle ended";
  }
}
