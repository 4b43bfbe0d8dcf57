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

  /** A fixed offset takes a shortcut to the start of a day: the instant atStartOfDay gives, for every offset. */
  @Test
  void instantOf_fixedOffset_isTheStartOfTheDayAtThatOffset() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 20_000; i++) {
      ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1));
      LocalDate d = Cycle.MIN_DATE.plusDays(random.nextLong(Cycle.MIN_DATE.until(Cycle.MAX_DATE,
          java.time.temporal.ChronoUnit.DAYS) + 1));
      Cycle c = new Cycle("C", null, d, d, offset);
      assertThat(c.zone()).isInstanceOf(ZoneOffset.class);
      assertThat(c.instantOf(d)).isEqualTo(d.atStartOfDay(offset).toInstant());
      assertThat(c.endInstant()).isEqualTo(d.plusDays(1).atStartOfDay(offset).toInstant());
    }
    // UTC normalizes to Z, an offset; a region keeps its rules
    assertThat(Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)).startInstant())
        .isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(new Cycle("Q", null, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), ZoneId.of("UTC"))
        .startInstant()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(new Cycle("Q", null, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30),
        ZoneId.of("GMT+05:30")).startInstant()).isEqualTo(Instant.parse("2026-06-30T18:30:00Z"));
  }

  /**
   * The week of the cycle is counted in calendar days of its zone: 19 Mar in New York is 77 days after 1 Jan (11
   * weeks), the first day of week 12, though only 76 days and 23 hours have passed across the change to summer time
   * on 14 Mar (by elapsed time it was week 11, as on 12 Mar). A quarter of 90 days has 13 weeks; 92 days too.
   */
  @Test
  void weekOf_calendarDays_acrossSpringForward() {
    Cycle ny = new Cycle("NW", "NW", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31),
        ZoneId.of("America/New_York"));
    assertThat(ny.weeks()).isEqualTo(13);
    assertThat(ny.weekOf(ny.instantOf(LocalDate.of(2027, 3, 12)))).isEqualTo(11);
    assertThat(ny.weekOf(ny.instantOf(LocalDate.of(2027, 3, 19)))).isEqualTo(12);
    assertThat(ny.weekOf(ny.instantOf(LocalDate.of(2027, 3, 18)))).isEqualTo(11);
    assertThat(ny.weekOf(ny.startInstant())).isEqualTo(1);
    assertThat(ny.weekOf(ny.startInstant().minusSeconds(86_400))).isEqualTo(1);
    assertThat(ny.weekOf(ny.endInstant().plusSeconds(86_400 * 30))).isEqualTo(13);
    Cycle q3 = new Cycle("Q3", "Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), ZoneId.of("Europe/Oslo"));
    assertThat(q3.weeks()).isEqualTo(13);
    assertThat(q3.weekOf(q3.instantOf(LocalDate.of(2026, 8, 19)))).isEqualTo(8);
    Cycle sprint = new Cycle("S", "S", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 2), ZoneOffset.UTC);
    assertThat(sprint.weeks()).isEqualTo(1);
    assertThat(sprint.weekOf(sprint.endInstant())).isEqualTo(1);
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
  void constructor_datesBeyond1900To2200_rejected() {
    assertThatThrownBy(() -> Cycle.of("Q", LocalDate.of(1899, 12, 31), LocalDate.of(1900, 1, 1)))
        .hasMessage("start must be within 1900-01-01..2200-12-31: 1899-12-31");
    assertThatThrownBy(() -> Cycle.of("Q", LocalDate.of(2200, 12, 31), LocalDate.MAX))
        .hasMessage("end must be within 1900-01-01..2200-12-31: +999999999-12-31");
    assertThatThrownBy(() -> Cycle.of("Q", LocalDate.MIN, LocalDate.of(2026, 1, 1)))
        .hasMessage("start must be within 1900-01-01..2200-12-31: -999999999-01-01");
    assertThat(Cycle.of("Q", Cycle.MIN_DATE, Cycle.MIN_DATE).lengthDays()).isEqualTo(1.0);
    assertThat(Cycle.of("Q", Cycle.MAX_DATE, Cycle.MAX_DATE).endInstant())
        .isEqualTo(Instant.parse("2201-01-01T00:00:00Z"));
  }

  @Test
  void constructor_longerThan1098Days_rejected() {
    LocalDate start = LocalDate.of(2026, 7, 1);
    assertThat(Cycle.of("Q", start, start.plusDays(Cycle.MAX_LENGTH_DAYS - 1)).lengthDays()).isEqualTo(3 * 366.0);
    // 2026-07-01 + 1098 days: 2029-07-03 (2028 is a leap year)
    assertThatThrownBy(() -> Cycle.of("Q", start, start.plusDays(Cycle.MAX_LENGTH_DAYS)))
        .hasMessage("end must make a cycle of at most 1098 days: 1099 days (2026-07-01 to 2029-07-03)");
    // python3: (date(2200, 12, 31) - date(1900, 1, 1)).days + 1 = 109938
    assertThatThrownBy(() -> Cycle.of("Q", Cycle.MIN_DATE, Cycle.MAX_DATE))
        .hasMessage("end must make a cycle of at most 1098 days: 109938 days (1900-01-01 to 2200-12-31)");
  }

  @Test
  void window_oneLengthBeforeStartToOneAfterEnd() {
    Cycle q3 = Cycle.of("Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)); // 92 days
    assertThat(q3.windowStart()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z").minus(Duration.ofDays(92)))
        .isEqualTo(Instant.parse("2026-03-31T00:00:00Z"));
    assertThat(q3.windowEnd()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z").plus(Duration.ofDays(92)))
        .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    // Oslo: the real duration, 92 days, from the instants of the local dates
    Cycle oslo = new Cycle("Q3", null, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), OSLO);
    assertThat(oslo.windowStart()).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
  }

  @Test
  void requireAnalysable_withinTheWindow_returnsIt_elseThrows() {
    Cycle q3 = Cycle.of("Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
    Instant asOf = Instant.parse("2026-08-19T00:00:00Z");
    assertThat(q3.requireAnalysable(asOf)).isSameAs(asOf);
    assertThat(q3.requireAnalysable(q3.windowStart())).isEqualTo(q3.windowStart());
    assertThat(q3.requireAnalysable(q3.windowEnd())).isEqualTo(q3.windowEnd());
    assertThatThrownBy(() -> q3.requireAnalysable(Instant.parse("5000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("asOf must be within 2026-03-31T00:00:00Z..2027-01-01T00:00:00Z"
            + " (one cycle length before the start to one after the end): 5000-01-01T00:00:00Z");
    assertThatThrownBy(() -> q3.requireAnalysable(q3.windowStart().minusNanos(1)))
        .hasMessageEndingWith(": 2026-03-30T23:59:59.999999999Z");
    assertThatThrownBy(() -> q3.requireAnalysable(Instant.MAX))
        .hasMessageEndingWith(": +1000000000-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> q3.requireAnalysable(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("asOf must not be null");
    // near the limits the window is cut at them
    Cycle first = Cycle.of("F", Cycle.MIN_DATE, LocalDate.of(1900, 1, 10));
    assertThatThrownBy(() -> first.requireAnalysable(Instant.parse("1899-12-31T00:00:00Z")))
        .hasMessage("asOf must be within 1900-01-01..2200-12-31 (UTC): 1899-12-31T00:00:00Z");
  }

  @Test
  void daysBetween_fractional() {
    Instant a = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(Cycle.daysBetween(a, a.plusSeconds(43_200))).isEqualTo(0.5);
    assertThat(Cycle.daysBetween(a.plusSeconds(86_400), a)).isEqualTo(-1.0);
  }
}
