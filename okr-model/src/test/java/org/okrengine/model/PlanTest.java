package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {
  static final Cycle C = Cycle.of("Q", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 10)); // 100 days
  static final Metric M = Metric.of(0, 100, null);

  @Test
  void shapes_fractions() {
    assertThat(PlanShape.LINEAR.fraction(0.25)).isEqualTo(0.25);
    assertThat(PlanShape.S_CURVE.fraction(0.25)).isEqualTo(0.25 * 0.25 * (3 - 2 * 0.25));
    assertThat(PlanShape.FRONT_LOADED.fraction(0.25)).isEqualTo(1 - 0.75 * 0.75);
    assertThat(PlanShape.BACK_LOADED.fraction(0.25)).isEqualTo(0.0625);
    for (PlanShape s : PlanShape.values()) {
      assertThat(s.fraction(-1)).isEqualTo(0.0);
      assertThat(s.fraction(2)).isEqualTo(1.0);
      assertThat(PlanShape.fromJsonName(s.jsonName())).contains(s);
    }
  }

  @Test
  void shaped_expectedValue() {
    Plan p = Plan.of(PlanShape.BACK_LOADED);
    assertThat(p.expectedValue(M, C, C.startInstant().minusSeconds(1000))).isEqualTo(0.0);
    assertThat(p.expectedValue(M, C, C.instantAtFraction(0.5))).isEqualTo(25.0);
    assertThat(p.expectedValue(M, C, C.endInstant().plusSeconds(1000))).isEqualTo(100.0);
    assertThat(p.expectedProgress(M, C, C.instantAtFraction(0.5))).isEqualTo(0.25);
    assertThat(p.expectedValue(new Metric(null, 99, Direction.MAINTAIN_ABOVE, null), C, C.startInstant()))
        .isEqualTo(99.0);
  }

  @Test
  void points_interpolateAndHold() {
    Plan p = new Plan.Points(List.of(new PlanPoint(LocalDate.of(2026, 3, 2), 80),
        new PlanPoint(LocalDate.of(2026, 1, 21), 10)));
    // sorted on construction
    assertThat(((Plan.Points) p).points().get(0).value()).isEqualTo(10.0);
    // from the baseline at the start to 10 on day 20: day 10 is half way
    assertThat(p.expectedValue(M, C, C.startInstant().plusSeconds(10 * 86_400))).isCloseTo(5.0, within(1e-12));
    // between 10 on day 20 and 80 on day 60: day 40 is half way
    assertThat(p.expectedValue(M, C, C.startInstant().plusSeconds(40 * 86_400))).isCloseTo(45.0, within(1e-12));
    // after the last point the plan holds its value
    assertThat(p.expectedValue(M, C, C.startInstant().plusSeconds(90 * 86_400))).isEqualTo(80.0);
    assertThat(p.shapeName()).isEqualTo("points");
  }

  @Test
  void points_firstAtStart_holdsBefore() {
    Plan p = new Plan.Points(List.of(new PlanPoint(LocalDate.of(2025, 12, 1), 30), new PlanPoint(C.end(), 100)));
    assertThat(p.expectedValue(M, C, C.startInstant().minusSeconds(86_400 * 60))).isEqualTo(30.0);
  }

  @Test
  void points_errors() {
    assertThatThrownBy(() -> new Plan.Points(List.of())).hasMessage("points must not be empty");
    assertThatThrownBy(() -> new Plan.Points(List.of(new PlanPoint(C.end(), 1), new PlanPoint(C.end(), 2))))
        .hasMessage("points must have distinct dates: 2026-04-10");
  }
}
