package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.model.CycleReport;
import org.okrengine.model.ForecastModelInfo;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.ReportJson;

/**
 * A report made with a model whose history took its results at the last check-ins (ForecastModel.resultTiming) says
 * where its forecasts are, in the JSON ({@code model.forecastAt}) and on the HTML page (the cone's and the legend's
 * words), not only in the model's sentence; a report with the shipped model reads and writes as before.
 */
class LastCheckInModelReportTest {
  @Test
  void report_saysItsForecastsAreAtTheLastCheckIn() throws IOException {
    OkrCycle q3 = HtmlReportWriterTest.example();
    var asOf = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    Forecaster last = lastCheckIn();
    CycleReport atLast = ExecutionEngine.withDefaults().withForecaster(last).analyze(q3, asOf);
    CycleReport atEnd = ExecutionEngine.withDefaults().analyze(q3, asOf);
    assertThat(atLast.model().atLastCheckIn()).isTrue();
    assertThat(atEnd.model().atLastCheckIn()).isFalse();
    // told the end, a last-check-in model's report is at the end too
    assertThat(ExecutionEngine.withDefaults().withForecaster(last.withOutcomeFromLastCheckIn(false)).analyze(q3, asOf)
        .model().atLastCheckIn()).isFalse();

    String json = ReportJson.withDefaults().write(atLast);
    assertThat(json).contains("\"forecastAt\": \"last-check-in\"");
    assertThat(ReportJson.withDefaults().read(json)).isEqualTo(atLast);
    // the shipped model's report has no such field: byte for byte as before it existed
    assertThat(ReportJson.withDefaults().write(atEnd)).doesNotContain("forecastAt");

    String page = HtmlReportWriter.write(q3, atLast);
    assertThat(page).contains(" interval at the expected last check-in (28 Sep): ")
        .doesNotContain(" interval at cycle end: ")
        .contains("<th>Lands at</th><th>Interval at last check-in</th>").doesNotContain("Interval at end")
        .contains("drawn as straight lines from the last check-in to the prediction interval at the key result's "
            + "expected last check-in before the cycle's end, where this model's history took its results (only that "
            + "tip is forecast); dashed blue");
    assertThat(HtmlReportWriter.write(q3, atEnd)).contains(" interval at cycle end: ")
        .contains("<th>Lands at</th><th>Interval at end</th>")
        .contains("(only its end is forecast); dashed blue");
  }

  /** The shipped model told that its history's results were its last check-ins. */
  static Forecaster lastCheckIn() {
    return Forecaster.withDefaults().withModel(ForecastModel.defaults().withResultTiming(ResultTiming.LAST_CHECK_IN));
  }

  /** KR-10's chart in {@code page}, from its heading to the end of its figure. */
  static String chart(String page, String id) {
    int at = page.indexOf("<h3>" + id + " ");
    return page.substring(at, page.indexOf("</figure>", at));
  }

  /**
   * The cone of a key result forecast at its expected last check-in has its tip there, not at the cycle's end (it was
   * drawn to the end whatever the forecast was of); the shipped model's cone ends at the end as before.
   */
  @Test
  void cone_endsAtTheExpectedLastCheckIn() throws IOException {
    OkrCycle q3 = HtmlReportWriterTest.example();
    var asOf = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    Forecaster last = lastCheckIn();
    String atLast = chart(HtmlReportWriter.write(q3, ExecutionEngine.withDefaults().withForecaster(last)
        .analyze(q3, asOf)), "KR-10");
    String atEnd = chart(HtmlReportWriter.write(q3, ExecutionEngine.withDefaults().analyze(q3, asOf)), "KR-10");
    // x of a cycle fraction f: 82 + 480 f (margins 82 and 16 of a 578 wide chart). KR-10's latest check-in, 17 Aug
    // 14:53Z, is 47.70 of the cycle's 92 days in (f 0.5185: x 330.9); its expected last check-in (its 8 check-ins a
    // mean 5.96 days apart, half of that before the end) is 27 Sep 22:26Z, 28 Sep in Oslo, f 1 - 2.98 / 92 = 0.9676:
    // x 546.4; the end, f 1: x 562
    assertThat(Forecaster.expectedLastCheckInAt(q3.keyResult("KR-10").orElseThrow(), q3.cycle(), asOf))
        .isEqualTo(java.time.Instant.parse("2026-09-27T22:26:41Z"));
    assertThat(atLast).containsPattern("<polygon class=\"cone\" points=\"330\\.9,[0-9.]+ 546\\.4,[0-9.]+ 546\\.4,"
        + "[0-9.]+\"><title>80% interval at the expected last check-in \\(28 Sep\\): ")
        .containsPattern("<line class=\"landing\" x1=\"330\\.9\" y1=\"[0-9.]+\" x2=\"546\\.4\" ");
    assertThat(atEnd).containsPattern("<polygon class=\"cone\" points=\"330\\.9,[0-9.]+ 562,[0-9.]+ 562,"
        + "[0-9.]+\"><title>80% interval at cycle end: ")
        .containsPattern("<line class=\"landing\" x1=\"330\\.9\" y1=\"[0-9.]+\" x2=\"562\" ");
  }

