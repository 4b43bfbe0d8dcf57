package org.okrengine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.spark.SparkTestSupport.okr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.retro.RetroReport;
import picocli.CommandLine;

/**
 * {@code --model} on Spark: the jobs, {@link SparkBacktest#withModel}, {@link SparkRetro#withModel} and
 * {@code --engine spark} answer what {@code okr backtest} and {@code okr retro} answer with the same model on one
 * machine; a bad model file is exit code 2; walk-forward stays single-machine.
 */
class ModelTest {
  static SparkSession spark;
  @TempDir
  static Path dir;
  static Path history;
  static Path model;
  static ForecastModel pessimist;

  @BeforeAll
  static void start() throws IOException {
    spark = SparkTestSupport.session();
    history = dir.resolve("history.jsonl");
    Synthetic.write(40, 11, history);
    Map<String, Double> w = new LinkedHashMap<>(ForecastModel.defaults().weights());
    w.put("intercept", -2.0);
    pessimist = ForecastModel.of("pessimist", ForecastModel.defaults().hyperparameters(), w);
    model = dir.resolve("pessimist.json");
    Files.writeString(model, pessimist.toJson());
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void backtest_withModel_sameJsonAsTheCommandWithThatModel() {
    SparkTestSupport.Run local = okr("backtest", "--format", "json", "--model", model.toString(), history.toString());
    assertThat(local.code()).as(local.err()).isZero();
    SparkResult<BacktestReport> r = SparkBacktest.withDefaults().withModel(pessimist)
        .runLines(CycleLines.read(spark, history.toString()).repartition(3));
    assertThat(r.json()).isEqualTo(local.out())
        .isNotEqualTo(okr("backtest", "--format", "json", history.toString()).out());
    // the model survives the other copies
    assertThat(SparkBacktest.withDefaults().withModel(pessimist).withWeeklyOrigins().run(spark, history.toString())
        .json()).isEqualTo(okr("backtest", "--format", "json", "--weekly", "--model", model.toString(),
            history.toString()).out());
  }

  @Test
  void retro_withModel_sameJsonAsTheCommandWithThatModel() {
    SparkTestSupport.Run local = okr("retro", "--format", "json", "--model", model.toString(), history.toString());
    assertThat(local.code()).as(local.err()).isZero();
    SparkResult<RetroReport> r = SparkRetro.withDefaults().withModel(pessimist).run(spark, history.toString());
    assertThat(r.json()).isEqualTo(local.out())
        .isNotEqualTo(okr("retro", "--format", "json", history.toString()).out());
  }

  @Test
  void engineSpark_model_sameOutputAsTheLocalEngine_walkForwardRefused() {
    for (String command : new String[] {"backtest", "retro"}) {
      String[] args = {command, "--format", "json", "--model", model.toString(), history.toString()};
      SparkTestSupport.Run local = okr(args);
      SparkTestSupport.Run onSpark = okr(SparkTestSupport.concat(args, "--engine", "spark", "--master", "local[2]"));
      assertThat(onSpark.code()).as(onSpark.err()).isZero();
      assertThat(onSpark.out()).as(command).isEqualTo(local.out());
    }
    SparkTestSupport.Run walk = okr("backtest", "--walk-forward", "--engine", "spark", history.toString());
    assertThat(walk.code()).isEqualTo(2);
    assertThat(walk.err()).startsWith("--walk-forward: walk-forward is single-machine work");
  }

  @Test
  void jobs_model_usedOrExit2() throws IOException {
    Path out = dir.resolve("backtest.json");
    assertThat(new CommandLine(new BacktestJob()).execute("--out", out.toString(), "--model", model.toString(),
        history.toString())).isZero();
    assertThat(Files.readString(out)).isEqualTo(okr("backtest", "--format", "json", "--model", model.toString(),
        history.toString()).out());
    Path retro = dir.resolve("retro.json");
    assertThat(new CommandLine(new RetroJob()).execute("--out", retro.toString(), "--model", model.toString(),
        history.toString())).isZero();
    assertThat(Files.readString(retro)).isEqualTo(okr("retro", "--format", "json", "--model", model.toString(),
        history.toString()).out());

    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"okr-forecast-model/9\"}");
    Path none = dir.resolve("none.json");
    Path badOut = dir.resolve("bad-out.json");
    assertThat(new CommandLine(new BacktestJob()).execute("--out", badOut.toString(), "--model", bad.toString(),
        history.toString())).isEqualTo(2);
    assertThat(new CommandLine(new RetroJob()).execute("--out", badOut.toString(), "--model", none.toString(),
        history.toString())).isEqualTo(2);
    assertThat(badOut).doesNotExist();
    // malformed JSON in the form the okr command uses: FILE:LINE: message (column C)
    Path malformed = Files.writeString(dir.resolve("malformed.json"), "{\"format\": \"okr-forecast-model/1\",\n \"name\": ");
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stderr = System.err;
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new BacktestJob()).execute("--out", badOut.toString(), "--model",
          malformed.toString(), history.toString())).isEqualTo(2);
    } finally {
      System.setErr(stderr);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith(malformed + ":2: ")
        .containsPattern("\\(column \\d+\\)\\R");
    assertThat(badOut).doesNotExist();
  }
}
