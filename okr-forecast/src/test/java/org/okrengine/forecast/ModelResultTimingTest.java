package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;

/**
 * A model carries the result timing of the history it was fitted on ({@link ForecastModel#resultTiming}): a fit on an
 * OKR tool's export (results = last check-ins) forecasts each key result at its expected last check-in wherever the
 * model is used, as a backtest of that export does; a backtest forecasts by its own cycles' timing whatever the model's.
 * And the document's other fields a fit writes from its history (the counts of {@code fittedOn}).
 */
class ModelResultTimingTest {
  /** An export: ResultTimingTest's company-like quarters, 3 key results each, results taken at the last check-in. */
  private static final List<OkrCycle> EXPORT = ResultTimingTest.companyQuarters(60, 5, true);
  /** The same quarters measured at the end (a week of work after the last check-in). */
  private static final List<OkrCycle> MEASURED = ResultTimingTest.companyQuarters(60, 5, false);

  @Test
  void fitPooled_readsTheTimingFromTheHistory_andTheDocumentCarriesIt() {
    ForecastModel export = ForecastModel.fitPooled("export", EXPORT);
    ForecastModel measured = ForecastModel.fitPooled("measured", MEASURED);
    assertThat(export.resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(measured.resultTiming()).isEqualTo(ResultTiming.END);
    // written only where it is not the end, so that every document written before it reads and writes as it did
    assertThat(export.toJson()).contains("\n  \"resultTiming\": \"last-check-in\",\n");
    assertThat(measured.toJson()).doesNotContain("resultTiming");
    assertThat(ForecastModel.fromJson(export.toJson())).isEqualTo(export);
    assertThat(ForecastModel.fromJson(export.toJson()).toJson()).isEqualTo(export.toJson());
    assertThat(export.describe()).endsWith("; its history's results were its last check-ins");
    assertThat(Forecaster.withDefaults().withModel(export).describeModel()).isEqualTo(export.describe()
        + "; each key result forecast at its expected last check-in");
    assertThat(Forecaster.withDefaults().withModel(export).withOutcomeFromLastCheckIn(false).describeModel())
        .isEqualTo(export.describe());
    assertThat(measured.describe()).doesNotContain("last check-in");
    // the shipped model forecasts at the end (the shared families' results are measured there)
    assertThat(ForecastModel.defaults().resultTiming()).isEqualTo(ResultTiming.END);
    assertThat(ForecastModel.defaults().withResultTiming(ResultTiming.LAST_CHECK_IN))
        .isNotEqualTo(ForecastModel.defaults());
  }

  @Test
  void fit_takesTheHistorysTimingWhereItTells_elseKeepsTheModels() {
    ForecastModel lastModel = ForecastModel.defaults().withResultTiming(ResultTiming.LAST_CHECK_IN);
    // 180 key results compared, all equal: the export's timing, from either model
    assertThat(ForecastModel.defaults().fit(EXPORT).resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(lastModel.fit(MEASURED).resultTiming()).isEqualTo(ResultTiming.END);
    // 7 quarters of the export whose last check-ins all come on the last day compare none (ResultTimingEvidence):
    // 21 key results, enough to refit, nothing to tell the timing by, so the model's own is kept
    List<OkrCycle> lastDay = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      lastDay.add(ResultTimingTest.one(89, 50, 50.0));
    }
    assertThat(ResultTimingEvidence.of(lastDay).compared()).isZero();
    assertThat(lastModel.fit(lastDay).fittedOn().keyResults()).isEqualTo(21);
    assertThat(lastModel.fit(lastDay).resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(ForecastModel.defaults().fit(lastDay).resultTiming()).isEqualTo(ResultTiming.END);
    // too little history to refit: the model as it was
    assertThat(lastModel.fit(EXPORT.subList(0, 2)).resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
  }

  @Test
  void forecaster_withALastCheckInModel_forecastsThere_unlessToldOtherwise() {
    ForecastModel lastModel = ForecastModel.defaults().withResultTiming(ResultTiming.LAST_CHECK_IN);
    Forecaster byModel = Forecaster.withDefaults().withModel(lastModel);
    Forecaster told = Forecaster.withDefaults().withOutcomeFromLastCheckIn(true);
    assertThat(byModel.outcomeFromLastCheckIn()).isTrue();
    assertThat(Forecaster.withDefaults().outcomeFromLastCheckIn()).isFalse();
    // told either way, before or after the model, the telling wins
    assertThat(byModel.withOutcomeFromLastCheckIn(false).outcomeFromLastCheckIn()).isFalse();
    assertThat(Forecaster.withDefaults().withOutcomeFromLastCheckIn(false).withModel(lastModel)
        .outcomeFromLastCheckIn()).isFalse();
    assertThat(told.withModel(ForecastModel.defaults()).outcomeFromLastCheckIn()).isTrue();
    // a quarter's key result still climbing at mid-quarter: the same forecast as told, lower than at the end
    OkrCycle q = EXPORT.get(0);
    Instant mid = q.cycle().instantAtFraction(0.5);
    int lower = 0;
    for (KeyResult kr : q.keyResults()) {
      Forecast a = byModel.forecast(kr, q.cycle(), mid);
      Forecast b = told.forecast(kr, q.cycle(), mid);
      Forecast end = Forecaster.withDefaults().forecast(kr, q.cycle(), mid);
      assertThat(a.probabilityOfTarget()).isEqualTo(b.probabilityOfTarget());
      assertThat(a.landingValue()).isEqualTo(b.landingValue());
      assertThat(a.landingValue()).isLessThanOrEqualTo(end.landingValue());
      lower += a.landingValue() < end.landingValue() ? 1 : 0;
    }
    assertThat(lower).isPositive();
  }

  @Test
  void backtest_forecastsByItsCyclesTiming_whateverTheModels() {
    ForecastModel lastModel = ForecastModel.fitPooled("export", EXPORT);
    ForecastModel endModel = lastModel.withResultTiming(ResultTiming.END);
    Backtest withLast = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE))
        .withForecaster(Forecaster.withDefaults().withModel(lastModel));
    Backtest withEnd = withLast.withForecaster(Forecaster.withDefaults().withModel(endModel));
    // the measured quarters are detected as measured at the end: forecast there with either model
    BacktestReport a = withLast.run(MEASURED);
    BacktestReport b = withEnd.run(MEASURED);
    assertThat(a.resultTiming()).isEqualTo(ResultTiming.END);
    assertThat(a.scores()).isEqualTo(b.scores());
    // told the end, the export too
    assertThat(withLast.withResultTiming(ResultTiming.END).run(EXPORT).scores())
        .isEqualTo(withEnd.withResultTiming(ResultTiming.END).run(EXPORT).scores());
    // and every per-forecast row of the measured quarters says where it was made: at the end
    List<BacktestForecast> rows = new ArrayList<>();
    withLast.run(MEASURED, rows::add);
    assertThat(rows).isNotEmpty().noneMatch(BacktestForecast::atLastCheckIn);
    // an accumulator's bytes keep that: the model's timing is in its document, not taken as an order
    Backtest.Accumulator acc = withLast.withResultTiming(ResultTiming.END).newAccumulator();
    MEASURED.forEach(acc::add);
    Backtest.Accumulator back = Backtest.Accumulator.fromBytes(acc.toBytes());
    assertThat(back.report().scores()).isEqualTo(acc.report().scores());
    // the forecaster rebuilt from the bytes is the one written: not told where to forecast, so its model's timing
    // (a later model's too), not pinned to the end
    Forecaster rebuilt = BacktestBytes.read(acc.toBytes()).backtest().forecaster();
    assertThat(rebuilt.outcomeFromLastCheckIn()).isEqualTo(withLast.forecaster().outcomeFromLastCheckIn()).isTrue();
    assertThat(rebuilt.withModel(lastModel).outcomeFromLastCheckIn()).isTrue();
    assertThat(rebuilt.withModel(endModel).outcomeFromLastCheckIn()).isFalse();
    Backtest.Accumulator again = BacktestBytes.read(acc.toBytes()).backtest().newAccumulator();
    assertThat(again).isNotNull();
    MEASURED.forEach(again::add);
    assertThat(again.report().scores()).isEqualTo(acc.report().scores());
  }

  /** The fit's counts are whole numbers, named as the document writes them (a reviewer read "-1.0" for -1). */
  @Test
  void document_refusesCountsThatAreNotWholeNumbers_asWritten() {
    String json = ForecastModel.fitPooled("export", EXPORT).toJson();
    assertThat(json).contains("\"cycles\": 60,");
    for (String[] bad : new String[][] {{"-1", "-1"}, {"1e30", "1.0E30"}, {"2.5", "2.5"}, {"\"7\"", "\"7\""},
        {"2147483648", "2147483648"}}) {
      String doc = json.replace("\"cycles\": 60,", "\"cycles\": " + bad[0] + ",");
      assertThatThrownBy(() -> ForecastModel.fromJson(doc)).isInstanceOf(InvalidModelException.class)
          .hasMessageContaining("fittedOn.cycles: must be a whole number within 0..2147483647: " + bad[1]);
    }
    String missing = json.replace("\"cycles\": 60, ", "");
    assertThatThrownBy(() -> ForecastModel.fromJson(missing)).hasMessageContaining("fittedOn.cycles: is required");
  }

  /**
   * A number other than 0 that a double reads as 0 (below 4.9E-324, the least a double holds) is refused with its
   * path and as written: {@code -1.65e-400} for the first weight read as a weight of 0 without a word, a model other
   * than the one written (a weight the writer meant as a tiny negative became none).
   */
  @Test
  void document_refusesANumberThatReadsAsZero_namingThePathAndTheNumber() {
    String json = ForecastModel.defaults().toJson();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"weights\": \\{\\s*\"(\\w+)\": ([-0-9.eE]+)")
        .matcher(json);
    assertThat(m.find()).isTrue();
    String doc = json.substring(0, m.start(2)) + "-1.65e-400" + json.substring(m.end(2));
    assertThatThrownBy(() -> ForecastModel.fromJson(doc)).isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("weights." + m.group(1) + ": must be 0 or at least 4.9E-324 in size: -1.65e-400");
    // 0 written as 0, in any spelling, and the least double (a subnormal) read as written
    for (String zero : new String[] {"0", "-0", "0.0", "0e-400", "-0.000E+5"}) {
      assertThat(ForecastModel.fromJson(json.substring(0, m.start(2)) + zero + json.substring(m.end(2))).toJson())
          .contains("\"" + m.group(1) + "\": ");
    }
    assertThat(ForecastModel.fromJson(json.substring(0, m.start(2)) + "4.9e-324" + json.substring(m.end(2))))
        .isNotNull();
  }

  @Test
  void document_refusesAnUnknownTiming_namingThePathAndTheValue() {
    String json = ForecastModel.defaults().toJson();
    for (String bad : new String[] {"\"detect\"", "\"later\"", "3", "null"}) {
      String doc = json.replace("  \"warnings\"", "  \"resultTiming\": " + bad + ",\n  \"warnings\"");
      assertThatThrownBy(() -> ForecastModel.fromJson(doc)).isInstanceOf(InvalidModelException.class)
          .hasMessageContaining("resultTiming")
          .hasMessageContaining(bad.equals("null") ? "null" : bad.replace("\"", ""));
    }
    String end = json.replace("  \"warnings\"", "  \"resultTiming\": \"end\",\n  \"warnings\"");
    assertThat(ForecastModel.fromJson(end)).isEqualTo(ForecastModel.defaults());
    assertThatThrownBy(() -> ForecastModel.defaults().withResultTiming(ResultTiming.DETECT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DETECT");
  }
}
