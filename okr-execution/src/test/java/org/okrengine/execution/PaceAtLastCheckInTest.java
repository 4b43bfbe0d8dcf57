package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;

/**
 * A key result silent for more than two weeks ({@link Insights#SILENT_DAYS}) states its pace as of its latest check-in,
 * which its landing and chance are forecast from: the forecast's pace needed is counted from the day analysed as if
 * the value had stood still since, and rose every day with no news ("moving at 10% of the weekly pace it needs and is
 * forecast to land at 98%" 36 days after a check-in at 96% of it). The JSON's velocityRatio is unchanged.
 */
class PaceAtLastCheckInTest {
  /** A manager's quarter: 2028-01-01 to 03-31 (91 days, to 1 Apr 00:00), a check-in agreed every 21 days. */
  static final Cycle Q1 = new Cycle("2028-Q1", "Q1 2028", LocalDate.of(2028, 1, 1), LocalDate.of(2028, 3, 31),
      ZoneId.of("UTC"), 21.0);

  static CheckIn at(int month, int day, double value) {
    return new CheckIn(Q1.instantOf(LocalDate.of(2028, month, day)), value, 0.6, null, List.of(), null);
  }

  static OkrCycle backlog(CheckIn... checkIns) {
    KeyResult kr = new KeyResult("KR-8", "Tickets backlog from 300 to 100", "max", "ops", 1.0, List.of(),
        new Metric(300.0, 100, Direction.DECREASE, "tickets", 0.0, null, null), Plan.LINEAR, List.of(checkIns),
        null);
    return OkrCycle.of(Q1, List.of(Team.of("ops")),
        List.of(new Objective("O-3", null, "ops", null, null, null, List.of(kr))));
  }

  /** KR-8 of the lumen read: 280 on 10 Jan, 240 on 31 Jan, 190 on 21 Feb (55% of the way), then nothing. */
  static final OkrCycle LUMEN = backlog(at(1, 10, 280), at(1, 31, 240), at(2, 21, 190));

  static KeyResultReport on(OkrCycle c, int month, int day) {
    return ExecutionEngine.withDefaults().analyze(c, Q1.instantOf(LocalDate.of(2028, month, day))).keyResults()
        .get(0);
  }

  @Test
  void silentFor36Days_statesThePaceAtItsLastCheckIn() {
    KeyResultReport r = on(LUMEN, 3, 28);
    // the pace so far: 300 to 190 from 1 Jan to 21 Feb, 110 tickets in 51 days, 15.098 a week; needed then: 190 to
    // 100 in the 40 days from 21 Feb to 1 Apr, 15.75 a week; 15.098 / 15.75 = 0.9586
    assertThat(r.forecast().actualVelocityPerWeek()).isCloseTo(-110 / (51 / 7.0), within(1e-9));
    assertThat(r.insight()).isEqualTo("KR-8 (Tickets backlog from 300 to 100) was moving at 96% of the weekly pace it"
        + " needed when it last checked in, on 21 Feb (36 days ago), and is forecast to land at 98%, not 100% (a 46%"
        + " chance of reaching 100 tickets), not low enough to be at risk (below 37%).");
    // the JSON contract is as it was: the pace needed from 28 Mar, 90 tickets in 4 days (157.5 a week), 9.6% of it
    assertThat(r.forecast().requiredVelocityPerWeek()).isCloseTo(-90 / (4 / 7.0), within(1e-9));
    assertThat(r.forecast().velocityRatio()).isCloseTo((110 / 51.0) / (90 / 4.0), within(1e-9));
  }

  @Test
  void silentDays_sayTheSamePaceAsTheDayOfTheCheckIn() {
    // on 21 Feb, the day of the check-in, the forecast's ratio is the one the silent days state
    double then = on(LUMEN, 2, 21).forecast().velocityRatio();
    assertThat(then).isCloseTo((110 / 51.0) / (90 / 40.0), within(1e-9));
    for (int day = 7; day <= 28; day++) {
      KeyResultReport r = on(LUMEN, 3, day);
      assertThat(r.insight()).as("7 Mar .. 28 Mar: %d", day).contains(" was moving at " + Numbers.percent(then)
          + " of the weekly pace it needed when it last checked in, on 21 Feb (" + (day + 8) + " days ago), and is"
          + " forecast to land at 98%, not 100% (");
    }
  }

  @Test
  void silentFor14DaysOrLess_readsAsBefore() {
    // 6 Mar, 14 days after the check-in: the pace needed from the day analysed, byte for byte as before
    assertThat(on(LUMEN, 3, 6).insight()).isEqualTo("KR-8 (Tickets backlog from 300 to 100) is moving at 62% of the"
        + " weekly pace it needs and is forecast to land at 98%, not 100% (a 46% chance of reaching 100 tickets), not"
        + " low enough to be at risk (below 37%).");
  }

  @Test
  void aPaceThatWasEnoughThen_namesTheCompletion() {
    // 300 to 250 by 22 Jan: 50 in 21 days (16.67 a week) against 150 in the 70 days left then (15 a week), 111%;
    // on 7 Feb, 16 days later, the forecast's ratio is 86% (150 in the 54 days left) and read "moving at 86%"
    OkrCycle c = backlog(at(1, 5, 299), at(1, 22, 250));
    KeyResultReport r = on(c, 2, 7);
    assertThat(r.forecast().velocityRatio()).isCloseTo((50 / 21.0) / (150 / 54.0), within(1e-9));
    assertThat(r.insight()).isEqualTo("KR-8 (Tickets backlog from 300 to 100) was moving at 111% of the weekly pace"
        + " it needed when it last checked in, on 22 Jan (16 days ago), and is forecast to land at 104% (a 56% chance"
        + " of reaching 100 tickets), reaching it around 28 Mar.");
  }
}
