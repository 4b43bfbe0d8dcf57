package org.okrengine.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.InvalidModelException;
import org.okrengine.model.Problem;
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

  @Option(names = "--model", paramLabel = "FILE", description = "forecast with this model (okr-forecast-model/1, as "
      + "okr fit writes it; any Hadoop file system); default: the library's model")
  String model;

  /**
   * The model of {@code --model}, read on the driver, or null without one.
   *
   * @throws InvalidModelException when the document breaks its rules
   * @throws IOException when the file cannot be read
   */
  ForecastModel model(SparkSession spark) throws IOException {
    if (model == null) {
      return null;
    }
    Path path = new Path(model);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (InputStream in = fs.open(path)) {
      return ForecastModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * Runs {@code job} with the model of {@code --model}; a model file that breaks its rules is exit code 2, each
   * problem on {@code err} as {@code FILE: path: message}, or {@code FILE:LINE: message (column C)} for malformed
   * JSON, as the okr command writes them.
   */
  int withModel(SparkSession spark, PrintWriter err, ModelJob job) throws Exception {
    ForecastModel m;
    try {
      m = model(spark);
    } catch (InvalidModelException e) {
      for (Problem p : e.problems()) {
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(p.path());
        String line = at.matches() ? model + ":" + at.group(1) + ": " + p.message() + " (column " + at.group(2) + ")"
            : model + ": " + p;
        err.println(org.okrengine.model.SafeText.printable(line));
      }
      err.flush();
      return 2;
    } catch (java.io.FileNotFoundException e) {
      err.println(model + ": no such file");
      err.flush();
      return 2;
    }
    return job.run(m);
  }

  /** A job given the model of {@code --model} (null for the library's). */
  interface ModelJob {
    int run(ForecastModel model) throws Exception;
  }

  /** Where the rejected lines go: {@code --rejects}, or {@code --out} with {@code .rejects} appended. */
  String rejectsPath() {
    return rejects == null ? out + ".rejects" : rejects;
  }

  String[] inputArray() {
    return inputs.toArray(String[]::new);
  }
}
