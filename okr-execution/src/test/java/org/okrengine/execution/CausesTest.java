package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Cause;
import org.okrengine.model.CheckIn;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.Direction;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;

/** Causes and summaries on hand-made cycles (Q: 1 Jul to 29 Sep 2026, UTC; day d is 1 Jul + d days). */
class CausesTest {
  static Instant day(int d) {
    return ExecutionEngineTest.day(d);
  }

  static CheckIn at(int d, double value, Double confidence, String... blockers) {
    return new CheckIn(day(d), value, confidence, null, List.of(blockers), null);
  }

  /**
   * A stalled team's key result, 0 to 100 tickets closed: on plan for five weeks (weekly, 1.1 a day: 7.7, 15.4,
   * ..., 38.5 on day 35), then flat at 38.5 with "hiring" named as the blocker and confidence falling 0.08 a week.
   */
  static KeyResult stalled() {
    List<CheckIn> c = new ArrayList<>();
    for (int w = 1; w <= 5; w++) {
      c.add(at(7 * w, Math.round(7.7 * w * 10) / 10.0, 0.7));
    }
    double conf = 0.7;
    for (int w = 6; w <= 8; w++) {
      conf -= 0.08;
      c.add(at(7 * w, 38.5, Math.round(conf * 100) / 100.0, "hiring"));
    }
    return new KeyResult("KR-1", "Tickets closed", "noah", "support", 1.0, List.of(),
        Metric.of(0, 100, "tickets"), Plan.LINEAR, c, null);
  }

  static OkrCycle cycle(KeyResult... krs) {
    return OkrCycle.of(ExecutionEngineTest.Q, List.of(new Team("support", "Customer Support", null)),
        List.of(new Objective("O-1", "Answers fast", "support", null, null, null, List.of(krs))));
  }

  @Test
  void stalledTeam_blockerPaceAndConfidence() {
    // as of day 57 (27 Aug): the last check-in is day 56
    CycleReport r = ExecutionEngine.withDefaults().analyze(cycle(stalled()), day(57));
    KeyResultReport kr = r.keyResults().get(0);
    assertThat(kr.status().needsAttention()).isTrue();
    assertThat(kr.causes()).extracting(Cause::code).containsExactly("pace-fell", "blocker-named",
        "confidence-falling");
    // the window starts on day 36: the last check-in at or before it is day 35 (38.5, 7.7 a week from 0 over 5
    // weeks); from day 35 to day 56 nothing was gained: 1 - 0/7.7 = 1, score 0.8
    Cause pace = kr.causes().get(0);
    assertThat(pace.evidence().get("earlierProgressPerWeek")).isCloseTo(0.077, within(1e-12));
    assertThat(pace.evidence().get("recentProgressPerWeek")).isEqualTo(0.0);
    assertThat(pace.sentence()).isEqualTo("The pace fell: KR-1 (Tickets closed) moved 7.7 tickets a week until "
        + "5 Aug, has not "
        + "gained since.");
    // "hiring" on days 42, 49 and 56: 3 check-ins; 15 days from day 42 to day 57 is 2 whole weeks, score 0.45
    Cause blocker = kr.causes().get(1);
    assertThat(blocker.subject()).isEqualTo("hiring");
    assertThat(blocker.evidence()).containsEntry("weeks", 2.0).containsEntry("checkIns", 3.0);
    assertThat(blocker.sentence()).isEqualTo("\"hiring\" has been named as a blocker in 3 check-ins in a row over "
        + "2 weeks, since 12 Aug.");
    // confidence: 0.7 at the peak within 42 days (day 21 is the first of the window's 0.7s... any 0.7 is the
    // peak; the first one found, day 21, is kept) down to 0.46: a drop of 0.24, score 0.7 * 0.24 / 0.4 = 0.42
    Cause confidence = kr.causes().get(2);
    assertThat(confidence.evidence()).containsEntry("fromConfidence", 0.7).containsEntry("toConfidence", 0.46);
    assertThat(confidence.sentence()).isEqualTo("The owner's confidence fell from 70% on 22 Jul to 46% on 26 Aug.");
  }

