package org.okrengine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.forecast.BacktestJson;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.forecast.Hyperparameters;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;
import org.okrengine.retro.Grouping;
import org.okrengine.retro.RetroJson;
import org.okrengine.retro.Retrospective;

/**
 * Every setting of the backtest or retrospective reaches the executors: {@link SparkBacktest#of} and
 * {@link SparkRetro#of} answer what {@link Backtest#run} and {@link Retrospective#run} answer in this process for
 * settings unlike the defaults (before, the retrospective's score-from-last-check-in and any forecaster were rebuilt
 * from the defaults on Spark, silently). On the two example quarters (Q3 has no results: its key results are scored
 * from their last check-in, or not at all) and a synthetic history, in 3 partitions.
 */
class SettingsTest {
  static SparkSession spark;
  static List<OkrCycle> quarters = new ArrayList<>();
  static Dataset<String> quarterLines;
  static List<OkrCycle> history = new ArrayList<>();
  static Dataset<String> historyLines;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkTestSupport.session();
    List<String> lines = new ArrayList<>();
    for (String q : new String[] {"acme-2026-q2.json", "acme-2026-q3.json"}) {
      Path file = Path.of("..", "examples", q);
      quarters.add(CycleJson.withDefaults().read(file).cycle());
      lines.add(Files.readString(file).replace('\n', ' ')); // JSON strings hold no raw line break
    }
    quarterLines = spark.createDataset(lines, Encoders.STRING()).repartition(2);
    List<String> synthetic = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      OkrCycle c = Synthetic.cycle(21, i);
      history.add(c);
    }
    Path file = Files.createTempFile("okr-settings", ".jsonl");
    Synthetic.write(30, 21, file);
    synthetic.addAll(Files.readAllLines(file));
    Files.delete(file);
    historyLines = spark.createDataset(synthetic, Encoders.STRING()).repartition(3);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  /** A forecaster unlike the default in every setting the accumulators carry. */
  static Forecaster custom() {
    ForecastModel model = ForecastModel.defaults().withName("custom")
        .withHyperparameters(new Hyperparameters(1.3, 0.3, 0.04, 0.0, 1.0));
    return Forecaster.withDefaults().withMethod(ForecastMethod.PLAN_PRIOR_BAYES).withLevel(0.9)
        .withStaleAfterDays(3).withThresholds(0.6, 0.2).withCadenceDays(10).withModel(model);
  }

  @Test
  void retro_notScoringFromLastCheckIn_sameJsonAsInProcess() {
    Retrospective retro = Retrospective.withDefaults().withGroupings(EnumSet.of(Grouping.TEAM))
        .withScoreFromLastCheckIn(false);
    String expected = RetroJson.write(retro.run(quarters));
    assertThat(expected).isNotEqualTo(RetroJson.write(retro.withScoreFromLastCheckIn(true).run(quarters)));
    assertThat(SparkRetro.of(retro).run(quarterLines).json()).isEqualTo(expected);
  }

  @Test
  void retro_customForecaster_sameJsonAsInProcess() {
    Retrospective retro = Retrospective.withDefaults().withGroupings(EnumSet.of(Grouping.TAG, Grouping.OWNER))
        .withForecaster(custom());
    String expected = RetroJson.write(retro.run(quarters));
    assertThat(expected).isNotEqualTo(RetroJson.write(retro.withForecaster(Forecaster.withDefaults())
        .run(quarters)));
    assertThat(SparkRetro.of(retro).run(quarterLines).json()).isEqualTo(expected);
    // --model on top keeps the rest of the forecaster
    ForecastModel other = ForecastModel.defaults().withName("other");
    assertThat(SparkRetro.of(retro).withModel(other).run(quarterLines).json()).isEqualTo(RetroJson.write(
        retro.withForecaster(custom().withModel(other)).run(quarters)));
  }

  @Test
  void backtest_customForecaster_sameJsonAsInProcess() {
    Backtest backtest = Backtest.withDefaults().withMethods(List.of(ForecastMethod.PLAN_PRIOR_BAYES,
        ForecastMethod.MOVEMENT_AWARE)).withForecaster(custom());
    String expected = BacktestJson.write(backtest.run(history));
    assertThat(expected).isNotEqualTo(BacktestJson.write(backtest.withForecaster(Forecaster.withDefaults())
        .run(history)));
    assertThat(SparkBacktest.of(backtest).run(historyLines).json()).isEqualTo(expected);
    assertThat(SparkBacktest.of(backtest).withWeeklyOrigins().run(historyLines).json())
        .isEqualTo(BacktestJson.write(backtest.withWeeklyOrigins().run(history)));
  }

  @Test
  void backtest_outcomeFromLastCheckIn_sameJsonAsInProcess() {
    // the example's Q3 has no results: scored only when its last check-ins stand in for them
    Backtest backtest = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE))
        .withOutcomeFromLastCheckIn(true);
    String expected = BacktestJson.write(backtest.run(quarters));
    assertThat(backtest.run(quarters).keyResults()).isEqualTo(60);
    assertThat(backtest.withOutcomeFromLastCheckIn(false).run(quarters).keyResults()).isEqualTo(30);
    // Q3's 30 scored from their last check-ins, counted by each partition's accumulator and merged through the bytes
    assertThat(expected).contains("  \"keyResults\": 60,\n  \"keyResultsFromLastCheckIn\": 30,\n");
    assertThat(SparkBacktest.of(backtest).run(quarterLines).json()).isEqualTo(expected);
  }

  @Test
  void backtest_resultTiming_detectedOverTheWholeDataset_asInProcess() {
    // the example's Q2 results are its last check-ins (30 of 30): detected by a first pass over every partition
    Backtest backtest = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    String detected = SparkBacktest.of(backtest).run(quarterLines).json();
    assertThat(detected).isEqualTo(BacktestJson.write(backtest.run(quarters)))
        .contains("\"resultTiming\": \"last-check-in\",\n  \"resultTimingEvidence\": {\"compared\": 30, \"equal\": 30}");
    for (ResultTiming given : new ResultTiming[] {ResultTiming.END, ResultTiming.LAST_CHECK_IN}) {
      Backtest b = backtest.withResultTiming(given);
      assertThat(SparkBacktest.of(b).run(quarterLines).json()).as("%s", given)
          .isEqualTo(BacktestJson.write(b.run(quarters))).doesNotContain("resultTimingEvidence");
    }
    assertThat(SparkBacktest.of(backtest.withResultTiming(ResultTiming.END)).run(quarterLines).json())
        .isNotEqualTo(SparkBacktest.of(backtest.withResultTiming(ResultTiming.LAST_CHECK_IN)).run(quarterLines)
            .json());
  }
}
