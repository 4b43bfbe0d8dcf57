package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.okrengine.retro.Fixtures.A;
import static org.okrengine.retro.Fixtures.cycleA;
import static org.okrengine.retro.Fixtures.cycleB;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Commitment;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/** Every section on the hand-made cycles of {@link Fixtures}; each expected number is derived in a comment. */
class RetrospectiveTest {
  private static final Offset<Double> EPS = within(1e-9);
  private static final RetroReport R = Retrospective.withDefaults().run(List.of(cycleA(), cycleB()));

  // scores: KR-1 1.0 (100 of 100), KR-2 0.45, KR-3 0.7, KR-4 none (no check-in, no result), KR-5 1.0 (achieve,
  // last check-in 1), KR-6 1.0, KR-7 0.05, KR-8 0.1; hits: KR-1, KR-5, KR-6

  @Test
  void completion_overall() {
    assertThat(R.cycles()).isEqualTo(2);
    assertThat(R.keyResults()).isEqualTo(8);
    assertThat(R.scoredFromResults()).isEqualTo(6); // all but KR-4 and KR-5
    assertThat(R.scoredFromLastCheckIn()).isEqualTo(1); // KR-5
    assertThat(R.unscored()).isEqualTo(1); // KR-4
    GroupStats all = R.overall();
    assertThat(all.key()).isEqualTo("all");
    assertThat(all.scored()).isEqualTo(7);
    assertThat(all.hits()).isEqualTo(3);
    assertThat(all.hitRate()).isCloseTo(3 / 7.0, EPS);
    assertThat(all.meanScore()).isCloseTo((1 + 0.45 + 0.7 + 1 + 1 + 0.05 + 0.1) / 7, EPS);
    assertThat(all.medianScore()).isCloseTo(0.7, EPS); // 0.05 0.1 0.45 [0.7] 1 1 1
    assertThat(List.of(all.low(), all.middle(), all.high())).containsExactly(2L, 1L, 4L); // {.05,.1} {.45} rest
    assertThat(all.committed()).isEqualTo(6); // every scored KR but KR-3
    assertThat(all.committedMet()).isEqualTo(3); // KR-1, KR-5, KR-6 score 1.0
    assertThat(all.aspirational()).isEqualTo(1); // KR-3
    assertThat(all.aspirationalMet()).isEqualTo(1); // 0.7 >= 0.7
    assertThat(all.meanAspirationalScore()).isCloseTo(0.7, EPS);
  }

  @Test
  void completion_byTeam_teamWithOneScoredKr_andTies() {
    GroupStats alpha = R.group(Grouping.TEAM, "alpha").orElseThrow();
    assertThat(alpha.keyResults()).isEqualTo(6);
    assertThat(alpha.hits()).isEqualTo(2); // KR-1, KR-6
    assertThat(alpha.meanScore()).isCloseTo((1 + 0.45 + 0.7 + 1 + 0.05 + 0.1) / 6, EPS);
    assertThat(alpha.medianScore()).isCloseTo((0.45 + 0.7) / 2, EPS); // even count: mean of the middle two
    GroupStats beta = R.group(Grouping.TEAM, "beta").orElseThrow();
    assertThat(beta.keyResults()).isEqualTo(2);
    assertThat(beta.scored()).isEqualTo(1); // only KR-5
    assertThat(beta.medianScore()).isCloseTo(1.0, EPS);
    // ties: KR-1 and KR-6 both score 1.0 and share the tag "growth" with KR-2 (0.45): median of {0.45, 1, 1} is 1
    GroupStats growth = R.group(Grouping.TAG, "growth").orElseThrow();
    assertThat(growth.keyResults()).isEqualTo(3);
    assertThat(growth.medianScore()).isCloseTo(1.0, EPS);
    assertThat(R.breakdown(Grouping.TAG).orElseThrow().groups()).extracting(GroupStats::key)
        .containsExactly("cost", "growth"); // sorted; KR without tags left out
  }

