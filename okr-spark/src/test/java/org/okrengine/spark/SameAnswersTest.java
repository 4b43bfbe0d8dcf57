package org.okrengine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.spark.SparkTestSupport.concat;
import static org.okrengine.spark.SparkTestSupport.okr;
import static org.okrengine.spark.SparkTestSupport.strings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.retro.RetroReport;

/**
 * The JSON of the Spark jobs equals byte for byte what {@code okr backtest} and {@code okr retro} write on one
 * machine, on ../shared/data, with 1, 3 and 16 partitions, in local mode on two threads. One line of the shared data
 * is rejected on both: a TSE sprint of 5,873 days, longer than okr-cycle/1 allows (1,098 days).
 */
class SameAnswersTest {
  static SparkSession spark;
  @TempDir
  static Path dir;
  static Path[] files;
  static Dataset<Row> lines;
  static String rejected;

  @BeforeAll
  static void start() {
    files = SparkTestSupport.sharedFiles();
    rejected = files[1] + ":890: cycle.end: must make a cycle of at most 1098 days: 5873 days (2000-01-03 to "
        + "2016-01-31)\n";
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

  /** {@code okr COMMAND --rejects FILE FILES...} on the shared data, with the one rejected line checked. */
  static SparkTestSupport.Run okrSkippingTheLongSprint(String... args) throws IOException {
    Path rejects = dir.resolve("rejects.txt");
    SparkTestSupport.Run r = okr(concat(concat(args, "--rejects", rejects.toString()), strings(files)));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).endsWith("okr: skipped 1 bad line of 2,731 (listed in " + rejects + ")\n");
    assertThat(Files.readString(rejects)).isEqualTo(rejected);
    return r;
  }

  @Test
  void backtest_sameJsonForAnyPartitioning() throws IOException {
    SparkTestSupport.Run local = okrSkippingTheLongSprint("backtest", "--format", "json");
    for (int n : new int[] {1, 3, 16}) {
      SparkResult<BacktestReport> r = SparkBacktest.withDefaults().runLines(partitioned(n));
      assertThat(r.json()).as("%d partitions", n).isEqualTo(local.out());
      assertThat(r.rejectedLines()).isEqualTo(1);
      assertThat(r.lines()).isEqualTo(2731);
      assertThat(r.cycles()).isEqualTo(r.report().cycles()).isEqualTo(2730);
    }
  }

  @Test
  void retro_sameJsonForAnyPartitioning() throws IOException {
    SparkTestSupport.Run local = okrSkippingTheLongSprint("retro", "--format", "json");
    for (int n : new int[] {1, 3, 16}) {
      SparkResult<RetroReport> r = SparkRetro.withDefaults().runLines(partitioned(n));
      assertThat(r.json()).as("%d partitions", n).isEqualTo(local.out());
    }
  }

  @Test
  void engineSpark_sameOutputAsTheLocalEngine() throws IOException {
    String[] weekly = {"backtest", "--weekly", "--method", "plan-prior-bayes"};
    SparkTestSupport.Run local = okrSkippingTheLongSprint(weekly);
    SparkTestSupport.Run onSpark = okrSkippingTheLongSprint(concat(weekly, "--engine", "spark", "--master",
        "local[2]"));
    assertThat(onSpark.out()).isEqualTo(local.out()).startsWith("2,730 cycles");

    String[] retro = {"retro", "--format", "json", "--by", "all", "--no-forecasts"};
    SparkTestSupport.Run retroOnSpark = okrSkippingTheLongSprint(concat(retro, "--engine", "spark"));
    assertThat(retroOnSpark.out()).isEqualTo(okrSkippingTheLongSprint(retro).out());

    // without --rejects the line is bad input on either engine
    SparkTestSupport.Run strict = okr(concat(concat(retro, "--engine", "spark"), strings(files)));
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.out()).isEmpty();
    // the warnings of the lines read first (duplicate check-in instants of the TSE sprints), then the problem, as
    // the okr command prints them
    SparkTestSupport.Run strictLocal = okr(concat(retro, strings(files)));
    assertThat(strictLocal.code()).isEqualTo(2);
    assertThat(strict.err()).isEqualTo(strictLocal.err()).contains(": warning: ").endsWith("\n" + rejected);
  }

  @Test
  void datasetOfStrings_sameJson() {
    Dataset<String> one = spark.read().textFile(files[1].toString());
    SparkTestSupport.Run local = okr("backtest", "--format", "json", "--rejects",
        dir.resolve("tse-rejects.txt").toString(), files[1].toString());
    assertThat(local.code()).as(local.err()).isZero();
    SparkResult<BacktestReport> r = SparkBacktest.withDefaults().run(one);
    assertThat(r.json()).isEqualTo(local.out());
    assertThat(r.rejectedLines()).isEqualTo(1);
    assertThat(r.rejects().collectAsList()).extracting(x -> x.getString(0) + ":" + x.getLong(1) + ": "
        + x.getList(2)).containsExactly("<dataset>:890: [" + rejected.substring(rejected.indexOf("cycle.end"),
        rejected.length() - 1) + "]");
  }
}
