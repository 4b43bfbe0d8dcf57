package org.okrengine.spark;

import java.util.EnumSet;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.retro.Grouping;
import org.okrengine.retro.RetroJson;
import org.okrengine.retro.RetroReport;
import org.okrengine.retro.Retrospective;

/**
 * {@code okr retro} on Spark: the retrospective of {@code okr-cycle/1} JSON Lines, each partition fed to the
 * retrospective's own accumulator, the accumulators merged exactly. The JSON equals what
 * {@code okr retro --format json} writes for the same input, whatever the partitioning, and what
 * {@link Retrospective#run} gives for the retrospective this was made {@linkplain #of of}: every setting (groupings,
 * scoring from the last check-in, the replay's forecaster) reaches the executors in the bytes of an empty accumulator
 * ({@link Retrospective.Accumulator#fromBytes}). Immutable and thread-safe.
 */
public final class SparkRetro {
  private final Retrospective retro;

  private SparkRetro(Retrospective retro) {
    this.retro = retro;
  }

  /** {@code okr retro}'s defaults: completion by team ({@code --by team}), forecasts replayed. */
  public static SparkRetro withDefaults() {
    return of(Retrospective.withDefaults().withGroupings(EnumSet.of(Grouping.TEAM)));
  }

  /** {@code retro} on Spark, with every one of its settings. */
  public static SparkRetro of(Retrospective retro) {
    return new SparkRetro(Objects.requireNonNull(retro, "retro must not be null"));
  }

  /**
   * A copy replaying forecasts with {@code model}, as {@code okr retro --model}; the forecaster's other settings
   * kept. Without a replay ({@link Retrospective#withoutForecasts}) the model is not used, and this is the same.
   */
  public SparkRetro withModel(ForecastModel model) {
    Objects.requireNonNull(model, "model must not be null");
    return retro.forecaster() == null ? this : new SparkRetro(retro.withForecaster(retro.forecaster()
        .withModel(model)));
  }

  /** The retrospective this runs. */
  public Retrospective retrospective() {
    return retro;
  }

  /** The retrospective of the JSON Lines files {@code paths}, rejects named by file and line. */
  public SparkResult<RetroReport> run(SparkSession spark, String... paths) {
    return run(CycleLines.scan(spark, paths), 0);
  }

  /** The run of a {@link CycleLines#scan}, repartitioned into {@code partitions} first when above 0. */
  SparkResult<RetroReport> run(Dataset<Row> scan, int partitions) {
    return SparkRun.run(kernel(), partitions > 0 ? scan.repartition(partitions) : scan,
        () -> CycleLines.number(scan));
  }

  /**
   * The retrospective of {@code lines}, one JSON document per row; rejects are numbered by their position in the
   * dataset.
   */
  public SparkResult<RetroReport> run(Dataset<String> lines) {
    return SparkRun.run(kernel(), lines.toDF("value"), () -> CycleLines.numbered(lines, "<dataset>"));
  }

  /** The retrospective of numbered lines ({@link CycleLines#SCHEMA}), partitioned as they are. */
  public SparkResult<RetroReport> runLines(Dataset<Row> lines) {
    return SparkRun.run(kernel(), lines);
  }

  private Settings kernel() {
    return new Settings(retro.newAccumulator().toBytes());
  }

  /**
   * The settings sent to the executors: an empty accumulator's bytes, from which each builds its accumulators.
   *
   * @param empty the bytes of an empty accumulator of the retrospective
   */
  record Settings(byte[] empty) implements Kernel<Retrospective.Accumulator, RetroReport> {
    private static final long serialVersionUID = 2L;

    @Override
    public Retrospective.Accumulator fromBytes(byte[] bytes) {
      return Retrospective.Accumulator.fromBytes(bytes);
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