  @Test
  void paceFell_declaredLevels_saysTheLevelsNotAWeeklyRate() {
    // a few-level key result moves a whole level at a time: "moved 0.179 level a week until 9 Feb" read as if it
    // took fractions of a level each week; the levels it went between are said instead
    KeyResult kr = new KeyResult("KR-L", "Maturity", "noah", "support", 1.0, List.of(),
        new Metric(1.0, 3, org.okrengine.model.Direction.INCREASE, "level", null, null,
            List.of(0.0, 1.0, 2.0, 3.0, 4.0)), Plan.LINEAR,
        List.of(at(7, 1, 0.7), at(35, 2, 0.6), at(49, 2, 0.5), at(63, 2, 0.4)), null);
    CycleReport r = ExecutionEngine.withDefaults().analyze(cycle(kr), day(70));
    assertThat(r.keyResults().get(0).status().needsAttention()).isTrue();
    Cause pace = r.keyResults().get(0).causes().stream().filter(c -> c.code().equals("pace-fell")).findFirst()
        .orElseThrow();
    // the evidence as before, progress a week: 0.5 over the 7 weeks to day 49 (the split), then none to day 63
    assertThat(pace.evidence().get("earlierProgressPerWeek")).isCloseTo(0.5 / 7, within(1e-12));
    assertThat(pace.evidence().get("recentProgressPerWeek")).isEqualTo(0.0);
    // the sentence is anchored at the last gain, day 35 (5 Aug), the day the headline names: it read "to level 2 by
    // 19 Aug (the split's check-in), has not gained since; its last gain was on 5 Aug" beside "has stood at level 2
    // since 5 Aug"
    assertThat(pace.sentence()).isEqualTo("The pace fell: KR-L (Maturity) went from level 1 at the start to level 2 "
        + "by 5 Aug, has not gained since.");
    assertThat(r.keyResults().get(0).insight()).contains("has stood at level 2 since 5 Aug");
  }

  @Test
  void paceFell_gainedInTheWindowThenStood_saysTheValueAndDayNotAWeeklyRate() {
    // 0 to 100 tickets: 10 a week to 40 on day 35, 44 on day 42 (12 Aug), then 44 on days 49 and 56; as of day 57
    // the window starts on day 36, so the split is day 35 (40): 0.4 over 5 weeks, 8 tickets a week; then 4 tickets
    // over the 3 weeks to day 56. The weekly rate over the window ("only 1.33 tickets a week since") read as a slow
    // gain still going on beside the headline's "has stood at 44 tickets since 12 Aug" (14 days unchanged)
    KeyResult kr = new KeyResult("KR-7", "Tickets closed", "noah", "support", 1.0, List.of(),
        Metric.of(0, 100, "tickets"), Plan.LINEAR, List.of(at(7, 10, 0.7), at(14, 20, 0.7), at(21, 30, 0.7),
            at(28, 36, 0.7), at(35, 40, 0.6), at(42, 44, 0.6), at(49, 44, 0.6), at(56, 44, 0.6)), null);
    KeyResultReport r = ExecutionEngine.withDefaults().analyze(cycle(kr), day(57)).keyResults().get(0);
    assertThat(r.status().needsAttention()).isTrue();
    Cause pace = r.causes().stream().filter(c -> c.code().equals("pace-fell")).findFirst().orElseThrow();
    // the evidence as before: 0.4 / 5 = 0.08 a week until the split, 0.04 / 3 since
    assertThat(pace.evidence().get("earlierProgressPerWeek")).isCloseTo(0.08, within(1e-12));
    assertThat(pace.evidence().get("recentProgressPerWeek")).isCloseTo(0.04 / 3, within(1e-12));
    assertThat(pace.sentence()).isEqualTo("The pace fell: KR-7 (Tickets closed) moved 8 tickets a week until 5 Aug, "
        + "only to 44 tickets by 12 Aug, and has not gained since.");
    assertThat(r.insight()).contains("has stood at 44 tickets since 12 Aug");
  }

