package org.okrengine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.MethodScore;
import org.okrengine.forecast.ReliabilityBin;

/**
 * The reliability diagram of one method of a backtest ({@code okr backtest --plot}), as a self-contained SVG: the
 * observed hit rate against the forecast probability in ten bins, pooled over the backtest's origins, one point per
 * bin that holds forecasts (its area in proportion to their count), the diagonal of perfect calibration, and the
 * method and its Brier score in the title. No scripts, fonts or links; every text escaped; the same report gives the
 * same bytes.
 */
final class ReliabilityPlot {
  private static final int WIDTH = 520;
  private static final int HEIGHT = 540;
  private static final int LEFT = 80;
  private static final int TOP = 70;
  private static final int SIZE = 400;
  private static final double MAX_RADIUS = 14;
  private static final double MIN_RADIUS = 2;

  private ReliabilityPlot() {}

  /** The file name of {@code method}'s diagram. */
  static String fileName(ForecastMethod method) {
    return "reliability-" + method.id() + ".svg";
  }

  /** The diagram of {@code method} over every origin of {@code report}. */
  static String svg(BacktestReport report, ForecastMethod method) {
    List<MethodScore> scores = new ArrayList<>();
    for (MethodScore s : report.scores()) {
      if (s.method() == method) {
        scores.add(s);
      }
    }
    // pooled bins: counts add up; means weighted by count
    int bins = scores.isEmpty() ? 10 : scores.get(0).reliability().size();
    long[] count = new long[bins];
    double[] probability = new double[bins];
    double[] hits = new double[bins];
    double[] lower = new double[bins];
    double[] upper = new double[bins];
    long n = 0;
    double brier = 0;
    List<String> origins = new ArrayList<>();
    for (MethodScore s : scores) {
      origins.add(String.format(Locale.ROOT, "%.0f%%", s.origin() * 100));
      if (s.brier() != null) {
        n += s.n();
        brier += s.brier() * s.n();
      }
      for (int i = 0; i < bins && i < s.reliability().size(); i++) {
        ReliabilityBin b = s.reliability().get(i);
        lower[i] = b.lower();
        upper[i] = b.upper();
        if (b.count() > 0 && b.meanProbability() != null && b.hitRate() != null) {
          count[i] += b.count();
          probability[i] += b.meanProbability() * b.count();
          hits[i] += b.hitRate() * b.count();
        }
      }
    }
    long most = 0;
    for (long c : count) {
      most = Math.max(most, c);
    }

    StringBuilder b = new StringBuilder(8192);
    String title = n == 0 ? method.id() + ": no forecasts scored"
        : String.format(Locale.ROOT, "%s: Brier %.3f (all origins)", method.id(), brier / n);
    String subtitle = origins.isEmpty() ? "not in this backtest"
        : String.format(Locale.ROOT, "reliability over %,d forecasts at %s of each cycle", n,
            String.join(", ", origins));
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
        .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" font-family=\"sans-serif\" role=\"img\" aria-label=\"").append(xml(title)).append("\">\n");
    b.append("<title>").append(xml(title)).append("</title>\n");
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    b.append("<text x=\"").append(WIDTH / 2).append("\" y=\"28\" text-anchor=\"middle\" font-size=\"18\" "
        + "font-weight=\"bold\">").append(xml(title)).append("</text>\n");
    b.append("<text x=\"").append(WIDTH / 2).append("\" y=\"50\" text-anchor=\"middle\" font-size=\"12\" "
        + "fill=\"#555555\">").append(xml(subtitle)).append("</text>\n");
    // grid, ticks and frame
    for (int k = 0; k <= 5; k++) {
      double v = k / 5.0;
      String label = String.format(Locale.ROOT, "%.1f", v);
      b.append("<line x1=\"").append(num(x(v))).append("\" y1=\"").append(num(y(0))).append("\" x2=\"")
          .append(num(x(v))).append("\" y2=\"").append(num(y(1))).append("\" stroke=\"#e5e5e5\"/>\n");
      b.append("<line x1=\"").append(num(x(0))).append("\" y1=\"").append(num(y(v))).append("\" x2=\"")
          .append(num(x(1))).append("\" y2=\"").append(num(y(v))).append("\" stroke=\"#e5e5e5\"/>\n");
      b.append("<text x=\"").append(num(x(v))).append("\" y=\"").append(num(y(0) + 18))
          .append("\" text-anchor=\"middle\" font-size=\"11\">").append(label).append("</text>\n");
      b.append("<text x=\"").append(num(x(0) - 8)).append("\" y=\"").append(num(y(v) + 4))
          .append("\" text-anchor=\"end\" font-size=\"11\">").append(label).append("</text>\n");
    }
    b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(SIZE)
        .append("\" height=\"").append(SIZE).append("\" fill=\"none\" stroke=\"#333333\"/>\n");
    b.append("<text x=\"").append(num(x(0.5))).append("\" y=\"").append(num(y(0) + 44))
        .append("\" text-anchor=\"middle\" font-size=\"13\">forecast probability</text>\n");
    b.append("<text x=\"").append(num(x(0) - 44)).append("\" y=\"").append(num(y(0.5)))
        .append("\" text-anchor=\"middle\" font-size=\"13\" transform=\"rotate(-90 ").append(num(x(0) - 44))
        .append(' ').append(num(y(0.5))).append(")\">observed hit rate</text>\n");
    b.append("<line x1=\"").append(num(x(0))).append("\" y1=\"").append(num(y(0))).append("\" x2=\"")
        .append(num(x(1))).append("\" y2=\"").append(num(y(1)))
        .append("\" stroke=\"#888888\" stroke-dasharray=\"6 4\"><title>perfect calibration</title></line>\n");
    // the points, joined in bin order
    StringBuilder path = new StringBuilder();
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < bins; i++) {
      if (count[i] == 0) {
        continue;
      }
      double p = probability[i] / count[i];
      double h = hits[i] / count[i];
      double r = Math.max(MIN_RADIUS, MAX_RADIUS * Math.sqrt(count[i] / (double) most));
      path.append(path.length() == 0 ? "" : " ").append(num(x(p))).append(',').append(num(y(h)));
      String tip = String.format(Locale.ROOT, "probability %.1f to %.1f: %,d forecasts, mean probability %.3f, "
          + "hit rate %.3f", lower[i], upper[i], count[i], p, h);
      points.append("<circle cx=\"").append(num(x(p))).append("\" cy=\"").append(num(y(h))).append("\" r=\"")
          .append(num(r)).append("\" fill=\"#1f77b4\" fill-opacity=\"0.6\" stroke=\"#1f77b4\"><title>")
          .append(xml(tip)).append("</title></circle>\n");
    }
    if (path.length() > 0) {
      b.append("<polyline points=\"").append(path).append("\" fill=\"none\" stroke=\"#1f77b4\" "
          + "stroke-width=\"1.5\"/>\n");
    }
    b.append(points);
    b.append("</svg>\n");
    return b.toString();
  }

  private static double x(double probability) {
    return LEFT + probability * SIZE;
  }

  private static double y(double rate) {
    return TOP + (1 - rate) * SIZE;
  }

  /** A coordinate to one decimal place, without a trailing {@code .0}. */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10)
        : (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
  }

  /** {@code s} escaped for XML text and attribute values; control characters other than tab and newline dropped. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
