package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;

/**
 * A key result whose values never went back over three or more check-ins lands, and has its interval, at or beyond
 * where it stands (Kernel.hold), whatever the method; one that went back keeps the trajectory's interval. The check-ins are the
 * bundled example's (examples/acme-2026-q3.json, KR-26, KR-20 and KR-24), in a UTC quarter.
 */
class HeldGroundTest {
  private static final Cycle Q3 = Cycle.of("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

  private static Instant day(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static KeyResult kr(String id, Metric metric, String... checkIns) {
    List<CheckIn> list = new ArrayList<>();
    for (String c : checkIns) {
      String[] p = c.split("=");
      list.add(new CheckIn(day(p[0]), Double.parseDouble(p[1]), null, null, List.of(), null));
    }
    return new KeyResult(id, null, null, "t", 1, List.of(), metric, null, list, null);
  }

  private static Metric metric(double baseline, double target, Direction d, String unit, Double max) {
    return new Metric(baseline, target, d, unit, 0.0, max, null);
  }

  @Test
  void articlesThatNeverFellAreNotForecastBelowWhereTheyStand() {
    // "Rewrite 120 help-centre articles": 36 since 31 Jul; on 20 Sep its interval ran from 33.4 articles
    KeyResult articles = kr("KR-26", metric(0, 120, Direction.INCREASE, "articles", null), "2026-07-04=5",
        "2026-07-12=14", "2026-07-15=17", "2026-07-20=24", "2026-07-23=27", "2026-07-31=36", "2026-08-06=36",
        "2026-08-11=36", "2026-08-17=36", "2026-08-19=36", "2026-08-28=36", "2026-08-30=36", "2026-09-04=36",
        "2026-09-11=36", "2026-09-17=36", "2026-09-19=36");
    Forecast f = Forecaster.withDefaults().forecast(articles, Q3, day("2026-09-20"));
    assertThat(f.interval()).isNotNull();
    assertThat(f.interval().low()).isCloseTo(36.0, within(1e-9)).isLessThanOrEqualTo(36.0);
    assertThat(f.landingValue()).isGreaterThanOrEqualTo(36.0);
    assertThat(f.interval().high()).isGreaterThan(36.0);
  }

  @Test
  void aCustomerSignedIsNotForecastAsAFraction() {
    // "Sign 3 lighthouse customers": 1 on 18 Aug; on 19 Aug its interval ran from 0.22 customers
    KeyResult customers = kr("KR-20", metric(0, 3, Direction.INCREASE, "customers", null), "2026-07-07=0",
        "2026-07-21=0", "2026-08-06=0", "2026-08-12=0", "2026-08-18=1");
    Forecast f = Forecaster.withDefaults().forecast(customers, Q3, day("2026-08-19"));
    assertThat(f.interval().low()).isCloseTo(1.0, within(1e-9));
    assertThat(f.landingValue()).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void oneThatWentBackKeepsItsInterval() {
    // "CSAT from 82% to 90%": its first check-in, 81.82, was below its baseline; a rate can fall
    KeyResult csat = kr("KR-24", metric(82, 90, Direction.INCREASE, "%", 100.0), "2026-07-04=81.82",
        "2026-07-11=82.33", "2026-07-23=83.18", "2026-08-08=83.28", "2026-08-14=83.18", "2026-08-22=83.13",
        "2026-09-06=83.08", "2026-09-18=83.05");
    Forecast f = Forecaster.withDefaults().forecast(csat, Q3, day("2026-09-20"));
    assertThat(f.interval().low()).isLessThan(83.05);
  }

  @Test
  void aDecreaseThatNeverRoseIsNotForecastAboveWhereItStands() {
    // a p95 latency from 1,800 to 900 ms, falling at every check-in
    KeyResult latency = kr("KR-8", metric(1800, 900, Direction.DECREASE, "ms", null), "2026-07-08=1834",
        "2026-07-15=1790", "2026-07-29=1700", "2026-08-12=1690", "2026-08-19=1640");
    Forecast f = Forecaster.withDefaults().forecast(latency, Q3, day("2026-08-20"));
    // its first check-in, 1,834, is above the baseline: it went back, so the interval is the trajectory's
    assertThat(f.interval().high()).isGreaterThan(1640.0);
    KeyResult steady = kr("KR-8", metric(1800, 900, Direction.DECREASE, "ms", null), "2026-07-08=1800",
        "2026-07-15=1790", "2026-07-29=1700", "2026-08-12=1690", "2026-08-19=1640");
    Forecast g = Forecaster.withDefaults().forecast(steady, Q3, day("2026-08-20"));
    assertThat(g.interval().high()).isCloseTo(1640.0, within(1e-9));
    assertThat(g.landingValue()).isLessThanOrEqualTo(1640.0);
  }

  @Test
  void twoCheckInsAreNotEnough() {
    // 12 to 14 datasets in one check-in, then 14: too little to say it never goes back
    KeyResult datasets = kr("KR-12", metric(12, 40, Direction.INCREASE, "datasets", null), "2026-07-08=14",
        "2026-07-20=14");
    Forecast f = Forecaster.withDefaults().forecast(datasets, Q3, day("2026-07-21"));
    assertThat(f.interval().low()).isLessThan(14.0);
  }
}
