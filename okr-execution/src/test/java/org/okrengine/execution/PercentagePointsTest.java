package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;

/**
 * A difference or a weekly change of a metric in percent is in percentage points ("10% above the threshold of 50%" of
 * a value of 60% read as 55%), and an objective's roll-up names the key results its progress is over by what they
 * are: "the 3 key results with a way to go are together 92% of the way" counted two that had reached their targets.
 * The data are a manager's read of a quarter (Q1 2028: a platform objective of an error budget kept at or below 50%,
 * incidents, services migrated and a reliability zone; an operations SLA kept at or above 95%) and of a churn from
 * 2.5% to 1.5% whose pace fell (Q4 2027).
 */
class PercentagePointsTest {
  static final Cycle Q1 = Cycle.of("2028-Q1", LocalDate.of(2028, 1, 1), LocalDate.of(2028, 3, 31));
  static final Cycle Q4 = Cycle.of("2027-Q4", LocalDate.of(2027, 10, 1), LocalDate.of(2027, 12, 31));

  static KeyResult kr(Cycle c, String id, String title, String team, Metric m, Object... dateValue) {
    List<CheckIn> in = new ArrayList<>();
    for (int i = 0; i < dateValue.length; i += 2) {
      in.add(CheckIn.of(c.instantOf(LocalDate.parse((String) dateValue[i])), ((Number) dateValue[i + 1])
          .doubleValue()));
    }
    return new KeyResult(id, title, null, team, 1.0, List.of(), m, Plan.LINEAR, in, null);
  }

  static OkrCycle q1() {
    Objective platform = new Objective("O-1", "Reliable platform", "plat", null, null, null, List.of(
        kr(Q1, "KR-1", "Error budget burn at or below 50%", "plat",
            new Metric(null, 50, Direction.MAINTAIN_BELOW, "%", 0.0, 100.0, null),
            "2028-01-21", 30, "2028-02-11", 35, "2028-03-03", 60),
        kr(Q1, "KR-2", "Incidents per month from 12 to 4", "plat",
            new Metric(12.0, 4, Direction.DECREASE, "incidents", 0.0, null, null),
            "2028-01-21", 9, "2028-02-11", 3, "2028-03-03", 6),
        kr(Q1, "KR-3", "Services migrated from 0 to 40", "plat",
            new Metric(0.0, 40, Direction.INCREASE, "services", 0.0, null, null),
            "2028-01-14", 8, "2028-02-04", 22, "2028-02-25", 41),
        kr(Q1, "KR-4", "Reliability zone from 1 to 3", "plat",
            new Metric(1.0, 3, Direction.INCREASE, "zone", null, null, List.of(0.0, 1.0, 2.0, 3.0)),
            "2028-01-14", 1, "2028-02-04", 2, "2028-02-25", 3)));
    Objective ops = new Objective("O-3", "Efficient operations", "ops", null, null, null, List.of(
        kr(Q1, "KR-9", "SLA met at or above 95%", "ops",
            new Metric(93.0, 95, Direction.MAINTAIN_ABOVE, "%", 0.0, 100.0, null),
            "2028-01-10", 93, "2028-01-31", 94, "2028-02-21", 94.5)));
    return OkrCycle.of(Q1, List.of(new Team("plat", "Platform", null), new Team("ops", "Operations", null)),
        List.of(platform, ops));
  }

  static KeyResultReport row(CycleReport r, String id) {
    return r.keyResults().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thresholdGapOfAPercentMetric_isInPoints() {
    OkrCycle okr = q1();
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, Q1.instantOf(LocalDate.of(2028, 3, 10)));
    // 60% against at most 50%: 10 points above (it read "10% above the threshold of 50%", as if 55%)
    assertThat(row(r, "KR-1").insight()).endsWith("; it is at 60% now, 10 points above the threshold of 50%.");
    assertThat(row(r, "KR-9").insight()).endsWith("; it is at 94.5% now, 0.5 points below the threshold of 95%.");
    // okr explain and the grounded prompt say where it stands in the same words
    assertThat(Insights.standing(row(r, "KR-1"))).isEqualTo("10 points above the threshold of 50%");
    assertThat(ExecutionEngine.groundedPrompt(okr, r)).contains("10 points above the threshold of 50%")
        .contains("0.5 points below the threshold of 95%").doesNotContain("% above the threshold", "% below the");
    // the page's progress cell too
    assertThat(HtmlReportWriter.write(okr, r)).contains("10 points above the threshold of 50%")
        .doesNotContain("10% above");
  }

