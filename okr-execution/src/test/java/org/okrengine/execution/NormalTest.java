package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values: scipy 1.11, {@code scipy.stats.norm.cdf(x)} and {@code norm.ppf(p)}. */
class NormalTest {
  @Test
  void cdf_referenceValues() {
    assertThat(Normal.cdf(0)).isEqualTo(0.5);
    assertThat(Normal.cdf(1)).isCloseTo(0.8413447460685429, within(1e-15)); // norm.cdf(1)
    assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316300933, within(1e-15)); // norm.cdf(-3)
    assertThat(Normal.cdf(-9)).isEqualTo(0.0);
    assertThat(Normal.cdf(9)).isEqualTo(1.0);
  }

  @Test
  void quantile_referenceValues() {
    assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-12)); // norm.ppf(0.975)
    assertThat(Normal.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-12)); // norm.ppf(0.9)
    assertThat(Normal.quantile(0.5)).isCloseTo(0.0, within(1e-15));
    assertThat(Normal.quantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-8)); // norm.ppf(1e-10)
    assertThat(Normal.quantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(Normal.quantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void quantile_invertsCdf_onAGrid() {
    for (int i = 1; i < 1000; i++) {
      double p = i / 1000.0;
      // refined in the central region; Acklam's relative error 1.15e-9 (in x) in the tails
      double tolerance = p >= 0.02425 && p <= 0.97575 ? 1e-13 : 1e-8 * Math.min(p, 1 - p);
      assertThat(Normal.cdf(Normal.quantile(p))).as("p = %s", p).isCloseTo(p, within(tolerance));
    }
  }
}
