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
    Forecaster last = Forecaster.withDefaults()
        .withModel(ForecastModel.defaults().withResultTiming(ResultTiming.LAST_CHECK_IN));
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
    assertThat(page).contains(" interval at the expected last check-in: ").doesNotContain(" interval at cycle end: ")
        .contains("<th>Lands at</th><th>Interval at last check-in</th>").doesNotContain("Interval at end")
        .contains("(only its end is forecast, and it is the interval of the value at each key result's expected last "
            + "check-in, where this model's history took its results)");
    assertThat(HtmlReportWriter.write(q3, atEnd)).contains(" interval at cycle end: ")
        .contains("<th>Lands at</th><th>Interval at end</th>")
        .contains("(only its end is forecast); dashed blue");
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
