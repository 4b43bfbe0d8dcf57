package org.okrengine.retro;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The retrospective of one or many cycles ({@code okr-retro/1}). Every number is a function of integer totals, so
 * the report is the same however the input was split and merged. Unknown numbers are null. Immutable and
 * thread-safe.
 *
 * @param cycles cycles read
 * @param keyResults key results read
 * @param scoredFromResults key results scored from {@code result.finalValue}
 * @param scoredFromLastCheckIn key results without a result scored from their last check-in
 * @param unscored key results with no final value
 * @param overall completion over every key result (key {@code all})
 * @param breakdowns completion by each requested grouping, in {@link Grouping} order
 * @param objectives objectives by declared commitment (committed, then aspirational); those that declare none are
 *     not counted
 * @param trends each team's completion cycle over cycle, by team id
 * @param calibration confidence and self-score calibration over every key result
 * @param calibrationByTeam the same by team, by team id
 * @param cadence check-in cadence over every key result
 * @param cadenceByTeam the same by team, by team id
 * @param shapes completion by trajectory shape, in {@link TrajectoryShape} order
 * @param blockers blocker tags, most key results first, then most mentions, then by tag
 * @param forecasts forecast accountability over every key result, or null when not replayed
 * @param forecastsByTeam the same by team, by team id (empty when not replayed)
 * @param recommendations recommendations for the next cycle
 * @param model the name of the forecast model the replay used, or null when forecasts were not replayed
 * @param teamNames the teams' display names by id, sorted by id (a team without a name in its documents is named
 *     after its id; one named differently in two cycles keeps the least name); the recommendations name them so,
 *     with their ids added where two share a name ({@link #teamLabels()})
 * @param forecastAtLastCheckIn whether the replay forecast each key result's value at its expected last check-in (a
 *     model whose history took its results there, {@code ForecastModel.resultTiming}), not at the cycle's end; false
 *     when forecasts were not replayed
 */
public record RetroReport(long cycles, long keyResults, long scoredFromResults, long scoredFromLastCheckIn,
    long unscored, GroupStats overall, List<Breakdown> breakdowns, List<ObjectiveStats> objectives,
    List<TeamTrend> trends, CalibrationStats calibration, List<CalibrationStats> calibrationByTeam,
    CadenceStats cadence, List<CadenceStats> cadenceByTeam, List<GroupStats> shapes, List<BlockerStats> blockers,
    ForecastAccountability forecasts, List<ForecastAccountability> forecastsByTeam,
    List<Recommendation> recommendations, String model, Map<String, String> teamNames,
    boolean forecastAtLastCheckIn) {
  /** Validates and copies the lists and the names. */
  public RetroReport {
    Objects.requireNonNull(overall, "overall must not be null");
    Objects.requireNonNull(calibration, "calibration must not be null");
    Objects.requireNonNull(cadence, "cadence must not be null");
    breakdowns = List.copyOf(breakdowns);
    objectives = List.copyOf(objectives);
    trends = List.copyOf(trends);
    calibrationByTeam = List.copyOf(calibrationByTeam);
    cadenceByTeam = List.copyOf(cadenceByTeam);
    shapes = List.copyOf(shapes);
    blockers = List.copyOf(blockers);
    forecastsByTeam = List.copyOf(forecastsByTeam);
    recommendations = List.copyOf(recommendations);
    teamNames = Collections.unmodifiableMap(new TreeMap<>(teamNames));
  }

  /** A report whose replay, if any, forecast at the cycle's end (the form before {@code forecastAtLastCheckIn}). */
  public RetroReport(long cycles, long keyResults, long scoredFromResults, long scoredFromLastCheckIn, long unscored,
      GroupStats overall, List<Breakdown> breakdowns, List<ObjectiveStats> objectives, List<TeamTrend> trends,
      CalibrationStats calibration, List<CalibrationStats> calibrationByTeam, CadenceStats cadence,
      List<CadenceStats> cadenceByTeam, List<GroupStats> shapes, List<BlockerStats> blockers,
      ForecastAccountability forecasts, List<ForecastAccountability> forecastsByTeam,
      List<Recommendation> recommendations, String model, Map<String, String> teamNames) {
    this(cycles, keyResults, scoredFromResults, scoredFromLastCheckIn, unscored, overall, breakdowns, objectives,
        trends, calibration, calibrationByTeam, cadence, cadenceByTeam, shapes, blockers, forecasts, forecastsByTeam,
        recommendations, model, teamNames, false);
  }

  /** A report that names no team (every team is named after its id, {@link #teamName}). */
  public RetroReport(long cycles, long keyResults, long scoredFromResults, long scoredFromLastCheckIn, long unscored,
      GroupStats overall, List<Breakdown> breakdowns, List<ObjectiveStats> objectives, List<TeamTrend> trends,
      CalibrationStats calibration, List<CalibrationStats> calibrationByTeam, CadenceStats cadence,
      List<CadenceStats> cadenceByTeam, List<GroupStats> shapes, List<BlockerStats> blockers,
      ForecastAccountability forecasts, List<ForecastAccountability> forecastsByTeam,
      List<Recommendation> recommendations, String model) {
    this(cycles, keyResults, scoredFromResults, scoredFromLastCheckIn, unscored, overall, breakdowns, objectives,
        trends, calibration, calibrationByTeam, cadence, cadenceByTeam, shapes, blockers, forecasts, forecastsByTeam,
        recommendations, model, Map.of());
  }

  /** A report that does not name a forecast model. */
  public RetroReport(long cycles, long keyResults, long scoredFromResults, long scoredFromLastCheckIn, long unscored,
      GroupStats overall, List<Breakdown> breakdowns, List<ObjectiveStats> objectives, List<TeamTrend> trends,
      CalibrationStats calibration, List<CalibrationStats> calibrationByTeam, CadenceStats cadence,
      List<CadenceStats> cadenceByTeam, List<GroupStats> shapes, List<BlockerStats> blockers,
      ForecastAccountability forecasts, List<ForecastAccountability> forecastsByTeam,
      List<Recommendation> recommendations) {
    this(cycles, keyResults, scoredFromResults, scoredFromLastCheckIn, unscored, overall, breakdowns, objectives,
        trends, calibration, calibrationByTeam, cadence, cadenceByTeam, shapes, blockers, forecasts, forecastsByTeam,
        recommendations, null);
  }

  /** The display name of team {@code id}: its name, or the id when it has none. */
  public String teamName(String id) {
    return teamNames.getOrDefault(id, id);
  }

  /**
   * Each team's label by id, sorted by id: its display name ({@link #teamName}), followed by its id in parentheses
   * where another team of the report has the same display name ("Platform (a)", "Platform (b)"). The recommendations'
   * messages name teams so, as the text's tables do.
   */
  public Map<String, String> teamLabels() {
    return teamLabels(teamNames);
  }

  /** The labels ({@link #teamLabels()}) of the teams whose display names by id are {@code teamNames}. */
  static Map<String, String> teamLabels(Map<String, String> teamNames) {
    Map<String, Integer> uses = new HashMap<>();
    for (String name : teamNames.values()) {
      uses.merge(name, 1, Integer::sum);
    }
    Map<String, String> labels = new TreeMap<>();
    for (Map.Entry<String, String> e : teamNames.entrySet()) {
      String name = e.getValue();
      labels.put(e.getKey(), uses.get(name) > 1 ? name + " (" + e.getKey() + ")" : name);
    }
    return Collections.unmodifiableMap(labels);
  }

  /** The breakdown by {@code grouping}, or empty when it was not requested. */
  public Optional<Breakdown> breakdown(Grouping grouping) {
    for (Breakdown b : breakdowns) {
      if (b.grouping() == grouping) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** The completion of group {@code key} of {@code grouping}, or empty. */
  public Optional<GroupStats> group(Grouping grouping, String key) {
    return breakdown(grouping).flatMap(b -> b.groups().stream().filter(g -> g.key().equals(key)).findFirst());
  }

  /** The completion of trajectory shape {@code shape}. */
  public GroupStats shape(TrajectoryShape shape) {
    return shapes.get(shape.ordinal());
  }

  /** The trend of team {@code team}, or empty. */
  public Optional<TeamTrend> trend(String team) {
    return trends.stream().filter(t -> t.team().equals(team)).findFirst();
  }

  /** The calibration of team {@code team}, or empty. */
  public Optional<CalibrationStats> calibration(String team) {
    return calibrationByTeam.stream().filter(t -> t.team().equals(team)).findFirst();
  }

  /** The cadence of team {@code team}, or empty. */
  public Optional<CadenceStats> cadence(String team) {
    return cadenceByTeam.stream().filter(t -> t.team().equals(team)).findFirst();
  }

  /** The forecast accountability of team {@code team}, or empty. */
  public Optional<ForecastAccountability> forecasts(String team) {
    return forecastsByTeam.stream().filter(t -> t.team().equals(team)).findFirst();
  }

  /** The blocker {@code tag}, or empty. */
  public Optional<BlockerStats> blocker(String tag) {
    return blockers.stream().filter(b -> b.tag().equals(tag)).findFirst();
  }
}
