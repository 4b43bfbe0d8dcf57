package org.okrengine.model.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Dependency;
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
    return phrase(cycle, id, Double.NaN, days, asOf);
  }

  /**
   * As {@link #phrase(OkrCycle, String, String, Instant)}, told {@code slipDays} too (the number {@code days} writes),
   * so that while the cycle runs a key result's slip is told as what it is: a fact as far as the day analysed is past
   * the date it is needed by ({@link #neededBy}), {@code is 9 days late}, and a forecast beyond it (the slip of a key
   * result is counted to its forecast completion where it has one), {@code is forecast to be 53 days late}, or both,
   * {@code is 20 days late and forecast to be 53 days late}. A key result needed by 31 Mar and forecast on 10 Feb to
   * complete on 23 May read "is 53 days late", a forecast worded as a fact. Initiatives and milestones are late by
   * days already past due: a fact.
   */
  public static String phrase(OkrCycle cycle, String id, double slipDays, String days, Instant asOf) {
    boolean over = asOf != null && !asOf.isBefore(cycle.cycle().endInstant());
    KeyResult kr = cycle.keyResult(id).orElse(null);
    if (kr == null) {
      return over ? "was " + days + " late when the cycle ended" : "is " + days + " late";
    }
    if (!over) {
      return "is " + late(cycle, id, slipDays, days, asOf);
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
  /**
   * How late key result {@code id} is, told {@code slipDays} (written {@code days}) while the cycle runs:
   * {@code 9 days late} where the day analysed is that far past the date it is needed by (a fact: it is not done),
   * {@code forecast to be 53 days late} where that date is still ahead (the slip is its forecast completion's), and
   * {@code 20 days late and forecast to be 53 days late} in between. Without a number ({@code NaN}), an unknown id or
   * {@code asOf}, {@code days late} as before.
   */
  public static String late(OkrCycle cycle, String id, double slipDays, String days, Instant asOf) {
    if (Double.isNaN(slipDays) || asOf == null || cycle.keyResult(id).isEmpty()) {
      return days + " late";
    }
    long past = daysPastNeed(cycle, id, asOf);
    if (Math.round(slipDays) <= past) {
      return days + " late";
    }
    return past <= 0 ? "forecast to be " + days + " late"
        : past + (past == 1 ? " day" : " days") + " late and forecast to be " + days + " late";
  }

  /**
   * Whole days the day analysed ({@code asOf} in the cycle's zone, the cycle's last day at the latest) is past the
   * date key result {@code id} is needed by ({@link #neededBy}); 0 when it is not past.
   */
  public static long daysPastNeed(OkrCycle cycle, String id, Instant asOf) {
    LocalDate today = cycle.cycle().dateOf(asOf);
    LocalDate end = cycle.cycle().end();
    if (today.isAfter(end)) {
      today = end;
    }
    Dependency d = neededBy(cycle, id);
    LocalDate due = d == null ? end : d.needBy();
    return Math.max(0, ChronoUnit.DAYS.between(due, today));
  }

  /**
   * The dependency with the earliest need-by date before the cycle's last day among those ({@code blocks} or
   * {@code contributes}: {@code shares-resource} needs nothing) whose upstream is {@code id} (the first in document order among equals), or null: then {@code id} is needed by the cycle's end. The
   * date the cascade analysis counts a key result's slip from.
   */
  public static Dependency neededBy(OkrCycle cycle, String id) {
    Dependency best = null;
    LocalDate due = cycle.cycle().end();
    for (Dependency d : cycle.dependents(id)) {
      // a shares-resource pair is contention, not a need: its date is no date anyone needs id by (it read "KR-10 is
      // 9 days late for KR-6, which needs it by 1 May", and its cascade "KR-2 needs it" without a date)
      if (d.kind().isDirected() && d.needBy() != null && d.needBy().isBefore(due)) {
        due = d.needBy();
        best = d;
      }
    }
    return best;
  }
}
