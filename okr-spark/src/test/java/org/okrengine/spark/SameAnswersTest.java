package org.okrengine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.spark.SparkTestSupport.concat;
import static org.okrengine.spark.SparkTestSupport.okr;
import static org.okrengine.spark.SparkTestSupport.strings;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.retro.RetroReport;

/**
 * The JSON of the Spark jobs equals byte for byte what {@code okr backtest} and {@code okr retro} write on one
 * machine, on ../shared/data, with 1, 3 and 16 partitions, in local mode on two threads.
 */
class SameAnswersTest {
  static SparkSession spark;
  static Path[] files;
  static Dataset<Row> lines;

  @BeforeAll
  static void start() {
    files = SparkTestSupport.sharedFiles();
    spark = SparkTestSupport.session();
    lines = CycleLines.read(spark, strings(files)).cache();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  static Dataset<Row> partitioned(int n) {
    return n == 1 ? lines.coalesce(1) : lines.repartition(n);
  }

  @Test
  void backtest_sameJsonForAnyPartitioning() {
    SparkTestSupport.Run local = okr(concat(new String[] {"backtest", "--format", "json"}, strings(files)));
    assertThat(local.code()).as(local.err()).isZero();
    for (int n : new int[] {1, 3, 16}) {
      SparkResult<BacktestReport> r = SparkBacktest.withDefaults().runLines(partitioned(n));
      assertThat(r.json()).as("%d partitions", n).isEqualTo(local.out());
      assertThat(r.rejectedLines()).isZero();
      assertThat(r.cycles()).isEqualTo(r.report().cycles()).isEqualTo(2731);
    }
  }

  @Test
  void retro_sameJsonForAnyPartitioning() {
    SparkTestSupport.Run local = okr(concat(new String[] {"retro", "--format", "json"}, strings(files)));
    assertThat(local.code()).as(local.err()).isZero();
    for (int n : new int[] {1, 3, 16}) {
      SparkResult<RetroReport> r = SparkRetro.withDefaults().runLines(partitioned(n));
      assertThat(r.json()).as("%d partitions", n).isEqualTo(local.out());
    }
  }

  @Test
  void engineSpark_sameOutputAsTheLocalEngine() {
    String[] weekly = concat(new String[] {"backtest", "--weekly", "--method", "plan-prior-bayes"}, strings(files));
    SparkTestSupport.Run local = okr(weekly);
    SparkTestSupport.Run onSpark = okr(concat(weekly, "--engine", "spark", "--master", "local[2]"));
    assertThat(onSpark.code()).as(onSpark.err()).isZero();
    assertThat(onSpark.out()).isEqualTo(local.out()).contains("2731 cycles");

    String[] retro = concat(new String[] {"retro", "--format", "json", "--by", "all", "--no-forecasts"},
        strings(files));
    SparkTestSupport.Run retroOnSpark = okr(concat(retro, "--engine", "spark"));
    assertThat(retroOnSpark.code()).as(retroOnSpark.err()).isZero();
    assertThat(retroOnSpark.out()).isEqualTo(okr(retro).out());
  }

  @Test
  void datasetOfStrings_sameJson() {
    Dataset<String> one = spark.read().textFile(files[1].toString());
    SparkTestSupport.Run local = okr("backtest", "--format", "json", files[1].toString());
    assertThat(SparkBacktest.withDefaults().run(one).json()).isEqualTo(local.out());
  }
}
