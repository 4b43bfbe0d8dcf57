package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.okrengine.model.CycleReport;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.junit.jupiter.api.Test;
import org.okrengine.model.json.CycleJson;

/** Edge cases of the roll-ups and the cascade's "late", found by a review of the mixed roll-ups and the on-track rule. */
class RollupEdgeTest {
  static OkrCycle read(String json) {
    return CycleJson.withDefaults().read(json).cycle();
  }

  static final String CYCLE = "{\"format\":\"okr-cycle/1\",\"cycle\":{\"id\":\"T\",\"name\":\"T\",\"start\":"
      + "\"2026-07-01\",\"end\":\"2026-09-30\",\"zone\":\"UTC\"},\"teams\":[{\"id\":\"a\",\"name\":\"A\"}],";

  /** A linear climb of 4.4 a check-in every 4 days from 4 Jul to 52.6 on 17 Aug, toward 100. */
  static String climbing(String id) {
    StringBuilder sb = new StringBuilder("{\"id\":\"" + id + "\",\"title\":\"" + id + " title\",\"team\":\"a\","
        + "\"metric\":{\"baseline\":0,\"target\":100,\"direction\":\"increase\",\"unit\":\"x\"},\"checkIns\":[");
    double[] v = {4.3, 8.7, 13.1, 17.5, 21.9, 26.3, 30.7, 35.1, 39.5, 43.9, 48.3, 52.6};
    for (int i = 0; i < v.length; i++) {
      LocalDate d = LocalDate.of(2026, 7, 4).plusDays(4L * i);
      sb.append(i == 0 ? "" : ",").append("{\"at\":\"").append(d).append("T09:00:00Z\",\"value\":").append(v[i])
          .append('}');
    }
    return sb.append("]}").toString();
  }

  /**
   * The only key result with a way to go weighs 0 and a maintain one beside it weighs 1: the plan over the counted
   * weights was 0 / 0 (exit 1 from okr analyze, "expectedProgress must be finite: NaN"). Equal weights among the
   * counted then: KR-1 at 4 of 10 (40%) against its linear plan's 49 of the cycle's 92 days as of 19 Aug (53%).
   */
  @Test
  void zeroWeightReachBesideAWeightedMaintain_equalWeightsNotNaN() {
    OkrCycle okr = read(CYCLE + "\"objectives\":[{\"id\":\"O-1\",\"title\":\"zero weight reach\",\"team\":\"a\","
        + "\"keyResults\":[{\"id\":\"KR-1\",\"title\":\"KR-1 title\",\"team\":\"a\",\"weight\":0.0,\"metric\":"
        + "{\"baseline\":0,\"target\":10,\"direction\":\"increase\",\"unit\":\"x\"},\"checkIns\":[{\"at\":"
        + "\"2026-07-05T09:00:00Z\",\"value\":1},{\"at\":\"2026-08-15T09:00:00Z\",\"value\":4}]},{\"id\":\"KR-2\","
        + "\"title\":\"KR-2 title\",\"team\":\"a\",\"weight\":1.0,\"metric\":{\"baseline\":0,\"target\":2,"
        + "\"direction\":\"maintain-below\",\"unit\":\"x\"},\"checkIns\":[{\"at\":\"2026-07-05T09:00:00Z\","
        + "\"value\":0},{\"at\":\"2026-08-15T09:00:00Z\",\"value\":0}]}]}]}");
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, okr.cycle().instantOf(LocalDate.of(2026, 8, 19)));
    ObjectiveSummary o = r.objectives().get(0);
    assertThat(o.progress()).isCloseTo(0.4, within(1e-12));
    assertThat(o.expectedProgress()).isCloseTo(49.0 / 92, within(0.01)); // the plan's share of the cycle's days
    assertThat(o.summary()).contains("the key result measured from a baseline to a target is 40% of the way "
        + "against 53% planned");
  }

  /**
   * An upstream key result needed by 25 Aug, on track for the cycle's end (its probability judges that date) but
   * forecast to finish late in September, is late for the need-by date, and its row says so: at risk, with the reason
   * {@code late-for-need-by} (it read on-track beside the cascade calling it late; UpstreamRule). The slip is its
   * forecast completion's, 25 Aug being ahead: "is forecast to be ... days late". (The rule that an on-track key
   * result is not late holds only where it is needed by the cycle's end.)
   */
  @Test
  void onTrackForTheEndButNeededEarlier_isLate() {
    OkrCycle okr = read(CYCLE + "\"objectives\":[{\"id\":\"O-1\",\"title\":\"dep\",\"team\":\"a\",\"keyResults\":["
        + climbing("KR-U") + "," + climbing("KR-D") + "]}],\"dependencies\":[{\"upstream\":\"KR-U\",\"downstream\":"
        + "\"KR-D\",\"kind\":\"blocks\",\"needBy\":\"2026-08-25\"}]}");
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, okr.cycle().instantOf(LocalDate.of(2026, 8, 20)));
    assertThat(r.keyResults().get(0).status()).isEqualTo(org.okrengine.model.Status.AT_RISK);
    assertThat(r.keyResults().get(0).reasons().get(0).code()).isEqualTo("late-for-need-by");
    assertThat(r.keyResults().get(0).insight()).startsWith("KR-U (KR-U title) is forecast to be ")
        .contains(" days late for KR-D (KR-D title), which needs it by 25 Aug, so KR-U is at risk");
    assertThat(r.cascades()).hasSize(1);
    assertThat(r.cascades().get(0).reason()).startsWith("KR-U (KR-U title), of A, is forecast to be ")
        .contains(" days late; KR-D (KR-D title) of A needs it by 25 Aug");
  }
}
