package org.okrengine.execution;

import static org.okrengine.execution.Html.DAY;
import static org.okrengine.execution.Html.esc;
import static org.okrengine.execution.Html.interval;
import static org.okrengine.execution.Html.num;
import static org.okrengine.execution.Html.pct;
import static org.okrengine.execution.Html.teamName;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Status;

/**
 * The burn-up chart of one key result on the HTML page (inline SVG): plan, check-ins and forecast cone, the target
 * up, with axis titles (the value and its unit, the date). Stateless and thread-safe.
 */
final class BurnUpChart {
  // geometry, in SVG user units (pixels)
  private static final double CW = 578;
  private static final double CH = 244;
  private static final double ML = 82;
  private static final double MR = 16;
  private static final double MT = 14;
  private static final double MB = 42;
  private static final int MAX_PLAN_SAMPLES = 200;

  private BurnUpChart() {}

  /**
   * Whether {@code report}'s forecasts are of each key result's value at its expected last check-in (its model's
   * history took its results there), not at the cycle's end: the cone's tip is drawn there ({@link #tip}).
   */
  static boolean atLastCheckIn(CycleReport report) {
    return report.model() != null && report.model().atLastCheckIn();
  }

  /**
   * Where the forecast of key result {@code kr} in {@code report} is taken: the instant of its expected last check-in
   * ({@code Forecaster.expectedLastCheckInAt}, from its check-ins up to the report's instant, as the forecaster took
   * it) where the report's forecasts are there ({@link #atLastCheckIn}); null where it is the cycle's end (the
   * shipped model's, or a key result without a check-in after the start).
   */
  static Instant tip(OkrCycle okr, CycleReport report, KeyResult kr) {
    return atLastCheckIn(report) ? Forecaster.expectedLastCheckInAt(kr, okr.cycle(), report.asOf()) : null;
  }

  /**
   * Appends to {@code sb} the figure of key result {@code kr} with its report {@code r}: caption, value and date
   * ticks, target, plan, forecast cone, the report's date and the check-ins seen at it.
   */
  static void write(StringBuilder sb, OkrCycle okr, CycleReport report, KeyResult kr, KeyResultReport r,
      String anchor) {
    Cycle cycle = okr.cycle();
    Metric m = kr.metric();
    ForecastSummary f = r.forecast();
    Instant start = cycle.startInstant();
    Instant end = cycle.endInstant();
    Instant asOf = report.asOf();
    List<CheckIn> seen = kr.checkInsAsOf(asOf);
    // a count's forecasts read as whole numbers (2 customers, 1 – 4 customers; the JSON keeps the numbers)
    boolean whole = Numbers.whole(kr, asOf);
    // plan samples: daily for cycles up to MAX_PLAN_SAMPLES days, evenly spaced beyond
    int n = (int) Math.max(2, Math.min(MAX_PLAN_SAMPLES, Math.ceil(cycle.lengthDays())));
    double[] planT = new double[n + 1];
    double[] planV = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      Instant t = cycle.instantAtFraction(i / (double) n);
      planT[i] = i / (double) n;
      planV[i] = kr.plan().expectedValue(m, cycle, t);
    }
    double lo = m.target();
    double hi = m.target();
    lo = Math.min(lo, m.baselineOrTarget());
    hi = Math.max(hi, m.baselineOrTarget());
    for (double v : planV) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    for (CheckIn c : seen) {
      lo = Math.min(lo, c.value());
      hi = Math.max(hi, c.value());
    }
    PredictionInterval iv = f == null ? null : f.interval();
    if (iv != null) {
      lo = Math.min(lo, iv.low());
      hi = Math.max(hi, iv.high());
    }
    if (f != null) {
      lo = Math.min(lo, f.landingValue());
      hi = Math.max(hi, f.landingValue());
    }
    double[] ticks = ticks(lo, hi);
    lo = Math.min(lo, ticks[0]);
    hi = Math.max(hi, ticks[ticks.length - 1]);
    boolean down = m.direction() == Direction.DECREASE || m.direction() == Direction.MAINTAIN_BELOW;
    Scale y = new Scale(lo, hi, down);

