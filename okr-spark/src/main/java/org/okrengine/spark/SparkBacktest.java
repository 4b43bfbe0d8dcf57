package org.okrengine.spark;

import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestJson;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.forecast.ResultTimingEvidence;

/**
 * {@code okr backtest} on Spark: every method at every origin over {@code okr-cycle/1} JSON Lines, each partition
 * scored by the backtest's own accumulator, the accumulators merged exactly. The JSON equals what
 * {@code okr backtest --format json} writes for the same input, whatever the partitioning, and what
 * {@link Backtest#run} gives for the backtest this was made {@linkplain #of of}: every setting (origins, methods, the
 * forecaster's model and stale days) reaches the executors in the bytes of an empty accumulator
 * ({@link Backtest.Accumulator#fromBytes}). Where the backtest detects when its results were taken (the default,
 * {@link ResultTiming#DETECT}), a first pass over the lines, which only parses, adds up their
 * {@link ResultTimingEvidence} and the accumulators are made with the timing it gives, as {@link Backtest#run} does:
 * the same report. Walk-forward backtests are single-machine work
 * ({@link Backtest#runWalkForward}). Immutable and thread-safe; configure with the {@code with...} copies.
 */
public final class SparkBacktest {
  private static final SparkBacktest DEFAULTS = new SparkBacktest(Backtest.withDefaults());

  private final Backtest backtest;

  private SparkBacktest(Backtest backtest) {
    this.backtest = backtest;
  }

  /** Origins 25%, 50% and 75%, every method: {@code okr backtest}'s defaults. */
  public static SparkBacktest withDefaults() {
    return DEFAULTS;
  }

  /** {@code backtest} on Spark, with every one of its settings. */
  public static SparkBacktest of(Backtest backtest) {
    return new SparkBacktest(Objects.requireNonNull(backtest, "backtest must not be null"));
  }

  /** A copy forecasting weekly, as {@code okr backtest --weekly}. */
  public SparkBacktest withWeeklyOrigins() {
    return new SparkBacktest(backtest.withWeeklyOrigins());
  }

  /** A copy scoring only {@code methods}, as {@code okr backtest --method}. */
  public SparkBacktest withMethods(List<ForecastMethod> methods) {
    return new SparkBacktest(backtest.withMethods(methods));
  }

  /** A copy forecasting with {@code model}, as {@code okr backtest --model}; the forecaster's other settings kept. */
  public SparkBacktest withModel(ForecastModel model) {
    return new SparkBacktest(backtest.withForecaster(backtest.forecaster()
        .withModel(Objects.requireNonNull(model, "model must not be null"))));
  }

  /** The backtest this runs. */
  public Backtest backtest() {
    return backtest;
  }

  /** The backtest of the JSON Lines files {@code paths}, rejects named by file and line. */
  public SparkResult<BacktestReport> run(SparkSession spark, String... paths) {
    return run(CycleLines.scan(spark, paths), 0);
  }

  /** The run of a {@link CycleLines#scan}, repartitioned into {@code partitions} first when above 0. */
  SparkResult<BacktestReport> run(Dataset<Row> scan, int partitions) {
    // the evidence pass reads the lines as they are (no shuffle for it)
    Settings kernel = kernel(scan);
    return SparkRun.run(kernel, partitions > 0 ? scan.repartition(partitions) : scan, () -> CycleLines.number(scan));
  }

  /**
   * The backtest of {@code lines}, one JSON document per row; rejects are numbered by their position in the dataset
   * (the line number when the dataset is one file read in order).
   */
  public SparkResult<BacktestReport> run(Dataset<String> lines) {
    Dataset<Row> values = lines.toDF("value");
    return SparkRun.run(kernel(values), values, () -> CycleLines.numbered(lines, "<dataset>"));
  }

  /** The backtest of numbered lines ({@link CycleLines#SCHEMA}: file, line, value), partitioned as they are. */
  public SparkResult<BacktestReport> runLines(Dataset<Row> lines) {
    return SparkRun.run(kernel(lines), lines);
  }

  /**
   * The kernel of this backtest over {@code lines}: with {@link ResultTiming#DETECT}, a first pass over the lines
   * decides when the results were taken ({@link ResultTimingEvidence}), as {@link Backtest#run} does, and the report
   * carries that evidence.
   */
  private Settings kernel(Dataset<Row> lines) {
    if (backtest.resultTiming() != ResultTiming.DETECT) {
      return new Settings(backtest.newAccumulator().toBytes(), -1, -1);
    }
    ResultTimingEvidence e = SparkRun.evidence(lines);
    return new Settings(backtest.withResultTiming(e.timing()).newAccumulator().toBytes(), e.compared(), e.equal());
  }

  /**
   * The settings sent to the executors: an empty accumulator's bytes, from which each builds its accumulators.
   *
   * @param empty the bytes of an empty accumulator of the backtest
   * @param compared the key results compared for the result timing, -1 where it was not detected
   * @param equal of those, the ones whose result is their last check-in (-1 where not detected)
   */
  record Settings(byte[] empty, long compared, long equal) implements Kernel<Backtest.Accumulator, BacktestReport> {
    private static final long serialVersionUID = 3L;

    @Override
    public BacktestReport finish(BacktestReport report) {
      return compared < 0 ? report : report.withEvidence(new ResultTimingEvidence(compared, equal));
    }

    @Override
    public Backtest.Accumulator fromBytes(byte[] bytes) {
      return Backtest.Accumulator.fromBytes(bytes);
    }

    @Override
    public String json(BacktestReport report) {
      return BacktestJson.write(report);
    }

    @Override
    public String name() {
      return "backtest";
    }
  }
}
