package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/** Explanations on hand-made cycles (Q: 1 Jul to 29 Sep 2026, UTC; day d is 1 Jul + d days) and on the example. */
class ExplanationTest {
  /** Milestone M-1 due on day 20 (21 Jul), still open. */
  static final Milestone M1 = new Milestone("M-1", "Two agents hired", LocalDate.of(2026, 7, 21), null);

  /** KR-1, 0 to 100 tickets, checked in weekly exactly on the linear plan (100 * d / 90 on day d). */
  static KeyResult onPlan() {
    List<CheckIn> c = new ArrayList<>();
    for (int w = 1; w <= 5; w++) {
      c.add(CheckIn.of(ExecutionEngineTest.day(7 * w), 100.0 * 7 * w / 90));
    }
    return new KeyResult("KR-1", "Tickets closed", null, "support", 1.0, List.of(), Metric.of(0, 100, "tickets"),
        Plan.LINEAR, c, null);
  }

  static OkrCycle cycle(List<String> initiativeKrs, List<Dependency> deps) {
    return OkrCycle.of(ExecutionEngineTest.Q, List.of(new Team("support", "Customer Support", null)),
        List.of(new Objective("O-1", "Answers fast", "support", null, null, null, List.of(onPlan()))),
        List.of(new Initiative("I-1", "Support hiring", "support", null, initiativeKrs, List.of(M1))), deps);
  }

  static Explanation explain(OkrCycle c, String id) {
    Instant at = ExecutionEngineTest.day(35);
    return Explanation.of(c, ExecutionEngine.withDefaults().analyze(c, at), id);
  }

  static List<String> subjects(Explanation e) {
    return e.steps().stream().map(Explanation.Step::subject).toList();
  }

  @Test
  void of_lateMilestoneBlocksKeyResult_namesTheMilestoneFirst() {
    Explanation e = explain(cycle(List.of(), List.of(Dependency.of("M-1", "KR-1", DependencyKind.BLOCKS))), "KR-1");
    assertThat(e.kind()).isEqualTo("key-result");
    assertThat(subjects(e).subList(0, 2)).containsExactly("KR-1", "M-1");
    assertThat(e.steps().get(0).sentence()).startsWith("KR-1 (Tickets closed) is at risk");
    assertThat(e.steps().get(1).sentence())
        .startsWith("KR-1 (Tickets closed) needs M-1 (Two agents hired), which is ");
    assertThat(e.steps().get(1).title()).isEqualTo("Two agents hired");
  }

  @Test
  void of_contributingInitiativeLate_walksToItsMilestone() {
    Explanation e = explain(cycle(List.of("KR-1"), List.of()), "KR-1");
    assertThat(subjects(e).subList(0, 3)).containsExactly("KR-1", "I-1", "M-1");
    // due on day 20, open on day 35
    assertThat(e.steps().get(2).evidence()).containsEntry("daysPastDue", 35.0 - 20);
    assertThat(e.steps().get(2).sentence()).isEqualTo("I-1 (Support hiring) is late for its own reason: its "
        + "milestone M-1 (Two agents hired) was due 21 Jul and is still open, 15 days past due.");
  }

  @Test
  void of_milestoneCompletedAfterTheAsOf_isOpenAndLateThen() {
    // due 21 Jul (day 20), completed 15 Aug (day 45), analysed on day 35: on that day it was open and 15 days past
    // due (it read "I-1 is on time: no open milestone is past due", the completion taken from the future)
    Milestone late = new Milestone("M-1", "Two agents hired", LocalDate.of(2026, 7, 21), LocalDate.of(2026, 8, 15));
    OkrCycle c = OkrCycle.of(ExecutionEngineTest.Q, List.of(new Team("support", "Customer Support", null)),
        List.of(new Objective("O-1", "Answers fast", "support", null, null, null, List.of(onPlan()))),
        List.of(new Initiative("I-1", "Support hiring", "support", null, List.of("KR-1"), List.of(late))), List.of());
    Explanation e = explain(c, "KR-1");
    assertThat(subjects(e).subList(0, 3)).containsExactly("KR-1", "I-1", "M-1");
    assertThat(e.steps().get(0).sentence()).startsWith("KR-1 (Tickets closed) is at risk");
    assertThat(e.steps().get(2).sentence()).isEqualTo("I-1 (Support hiring) is late for its own reason: its "
        + "milestone M-1 (Two agents hired) was due 21 Jul and is still open, 15 days past due.");
    assertThat(explain(c, "M-1").steps().get(0).sentence()).doesNotContain("was completed");
    // once completed (day 50), it is not late any more
    CycleReport after = ExecutionEngine.withDefaults().analyze(c, ExecutionEngineTest.day(50));
    assertThat(Explanation.of(c, after, "I-1").steps().get(0).sentence()).contains("on time");
  }

  @Test
  void of_initiative_itsLateMilestoneAndWhatItHoldsUp() {
    Explanation e = explain(cycle(List.of("KR-1"), List.of()), "I-1");
    assertThat(e.kind()).isEqualTo("initiative");
    assertThat(e.steps().get(0).sentence()).isEqualTo("I-1 (Support hiring) is 15 days late.");
    assertThat(subjects(e)).containsSubsequence("I-1", "M-1");
  }

  @Test
  void of_milestoneAndObjectiveAndTeam_explained() {
    OkrCycle c = cycle(List.of("KR-1"), List.of());
    assertThat(explain(c, "M-1").steps().get(0).subject()).isEqualTo("M-1");
    Explanation o = explain(c, "O-1");
    assertThat(subjects(o)).containsExactly("O-1", "KR-1");
    Explanation t = explain(c, "support");
    assertThat(subjects(t)).containsExactly("support", "KR-1");
    assertThat(t.steps().get(0).sentence()).startsWith("support (Customer Support): 1 of 1 key result needs attention");
  }