  @Test
  void completion_byOwnerObjectiveDirectionUnitCommitment() {
    assertThat(R.breakdown(Grouping.OWNER).orElseThrow().groups()).extracting(GroupStats::key)
        .containsExactly("ann", "bob", "cid"); // KR-4 has no owner: left out
    assertThat(R.group(Grouping.OWNER, "bob").orElseThrow().meanScore())
        .isCloseTo((0.45 + 0.05 + 0.1) / 3, EPS); // KR-2, KR-7, KR-8
    assertThat(R.group(Grouping.OBJECTIVE, "A/O3").orElseThrow().keyResults()).isEqualTo(2);
    assertThat(R.group(Grouping.DIRECTION, "achieve").orElseThrow().hits()).isEqualTo(1); // KR-5
    assertThat(R.group(Grouping.DIRECTION, "decrease").orElseThrow().scored()).isEqualTo(0); // KR-4 unscored
    assertThat(R.group(Grouping.UNIT, "pts").orElseThrow().keyResults()).isEqualTo(6); // KR-4/5 have no unit
    assertThat(R.group(Grouping.COMMITMENT, "aspirational").orElseThrow().keyResults()).isEqualTo(1);
  }

  @Test
  void completion_objectivesJudgedByCommitment() {
    ObjectiveStats committed = R.objectives().get(0);
    assertThat(committed.commitment()).isEqualTo("committed");
    assertThat(committed.objectives()).isEqualTo(3); // O1, O3, O4
    // O1 = (1 + 0.45) / 2 = 0.725; O3 = 1.0 (KR-4 unscored); O4 weighted: (2 * 1 + 0.05 + 0.1) / 4 = 0.5375
    assertThat(committed.meanScore()).isCloseTo((0.725 + 1 + 0.5375) / 3, EPS);
    assertThat(committed.medianScore()).isCloseTo(0.725, EPS);
    assertThat(committed.metExpectation()).isEqualTo(1); // only O3 reaches 1.0
    ObjectiveStats aspirational = R.objectives().get(1);
    assertThat(aspirational.expectedScore()).isEqualTo(0.7);
    assertThat(aspirational.meanScore()).isCloseTo(0.7, EPS); // O2 = KR-3
    assertThat(aspirational.metExpectation()).isEqualTo(1);
  }

  @Test
  void completion_trendsCycleOverCycle() {
    TeamTrend alpha = R.trend("alpha").orElseThrow();
    assertThat(alpha.points()).extracting(TrendPoint::cycleId).containsExactly("A", "B");
    TrendPoint a = alpha.points().get(0);
    TrendPoint b = alpha.points().get(1);
    assertThat(a.start()).isEqualTo(LocalDate.of(2026, 1, 5));
    assertThat(a.meanScore()).isCloseTo((1 + 0.45 + 0.7) / 3, EPS);
    assertThat(a.change()).isNull(); // no previous cycle
    assertThat(b.meanScore()).isCloseTo((1 + 0.05 + 0.1) / 3, EPS);
    assertThat(b.change()).isCloseTo((1 + 0.05 + 0.1) / 3 - (1 + 0.45 + 0.7) / 3, EPS);
    assertThat(b.hits()).isEqualTo(1); // KR-6
    assertThat(R.trend("beta").orElseThrow().points()).hasSize(1);
  }

  @Test
  void calibration_brierAndOverconfidence() {
    CalibrationStats all = R.calibration();
    // KR-1: 6 check-ins at 0.8, hit; KR-2: 2 at 0.9, miss (its third has none); KR-5: 1 at 0.5, hit
    assertThat(all.checkInsWithConfidence()).isEqualTo(9);
    assertThat(all.brier()).isCloseTo((6 * 0.04 + 2 * 0.81 + 0.25) / 9, EPS); // (0.8-1)^2, (0.9-0)^2, (0.5-1)^2
    assertThat(all.meanConfidence()).isCloseTo((6 * 0.8 + 2 * 0.9 + 0.5) / 9, EPS);
    assertThat(all.hitRate()).isCloseTo(7 / 9.0, EPS);
    assertThat(all.overconfidence()).isCloseTo((6 * 0.8 + 2 * 0.9 + 0.5) / 9 - 7 / 9.0, EPS);
    assertThat(all.selfScored()).isEqualTo(1); // KR-2: self 0.8, actual 0.45
    assertThat(all.selfScoreGap()).isCloseTo(0.8 - 0.45, EPS);
    // reliability bins: 0.8 -> [0.8, 0.9) (6 check-ins, all hits), 0.9 -> [0.9, 1.0] (2, no hit), 0.5 -> [0.5, 0.6)
    assertThat(all.bins().get(8).count()).isEqualTo(6);
    assertThat(all.bins().get(8).hitRate()).isEqualTo(1.0);
    assertThat(all.bins().get(9).count()).isEqualTo(2);
    assertThat(all.bins().get(9).hitRate()).isEqualTo(0.0);
    assertThat(all.bins().get(5).count()).isEqualTo(1);
    assertThat(all.bins().get(0).meanConfidence()).isNull(); // empty bin: unknown, not NaN
    CalibrationStats beta = R.calibration("beta").orElseThrow();
    assertThat(beta.overconfidence()).isCloseTo(0.5 - 1, EPS); // one check-in at 0.5 on a hit: under-confident
    CalibrationStats alphaB = R.calibration("alpha").orElseThrow();
    assertThat(alphaB.brier()).isCloseTo((6 * 0.04 + 2 * 0.81) / 8, EPS);
  }

