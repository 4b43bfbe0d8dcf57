package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.ReportJson;

/**
 * A maintain key result's chance is the chance of its metric's own test (Metric.isMet): the threshold itself keeps
 * it. The manager's read (/tmp/read/r4/ord-q2.json, "Maturity at or above level 2", levels 0 to 4, analysed on 2 May
 * 2028 after one dip to level 1) read "KR-2 has a 5% chance of ending the cycle above level 2" beside `okr explain`'s
 * "at or above", off track; a level below after one dip at a third of the quarter is about a one-in-three case
 * (MaintainLevelsTest), at risk. The mirror image, "at most level 1", says "at or below".
 */
class MaintainChanceWordingTest {
  static String doc(String direction, double target, double first, double second) {
    return """
        {"format": "okr-cycle/1", "cycle": {"id": "2028-Q2", "start": "2028-04-01", "end": "2028-06-30", "zone": "UTC"},
         "teams": [{"id": "t", "name": "Team"}],
         "objectives": [{"id": "O-1", "title": "Ordinals", "team": "t", "owner": "ola", "keyResults": [
           {"id": "KR-2", "title": "Maturity kept", "owner": "ola",
            "metric": {"target": %s, "direction": "%s", "unit": "level", "levels": [0, 1, 2, 3, 4]},
            "checkIns": [{"at": "2028-04-10", "value": %s, "confidence": 0.7},
                         {"at": "2028-05-01", "value": %s, "confidence": 0.5},
                         {"at": "2028-05-20", "value": %s, "confidence": 0.8}]}]}]}
        """.formatted(target, direction, first, second, first);
  }

  private static OkrCycle cycle(String direction, double target, double first, double second) {
    return CycleJson.withDefaults().read(doc(direction, target, first, second)).cycle();
  }

  private static Instant may2(OkrCycle cycle) {
    return cycle.cycle().instantOf(LocalDate.parse("2028-05-02"));
  }

  @Test
  void maintainAbove_saysAtOrAbove_everywhere() {
    OkrCycle cycle = cycle("maintain-above", 2, 2, 1);
    CycleReport report = ExecutionEngine.withDefaults().analyze(cycle, may2(cycle));
    KeyResultReport kr = report.keyResults().get(0);
    assertThat(kr.insight()).isEqualTo("KR-2 (Maturity kept) has a 33% chance of ending the cycle at or above level 2; "
        + "it is at level 1 now, 1 level below the threshold of level 2.");
    assertThat(kr.status()).isEqualTo(Status.AT_RISK);
    assertThat(ReportJson.withDefaults().write(report)).contains("chance of ending the cycle at or above level 2")
        .doesNotContain("chance of ending the cycle above");
    assertThat(HtmlReportWriter.write(cycle, report)).contains("chance of ending the cycle at or above level 2")
        .doesNotContain("chance of ending the cycle above");
    assertThat(Prompt.of(report)).contains("chance of ending the cycle at or above level 2")
        .doesNotContain("chance of ending the cycle above");
    assertThat(Explanation.of(cycle, report, "KR-2").steps().get(0).sentence())
        .contains("a 33% chance of ending the cycle at or above level 2");
  }

  @Test
  void maintainBelow_saysAtOrBelow() {
    OkrCycle cycle = cycle("maintain-below", 2, 2, 3);
    CycleReport report = ExecutionEngine.withDefaults().analyze(cycle, may2(cycle));
    assertThat(report.keyResults().get(0).insight()).isEqualTo("KR-2 (Maturity kept) has a 33% chance of ending the "
        + "cycle at or below level 2; it is at level 3 now, 1 level above the threshold of level 2.");
  }
}
