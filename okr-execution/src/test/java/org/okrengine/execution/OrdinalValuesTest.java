package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * The values of an ordinal key result (one that declares its levels) read as levels in the sentences ("has stood at
 * level 2 since 12 Feb", "a 33% chance of reaching level 3"), not as counts ("has stood at 2 levels", "3 levels at its
 * last check-in").
 */
class OrdinalValuesTest {
  static final Cycle Q1 = OnTrackBelowHalfTest.Q1;
  static final Metric READINESS = new Metric(1.0, 3, Direction.INCREASE, "level", null, null,
      List.of(0.0, 1.0, 2.0, 3.0));

  /** Enterprise readiness level from 1 to 3: level 1 on 15 Jan, 2 on 12 Feb, still 2 on 12 Mar. */
  static OkrCycle readiness() {
    KeyResult kr = new KeyResult("KR-3", "Enterprise readiness level from 1 to 3", "mia", "t", 1.0, List.of(),
        READINESS, Plan.LINEAR, List.of(
            new CheckIn(Q1.instantOf(LocalDate.of(2027, 1, 15)), 1, 0.8, null, List.of(), null),
            new CheckIn(Q1.instantOf(LocalDate.of(2027, 2, 12)), 2, 0.7, "SSO shipped", List.of(), null),
            new CheckIn(Q1.instantOf(LocalDate.of(2027, 3, 12)), 2, 0.5, "audit log slipping", List.of(), null)),
        null);
    return OkrCycle.of(Q1, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(kr))));
  }

  static KeyResultReport on(LocalDate day) {
    return ExecutionEngine.withDefaults().analyze(readiness(), Q1.instantOf(day)).keyResults().get(0);
  }

  @Test
  void whileTheCycleRuns_valuesReadAsLevels() {
    KeyResultReport r = on(LocalDate.of(2027, 3, 20));
    assertThat(r.insight()).startsWith("KR-3 (Enterprise readiness level from 1 to 3) has stood at level 2 since 12 Feb"
        + " and is forecast to land at ").contains("chance of reaching level 3)").doesNotContain(" levels");
    assertThat(r.causes()).anySatisfy(c -> assertThat(c.sentence()).isEqualTo("The pace fell: KR-3 (Enterprise"
        + " readiness level from 1 to 3) went from level 1 at the start to level 2 by 12 Feb, has not gained since."));
  }

  @Test
  void afterTheEnd_whereItEndedReadsAsALevel() {
    KeyResultReport r = on(LocalDate.of(2027, 4, 5));
    assertThat(r.insight()).isEqualTo("KR-3 (Enterprise readiness level from 1 to 3) ended the cycle short of its"
        + " target: level 2 at its last check-in, 50% of the way to level 3.");
  }

  @Test
  void reading_levelsOnlyForOrdinalMetrics_andADifferenceStaysACount() {
    assertThat(Numbers.reading(3, READINESS)).isEqualTo("level 3");
    assertThat(Numbers.reading(2, new Metric(0.0, 3, Direction.INCREASE, "zones", null, null,
        List.of(0.0, 1.0, 2.0, 3.0)))).isEqualTo("zone 2");
    assertThat(Numbers.reading(2, new Metric(0.0, 3, Direction.INCREASE, null, null, null,
        List.of(0.0, 1.0, 2.0, 3.0)))).isEqualTo("level 2");
    assertThat(Numbers.reading(3, new Metric(1.0, 3, Direction.INCREASE, "level"))).isEqualTo("3 levels");
    // a unit that counts something other than levels reads as a count (it read "star 4", "person 3")
    assertThat(Numbers.reading(4, new Metric(1.0, 5, Direction.INCREASE, "stars", null, null,
        List.of(1.0, 2.0, 3.0, 4.0, 5.0)))).isEqualTo("4 stars");
    assertThat(Numbers.reading(3, new Metric(0.0, 4, Direction.INCREASE, "people", null, null,
        List.of(0.0, 1.0, 2.0, 3.0, 4.0)))).isEqualTo("3 people");
    assertThat(Numbers.reading(2, new Metric(0.0, 3, Direction.INCREASE, "stages", null, null,
        List.of(0.0, 1.0, 2.0, 3.0)))).isEqualTo("stage 2");
    Metric kept = new Metric(null, 3, Direction.MAINTAIN_ABOVE, "level", null, null, List.of(0.0, 1.0, 2.0, 3.0));
    assertThat(Insights.side(kept, 2)).isEqualTo("1 level below the threshold of level 3");
  }
}
