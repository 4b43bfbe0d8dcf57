package org.okrengine.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ResultTiming;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The backtest as a Spark application, for {@code spark-submit --class org.okrengine.spark.BacktestJob}: writes the
 * {@code okr-backtest/1} JSON that {@code okr backtest --format json} would, and the rejected lines.
 */
@Command(name = "BacktestJob", mixinStandardHelpOptions = true,
    description = "okr backtest on Spark: every method at every origin over okr-cycle/1 JSON Lines.")
public final class BacktestJob implements Callable<Integer> {
  @Mixin
  JobOptions job;

  @Option(names = "--method", defaultValue = "all", paramLabel = "NAME|all", description = "a method or all")
  String method;

  @Option(names = "--weekly", description = "forecast weekly instead of at 25/50/75%%")
  boolean weekly;

  @Option(names = "--outcome-from-last-check-in",
      description = "score a key result without result.finalValue against its last check-in (as okr backtest)")
  boolean outcomeFromLastCheckIn;

  @Option(names = "--results-at", defaultValue = "detect", paramLabel = "detect|end|last-check-in",
      description = "when the results were taken: detect (the default), end or last-check-in (as okr backtest)")
  String resultsAt;

  @Override
  public Integer call() throws Exception {
    ResultTiming timing = ResultTiming.fromId(resultsAt);
    if (timing == null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--results-at: must be detect, end or "
          + "last-check-in: '" + resultsAt + "'");
    }
    SparkBacktest bt = SparkBacktest.of(Backtest.withDefaults().withOutcomeFromLastCheckIn(outcomeFromLastCheckIn)
        .withResultTiming(timing));
    if (!method.equals("all")) {
      bt = bt.withMethods(List.of(ForecastMethod.fromId(method).orElseThrow(
          () -> new CommandLine.ParameterException(new CommandLine(this), "--method: unknown method '" + method
              + "'"))));
    }
    if (weekly) {
      bt = bt.withWeeklyOrigins();
    }
    SparkBacktest settings = bt;
    try (Sessions.Handle session = Sessions.start(job.master, "okr backtest")) {
      SparkSession spark = session.spark;
      return job.withModel(spark, errors(), model -> JobOutput.write(spark,
          (model == null ? settings : settings.withModel(model)).run(CycleLines.scan(spark, job.inputArray()),
              job.partitions), job.out, job.rejectsPath(), log()));
    }
  }

  static PrintWriter log() {
    return new PrintWriter(System.out, true, StandardCharsets.UTF_8);
  }

  static PrintWriter errors() {
    return new PrintWriter(System.err, true, StandardCharsets.UTF_8);
  }

  /** Entry point: exit code 0, or 2 on bad options. */
  public static void main(String[] args) {
    int code = new CommandLine(new BacktestJob()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
