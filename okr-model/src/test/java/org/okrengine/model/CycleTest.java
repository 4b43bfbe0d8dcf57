package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CycleTest {
  static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  @Test
  void instants_startInclusiveEndExclusive() {
    Cycle c = new Cycle("Q3", "Q3 2026", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), OSLO);
    assertThat(c.startInstant()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
    assertThat(c.endInstant()).isEqualTo(Instant.parse("2026-09-30T22:00:00Z"));
    assertThat(c.lengthDays()).isEqualTo(92.0);
    assertThat(c.contains(Instant.parse("2026-09-30T21:59:59Z"))).isTrue();
    assertThat(c.contains(c.endInstant())).isFalse();
    assertThat(c.dateOf(Instant.parse("2026-07-31T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 8, 1));
  }

  @Test
  void lengthDays_acrossSpringForward_isAnHourShort() {
    Cycle march = new Cycle("M", null, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), OSLO);
    // 31 days minus the hour skipped on 2026-03-29
    assertThat(march.lengthDays()).isCloseTo(31 - 1 / 24.0, within(1e-12));
    assertThat(Duration.between(march.startInstant(), march.endInstant())).isEqualTo(Duration.ofHours(31 * 24 - 1));
  }

  @Test
  void lengthDays_acrossFallBack_isAnHourLong() {
    Cycle nov = new Cycle("N", null, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1),
        ZoneId.of("America/New_York"));
    assertThat(nov.lengthDays()).isCloseTo(25 / 24.0, within(1e-12));
  }

  @Test
  void elapsedFraction_clampedAndInverse() {
    Cycle c = Cycle.of("Q", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10));
    assertThat(c.elapsedFraction(c.startInstant().minusSeconds(5))).isEqualTo(0.0);
    assertThat(c.elapsedFraction(c.endInstant().plusSeconds(5))).isEqualTo(1.0);
    assertThat(c.elapsedFraction(c.startInstant().plusSeconds(86_400 * 5))).isEqualTo(0.5);
    assertThat(c.instantAtFraction(0.5)).isEqualTo(c.startInstant().plusSeconds(86_400 * 5));
    assertThatThrownBy(() -> c.instantAtFraction(1.5)).hasMessage("fraction must be within 0..1: 1.5");
  }

  @Test
  void defaults_andNormalizedZone() {
    Cycle c = new Cycle("Q", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), null);
    assertThat(c.name()).isEqualTo("Q");
    assertThat(c.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(new Cycle("Q", null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), ZoneId.of("UTC")))
        .isEqualTo(c);
  }

  @Test
  void constructor_endBeforeStart_rejected() {
    assertThatThrownBy(() -> Cycle.of("Q", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31)))
        .hasMessage("end must not be before start: 2026-01-31 < 2026-02-01");
  }

  @Test
  void daysBetween_fractional() {
    Instant a = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(Cycle.daysBetween(a, a.plusSeconds(43_200))).isEqualTo(0.5);
    assertThat(Cycle.daysBetween(a.plusSeconds(86_400), a)).isEqualTo(-1.0);
  }
}