  @Test
  void of_onTimeInitiative_saysSo() {
    Milestone later = new Milestone("M-2", "Later", LocalDate.of(2026, 9, 1), null);
    OkrCycle c = OkrCycle.of(ExecutionEngineTest.Q, List.of(new Team("support", "Customer Support", null)),
        List.of(new Objective("O-1", "Answers fast", "support", null, null, null, List.of(onPlan()))),
        List.of(new Initiative("I-1", "Support hiring", "support", null, List.of("KR-1"), List.of(later))),
        List.of(Dependency.of("I-1", "KR-1", DependencyKind.BLOCKS)));
    Explanation e = explain(c, "I-1");
    assertThat(e.steps().get(0).sentence()).isEqualTo("I-1 (Support hiring) is on time: no open milestone is past due.");
    assertThat(e.steps().get(1).sentence()).isEqualTo("Nothing downstream of I-1 (Support hiring) is held up by it now.");
    assertThat(explain(c, "M-2").steps().get(0).sentence()).isEqualTo("M-2 (Later) of I-1 (Support hiring) is due 1 Sep, not past due.");
    assertThat(explain(c, "KR-1").steps()).hasSize(1);
  }

  @Test
  void of_unknownId_namesIt() {
    OkrCycle c = cycle(List.of(), List.of());
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, ExecutionEngineTest.day(35));
    assertThatThrownBy(() -> Explanation.of(c, r, "KR-99")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must name an objective, key result, team, initiative or milestone of cycle Q: KR-99");
  }

  @Test
  void of_exampleKr3_namesKr7ThenI3ThenM6() throws Exception {
    OkrCycle q3 = CycleJson.withDefaults().read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    Instant at = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    Explanation e = Explanation.of(q3, ExecutionEngine.withDefaults().analyze(q3, at), "KR-3");
    assertThat(subjects(e).subList(0, 4)).containsExactly("KR-3", "KR-7", "I-3", "M-6");
    assertThat(e.steps().get(2).evidence()).containsEntry("slipDays", 14.0);
    assertThat(e.toText()).contains("I-3 (Event pipeline v2) is late for its own reason");
    assertThat(e.toJson()).startsWith("{\n  \"format\": \"okr-explain/1\",\n  \"cycle\": \"2026-Q3\",\n"
        + "  \"subject\": \"KR-3\",\n  \"kind\": \"key-result\",\n");
    for (String id : List.of("O-1", "growth", "I-3", "KR-7", "M-6", "I-2", "KR-12")) {
      assertThat(Explanation.of(q3, ExecutionEngine.withDefaults().analyze(q3, at), id).steps()).isNotEmpty();
    }
  }

  @Test
  void toJson_exampleBeforeItStarts_noNegativeZero() throws Exception {
    // KR-4 of the example decreases: before the start the plan expects its baseline, progress 0 / (target - baseline),
    // which Java computes as -0.0; okr-explain/1 wrote "expectedProgress": -0.0 in its evidence
    OkrCycle q3 = CycleJson.withDefaults().read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    Instant at = q3.cycle().instantOf(LocalDate.of(2026, 6, 20));
    Explanation e = Explanation.of(q3, ExecutionEngine.withDefaults().analyze(q3, at), "KR-4");
    assertThat(e.toJson()).contains("\"expectedProgress\": 0.0,").doesNotContain("-0.0");
  }

  @Test
  void step_nonFiniteEvidence_refused() {
    assertThatThrownBy(() -> new Explanation.Step("a", null, "s", Map.of("x", Double.NaN)))
        .hasMessage("evidence.x must be finite: NaN");
    assertThatThrownBy(() -> new Explanation("c", "a", "team", Instant.EPOCH, List.of()))
        .hasMessage("steps must not be empty");
  }
  @Test
  void of_afterTheEnd_daysPastDueCountedToTheDayTheCycleEnded_asTheReportCountsLateness() {
    // was: 20 days after the end, "..., 91 days past due" and "I-1 (Support hiring) is 91 days late" beside the
    // report's own I-1 lateness of 71 days (Snapshot counts to Insights.countedDay)
    OkrCycle c = cycle(List.of("KR-1"), List.of());
    Instant end = ExecutionEngineTest.Q.endInstant();
    CycleReport atEnd = ExecutionEngine.withDefaults().analyze(c, end);
    CycleReport later = ExecutionEngine.withDefaults().analyze(c, end.plus(java.time.Duration.ofDays(20)));
    for (String id : List.of("I-1", "M-1")) {
      assertThat(Explanation.of(c, later, id).steps()).as(id).isEqualTo(Explanation.of(c, atEnd, id).steps());
    }
    // KR-1's walk to the milestone (its stale step still counts its silence to asOf: Forecaster's daysSinceCheckIn)
    assertThat(Explanation.of(c, later, "KR-1").steps().subList(0, 3))
        .isEqualTo(Explanation.of(c, atEnd, "KR-1").steps().subList(0, 3));
    // due 21 Jul, the cycle ended on 30 Sep (its end instant's day; 29 Sep is its last day)
    Explanation e = Explanation.of(c, later, "KR-1");
    assertThat(e.steps().get(2).evidence()).containsEntry("daysPastDue", 71.0);
    assertThat(Explanation.of(c, later, "I-1").steps().get(0).sentence())
        .isEqualTo("I-1 (Support hiring) was 71 days late when the cycle ended.");
  }
}
