package org.okrengine.spark;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.OkrCycle;
import org.okrengine.retro.Grouping;
import org.okrengine.retro.RetroJson;
import org.okrengine.retro.RetroReport;
import org.okrengine.retro.Retrospective;

/**
 * {@code okr retro} on Spark: the retrospective of {@code okr-cycle/1} JSON Lines, each partition fed to the
 * retrospective's own accumulator, the accumulators merged exactly. The JSON equals what
 * {@code okr retro --format json} writes for the same input, whatever the partitioning. Immutable.
 */
public final class SparkRetro {
  private final Settings settings;

  private SparkRetro(Settings settings) {
    this.settings = settings;
  }

  /** {@code okr retro}'s defaults: completion by team ({@code --by team}), forecasts replayed. */
  public static SparkRetro withDefaults() {
    return of(Retrospective.withDefaults().withGroupings(EnumSet.of(Grouping.TEAM)));
  }

  /**
   * The settings of {@code retro}: its groupings and whether it replays forecasts, with the default forecaster and
   * the library's model ({@link #withModel} gives another).
   */
  public static SparkRetro of(Retrospective retro) {
    return new SparkRetro(new Settings(EnumSet.copyOf(retro.groupings()), retro.replaysForecasts(), null));
  }

  /**
   * A copy replaying forecasts with {@code model}, as {@code okr retro --model}: it travels to the executors as its
   * {@code okr-forecast-model/1} document, which reads back to the same numbers.
   */
  public SparkRetro withModel(ForecastModel model) {
    return new SparkRetro(new Settings(settings.groupings(), settings.forecasts(),
        Objects.requireNonNull(model, "model must not be null").toJson()));
  }

  /** The retrospective of the JSON Lines files {@code paths}, rejects named by file and line. */
  public SparkResult<RetroReport> run(SparkSession spark, String... paths) {
    return run(CycleLines.scan(spark, paths), 0);
  }

  /** The run of a {@link CycleLines#scan}, repartitioned into {@code partitions} first when above 0. */
  SparkResult<RetroReport> run(Dataset<Row> scan, int partitions) {
    return SparkRun.run(settings, partitions > 0 ? scan.repartition(partitions) : scan,
        () -> CycleLines.number(scan));
  }

  /**
   * The retrospective of {@code lines}, one JSON document per row; rejects are numbered by their position in the
   * dataset.
   */
  public SparkResult<RetroReport> run(Dataset<String> lines) {
    return SparkRun.run(settings, lines.toDF("value"), () -> CycleLines.numbered(lines, "<dataset>"));
  }

  /** The retrospective of numbered lines ({@link CycleLines#SCHEMA}), partitioned as they are. */
  public SparkResult<RetroReport> runLines(Dataset<Row> lines) {
    return SparkRun.run(settings, lines);
  }

  /**
   * The settings, sent to the executors; each builds its retrospective there.
   *
   * @param model the replay's model as its {@code okr-forecast-model/1} document, or null for the library's model
   */
  record Settings(EnumSet<Grouping> groupings, boolean forecasts, String model) implements
      Kernel<Retrospective.Accumulator, RetroReport> {
    private static final long serialVersionUID = 1L;

    Retrospective retrospective() {
      Retrospective r = Retrospective.withDefaults().withGroupings(Set.copyOf(groupings));
      if (!forecasts) {
        return r.withoutForecasts();
      }
      return model == null ? r : r.withForecaster(Forecaster.withDefaults().withModel(ForecastModel.fromJson(model)));
    }

    @Override
    public Retrospective.Accumulator newAccumulator() {
      return retrospective().newAccumulator();
    }

    @Override
    public void add(Retrospective.Accumulator acc, OkrCycle cycle) {
      acc.add(cycle);
    }

    @Override
    public byte[] toBytes(Retrospective.Accumulator acc) {
      return acc.toBytes();
    }

    @Override
    public void mergeBytes(Retrospective.Accumulator acc, byte[] bytes) {
      acc.mergeBytes(bytes);
    }

    @Override
    public RetroReport report(Retrospective.Accumulator acc) {
      return acc.report();
    }

    @Override
    public String json(RetroReport report) {
      return RetroJson.write(report);
    }

    @Override
    public String name() {
      return "retro";
    }
  }
}
