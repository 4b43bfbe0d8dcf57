package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Status;
import org.okrengine.model.Team;

/**
 * An on-track key result whose chance of target is below one half says why it is on track: "is moving at 21% of the
 * weekly pace it needs and is forecast to land at 82%, not 100% (a 38% chance of reaching 1.5%)" read as a
 * contradiction beside "on-track", the status resting on the chance not being below the at-risk threshold.
 */
class OnTrackBelowHalfTest {
  static final Cycle Q1 = new Cycle("2027-Q1", "Q1 2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31),
      ZoneId.of("Europe/Berlin"), 14.0);

  /** Monthly logo churn from 2.5% to 1.5%, checked in monthly: 2.4% on 31 Jan, 2.0% on 28 Feb. */
  static OkrCycle churn() {
    KeyResult kr = new KeyResult("KR-8", "Monthly logo churn from 2.5% to 1.5%", "amara", "t", 1.0, List.of(),
        Metric.of(2.5, 1.5, "%"), Plan.LINEAR, List.of(
            new CheckIn(Q1.instantOf(LocalDate.of(2027, 1, 31)), 2.4, 0.6, null, List.of(), null),
            new CheckIn(Q1.instantOf(LocalDate.of(2027, 2, 28)), 2.0, 0.6, null, List.of(), null)), null);
    return OkrCycle.of(Q1, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(kr))));
  }

  @Test
  void onTrackWithLessThanHalfAChance_saysItIsNotLowEnoughToBeAtRisk() {
    OkrCycle okr = churn();
    CycleReport report = ExecutionEngine.withDefaults().analyze(okr, Q1.instantOf(LocalDate.of(2027, 3, 20)));
    KeyResultReport r = report.keyResults().get(0);
    assertThat(r.status()).isEqualTo(Status.ON_TRACK);
    assertThat(r.forecast().probabilityOfTarget()).isLessThan(0.5);
    // 20 days after its latest check-in: its pace as of then (PaceAtLastCheckInTest; "is moving at 21% of the weekly
    // pace it needs", from 20 Mar, before)
    assertThat(r.insight()).isEqualTo("KR-8 (Monthly logo churn from 2.5% to 1.5%) was moving at 55% of the weekly pace"
        + " it needed when it last checked in, on 28 Feb (20 days ago), and is forecast to land at 82%, not 100% (a 38%"
        + " chance of reaching 1.5%), not low enough to be at risk (below 37%).");
    // the page prints the sentence of an on-track key result under its chart
    assertThat(HtmlReportWriter.write(okr, report)).contains("(a 38% chance of reaching 1.5%), not low enough to be"
        + " at risk (below 37%).");
  }

  @Test
  void whyOnTrack_onlyBelowOneHalf_andEarlyWhereTheThresholdIsLower() {
    assertThat(Insights.whyOnTrack(0.5, 0.37)).isEmpty();
    assertThat(Insights.whyOnTrack(0.44, 0.37)).isEqualTo(", not low enough to be at risk (below 37%)");
    assertThat(Insights.whyOnTrack(0.25, 0.37)).isEqualTo(", not low enough to be at risk this early in the cycle");
  }
}
