package org.okrengine.retro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The parts of a {@link RetroReport} as the sections fill them in, before the recommendations are drawn. */
final class ReportParts {
  long cycles;
  long keyResults;
  long scoredFromResults;
  long scoredFromLastCheckIn;
  long unscored;
  /** Team names by id, for the recommendations and the report. */
  Map<String, String> teamNames = new TreeMap<>();
  GroupStats overall;
  List<Breakdown> breakdowns = new ArrayList<>();
  /** Completion by team, whether or not the team grouping was asked for (the recommendations judge teams). */
  Map<String, GroupStats> byTeam = new TreeMap<>();
  List<ObjectiveStats> objectives = new ArrayList<>();
  List<TeamTrend> trends = new ArrayList<>();
  CalibrationStats calibration;
  List<CalibrationStats> calibrationByTeam = new ArrayList<>();
  CadenceStats cadence;
  List<CadenceStats> cadenceByTeam = new ArrayList<>();
  /** The check-in cadence agreed in days by team, where the cycles of its key results declare one. */
  Map<String, Double> agreedCheckInDays = new TreeMap<>();
  List<GroupStats> shapes = new ArrayList<>();
  List<BlockerStats> blockers = new ArrayList<>();
  ForecastAccountability forecasts;
  List<ForecastAccountability> forecastsByTeam = new ArrayList<>();
  private int[] scratch = new int[0];

  /** Scratch for the medians: at least {@code n} ints, one array for the whole report. */
  int[] scratch(int n) {
    if (scratch.length < n) {
      scratch = new int[n];
    }
    return scratch;
  }
  /** The name of the forecast model of the replay, or null without one. */
  String model;
  /** Whether the replay forecast each key result at its expected last check-in, not at the cycle's end. */
  boolean forecastAtLastCheckIn;
  /** Whether key results without a result were scored from their last check-in (so the unscored never checked in). */
  boolean scoresFromLastCheckIn = true;

  /** The report of these parts, with the recommendations they call for. */
  RetroReport toReport() {
    // teams as the text's tables name them: two of one display name with their ids
    List<Recommendation> recommendations = Recommendations.of(RetroReport.teamLabels(teamNames), byTeam, objectives,
        calibrationByTeam, cadenceByTeam, shapes, blockers, forecasts, scoresFromLastCheckIn, agreedCheckInDays);
    return new RetroReport(cycles, keyResults, scoredFromResults, scoredFromLastCheckIn, unscored, overall,
        breakdowns, objectives, trends, calibration, calibrationByTeam, cadence, cadenceByTeam, shapes, blockers,
        forecasts, forecastsByTeam, recommendations, model, teamNames, forecastAtLastCheckIn);
  }
}
