package org.okrengine.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.forecast.ResultTimingEvidence;
import org.okrengine.model.Accumulator;
import org.okrengine.model.OkrCycle;

/**
 * Runs a {@link Kernel} over numbered lines: each partition parses its lines with the engine's reader and feeds the
 * valid cycles to one accumulator rebuilt from the kernel's bytes (so with every setting the driver was given), the
 * accumulators travel as bytes and merge in a tree on the executors; only the merged accumulator (never a cycle)
 * reaches the driver.
 */
final class SparkRun {
  /** The schema of the rejects: {@code file}, {@code line}, every {@code problem} of the line. */
  static final StructType REJECTS = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, false)
      .add("problems", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** The schema of the lines with warnings: {@code file}, {@code line}, every {@code warning} of the line. */
  static final StructType WARNED = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, false)
      .add("warnings", DataTypes.createArrayType(DataTypes.StringType, false), false);

  private SparkRun() {}

  /** Runs over numbered lines ({@link CycleLines#SCHEMA}). */
  static <A extends Accumulator<OkrCycle, R, A>, R> SparkResult<R> run(Kernel<A, R> kernel, Dataset<Row> lines) {
    return run(kernel, lines, () -> lines);
  }

  /**
   * Runs over {@code lines} (a {@code value} column: the valid lines need no number); {@code numbered} gives the
   * numbered lines ({@link CycleLines#SCHEMA}) for the rejects, and is called only when they are asked for.
   */
  static <A extends Accumulator<OkrCycle, R, A>, R> SparkResult<R> run(Kernel<A, R> kernel, Dataset<Row> lines,
      Supplier<Dataset<Row>> numbered) {
    JavaRDD<Row> values = lines.select("value").javaRDD();
    Partial zero = Partial.empty(kernel);
    Partial total = values.mapPartitions(new Scan<>(kernel))
        .treeAggregate(zero, new Merge<>(kernel), new Merge<>(kernel), 2);
    R report = kernel.finish(kernel.fromBytes(total.state).report());
    return new SparkResult<>(kernel.name(), report, kernel.json(report), total.lines, total.cycles, total.rejected,
        total.warnings, listed(numbered, false, REJECTS), listed(numbered, true, WARNED));
  }

  /** The rejected lines ({@code warnings} false) or the lines with warnings of {@code numbered}, when asked for. */
  private static Supplier<Dataset<Row>> listed(Supplier<Dataset<Row>> numbered, boolean warnings, StructType schema) {
    return () -> {
      Dataset<Row> n = numbered.get();
      return n.sparkSession().createDataFrame(n.select("file", "line", "value").javaRDD()
          .mapPartitions(new Listed(warnings)), schema);
    };
  }

  /**
   * What the valid cycles of {@code lines} (a {@code value} column) say of when their results were taken: a pass that
   * parses and checks each line and forecasts nothing, for a backtest that {@linkplain ResultTiming#DETECT detects}
   * it before forecasting.
   */
  static ResultTimingEvidence evidence(Dataset<Row> lines) {
    // fold, not reduce: an empty input has no partition to reduce
    long[] counts = lines.select("value").javaRDD().mapPartitions(new Evidence()).fold(new long[2], new Sum());
    return new ResultTimingEvidence(counts[0], counts[1]);
  }

  /** One partition's evidence: key results compared, and equal. */
  private static final class Evidence implements FlatMapFunction<Iterator<Row>, long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<long[]> call(Iterator<Row> rows) {
      ResultTimingEvidence e = ResultTimingEvidence.NONE;
      while (rows.hasNext()) {
        Object text = rows.next().get(0);
        if (LineCheck.isBlank(text)) {
          continue;
        }
        OkrCycle cycle = LineCheck.check(1, text).cycle();
        if (cycle != null) {
          e = e.plus(ResultTimingEvidence.of(cycle));
        }
      }
      return Collections.singletonList(new long[] {e.compared(), e.equal()}).iterator();
    }
  }

  private static final class Sum implements Function2<long[], long[], long[]> {
    private static final long serialVersionUID = 1L;

    @Override
    public long[] call(long[] a, long[] b) {
      return new long[] {a[0] + b[0], a[1] + b[1]};
    }
  }

  /** One partition: its lines parsed and checked, the valid cycles added to one accumulator. */
  private static final class Scan<A extends Accumulator<OkrCycle, R, A>, R>
      implements FlatMapFunction<Iterator<Row>, Partial> {
    private static final long serialVersionUID = 2L;
    private final Kernel<A, R> kernel;

    Scan(Kernel<A, R> kernel) {
      this.kernel = kernel;
    }

    @Override
    public Iterator<Partial> call(Iterator<Row> rows) {
      A acc = kernel.fromBytes(kernel.empty());
      long lines = 0;
      long cycles = 0;
      long rejected = 0;
      long warnings = 0;
      while (rows.hasNext()) {
        Object text = rows.next().get(0);
        if (LineCheck.isBlank(text)) {
          continue;
        }
        lines++;
        // a valid document reads the same on any line; a rejected one is numbered later, for the rejects only
        LineCheck.Outcome o = LineCheck.check(1, text);
        warnings += o.warnings().size();
        if (o.cycle() == null) {
          rejected++;
        } else {
          cycles++;
          acc.add(o.cycle());
        }
      }
      return Collections.singletonList(new Partial(acc.toBytes(), lines, cycles, rejected, warnings))
          .iterator();
    }
  }

  private static final class Merge<A extends Accumulator<OkrCycle, R, A>, R>
      implements Function2<Partial, Partial, Partial> {
    private static final long serialVersionUID = 2L;
    private final Kernel<A, R> kernel;

    Merge(Kernel<A, R> kernel) {
      this.kernel = kernel;
    }

    @Override
    public Partial call(Partial a, Partial b) {
      return Partial.merge(kernel, a, b);
    }
  }

  /**
   * The lines of a partition, each with every one of its warnings ({@code warnings}: the lines that have any) or with
   * every problem ({@code !warnings}: the rejected lines); parses only (no forecasting), and only when asked.
   */
  private static final class Listed implements FlatMapFunction<Iterator<Row>, Row> {
    private static final long serialVersionUID = 1L;
    private final boolean warnings;

    Listed(boolean warnings) {
      this.warnings = warnings;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        Object text = r.get(2);
        if (LineCheck.isBlank(text)) {
          continue;
        }
        LineCheck.Outcome o = LineCheck.check(r.getLong(1), text);
        if (warnings ? !o.warnings().isEmpty() : o.cycle() == null) {
          List<String> listed = warnings ? o.warnings() : o.problems();
          out.add(RowFactory.create(r.getString(0), r.getLong(1), listed.toArray(new String[0])));
        }
      }
      return out.iterator();
    }
  }
}