  /**
   * A key result without a check-in after the start is forecast at the cycle's end whatever the model (its expected
   * last check-in is not known: Forecaster.expectedLastCheckInAt is null): its cone's tooltip says the end, where it
   * read "80% interval at the expected last check-in: " without a day under a last-check-in model.
   */
  @Test
  void cone_ofAKeyResultWithoutACheckInAfterTheStart_isAtTheEnd() throws IOException {
    OkrCycle q3 = HtmlReportWriterTest.example();
    // 2 Jul: a day in, before KR-10's first check-in (3 Jul)
    var asOf = q3.cycle().instantOf(LocalDate.of(2026, 7, 2));
    KeyResult kr10 = q3.keyResult("KR-10").orElseThrow();
    assertThat(kr10.checkInsAsOf(asOf).stream().filter(c -> c.at().isAfter(q3.cycle().startInstant()))).isEmpty();
    assertThat(Forecaster.expectedLastCheckInAt(kr10, q3.cycle(), asOf)).isNull();
    Forecaster last = lastCheckIn();
    String chart = chart(HtmlReportWriter.write(q3, ExecutionEngine.withDefaults().withForecaster(last)
        .analyze(q3, asOf)), "KR-10");
    // the tip at the end, x 562 (82 + 480)
    assertThat(chart).containsPattern("<polygon class=\"cone\" points=\"[0-9.]+,[0-9.]+ 562,[0-9.]+ 562,"
        + "[0-9.]+\"><title>80% interval at cycle end: ").doesNotContain("at the expected last check-in");
  }

