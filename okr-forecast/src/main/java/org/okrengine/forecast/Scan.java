package org.okrengine.forecast;

import static org.okrengine.forecast.Kernel.*;

/**
 * The kernel's one pass over each key result's check-ins ({@link Kernel}): the fast loop on raw values and the exact
 * pass with clamps and merges. Stateless.
 */
final class Scan {
  /**
   * The one pass over each key result's check-ins: writes LAST_X, LAST_Y, SUM_S, SUM_SQUARES, INCREMENTS,
   * FIRST_MET_X, BACKWARD, WENT_BACK, COUNT, INV_LENGTH and INV_HALF_SPAN.
   *
   * @throws IllegalArgumentException when a number is NaN or infinite, a length not positive or a target equal to
   *     its baseline (after the pass: the columns are then unspecified)
   */
  static void scan(double[] times, double[] values, int[] offsets, double[] lengthDays, double[] asOfDays,
      double[] baselines, double[] targets, int base, Columns c, int m) {
    double[][] col = c.col;
    double[] invLength = col[INV_LENGTH];
    double[] invSpan = col[INV_HALF_SPAN];
    double[] count = col[COUNT];
    double[] lastX = col[LAST_X];
    double[] lastY = col[LAST_Y];
    double[] sumS = col[SUM_S];
    double[] sumSquares = col[SUM_SQUARES];
    double[] increments = col[INCREMENTS];
    double[] firstMetX = col[FIRST_MET_X];
    double[] backward = col[BACKWARD];
    double[] wentBack = col[WENT_BACK];
    double[] direction = col[DIRECTION];
    boolean valid = true;
    for (int j = 0; j < m; j++) {
      int from = offsets[base + j];
      int to = offsets[base + j + 1];
      double baseline = baselines[base + j];
      double length = lengthDays[base + j];
      double target = targets[base + j];
      // the key result's own numbers (its check-ins: NaN and infinities fail the fast loop's checks, and exactPass
      // refuses them)
      valid &= validLength(length) & validDays(asOfDays[base + j]) & validValue(baseline) & validValue(target)
          & validSpan(baseline, target) & (to == from || validDays(times[from]) & validDays(times[to - 1]));
      // (scalar divisions here: measured about 1 ns per key result cheaper than two vector loops of them before)
      double inverseLength = 1.0 / length;
      // halves: the difference of two finite doubles' halves cannot overflow
      double inverseSpan = 1.0 / (0.5 * target - 0.5 * baseline);
      invLength[j] = inverseLength;
      invSpan[j] = inverseSpan;
      count[j] = to - from;
      // The common case: a running count that never steps away from its target, no check-ins to merge, no value
      // beyond the clamp. Its loop works on the raw values, turned toward the target (w = value * sign): no clamp,
      // no merges, no progress per check-in, so that the JIT unrolls it. It keeps the sign bits of the steps ORed
      // together; any step away from the target, a merge, a span too small or a progress beyond the clamp sends the
      // key result to exactPass (so do NaN and infinities: they fail the checks below).
      double sign = inverseSpan >= 0 ? 1.0 : -1.0;
      direction[j] = sign;
      double px = 0;
      double pw = baseline * sign;
      double ss = 0;
      int anchor = from - 1;
      long signs = 0;
      for (int i = from; i < to; i++) {
        double x = times[i] * inverseLength;
        double w = values[i] * sign;
        double dx = x - px;
        double dw = w - pw;
        signs |= Double.doubleToRawLongBits(dw);
        if (dx < MIN_DX) {
          // px is 0 until the first increment, and at least MIN_DX after it
          if (px > 0) {
            // a merge with the previous point: left to exactPass
            signs = -1;
            break;
          }
          // at or before the start: replaces the anchor (minus infinity is left to exactPass, which refuses it)
          signs |= x == Double.NEGATIVE_INFINITY ? -1 : 0;
          anchor = i;
          pw = w;
          continue;
        }
        ss += dw * dw / dx;
        px = x;
        pw = w;
      }
      // the check-ins at or before the start come first, the increments after them
      int n = to - anchor - 1;
      double hb = 0.5 * baseline;
      double y0 = anchor < from ? 0.0 : (0.5 * values[anchor] - hb) * inverseSpan;
      double last = pw * sign;
      double py = to > from ? (0.5 * last - hb) * inverseSpan : 0.0;
      // progress steps are the raw steps over the span: dy = dw k, k = 1 / (target - baseline) = inverseSpan / 2
      double k = 0.5 * inverseSpan;
      double sq = ss * k * k;
      // every point lies between the anchor and the last point (no step goes back), so the bounds on those two mean
      // the clamp would have changed nothing
      if (signs < 0 || !(Math.abs(y0) <= MAX_PROGRESS && Math.abs(py) <= MAX_PROGRESS && sq <= Double.MAX_VALUE
          && Math.abs(k) <= MAX_INVERSE_SPAN && px <= Double.MAX_VALUE)) {
        exactPass(times, values, from, to, inverseLength, baseline, target, inverseSpan, col, j);
        continue;
      }
      lastX[j] = px;
      lastY[j] = py;
      sumS[j] = n > 0 ? py - y0 : 0.0;
      sumSquares[j] = sq;
      increments[j] = n;
      // the points only move toward the target, so the last one reaches it if any does
      double halfGap = 0.5 * target - hb;
      firstMetX[j] = to > from && reached(last, hb, halfGap)
          ? firstMet(times, values, from, to, inverseLength, hb, halfGap) : -1;
      backward[j] = 0;
      wentBack[j] = 0; // no step's sign bit set: none went back, the first from the baseline included
    }
    if (!valid) {
      throw new IllegalArgumentException("lengthDays must be within [" + MIN_LENGTH_DAYS + ", " + MAX_DAYS
          + "], asOfDays and check-in times within +-" + MAX_DAYS + ", baselines and targets within +-" + MAX_VALUE
          + " and each target differ from its baseline by at least " + MIN_SPAN);
    }
  }

