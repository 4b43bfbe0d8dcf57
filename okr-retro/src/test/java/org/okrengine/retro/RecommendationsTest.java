package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of {@link Recommendations}, at and beside its threshold, with the sentence and evidence it gives. */
class RecommendationsTest {
  static final Map<String, String> NAMES = Map.of("growth", "Growth", "platform", "Platform", "sales", "Sales");

  /** A team's completion: {@code hits} of {@code scored}, with that median score. */
  static GroupStats team(String key, long scored, long hits, double median) {
    return new GroupStats(key, scored, scored, hits, hits / (double) scored, median, median, 0, 0, 0, 0, 0, 0, 0,
        null);
  }

  static CadenceStats cadence(String team, Double medianGapDays) {
    return new CadenceStats(team, 4, 0, 20, medianGapDays, 52, 40, 40 / 52.0, 21.0, "2026-Q3", "KR-1");
  }

  static GroupStats shape(TrajectoryShape s, long keyResults, long hits) {
    return new GroupStats(s.jsonName(), keyResults, keyResults, hits, null, null, null, 0, 0, 0, 0, 0, 0, 0, null);
  }

  /** One group per shape, in {@link TrajectoryShape} order, all empty. */
  static List<GroupStats> noShapes() {
    List<GroupStats> out = new ArrayList<>();
    for (TrajectoryShape s : TrajectoryShape.values()) {
      out.add(shape(s, 0, 0));
    }
    return out;
  }

  static CalibrationStats calibration(String team, long checkIns, double confidence, double hitRate, long selfScored,
      double selfScore, double score) {
    return new CalibrationStats(team, checkIns, 0.3, confidence, hitRate, confidence - hitRate, selfScored,
        selfScore, score, selfScore - score, List.of());
  }

  static ForecastAccountability forecasts(long misses, long missesFlagged, Double medianWeeks, long hits,
      long hitsFlagged) {
    return new ForecastAccountability(null, misses + hits, misses, missesFlagged, 0, 0, medianWeeks, medianWeeks,
        null, hits, hitsFlagged, 0, null);
  }

  static List<Recommendation> teams(List<GroupStats> teams, List<CadenceStats> cadence) {
    Map<String, GroupStats> byTeam = new LinkedHashMap<>();
    for (GroupStats t : teams) {
      byTeam.put(t.key(), t);
    }
    return Recommendations.of(NAMES, byTeam, List.of(), List.of(), cadence, noShapes(), List.of(), null);
  }

  static List<String> codes(List<Recommendation> r) {
    return r.stream().map(Recommendation::code).toList();
  }

  @Test
  void of_nothingNotable_none() {
    assertThat(Recommendations.of(NAMES, Map.of("growth", team("growth", 4, 3, 0.8)), List.of(), List.of(),
        List.of(cadence("growth", 7.0)), noShapes(), List.of(), forecasts(0, 0, null, 4, 0))).isEmpty();
  }

  @Test
  void of_strugglingTeamWithoutCheckInGap_checkInWeekly() {
    List<Recommendation> r = teams(List.of(team("growth", 4, 1, 0.3)), List.of());
    assertThat(r).containsExactly(new Recommendation("check-in-weekly", "growth",
        "Growth hit 1 of 4 KRs, median score 0.30, and checked in less than twice per KR: move to weekly check-ins.",
        List.of(new Evidence("hits", 1), new Evidence("scored", 4), new Evidence("medianScore", 0.3))));
  }

  @Test
  void of_strugglingTeamCheckingInSlowly_checkInWeekly() {
    List<Recommendation> r = teams(List.of(team("growth", 4, 1, 0.3)), List.of(cadence("growth", 14.0)));
    assertThat(r).containsExactly(new Recommendation("check-in-weekly", "growth",
        "Growth hit 1 of 4 KRs, median score 0.30, and checked in every 14 days: move to weekly check-ins.",
        List.of(new Evidence("hits", 1), new Evidence("scored", 4), new Evidence("medianScore", 0.3),
            new Evidence("medianGapDays", 14))));
  }

