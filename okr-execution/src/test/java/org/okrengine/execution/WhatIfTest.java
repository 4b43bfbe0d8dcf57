package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/** Scenarios on hand-made cycles (Q: 1 Jul to 29 Sep 2026, UTC; day d is 1 Jul + d days) and on the example. */
class WhatIfTest {
  static final Instant AT = ExecutionEngineTest.day(35);

  /**
   * KR-1 on its linear plan (ExplanationTest.onPlan), blocked by I-1, needed by 20 Aug (day 50); I-1's one open
   * milestone M-1 is due 15 Aug (day 45): on time.
   */
  static OkrCycle onTime() {
    return OkrCycle.of(ExecutionEngineTest.Q, List.of(new Team("support", "Customer Support", null)),
        List.of(new Objective("O-1", "Answers fast", "support", null, null, null,
            List.of(ExplanationTest.onPlan()))),
        List.of(new Initiative("I-1", "Support hiring", "support", null, List.of(),
            List.of(new Milestone("M-1", "Two agents hired", LocalDate.of(2026, 8, 15), null)))),
        List.of(new Dependency("I-1", "KR-1", DependencyKind.BLOCKS, LocalDate.of(2026, 8, 20), null)));
  }

  @Test
  void compare_slipLater_leavesAnOnTimeInitiativeOnTime() {
    // lateness is judged at the instant analysed: due 15 Aug + 14 days = 29 Aug is still ahead on 5 Aug
    WhatIf.Comparison c = WhatIf.compare(ExecutionEngine.withDefaults(), onTime(), AT,
        List.of(new WhatIf.Slip("I-1", 14)));
    assertThat(c.keyResults().get(0).status()).isEqualTo("on-track");
    assertThat(c.escalations()).isEmpty();
  }

  @Test
  void compare_dueBeforeTheInstant_turnsTheKeyResultAtRiskByTheUpstreamRule() {
    // due 15 Aug - 15 days = 31 Jul, open and past due on 5 Aug (day 35)
    WhatIf.Comparison c = WhatIf.compare(ExecutionEngine.withDefaults(), onTime(), AT,
        List.of(new WhatIf.Slip("I-1", -15)));
    WhatIf.Row kr = c.keyResults().get(0);
    assertThat(kr.baselineStatus()).isEqualTo("on-track");
    assertThat(kr.status()).isEqualTo("at-risk");
    assertThat(c.objectives().get(0).baselineStatus()).isEqualTo("0 of 1 need attention");
    assertThat(c.objectives().get(0).status()).isEqualTo("1 of 1 need attention");
    assertThat(c.toJson()).startsWith("{\n  \"format\": \"okr-whatif/1\",\n  \"cycle\": \"Q\",\n");
  }

  @Test
  void compare_targetHalved_raisesTheProbability() throws Exception {
    OkrCycle q3 = CycleJson.withDefaults().read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    Instant at = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    double target = q3.keyResult("KR-5").orElseThrow().metric().target();
    double baseline = q3.keyResult("KR-5").orElseThrow().metric().baseline();
    WhatIf.Comparison c = WhatIf.compare(ExecutionEngine.withDefaults(), q3, at,
        List.of(new WhatIf.Target("KR-5", baseline + (target - baseline) / 2)));
    WhatIf.Row kr5 = c.keyResults().stream().filter(r -> r.id().equals("KR-5")).findFirst().orElseThrow();
    assertThat(kr5.probability()).isGreaterThan(kr5.baselineProbability());
    WhatIf.Row other = c.keyResults().stream().filter(r -> r.id().equals("KR-3")).findFirst().orElseThrow();
    assertThat(other.probability()).isEqualTo(other.baselineProbability());
  }

  @Test
  void compare_slipOnTheExample_movesI3sOpenMilestones() throws Exception {
    OkrCycle q3 = CycleJson.withDefaults().read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    OkrCycle moved = WhatIf.apply(q3, List.of(new WhatIf.Slip("I-3", 14), new WhatIf.Slip("M-4", -3)));
    assertThat(moved.milestone("M-5").orElseThrow().due()).isEqualTo(LocalDate.of(2026, 7, 15)); // completed
    assertThat(moved.milestone("M-6").orElseThrow().due()).isEqualTo(LocalDate.of(2026, 8, 5).plusDays(14));
    assertThat(moved.milestone("M-7").orElseThrow().due()).isEqualTo(LocalDate.of(2026, 9, 1).plusDays(14));
    assertThat(moved.milestone("M-4").orElseThrow().due()).isEqualTo(LocalDate.of(2026, 9, 15).minusDays(3));
    assertThat(WhatIf.apply(q3, List.of(new WhatIf.Target("KR-5", 1200))).keyResult("KR-5").orElseThrow()
        .metric().target()).isEqualTo(1200);
  }

