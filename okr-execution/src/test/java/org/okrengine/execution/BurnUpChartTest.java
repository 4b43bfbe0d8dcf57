package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The burn-up chart's value ticks and their labels. */
class BurnUpChartTest {
  @Test
  void ticks_ordinaryRange_roundSteps() {
    assertThat(BurnUpChart.ticks(0, 1)).containsExactly(0, 0.5, 1);
    assertThat(BurnUpChart.ticks(1.2, 2.0)).containsExactly(new double[] {1.2, 1.4, 1.6, 1.8, 2.0}, within(1e-12));
  }

  @Test
  void ticks_emptyRange_tenPercentEitherSide() {
    assertThat(BurnUpChart.ticks(5, 5)).containsExactly(5 - 0.5, 5, 5 + 0.5);
    assertThat(BurnUpChart.ticks(0, 0)).containsExactly(-1, 0, 1);
  }

  @Test
  void ticks_spanOverflows_endsOnly() {
    assertThat(BurnUpChart.ticks(-1e308, 1e308)).containsExactly(-1e308, 1e308);
  }

  @Test
  void tick_labels_asManyDecimalsAsTheStep() {
    assertThat(BurnUpChart.tick(0.025, new double[] {0.02, 0.025, 0.03})).isEqualTo("0.025");
    assertThat(BurnUpChart.tick(1.5, new double[] {1, 1.5, 2})).isEqualTo("1.5");
    assertThat(BurnUpChart.tick(-0.0, new double[] {-1, 0, 1})).isEqualTo("0");
    assertThat(BurnUpChart.tick(2000, new double[] {1500, 2000})).isEqualTo("2000");
    assertThat(BurnUpChart.tick(5, new double[] {5})).isEqualTo("5");
  }
}
