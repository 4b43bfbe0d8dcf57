package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.MethodScore;
import org.okrengine.forecast.ReliabilityBin;

class ReliabilityPlotTest {
  /** Ten bins, {@code counts[i]} forecasts in bin i with mean probability and hit rate as given. */
  static List<ReliabilityBin> bins(long[] counts, double[] mean, double[] hit) {
    List<ReliabilityBin> out = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      out.add(new ReliabilityBin(i / 10.0, (i + 1) / 10.0, counts[i], counts[i] == 0 ? null : mean[i],
          counts[i] == 0 ? null : hit[i]));
    }
    return out;
  }

  static MethodScore score(ForecastMethod m, double origin, long n, double brier, List<ReliabilityBin> bins) {
    return new MethodScore(m, origin, n, brier, 0.5, 0, null, null, 0.3, null, null, bins);
  }

  static final double[] MEAN = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
  static final double[] HIT = {0.1, 0.1, 0.3, 0.3, 0.5, 0.5, 0.7, 0.7, 0.9, 0.9};

  static BacktestReport report() {
    // origin 25%: 40 forecasts in bin 0, 10 in bin 9; origin 50%: 60 in bin 0, 10 in bin 9 (hit rate 0.2 in bin 0)
    long[] a = {40, 0, 0, 0, 0, 0, 0, 0, 0, 10};
    long[] b = {60, 0, 0, 0, 0, 0, 0, 0, 0, 10};
    double[] hitB = HIT.clone();
    hitB[0] = 0.2;
    return new BacktestReport(2, 60, ForecastMethod.MOVEMENT_AWARE, ForecastMethod.MOVEMENT_AWARE, List.of(
        score(ForecastMethod.MOVEMENT_AWARE, 0.25, 50, 0.2, bins(a, MEAN, HIT)),
        score(ForecastMethod.MOVEMENT_AWARE, 0.5, 70, 0.1, bins(b, MEAN, hitB)),
        score(ForecastMethod.OLS_TREND, 0.5, 0, 0.1, bins(new long[10], MEAN, HIT))));
  }

  static List<String> circles(String svg) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<circle cx=\"([^\"]+)\" cy=\"([^\"]+)\" r=\"([^\"]+)\"").matcher(svg);
    while (m.find()) {
      out.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
    }
    return out;
  }

  @Test
  void svg_pointsPerNonEmptyBinPooledOverOrigins_sizedByCount_brierInTheTitle() {
    String svg = ReliabilityPlot.svg(report(), ForecastMethod.MOVEMENT_AWARE);
    // Brier pooled over origins, weighted by key results: (50 * 0.2 + 70 * 0.1) / 120
    assertThat(svg).contains(String.format(java.util.Locale.ROOT, ">movement-aware: Brier %.3f (all origins)</text>",
        (50 * 0.2 + 70 * 0.1) / 120));
    assertThat(svg).contains(">reliability over 120 forecasts at 25%, 50% of each cycle</text>")
        .contains(">forecast probability</text>").contains(">observed hit rate</text>")
        // the diagonal from (0, 0) to (1, 1): x 80..480, y 470..70
        .contains("<line x1=\"80\" y1=\"470\" x2=\"480\" y2=\"70\" stroke=\"#888888\"");
    // bin 0: 100 forecasts, mean probability 0.05, hit rate (40 * 0.1 + 60 * 0.2) / 100 = 0.16, the largest point;
    // bin 9: 20 forecasts at 0.95 and 0.9, radius 14 * sqrt(20 / 100) = 6.26
    assertThat(circles(svg)).containsExactly(
        ReliabilityPlot.num(80 + 0.05 * 400) + " " + ReliabilityPlot.num(70 + (1 - 0.16) * 400) + " 14",
        ReliabilityPlot.num(80 + 0.95 * 400) + " " + ReliabilityPlot.num(70 + (1 - 0.9) * 400) + " "
            + ReliabilityPlot.num(14 * Math.sqrt(0.2)));
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" ").endsWith("</svg>\n")
        .doesNotContain("<script").doesNotContain("href").doesNotContain("url(");
    assertThat(ReliabilityPlot.svg(report(), ForecastMethod.MOVEMENT_AWARE)).isEqualTo(svg);
  }

  @Test
  void svg_nothingScored_diagonalOnly() {
    String svg = ReliabilityPlot.svg(report(), ForecastMethod.OLS_TREND);
    assertThat(svg).contains(">ols-trend: no forecasts scored</text>").doesNotContain("<circle")
        .doesNotContain("<polyline");
    assertThat(ReliabilityPlot.svg(report(), ForecastMethod.DAMPED_TREND)).contains("no forecasts scored");
  }

  @Test
  void xml_escapesMarkupAndDropsControlCharacters() {
    assertThat(ReliabilityPlot.xml("a<b>&\"c\"'d'\u0007e\tf")).isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;e\tf");
  }

  @Test
  void num_oneDecimalWithoutTrailingZero() {
    assertThat(ReliabilityPlot.num(470.0)).isEqualTo("470");
    assertThat(ReliabilityPlot.num(126.84)).isEqualTo("126.8");
    assertThat(ReliabilityPlot.num(0.05)).isEqualTo("0.1");
    assertThat(ReliabilityPlot.num(-2.25)).isEqualTo("-2.2");
    assertThat(ReliabilityPlot.num(-0.04)).isEqualTo("0");
  }
}
