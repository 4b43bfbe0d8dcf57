package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;

/**
 * A key result that declares its levels never lands, nor has an interval's end, outside [first level, last level],
 * as the metric's {@code min} and {@code max} already hold them.
 */
class DeclaredLevelsTest {
  private static Instant day(String date) {
    return LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  private static CheckIn checkIn(String date, double value, Double confidence) {
    return new CheckIn(day(date), value, confidence, null, List.of(), null);
  }

  private static KeyResult kr(String id, double baseline, double target, List<Double> levels, List<CheckIn> checkIns) {
    return new KeyResult(id, null, null, "t", 1, List.of(),
        new Metric(baseline, target, Direction.INCREASE, "level", null, null, levels), null, checkIns, null);
  }

  private static void assertWithinLevels(Forecast f, double first, double last) {
    assertThat(f.landingValue()).isBetween(first, last);
    assertThat(f.interval()).isNotNull();
    assertThat(f.interval().low()).isBetween(first, last);
    assertThat(f.interval().high()).isBetween(first, last);
  }

  @Test
  void landingAndIntervalStayWithinTheDeclaredLevels() {
    // northwind's KR-ONB: levels 0 to 4, from 1 to 3; it read "lands 3.18 level (80%: 1.25 - 5.11 level)"
    Cycle q1 = Cycle.of("Q1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
    KeyResult onb = kr("KR-ONB", 1, 3, List.of(0.0, 1.0, 2.0, 3.0, 4.0),
        List.of(checkIn("2027-01-12", 1, null), checkIn("2027-02-09", 2, 0.7)));
    assertWithinLevels(Forecaster.withDefaults().forecast(onb, q1, day("2027-02-20")), 0, 4);

    // kitepay's KR-6: levels 1 to 5, from 2 to 4; it read "lands 4.19 (80%: 2.25 - 6.14)"
    Cycle q2 = Cycle.of("Q2", LocalDate.of(2027, 4, 1), LocalDate.of(2027, 6, 30));
    KeyResult six = kr("KR-6", 2, 4, List.of(1.0, 2.0, 3.0, 4.0, 5.0),
        List.of(checkIn("2027-04-12", 2, null), checkIn("2027-05-10", 3, 0.7)));
    Forecast f = Forecaster.withDefaults().forecast(six, q2, day("2027-05-25"));
    assertWithinLevels(f, 1, 5);
    assertThat(f.landingProgress()).isEqualTo(six.metric().progress(f.landingValue()));
  }

  @Test
  void aLevelBelowTheFirstIsHeldAtTheFirst() {
    // a decrease from level 3 to 1 that moves fast: the interval's far end would run below level 0
    Cycle q1 = Cycle.of("Q1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
    KeyResult down = new KeyResult("KR-D", null, null, "t", 1, List.of(),
        new Metric(3.0, 1, Direction.DECREASE, null, null, null, List.of(0.0, 1.0, 2.0, 3.0)), null,
        List.of(checkIn("2027-01-10", 3, null), checkIn("2027-01-24", 2, 0.8), checkIn("2027-02-07", 1, 0.9)), null);
    Forecast f = Forecaster.withDefaults().forecast(down, q1, day("2027-02-10"));
    if (f.interval() != null) {
      assertThat(f.interval().low()).isBetween(0.0, 3.0);
      assertThat(f.interval().high()).isBetween(0.0, 3.0);
    }
    assertThat(f.landingValue()).isBetween(0.0, 3.0);
  }

  /**
   * Where the target is a level, the landing and the interval's ends are levels (the level reached: no "lands 3.18
   * level"), and the landing meets the target exactly where the probability is at least one half. 400 seeded key
   * results of levels 0 to 4 (increase from 1 to 3, and decrease from 3 to 1), check-ins at levels every one to four
   * weeks, forecast at a random day of the quarter.
   */
  @Test
  void whereTheTargetIsALevelTheFiguresAreLevelsReached() {
    figuresAreLevelsReached(41, true);
  }

  /**
   * A few-level key result inferred, not declared (Ordinal.of: min and max declared, whole numbers, at most four
   * steps): its figures are the whole number reached too. A manager's platform quarter's "Incident-response
   * readiness from stage 0 to stage 3" given min 0 and max 3 read "lands 79%" (2.38 stages). 400 seeded key results
   * as above on a scale of 0 to 4 declared by its bounds alone.
   */
  @Test
  void anInferredScaleOfWholeNumbersLandsOnAWholeNumber() {
    figuresAreLevelsReached(43, false);
  }

  /**
   * The check of the two tests above, on 400 key results seeded by {@code seed}: levels 0 to 4 {@code declared} in
   * the metric, or inferred from its bounds 0 and 4 alone (then {@link Ordinal#of} says so).
   */
  private static void figuresAreLevelsReached(long seed, boolean declared) {
    Cycle q = Cycle.of("Q1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
    List<Double> levels = List.of(0.0, 1.0, 2.0, 3.0, 4.0);
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
    int checked = 0;
    for (int i = 0; i < 400; i++) {
      boolean up = rnd.nextBoolean();
      double baseline = up ? 1 : 3;
      double target = up ? 3 : 1;
      List<CheckIn> checkIns = new java.util.ArrayList<>();
      LocalDate d = q.start().plusDays(rnd.nextInt(3, 10));
      double level = baseline;
      LocalDate asOf = q.start().plusDays(rnd.nextInt(20, 88));
      while (d.isBefore(asOf)) {
        // mostly unmoved, sometimes a step toward the target, rarely one back
        int step = rnd.nextInt(10);
        level = Math.max(0, Math.min(4, level + (step < 3 ? (up ? 1 : -1) : step == 9 ? (up ? -1 : 1) : 0)));
        checkIns.add(checkIn(d.toString(), level, null));
        d = d.plusDays(7L * rnd.nextInt(1, 5));
      }
      Direction direction = up ? Direction.INCREASE : Direction.DECREASE;
      Metric metric = declared ? new Metric(baseline, target, direction, "level", null, null, levels)
          : new Metric(baseline, target, direction, "stages", 0.0, 4.0, null);
      KeyResult kr = new KeyResult("KR-" + i, null, null, "t", 1, List.of(), metric, null, checkIns, null);
      if (!declared) {
        assertThat(ordinal(kr)).isTrue();
      }
      Forecast f = Forecaster.withDefaults().forecast(kr, q, day(asOf.toString()));
      if (checkIns.isEmpty() || f.status() == org.okrengine.model.Status.ACHIEVED) {
        continue;
      }
      checked++;
      String at = kr.id() + " " + checkIns.size() + " check-ins, P " + f.probabilityOfTarget();
      assertThat(levels).as(at).contains(f.landingValue());
      boolean meets = up ? f.landingValue() >= target : f.landingValue() <= target;
      assertThat(meets).as(at + ", landing " + f.landingValue()).isEqualTo(f.probabilityOfTarget() >= 0.5);
      if (f.interval() != null) {
        assertThat(levels).as(at).contains(f.interval().low(), f.interval().high());
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  /** Whether {@code kr} is few-level by its metric and every one of its check-ins ({@link Ordinal#of}). */
  static boolean ordinal(KeyResult kr) {
    double[] values = kr.checkIns().stream().mapToDouble(CheckIn::value).toArray();
    return Ordinal.of(kr.metric(), values, values.length);
  }

  /** Bounds alone that are not a scale of at most five whole numbers keep the figure as it is (a count to 40). */
  @Test
  void aCountWithWiderBoundsIsNotRounded() {
    Cycle q1 = Cycle.of("Q1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31));
    KeyResult count = new KeyResult("KR-C", null, null, "t", 1, List.of(),
        new Metric(0.0, 40, Direction.INCREASE, "datasets", 0.0, 100.0, null), null,
        List.of(checkIn("2027-01-10", 3, null), checkIn("2027-01-24", 9, null), checkIn("2027-02-07", 14, null)),
        null);
    Forecast f = Forecaster.withDefaults().forecast(count, q1, day("2027-02-10"));
    assertThat(ordinal(count)).isFalse();
    assertThat(f.landingValue()).isNotEqualTo(Math.rint(f.landingValue()));
  }
  /**
   * Whether a key result is few-level by its bounds is decided on the check-ins seen at the forecast instant: a later
   * check-in that is not a whole number changed a forecast made before it (a reviewer's pair of quarters alike to 20
   * Nov, one with a check-in of 2.5 on 10 Dec: interval from 2.0 in one, 2.339 in the other, as of 20 Nov). The
   * forecast, the replay of that day and a model fitted on such cycles at that origin see the same.
   */
  @Test
  void aLaterCheckInDoesNotChangeAForecastMadeBeforeIt() {
    Cycle q4 = Cycle.of("Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
    List<CheckIn> before = List.of(checkIn("2026-10-10", 1, null), checkIn("2026-11-01", 2, null),
        checkIn("2026-11-15", 2, null));
    List<CheckIn> after = new java.util.ArrayList<>(before);
    after.add(checkIn("2026-12-10", 2.5, null));
    Metric stages = new Metric(1.0, 3, Direction.INCREASE, "stages", 0.0, 4.0, null);
    KeyResult whole = new KeyResult("KR-1", null, null, "t", 1, List.of(), stages, null, before, null);
    KeyResult later = new KeyResult("KR-1", null, null, "t", 1, List.of(), stages, null, after, null);
    Instant nov20 = day("2026-11-20");
    Forecaster forecaster = Forecaster.withDefaults();
    Forecast a = forecaster.forecast(whole, q4, nov20);
    Forecast b = forecaster.forecast(later, q4, nov20);
    assertThat(b.landingValue()).isEqualTo(a.landingValue());
    assertThat(b.interval()).isEqualTo(a.interval());
    assertThat(b.probabilityOfTarget()).isEqualTo(a.probabilityOfTarget());
    // the day's figures are levels (the three check-ins seen are whole)
    assertThat(List.of(0.0, 1.0, 2.0, 3.0, 4.0)).contains(b.landingValue(), b.interval().low(), b.interval().high());
    // the replay of that day, beside a day after the 2.5
    List<Forecaster.Replayed> ra = forecaster.replay(whole, q4, List.of(nov20), List.of());
    List<Forecaster.Replayed> rb = forecaster.replay(later, q4, List.of(nov20, day("2026-12-12")), List.of());
    assertThat(rb.get(0)).isEqualTo(ra.get(0));
    assertThat(rb.get(0).probabilityOfTarget()).isEqualTo(a.probabilityOfTarget());
  }
}
