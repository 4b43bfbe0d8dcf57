package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;
import org.okrengine.model.Cause;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Status;
import org.okrengine.model.Team;

/**
 * Objective and company summaries from report rows written by hand, so that each figure and sentence follows from
 * numbers in the test and not from the engine's status rules.
 */
class SummariesTest {
  static final Cycle Q = Cycle.of("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));
  static final Instant AS_OF = Q.instantOf(LocalDate.of(2026, 8, 15));
  static final List<Team> TEAMS = List.of(new Team("growth", "Growth", null), new Team("platform", "Platform", null));

  static KeyResult kr(String id, String team, double weight) {
    return new KeyResult(id, "Title " + id, null, team, weight, List.of(), Metric.of(0, 100, null), Plan.LINEAR,
        List.of(), null);
  }

  static KeyResultReport row(String id, String team, Status status, Double progress, double expected,
      Cause... causes) {
    return new KeyResultReport(id, "Title " + id, "O-1", team, status, progress == null ? null : progress * 100,
        progress, expected, null, null, List.of(), null, List.of(causes));
  }

  static Map<String, KeyResultReport> byId(KeyResultReport... rows) {
    Map<String, KeyResultReport> m = new HashMap<>();
    for (KeyResultReport r : rows) {
      m.put(r.id(), r);
    }
    return m;
  }

  static OkrCycle okr(KeyResult... krs) {
    return OkrCycle.of(Q, TEAMS, List.of(new Objective("O-1", "Grow revenue", "growth", null, null, null,
        List.of(krs))));
  }

  static ObjectiveSummary objective(OkrCycle okr, KeyResultReport... rows) {
    return Summaries.objectives(okr, byId(rows)).get(0);
  }

  @Test
  void objectives_weightedMeans_progressOverThoseWithProgress() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 3), kr("KR-3", "growth", 4));
    ObjectiveSummary s = objective(okr, row("KR-1", "growth", Status.AT_RISK, 0.5, 0.6),
        row("KR-2", "growth", Status.OFF_TRACK, 0.2, 0.6), row("KR-3", "growth", Status.NO_DATA, null, 0.2));
    // KR-3 has no progress: (1 * 0.5 + 3 * 0.2) / (1 + 3); planned over all three
    assertThat(s.progress()).isEqualTo((1 * 0.5 + 3 * 0.2) / (1 + 3));
    assertThat(s.expectedProgress()).isEqualTo((1 * 0.6 + 3 * 0.6 + 4 * 0.2) / (1 + 3 + 4));
    assertThat(s.keyResults()).isEqualTo(3);
    assertThat(s.needAttention()).isEqualTo(2);
    // 0.275 is 28%, 0.4 is 40%; KR-2 is 0.6 - 0.2 = 0.4 behind, KR-1 0.1
    assertThat(s.summary()).isEqualTo("O-1 (Grow revenue): 2 of 3 key results need attention (1 off track, "
        + "1 at risk); together 28% of the way against 40% planned. KR-2 (Title KR-2) is furthest behind (20% "
        + "against 60%).");
  }

  @Test
  void objectives_progressBeyondZeroToOne_clamped() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1));
    ObjectiveSummary s = objective(okr, row("KR-1", "growth", Status.ACHIEVED, 1.8, 0.5),
        row("KR-2", "growth", Status.OFF_TRACK, -0.5, 0.5));
    // 1.8 counts as 1 and -0.5 as 0
    assertThat(s.progress()).isEqualTo((1.0 + 0.0) / 2);
  }

  @Test
  void objectives_allWeightsZero_equalWeights() {
    OkrCycle okr = okr(kr("KR-1", "growth", 0), kr("KR-2", "growth", 0));
    ObjectiveSummary s = objective(okr, row("KR-1", "growth", Status.ON_TRACK, 0.3, 0.2),
        row("KR-2", "growth", Status.ON_TRACK, 0.5, 0.4));
    assertThat(s.progress()).isEqualTo((0.3 + 0.5) / 2);
    assertThat(s.expectedProgress()).isEqualTo((0.2 + 0.4) / 2);
    assertThat(s.summary()).isEqualTo("O-1 (Grow revenue): none of its 2 key results needs attention "
        + "(2 on track); together 40% of the way against 30% planned.");
  }

  @Test
  void objectives_zeroWeightBesidePositive_ignored() {
    OkrCycle okr = okr(kr("KR-1", "growth", 0), kr("KR-2", "growth", 2));
    ObjectiveSummary s = objective(okr, row("KR-1", "growth", Status.ON_TRACK, 0.9, 0.9),
        row("KR-2", "growth", Status.ON_TRACK, 0.5, 0.4));
    assertThat(s.progress()).isEqualTo(0.5);
    assertThat(s.expectedProgress()).isEqualTo(0.4);
  }

  @Test
  void objectives_oneKeyResultWithoutProgress_noShareNoFurthest() {
    ObjectiveSummary s = objective(okr(kr("KR-1", "growth", 1)), row("KR-1", "growth", Status.NOT_STARTED, null, 0));
    assertThat(s.progress()).isNull();
    assertThat(s.summary())
        .isEqualTo("O-1 (Grow revenue): its key result does not need attention (1 not started).");
  }

  @Test
  void objectives_oneNeedingAttention_noFurthestBehind() {
    // furthest behind is named only when more than one key result needs attention
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1));
    ObjectiveSummary s = objective(okr, row("KR-1", "growth", Status.OFF_TRACK, 0.1, 0.6),
        row("KR-2", "growth", Status.ACHIEVED, 1.0, 0.6));
    assertThat(s.summary()).isEqualTo("O-1 (Grow revenue): 1 of 2 key results needs attention (1 off track); "
        + "together 55% of the way against 60% planned.");
  }

  static KeyResultReport row(String id, Status status, Double value, Double progress, double expected, Metric m) {
    return new KeyResultReport(id, "Title " + id, "O-1", "growth", status, value, progress, expected, null, null,
        List.of(), null, List.of(), m, null);
  }

  @Test
  void objectives_mixedWithMaintainAndAchieve_progressOverTheReachOnes_othersCounted() {
    Metric up = Metric.of(0, 100, null);
    Metric keep = new Metric(null, 40, Direction.MAINTAIN_ABOVE, null, null, null, null);
    Metric ship = new Metric(0.0, 1, Direction.ACHIEVE, null, null, null, null);
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1), kr("KR-3", "growth", 1),
        kr("KR-4", "growth", 1));
    // KR-1 50% of the way against 60% planned, KR-2 80% against 70%; KR-3 kept at 42, above 40 (progress 1, planned
    // 1); KR-4 not done (progress 0, planned 0.6). Over all four the mean was (0.5 + 0.8 + 1 + 0) / 4 = 58% against
    // (0.6 + 0.7 + 1 + 0.6) / 4 = 73%, a threshold held counted as all the way and a launch not done as none of it;
    // over the two with a way to go (0.5 + 0.8) / 2 = 65% against (0.6 + 0.7) / 2 = 65%
    ObjectiveSummary s = objective(okr, row("KR-1", Status.AT_RISK, 50.0, 0.5, 0.6, up),
        row("KR-2", Status.ON_TRACK, 80.0, 0.8, 0.7, up), row("KR-3", Status.ON_TRACK, 42.0, 1.0, 1.0, keep),
        row("KR-4", Status.AT_RISK, 0.0, 0.0, 0.6, ship));
    assertThat(s.progress()).isEqualTo((0.5 + 0.8) / 2);
    assertThat(s.expectedProgress()).isEqualTo((0.6 + 0.7) / 2);
    assertThat(s.summary()).isEqualTo("O-1 (Grow revenue): 2 of 4 key results need attention (2 at risk); the 2 key "
        + "results measured from a baseline to a target are together 65% of the way against 65% planned; 1 of 1 holds "
        + "its threshold; "
        + "0 of 1 is done. KR-1 (Title KR-1) is furthest behind (50% against 60%).");
    // one with a way to go: no "together"
    ObjectiveSummary one = objective(okr(kr("KR-1", "growth", 1), kr("KR-3", "growth", 1)),
        row("KR-1", Status.AT_RISK, 50.0, 0.5, 0.6, up), row("KR-3", Status.ON_TRACK, 38.0, 0.0, 1.0, keep));
    assertThat(one.summary()).endsWith("; the key result measured from a baseline to a target is 50% of the way "
        + "against 60% planned; "
        + "0 of 1 holds its threshold.");
    // the team roll-up takes the same key results
    assertThat(TeamRollups.of(okr, List.of(row("KR-1", Status.AT_RISK, 50.0, 0.5, 0.6, up),
        row("KR-2", Status.ON_TRACK, 80.0, 0.8, 0.7, up), row("KR-3", Status.ON_TRACK, 42.0, 1.0, 1.0, keep),
        row("KR-4", Status.AT_RISK, 0.0, 0.0, 0.6, ship))).get(0))
        .extracting(t -> t.progress(), t -> t.expectedProgress()).containsExactly((0.5 + 0.8) / 2, (0.6 + 0.7) / 2);
    // and where those with a way to go have no check-in yet, no progress and their plan: it read "100% of 70%
    // plan", KR-3's threshold held as all the way, over (1 + 1 + 0.1) / 3 planned with KR-2's 1 (no data)
    assertThat(TeamRollups.of(okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1), kr("KR-3", "growth", 1)),
        List.of(row("KR-1", Status.NO_DATA, null, null, 0.1, up), row("KR-2", Status.NO_DATA, null, null, 1.0, keep),
            row("KR-3", Status.ON_TRACK, 42.0, 1.0, 1.0, keep))).get(0))
        .extracting(t -> t.progress(), t -> t.expectedProgress()).containsExactly(null, 0.1);
    // a team with no key result with a way to go is over all, as before
    assertThat(TeamRollups.of(okr(kr("KR-3", "growth", 1)), List.of(row("KR-3", Status.ON_TRACK, 42.0, 1.0, 1.0,
        keep))).get(0)).extracting(t -> t.progress(), t -> t.expectedProgress()).containsExactly(1.0, 1.0);
  }

  @Test
  void objectives_noKeyResults_sayingSo() {
    OkrCycle okr = OkrCycle.of(Q, TEAMS, List.of(new Objective("O-9", "Empty", "growth", null, null, null,
        List.of())));
    assertThat(Summaries.objectives(okr, Map.of())).containsExactly(
        new ObjectiveSummary("O-9", "Empty", "growth", 0, 0, null, 0.0, "O-9 (Empty) has no key results."));
  }

  static String company(OkrCycle okr, List<KeyResultReport> rows) {
    return Summaries.company(okr, AS_OF, rows, Cascades.none(), List.of(), List.of());
  }

  @Test
  void company_noKeyResults_sayingSo() {
    OkrCycle okr = OkrCycle.of(Q, TEAMS, List.of());
    assertThat(company(okr, List.of())).isEqualTo("As of 15 Aug, the cycle has no key results.");
  }

  @Test
  void company_noneNeedingAttention_countsTheRest() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1), kr("KR-3", "platform", 1));
    assertThat(company(okr, List.of(row("KR-1", "growth", Status.ON_TRACK, 0.5, 0.5),
        row("KR-2", "growth", Status.ACHIEVED, 1.0, 0.5), row("KR-3", "platform", Status.NO_DATA, null, 0.5))))
        .isEqualTo("As of 15 Aug, none of the 3 key results needs attention (1 on track, 1 achieved, "
            + "1 without data).");
  }

  @Test
  void company_badAndGood_firstCountNamesTheTotal() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "platform", 1), kr("KR-3", "platform", 1),
        kr("KR-4", "growth", 1), kr("KR-5", "platform", 1));
    String s = company(okr, List.of(row("KR-1", "growth", Status.OFF_TRACK, 0.1, 0.5),
        row("KR-2", "platform", Status.OFF_TRACK, 0.1, 0.5), row("KR-3", "platform", Status.STALE, 0.3, 0.5),
        row("KR-4", "growth", Status.ON_TRACK, 0.5, 0.5), row("KR-5", "platform", Status.NOT_STARTED, null, 0)));
    // Platform: 2 of its 3 need attention (2 / 3 >= 0.5); Growth 1 of 2 (0.5, a smaller share)
    assertThat(s).isEqualTo("As of 15 Aug, 2 of 5 key results are off track and 1 stale; 1 on track and "
        + "1 not started. Platform: 2 of its 3 key results need attention.");
  }

  @Test
  void company_oneOfTwo_inTheSingular() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1));
    String s = company(okr, List.of(row("KR-1", "growth", Status.OFF_TRACK, 0.1, 0.5),
        row("KR-2", "growth", Status.ON_TRACK, 0.5, 0.5)));
    // one of two is half: the team is named, its verb in the singular (it read "1 of its 2 key results need attention")
    assertThat(s).endsWith(" Growth: 1 of its 2 key results needs attention.");
  }

  @Test
  void company_teamAllNeedingAttention_withLongestBlocker() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1), kr("KR-3", "platform", 1));
    Cause twoWeeks = new Cause("blocker-named", "legal-review", Map.of("weeks", 2.0), "Blocked by legal-review.");
    Cause threeWeeks = new Cause("blocker-named", "vendor-api", Map.of("weeks", 3.0), "Blocked by vendor-api.");
    String s = company(okr, List.of(row("KR-1", "growth", Status.AT_RISK, 0.3, 0.5, twoWeeks),
        row("KR-2", "growth", Status.OFF_TRACK, 0.1, 0.5, threeWeeks),
        row("KR-3", "platform", Status.ON_TRACK, 0.5, 0.5)));
    assertThat(s).isEqualTo("As of 15 Aug, 1 of 3 key results is off track and 1 at risk; 1 on track. "
        // two of two: "both" (it read "all 2 key results")
        + "Growth: both key results need attention, and \"vendor-api\" has been named as the blocker for 3 weeks.");
  }

  @Test
  void company_teamOfOneKeyResult_notNamed() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "platform", 1));
    assertThat(company(okr, List.of(row("KR-1", "growth", Status.OFF_TRACK, 0.1, 0.5),
        row("KR-2", "platform", Status.ON_TRACK, 0.5, 0.5))))
        .isEqualTo("As of 15 Aug, 1 of 2 key results is off track; 1 on track.");
  }

  @Test
  void company_lateInitiativeBlockingTwo_tracedBack() {
    OkrCycle okr = OkrCycle.of(Q, TEAMS, List.of(new Objective("O-1", "Grow revenue", "growth", null, null, null,
        List.of(kr("KR-1", "growth", 1), kr("KR-2", "platform", 1), kr("KR-3", "platform", 1)))),
        List.of(new Initiative("I-1", "Billing migration", "platform", null, List.of(), List.of())),
        List.of(new Dependency("I-1", "KR-1", DependencyKind.BLOCKS, null, null),
            new Dependency("I-1", "KR-2", DependencyKind.BLOCKS, null, null)));
    Cascades cascades = Cascades.of(DependencyGraph.of(okr), Map.of("I-1", new NodeRisk(12.5, 0.9)));
    List<KeyResultReport> rows = List.of(row("KR-1", "growth", Status.OFF_TRACK, 0.1, 0.5),
        row("KR-2", "platform", Status.AT_RISK, 0.3, 0.5), row("KR-3", "platform", Status.OFF_TRACK, 0.1, 0.5));
    String s = Summaries.company(okr, AS_OF, rows, cascades, List.of(), List.of());
    // KR-1 and KR-2 of the three needing attention are downstream of I-1
    assertThat(s).contains(" 2 of the 3 that need attention trace back to I-1 (Billing migration), 12.5 days late.");
  }

  @Test
  void company_brokenSourcesAndEscalations_oneSentenceEach() {
    OkrCycle okr = okr(kr("KR-1", "growth", 1), kr("KR-2", "growth", 1), kr("KR-3", "platform", 1));
    List<SourceHealthSummary> sources = List.of(new SourceHealthSummary("salesforce", List.of("KR-1", "KR-2"), true,
        LocalDate.of(2026, 7, 29), 17, 7, "reason"));
    List<EscalationSummary> escalations = List.of(
        new EscalationSummary("KR-1", 1, LocalDate.of(2026, 8, 1), "Head of Growth", null),
        new EscalationSummary("KR-2", 1, LocalDate.of(2026, 8, 8), "Head of Growth", null),
        new EscalationSummary("KR-3", 2, LocalDate.of(2026, 8, 8), "CEO", null));
    String s = Summaries.company(okr, AS_OF, List.of(row("KR-1", "growth", Status.ON_TRACK, 0.5, 0.5),
        row("KR-2", "growth", Status.ON_TRACK, 0.5, 0.5), row("KR-3", "platform", Status.ON_TRACK, 0.5, 0.5)),
        Cascades.none(), sources, escalations);
    assertThat(s).isEqualTo("As of 15 Aug, none of the 3 key results needs attention (3 on track). The salesforce "
        + "data connection is broken: KR-1 (Title KR-1) and KR-2 (Title KR-2) have had no value from it since "
        + "29 Jul. Escalated: 2 to Head of "
        + "Growth (level 1) and 1 to CEO (level 2).");
  }

  @Test
  void outcomes_cycleOver_missesStaleAndHitsCounted_elseNull() {
    Map<Status, Integer> counts = new java.util.EnumMap<>(Status.class);
    counts.put(Status.OFF_TRACK, 21);
    counts.put(Status.STALE, 1);
    counts.put(Status.ACHIEVED, 8);
    assertThat(Summaries.outcomes(counts, 30, 1))
        .isEqualTo("21 of 30 key results missed their targets and 1 was stale (it ended meeting its target); 8 "
            + "others met theirs.");
    counts.put(Status.NO_DATA, 2);
    counts.put(Status.ACHIEVED, 1);
    assertThat(Summaries.outcomes(counts, 25, 0))
        .isEqualTo("21 of 25 key results missed their targets, 1 was stale (it ended missing its target) and 2 had no "
            + "data; 1 met its target.");
    assertThat(Summaries.outcomes(Map.of(Status.STALE, 1), 1, 0)).isEqualTo("1 of 1 key result was stale (it ended "
        + "missing its target); none met its target.");
    assertThat(Summaries.outcomes(Map.of(Status.STALE, 3, Status.ACHIEVED, 3), 6, 1)).isEqualTo("3 of 6 key results "
        + "were stale (of those, 1 ended meeting its target and 2 did not); 3 others met theirs.");
    assertThat(Summaries.outcomes(Map.of(Status.STALE, 2), 2, 2)).isEqualTo("2 of 2 key results were stale (all 2 "
        + "ended meeting their targets); no other met its target.");
    assertThat(Summaries.outcomes(Map.of(Status.STALE, 2), 2, 0)).isEqualTo("2 of 2 key results were stale (none "
        + "ended meeting its target); none met its target.");
    assertThat(Summaries.outcomes(Map.of(Status.ACHIEVED, 3), 3, 0)).isEqualTo("all 3 key results met their targets.");
    assertThat(Summaries.outcomes(Map.of(Status.ACHIEVED, 1), 1, 0)).isEqualTo("its key result met its target.");
    assertThat(Summaries.outcomes(Map.of(Status.OFF_TRACK, 1, Status.ACHIEVED, 1), 2, 0))
        .isEqualTo("1 of 2 key results missed its target; 1 met its target.");
    // a status that is no outcome (on track, at risk, not started): not said as outcomes
    assertThat(Summaries.outcomes(Map.of(Status.ON_TRACK, 1, Status.ACHIEVED, 1), 2, 0)).isNull();
  }
}
