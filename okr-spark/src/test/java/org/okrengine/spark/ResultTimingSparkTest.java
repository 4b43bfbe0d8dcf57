package org.okrengine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestJson;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/**
 * The first pass that detects when results were taken ({@link org.okrengine.forecast.ResultTiming}) on Spark: an empty
 * input (no partition to reduce: a review found it failed with "empty collection"), and a line the reader refuses,
 * counted by neither pass, as the local engine does.
 */
class ResultTimingSparkTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTestSupport.session();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void emptyDataset_detect_doesNotThrow() {
    Dataset<String> none = spark.createDataset(List.<String>of(), Encoders.STRING());
    Backtest end = Backtest.withDefaults().withResultTiming(org.okrengine.forecast.ResultTiming.END);
    // before the change (and with a given timing) an empty dataset is an empty report
    assertThatCode(() -> SparkBacktest.of(end).run(none).json()).doesNotThrowAnyException();
    // the default detects: the evidence pass reduce()s over zero partitions
    assertThatCode(() -> SparkBacktest.withDefaults().run(none).json()).doesNotThrowAnyException();
  }

  @Test
  void emptyFile_detect_engineSpark() throws Exception {
    Path f = Files.createTempFile("okr-empty", ".jsonl");
    f.toFile().deleteOnExit();
    SparkTestSupport.Run local = SparkTestSupport.okr("backtest", "--format", "json", f.toString());
    SparkTestSupport.Run onSpark = SparkTestSupport.okr("backtest", "--format", "json", "--engine", "spark",
        "--master", "local[2]", f.toString());
    assertThat(onSpark.code()).as(onSpark.err()).isEqualTo(local.code());
    assertThat(onSpark.out()).isEqualTo(local.out());
  }

  @Test
  void badLine_notCounted_sameAsLocal() throws Exception {
    Path q2 = Path.of("..", "examples", "acme-2026-q2.json");
    String text = Files.readString(q2).replace('\n', ' ');
    List<String> lines = new ArrayList<>();
    lines.add(text);
    lines.add("{not json");
    OkrCycle c = CycleJson.withDefaults().read(q2).cycle();
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    String expected = BacktestJson.write(bt.run(List.of(c)));
    Dataset<String> ds = spark.createDataset(lines, Encoders.STRING()).repartition(2);
    assertThat(SparkBacktest.of(bt).run(ds).json()).isEqualTo(expected);
    // runLines: numbered rows
    Path f = Files.createTempFile("okr-bad", ".jsonl");
    f.toFile().deleteOnExit();
    Files.write(f, lines);
    assertThat(SparkBacktest.of(bt).runLines(CycleLines.read(spark, f.toString())).json()).isEqualTo(expected);
    assertThat(SparkBacktest.of(bt).run(spark, f.toString()).json()).isEqualTo(expected);
  }
}