  /**
   * A deploy success rate from 92% to 99%: up to 97.5% on day 35 (5 Aug), then down every week to 91% on day 70
   * (9 Sep), 91% since (days 77 and 84).
   */
  static KeyResult wentBack() {
    double[] values = {92, 94, 95.5, 97, 97.5, 96, 94, 93, 91.5, 91, 91, 91};
    List<CheckIn> c = new ArrayList<>();
    for (int w = 1; w <= values.length; w++) {
      c.add(at(7 * w, values[w - 1], null));
    }
    return new KeyResult("KR-4", "Deploy success rate", "kofi", "support", 1.0, List.of(),
        new Metric(92.0, 99, Direction.INCREASE, "%", 0.0, 100.0, null), Plan.LINEAR, c, null);
  }

  @Test
  void wentBack_saidAsAFallFromItsBestNotAsAStall() {
    // as of day 78 (check-ins to day 77, 16 Sep): the window starts on day 57, its split day 56 (93%, 1/7 of the
    // way over 8 weeks), and the value fell since: "the pace fell: moved 0.13 points a week until 26 Aug, has not
    // gained since; its last gain was on 5 Aug" read as a stall; it lost (97.5 - 91) / 7 = 93% of the way from its
    // best, more than a tenth, so it went back
    KeyResultReport r = ExecutionEngine.withDefaults().analyze(cycle(wentBack()), day(78)).keyResults().get(0);
    assertThat(r.status().needsAttention()).isTrue();
    assertThat(r.causes()).extracting(Cause::code).contains("values-backwards").doesNotContain("pace-fell");
    Cause back = r.causes().stream().filter(c -> c.code().equals("values-backwards")).findFirst().orElseThrow();
    assertThat(back.evidence()).containsEntry("fromValue", 97.5).containsEntry("toValue", 91.0);
    assertThat(back.evidence().get("progressLost")).isCloseTo(6.5 / 7, within(1e-12));
    assertThat(back.sentence()).isEqualTo("KR-4 (Deploy success rate) went back: from 97.5% on 5 Aug to 91% on "
        + "16 Sep, below its 92% baseline.");
    // as of day 85 (check-ins to day 84, 23 Sep): the split is day 63 (91.5%, below the baseline, so no pace fell)
    // and the window's best is 91%, no drop: nothing said it went back at all
    KeyResultReport later = ExecutionEngine.withDefaults().analyze(cycle(wentBack()), day(85)).keyResults().get(0);
    assertThat(later.causes()).extracting(Cause::sentence).contains("KR-4 (Deploy success rate) went back: from "
        + "97.5% on 5 Aug to 91% on 23 Sep, below its 92% baseline.");
  }

