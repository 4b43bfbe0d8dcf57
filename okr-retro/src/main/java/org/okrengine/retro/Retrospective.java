package org.okrengine.retro;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collector;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.OkrCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retrospective of one or many cycles: completion, self-report calibration, execution patterns, blockers,
 * forecast accountability and recommendations ({@link RetroReport}). Configured with {@code with...} copy methods.
 *
 * <p>A key result's final value is its {@code result.finalValue}; where it has none, its last check-in's value when
 * {@link #withScoreFromLastCheckIn} allows it (the default: a cycle analysed at its end before results are entered);
 * otherwise it is unscored. Its score is the metric's score of that value, rounded to 0.000001; a hit is a final
 * value that meets the target.
 *
 * <p>Every figure is kept as integer counts and sums (or multisets whose medians do not depend on order), so
 * {@link Accumulator}s of any split of the input merge into exactly the same report. Immutable and thread-safe;
 * accumulators are not, but merge.
 */
public final class Retrospective {
  private static final Logger LOG = LoggerFactory.getLogger(Retrospective.class);
  private static final Retrospective DEFAULTS =
      new Retrospective(EnumSet.allOf(Grouping.class), Forecaster.withDefaults(), true);

  private final Set<Grouping> groupings;
  private final Forecaster forecaster;
  private final boolean scoreFromLastCheckIn;
  /** The forecaster part of the accumulators' bytes ({@link RetroBytes}), made when first needed. */
  private volatile byte[] forecasterPart;

  private Retrospective(Set<Grouping> groupings, Forecaster forecaster, boolean scoreFromLastCheckIn) {
    this.groupings = Collections.unmodifiableSet(EnumSet.copyOf(groupings));
    this.forecaster = forecaster;
    this.scoreFromLastCheckIn = scoreFromLastCheckIn;
  }

  /** Every grouping, forecast replay with the default forecaster, last check-in as final value where no result. */
  public static Retrospective withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy breaking completion down by {@code groupings} only (team trends, calibration, cadence and forecast
   * accountability are always by team too).
   *
   * @throws IllegalArgumentException when empty
   */
  public Retrospective withGroupings(Set<Grouping> groupings) {
    Objects.requireNonNull(groupings, "groupings must not be null");
    if (groupings.isEmpty()) {
      throw new IllegalArgumentException("groupings must not be empty");
    }
    return new Retrospective(groupings, forecaster, scoreFromLastCheckIn);
  }

  /** A copy replaying forecasts with {@code forecaster}. */
  public Retrospective withForecaster(Forecaster forecaster) {
    return new Retrospective(groupings, Objects.requireNonNull(forecaster, "forecaster must not be null"),
        scoreFromLastCheckIn);
  }

  /** A copy without forecast accountability (no weekly replay: much faster). */
  public Retrospective withoutForecasts() {
    return new Retrospective(groupings, null, scoreFromLastCheckIn);
  }

  /** A copy that does ({@code true}) or does not score key results without a result from their last check-in. */
  public Retrospective withScoreFromLastCheckIn(boolean allowed) {
    return new Retrospective(groupings, forecaster, allowed);
  }

  /** The groupings of the completion breakdown. */
  public Set<Grouping> groupings() {
    return groupings;
  }

  /** Whether forecasts are replayed. */
  public boolean replaysForecasts() {
    return forecaster != null;
  }

  /** The forecaster of the replay, or null when forecasts are not replayed ({@link #withoutForecasts}). */
  public Forecaster forecaster() {
    return forecaster;
  }

  /** The retrospective of {@code cycles}. */
  public RetroReport run(Iterable<OkrCycle> cycles) {
    Accumulator acc = newAccumulator();
    for (OkrCycle c : cycles) {
      acc.add(c);
    }
    return acc.report();
  }

  /** A collector for (parallel) streams of cycles: accumulators per part, merged, then the report. */
  public Collector<OkrCycle, Accumulator, RetroReport> collector() {
    return Collector.of(this::newAccumulator, Accumulator::add, Accumulator::merge, Accumulator::report);
  }

  /** A new empty accumulator with this retrospective's settings. */
  public Accumulator newAccumulator() {
    return new Accumulator(this);
  }

  /** Whether key results without a result are scored from their last check-in ({@link #withScoreFromLastCheckIn}). */
  public boolean scoresFromLastCheckIn() {
    return scoreFromLastCheckIn;
  }

  /** The forecaster part of the accumulators' bytes; shared, never modified. */
  byte[] forecasterPart() {
    byte[] part = forecasterPart;
    if (part == null) {
      part = RetroBytes.forecasterPart(forecaster);
      forecasterPart = part;
    }
    return part;
  }

  /**
   * Running totals of a retrospective: add cycles, merge accumulators of other parts (in any order), then take the
   * report. Its bytes ({@link #toBytes}) carry the retrospective's settings, so {@link #fromBytes} rebuilds it in
   * another process. Mutable; not thread-safe (one per thread, then merge).
   */
  public static final class Accumulator
      implements org.okrengine.model.Accumulator<OkrCycle, RetroReport, Accumulator> {
    /** The sections' names, in the order of {@link #sections}, for messages about their bytes. */
    private static final String[] NAMES = {"totals", "team names", "completion", "objectives", "trends",
        "calibration", "cadence", "shapes", "blockers", "forecasts"};
    private final Retrospective settings;
    private final CycleFacts facts = new CycleFacts();
    private final TotalsSection totals = new TotalsSection();
    private final TeamNamesSection teamNames = new TeamNamesSection();
    private final CompletionSection completion;
    private final ObjectivesSection objectives = new ObjectivesSection();
    private final TrendsSection trends = new TrendsSection();
    private final CalibrationSection calibration = new CalibrationSection();
    private final CadenceSection cadence = new CadenceSection();
    private final ShapesSection shapes = new ShapesSection();
    private final BlockersSection blockers = new BlockersSection();
    private final ForecastsSection forecasts;
    /** Every section, in the order of the report and of the bytes. */
    private final Section<?>[] sections;

    private Accumulator(Retrospective settings) {
      this.settings = settings;
      completion = new CompletionSection(settings.groupings);
      forecasts = new ForecastsSection(settings.forecaster);
      sections = new Section<?>[] {totals, teamNames, completion, objectives, trends, calibration, cadence, shapes,
          blockers, forecasts};
    }

    /**
     * A new accumulator holding what {@code bytes} (of {@link #toBytes}) hold, with the settings written in them:
     * groupings, whether forecasts are replayed and with which forecaster (method, level, stale days, model), and
     * whether key results without a result are scored from their last check-in.
     *
     * @throws IllegalArgumentException as {@link #mergeBytes}, and when the settings are unknown
     */
    public static Accumulator fromBytes(byte[] bytes) {
      return RetroBytes.settingsOf(bytes).newAccumulator().mergeBytes(bytes);
    }

    /** Adds every key result of {@code cycle}. */
    @Override
    public Accumulator add(OkrCycle cycle) {
      Objects.requireNonNull(cycle, "cycle must not be null");
      facts.fill(cycle, settings.scoreFromLastCheckIn);
      for (Section<?> s : sections) {
        s.add(facts);
      }
      facts.clear();
      return this;
    }

    /**
     * Adds everything {@code other} has seen; both must come from retrospectives with the same settings (groupings,
     * last check-ins, and no replay or a replay with the same forecaster method, level, stale days and model).
     */
    @Override
    public Accumulator merge(Accumulator other) {
      if (settings != other.settings && (!settings.groupings.equals(other.settings.groupings)
          || settings.scoreFromLastCheckIn != other.settings.scoreFromLastCheckIn
          || !java.util.Arrays.equals(settings.forecasterPart(), other.settings.forecasterPart()))) {
        throw new IllegalArgumentException("other must come from a retrospective with the same settings");
      }
      totals.merge(other.totals);
      teamNames.merge(other.teamNames);
      completion.merge(other.completion);
      objectives.merge(other.objectives);
      trends.merge(other.trends);
      calibration.merge(other.calibration);
      cadence.merge(other.cadence);
      shapes.merge(other.shapes);
      blockers.merge(other.blockers);
      forecasts.merge(other.forecasts);
      return this;
    }

    /**
     * Everything this accumulator has seen, as bytes for another process to {@linkplain #mergeBytes merge} (for
     * example a distributed job's partitions): merging the bytes gives exactly what merging this accumulator would.
     * The format is explicit and versioned (magic number {@code 0x4F4B5252}, version 2, the settings with the
     * forecaster of the replay, each section's counts and sums, a CRC-32C); accumulators that have seen the same key
     * results write the same bytes, whatever order they were added and merged in.
     */
    @Override
    public byte[] toBytes() {
      return RetroBytes.write(settings, sections);
    }

    /**
     * Adds everything an accumulator written by {@link #toBytes} had seen; it must come from a retrospective with the
     * same settings. The bytes are read in full before anything is added, and they only ever hold numbers and
     * strings (no Java serialisation): untrusted bytes are refused or merged, and reading them allocates no more
     * than a small multiple of their length.
     *
     * @throws IllegalArgumentException when the bytes are not those of a retrospective accumulator (the magic number),
     *     of another format version, truncated or damaged (the checksum), of other settings, or corrupt (a count,
     *     length or key that does not fit), naming which; this accumulator is unchanged then
     */
    @Override
    public Accumulator mergeBytes(byte[] bytes) {
      Accumulator other = new Accumulator(settings);
      RetroBytes.read(bytes, settings, other.sections, NAMES);
      return merge(other);
    }

    /** The report so far. */
    @Override
    public RetroReport report() {
      ReportParts parts = new ReportParts();
      for (Section<?> s : sections) {
        s.report(parts);
      }
      parts.model = settings.forecaster == null ? null : settings.forecaster.model().name();
      // where the replay's forecasts were taken: the forecaster's rule (its model's resultTiming, unless told)
      parts.forecastAtLastCheckIn = settings.forecaster != null && settings.forecaster.outcomeFromLastCheckIn();
      parts.scoresFromLastCheckIn = settings.scoreFromLastCheckIn;
      RetroReport report = parts.toReport();
      LOG.debug("retrospective of {} cycles, {} key results, {} recommendations", report.cycles(),
          report.keyResults(), report.recommendations().size());
      return report;
    }
  }
}
