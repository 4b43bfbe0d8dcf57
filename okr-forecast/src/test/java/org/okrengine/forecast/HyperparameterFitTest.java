package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The fit's own arithmetic: the linear solve of Newton's steps, the Student-t normalizing constant of the objective,
 * and the counts the model summary reports.
 */
class HyperparameterFitTest {
  @Test
  void solve_givesTheSolutionOfASymmetricSystem() {
    // [[4, 1, 0], [1, 3, 1], [0, 1, 2]] x = [1, 2, 3]: x = (1/18)(4, 2, 26) by Cramer's rule (det 18)
    double[] x = HyperparameterFit.solve(new double[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}}, new double[] {1, 2, 3});
    assertThat(x[0]).isCloseTo(4 / 18.0, within(1e-12));
    assertThat(x[1]).isCloseTo(2 / 18.0, within(1e-12));
    assertThat(x[2]).isCloseTo(26 / 18.0, within(1e-12));
  }

  @Test
  void add_countsScoredKeyResultsAndHits() {
    HyperparameterFit fit = new HyperparameterFit();
    BacktestTest.HISTORY.subList(0, 50).forEach(c -> fit.add(c, ForecastModel.FIT_ORIGINS));
    assertThat(fit.keyResults()).isEqualTo(50);
    assertThat(fit.samples()).isEqualTo(50 * ForecastModel.FIT_ORIGINS.length);
    long hits = BacktestTest.HISTORY.subList(0, 50).stream().flatMap(c -> c.keyResults().stream())
        .filter(k -> k.metric().isMet(k.result().finalValue())).count();
    assertThat(fit.hitRate()).isEqualTo(hits / 50.0);
  }

  @Test
  void logNorm_isTheStudentTDensityAtZero_andTheCacheGivesTheSameNumbers() {
    HyperparameterFit fit = new HyperparameterFit();
    // the density at 0 is exp(logNorm): 1 / pi for the Cauchy (1 df), 1 / (2 sqrt 2) for 2 df, 1 / sqrt(2 pi) in
    // the limit
    assertThat(Math.exp(fit.logNorm(1))).isCloseTo(1 / Math.PI, within(1e-15));
    assertThat(Math.exp(fit.logNorm(2))).isCloseTo(1 / (2 * Math.sqrt(2)), within(1e-15));
    assertThat(Math.exp(fit.logNorm(1e6))).isCloseTo(1 / Math.sqrt(2 * Math.PI), within(1e-6));
    // cached (halves of whole numbers below 512), twice, and not (beyond, between halves): the formula's own number
    for (double df : new double[] {0.5, 1.5, 2.5, 12.5, 255.5, 511.5, 511.6, 512, 3.25, 1e6, 2.5}) {
      double direct = HyperparameterFit.computeLogNorm(df);
      assertThat(fit.logNorm(df)).isEqualTo(direct);
      assertThat(fit.logNorm(df)).isEqualTo(direct);
    }
  }
}