  private static KeyResultReport row(CycleReport r, String id) {
    return r.keyResults().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * Under a model whose forecasts are at each key result's expected last check-in, the sentences say the chance is of
   * that check-in, with its expected day where they have the key result's check-ins, not of the cycle's end ("by 30
   * Sep", "ending the cycle"); the shipped model's sentences are as before.
   */
  @Test
  void sentences_sayTheChanceIsOfTheExpectedLastCheckIn_notOfTheEnd() throws IOException {
    OkrCycle q3 = HtmlReportWriterTest.example();
    var asOf = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    Forecaster last = lastCheckIn();
    CycleReport atLast = ExecutionEngine.withDefaults().withForecaster(last).analyze(q3, asOf);
    CycleReport atEnd = ExecutionEngine.withDefaults().analyze(q3, asOf);

    // the expected last check-ins (Kernel.outcomeX's rule, the end less half the mean gap where the latest check-in is
    // more than a gap before it). The cycle runs 92 days from 1 Jul 00:00 Oslo (30 Jun 22:00Z) to 30 Sep 22:00Z.
    // KR-7: 4 check-ins after the start, the latest 17 Aug 13:53Z, 47.66 days in: gap 11.92 days, lag 5.96 days,
    // so 24 Sep 22:57Z, 25 Sep in Oslo. KR-10: 8 check-ins, the latest 17 Aug 14:53Z, 47.70 days in: gap 5.96 days,
    // lag 2.98 days, so 27 Sep 22:32Z, 28 Sep in Oslo
    KeyResult kr7 = q3.keyResult("KR-7").orElseThrow();
    KeyResult kr10 = q3.keyResult("KR-10").orElseThrow();
    assertThat(Forecaster.expectedLastCheckIn(kr7, q3.cycle(), asOf)).isEqualTo(LocalDate.of(2026, 9, 25));
    assertThat(Forecaster.expectedLastCheckIn(kr10, q3.cycle(), asOf)).isEqualTo(LocalDate.of(2026, 9, 28));

    // an achieve key result: done by its last check-in, not by 30 Sep (the chance is the report's own)
    String p7 = Insights.aPct(row(atLast, "KR-7").forecast().probabilityOfTarget());
    assertThat(row(atLast, "KR-7").insight()).isEqualTo("KR-7 (Analytics module generally available) is not done "
        + "yet; judging by its milestones so far and the time left, it has " + p7 + " chance of being done by its last "
        + "check-in (expected around 25 Sep).");
    assertThat(row(atEnd, "KR-7").insight()).endsWith(" chance of being done by 30 Sep.");
    // a maintain key result: at or above its threshold at its last check-in, not "ending the cycle" there
    String p10 = Insights.aPct(row(atLast, "KR-10").forecast().probabilityOfTarget());
    assertThat(row(atLast, "KR-10").insight()).isEqualTo("KR-10 (Crash-free sessions at or above 99.5%) has " + p10
        + " chance of being at or above 99.5% at its last check-in (expected around 28 Sep); it is at 99.82% now, "
        + "0.32 points above the threshold of 99.5%.");
    assertThat(row(atEnd, "KR-10").insight()).contains(" chance of ending the cycle at or above 99.5%; it is at ");

    // the grounded prompt's landing of a maintain key result (KR-9, stale, needs attention)
    String prompt = ExecutionEngine.groundedPrompt(q3, atLast);
    assertThat(prompt).contains("; forecast to stand ").contains(" below the threshold of 40 NPS at its last "
        + "check-in, P(target) ").doesNotContain("forecast to end the cycle");
    assertThat(ExecutionEngine.groundedPrompt(q3, atEnd)).contains("; forecast to end the cycle ")
        .doesNotContain("at its last check-in");

    // okr explain's first sentence
    assertThat(Explanation.of(q3, atLast, "KR-10").steps().get(0).sentence())
        .endsWith(" chance of being at or above 99.5% at its last check-in.");
    assertThat(Explanation.of(q3, atLast, "KR-7").steps().get(0).sentence())
        .contains(" chance of being done by its last check-in.");
    assertThat(Explanation.of(q3, atEnd, "KR-10").steps().get(0).sentence())
        .endsWith(" chance of ending the cycle at or above 99.5%.");
    // a met target's chance to hold (no such key result in the example on 19 Aug): to where the forecast is
    assertThat(Insights.holdsTo(true)).isEqualTo(" chance it holds to its last check-in");
    assertThat(Insights.holdsTo(false)).isEqualTo(" chance it holds to the end");
  }

  /**
   * An achieve key result silent past its own expected last check-in has its chance taken no earlier than halfway from
   * the report's date to the end (Forecaster's achieve rule: its last check-in is still to come), and the sentence
   * names that day, not the one its check-ins alone give (it read "expected around 22 Sep" of a chance taken at 25
   * Sep).
   */
  @Test
  void achieve_namesTheDayItsChanceIsTakenAt() throws IOException {
    OkrCycle q3 = HtmlReportWriterTest.example();
    var asOf = q3.cycle().instantOf(LocalDate.of(2026, 9, 20));
    Forecaster last = lastCheckIn();
    CycleReport atLast = ExecutionEngine.withDefaults().withForecaster(last).analyze(q3, asOf);
    // KR-27 (achieve, no milestones): 4 check-ins after the start, the latest 10 Sep 05:57Z, 71.33 of the cycle's 92
    // days in (from 30 Jun 22:00Z): gap 17.83 days, lag 8.92, so 83.08 days in, 22 Sep 00:00Z (22 Sep in Oslo). The
    // report's date, 20 Sep 00:00 Oslo, is 81 days in (elapsed 0.8804); the achieve rule takes the later of the two
    // fractions 0.9031 and halfway from the report's date to the end, (1 + 0.8804) / 2 = 0.9402: 86.5 days in,
    // 25 Sep 10:00Z, 25 Sep 12:00 in Oslo
    KeyResult kr27 = q3.keyResult("KR-27").orElseThrow();
    assertThat(Forecaster.expectedLastCheckInAt(kr27, q3.cycle(), asOf))
        .isEqualTo(java.time.Instant.parse("2026-09-25T10:00:00Z"));
    assertThat(Forecaster.expectedLastCheckIn(kr27, q3.cycle(), asOf)).isEqualTo(LocalDate.of(2026, 9, 25));
    assertThat(row(atLast, "KR-27").insight()).endsWith(" chance of being done by its last check-in (expected around "
        + "25 Sep).");
    // the chance is the one taken there: the default model's achieve chance 0.5 (ForecastModel.DEFAULT_ACHIEVE_CHANCE;
    // no milestones: (0 + 2 x 0.5) / (0 + 2)) not done by 0.8804 / 0.9402 of the way: 0.5 (1 - q) / (1 - 0.5 q),
    // q = (0.8804 / 0.9402)^2.7 (Forecaster.notDoneYet)
    double q = Math.pow((81.0 / 92) / ((1 + 81.0 / 92) / 2), 2.7);
    assertThat(row(atLast, "KR-27").forecast().probabilityOfTarget()).isCloseTo(0.5 * (1 - q) / (1 - 0.5 * q),
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void reader_refusesAnotherPlace_namingThePathAndTheValue() throws IOException {
    OkrCycle q3 = HtmlReportWriterTest.example();
    CycleReport r = HtmlReportWriterTest.exampleReport(q3);
    String json = ReportJson.withDefaults().write(r);
    String bad = json.replaceFirst("\"method\": \"movement-aware\"",
        "\"method\": \"movement-aware\", \"forecastAt\": \"later\"");
    assertThat(bad).contains("\"forecastAt\": \"later\"");
    assertThatThrownBy(() -> ReportJson.withDefaults().read(bad)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model.forecastAt: must be \"end\" or \"last-check-in\": \"later\"");
    String end = json.replaceFirst("\"method\": \"movement-aware\"",
        "\"method\": \"movement-aware\", \"forecastAt\": \"end\"");
    assertThat(ReportJson.withDefaults().read(end)).isEqualTo(r);
    // the record before the field said where: the end
    assertThat(new ForecastModelInfo("m", "movement-aware", null)).isEqualTo(new ForecastModelInfo("m",
        "movement-aware", null, false));
  }
}