  /**
   * Whether {@code value} reaches the target, as {@code Metric.isMet} decides it for increasing and decreasing key
   * results: on the halves' differences from the baseline, so that a value exactly at the target counts.
   */
  static boolean reached(double value, double halfBaseline, double halfGap) {
    double u = 0.5 * value - halfBaseline;
    return halfGap > 0 ? u >= halfGap : halfGap < 0 ? u <= halfGap : u > 0;
  }

  /** The cycle fraction (at least 0) of the first check-in that reaches the target; -1 when none does. */
  static double firstMet(double[] times, double[] values, int from, int to, double invLength,
      double halfBaseline, double halfGap) {
    for (int i = from; i < to; i++) {
      if (reached(values[i], halfBaseline, halfGap)) {
        return Math.max(times[i] * invLength, 0);
      }
    }
    return -1;
  }

  /**
   * The one pass of {@link #scan} over one key result's check-ins, with the clamp of {@link #progress} at every
   * check-in and the merging of check-ins closer than MIN_DX; writes entry {@code j} of the scanned columns.
   */
  static void exactPass(double[] times, double[] values, int from, int to, double invLength, double baseline,
      double target, double invSpan, double[][] col, int j) {
    double hb = 0.5 * baseline;
    double halfGap = 0.5 * target - hb;
    // one lean pass: anchor, increments (the OLS and Holt methods make their own pass)
    double px = 0;
    double py = 0;
    double y0 = 0;
    double ss = 0;
    int n = 0;
    int back = 0;
    double lastDx = 0;
    double lastDy = 0;
    // on the raw values, turned toward the target, from the baseline: whether any went back (WENT_BACK)
    double sign = invSpan >= 0 ? 1.0 : -1.0;
    double previous = baseline;
    boolean wentBack = false;
    for (int i = from; i < to; i++) {
      if (!(validDays(times[i]) && Double.isFinite(values[i]))) {
        throw new IllegalArgumentException("check-in " + i + " is out of range: time " + times[i] + " (within +-"
            + MAX_DAYS + "), value " + values[i] + " (finite)");
      }
      wentBack |= sign * (values[i] - previous) < 0;
      previous = values[i];
      double x = times[i] * invLength;
      double y = progress(values[i], baseline, invSpan);
      double dx = x - px;
      // px is 0 until the first increment, so this also catches check-ins at or before the start
      if (dx < MIN_DX) {
        if (n == 0) {
          // at or before the start (or within MIN_DX of it): replaces the anchor
          y0 = y;
        } else {
          // merge with the previous point: the later value wins
          double dy = lastDy + (y - py);
          ss += (dy * dy - lastDy * lastDy) / lastDx;
          lastDy = dy;
        }
        py = y;
        continue;
      }
      double dy = y - py;
      lastDx = dx;
      lastDy = dy;
      ss += dy * dy / dx;
      back += dy < 0 ? 1 : 0;
      n++;
      px = x;
      py = y;
    }
    // the increments chain from the anchor (0, y0) to the last point (px, py)
    col[LAST_X][j] = px;
    col[LAST_Y][j] = py;
    col[SUM_S][j] = n > 0 ? py - y0 : 0.0;
    col[SUM_SQUARES][j] = ss;
    col[INCREMENTS][j] = n;
    col[FIRST_MET_X][j] = firstMet(times, values, from, to, invLength, hb, halfGap);
    col[BACKWARD][j] = back;
    col[WENT_BACK][j] = wentBack ? 1 : 0;
  }

  private Scan() {}
}