  @Test
  void execution_cadence() {
    CadenceStats all = R.cadence();
    assertThat(all.keyResults()).isEqualTo(8);
    assertThat(all.keyResultsWithoutCheckIns()).isEqualTo(2); // KR-3, KR-4
    assertThat(all.checkIns()).isEqualTo(18); // 6 + 3 + 0 + 0 + 2 + 3 + 2 + 2
    // gaps in days: KR-1 14 x5; KR-2 28, 42; KR-5 30; KR-6 28, 21; KR-7 28; KR-8 28 -> sorted
    // 14 14 14 14 14 21 | 28 28 28 28 30 42: median (21 + 28) / 2
    assertThat(all.medianGapDays()).isCloseTo(24.5, EPS);
    assertThat(all.weeks()).isEqualTo(8 * 13); // 91-day cycles
    // weeks with a check-in: KR-1 6 (days 14..84 every 14), KR-2 3, KR-5 2, KR-6 3, KR-7 2, KR-8 2
    assertThat(all.weeksWithCheckIn()).isEqualTo(18);
    assertThat(all.shareOfWeeksWithCheckIn()).isCloseTo(18 / 104.0, EPS);
    // KR-3 and KR-4 are silent all 91 days: the tie goes to the smaller key (A, KR-3)
    assertThat(all.longestSilenceDays()).isCloseTo(91.0, EPS);
    assertThat(all.longestSilenceCycle()).isEqualTo("A");
    assertThat(all.longestSilenceKeyResult()).isEqualTo("KR-3");
    CadenceStats beta = R.cadence("beta").orElseThrow();
    assertThat(beta.medianGapDays()).isCloseTo(30.0, EPS); // KR-5: days 30 and 60
    assertThat(beta.longestSilenceKeyResult()).isEqualTo("KR-4");
  }

  @Test
  void execution_shapesAndHits() {
    // KR-1 follows its linear plan; KR-6 is at 0.16 at 75% (plan 0.75) and ends at 1.0; KR-2 is at 0.45 by
    // mid-cycle and never moves again; KR-7 never moves 0.1 from its baseline; KR-8 falls from 0.5 to 0.1;
    // KR-3 and KR-4 have no check-in and KR-5 is an achieve metric
    assertThat(R.shape(TrajectoryShape.STEADY).keyResults()).isEqualTo(1);
    assertThat(R.shape(TrajectoryShape.STEADY).hits()).isEqualTo(1);
    assertThat(R.shape(TrajectoryShape.BACK_LOADED).hits()).isEqualTo(1);
    assertThat(R.shape(TrajectoryShape.FRONT_LOADED_STALLED).meanScore()).isCloseTo(0.45, EPS);
    assertThat(R.shape(TrajectoryShape.FLAT).meanScore()).isCloseTo(0.05, EPS);
    assertThat(R.shape(TrajectoryShape.REGRESSING).meanScore()).isCloseTo(0.1, EPS);
    assertThat(R.shape(TrajectoryShape.REGRESSING).hitRate()).isEqualTo(0.0);
    assertThat(R.shape(TrajectoryShape.UNCLASSIFIED).keyResults()).isEqualTo(3);
    assertThat(R.shape(TrajectoryShape.UNCLASSIFIED).scored()).isEqualTo(2); // KR-4 unscored
  }

