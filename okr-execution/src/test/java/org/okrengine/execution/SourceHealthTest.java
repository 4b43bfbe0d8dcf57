package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cause;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Team;

/** Broken data connections on hand-made cycles (Q: 1 Jul to 29 Sep 2026, UTC; day d is 1 Jul + d days). */
class SourceHealthTest {
  static Instant day(int d) {
    return ExecutionEngineTest.day(d);
  }

  /** Check-ins from {@code source} every 7 days from day 2 to {@code lastDay}, on plan (a 91-day linear plan). */
  static KeyResult fed(String id, String source, int lastDay) {
    List<CheckIn> c = new ArrayList<>();
    for (int d = 2; d <= lastDay; d += 7) {
      c.add(new CheckIn(day(d), 99.9 + (d % 3) * 0.01, null, null, List.of(), source));
    }
    return new KeyResult(id, null, null, "platform", 1.0, List.of(),
        new Metric(99.95, 99.9, org.okrengine.model.Direction.MAINTAIN_ABOVE, "%"), Plan.LINEAR, c, null);
  }

  static OkrCycle cycle(KeyResult... krs) {
    return OkrCycle.of(ExecutionEngineTest.Q, List.of(Team.of("platform")), List.of(new Objective("O-1", null,
        "platform", null, null, null, List.of(krs))));
  }

  @Test
  void oneKeyResultStops_flaggedOnceSilentMoreThanTwiceItsGap() {
    // datadog feeds KR-1 on days 2, 9, ..., 30 (every 7 days) and then stops; KR-2 keeps going
    OkrCycle c = cycle(fed("KR-1", "datadog", 30), fed("KR-2", "datadog", 90));
    ExecutionEngine e = ExecutionEngine.withDefaults();
    // on day 44 it has been silent 14 days, exactly twice its gap: not yet
    assertThat(e.analyze(c, day(44)).sourceHealth()).isEmpty();
    CycleReport r = e.analyze(c, day(45));
    assertThat(r.sourceHealth()).containsExactly(new SourceHealthSummary("datadog", List.of("KR-1"), false,
        LocalDate.of(2026, 7, 31), 15, 7.0, "KR-1 gets its values from datadog, which sent the last one (99.9%) on "
            + "31 Jul and nothing for 15 days, though it used to send one every 7 days: the data connection looks "
            + "broken, so nobody knows the status of KR-1."));
    // silent 15 days, more than 14: KR-1 is stale, and the broken connection is its first cause
    Cause first = r.keyResults().get(0).causes().get(0);
    assertThat(first.code()).isEqualTo("source-silent");
    assertThat(first.subject()).isEqualTo("datadog");
    assertThat(first.sentence()).isEqualTo("Its data connection (datadog) has sent nothing for 15 days, since 31 Jul.");
    assertThat(r.summary()).contains("The datadog data connection is broken: KR-1 has had no value from it since "
        + "31 Jul.");
  }

  @Test
  void sourceSilentForEveryKeyResult_oneEntry_andSilenceStopsAtTheCycleEnd() {
    OkrCycle c = cycle(fed("KR-1", "hubspot", 30), fed("KR-2", "hubspot", 37));
    // at the latest instant analysed, one cycle length after the cycle (ends 30 Sep 00:00 = day 91): KR-2's last
    // value on day 37 (7 Aug), silent 54 days
    SourceHealthSummary s = ExecutionEngine.withDefaults().analyze(c, ExecutionEngineTest.Q.windowEnd())
        .sourceHealth().get(0);
    assertThat(s.wholeSource()).isTrue();
    assertThat(s.keyResults()).containsExactly("KR-1", "KR-2");
    assertThat(s.lastValueOn()).isEqualTo(LocalDate.of(2026, 8, 7));
    assertThat(s.silentDays()).isEqualTo(54);
    assertThat(s.reason()).isEqualTo("hubspot has sent nothing for any of the 2 key results it feeds (KR-1 and KR-2) "
        + "since 7 Aug (54 days; it used to send one every 7 days): the data connection is broken, so nobody knows "
        + "the status of those key results.");
    SourceHealthSummary only = ExecutionEngine.withDefaults().analyze(cycle(fed("KR-1", "hubspot", 30)), day(60))
        .sourceHealth().get(0);
    assertThat(only.reason()).startsWith("hubspot has sent nothing for the only key result it feeds, KR-1, since");
  }

  @Test
  void valuesByHandAfterTheSourceStops_stillFlagged_saysSo() {
    KeyResult kr = fed("KR-1", "datadog", 30);
    List<CheckIn> c = new ArrayList<>(kr.checkIns());
    c.add(new CheckIn(day(40), 99.91, 0.8, "checked by hand", List.of(), null));
    KeyResult withManual = new KeyResult("KR-1", null, null, "platform", 1.0, List.of(), kr.metric(), Plan.LINEAR,
        c, null);
    SourceHealthSummary s = ExecutionEngine.withDefaults().analyze(cycle(withManual, fed("KR-2", "datadog", 90)),
        day(50)).sourceHealth().get(0);
    assertThat(s.reason()).endsWith("the data connection looks broken (values have been entered by hand since).");
    SourceHealthSummary whole = ExecutionEngine.withDefaults().analyze(cycle(withManual), day(50)).sourceHealth()
        .get(0);
    assertThat(whole.reason()).endsWith("the data connection is broken (values have been entered by hand since for "
        + "KR-1).");
  }

  @Test
  void medianGap() {
    assertThat(SourceHealth.medianGap(ExecutionEngineTest.Q, List.of(day(1)))).isEqualTo(SourceHealth.DEFAULT_GAP_DAYS);
    assertThat(SourceHealth.medianGap(ExecutionEngineTest.Q, List.of(day(1), day(3), day(10)))).isEqualTo(4.5);
    assertThat(SourceHealth.medianGap(ExecutionEngineTest.Q, List.of(day(1), day(3), day(10), day(11)))).isEqualTo(2.0);
  }
}