    sb.append("<figure id=\"").append(anchor).append("\">\n<figcaption><h3>").append(esc(r.id())).append(' ')
        .append(esc(r.title())).append("</h3><span class=\"badge s-").append(r.status().jsonName()).append("\">")
        .append(r.status().jsonName()).append("</span> ").append(esc(teamName(okr, r.team()))).append(" · ");
    boolean achieve = m.direction() == Direction.ACHIEVE;
    if (m.direction().isMaintain()) {
      // a threshold to keep, not a move from the baseline to it ("maintain-above 42 NPS → 40 NPS" read as a fall)
      sb.append(m.direction() == Direction.MAINTAIN_ABOVE ? "keep at or above " : "keep at or below ")
          .append(esc(Numbers.value(m.target(), m)));
    } else if (achieve) {
      sb.append("done or not");
    } else {
      sb.append(esc(m.direction().jsonName())).append(' ').append(esc(Numbers.value(m.baseline(), m)))
          .append(" → ").append(esc(Numbers.value(m.target(), m)));
    }
    if (r.value() != null) {
      sb.append(" · now ").append(achieve ? (m.isMet(r.value()) ? "done" : "not done")
          : esc(Numbers.value(r.value(), m)));
    }
    // the cycle is over: the outcome is known (the forecaster's rule), no forecast to draw or to caption; an achieve
    // key result is done or not: its probability, no landing "0.5" or line to it
    boolean over = Insights.over(cycle, asOf);
    if (f != null && achieve) {
      if (!over) {
        sb.append(" · P(target) ").append(pct(f.probabilityOfTarget()));
      }
    } else if (f != null && over) {
      // no check-in up to the end: no outcome (it read "ended at 200 articles", the target, its model's base rate)
      if (r.status() != Status.NO_DATA) {
        sb.append(" · ended at ").append(esc(Numbers.landingValue(f.landingValue(), m)));
      }
    } else if (f != null) {
      sb.append(" · lands ").append(esc(Numbers.landingValue(f.landingValue(), m, whole)));
      if (iv != null) {
        sb.append(" (").append(pct(iv.level())).append(": ").append(esc(interval(iv, m, whole)))
            .append(')');
      }
      // achieved before the end: the chance the met target holds, not of reaching it (Insights.metAndHolds)
      sb.append(Insights.metAndHolds(r, false) ? " · met; " + Insights.aPct(f.probabilityOfTarget())
          + Insights.holdsTo(atLastCheckIn(report)) : " · P(target) " + pct(f.probabilityOfTarget()));
    }
    sb.append("</figcaption>\n<svg class=\"burnup\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(num(CW)).append("\" height=\"").append(num(CH)).append("\" viewBox=\"0 0 ").append(num(CW))
        .append(' ').append(num(CH)).append("\" role=\"img\" aria-label=\"Burn-up chart of ").append(esc(r.id()))
        .append("\">\n");
    // grid and value ticks
    for (double t : ticks) {
      double py = y.at(t);
      sb.append("<line class=\"grid\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(py))
          .append("\" x2=\"").append(num(CW - MR)).append("\" y2=\"").append(num(py)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(num(ML - 4)).append("\" y=\"").append(num(py + 3))
          .append("\" text-anchor=\"end\">").append(esc(tick(t, ticks))).append("</text>\n");
    }
    // date ticks: the first of each month (every few months in long cycles)
    List<LocalDate> months = new ArrayList<>();
    for (LocalDate d = cycle.start().withDayOfMonth(1); !d.isAfter(cycle.end()); d = d.plusMonths(1)) {
      if (!d.isBefore(cycle.start())) {
        months.add(d);
      }
    }
    int every = Math.max(1, (months.size() + 5) / 6);
    for (int i = 0; i < months.size(); i += every) {
      double px = x(cycle.elapsedFraction(cycle.instantOf(months.get(i))));
      sb.append("<line class=\"grid\" x1=\"").append(num(px)).append("\" y1=\"").append(num(MT))
          .append("\" x2=\"").append(num(px)).append("\" y2=\"").append(num(CH - MB)).append("\"/>")
          .append("<text class=\"tick\" x=\"").append(num(px)).append("\" y=\"").append(num(CH - MB + 14))
          .append("\" text-anchor=\"middle\">").append(DAY.format(months.get(i))).append("</text>\n");
    }
    sb.append("<line class=\"axis\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(CH - MB))
        .append("\" x2=\"").append(num(CW - MR)).append("\" y2=\"").append(num(CH - MB)).append("\"/>")
        .append("<line class=\"axis\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(MT))
        .append("\" x2=\"").append(num(ML)).append("\" y2=\"").append(num(CH - MB)).append("\"/>\n");
    // axis titles: the value (its unit, and which way is up) and the date
    String valueTitle = m.unit() == null || m.unit().isBlank() ? "Value" : "Value (" + m.unit() + ")";
    if (down) {
      valueTitle += ", lower is up";
    }
    sb.append("<text class=\"axis-title\" x=\"").append(num(ML + (CW - ML - MR) / 2)).append("\" y=\"")
        .append(num(CH - 6)).append("\" text-anchor=\"middle\">Date</text>")
        .append("<text class=\"axis-title\" x=\"").append(num(-(MT + (CH - MT - MB) / 2))).append("\" y=\"14\" "
            + "transform=\"rotate(-90)\" text-anchor=\"middle\">").append(esc(valueTitle)).append("</text>\n");
    // target
    sb.append("<line class=\"target\" x1=\"").append(num(ML)).append("\" y1=\"").append(num(y.at(m.target())))
        .append("\" x2=\"").append(num(CW - MR)).append("\" y2=\"").append(num(y.at(m.target())))
        .append("\"><title>target ").append(esc(Numbers.value(m.target(), m))).append("</title></line>\n");
    // plan
    sb.append("<polyline class=\"plan\" points=\"");
    for (int i = 0; i <= n; i++) {
      sb.append(i == 0 ? "" : " ").append(num(x(planT[i]))).append(',').append(num(y.at(planV[i])));
    }
    sb.append("\"><title>plan (").append(esc(kr.plan().shapeName())).append(")</title></polyline>\n");
    // forecast cone
    if (f != null && !over && !achieve) {
      double t0;
      double v0;
      if (!seen.isEmpty()) {
        CheckIn last = seen.get(seen.size() - 1);
        t0 = cycle.elapsedFraction(last.at());
        v0 = last.value();
      } else {
        t0 = cycle.elapsedFraction(asOf);
        v0 = kr.plan().expectedValue(m, cycle, asOf);
      }
      // the tip where the forecast is taken: the cycle's end, or the key result's expected last check-in where the
      // report's forecasts are there (it was drawn at the end whatever the forecast was of)
      Instant tip = tip(okr, report, kr);
      double xe = tip == null ? x(1.0) : x(Math.max(t0, cycle.elapsedFraction(tip)));
      if (iv != null) {
        sb.append("<polygon class=\"cone\" points=\"").append(num(x(t0))).append(',').append(num(y.at(v0)))
            .append(' ').append(num(xe)).append(',').append(num(y.at(iv.high()))).append(' ').append(num(xe))
            .append(',').append(num(y.at(iv.low()))).append("\"><title>").append(pct(iv.level()))
            // a key result without a check-in after the start is forecast at the end under any model (tip null):
            // it read "at the expected last check-in" without a day
            .append(tip == null ? " interval at cycle end: "
                : " interval at the expected last check-in (" + DAY.format(cycle.dateOf(tip)) + "): ")
            .append(esc(interval(iv, m, whole))).append("</title></polygon>\n");
      }
      sb.append("<line class=\"landing\" x1=\"").append(num(x(t0))).append("\" y1=\"").append(num(y.at(v0)))
          .append("\" x2=\"").append(num(xe)).append("\" y2=\"").append(num(y.at(f.landingValue())))
          .append("\"><title>forecast landing ").append(esc(Numbers.landingValue(f.landingValue(), m, whole)))
          .append("</title></line>\n");
    }
    // report's date
    if (cycle.contains(asOf)) {
      double px = x(cycle.elapsedFraction(asOf));
      sb.append("<line class=\"now\" x1=\"").append(num(px)).append("\" y1=\"").append(num(MT))
          .append("\" x2=\"").append(num(px)).append("\" y2=\"").append(num(CH - MB)).append("\"/>\n");
    }
    // check-ins
    if (seen.size() > 1) {
      sb.append("<polyline class=\"actual\" points=\"");
      for (int i = 0; i < seen.size(); i++) {
        CheckIn c = seen.get(i);
        sb.append(i == 0 ? "" : " ").append(num(x(cycle.elapsedFraction(c.at())))).append(',')
            .append(num(y.at(c.value())));
      }
      sb.append("\"/>\n");
    }
    for (CheckIn c : seen) {
      sb.append("<circle class=\"checkin\" cx=\"").append(num(x(cycle.elapsedFraction(c.at()))))
          .append("\" cy=\"").append(num(y.at(c.value()))).append("\" r=\"3.5\"><title>")
          .append(DAY.format(cycle.dateOf(c.at()))).append(": ").append(esc(Numbers.value(c.value(), m)));
      if (c.confidence() != null) {
        sb.append(", confidence ").append(pct(c.confidence()));
      }
      if (c.note() != null && !c.note().isBlank()) {
        sb.append(" — ").append(esc(c.note()));
      }
      if (!c.blockers().isEmpty()) {
        sb.append(" (blocked by ").append(esc(String.join(", ", c.blockers()))).append(')');
      }
      sb.append("</title></circle>\n");
    }
    sb.append("</svg>\n");
    if (r.insight() != null) {
      sb.append("<p class=\"legend\">").append(esc(r.insight())).append("</p>\n");
    }
    sb.append("</figure>\n");
  }

  /** The chart's x coordinate of a cycle fraction. */
  private static double x(double fraction) {
    return ML + (CW - ML - MR) * fraction;
  }

  /** Maps values to the chart's y coordinates; the target's side is up. */
  private static final class Scale {
    private final double lo;
    private final double hi;
    private final boolean down;

    Scale(double lo, double hi, boolean down) {
      this.lo = lo;
      this.hi = hi;
      this.down = down;
    }

    double at(double v) {
      // on halves, so that no difference of finite doubles overflows
      double span = 0.5 * hi - 0.5 * lo;
      double f = span > 0 ? (0.5 * v - 0.5 * lo) / span : 0.5;
      double h = CH - MT - MB;
      return down ? MT + f * h : CH - MB - f * h;
    }
  }

  /** Round value ticks (1, 2 or 5 times a power of ten apart) covering lo..hi; at least two. */
  static double[] ticks(double lo, double hi) {
    if (!(hi > lo)) {
      double c = Double.isFinite(lo) ? lo : 0;
      double d = c == 0 ? 1 : Math.abs(c) * 0.1;
      return new double[] {c - d, c, c + d};
    }
    if (!Double.isFinite(hi - lo)) {
      return new double[] {lo, hi};
    }
    double raw = (hi - lo) / 4;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
    double first = Math.floor(lo / step + 1e-9);
    double last = Math.ceil(hi / step - 1e-9);
    int count = (int) Math.round(last - first);
    if (!Double.isFinite(first * step) || !Double.isFinite(last * step) || count < 1 || count > 12) {
      return new double[] {lo, hi};
    }
    double[] out = new double[count + 1];
    for (int i = 0; i <= count; i++) {
      out[i] = (first + i) * step;
    }
    return out;
  }

  /** A value tick's label, with as many decimals as the ticks' step needs so that no two labels are equal. */
  static String tick(double t, double[] ticks) {
    double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 0;
    double a = Math.abs(t);
    if (!(step > 0) || !Double.isFinite(step) || a >= 1e7 || step < 1e-6) {
      return Numbers.number(t);
    }
    int decimals = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)));
    String s = String.format(Locale.ROOT, "%." + decimals + "f", t);
    return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
  }
}
