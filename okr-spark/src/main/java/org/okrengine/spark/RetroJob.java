package org.okrengine.spark;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.okrengine.retro.Grouping;
import org.okrengine.retro.Retrospective;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The retrospective as a Spark application, for {@code spark-submit --class org.okrengine.spark.RetroJob}: writes
 * the {@code okr-retro/1} JSON that {@code okr retro --format json} would, and the rejected lines.
 */
@Command(name = "RetroJob", mixinStandardHelpOptions = true,
    description = "okr retro on Spark: the retrospective of okr-cycle/1 JSON Lines.")
public final class RetroJob implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "JSON Lines files, folders or globs (any Hadoop "
      + "file system)")
  List<String> inputs;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write okr-retro/1 JSON")
  String out;

  @Option(names = "--rejects", paramLabel = "DIR", description = "where to write the rejected lines as JSON Lines "
      + "(file, line, problems); default FILE.rejects")
  String rejects;

  @Option(names = "--by", defaultValue = "team", split = ",", paramLabel = "GROUPING|all",
      description = "completion breakdowns, comma-separated (default team)")
  List<String> by;

  @Option(names = "--no-forecasts", description = "skip the weekly forecast replay")
  boolean noForecasts;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "repartition the lines into N partitions first (0: as Spark reads them)")
  int partitions;

  @Option(names = "--master", paramLabel = "URL", description = "the master, when not started by spark-submit")
  String master;

  @Override
  public Integer call() throws Exception {
    Set<Grouping> groupings = EnumSet.noneOf(Grouping.class);
    for (String b : by) {
      if (b.equals("all")) {
        groupings.addAll(EnumSet.allOf(Grouping.class));
      } else {
        groupings.add(Grouping.fromJsonName(b).orElseThrow(() -> new CommandLine.ParameterException(
            new CommandLine(this), "--by: unknown grouping '" + b + "'")));
      }
    }
    Retrospective retro = Retrospective.withDefaults().withGroupings(groupings);
    if (noForecasts) {
      retro = retro.withoutForecasts();
    }
    try (Sessions.Handle session = Sessions.start(master, "okr retro")) {
      SparkSession spark = session.spark;
      return JobOutput.write(spark, SparkRetro.of(retro).run(CycleLines.scan(spark, inputs.toArray(String[]::new)),
          partitions), out, rejects == null ? out + ".rejects" : rejects, BacktestJob.log());
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
