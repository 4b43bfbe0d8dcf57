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
   * What is said of item {@code id} of {@code cycle}, late by {@code days} (written by the caller, {@code 5 days};
   * counted, once the cycle is over, to the day it ended on): while the cycle runs, {@code is 5 days late}; once it is {@code over}, an
   * initiative or a milestone {@code was 57 days late when the cycle ended}, and a key result where it ended, since
   * its lateness was counted against a completion that never came (one needed by the cycle's end read "1 day late"
   * where it had read "27 days late" the day before): {@code was not done when the cycle ended} (achieve),
   * {@code had not met its target when the cycle ended}, {@code had not kept its threshold when the cycle ended}
   * (maintain), or {@code was stale when the cycle ended} for a maintain key result whose latest check-in kept its
   * threshold (late only because nothing was heard of it).
   */
  public static String phrase(OkrCycle cycle, String id, String days, boolean over) {
    return phrase(cycle, id, days, over, null);
  }

  /**
   * As {@link #phrase(OkrCycle, String, String, boolean)}, a maintain key result judged by its latest check-in up to
   * {@code asOf} (null: its latest in the document), as the report analysed at {@code asOf} judges its row: a check-in
   * after {@code asOf} is not known then (one on 10 Oct that broke the threshold made a report as of 5 Oct say "had
   * not kept its threshold" beside the row's "ended 0.05% above the threshold, met unknown").
   */
  public static String phrase(OkrCycle cycle, String id, String days, boolean over, Instant asOf) {
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
    // its latest check-in, as the report takes the outcome from the check-ins up to the day it is run (one after the
    // end that broke the threshold made the row "off track" where this said "was stale")
    Double last = kr.result() != null ? Double.valueOf(kr.result().finalValue())
        : asOf != null ? kr.latestCheckIn(asOf).map(CheckIn::value).orElse(null)
        : kr.checkIns().isEmpty() ? null : Double.valueOf(kr.checkIns().get(kr.checkIns().size() - 1).value());
    return last != null && m.isMet(last) ? "was stale when the cycle ended"
        : "had not kept its threshold when the cycle ended";
  }
}
