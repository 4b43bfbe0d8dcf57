package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A key result not at its target is never said to reach it "around" the day analysed: a completion is never before
 * the forecast instant, so one the model puts behind it (a fast pace since a check-in two weeks old) read "reaching it
 * around 24 Sep" on 24 Sep.
 */
class CompletionTodayTest {
  static final Cycle Q3 = new Cycle("2027-Q3", "Q3 2027", LocalDate.of(2027, 7, 1), LocalDate.of(2027, 9, 30),
      ZoneId.of("America/New_York"), 21.0);

  /** Open crash bugs from 80 to 10: 80, 78, 30, 12 at three-weekly check-ins, the latest on 10 Sep. */
  static OkrCycle crashBugs() {
    KeyResult kr = new KeyResult("KR-21", "Open crash bugs from 80 to 10", "dana", "t", 1.0, List.of(),
        new Metric(80.0, 10, Direction.DECREASE, "bugs", 0.0, null, null), Plan.LINEAR, List.of(
            new CheckIn(Q3.instantOf(LocalDate.of(2027, 7, 9)), 80, 0.7, null, List.of(), null),
            new CheckIn(Q3.instantOf(LocalDate.of(2027, 7, 30)), 78, 0.6, null, List.of(), null),
            new CheckIn(Q3.instantOf(LocalDate.of(2027, 8, 20)), 30, 0.8, null, List.of(), null),
            new CheckIn(Q3.instantOf(LocalDate.of(2027, 9, 10)), 12, 0.8, null, List.of(), null)), null);
    return OkrCycle.of(Q3, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(kr))));
  }

  static KeyResultReport on(LocalDate day) {
    return ExecutionEngine.withDefaults().analyze(crashBugs(), Q3.instantOf(day)).keyResults().get(0);
  }

  @Test
  void completionOnTheDayAnalysed_isNotNamed() {
    // 24 Sep, 12 bugs two weeks before at a pace well beyond the one needed: the model's completion is behind the
    // day analysed, which it is held to
    LocalDate day = LocalDate.of(2027, 9, 24);
    KeyResultReport r = on(day);
    assertThat(r.forecast().completionDate()).isEqualTo(day);
    assertThat(r.insight()).isEqualTo("KR-21 (Open crash bugs from 80 to 10) is moving at 335% of the weekly pace it"
        + " needs and is forecast to land at 114% (a 64% chance of reaching 10 bugs).");
  }

  @Test
  void completionAfterTheDayAnalysed_isStillNamed() {
    KeyResultReport r = on(LocalDate.of(2027, 8, 25));
    // 25 Aug, 30 bugs five days before: the forecast completion is ahead, and named
    assertThat(r.insight()).endsWith("(a 64% chance of reaching 10 bugs), reaching it around 13 Sep.");
  }
}
