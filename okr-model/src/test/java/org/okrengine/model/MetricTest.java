package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricTest {
  @Test
  void progress_increase() {
    Metric m = Metric.of(1.2, 2.0, "M EUR");
    assertThat(m.direction()).isEqualTo(Direction.INCREASE);
    assertThat(m.progress(1.6)).isCloseTo((1.6 - 1.2) / (2.0 - 1.2), org.assertj.core.api.Assertions.within(1e-15));
    assertThat(m.progress(2.4)).isCloseTo((2.4 - 1.2) / 0.8, org.assertj.core.api.Assertions.within(1e-15));
    assertThat(m.score(2.4)).isEqualTo(1.0);
    assertThat(m.progress(1.0)).isNegative();
    assertThat(m.score(1.0)).isEqualTo(0.0);
    assertThat(m.isMet(2.0)).isTrue();
    assertThat(m.isMet(1.99)).isFalse();
  }

  @Test
  void progress_decreaseBelowZero() {
    Metric m = Metric.of(40, -10, "t CO2");
    assertThat(m.direction()).isEqualTo(Direction.DECREASE);
    assertThat(m.progress(15)).isEqualTo((15 - 40.0) / (-10 - 40.0));
    assertThat(m.progress(-20)).isEqualTo((-20 - 40.0) / (-10 - 40.0));
    assertThat(m.score(-20)).isEqualTo(1.0);
    assertThat(m.score(50)).isEqualTo(0.0);
    assertThat(m.isMet(-10)).isTrue();
    assertThat(m.valueAt(0.5)).isEqualTo(40 + 0.5 * (-10 - 40));
  }

  @Test
  void progress_negativeValues() {
    Metric m = new Metric(-50.0, -20, Direction.INCREASE, "EUR k");
    assertThat(m.progress(-35)).isEqualTo((-35 - -50.0) / (-20 - -50.0));
    assertThat(m.score(-35)).isEqualTo(0.5);
  }

  @Test
  void progress_maintainAbove() {
    Metric noBaseline = new Metric(null, 99.5, Direction.MAINTAIN_ABOVE, "%");
    assertThat(noBaseline.progress(99.7)).isEqualTo(1.0);
    assertThat(noBaseline.progress(99.5)).isEqualTo(1.0);
    assertThat(noBaseline.progress(99.0)).isEqualTo(0.0);
    assertThat(noBaseline.isMet(99.0)).isFalse();
    Metric climbing = new Metric(95.0, 99.0, Direction.MAINTAIN_ABOVE, "%");
    assertThat(climbing.progress(97.0)).isEqualTo((97 - 95.0) / (99 - 95.0));
    Metric slipping = new Metric(42.0, 40, Direction.MAINTAIN_ABOVE, "NPS");
    assertThat(slipping.progress(38)).isEqualTo(0.0);
    assertThat(slipping.score(41)).isEqualTo(1.0);
  }

  @Test
  void progress_maintainBelow() {
    Metric m = new Metric(380.0, 400, Direction.MAINTAIN_BELOW, "ms");
    assertThat(m.progress(390)).isEqualTo(1.0);
    assertThat(m.progress(420)).isEqualTo(0.0);
    Metric coming = new Metric(500.0, 400, Direction.MAINTAIN_BELOW, "ms");
    assertThat(coming.progress(450)).isEqualTo((450 - 500.0) / (400 - 500.0));
    assertThat(coming.isMet(400)).isTrue();
  }

  @Test
  void progress_achieve() {
    Metric m = Metric.achieve();
    assertThat(m.progress(0)).isEqualTo(0.0);
    assertThat(m.progress(1)).isEqualTo(1.0);
    assertThat(m.score(0.6)).isEqualTo(0.0);
    assertThat(m.score(1)).isEqualTo(1.0);
  }

  @Test
  void progress_hugeValues_finite() {
    Metric m = new Metric(-1e308, 1e308, Direction.INCREASE, null);
    assertThat(m.progress(1.7e308)).isFinite();
    assertThat(m.progress(0)).isEqualTo(0.5);
  }

  @Test
  void constructor_rejectsBadValues() {
    assertThatThrownBy(() -> new Metric(40.0, 40, Direction.INCREASE, null))
        .hasMessage("target must differ from baseline: 40.0");
    assertThatThrownBy(() -> new Metric(null, 40, Direction.INCREASE, null))
        .hasMessage("baseline must be given for direction increase");
    assertThatThrownBy(() -> new Metric(Double.NaN, 40, Direction.INCREASE, null))
        .hasMessage("baseline must be finite: NaN");
    assertThatThrownBy(() -> new Metric(0.0, Double.POSITIVE_INFINITY, Direction.INCREASE, null))
        .hasMessage("target must be finite: Infinity");
  }
}