  @Test
  void wentBack_decrease_namesTheLowWhereItCameBack() {
    // API p99 latency from 800 to 400 ms: down to 560 ms on day 28 (29 Jul, 60% of the way), up to 850 ms on day
    // 42 (12 Aug, -12.5%), 760 ms on day 56 (26 Aug, 10%): 50% of the way lost from the best; 22.5% of it came back
    KeyResult kr = new KeyResult("KR-5", "API p99 latency", "kofi", "support", 1.0, List.of(),
        new Metric(800.0, 400, Direction.DECREASE, "ms", 0.0, null, null), Plan.LINEAR,
        List.of(at(7, 780, null), at(14, 700, null), at(21, 620, null), at(28, 560, null), at(35, 700, null),
            at(42, 850, null), at(49, 780, null), at(56, 760, null)), null);
    KeyResultReport r = ExecutionEngine.withDefaults().analyze(cycle(kr), day(57)).keyResults().get(0);
    assertThat(r.status().needsAttention()).isTrue();
    assertThat(r.causes()).extracting(Cause::code).doesNotContain("pace-fell");
    assertThat(r.causes()).extracting(Cause::sentence).contains("KR-5 (API p99 latency) went back: from 560 ms on "
        + "29 Jul to 850 ms on 12 Aug, and has come back to 760 ms by 26 Aug.");
    // had it kept rising to 870 ms on day 56, worse than its baseline, which for a decrease is above it (no low
    // between is lower than the latest: no coming back)
    KeyResult worse = new KeyResult("KR-5", "API p99 latency", "kofi", "support", 1.0, List.of(),
        new Metric(800.0, 400, Direction.DECREASE, "ms", 0.0, null, null), Plan.LINEAR,
        List.of(at(7, 780, null), at(14, 700, null), at(21, 620, null), at(28, 560, null), at(35, 700, null),
            at(42, 850, null), at(49, 860, null), at(56, 870, null)), null);
    KeyResultReport w = ExecutionEngine.withDefaults().analyze(cycle(worse), day(57)).keyResults().get(0);
    assertThat(w.status().needsAttention()).isTrue();
    assertThat(w.causes()).extracting(Cause::sentence).contains("KR-5 (API p99 latency) went back: from 560 ms on "
        + "29 Jul to 870 ms on 26 Aug, above its 800 ms baseline.");
  }

  @Test
  void stalledTeam_afterTheEnd_blockerInThePastTense() {
    // after the end causes are judged at the end (1 Oct): "hiring" named from 12 Aug, 50 days, 7 whole weeks
    CycleReport r = ExecutionEngine.withDefaults().analyze(cycle(stalled()), day(120));
    Cause blocker = r.keyResults().get(0).causes().stream().filter(c -> c.code().equals("blocker-named"))
        .findFirst().orElseThrow();
    assertThat(blocker.evidence()).containsEntry("weeks", 7.0).containsEntry("checkIns", 3.0);
    assertThat(blocker.sentence()).isEqualTo("\"hiring\" had been named as a blocker in 3 check-ins in a row over "
        + "7 weeks, since 12 Aug, when the cycle ended.");
  }

  @Test
  void silentAndBackwards() {
    // 0..100: 4, 8, 12 on days 7, 14, 21, then 7 on day 28 (backwards by 5% of the way from the best value of
    // the 21 days before day 40; far enough behind its plan to be at risk by its probability); as of day 40 nothing
    // for 12 days: within its weekly rhythm (stale after 2 x 7 days), so not silent; as of day 44, 16 days, it is
    KeyResult kr = new KeyResult("KR-2", null, null, "support", 1.0, List.of(), Metric.of(0, 100, null),
        Plan.LINEAR, List.of(at(7, 4, null), at(14, 8, null), at(21, 12, null), at(28, 7, null)), null);
    KeyResultReport r = ExecutionEngine.withDefaults().analyze(cycle(kr), day(40)).keyResults().get(0);
    assertThat(r.causes()).extracting(Cause::code).contains("values-backwards").doesNotContain("silent");
    KeyResultReport later = ExecutionEngine.withDefaults().analyze(cycle(kr), day(44)).keyResults().get(0);
    Cause silent = later.causes().stream().filter(c -> c.code().equals("silent")).findFirst().orElseThrow();
    assertThat(silent.sentence()).isEqualTo(
        "KR-2 has had no check-in for 16 days (the last on 29 Jul), longer than the 14 days its rhythm of check-ins "
            + "allows.");
    assertThat(silent.evidence()).containsEntry("daysSinceCheckIn", 16.0).containsEntry("staleAfterDays", 14.0);
    Cause back = r.causes().stream().filter(c -> c.code().equals("values-backwards")).findFirst().orElseThrow();
    assertThat(back.evidence().get("progressLost")).isCloseTo(0.05, within(1e-12));
    assertThat(back.sentence()).isEqualTo("Its values went backwards, from 12 on 22 Jul to 7 on 29 Jul.");
  }