  @Test
  void of_strugglingTeamCheckingInOften_reduceScope() {
    // a gap of exactly SLOW_CADENCE_DAYS (10) is not slow
    List<Recommendation> r = teams(List.of(team("growth", 4, 1, 0.3)), List.of(cadence("growth", 10.0)));
    assertThat(r).containsExactly(new Recommendation("reduce-scope", "growth",
        "Growth hit 1 of 4 KRs, median score 0.30 while checking in every 10 days: set fewer or smaller targets "
            + "and find what blocked them.",
        List.of(new Evidence("hits", 1), new Evidence("scored", 4), new Evidence("medianScore", 0.3),
            new Evidence("medianGapDays", 10))));
  }

  @Test
  void of_teamAtThresholds_notStruggling() {
    assertThat(teams(List.of(
        team("one", 1, 0, 0.0), // one scored key result: fewer than MIN_TEAM_KEY_RESULTS 2
        team("half", 4, 2, 0.3), // hit rate 2 / 4 = 0.5 is not below LOW_HIT_RATE
        team("median", 4, 1, 0.7)), // median 0.7 is not below LOW_MEDIAN
        List.of())).isEmpty();
  }

  @Test
  void of_teamWithoutName_itsId() {
    assertThat(teams(List.of(team("ops", 2, 0, 0.1)), List.of()).get(0).message()).startsWith("ops hit 0 of 2 KRs");
  }

  @Test
  void of_sevenStrugglingTeams_worstFiveThenCount() {
    List<GroupStats> t = new ArrayList<>();
    double[] medians = {0.6, 0.1, 0.5, 0.1, 0.3, 0.2, 0.4};
    for (int i = 0; i < medians.length; i++) {
      t.add(team("t" + i, 4, 1, medians[i]));
    }
    List<Recommendation> r = teams(t, List.of());
    // worst median first, ties by id: t1 and t3 at 0.1, t5 0.2, t4 0.3, t6 0.4; t2 0.5 and t0 0.6 are counted
    assertThat(r.stream().map(Recommendation::subject).toList()).containsExactly("t1", "t3", "t5", "t4", "t6", null);
    assertThat(r.get(5)).isEqualTo(new Recommendation("more-teams", null,
        "2 more teams hit fewer than half of their KRs with a median score below 0.70: see the completion by team.",
        List.of(new Evidence("teams", 7 - 5))));
  }

