package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.Team;

/**
 * A key result that met its target before the end: its probability is the model's chance that the met target holds
 * to the end, and every output says so ("achieved" beside "a 98% chance of reaching its target" read as a
 * contradiction).
 */
class MetTargetWordingTest {
  static final OkrCycle CYCLE = OkrCycle.of(ExecutionEngineTest.Q, List.of(Team.of("growth")),
      List.of(new Objective("O-1", "Grow", "growth", null, null, null, List.of(
          ExecutionEngineTest.kr("KR-1", Metric.of(0, 100, "signups"), new int[] {7, 21, 35},
              new double[] {30, 60, 100}),
          ExecutionEngineTest.kr("KR-2", Metric.of(0, 100, "signups"), new int[] {7, 21, 35},
              new double[] {10, 20, 30})))));

  private static CycleReport report() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(CYCLE, ExecutionEngineTest.day(40));
    KeyResultReport met = r.keyResults().get(0);
    assertThat(met.status()).isEqualTo(Status.ACHIEVED);
    assertThat(met.forecast().probabilityOfTarget()).isBetween(0.5, 0.9999); // the chance it holds, not 1
    return r;
  }

  @Test
  void explain_saysTheChanceThatTheMetTargetHolds() {
    CycleReport r = report();
    assertThat(Explanation.of(CYCLE, r, "KR-1").steps().get(0).sentence())
        .startsWith("KR-1 (title KR-1) is achieved: ")
        .endsWith(", " + Insights.aPct(r.keyResults().get(0).forecast().probabilityOfTarget())
            + " chance it holds to the end.")
        .doesNotContain("reaching its target");
    // one not met yet keeps its wording
    assertThat(Explanation.of(CYCLE, r, "KR-2").steps().get(0).sentence()).contains("chance of reaching its target");
  }

  @Test
  void html_saysTheChanceThatTheMetTargetHolds() {
    CycleReport r = report();
    String p = Insights.pct(r.keyResults().get(0).forecast().probabilityOfTarget());
    String page = HtmlReportWriter.write(CYCLE, r);
    // the burn-up's caption and the table's cell
    assertThat(page).contains(" · met; " + Insights.aPct(r.keyResults().get(0).forecast().probabilityOfTarget())
        + " chance it holds to the end</figcaption>");
    assertThat(page).contains(">holds " + p + "</td>");
    assertThat(page).doesNotContain(" · P(target) " + p + "</figcaption>");
  }
}