  @Test
  void blockers_durationTeamsAndMisses() {
    // legal: KR-2 days 42..84 (42 days), KR-8 days 28..56 (28 days); both missed
    BlockerStats legal = R.blockers().get(0);
    assertThat(legal.tag()).isEqualTo("legal");
    assertThat(legal.keyResults()).isEqualTo(2);
    assertThat(legal.mentions()).isEqualTo(4);
    assertThat(legal.meanDays()).isCloseTo((42 + 28) / 2.0, EPS);
    assertThat(legal.maxDays()).isCloseTo(42.0, EPS);
    assertThat(legal.teams()).containsExactly(new TeamCount("alpha", 2));
    assertThat(legal.missRate()).isEqualTo(1.0);
    // budget (KR-7, missed) and hiring (KR-1, hit) tie on one KR and one mention: by tag
    assertThat(R.blockers()).extracting(BlockerStats::tag).containsExactly("legal", "budget", "hiring");
    assertThat(R.blocker("hiring").orElseThrow().missRate()).isEqualTo(0.0);
    assertThat(R.blocker("hiring").orElseThrow().maxDays()).isEqualTo(0.0); // one mention: no duration
  }

  @Test
  void forecasts_weeksAheadAndFalseAlarms() {
    // weekly forecasts at days 7..84 (week 13 is the end). With the default forecaster (the status rule: at risk
    // below P 0.37, rising to it over the first 30% of the cycle; stale after twice a key result's usual gap):
    // KR-2 on track or stale until its first flag, off track at day 84; KR-7 flagged from day 28; KR-8 from day 56;
    // KR-3 (no check-in) is never flagged. Hits: KR-1 flagged at day 84, KR-6 from day 28, KR-5 never.
    ForecastAccountability all = R.forecasts();
    assertThat(all.keyResults()).isEqualTo(7); // scored ones
    assertThat(all.misses()).isEqualTo(4); // KR-2, KR-3, KR-7, KR-8
    assertThat(all.missesFlagged()).isEqualTo(3);
    // weeks ahead of the end (day 91): (91 - 84) / 7 = 1, (91 - 28) / 7 = 9, (91 - 56) / 7 = 5
    assertThat(all.medianWeeksAheadFirstFlag()).isCloseTo(5.0, EPS);
    assertThat(all.meanWeeksAheadFirstFlag()).isCloseTo((1 + 9 + 5) / 3.0, EPS);
    // stale forecasts neither raise nor clear a flag, and none of the three was cleared by on-track
    assertThat(all.missesFlaggedToTheEnd()).isEqualTo(3);
    assertThat(all.missesFlaggedWithoutGap()).isEqualTo(3);
    assertThat(all.medianWeeksFlaggedToTheEnd()).isCloseTo(5.0, EPS);
    assertThat(all.hits()).isEqualTo(3);
    assertThat(all.hitsFlagged()).isEqualTo(2); // KR-1, KR-6: false alarms
    assertThat(all.falseAlarmRate()).isCloseTo(2 / 3.0, EPS);
    assertThat(R.forecasts("beta").orElseThrow().hitsFlagged()).isEqualTo(0);
  }

  @Test
  void recommendations_backedByNumbers() {
    // no act-on-flags: 3 of 4 misses flagged but 2 of 3 hits too (forecasts_weeklyReplay), 2/3 > 0.5 * 3/4: the
    // flags did not tell the misses from the hits (Recommendations.separates)
    assertThat(R.recommendations()).extracting(Recommendation::code).containsExactly("check-in-weekly",
        "keep-commitments", "resolve-blocker");
    Recommendation alpha = R.recommendations().get(0);
    assertThat(alpha.subject()).isEqualTo("alpha");
    // alpha: 2 hits of 6, median (0.45 + 0.7) / 2, gaps of alpha's KRs: 14 x5, 21, 28 x4, 42 -> median 21 days
    assertThat(alpha.message()).startsWith("Alpha hit 2 of 6 KRs, median score 0.5")
        .endsWith(", and checked in every 21 days: move to weekly check-ins.");
    assertThat(alpha.evidence()).extracting(Evidence::name)
        .containsExactly("hits", "scored", "medianScore", "medianGapDays");
    assertThat(alpha.evidence().get(3).value()).isCloseTo(21.0, EPS);
    assertThat(R.recommendations().get(1).message()).startsWith("Committed objectives met 1 of 3");
    assertThat(R.recommendations().get(2).message())
        .startsWith("'legal' blocked 2 KRs (Alpha) for 35 days on average and 2 of them missed");
  }

  @Test
  void recommendations_sameWhateverTheGroupings() {
    // the team recommendations judge completion by team, which is kept whether or not it is a breakdown asked for
    for (Grouping g : Grouping.values()) {
      assertThat(Retrospective.withDefaults().withGroupings(Set.of(g)).run(List.of(cycleA(), cycleB()))
          .recommendations()).as("grouped by %s only", g).isEqualTo(R.recommendations());
    }
  }

