package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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
 * A forecast completion after the cycle's end is not named as when the key result reaches its target: below a one
 * half chance the median completion is after the end (the first day after it where the trajectory said within), and a
 * key result moving faster than it needs read "forecast to land at 95% (a 43% chance of reaching 100 widgets),
 * reaching it around 5 Apr" for a cycle ending on 31 Mar.
 */
class CompletionAfterEndTest {
  static final Cycle Q1 = OnTrackBelowHalfTest.Q1;

  static KeyResultReport widgets() {
    int[] days = {8, 16, 24, 32, 40, 48, 56};
    double[] values = {15, 35, 43, 31, 24, 51, 68};
    List<CheckIn> checkIns = new ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      checkIns.add(new CheckIn(Q1.instantOf(LocalDate.of(2027, 1, 1).plusDays(days[i] - 1)), values[i], 0.5, null,
          List.of(), null));
    }
    KeyResult kr = new KeyResult("KR-1", "Widgets from 0 to 100", "o", "t", 1.0, List.of(),
        new Metric(0.0, 100, Direction.INCREASE, "widgets", null, null, null), Plan.LINEAR, checkIns, null);
    OkrCycle okr = OkrCycle.of(Q1, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(kr))));
    return ExecutionEngine.withDefaults().analyze(okr, Q1.instantOf(LocalDate.of(2027, 3, 2))).keyResults().get(0);
  }

  @Test
  void completionAfterTheEnd_isNotNamed() {
    KeyResultReport r = widgets();
    assertThat(r.forecast().velocityRatio()).isGreaterThanOrEqualTo(1);
    assertThat(r.forecast().probabilityOfTarget()).isLessThan(0.5);
    assertThat(r.forecast().completionDate()).isAfter(Q1.end());
    assertThat(r.insight()).isEqualTo("KR-1 (Widgets from 0 to 100) is moving at 116% of the weekly pace it needs and"
        + " is forecast to land at 95% (a 43% chance of reaching 100 widgets), not low enough to be at risk (below"
        + " 37%).");
  }
}
