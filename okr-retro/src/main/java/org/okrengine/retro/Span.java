package org.okrengine.retro;

import java.time.LocalDate;
import org.okrengine.model.Cycle;

/** A cycle's bounds in epoch seconds, computed once per cycle. Immutable. */
final class Span {
  /** Seconds in a week, the unit of the cadence's weeks and the forecast replay's step. */
  static final long WEEK_SECONDS = 7 * 86_400L;

  /** The cycle these are the bounds of. */
  final Cycle cycle;
  final String id;
  final long startSec;
  final long endSec;
  final double length;
  /** The cycle's 7-day slices from its start (the last may be shorter); at least 1. */
  final long weeks;
  final String trendKey;
  final LocalDate start;

  Span(Cycle c) {
    cycle = c;
    id = c.id();
    start = c.start();
    startSec = c.startInstant().getEpochSecond();
    endSec = c.endInstant().getEpochSecond();
    length = endSec - startSec;
    weeks = Math.max(1, (endSec - startSec + WEEK_SECONDS - 1) / WEEK_SECONDS);
    trendKey = trendKey(start, id);
  }

  /** The key of a team's point of the trend in a cycle: the cycle's start date, then its id (their order). */
  static String trendKey(LocalDate start, String cycleId) {
    return start + "|" + cycleId;
  }

  /** The elapsed fraction (0..1, clamped) of the cycle at {@code seconds} and {@code nanos} past the epoch. */
  double fraction(long seconds, int nanos) {
    double f = (nanos == 0 ? seconds - startSec : seconds - startSec + nanos / 1e9) / length; // the same number
    return f <= 0 ? 0 : f >= 1 ? 1 : f;
  }
}
