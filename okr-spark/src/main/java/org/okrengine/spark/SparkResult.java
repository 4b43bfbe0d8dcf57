package org.okrengine.spark;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a Spark job found: the report, its JSON (byte for byte what the okr command writes for the same input), counts
 * of lines, and the rejected lines.
 *
 * @param <R> the report
 */
public final class SparkResult<R> {
  private final String job;
  private final R report;
  private final String json;
  private final long lines;
  private final long cycles;
  private final long rejectedLines;
  private final long warnings;
  private final Supplier<Dataset<Row>> rejects;
  private Dataset<Row> rejectsDataset;
  private final Supplier<Dataset<Row>> warned;

  SparkResult(String job, R report, String json, long lines, long cycles, long rejectedLines, long warnings,
      Supplier<Dataset<Row>> rejects, Supplier<Dataset<Row>> warned) {
    this.job = job;
    this.report = report;
    this.json = json;
    this.lines = lines;
    this.cycles = cycles;
    this.rejectedLines = rejectedLines;
    this.warnings = warnings;
    this.rejects = rejects;
    this.warned = warned;
  }

  /**
   * The lines with warnings, {@code (file, line, warnings)} with every warning ({@code path: message}) of each;
   * computed when used (numbering the lines, then a pass that parses).
   */
  Dataset<Row> warned() {
    return warned.get();
  }

  /** The job's name in logs: {@code backtest} or {@code retro}. */
  String job() {
    return job;
  }

  /** The report of the valid cycles. */
  public R report() {
    return report;
  }

  /** The report as JSON, as {@code okr backtest --format json} or {@code okr retro --format json} prints it. */
  public String json() {
    return json;
  }

  /** Non-blank lines read. */
  public long lines() {
    return lines;
  }

  /** Valid cycles (the lines that loaded). */
  public long cycles() {
    return cycles;
  }

  /** Lines rejected: malformed JSON, invalid documents, dependency cycles. */
  public long rejectedLines() {
    return rejectedLines;
  }

  /** Warnings of the valid and rejected lines (unknown fields and the like). */
  public long warnings() {
    return warnings;
  }

  /**
   * The rejected lines, {@code (file, line, problems)} with every problem of each; computed when used (numbering the
   * lines, then a pass that parses without forecasting), so a run without rejects costs nothing more.
   */
  public synchronized Dataset<Row> rejects() {
    if (rejectsDataset == null) {
      rejectsDataset = rejects.get();
    }
    return rejectsDataset;
  }

  /** One line for a log: what was read, what was rejected. */
  public String summary() {
    return String.format(Locale.ROOT, "okr-spark %s: %d lines, %d cycles, %d rejected lines, %d warnings", job,
        lines, cycles, rejectedLines, warnings);
  }
}
