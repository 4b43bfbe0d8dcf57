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
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.OkrCycle;

/**
 * {@code okr backtest} on Spark: every method at every origin over {@code okr-cycle/1} JSON Lines, each partition
 * scored by the backtest's own accumulator, the accumulators merged exactly. The JSON equals what
 * {@code okr backtest --format json} writes for the same input, whatever the partitioning. Immutable; configure with
 * the {@code with...} copies.
 */
public final class SparkBacktest {
  private static final SparkBacktest DEFAULTS = new SparkBacktest(new Settings(
      Backtest.withDefaults().origins(), Backtest.withDefaults().methods(), null));

  private final Settings settings;

  private SparkBacktest(Settings settings) {
    this.settings = settings;
  }

  /** Origins 25%, 50% and 75%, every method: {@code okr backtest}'s defaults. */
  public static SparkBacktest withDefaults() {
    return DEFAULTS;
  }

  /**
   * The settings of {@code backtest}: its origins and methods, with the default forecaster's settings and the
   * library's model ({@link #withModel} gives another).
   */
  public static SparkBacktest of(Backtest backtest) {
    return new SparkBacktest(new Settings(backtest.origins(), backtest.methods(), null));
  }

  /** A copy forecasting weekly, as {@code okr backtest --weekly}. */
  public SparkBacktest withWeeklyOrigins() {
    return new SparkBacktest(settings.with(settings.backtest().withWeeklyOrigins()));
  }

  /** A copy scoring only {@code methods}, as {@code okr backtest --method}. */
  public SparkBacktest withMethods(List<ForecastMethod> methods) {
    return new SparkBacktest(settings.with(settings.backtest().withMethods(methods)));
  }

  /**
   * A copy forecasting with {@code model}, as {@code okr backtest --model}: it travels to the executors as its
   * {@code okr-forecast-model/1} document, which reads back to the same numbers.
   */
  public SparkBacktest withModel(ForecastModel model) {
    return new SparkBacktest(new Settings(settings.origins(), settings.methods(),
        Objects.requireNonNull(model, "model must not be null").toJson()));
  }

  /** The backtest of the JSON Lines files {@code paths}, rejects named by file and line. */
  public SparkResult<BacktestReport> run(SparkSession spark, String... paths) {
    return run(CycleLines.scan(spark, paths), 0);
  }

  /** The run of a {@link CycleLines#scan}, repartitioned into {@code partitions} first when above 0. */
  SparkResult<BacktestReport> run(Dataset<Row> scan, int partitions) {
    return SparkRun.run(settings, partitions > 0 ? scan.repartition(partitions) : scan,
        () -> CycleLines.number(scan));
  }

  /**
   * The backtest of {@code lines}, one JSON document per row; rejects are numbered by their position in the dataset
   * (the line number when the dataset is one file read in order).
   */
  public SparkResult<BacktestReport> run(Dataset<String> lines) {
    return SparkRun.run(settings, lines.toDF("value"), () -> CycleLines.numbered(lines, "<dataset>"));
  }

  /** The backtest of numbered lines ({@link CycleLines#SCHEMA}: file, line, value), partitioned as they are. */
  public SparkResult<BacktestReport> runLines(Dataset<Row> lines) {
    return SparkRun.run(settings, lines);
  }

  /**
   * The settings, sent to the executors; each builds its backtest there.
   *
   * @param model the model's {@code okr-forecast-model/1} document, or null for the library's model
   */
  record Settings(double[] origins, List<ForecastMethod> methods, String model) implements
      Kernel<Backtest.Accumulator, BacktestReport> {
    private static final long serialVersionUID = 1L;

    Settings {
      methods = List.copyOf(methods);
    }

    /** These settings with the origins and methods of {@code backtest}. */
    Settings with(Backtest backtest) {
      return new Settings(backtest.origins(), backtest.methods(), model);
    }

    Backtest backtest() {
      Backtest b = Backtest.withDefaults().withOrigins(origins).withMethods(methods);
      return model == null ? b : b.withForecaster(Forecaster.withDefaults().withModel(ForecastModel.fromJson(model)));
    }

    @Override
    public Backtest.Accumulator newAccumulator() {
      return backtest().newAccumulator();
    }

    @Override
    public void add(Backtest.Accumulator acc, OkrCycle cycle) {
      acc.add(cycle);
    }

    @Override
    public byte[] toBytes(Backtest.Accumulator acc) {
      return acc.toBytes();
    }

    @Override
    public void mergeBytes(Backtest.Accumulator acc, byte[] bytes) {
      acc.mergeBytes(bytes);
    }

    @Override
    public BacktestReport report(Backtest.Accumulator acc) {
      return acc.report();
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
