package org.okrengine.spark;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.okrengine.retro.Grouping;
import org.okrengine.retro.Retrospective;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The retrospective as a Spark application, for {@code spark-submit --class org.okrengine.spark.RetroJob}: writes
 * the {@code okr-retro/1} JSON that {@code okr retro --format json} would, and the rejected lines.
 */
@Command(name = "RetroJob", mixinStandardHelpOptions = true,
    description = "okr retro on Spark: the retrospective of okr-cycle/1 JSON Lines.")
public final class RetroJob implements Callable<Integer> {
  @Mixin
  JobOptions job;

  @Option(names = "--by", defaultValue = "team", split = ",", paramLabel = "GROUPING|all",
      description = "completion breakdowns, comma-separated (default team)")
  List<String> by;

  @Option(names = "--no-forecasts", description = "skip the weekly forecast replay")
  boolean noForecasts;

  @Override
  public Integer call() throws Exception {
    Set<Grouping> groupings;
    try {
      groupings = Grouping.parse(by);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--by: " + e.getMessage(), e);
    }
    Retrospective retro = Retrospective.withDefaults().withGroupings(groupings);
    if (noForecasts) {
      retro = retro.withoutForecasts();
    }
    SparkRetro settings = SparkRetro.of(retro);
    try (Sessions.Handle session = Sessions.start(job.master, "okr retro")) {
      SparkSession spark = session.spark;
      return job.withModel(spark, BacktestJob.errors(), model -> JobOutput.write(spark,
          (model == null ? settings : settings.withModel(model)).run(CycleLines.scan(spark, job.inputArray()),
              job.partitions), job.out, job.rejectsPath(), BacktestJob.log()));
    }
  }

  /** Entry point: exit code 0, or 2 on bad options. */
  public static void main(String[] args) {
    int code = new CommandLine(new RetroJob()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