  /**
   * A comparison pairs each escalation with the level its subject had in the baseline: built by hand with an
   * escalation and no level, it was accepted and its toJson() threw IndexOutOfBoundsException ("Index 0 out of bounds
   * for length 0"); a row with a probability of NaN was accepted and toJson() threw "v must be finite: NaN", naming
   * no field. Both are refused when built, naming the field.
   */
  @Test
  void comparison_builtByHand_validated() {
    EscalationSummary raised = new EscalationSummary("KR-1", 2, LocalDate.of(2026, 8, 19), "leadership",
        "off track for 28 days");
    WhatIf.Row row = new WhatIf.Row("KR-1", "Revenue", 0.4, 0.2, "at-risk", "off-track");
    Instant asOf = Instant.parse("2026-08-19T00:00:00Z");
    // a valid one: KR-1 was at level 1 in the baseline, level 2 in the scenario
    assertThat(new WhatIf.Comparison("Q", asOf, List.of(new WhatIf.Slip("I-1", 10)), List.of(row), List.of(),
        List.of(raised), List.of(1)).toJson()).contains("\"baselineLevel\": 1, \"level\": 2");
    assertThatThrownBy(() -> new WhatIf.Comparison("Q", asOf, List.of(), List.of(row), List.of(), List.of(raised),
        List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baselineLevels must hold one level per escalation (1): 0");
    assertThatThrownBy(() -> new WhatIf.Comparison("Q", asOf, List.of(), List.of(row), List.of(), List.of(raised),
        List.of(2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baselineLevels[0] must be within [0, the escalation's level 2): 2");
    assertThatThrownBy(() -> new WhatIf.Row("KR-1", "Revenue", 0.4, Double.NaN, "at-risk", "off-track"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be within 0..1: NaN");
  }

  /**
   * A slip that moves a milestone outside the dates a cycle holds (1900 to 2200): problems() said nothing of it
   * ("empty when it applies") while apply() threw the milestone's own "due must be within 1900-01-01..2200-12-31:
   * 3026-01-16", naming neither the change nor the milestone; two slips that each fit but not together threw the
   * same; and a slip of 2,147,483,647 days with another of 1 day, summed in an int, read "-5877584-03-06", millions
   * of years earlier.
   */
  @Test
  void slip_outsideTheDates_named() throws Exception {
    OkrCycle q3 = CycleJson.withDefaults().read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    // I-2's one open milestone is M-4, due 2026-09-15 (M-3 completed): 365,000 days later is 3026-01-16, 50,000
    // days earlier 1889-10-23
    assertThat(WhatIf.problems(q3, new WhatIf.Slip("I-2", 365_000)))
        .containsExactly("M-4 would be due on 3026-01-16, outside 1900-01-01..2200-12-31");
    assertThat(WhatIf.problems(q3, new WhatIf.Slip("M-4", -50_000)))
        .containsExactly("M-4 would be due on 1889-10-23, outside 1900-01-01..2200-12-31");
    assertThat(WhatIf.problems(q3, new WhatIf.Slip("I-2", 30))).isEmpty();
    assertThatThrownBy(() -> WhatIf.apply(q3, List.of(new WhatIf.Slip("I-2", 365_000))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("changes must apply: M-4 would be due on 3026-01-16, outside 1900-01-01..2200-12-31");
    // each slip of M-4 fits alone; together 100,000 days (about 274 years) after 2026-09-15: 2300-07-01
    assertThatThrownBy(() -> WhatIf.apply(q3, List.of(new WhatIf.Slip("I-2", 60_000), new WhatIf.Slip("M-4",
        40_000)))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("changes must apply: M-4 would be due on 2300-07-01, outside 1900-01-01..2200-12-31 after its "
            + "slips");
    // 2,147,483,647 days (about 5.88 million years) later, not wrapped to earlier
    assertThatThrownBy(() -> WhatIf.apply(q3, List.of(new WhatIf.Slip("I-2", 1), new WhatIf.Slip("M-4",
        Integer.MAX_VALUE)))).hasMessageStartingWith("changes must apply: M-4 would be due on +5881")
        .hasMessageEndingWith(", outside 1900-01-01..2200-12-31");
  }

  @Test
  void problems_badChanges_eachNamed() {
    OkrCycle c = onTime();
    assertThat(WhatIf.problems(c, new WhatIf.Slip("KR-1", 3)))
        .containsExactly("KR-1 is a key result: a slip applies to an initiative or a milestone");
    assertThat(WhatIf.problems(c, new WhatIf.Slip("I-9", 0)))
        .containsExactly("no initiative or milestone I-9 in cycle Q", "the slip must not be 0 days");
    assertThat(WhatIf.problems(c, new WhatIf.Target("I-1", 3)))
        .containsExactly("I-1 is an initiative: a target applies to a key result");
    assertThat(WhatIf.problems(c, new WhatIf.Target("KR-9", 3))).containsExactly("no key result KR-9 in cycle Q");
    assertThat(WhatIf.problems(c, new WhatIf.Target("KR-1", 0))).containsExactly("target must differ from baseline: 0.0");
    assertThat(WhatIf.problems(c, new WhatIf.Target("KR-1", 100))).containsExactly("the target of KR-1 is already 100");
    assertThat(WhatIf.problems(c, new WhatIf.Target("O-1", 1))).containsExactly("O-1 is an objective: a target applies to a key result");
    assertThat(WhatIf.problems(c, new WhatIf.Slip("support", 1))).containsExactly("support is a team: a slip applies to an initiative or a milestone");
    assertThatThrownBy(() -> WhatIf.apply(c, List.of(new WhatIf.Slip("KR-1", 3), new WhatIf.Target("KR-1", 0))))
        .hasMessage("changes must apply: KR-1 is a key result: a slip applies to an initiative or a milestone; "
            + "target must differ from baseline: 0.0");
  }

  @Test
  void problems_completedMilestone_cannotSlip() {
    OkrCycle c = OkrCycle.of(ExecutionEngineTest.Q, List.of(new Team("support", "Customer Support", null)),
        List.of(new Objective("O-1", "Answers fast", "support", null, null, null,
            List.of(ExplanationTest.onPlan()))),
        List.of(new Initiative("I-1", "Support hiring", "support", null, List.of(),
            List.of(new Milestone("M-1", "Done", LocalDate.of(2026, 7, 15), LocalDate.of(2026, 7, 14))))),
        List.of());
    assertThat(WhatIf.problems(c, new WhatIf.Slip("M-1", 3))).containsExactly("M-1 has no open milestone to move");
    assertThat(WhatIf.problems(c, new WhatIf.Slip("I-1", 3))).containsExactly("I-1 has no open milestone to move");
  }
}