  @Test
  void recommendations_aspirationalTooEasyAndTooHard() {
    OkrCycle easy = cycleWithAspirational(Fixtures.kr("E1", "alpha", null, 1, List.of(), Fixtures.up(10),
        org.okrengine.model.Result.of(9.2)));
    RetroReport r = Retrospective.withDefaults().run(List.of(easy));
    // one aspirational objective scoring 0.92 >= 0.85
    assertThat(r.recommendations()).extracting(Recommendation::message)
        .contains("Aspirational objectives averaged 0.92: set bolder targets.");
    OkrCycle hard = cycleWithAspirational(Fixtures.kr("H1", "alpha", null, 1, List.of(), Fixtures.up(10),
        org.okrengine.model.Result.of(2)));
    assertThat(Retrospective.withDefaults().run(List.of(hard)).recommendations()).extracting(Recommendation::code)
        .contains("reachable-aspirational-targets"); // 0.2 < 0.4
  }

  @Test
  void teamWithOneKr_medianIsItsScore() {
    OkrCycle one = cycleWithAspirational(Fixtures.kr("S1", "alpha", "ann", 1, List.of(), Fixtures.up(10),
        org.okrengine.model.Result.of(9.2), Fixtures.at(A, 45, 5, 0.6)));
    RetroReport r = Retrospective.withDefaults().run(List.of(one));
    GroupStats alpha = r.group(Grouping.TEAM, "alpha").orElseThrow();
    assertThat(alpha.keyResults()).isEqualTo(1);
    assertThat(alpha.meanScore()).isCloseTo(0.92, EPS); // 9.2 of 10
    assertThat(alpha.medianScore()).isCloseTo(0.92, EPS); // one value: the median is that value
    assertThat(alpha.high()).isEqualTo(1);
    assertThat(alpha.hits()).isZero(); // 9.2 < 10
    assertThat(r.trend("alpha").orElseThrow().points().get(0).change()).isNull(); // one cycle: no change
    CadenceStats cadence = r.cadence("alpha").orElseThrow();
    assertThat(cadence.medianGapDays()).isNull(); // one check-in: no gap
    assertThat(cadence.longestSilenceDays()).isCloseTo(91.0 - 45, EPS); // day 45 to the end (day 91)
    CalibrationStats cal = r.calibration("alpha").orElseThrow();
    assertThat(cal.brier()).isCloseTo(0.36, EPS); // (0.6 - 0)^2 on a miss
  }

  /**
   * Objectives that declare no commitment (as the TAWOS history's) are judged by no commitment: not counted as
   * committed objectives, nor in the commitment breakdown, and no "keep-commitments" recommendation (it read
   * "Committed objectives met 0 of 2 (all are expected to)" of objectives nobody committed to). One declared
   * committed beside them is judged alone.
   */
  @Test
  void commitmentNotDeclared_notJudgedAsCommitted() {
    Objective o1 = new Objective("O1", null, "alpha", null, null, null,
        List.of(Fixtures.kr("KR-1", "alpha", null, 1, List.of(), Fixtures.up(100), Result.of(40))));
    Objective o2 = new Objective("O2", null, "alpha", null, null, null,
        List.of(Fixtures.kr("KR-2", "alpha", null, 1, List.of(), Fixtures.up(100), Result.of(50))));
    OkrCycle undeclared = OkrCycle.of(A, List.of(Team.of("alpha")), List.of(o1, o2));
    RetroReport r = Retrospective.withDefaults().withoutForecasts().run(List.of(undeclared));
    assertThat(r.objectives()).extracting(ObjectiveStats::objectives).containsExactly(0L, 0L);
    assertThat(r.group(Grouping.COMMITMENT, "committed")).isEmpty();
    assertThat(r.breakdown(Grouping.COMMITMENT).orElseThrow().groups()).isEmpty();
    assertThat(r.recommendations()).extracting(Recommendation::code).doesNotContain("keep-commitments");

    Objective declared = new Objective("O3", null, "alpha", null, null, Commitment.COMMITTED,
        List.of(Fixtures.kr("KR-3", "alpha", null, 1, List.of(), Fixtures.up(100), Result.of(60))));
    OkrCycle mixed = OkrCycle.of(A, List.of(Team.of("alpha")), List.of(o1, o2, declared));
    RetroReport m = Retrospective.withDefaults().withoutForecasts().run(List.of(mixed));
    assertThat(m.objectives().get(0).commitment()).isEqualTo("committed");
    assertThat(m.objectives().get(0).objectives()).isEqualTo(1);
    assertThat(m.group(Grouping.COMMITMENT, "committed").orElseThrow().keyResults()).isEqualTo(1);
    assertThat(m.recommendations()).filteredOn(x -> x.code().equals("keep-commitments"))
        .extracting(Recommendation::message).containsExactly("Committed objectives met 0 of 1 (all are expected to): "
            + "commit only to what the teams control, or make the rest aspirational.");
  }

