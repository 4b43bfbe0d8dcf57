package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/**
 * The page's key-result table, progress cell of a maintain key result: where its latest value is against the
 * threshold, by how much, in the sentences' words. "At most 2 sev-1 incidents" at 0 read "2 incidents below 2
 * incidents" (the distance, then the threshold), as if it stood at 2. A UTC quarter analysed on 15 Feb: KR-I
 * (maintain at or below 2 incidents) and KR-N (maintain at or above 40 NPS), weekly check-ins, the last ones given.
 */
class MaintainCellTest {
  static String doc(double incidents, double nps) {
    return """
        {"format": "okr-cycle/1", "cycle": {"id": "Q1", "start": "2027-01-01", "end": "2027-03-31", "zone": "UTC"},
         "teams": [{"id": "platform"}],
         "objectives": [{"id": "O-1", "title": "Reliable foundations", "team": "platform",
                         "commitment": "committed", "keyResults": [
           {"id": "KR-I", "title": "At most 2 sev-1 incidents", "team": "platform",
            "metric": {"target": 2, "direction": "maintain-below", "unit": "incidents", "min": 0},
            "checkIns": [{"at": "2027-01-11T10:00:00Z", "value": 0}, {"at": "2027-01-25T10:00:00Z", "value": 0},
                         {"at": "2027-02-08T10:00:00Z", "value": %s}]},
           {"id": "KR-N", "title": "Keep NPS above 40", "team": "platform",
            "metric": {"baseline": 42, "target": 40, "direction": "maintain-above", "unit": "NPS"},
            "checkIns": [{"at": "2027-01-11T10:00:00Z", "value": 44}, {"at": "2027-01-25T10:00:00Z", "value": 43},
                         {"at": "2027-02-08T10:00:00Z", "value": %s}]}]}]}
        """.formatted(incidents, nps);
  }

  static String page(double incidents, double nps) {
    OkrCycle cycle = CycleJson.withDefaults().read(doc(incidents, nps)).cycle();
    Instant at = cycle.cycle().instantOf(LocalDate.parse("2027-02-15"));
    CycleReport report = ExecutionEngine.withDefaults().analyze(cycle, at);
    return HtmlReportWriter.write(cycle, report);
  }

  static String cells(String standing, String plan) {
    return "<td class=\"n\">" + standing + "</td><td class=\"n\">" + plan + "</td>";
  }

  @Test
  void maintainBelow_atZero_saysTheDistanceUnderTheThreshold() {
    String html = page(0, 45);
    assertThat(html).contains(cells("2 incidents below the threshold of 2 incidents", "at or below 2 incidents"))
        .doesNotContain("2 incidents below 2 incidents")
        // the cell and the sentence say it in the same words
        .contains("it is at 0 incidents now, 2 incidents below the threshold of 2 incidents.")
        .contains(cells("5 NPS above the threshold of 40 NPS", "at or above 40 NPS"));
  }

  @Test
  void atTheThreshold_andBeyondIt_bothDirections() {
    // exactly at: "at 2 incidents" read as the value, though it said nothing of what 2 was
    assertThat(page(2, 40)).contains(cells("at the threshold of 2 incidents", "at or below 2 incidents"))
        .contains(cells("at the threshold of 40 NPS", "at or above 40 NPS"));
    // beyond: one incident too many; NPS 2 under its floor
    assertThat(page(3, 38)).contains(cells("1 incident above the threshold of 2 incidents", "at or below 2 incidents"))
        .contains(cells("2 NPS below the threshold of 40 NPS", "at or above 40 NPS"))
        .doesNotContain("1 incident above 2 incidents").doesNotContain("2 NPS below 40 NPS");
  }
}
