package org.okrengine.spark;

import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The input, output and Spark options every job takes ({@link BacktestJob}, {@link RetroJob}). */
final class JobOptions {
  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "JSON Lines files, folders or globs (any Hadoop "
      + "file system)")
  List<String> inputs;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the report's JSON")
  String out;

  @Option(names = "--rejects", paramLabel = "DIR", description = "where to write the rejected lines as JSON Lines "
      + "(file, line, problems); default FILE.rejects")
  String rejects;

  @Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
      description = "repartition the lines into N partitions first (0: as Spark reads them)")
  int partitions;

  @Option(names = "--master", paramLabel = "URL", description = "the master, when not started by spark-submit")
  String master;

  /** Where the rejected lines go: {@code --rejects}, or {@code --out} with {@code .rejects} appended. */
  String rejectsPath() {
    return rejects == null ? out + ".rejects" : rejects;
  }

  String[] inputArray() {
    return inputs.toArray(String[]::new);
  }
}