  /**
   * The groups count key results of objectives that declare no commitment apart, in {@code undeclared}: not in
   * {@code committed} nor {@code committedMet} (a manager's report called undeclared work committed: the team group
   * read "committed 3, committedMet 2" of one declared key result), so committed, aspirational and undeclared add up
   * to the scored.
   */
  @Test
  void commitmentNotDeclared_groupsCountItApart() {
    OkrCycle mixed = Fixtures.undeclared();
    RetroReport r = Retrospective.withDefaults().withoutForecasts().run(List.of(mixed));
    // alpha: KR-1 (1.0) and KR-2 undeclared, KR-3 (1.0) committed, KR-4 (0.8) aspirational; beta: KR-5 undeclared
    GroupStats alpha = r.group(Grouping.TEAM, "alpha").orElseThrow();
    assertThat(List.of(alpha.scored(), alpha.committed(), alpha.committedMet(), alpha.aspirational(),
        alpha.aspirationalMet(), alpha.undeclared())).containsExactly(4L, 1L, 1L, 1L, 1L, 2L);
    GroupStats all = r.overall();
    assertThat(List.of(all.scored(), all.committed(), all.committedMet(), all.aspirational(), all.undeclared()))
        .containsExactly(5L, 1L, 1L, 1L, 3L);
    GroupStats beta = r.group(Grouping.TEAM, "beta").orElseThrow();
    assertThat(List.of(beta.committed(), beta.committedMet(), beta.undeclared())).containsExactly(0L, 0L, 1L);
    long shapesUndeclared = 0;
    for (GroupStats s : r.shapes()) {
      assertThat(s.committed() + s.aspirational() + s.undeclared()).as(s.key()).isEqualTo(s.scored());
      shapesUndeclared += s.undeclared();
    }
    assertThat(shapesUndeclared).isEqualTo(3);
    assertThat(RetroJson.write(r)).contains("\"key\": \"alpha\"").contains("\"committed\": 1, \"committedMet\": 1, "
        + "\"aspirational\": 1, \"aspirationalMet\": 1, \"meanAspirationalScore\": 0.8, \"undeclared\": 2}");
    // every objective declares one: undeclared 0, the rest as before
    assertThat(R.overall().undeclared()).isZero();
  }

  /**
   * Two teams of one display name are told apart in the recommendations as in the text's tables, by their ids
   * ("Platform (a)", "Platform (b)"; both read "Platform hit 0 of 2 KRs"); a team whose name is its own keeps it.
   */
  @Test
  void recommendations_twoTeamsOfOneName_carryTheirIds() {
    List<Objective> objectives = new java.util.ArrayList<>();
    for (String team : List.of("a", "b", "c")) {
      objectives.add(new Objective("O-" + team, null, team, null, null, Commitment.COMMITTED, List.of(
          Fixtures.kr("KR-" + team + "1", team, null, 1, List.of(), Fixtures.up(100), Result.of(30),
              Fixtures.at(A, 20, 10, null, "legal")),
          Fixtures.kr("KR-" + team + "2", team, null, 1, List.of(), Fixtures.up(100), Result.of(30)))));
    }
    OkrCycle c = OkrCycle.of(A, List.of(new Team("a", "Platform", null), new Team("b", "Platform", null),
        new Team("c", "Data", null)), objectives);
    RetroReport r = Retrospective.withDefaults().withoutForecasts().run(List.of(c));
    assertThat(r.teamLabels()).containsExactly(java.util.Map.entry("a", "Platform (a)"),
        java.util.Map.entry("b", "Platform (b)"), java.util.Map.entry("c", "Data"));
    assertThat(r.teamNames()).containsEntry("a", "Platform"); // the JSON's teamNames keep the display names
    List<String> messages = r.recommendations().stream().map(Recommendation::message).toList();
    assertThat(messages).anyMatch(m -> m.startsWith("Platform (a) hit 0 of 2 KRs"))
        .anyMatch(m -> m.startsWith("Platform (b) hit 0 of 2 KRs")).anyMatch(m -> m.startsWith("Data hit 0 of 2 KRs"))
        .anyMatch(m -> m.contains("Platform (a), Platform (b), Data"))
        .noneMatch(m -> m.startsWith("Platform hit"));
  }

