package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/**
 * A landing just short of the target never reads as the target, nor one at it as short of it: "forecast to land at
 * 100% (a 44% chance of reaching 20 widgets)" read as a contradiction for a landing of 0.996 (the movement-aware
 * method lands below the target exactly where its chance is under one half). In the sentence, okr explain, the grounded
 * prompt and the HTML page, as percentages and in the metric's unit.
 */
class LandingShortOfTargetTest {
  static final Metric WIDGETS = new Metric(10.0, 20, Direction.INCREASE, "widgets");

  /** Twelve weekly check-ins rising evenly from 10 toward {@code last}, the latest on {@code lastDay}. */
  static KeyResult rising(double last, LocalDate lastDay, Result result) {
    List<CheckIn> c = new ArrayList<>();
    int n = 12;
    for (int i = 0; i < n; i++) {
      c.add(new CheckIn(FlatValueTest.CYCLE.instantOf(lastDay.minusDays(7L * (n - 1 - i))),
          10 + (last - 10) * (i + 1) / n, 0.9, null, List.of(), null));
    }
    return new KeyResult("KR-W", "Ship widgets", null, "t", 1.0, List.of(), WIDGETS, Plan.LINEAR, c, result);
  }

  static OkrCycle cycle(KeyResult kr) {
    return OkrCycle.of(FlatValueTest.CYCLE, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(kr))));
  }

  @Test
  void forecast_justShortWithLessThanHalfAChance_doesNotSayItLandsAt100() {
    // 19.41 widgets on 27 Mar, four days before the end: the forecast lands at 99.6% with a 44% chance; it read
    // "is moving at 94% of the weekly pace it needs and is forecast to land at 100% (a 44% chance of reaching 20
    // widgets)"
    LocalDate day = LocalDate.of(2027, 3, 27);
    OkrCycle okr = cycle(rising(19.41, day, null));
    CycleReport report = ExecutionEngine.withDefaults().analyze(okr, FlatValueTest.CYCLE.instantOf(day));
    KeyResultReport r = report.keyResults().get(0);
    assertThat(r.forecast().probabilityOfTarget()).isLessThan(0.5);
    assertThat(r.forecast().landingProgress()).isGreaterThanOrEqualTo(0.995).isLessThan(1);
    assertThat(r.insight()).contains("is forecast to land at 99.6%, not 100% (a 44% chance of reaching 20 widgets)")
        .doesNotContain("land at 100%");
    assertThat(Insights.landing(r, false)).isEqualTo("forecast to land at 99.6%");
    assertThat(Prompt.of(report)).doesNotContain("land at 100%");
    String html = HtmlReportWriter.write(okr, report);
    assertThat(html).contains("<td class=\"n\">99.6%</td>").doesNotContain("land at 100%")
        .doesNotContain("lands 20 widgets");
    // the value in the chart's caption beside the target: 19.96, not 20
    assertThat(html).contains("lands " + Numbers.landingValue(r.forecast().landingValue(), WIDGETS));
    assertThat(Numbers.landingValue(r.forecast().landingValue(), WIDGETS)).isNotEqualTo("20 widgets");
  }

  @Test
  void ended_justShortOfTheTarget_saysSoInFiguresThatDoNotReadAsTheTarget() {
    // the cycle is over and the result is 19.999 of 20: it read "ended the cycle short of its target: 20 widgets as
    // its result, 100% of the way to 20 widgets" and "ended at 100%, not met"
    OkrCycle okr = cycle(rising(19.999, LocalDate.of(2027, 3, 24), new Result(19.999, null)));
    CycleReport report = ExecutionEngine.withDefaults().analyze(okr, FlatValueTest.CYCLE.instantOf(
        LocalDate.of(2027, 4, 10)));
    KeyResultReport r = report.keyResults().get(0);
    assertThat(r.forecast().probabilityOfTarget()).isLessThan(1);
    assertThat(r.insight()).isEqualTo("KR-W (Ship widgets) ended the cycle short of its target: 19.999 widgets as its"
        + " result, 99.9% of the way to 20 widgets.");
    assertThat(Insights.ended(r)).isEqualTo("ended at 99.9%, not met");
    assertThat(Explanation.of(okr, report, "KR-W").steps().get(0).sentence()).contains("ended at 99.9%, not met")
        .doesNotContain("100%");
    assertThat(HtmlReportWriter.write(okr, report)).contains("<td class=\"n\">99.9%</td>")
        .contains("ended at 19.999 widgets").doesNotContain("ended at 20 widgets");
  }

  @Test
  void landingPercent_neverRoundsAcrossTheTarget() {
    assertThat(Numbers.landingPercent(0.996)).isEqualTo("99.6%");
    assertThat(Numbers.landingPercent(0.995)).isEqualTo("99.5%");
    assertThat(Numbers.landingPercent(0.9999)).isEqualTo("99.9%");
    assertThat(Numbers.landingPercent(Math.nextDown(1.0))).isEqualTo("99.9%");
    assertThat(Numbers.landingPercent(1.0)).isEqualTo("100%");
    assertThat(Numbers.landingPercent(1.004)).isEqualTo("100%");
    // elsewhere as Numbers.percent
    assertThat(Numbers.landingPercent(0.994)).isEqualTo("99%");
    assertThat(Numbers.landingPercent(0.82)).isEqualTo("82%");
    assertThat(Numbers.landingPercent(1.5)).isEqualTo("150%");
    assertThat(Numbers.landingPercent(Double.NaN)).isEqualTo("–");
    assertThat(Numbers.landingPercent(1e30)).isEqualTo(">999,999%");
  }

  @Test
  void landingValue_shortOfTheTarget_neverReadsAsIt() {
    assertThat(Numbers.landingValue(19.996, WIDGETS)).isEqualTo("19.996 widgets");
    assertThat(Numbers.landingValue(19.9999996, WIDGETS)).isEqualTo("19.999 widgets"); // rounded down, away from 20
    assertThat(Numbers.landingValue(19.99, WIDGETS)).isEqualTo("19.99 widgets");
    // met, or apart from the target already: as Numbers.value
    assertThat(Numbers.landingValue(20.004, WIDGETS)).isEqualTo("20 widgets");
    assertThat(Numbers.landingValue(20, WIDGETS)).isEqualTo("20 widgets");
    assertThat(Numbers.landingValue(15.5, WIDGETS)).isEqualTo("15.5 widgets");
    // a decrease key result short of its target is above it; rounded up, away from it
    Metric incidents = new Metric(10.0, 2, Direction.DECREASE, "incidents");
    assertThat(Numbers.landingValue(2.001, incidents)).isEqualTo("2.001 incidents");
    assertThat(Numbers.landingValue(1.999, incidents)).isEqualTo("2 incidents");
    // maintain above a threshold, and e-notation
    Metric uptime = Metric.maintainAbove(99.9).unit("%").build();
    assertThat(Numbers.landingValue(99.8999, uptime)).isEqualTo("99.899%");
    Metric revenue = new Metric(0.0, 2e7, Direction.INCREASE, "EUR");
    assertThat(Numbers.landingValue(1.99999e7, revenue)).isEqualTo("1.999e+07 EUR");
    assertThat(Numbers.landingValue(19.996, null)).isEqualTo("20");
  }
}
