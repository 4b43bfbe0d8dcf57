package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {
  @Test
  void cdf_matchesScipy() {
    // scipy 1.17: stats.t.cdf(1.3, 2.5), stats.t.cdf(-7, 0.5), stats.t.cdf(0.2, 40)
    // (okr-forecast/src/test/python/reference.py)
    assertThat(StudentT.cdf(1.3, StudentT.row(2.5))).isCloseTo(0.8497566053646458, within(1e-5));
    assertThat(StudentT.cdf(-7, StudentT.row(0.5))).isCloseTo(0.12102895855990502, within(1e-5));
    assertThat(StudentT.cdf(0.2, StudentT.row(40))).isCloseTo(0.5787530366071412, within(1e-5));
  }

  @Test
  void cdf_gridAgainstCommonsStatistics_withinTwoInHundredThousand() {
    for (int k = 1; k <= StudentT.MAX_HALVES; k += 7) {
      for (double z = -50; z <= 50; z += 0.37) {
        assertThat(StudentT.cdf(z, k)).isCloseTo(StudentT.exactCdf(z, k / 2.0), within(2e-5));
      }
    }
  }

  @Test
  void cdf_extremes_areZeroAndOne() {
    assertThat(StudentT.cdf(Double.MAX_VALUE, 4)).isEqualTo(1.0);
    assertThat(StudentT.cdf(-Double.MAX_VALUE, 4)).isEqualTo(0.0);
    assertThat(StudentT.cdf(0, 4)).isEqualTo(0.5);
  }

  @Test
  void row_ofThePlanPriorDegreesOfFreedom_isTwiceThemWithinTheTable() {
    // PlanPriorStages.bayes takes the row as min(MAX_HALVES, 2 df) without rounding: df = max(2 (a0 + (n - 1) / 2), MIN_DF)
    for (int n = 0; n <= 2000; n++) {
      double an = Hyperparameters.NOISE_PRIOR_WEIGHT + 0.5 * Math.max(n - 1, 0);
      double df = Math.max(2 * an, Kernel.MIN_DF);
      assertThat((int) Math.min(StudentT.MAX_HALVES, 2 * df)).as("n = " + n).isEqualTo(StudentT.row(df));
    }
  }

  @Test
  void row_roundsToHalvesAndClamps() {
    assertThat(StudentT.row(0.1)).isEqualTo(1);
    assertThat(StudentT.row(2.5)).isEqualTo(5);
    assertThat(StudentT.row(1e9)).isEqualTo(StudentT.MAX_HALVES);
  }

  @Test
  void quantiles_invertTheCdf() {
    double[] q = StudentT.quantiles(0.9);
    assertThat(StudentT.exactCdf(q[4], 2.0)).isCloseTo(0.9, within(1e-9));
  }
}
