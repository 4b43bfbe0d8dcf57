package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;

/**
 * Silence alone does not keep raising a key result's chance: the stage weighs the trajectory's chance (as of the latest
 * check-in) by a time held at one usual gap after that check-in (Stack.time). "Runbooks written from 0 to 25", checked
 * in at 0 on 10 Jan, 31 Jan and 21 Feb of a quarter to 31 Mar (a manager's read of a company-like quarter), went
 * from 12% on 21 Feb to 22% on 10 Mar, 35% on 28 Mar and 38% on 31 Mar with no check-in.
 */
class SilenceTest {
  private static final Cycle Q1 = Cycle.of("2028-Q1", LocalDate.of(2028, 1, 1), LocalDate.of(2028, 3, 31));

  private static Instant day(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Test
  void anUnmovedKeyResultsChanceStopsMovingAGapAfterItsLatestCheckIn() {
    KeyResult runbooks = new KeyResult("KR-10", "Runbooks written from 0 to 25", null, "t", 1, List.of(),
        Metric.of(0, 25, "runbooks"), null, List.of(CheckIn.of(day("2028-01-10"), 0), CheckIn.of(day("2028-01-31"), 0),
            CheckIn.of(day("2028-02-21"), 0)), null);
    Forecaster f = Forecaster.withDefaults();
    // the mean gap of its three increments (from the start): 51 days / 3 = 17 days; so from 9 Mar on, the same chance
    double at9Mar = f.forecast(runbooks, Q1, day("2028-03-09")).probabilityOfTarget();
    for (String d : List.of("2028-03-10", "2028-03-20", "2028-03-28", "2028-03-31")) {
      assertThat(f.forecast(runbooks, Q1, day(d)).probabilityOfTarget()).as(d).isCloseTo(at9Mar, within(1e-12));
    }
    assertThat(at9Mar).isLessThan(0.25);
    // within a gap of the latest check-in the time moves as it did for the forecasts the weights were fitted on
    assertThat(f.forecast(runbooks, Q1, day("2028-02-22")).probabilityOfTarget()).isLessThan(at9Mar);
  }
}
