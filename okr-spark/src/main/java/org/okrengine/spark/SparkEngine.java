package org.okrengine.spark;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.retro.DistributedEngine;
import org.okrengine.retro.RetroReport;
import org.okrengine.retro.Retrospective;

/**
 * {@code --engine spark} of the okr command (found by okr-cli through {@link java.util.ServiceLoader}; okr-spark
 * depends on the library only): runs the backtest or retrospective it is given, with every setting, on a Spark
 * session for {@code --master}, and reports rejected lines as the command does ({@code file:line: problem}), so either
 * engine gives the same output and exit code. Thread-safe (stateless).
 */
public final class SparkEngine implements DistributedEngine {
  /** At most this many problems are listed; the rest are counted. */
  static final int MAX_PROBLEMS = 1000;

  /** At most this many warnings are listed; the rest are counted (as the okr command does). */
  static final int MAX_WARNINGS = 20;

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public Run<BacktestReport> backtest(String master, List<Path> files, Backtest backtest, boolean everyReject) {
    return run(master, "okr backtest", files, everyReject, SparkBacktest.of(backtest)::run);
  }

  @Override
  public Run<RetroReport> retro(String master, List<Path> files, Retrospective retro, boolean everyReject) {
    return run(master, "okr retro", files, everyReject, SparkRetro.of(retro)::run);
  }

  private interface Job<R> {
    SparkResult<R> run(SparkSession spark, String[] paths);
  }

  /**
   * Runs {@code job}; the problems of the rejected lines are collected on the driver (all of them with
   * {@code everyReject}, as the okr command holds them; otherwise the first {@link #MAX_PROBLEMS} lines').
   */
  private static <R> Run<R> run(String master, String app, List<Path> files, boolean everyReject, Job<R> job) {
    List<String> problems = new ArrayList<>();
    Map<Path, Path> given = new HashMap<>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        // as the okr command says it (it read "no such file")
        problems.add(f + ": is a directory; give the files in it (" + f.resolve("*.jsonl") + ")");
      } else if (f.toString().equals("-") || Files.exists(f) && !Files.isRegularFile(f)) {
        // the okr command reads these; Spark's executors read files (it read "no such file")
        problems.add(f + ": --engine spark reads files, not standard input or a pipe: save it to a .jsonl file");
      } else if (!Files.isRegularFile(f)) {
        problems.add(f + ": no such file");
      } else if (!isJsonLines(f)) {
        problems.add(f + ": --engine spark reads JSON Lines (.jsonl or .ndjson) only");
      } else {
        given.putIfAbsent(f.toAbsolutePath().normalize(), f);
      }
    }
    if (!problems.isEmpty()) {
      return new Run<>(null, problems, 0, 0);
    }
    try (Sessions.Handle session = Sessions.start(master, app)) {
      SparkSession spark = session.spark;
      SparkResult<R> result = job.run(spark, files.stream().map(f -> f.toAbsolutePath().normalize().toString())
          .toArray(String[]::new));
      if (result.rejectedLines() > 0) {
        Dataset<Row> sorted = result.rejects().orderBy("file", "line");
        List<Row> rows = new ArrayList<>((everyReject ? sorted : sorted.limit(MAX_PROBLEMS)).collectAsList());
        // in the order of the command line, as the okr command lists them
        List<Path> order = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        rows.sort(Comparator.<Row>comparingInt(r -> order.indexOf(path(r.getString(0))))
            .thenComparingLong(r -> r.getLong(1)));
        for (Row r : rows) {
          String file = displayName(r.getString(0), given);
          for (String p : r.<String>getList(2)) {
            // malformed JSON is placed at "line L, column C": FILE:L: message (column C), as the okr command writes it
            java.util.regex.Matcher at = MALFORMED.matcher(p);
            problems.add(at.matches() ? file + ":" + at.group(1) + ": " + at.group(3) + " (column " + at.group(2) + ")"
                : file + ":" + r.getLong(1) + ": " + p);
          }
        }
        if (result.rejectedLines() > rows.size()) {
          problems.add("... and " + (result.rejectedLines() - rows.size()) + " more rejected lines");
        }
      }
      return new Run<>(result.report(), problems, result.lines(), result.rejectedLines(),
          warnings(result, files, given));
    }
  }

  /**
   * The first {@link #MAX_WARNINGS} warnings of the lines, in the order of the command line and of the lines, as
   * {@code file:line: warning: path: message}, and a line counting the rest, as the okr command prints them.
   */
  private static List<String> warnings(SparkResult<?> result, List<Path> files, Map<Path, Path> given) {
    List<String> out = new ArrayList<>();
    if (result.warnings() == 0) {
      return out;
    }
    // at most the first MAX_WARNINGS lines of each file reach the driver
    Dataset<Row> firstOfEachFile = result.warned()
        .withColumn("n", functions.row_number().over(Window.partitionBy("file").orderBy("line")))
        .where(functions.col("n").leq(MAX_WARNINGS)).drop("n");
    List<Row> rows = new ArrayList<>(firstOfEachFile.collectAsList());
    List<Path> order = files.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    rows.sort(Comparator.<Row>comparingInt(r -> order.indexOf(path(r.getString(0))))
        .thenComparingLong(r -> r.getLong(1)));
    for (Row r : rows) {
      for (String w : r.<String>getList(2)) {
        if (out.size() < MAX_WARNINGS) {
          out.add(displayName(r.getString(0), given) + ":" + r.getLong(1) + ": warning: " + w);
        }
      }
    }
    if (result.warnings() > out.size()) {
      out.add("... and " + (result.warnings() - out.size()) + " more warnings");
    }
    return out;
  }

  private static final java.util.regex.Pattern MALFORMED = java.util.regex.Pattern.compile(
      "line (\\d+), column (\\d+): (.*)", java.util.regex.Pattern.DOTALL);

  /** The file as the command line named it, or Spark's name of it. */
  static String displayName(String uri, Map<Path, Path> given) {
    Path p = path(uri);
    Path g = p == null ? null : given.get(p);
    return g != null ? g.toString() : p != null ? p.toString() : uri;
  }

  /** The local path of Spark's name of a file, or null when it is not a local file. */
  static Path path(String uri) {
    try {
      return Path.of(URI.create(uri)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  static boolean isJsonLines(Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".jsonl") || n.endsWith(".ndjson");
  }
}