  @Test
  void upstreamLate_namedWithItsTitleAndChance() {
    KeyResult slow = new KeyResult("KR-3", null, null, "support", 1.0, List.of(), Metric.of(0, 100, null),
        Plan.LINEAR, List.of(at(7, 2, null), at(14, 4, null), at(21, 6, null)), null);
    OkrCycle c = OkrCycle.of(ExecutionEngineTest.Q, List.of(new Team("support", "Customer Support", null)),
        List.of(new Objective("O-1", "Answers fast", "support", null, null, null, List.of(slow))),
        List.of(new Initiative("I-6", "Support hiring", "support", null, List.of(),
            List.of(new Milestone("M-1", "Two agents hired", LocalDate.of(2026, 7, 20), null)))),
        List.of(new Dependency("I-6", "KR-3", DependencyKind.BLOCKS, null, null)));
    // as of 3 Aug (day 33) M-1 is 14 days late: the chance it misses is 1 - exp(-1) = 63%
    KeyResultReport r = ExecutionEngine.withDefaults().analyze(c, day(33)).keyResults().get(0);
    Cause up = r.causes().get(0);
    assertThat(up.code()).isEqualTo("upstream-late");
    assertThat(up.subject()).isEqualTo("I-6");
    assertThat(up.sentence()).isEqualTo("Upstream, I-6 (Support hiring) is 14 days late; that leaves KR-3 a 63% "
        + "chance of missing because of it.");
  }

  @Test
  void upstreamMiss_namesTheForecastsOwnChanceWhereTheDependencysIsLarger() {
    assertThat(Causes.upstreamMiss("KR-3", 0.32, 0.6)).isEqualTo("that leaves KR-3 a 32% chance of missing because "
        + "of it.");
    // 0.794 and 0.786 both read 79%: no contradiction to explain
    assertThat(Causes.upstreamMiss("KR-3", 0.794, 0.786)).isEqualTo("that leaves KR-3 a 79% chance of missing "
        + "because of it.");
    assertThat(Causes.upstreamMiss("KR-3", 0.84, 0.79)).isEqualTo("judged by that dependency alone, KR-3 would have "
        + "an 84% chance of missing, more than the 79% its own numbers give.");
    assertThat(Causes.upstreamMiss("KR-3", 0.84, null)).isEqualTo("that leaves KR-3 an 84% chance of missing "
        + "because of it.");
  }

  @Test
  void objectiveAndCompanySummaries() {
    KeyResult ok = new KeyResult("KR-9", null, null, "support", 1.0, List.of(), Metric.of(0, 100, null),
        Plan.LINEAR, List.of(at(7, 8, null), at(14, 16, null), at(21, 24, null), at(28, 32, null),
            at(35, 40, null), at(42, 48, null), at(49, 56, null), at(56, 64, null)), null);
    CycleReport r = ExecutionEngine.withDefaults().analyze(cycle(stalled(), ok), day(57));
    ObjectiveSummary o = r.objectives().get(0);
    // progress: (0.385 + 0.64) / 2 = 0.5125; planned: 57 / 91 = 0.626 for both
    assertThat(o.progress()).isCloseTo(0.5125, within(1e-12));
    assertThat(o.expectedProgress()).isCloseTo(57 / 91.0, within(1e-9));
    assertThat(o.keyResults()).isEqualTo(2);
    assertThat(o.needAttention()).isEqualTo(1);
    assertThat(o.summary()).startsWith("O-1 (Answers fast): 1 of 2 key results needs attention (1 ")
        .endsWith("; together 51% of the way against 63% planned.");
    assertThat(r.summary()).startsWith("As of 27 Aug, 1 of 2 key results ").contains("Customer Support: 1 of its 2 "
        + "key results needs attention, and \"hiring\" has been named as the blocker for 2 weeks.");
  }
}
