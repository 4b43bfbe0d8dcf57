package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Percentage.withPercentage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
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
  void progress_valuesAtTheLimits_finite() {
    Metric m = new Metric(-Metric.MAX_MAGNITUDE, Metric.MAX_MAGNITUDE, Direction.INCREASE, null);
    assertThat(m.progress(Metric.MAX_MAGNITUDE)).isEqualTo(1.0);
    assertThat(m.progress(0)).isEqualTo(0.5);
    // the smallest span and the farthest value: 2e15 / 1e-9 = 2e24
    Metric narrow = new Metric(Metric.MAX_MAGNITUDE - 1, Metric.MAX_MAGNITUDE, Direction.INCREASE, null);
    assertThat(narrow.progress(-Metric.MAX_MAGNITUDE)).isEqualTo((-1e15 - (1e15 - 1)) / 1.0);
    Metric tiny = new Metric(0.0, Metric.MIN_SPAN, Direction.INCREASE, null);
    assertThat(tiny.progress(-Metric.MAX_MAGNITUDE)).isCloseTo(-1e15 / 1e-9, withPercentage(1e-9));
    assertThat(tiny.valueAt(tiny.progress(1e15))).isFinite();
  }

  @Test
  void constructor_numbersBeyondTheLimits_rejected() {
    assertThatThrownBy(() -> new Metric(-1e308, 1e308, Direction.INCREASE, null))
        .hasMessage("baseline must be within -1e15..1e15: -1.0E308");
    assertThatThrownBy(() -> new Metric(0.0, 1.0000000000000002e15, Direction.INCREASE, null))
        .hasMessage("target must be within -1e15..1e15: 1.0000000000000002E15");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, -1e16, null, null))
        .hasMessage("min must be within -1e15..1e15: -1.0E16");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, 2e15, null))
        .hasMessage("max must be within -1e15..1e15: 2.0E15");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, List.of(-3e15, 0.0, 1.0)))
        .hasMessage("levels[0] must be within -1e15..1e15: -3.0E15");
    assertThatThrownBy(() -> new Metric(0.0, 5e-324, Direction.INCREASE, null))
        .hasMessage("target must differ from baseline by at least 1e-9: 4.9E-324 (baseline 0.0)");
    assertThatThrownBy(() -> new Metric(1.0, 1 - 1e-10, Direction.MAINTAIN_BELOW, null))
        .hasMessage("target must differ from baseline by at least 1e-9: 0.9999999999 (baseline 1.0)");
    assertThat(new Metric(1.0, 1 + 2e-9, Direction.INCREASE, null).target()).isEqualTo(1 + 2e-9);
  }

  /**
   * The direction is declared: a target on the wrong side of the baseline for it is refused (a decrease from 9 h
   * with a target of 9.5 h counted its progress upward: 9.6 h read 120%, achieved).
   */
  @Test
  void constructor_targetOnTheWrongSideForTheDirection_rejected() {
    assertThatThrownBy(() -> new Metric(9.0, 9.5, Direction.DECREASE, "hours"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must be below baseline for direction decrease (target 9.5, baseline 9.0)");
    assertThatThrownBy(() -> new Metric(10.0, 5, Direction.INCREASE, null))
        .hasMessage("target must be above baseline for direction increase (target 5.0, baseline 10.0)");
    // the maintain directions hold a threshold from either side
    assertThat(new Metric(99.95, 99.9, Direction.MAINTAIN_ABOVE, "%").target()).isEqualTo(99.9);
    assertThat(new Metric(380.0, 400, Direction.MAINTAIN_BELOW, "ms").target()).isEqualTo(400);
    assertThat(new Metric(9.0, 4, Direction.DECREASE, "hours").progress(9.6)).isLessThan(0);
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

  @Test
  void constructor_achieveOtherThanZeroToOne_rejected() {
    assertThatThrownBy(() -> new Metric(0.5, 1, Direction.ACHIEVE, null))
        .hasMessage("baseline must be 0 for direction achieve: 0.5");
    assertThatThrownBy(() -> new Metric(0.0, 2, Direction.ACHIEVE, null))
        .hasMessage("target must be 1 for direction achieve: 2.0");
    assertThatThrownBy(() -> new Metric(1.0, 0, Direction.ACHIEVE, null))
        .hasMessage("baseline must be 0 for direction achieve: 1.0");
    assertThat(new Metric(-0.0, 1, Direction.ACHIEVE, null).progress(1)).isEqualTo(1.0);
  }

  @Test
  void constructor_fourArguments_unboundedWithoutLevels() {
    Metric m = new Metric(8.0, 12, Direction.INCREASE, "%");
    assertThat(m).isEqualTo(new Metric(8.0, 12, Direction.INCREASE, "%", null, null, null));
    assertThat(m.min()).isNull();
    assertThat(m.max()).isNull();
    assertThat(m.levels()).isNull();
    assertThat(m.isOrdinal()).isFalse();
    assertThat(Metric.of(8, 12, "%")).isEqualTo(m);
    assertThat(Metric.achieve().levels()).isNull();
  }

  @Test
  void constructor_boundsAndLevels_kept() {
    Metric pct = new Metric(8.0, 12, Direction.INCREASE, "%", 0.0, 100.0, null);
    assertThat(pct.min()).isEqualTo(0.0);
    assertThat(pct.max()).isEqualTo(100.0);
    // the baseline and target may sit on the bounds
    assertThat(new Metric(0.0, 100, Direction.INCREASE, "%", 0.0, 100.0, null).target()).isEqualTo(100.0);
    assertThat(new Metric(null, 99.5, Direction.MAINTAIN_ABOVE, "%", null, 100.0, null).max()).isEqualTo(100.0);
    List<Double> zones = new ArrayList<>(List.of(0.0, 1.0, 2.0, 3.0));
    Metric ordinal = new Metric(0.0, 3, Direction.INCREASE, "zone", 0.0, 3.0, zones);
    zones.set(0, -1.0);
    assertThat(ordinal.levels()).as("copied").containsExactly(0.0, 1.0, 2.0, 3.0);
    assertThatThrownBy(() -> ordinal.levels().add(4.0)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(ordinal.isOrdinal()).isTrue();
    // the target within [first level, last level] need not be a level
    assertThat(new Metric(0.0, 2.5, Direction.INCREASE, null, null, null, List.of(0.0, 1.0, 2.0, 3.0)).target())
        .isEqualTo(2.5);
    List<Double> twenty = IntStream.range(0, Metric.MAX_LEVELS).mapToObj(i -> (double) i).toList();
    assertThat(new Metric(0.0, 19, Direction.INCREASE, null, null, null, twenty).levels()).hasSize(20);
  }

  @Test
  void constructor_rejectsBadBounds() {
    assertThatThrownBy(() -> new Metric(1.0, 2, Direction.INCREASE, null, 5.0, 3.0, null))
        .hasMessage("min must be below max: 5.0 >= 3.0");
    assertThatThrownBy(() -> new Metric(1.0, 2, Direction.INCREASE, null, 3.0, 3.0, null))
        .hasMessage("min must be below max: 3.0 >= 3.0");
    assertThatThrownBy(() -> new Metric(1.0, 2, Direction.INCREASE, null, Double.NEGATIVE_INFINITY, null, null))
        .hasMessage("min must be finite: -Infinity");
    assertThatThrownBy(() -> new Metric(1.0, 2, Direction.INCREASE, null, null, Double.NaN, null))
        .hasMessage("max must be finite: NaN");
    assertThatThrownBy(() -> new Metric(-1.0, 2, Direction.INCREASE, null, 0.0, null, null))
        .hasMessage("baseline must not be below min: -1.0 < 0.0");
    assertThatThrownBy(() -> new Metric(8.0, 120, Direction.INCREASE, "%", 0.0, 100.0, null))
        .hasMessage("target must not be above max: 120.0 > 100.0");
    assertThatThrownBy(() -> new Metric(120.0, 80, Direction.DECREASE, "%", 0.0, 100.0, null))
        .hasMessage("baseline must not be above max: 120.0 > 100.0");
    assertThatThrownBy(() -> new Metric(null, -1, Direction.MAINTAIN_BELOW, "incidents", 0.0, null, null))
        .hasMessage("target must not be below min: -1.0 < 0.0");
  }

  @Test
  void constructor_rejectsBadLevels() {
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, List.of(1.0)))
        .hasMessage("levels must hold 2 to 20 values: 1");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, List.of()))
        .hasMessage("levels must hold 2 to 20 values: 0");
    List<Double> many = IntStream.range(0, Metric.MAX_LEVELS + 1).mapToObj(i -> (double) i).toList();
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, many))
        .hasMessage("levels must hold 2 to 20 values: 21");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, Arrays.asList(0.0, null)))
        .isInstanceOf(NullPointerException.class).hasMessage("levels[1] must not be null");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, List.of(0.0, Double.NaN)))
        .hasMessage("levels[1] must be finite: NaN");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, List.of(0.0, 2.0, 1.0)))
        .hasMessage("levels[2] must be above levels[1]: 1.0 <= 2.0");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, null, List.of(0.0, 1.0, 1.0)))
        .hasMessage("levels[2] must be above levels[1]: 1.0 <= 1.0");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, 0.0, null, List.of(-1.0, 0.0, 1.0)))
        .hasMessage("levels[0] must not be below min: -1.0 < 0.0");
    assertThatThrownBy(() -> new Metric(0.0, 1, Direction.INCREASE, null, null, 1.0, List.of(0.0, 1.0, 2.0)))
        .hasMessage("levels[2] must not be above max: 2.0 > 1.0");
    assertThatThrownBy(() -> new Metric(0.0, 3, Direction.INCREASE, null, null, null, List.of(1.0, 2.0, 3.0)))
        .hasMessage("baseline must not be below the first level: 0.0 < 1.0");
    assertThatThrownBy(() -> new Metric(0.0, 4, Direction.INCREASE, null, null, null, List.of(0.0, 1.0, 2.0)))
        .hasMessage("target must not be above the last level: 4.0 > 2.0");
  }

  @Test
  void clamp_withinBounds() {
    Metric pct = new Metric(8.0, 12, Direction.INCREASE, "%", 0.0, 100.0, null);
    assertThat(pct.clamp(104.5)).isEqualTo(100.0);
    assertThat(pct.clamp(-3)).isEqualTo(0.0);
    assertThat(pct.clamp(42.25)).isEqualTo(42.25);
    assertThat(pct.clamp(100)).isEqualTo(100.0);
    assertThat(pct.clamp(Double.POSITIVE_INFINITY)).isEqualTo(100.0);
    assertThat(pct.clamp(Double.NaN)).isNaN();
    Metric count = new Metric(0.0, 1500, Direction.INCREASE, "signups", 0.0, null, null);
    assertThat(count.clamp(-12)).isEqualTo(0.0);
    assertThat(count.clamp(1e12)).isEqualTo(1e12);
    Metric unbounded = Metric.of(40, -10, "t CO2");
    assertThat(unbounded.clamp(-1e300)).isEqualTo(-1e300);
    assertThat(unbounded.clamp(1e300)).isEqualTo(1e300);
    // levels are not bounds: clamp does not bring a value within them
    Metric zones = new Metric(0.0, 3, Direction.INCREASE, null, null, null, List.of(0.0, 1.0, 2.0, 3.0));
    assertThat(zones.clamp(4.0)).isEqualTo(4.0);
  }

  @Test
  void direction_isReach_onlyIncreaseAndDecrease() {
    assertThat(java.util.Arrays.stream(Direction.values()).filter(Direction::isReach))
        .containsExactly(Direction.INCREASE, Direction.DECREASE);
  }
}