  @Test
  void of_sixStrugglingTeams_oneMoreTeamSingular() {
    List<GroupStats> t = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      t.add(team("t" + i, 4, 1, 0.1 * (i + 1)));
    }
    // it read "1 more teams hit fewer than half of their KRs"
    assertThat(teams(t, List.of()).get(5).message()).isEqualTo("1 more team hit fewer than half of its KRs with a "
        + "median score below 0.70: see the completion by team.");
  }

  static List<Recommendation> objectives(ObjectiveStats... o) {
    return Recommendations.of(NAMES, Map.of(), List.of(o), List.of(), List.of(), noShapes(), List.of(), null);
  }

  @Test
  void of_aspirationalAveragingHigh_bolderTargets() {
    assertThat(objectives(new ObjectiveStats("aspirational", 0.7, 6, 5, 0.9, 0.95, 5))).containsExactly(
        new Recommendation("bolder-aspirational-targets", null,
            "Aspirational objectives averaged 0.90: set bolder targets.",
            List.of(new Evidence("objectives", 5), new Evidence("meanScore", 0.9))));
    // TIMID_ASPIRATIONAL 0.85 itself is timid; just below it is the aim
    assertThat(codes(objectives(new ObjectiveStats("aspirational", 0.7, 6, 5, 0.85, 0.85, 5))))
        .containsExactly("bolder-aspirational-targets");
    assertThat(objectives(new ObjectiveStats("aspirational", 0.7, 6, 5, 0.84, 0.85, 5))).isEmpty();
  }

  @Test
  void of_aspirationalAveragingLow_reachableTargets() {
    assertThat(objectives(new ObjectiveStats("aspirational", 0.7, 4, 4, 0.25, 0.2, 0))).containsExactly(
        new Recommendation("reachable-aspirational-targets", null,
            "Aspirational objectives averaged 0.25, far below the 0.7 they aim for: set reachable targets or staff "
                + "them.", List.of(new Evidence("objectives", 4), new Evidence("meanScore", 0.25))));
    // UNREACHABLE_ASPIRATIONAL 0.4 itself is within reach
    assertThat(objectives(new ObjectiveStats("aspirational", 0.7, 4, 4, 0.4, 0.4, 1))).isEmpty();
  }

  @Test
  void of_committedMissed_keepCommitments() {
    // 3 of 5 met: 3 < COMMITTED_MET 0.8 * 5 = 4
    assertThat(objectives(new ObjectiveStats("committed", 1.0, 5, 5, 0.8, 1.0, 3))).containsExactly(
        new Recommendation("keep-commitments", null, "Committed objectives met 3 of 5 (all are expected to): "
            + "commit only to what the teams control, or make the rest aspirational.",
            List.of(new Evidence("met", 3), new Evidence("objectives", 5))));
    // 4 of 5 is 0.8 * 5: kept
    assertThat(objectives(new ObjectiveStats("committed", 1.0, 5, 5, 0.9, 1.0, 4))).isEmpty();
  }

  @Test
  void of_noScoredObjectives_none() {
    assertThat(objectives(new ObjectiveStats("committed", 1.0, 3, 0, null, null, 0),
        new ObjectiveStats("aspirational", 0.7, 2, 0, null, null, 0))).isEmpty();
  }

  static List<Recommendation> calibrations(CalibrationStats... c) {
    return Recommendations.of(NAMES, Map.of(), List.of(), List.of(c), List.of(), noShapes(), List.of(), null);
  }

  @Test
  void of_overconfidentTeam_temperConfidence() {
    assertThat(calibrations(calibration("growth", 6, 0.85, 0.5, 0, 0, 0))).containsExactly(new Recommendation(
        "temper-confidence", "growth", "Growth reported confidence 0.85 on average where reality was 0.50 (Brier "
            + "0.30 over 6 check-ins): base each confidence on progress against the plan, not hope.",
        List.of(new Evidence("meanConfidence", 0.85), new Evidence("hitRate", 0.5), new Evidence("brier", 0.3),
            new Evidence("checkIns", 6))));
  }

  @Test
  void of_underconfidentTeam_trustProgress() {
    // 0.5 - 0.75 = -0.25, at least MISCALIBRATED 0.2 away
    List<Recommendation> r = calibrations(calibration("platform", 5, 0.5, 0.75, 0, 0, 0));
    assertThat(codes(r)).containsExactly("trust-progress");
    assertThat(r.get(0).message()).isEqualTo("Platform reported confidence 0.50 on average where reality was 0.75 "
        + "(Brier 0.30 over 5 check-ins): the team is under-confident; raise confidence when progress is on plan.");
  }

  @Test
  void of_calibrationBelowThresholds_none() {
    // 4 check-ins are fewer than MIN_CONFIDENCE_CHECK_INS 5; 0.6 - 0.5 = 0.1 is within MISCALIBRATED
    assertThat(calibrations(calibration("growth", 4, 0.95, 0.2, 0, 0, 0),
        calibration("sales", 50, 0.6, 0.5, 0, 0, 0))).isEmpty();
  }

  @Test
  void of_inflatedSelfScores_scoreFromResults() {
    // 0.9 - 0.65 = 0.25 >= INFLATED 0.2, over 2 key results
    assertThat(calibrations(calibration("sales", 0, 0, 0, 2, 0.9, 0.65))).containsExactly(new Recommendation(
        "score-from-results", "sales",
        "Sales scored itself 0.90 on average where the results scored 0.65: score from the final values.",
        List.of(new Evidence("meanSelfScore", 0.9), new Evidence("meanScore", 0.65), new Evidence("keyResults", 2))));
    // one self-scored key result is fewer than MIN_TEAM_KEY_RESULTS; 0.8 - 0.7 is within INFLATED
    assertThat(calibrations(calibration("sales", 0, 0, 0, 1, 0.9, 0.5),
        calibration("growth", 0, 0, 0, 5, 0.8, 0.7))).isEmpty();
  }

  static BlockerStats blocker(String tag, long keyResults, long hits, long misses, List<TeamCount> teams) {
    return new BlockerStats(tag, keyResults, 3 * keyResults, 12.4, 30, teams, hits, misses,
        misses / (double) (hits + misses));
  }

  static List<Recommendation> blockers(BlockerStats... b) {
    return Recommendations.of(NAMES, Map.of(), List.of(), List.of(), List.of(), noShapes(), List.of(b), null);
  }

  @Test
  void of_blockerMissingOften_resolveBlocker() {
    // 2 misses of 3: 2 / 3 >= BLOCKER_MISS_RATE 0.5; mean 12.4 days written whole
    List<TeamCount> teams = List.of(new TeamCount("growth", 2), new TeamCount("platform", 1));
    assertThat(blockers(blocker("vendor-api", 3, 1, 2, teams))).containsExactly(new Recommendation(
        "resolve-blocker", "vendor-api", "'vendor-api' blocked 3 KRs (Growth, Platform) for 12 days on average "
            + "and 2 of them missed: escalate it within two weeks or plan around it.",
        List.of(new Evidence("keyResults", 3), new Evidence("meanDays", 12.4), new Evidence("misses", 2))));
  }

  @Test
  void of_blockerOnManyTeams_firstThreeAndCount() {
    List<TeamCount> teams = List.of(new TeamCount("growth", 2), new TeamCount("platform", 1),
        new TeamCount("sales", 1), new TeamCount("ops", 1), new TeamCount("legal", 1));
    assertThat(blockers(blocker("budget", 6, 0, 6, teams)).get(0).message())
        .startsWith("'budget' blocked 6 KRs (Growth, Platform, Sales and 2 more) for 12 days");
  }

  @Test
  void of_blockersBelowThresholds_none() {
    List<TeamCount> one = List.of(new TeamCount("growth", 1));
    assertThat(blockers(
        blocker("one-kr", 1, 0, 1, one), // on one key result only
        blocker("one-miss", 3, 2, 1, one), // one miss
        blocker("mostly-hit", 5, 3, 2, one))) // 2 / 5 = 0.4 < 0.5
        .isEmpty();
  }

  @Test
  void of_fourBlockers_threeShown() {
    List<TeamCount> one = List.of(new TeamCount("growth", 2));
    List<Recommendation> r = blockers(blocker("a", 2, 0, 2, one), blocker("b", 2, 0, 2, one),
        blocker("c", 2, 0, 2, one), blocker("d", 2, 0, 2, one));
    assertThat(r.stream().map(Recommendation::subject).toList()).containsExactly("a", "b", "c");
  }

  static List<Recommendation> shapes(List<GroupStats> shapes) {
    return Recommendations.of(NAMES, Map.of(), List.of(), List.of(), List.of(), shapes, List.of(), null);
  }

  @Test
  void of_badShapesMostlyMissed_oneEach() {
    List<GroupStats> s = noShapes();
    s.set(TrajectoryShape.BACK_LOADED.ordinal(), shape(TrajectoryShape.BACK_LOADED, 3, 1));
    s.set(TrajectoryShape.FRONT_LOADED_STALLED.ordinal(), shape(TrajectoryShape.FRONT_LOADED_STALLED, 2, 0));
    s.set(TrajectoryShape.FLAT.ordinal(), shape(TrajectoryShape.FLAT, 4, 1));
    s.set(TrajectoryShape.REGRESSING.ordinal(), shape(TrajectoryShape.REGRESSING, 9, 0)); // no rule
    List<Recommendation> r = shapes(s);
    assertThat(r).containsExactly(
        new Recommendation("plan-milestones", null, "3 KRs were back-loaded (a late hockey stick) and 1 of them "
            + "hit: plan monthly milestones and check progress against them.",
            List.of(new Evidence("keyResults", 3), new Evidence("hits", 1))),
        new Recommendation("follow-through", null, "2 KRs started fast then stalled and 0 of them hit: review the "
            + "second half of the plan at mid-cycle.", List.of(new Evidence("keyResults", 2), new Evidence("hits", 0))),
        new Recommendation("staff-or-drop", null, "4 KRs never moved from the baseline and 1 of them hit: staff them "
            + "or drop them.", List.of(new Evidence("keyResults", 4), new Evidence("hits", 1))));
  }

  @Test
  void of_shapesBelowThresholds_none() {
    List<GroupStats> s = noShapes();
    s.set(TrajectoryShape.BACK_LOADED.ordinal(), shape(TrajectoryShape.BACK_LOADED, 1, 0)); // fewer than MIN_SHAPE
    s.set(TrajectoryShape.FLAT.ordinal(), shape(TrajectoryShape.FLAT, 4, 2)); // 2 * 2 hits is not below 4 scored
    assertThat(shapes(s)).isEmpty();
  }

  static List<Recommendation> forecasting(ForecastAccountability f) {
    return Recommendations.of(NAMES, Map.of(), List.of(), List.of(), List.of(), noShapes(), List.of(), f);
  }

  @Test
  void of_forecasterFlaggedHalfTheMisses_actOnFlags() {
    // 2 * 2 flagged >= 4 misses
    assertThat(forecasting(forecasts(4, 2, 3.5, 10, 1))).containsExactly(new Recommendation("act-on-flags", null,
        "The forecaster flagged 2 of 4 misses, a median 3.5 weeks before the end (and 1 of 10 hits): act on at-risk "
            + "flags at the weekly review.",
        List.of(new Evidence("missesFlagged", 2), new Evidence("misses", 4),
            new Evidence("medianWeeksAheadFirstFlag", 3.5), new Evidence("hitsFlagged", 1),
            new Evidence("hits", 10))));
  }

  @Test
  void of_forecasterOneHit_singular() {
    // it read "(and 1 of 1 hits)"
    assertThat(forecasting(forecasts(2, 2, 3.0, 1, 0)).get(0).message()).isEqualTo("The forecaster flagged 2 of 2 "
        + "misses, a median 3.0 weeks before the end (and 0 of 1 hit): act on at-risk flags at the weekly review.");
  }

  @Test
  void of_flagsThatDoNotTellMissesFromHits_none() {
    // okr retro /tmp/read5/sales-2026-q4.json said "The forecaster flagged 3 of 4 misses ... (and 3 of 3 hits): act
    // on at-risk flags": every hit was flagged too (3/3 = 1.0 > 0.5 * 3/4), so acting on them acts on everything
    assertThat(forecasting(forecasts(4, 3, 4.0, 3, 3))).isEmpty();
    // at the line: 2 of 4 hits flagged is half the share of misses flagged (4 of 4): 2 * 4 <= 0.5 * 4 * 4
    assertThat(codes(forecasting(forecasts(4, 4, 4.0, 4, 2)))).containsExactly("act-on-flags");
    // one more hit flagged: 3/4 > 0.5 * 4/4
    assertThat(forecasting(forecasts(4, 4, 4.0, 4, 3))).isEmpty();
    // no hits: nothing to tell the misses from
    assertThat(forecasting(forecasts(4, 4, 4.0, 0, 0))).isEmpty();
  }

  @Test
  void of_strugglingTeamWithUnscoredKeyResults_saysSo() {
    // Partnerships in /tmp/read5/sales-2026-q4.json: 4 KRs, 3 scored (KR-S8 never checked in), 1 hit; it read "hit 1
    // of 3 KRs", as if the team had 3
    GroupStats t = new GroupStats("sales", 4, 3, 1, 1 / 3.0, 0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, null);
    List<Recommendation> r = Recommendations.of(NAMES, Map.of("sales", t), List.of(), List.of(),
        List.of(cadence("sales", 12.0)), noShapes(), List.of(), null, true);
    assertThat(r).containsExactly(new Recommendation("check-in-weekly", "sales",
        "Sales hit 1 of 3 scored KRs (1 more never checked in), median score 0.50, and checked in every 12 days: "
            + "move to weekly check-ins.",
        List.of(new Evidence("hits", 1), new Evidence("scored", 3), new Evidence("medianScore", 0.5),
            new Evidence("unscored", 1), new Evidence("medianGapDays", 12.0))));
    // scored from results only (Retrospective.withScoreFromLastCheckIn(false)): unscored means no result
    assertThat(Recommendations.of(NAMES, Map.of("sales", t), List.of(), List.of(), List.of(cadence("sales", 12.0)),
        noShapes(), List.of(), null, false).get(0).message()).startsWith("Sales hit 1 of 3 scored KRs (1 more without "
        + "a result), median score 0.50");
  }

  @Test
  void of_forecasterBelowThresholds_none() {
    assertThat(forecasting(forecasts(1, 1, 2.0, 5, 0))).isEmpty(); // one miss
    assertThat(forecasting(forecasts(5, 2, 2.0, 5, 0))).isEmpty(); // 2 * 2 < 5
    assertThat(forecasting(forecasts(4, 2, null, 5, 0))).isEmpty(); // no lead time to report
    assertThat(forecasting(null)).isEmpty(); // without forecasts
  }

  @Test
  void of_everyRule_teamsObjectivesCalibrationBlockersShapesForecastsInThatOrder() {
    List<GroupStats> s = noShapes();
    s.set(TrajectoryShape.FLAT.ordinal(), shape(TrajectoryShape.FLAT, 4, 1));
    List<Recommendation> r = Recommendations.of(NAMES, Map.of("growth", team("growth", 4, 1, 0.3)),
        List.of(new ObjectiveStats("committed", 1.0, 5, 5, 0.8, 1.0, 3)),
        List.of(calibration("growth", 6, 0.85, 0.5, 0, 0, 0)), List.of(),
        s, List.of(blocker("vendor", 3, 1, 2, List.of(new TeamCount("growth", 3)))), forecasts(4, 2, 3.5, 10, 1));
    assertThat(codes(r)).containsExactly("check-in-weekly", "keep-commitments", "temper-confidence",
        "resolve-blocker", "staff-or-drop", "act-on-flags");
  }

  /** As {@link #teams}, with the teams' agreed check-in cadences in days. */
  static List<Recommendation> teams(List<GroupStats> teams, List<CadenceStats> cadence, Map<String, Double> agreed) {
    Map<String, GroupStats> byTeam = new LinkedHashMap<>();
    for (GroupStats t : teams) {
      byTeam.put(t.key(), t);
    }
    return Recommendations.of(NAMES, byTeam, List.of(), List.of(), cadence, noShapes(), List.of(), null, true,
        agreed);
  }

  @Test
  void of_strugglingTeamSlowerThanItsAgreedCadence_keepAgreedCadence() {
    // as Sales in Q4 2026: checking in every 22 days where the cycle agrees every 14; not "move to weekly"
    List<Recommendation> r = teams(List.of(team("sales", 3, 1, 0.33)), List.of(cadence("sales", 22.0)),
        Map.of("sales", 14.0));
    assertThat(r).containsExactly(new Recommendation("keep-agreed-cadence", "sales",
        "Sales hit 1 of 3 KRs, median score 0.33, and checked in every 22 days against the 14 agreed: keep to the "
            + "agreed rhythm.",
        List.of(new Evidence("hits", 1), new Evidence("scored", 3), new Evidence("medianScore", 0.33),
            new Evidence("agreedCheckInEveryDays", 14.0), new Evidence("medianGapDays", 22.0))));
    // never twice per KR against an agreed 3.5 days
    assertThat(teams(List.of(team("sales", 3, 1, 0.33)), List.of(), Map.of("sales", 3.5)).get(0).message())
        .isEqualTo("Sales hit 1 of 3 KRs, median score 0.33, and checked in less than twice per KR against every "
            + "3.5 days agreed: keep to the agreed rhythm.");
  }

  @Test
  void of_strugglingTeamKeepingItsAgreedCadence_reduceScope() {
    // every 12 days is slower than SLOW_CADENCE_DAYS 10 but keeps the agreed 14: the cadence is not the problem
    List<Recommendation> r = teams(List.of(team("sales", 3, 1, 0.33)), List.of(cadence("sales", 12.0)),
        Map.of("sales", 14.0));
    assertThat(codes(r)).containsExactly("reduce-scope");
    assertThat(r.get(0).message()).isEqualTo("Sales hit 1 of 3 KRs, median score 0.33 while checking in every 12 "
        + "days: set fewer or smaller targets and find what blocked them.");
    // without an agreed cadence the same 12 days are too slow: weekly
    assertThat(codes(teams(List.of(team("sales", 3, 1, 0.33)), List.of(cadence("sales", 12.0)), Map.of())))
        .containsExactly("check-in-weekly");
  }

  /**
   * A 91-day cycle (Fixtures.A's dates) agreeing {@code agreed} days, or none: team sales with three key results
   * checked in on days 7, 28, 49 and 70 (gaps of 21 days), results 30, 50 and 100 of 100 (scores 0.3, 0.5, 1: 1 hit
   * of 3, median 0.5, struggling).
   */
  static org.okrengine.model.OkrCycle salesCycle(Double agreed) {
    org.okrengine.model.Cycle c = new org.okrengine.model.Cycle("Q", "Q", Fixtures.A.start(), Fixtures.A.end(),
        java.time.ZoneOffset.UTC, agreed);
    List<org.okrengine.model.KeyResult> krs = new ArrayList<>();
    double[] results = {30, 50, 100};
    for (int i = 0; i < 3; i++) {
      krs.add(new org.okrengine.model.KeyResult("KR-" + (i + 1), null, null, "sales", 1, List.of(),
          Fixtures.up(100), org.okrengine.model.Plan.of(org.okrengine.model.PlanShape.LINEAR),
          List.of(Fixtures.at(c, 7, 5, null), Fixtures.at(c, 28, 10, null), Fixtures.at(c, 49, 20, null),
              Fixtures.at(c, 70, 25, null)),
          org.okrengine.model.Result.of(results[i])));
    }
    return org.okrengine.model.OkrCycle.of(c, List.of(new org.okrengine.model.Team("sales", "Sales", null)),
        List.of(new org.okrengine.model.Objective("O1", "Grow", "sales", null, null, null, krs)));
  }

  @Test
  void retrospective_cycleWithAgreedCadence_measuresTheTeamAgainstIt() {
    Retrospective retro = Retrospective.withDefaults().withoutForecasts();
    RetroReport agreed = retro.run(List.of(salesCycle(14.0)));
    assertThat(agreed.recommendations()).extracting(Recommendation::message).containsExactly(
        "Sales hit 1 of 3 KRs, median score 0.50, and checked in every 21 days against the 14 agreed: keep to the "
            + "agreed rhythm.");
    // the agreed cadence survives the bytes (a distributed engine's partial results)
    RetroReport viaBytes = Retrospective.Accumulator.fromBytes(
        retro.newAccumulator().add(salesCycle(14.0)).toBytes()).report();
    assertThat(viaBytes.recommendations()).isEqualTo(agreed.recommendations());
    // merged with a cycle agreeing 7: the larger, 14, is the team's (21 is slower than either)
    Retrospective.Accumulator merged = retro.newAccumulator().add(salesCycle(7.0));
    merged.mergeBytes(retro.newAccumulator().add(salesCycle(14.0)).toBytes());
    assertThat(merged.report().recommendations().get(0).message()).contains("against the 14 agreed");
    // without one: weekly, as before
    assertThat(retro.run(List.of(salesCycle(null))).recommendations()).extracting(Recommendation::message)
        .containsExactly("Sales hit 1 of 3 KRs, median score 0.50, and checked in every 21 days: move to weekly "
            + "check-ins.");
  }
}