  private static OkrCycle cycleWithAspirational(KeyResult kr) {
    return OkrCycle.of(A, List.of(Team.of("alpha")), List.of(new Objective("OA", null, "alpha", null, null,
        org.okrengine.model.Commitment.ASPIRATIONAL, List.of(kr))));
  }

  @Test
  void emptyCycle_noCheckInsNoResultsNoConfidence_everythingUnknownNotNaN() {
    KeyResult bare = new KeyResult("K", null, null, "t", 1, List.of(), Metric.of(0, 10, null), null, List.of(),
        null);
    OkrCycle c = OkrCycle.of(A, List.of(Team.of("t")), List.of(new Objective("O", null, "t", null, null, null,
        List.of(bare))));
    RetroReport r = Retrospective.withDefaults().run(List.of(c));
    assertThat(r.unscored()).isEqualTo(1);
    assertThat(r.overall().meanScore()).isNull();
    assertThat(r.overall().medianScore()).isNull();
    assertThat(r.overall().hitRate()).isNull();
    assertThat(r.calibration().brier()).isNull();
    assertThat(r.calibration().overconfidence()).isNull();
    assertThat(r.cadence().medianGapDays()).isNull();
    assertThat(r.cadence().longestSilenceDays()).isCloseTo(91.0, EPS); // silent all cycle
    assertThat(r.forecasts().keyResults()).isZero(); // nothing scored: nothing replayed
    assertThat(r.forecasts().medianWeeksAheadFirstFlag()).isNull();
    assertThat(r.blockers()).isEmpty();
    assertThat(r.recommendations()).isEmpty();
    assertThat(r.objectives().get(0).meanScore()).isNull();
    String json = RetroJson.write(r);
    assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").contains("\"meanScore\": null");
    // and the retrospective of nothing at all
    RetroReport none = Retrospective.withDefaults().run(List.of());
    assertThat(none.cycles()).isZero();
    assertThat(none.cadence().longestSilenceDays()).isNull();
    assertThat(RetroJson.write(none)).doesNotContain("NaN");
  }

  @Test
  void options_noLastCheckInScoring_noForecasts_someGroupings() {
    RetroReport r = Retrospective.withDefaults().withScoreFromLastCheckIn(false).withoutForecasts()
        .withGroupings(Set.of(Grouping.TAG)).run(List.of(cycleA()));
    assertThat(r.scoredFromLastCheckIn()).isZero();
    assertThat(r.unscored()).isEqualTo(2); // KR-4 and now KR-5
    assertThat(r.forecasts()).isNull();
    assertThat(r.forecastsByTeam()).isEmpty();
    assertThat(r.breakdowns()).extracting(Breakdown::grouping).containsExactly(Grouping.TAG);
    assertThat(r.breakdown(Grouping.TEAM)).isEmpty();
    assertThat(Retrospective.withDefaults().withoutForecasts().replaysForecasts()).isFalse();
    assertThat(Retrospective.withDefaults().withGroupings(Set.of(Grouping.UNIT)).groupings())
        .containsExactly(Grouping.UNIT);
    assertThatThrownBy(() -> Retrospective.withDefaults().withGroupings(Set.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groupings");
    // null named, as every other argument is (it was the JVM's own message, which a flag turns off)
    assertThatThrownBy(() -> Retrospective.withDefaults().withGroupings(null))
        .isInstanceOf(NullPointerException.class).hasMessage("groupings must not be null");
    assertThatThrownBy(() -> Retrospective.withDefaults().newAccumulator()
        .merge(Retrospective.withDefaults().withoutForecasts().newAccumulator()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same settings");
    assertThat(Grouping.fromJsonName("owner")).contains(Grouping.OWNER);
    assertThat(Grouping.fromJsonName("colour")).isEmpty();
    assertThatThrownBy(() -> new Evidence("x", Double.NaN)).hasMessage("evidence.x must be finite: NaN");
  }
}
