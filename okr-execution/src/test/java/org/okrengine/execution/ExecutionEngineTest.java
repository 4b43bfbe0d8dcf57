package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.ForecastModelInfo;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Status;
import org.okrengine.model.Team;
import org.okrengine.model.json.ReportJson;

class ExecutionEngineTest {
  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));

  static Instant day(int d) {
    return Q.startInstant().plusSeconds(d * 86_400L);
  }

  static KeyResult kr(String id, Metric m, int[] days, double[] values) {
    List<CheckIn> c = new java.util.ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      c.add(CheckIn.of(day(days[i]), values[i]));
    }
    return new KeyResult(id, "title " + id, null, "growth", 1.0, List.of(), m, Plan.LINEAR, c, null);
  }

  static final OkrCycle CYCLE = OkrCycle.of(Q, List.of(Team.of("growth")), List.of(new Objective("O-1", "Grow",
      "growth", null, null, null, List.of(
          kr("KR-1", Metric.of(0, 100, "signups"), new int[] {7, 14, 21, 35, 42}, new double[] {6, 13, 18, 30, 37}),
          kr("KR-2", Metric.of(0, 10, null), new int[] {7, 30}, new double[] {6, 11}),
          kr("KR-3", Metric.of(0, 10, null), new int[0], new double[0]),
          kr("KR-4", Metric.of(0, 10, null), new int[] {3}, new double[] {1}),
          kr("KR-5", new Metric(null, 99.0, Direction.MAINTAIN_ABOVE, "%"), new int[] {7, 14, 21, 28, 35, 42},
              new double[] {99.6, 99.5, 99.7, 99.6, 99.5, 99.6})))));

  @Test
  void analyze_reportNamesTheForecastersModel() {
    CycleReport byDefault = ExecutionEngine.withDefaults().analyze(CYCLE, day(45));
    assertThat(byDefault.model()).isEqualTo(new ForecastModelInfo("okr-default-2", "movement-aware",
        ForecastModel.defaults().describe()));
    ForecastModel mine = ForecastModel.defaults().withName("acme-2026");
    CycleReport withMine = ExecutionEngine.withDefaults()
        .withForecaster(Forecaster.withDefaults().withModel(mine).withMethod(ForecastMethod.PLAN_PRIOR_BAYES))
        .analyze(CYCLE, day(45));
    assertThat(withMine.model()).isEqualTo(new ForecastModelInfo("acme-2026", "plan-prior-bayes",
        mine.describe()));
    assertThat(ReportJson.withDefaults().write(withMine)).contains("\"model\": {").contains("\"name\": \"acme-2026\"")
        .contains("\"method\": \"plan-prior-bayes\"");
  }

  @Test
  void analyze_afterTheEnd_silentAndWithoutDataSaidInThePast() {
    // day 100 is after the end (29 Sep, day 90): KR-3 never checked in, KR-4 last on day 3, KR-5 last on day 42
    CycleReport r = ExecutionEngine.withDefaults().analyze(CYCLE, day(100));
    KeyResultReport kr3 = r.keyResults().get(2);
    KeyResultReport kr4 = r.keyResults().get(3);
    assertThat(kr3.status()).isEqualTo(Status.NO_DATA);
    // was "has no check-in yet, so nothing is known about it beyond its plan"
    assertThat(kr3.insight()).isEqualTo("KR-3 (title KR-3) had no check-in when the cycle ended on 29 Sep, so "
        + "nothing is known of where it ended.");
    // was "ended at 100%, not met": its forecast is its model's base rate, no outcome
    assertThat(Insights.ended(kr3)).isEqualTo("no check-in, not known to have been met");
    assertThat(Explanation.of(CYCLE, r, "KR-3").steps().get(0).sentence()).isEqualTo("KR-3 (title KR-3) is without "
        + "data; the cycle is over: no check-in, not known to have been met.");
    // was "has had no check-in for 88 days; its last value was 10% of the way, against 100% planned for now"
    assertThat(kr4.status()).isEqualTo(Status.STALE);
    assertThat(kr4.insight()).isEqualTo("KR-4 (title KR-4) had had no check-in for 88 days when the cycle ended; its "
        + "last value was 10% of the way, against 100% planned by the end.");
    assertThat(kr4.causes()).extracting(c -> c.sentence()).contains("KR-4 (title KR-4) had had no check-in for 88 "
        + "days (the last on 4 Jul) when the cycle ended, longer than the 14 days its rhythm of check-ins allows.");
    // the age of the last check-in is counted to the end: "88 days ago" read the same months later
    assertThat(Prompt.of(r, true, null)).contains("last check-in 88 days before the cycle ended.")
        .doesNotContain(" ago.");
    String html = HtmlReportWriter.write(CYCLE, r);
    assertThat(html).contains("88 d before the end").doesNotContain(" d ago")
        .contains("<td class=\"n\">–</td><td class=\"n\">unknown</td></tr>");
    // okr explain's team line as the text report's: missed or stale (it read "need attention"); KR-3, without a
    // check-in in the whole cycle (longer than the 14-day stale limit), counted as a stale one
    assertThat(Explanation.of(CYCLE, r, "growth").steps().get(0).sentence())
        .startsWith("growth: 4 of 5 key results were missed or stale");
    // before the end, as before, KR-3 (no check-in in 45 days, over 14) counted with KR-1 and KR-4
    CycleReport before = ExecutionEngine.withDefaults().analyze(CYCLE, day(45));
    assertThat(Explanation.of(CYCLE, before, "growth").steps().get(0).sentence())
        .startsWith("growth: 3 of 5 key results need attention");
    assertThat(before.keyResults().get(2).insight())
        .isEqualTo("KR-3 (title KR-3) has no check-in yet, so nothing is known about it beyond its plan.");
    assertThat(Explanation.of(CYCLE, before, "KR-3").steps().get(0).sentence())
        .startsWith("KR-3 (title KR-3) is without data: ");
  }

  @Test
  void analyze_staleMaintain_namesItsLastValueNotItsBoundedLanding() {
    // a value beyond the metric's max is kept as given (a warning): the row shows it, and so does the sentence (it
    // read "its last value, 100%, was 0.5% above the threshold of 99.5%", the landing held within the bounds)
    KeyResult crash = kr("KR-8", new Metric(null, 99.5, Direction.MAINTAIN_ABOVE, "%", 0.0, 100.0, null),
        new int[] {7, 14}, new double[] {99.7, 101.0});
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("growth")), List.of(new Objective("O-1", "Grow", "growth", null, null,
        null, List.of(crash))));
    KeyResultReport row = ExecutionEngine.withDefaults().analyze(c, day(45)).keyResults().get(0);
    assertThat(row.status()).isEqualTo(Status.STALE);
    assertThat(row.value()).isEqualTo(101.0);
    assertThat(row.insight()).isEqualTo("KR-8 (title KR-8) has had no check-in for 31 days; its last value, 101%, "
        + "was 1.5 points above the threshold of 99.5%.");
    // and before it went silent (it read "it is at 100% now, 0.5% above")
    assertThat(ExecutionEngine.withDefaults().analyze(c, day(20)).keyResults().get(0).insight())
        .endsWith("; it is at 101% now, 1.5 points above the threshold of 99.5%.");
  }

  @Test
  void analyze_statusesAndNumbers() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(CYCLE, day(45));
    assertThat(r.cycleId()).isEqualTo("Q");
    assertThat(r.keyResults()).extracting(KeyResultReport::status).containsExactly(Status.AT_RISK, Status.ACHIEVED,
        Status.NO_DATA, Status.STALE, Status.ON_TRACK);
    KeyResultReport kr1 = r.keyResults().get(0);
    assertThat(kr1.value()).isEqualTo(37.0);
    assertThat(kr1.progress()).isEqualTo(0.37);
    assertThat(kr1.objective()).isEqualTo("O-1");
    assertThat(kr1.team()).isEqualTo("growth");
    assertThat(kr1.daysSinceCheckIn()).isEqualTo(3);
    assertThat(kr1.forecast().method()).isEqualTo("movement-aware");
    assertThat(kr1.reasons()).extracting(x -> x.code()).startsWith("velocity-below-required");
    // velocity ratio (37/42) / (63/46) = 64%; landing and P(target) are the default forecaster's (ForecasterTest and
    // MovementAwareTest check those against references): 83% and 18% here
    org.okrengine.forecast.Forecast f = org.okrengine.forecast.Forecaster.withDefaults()
        .forecast(CYCLE.keyResults().get(0), Q, day(45));
    assertThat(Math.round(100 * f.landingProgress())).isEqualTo(83);
    assertThat(Math.round(100 * f.probabilityOfTarget())).isEqualTo(18);
    assertThat(kr1.insight()).isEqualTo("KR-1 (title KR-1) is moving at 64% of the weekly pace it needs and is "
        + "forecast to land at 83%, not 100% (an 18% chance of reaching 100 signups).");
    assertThat(r.keyResults().get(1).insight()).isEqualTo("KR-2 (title KR-2) met its target of 10 on 31 Jul.");
    assertThat(r.keyResults().get(2).insight())
        .isEqualTo("KR-3 (title KR-3) has no check-in yet, so nothing is known about it beyond its plan.");
    assertThat(r.keyResults().get(3).insight()).isEqualTo("KR-4 (title KR-4) has had no check-in for 42 days; its "
        + "last value was 10% of the way, against 49% planned for now.");
    assertThat(r.keyResults().get(4).insight()).startsWith("KR-5 (title KR-5) has a ")
        .endsWith(" chance of ending the cycle at or above 99%; it is at 99.6% now, 0.6 points above the threshold of 99%.");
    assertThat(r.cascades()).isEmpty();
    // KR-1 is on track until day 24 (the early ramp of the at-risk threshold: P 0.347 against 0.343 on day 24, 0.347
    // against 0.351 on day 25), at risk from day 25, and below the default policy's 25% without a break only from its
    // check-in of day 35 (P 0.352 on day 34, 0.218 on day 35; Forecaster.withDefaults day by day): 10 days, short of
    // 14, so not escalated. KR-4's only check-in is on day 3, so it is stale (more than 14 days)
    // from day 18 (19 Jul): 27 days, past 14. KR-3 has no check-in at all: silent for more than the 14-day limit
    // from day 15 (16 Jul), 30 days by day 45, past 28: leadership
    assertThat(r.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since() + " " + e.to())
        .containsExactly("KR-3 2 2026-07-16 leadership", "KR-4 1 2026-07-19 team-lead");
    assertThat(r.escalations().get(0).reason()).isEqualTo("KR-3 (title KR-3) has been at risk or off track with less "
        + "than a 25% chance of reaching its target, or stale, without a break since 16 Jul (30 days; without a "
        + "check-in now), so it goes to leadership (level 2).");
    assertThat(r.escalations().get(1).reason()).isEqualTo("KR-4 (title KR-4) has been at risk or off track with less "
        + "than a 25% chance of reaching its target, or stale, without a break since 19 Jul (27 days; stale now), so "
        + "it goes to team-lead (level 1).");
  }

  @Test
  void analyze_lateInitiativeAndSlowKeyResult_cascade() {
    OkrCycle c = OkrCycle.of(Q, List.of(new Team("data", "Data", null), new Team("growth", "Growth", null)),
        List.of(new Objective("O-1", "Grow", "growth", null, null, null, List.of(
                kr("KR-1", Metric.of(0, 100, null), new int[] {7, 14, 21, 35, 42}, new double[] {6, 13, 18, 30, 37}),
                kr("KR-2", Metric.of(0, 10, null), new int[] {7}, new double[] {1}))),
            new Objective("O-2", "Data", "data", null, null, null, List.of(
                kr("KR-9", Metric.of(0, 10, null), new int[] {40}, new double[] {2})))),
        List.of(new org.okrengine.model.Initiative("I-1", "Pipeline", "data", null, List.of("KR-9"),
            List.of(new org.okrengine.model.Milestone("M-1", "Beta", LocalDate.of(2026, 7, 20), null)))),
        List.of(new org.okrengine.model.Dependency("I-1", "KR-2", org.okrengine.model.DependencyKind.BLOCKS,
                LocalDate.of(2026, 7, 25), null),
            new org.okrengine.model.Dependency("KR-1", "KR-2", org.okrengine.model.DependencyKind.CONTRIBUTES,
                LocalDate.of(2026, 8, 1), null)));
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, day(45));
    // M-1 was due 20 Jul and is open on 15 Aug: I-1 is 26 days late; KR-1 will not finish by 1 Aug either
    assertThat(r.cascades()).extracting(x -> x.source()).containsExactly("I-1", "KR-1");
    assertThat(r.cascades().get(0).slipDays()).isEqualTo(26.0);
    assertThat(r.cascades().get(0).probabilityOfMiss()).isCloseTo(1 - Math.exp(-26 / 14.0), within(1e-12));
    // (the test's key results all belong to growth)
    // each item by ID (Title) (kr titles its key results "title KR-n"), each team by name after its items
    // KR-2 needs I-1 by 25 Jul, KR-9 (which I-1 contributes to) by no date: the date is KR-2's
    assertThat(r.cascades().get(0).reason()).isEqualTo("I-1 (Pipeline), of Data, is 26 days late; KR-2 (title KR-2) "
        + "and KR-9 (title KR-9) of Growth need it, KR-2 by 25 Jul; O-1 (Grow) and O-2 (Data) are at risk through "
        + "them.");
    assertThat(r.cascades().get(0).teams()).containsExactly("data", "growth");
  }

  @Test
  void analyze_isDeterministic() {
    ExecutionEngine e = ExecutionEngine.withDefaults();
    assertThat(ReportJson.withDefaults().write(e.analyze(CYCLE, day(45))))
        .isEqualTo(ReportJson.withDefaults().write(e.analyze(CYCLE, day(45))));
  }

  @Test
  void analyze_beforeCycle_notStarted() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(CYCLE, day(-3));
    assertThat(r.keyResults()).allMatch(k -> k.status() == Status.NOT_STARTED);
    assertThat(r.keyResults().get(0).insight()).isEqualTo("KR-1 (title KR-1) starts with the cycle on 1 Jul.");
  }

  @Test
  void defaultAsOf_clampsToTheCycle() {
    Clock late = Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC);
    Clock early = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    Clock mid = Clock.fixed(day(10), ZoneOffset.UTC);
    assertThat(ExecutionEngine.defaultAsOf(CYCLE, late)).isEqualTo(Q.endInstant());
    assertThat(ExecutionEngine.defaultAsOf(CYCLE, early)).isEqualTo(Q.startInstant());
    assertThat(ExecutionEngine.defaultAsOf(CYCLE, mid)).isEqualTo(day(10));
  }

  @Test
  void insights_unknownShare() {
    assertThat(Insights.pct(null)).isEqualTo("an unknown share");
    assertThat(Insights.aPct(0.84)).isEqualTo("an 84%");
    assertThat(Insights.aPct(0.16)).isEqualTo("a 16%");
  }
}