  @Test
  void rollUpBesideAThreshold_namesItsKeyResultsByKind_notAsThoseWithAWayToGo() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(q1(), Q1.instantOf(LocalDate.of(2028, 3, 10)));
    // KR-3 (41 of 40) and KR-4 (zone 3 of 3) have reached their targets: they have no way to go, yet the progress
    // of the objective is over them and KR-2: (0.75 + 1 + 1) / 3 = 92%, KR-3 clamped at all of the way
    assertThat(row(r, "KR-3").status().name()).isEqualTo("ACHIEVED");
    assertThat(row(r, "KR-4").status().name()).isEqualTo("ACHIEVED");
    String s = r.objectives().get(0).summary();
    assertThat(s).contains("; the 3 key results measured from a baseline to a target are together 92% of the way "
        + "against ").contains("; 0 of 1 holds its threshold.").doesNotContain("way to go");
  }

  @Test
  void paceOfAPercentMetric_isInPointsAWeek() {
    // churn from 2.5% to 1.5%: 2.4 on 31 Oct, 2.0 on 30 Nov, 1.9 on 28 Dec; it read "moved 0.0583% a week until 30
    // Nov, only 0.025% a week since"
    KeyResult churn = kr(Q4, "KR-11", "Monthly churn from 2.5% to 1.5%", "cs",
        new Metric(2.5, 1.5, Direction.DECREASE, "%", 0.0, 100.0, null),
        "2027-10-31", 2.4, "2027-11-30", 2.0, "2027-12-28", 1.9);
    OkrCycle okr = OkrCycle.of(Q4, List.of(new Team("cs", "Customer Success", null)),
        List.of(new Objective("O-4", "Customers stay", "cs", null, null, null, List.of(churn))));
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, Q4.instantOf(LocalDate.of(2028, 1, 10)));
    String pace = r.keyResults().get(0).causes().stream().filter(c -> c.code().equals("pace-fell")).findFirst()
        .orElseThrow().sentence();
    // 0.5 points over the 60 days to 30 Nov, 0.0583 a week; 0.1 points over the 28 days since, 0.025 a week
    assertThat(pace).isEqualTo("The pace fell: KR-11 (Monthly churn from 2.5% to 1.5%) moved 0.06 points a week "
        + "until 30 Nov, only 0.03 points a week since.");
  }

  @Test
  void difference_percentPointsWithTheValuesDigits_otherUnitsAsValues() {
    Metric burn = new Metric(null, 50, Direction.MAINTAIN_BELOW, "%");
    assertThat(Numbers.difference(10, burn)).isEqualTo("10 points");
    assertThat(Numbers.difference(1, burn)).isEqualTo("1 point");
    assertThat(Numbers.difference(0.5, burn)).isEqualTo("0.5 points");
    assertThat(Numbers.difference(0.0583, burn)).isEqualTo("0.06 points");
    // too small for two decimals: as a number is written, never "0 points"
    assertThat(Numbers.difference(0.004, burn)).isEqualTo("0.004 points");
    // a metric of values below 1% keeps their digits: 0.35% to 0.2%, 0.012 points (three decimals, as 0.35%)
    assertThat(Numbers.difference(0.0123, new Metric(0.35, 0.2, Direction.DECREASE, "%"))).isEqualTo("0.012 points");
    // another unit: the value, as before
    assertThat(Numbers.difference(0.31, Metric.of(30, 40, "NPS"))).isEqualTo("0.31 NPS");
    assertThat(Numbers.difference(1, Metric.of(0, 10, "incidents"))).isEqualTo("1 incident");
    assertThat(Numbers.difference(0.5, Metric.of(0, 10, null))).isEqualTo("0.5");
  }
}
