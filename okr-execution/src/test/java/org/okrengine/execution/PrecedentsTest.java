package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PrecedentSummary;
import org.okrengine.model.Result;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/**
 * Precedents on hand-made cycles whose answers are known by construction. Both quarters are 91 days long (Q2: 1 Apr to
 * 30 Jun 2026, 30 + 31 + 30 days; Q3: 1 Jul to 29 Sep 2026, 31 + 31 + 29 days, UTC). A key result of 0 to 100 deals on
 * a linear plan checks in every 7 days (days 0, 7, ..., 84) at a steady pace that reaches {@code v} on day 42. Asked at
 * day 45.5 (half the cycle: f = 0.5, week floor(45.5 / 7) + 1 = 7), it stands at progress v / 100 against a plan of
 * 0.5; at f / 2 (day 22.75) its latest value is that of day 21, v / 2, against a plan of 0.25. So its gap is
 * v / 100 - 0.5 and its trend (gap now minus gap then) v / 200 - 0.25; its silence is 3.5 / 91 whatever v.
 */
class PrecedentsTest {
  static final Cycle Q2 = Cycle.of("Q2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
  static final Cycle Q3 = Cycle.of("Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));
  /** Half of Q3: day 45.5. */
  static final Instant HALF = Q3.instantOf(LocalDate.of(2026, 8, 15)).plusSeconds(12 * 3600);

  static Instant day(Cycle c, double d) {
    return c.startInstant().plusSeconds(Math.round(d * 86_400));
  }

  /**
   * A key result at {@code v} on day 42 on the pace above; its day-42 check-in names the blocker "legal" when
   * {@code blocked}, and every later one still does unless {@code cleared}; {@code fin} its final value (null: none).
   */
  static KeyResult kr(Cycle c, String id, String team, String unit, double v, boolean blocked, boolean cleared,
      Double fin) {
    List<CheckIn> checkIns = new ArrayList<>();
    for (int d = 0; d <= 84; d += 7) {
      List<String> blockers = blocked && (d == 42 || d > 42 && !cleared) ? List.of("legal") : List.of();
      checkIns.add(new CheckIn(day(c, d), v * d / 42, null, null, blockers, null));
    }
    return new KeyResult(id, null, null, team, 1.0, List.of(), new Metric(0.0, 100, Direction.INCREASE, unit),
        null, checkIns, fin == null ? null : Result.of(fin));
  }

  static OkrCycle cycle(Cycle c, List<KeyResult> krs) {
    return OkrCycle.of(c, List.of(Team.of("growth"), Team.of("sales")),
        List.of(new Objective("O-1", null, "growth", null, null, null, krs)));
  }

  /** The key result asked about: v = 30, so gap -0.2, trend -0.1; named blocker not yet gone. */
  static OkrCycle now() {
    return cycle(Q3, List.of(kr(Q3, "KR-1", "growth", "deals", 30, true, false, null)));
  }

  /**
   * 20 key results where KR-1 stands (v = 30, distance 0), 2 of them growth's: the 8 that met their target (100) all
   * had the blocker gone by day 49, 3 of the 12 that missed (ending at 60) too. Around them: 5 on plan (v = 46: gap
   * -0.04, 0.16 from KR-1's, distance 1.6 beyond 1) that met it, one in another unit, one decrease, one without a
   * result.
   */
  static OkrCycle history() {
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      boolean met = i < 8;
      krs.add(kr(Q2, "H-" + i, i < 2 ? "growth" : "sales", "deals", 30, true, met || i < 11, met ? 100.0 : 60.0));
    }
    for (int i = 0; i < 5; i++) {
      krs.add(kr(Q2, "P-" + i, "sales", "deals", 46, false, false, 100.0));
    }
    krs.add(kr(Q2, "U-1", "sales", "calls", 30, true, true, 100.0));
    krs.add(new KeyResult("D-1", null, null, "sales", 1.0, List.of(), Metric.of(100, 0, "deals"), null, List.of(),
        Result.of(0)));
    krs.add(kr(Q2, "N-1", "sales", "deals", 30, true, true, null));
    return cycle(Q2, krs);
  }

  @Test
  void find_everyRecoveredHadItsBlockerGone_saysNofN() {
    PrecedentSummary p = Precedents.of(List.of(history())).find(now(), "KR-1", HALF);
    // pool: the 20 + the 5 on plan in deals and increase; U-1 (calls), D-1 (decrease), N-1 (no result) left out
    assertThat(p.pool()).isEqualTo(25);
    assertThat(p.similar()).isEqualTo(20);
    assertThat(p.sameTeam()).isEqualTo(2);
    assertThat(p.recovered()).isEqualTo(8);
    // scipy 1.17.1: binomtest(8, 20).proportion_ci(confidence_level=0.9, method='wilson')
    assertThat(p.recoveredLow()).isCloseTo(0.24238741776545158, within(1e-12));
    assertThat(p.recoveredHigh()).isCloseTo(0.5814441497067413, within(1e-12));
    assertThat(p.missedMedianProgress()).isCloseTo(0.6, within(1e-12)); // all 12 ended at 60 of 100
    // blocker: 8 of 8 met, 3 of 12 missed (i = 8, 9, 10); weekly: 6 check-ins after day 45.5 (49..84) against
    // floor(45.5 / 7) = 6 asked, for all; no initiatives, no confidence
    assertThat(p.factors()).containsExactly(new PrecedentSummary.Factor("blocker-cleared", 8, 3),
        new PrecedentSummary.Factor("weekly-check-ins", 8, 12), new PrecedentSummary.Factor("upstream-delivered", 0, 0),
        new PrecedentSummary.Factor("confident", 0, 0));
    assertThat(p.sentence()).isEqualTo("Of 20 earlier key results about 20 points behind plan at week 7 (50% of the "
        + "cycle), 2 of them this team's, 8 met their target (90% Wilson interval: 24-58%); the 12 that missed ended at "
        + "a median 60% of their target. 8 of those 8 had their named blocker gone within 2 weeks, against 3 of the 12 "
        + "that missed.");
    // nearest: the two of growth first (distance 0 either way; index breaks ties), then H-2..H-4
    assertThat(p.nearest()).extracting(PrecedentSummary.Case::keyResult)
        .containsExactly("H-0", "H-1", "H-2", "H-3", "H-4");
    assertThat(p.nearest().get(0)).isEqualTo(new PrecedentSummary.Case("Q2", "H-0", "growth", 0.0, true, 1.0));
  }

  @Test
  void find_noFactorMoreCommonAmongThoseThatMet_saysSoNamingTheFactsRecorded() {
    // 20 where KR-1 stands, all blocked, 10 met and 10 missed, 5 of each had the blocker gone: equal shares (5/10)
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      krs.add(kr(Q2, "H-" + i, "sales", "deals", 30, true, i % 10 < 5, i < 10 ? 100.0 : 60.0));
    }
    PrecedentSummary p = Precedents.of(List.of(cycle(Q2, krs))).find(now(), "KR-1", HALF);
    assertThat(p.sentence()).endsWith(" None of the facts recorded for them (a named blocker gone within 2 weeks, "
        + "weekly check-ins) was more common among those that met it.");
    // the same without blockers and with check-ins stopping at day 42: none of the facts at all
    List<KeyResult> quiet = new ArrayList<>();
    for (KeyResult k : krs) {
      quiet.add(new KeyResult(k.id(), null, null, k.team(), 1.0, List.of(), k.metric(), null,
          k.checkIns().subList(0, 7).stream().map(c -> CheckIn.of(c.at(), c.value())).toList(), k.result()));
    }
    // silence now 3.5 / 91 as before (the latest check-in is still day 42)
    PrecedentSummary q = Precedents.of(List.of(cycle(Q2, quiet))).find(now(), "KR-1", HALF);
    assertThat(q.similar()).isEqualTo(20);
    assertThat(q.sentence()).endsWith(" None of them had a named blocker gone within 2 weeks, weekly check-ins, the "
        + "open milestones of their initiatives completed or their owner's confidence at 50% or more, so nothing "
        + "recorded sets those that met it apart.");
  }

  @Test
  void find_nineSimilar_saysThereIsNotEnoughHistory() {
    List<KeyResult> krs = new ArrayList<>(history().keyResults().subList(0, 9));
    PrecedentSummary p = Precedents.of(List.of(cycle(Q2, krs))).find(now(), "KR-1", HALF);
    assertThat(p.similar()).isEqualTo(9);
    assertThat(p.enough()).isFalse();
    assertThat(p.recovered()).isNull();
    assertThat(p.factors()).isEmpty();
    assertThat(p.nearest()).hasSize(Precedents.MAX_NEAREST);
    assertThat(p.sentence()).isEqualTo("Not enough history to say what worked before: 9 of 9 earlier key results "
        + "of the same direction and unit (increase, deals) stood where it stands at week 7 (50% of the cycle); at "
        + "least 10 are needed.");
  }

  /** After the cycle's end the key result is where it stood: the sentence in the past tense ("stands" read oddly). */
  @Test
  void find_notEnoughAfterTheEnd_pastTense() {
    List<KeyResult> krs = new ArrayList<>(history().keyResults().subList(0, 9));
    Instant after = Q3.endInstant().plusSeconds(3 * 86_400);
    PrecedentSummary p = Precedents.of(List.of(cycle(Q2, krs))).find(now(), "KR-1", after);
    assertThat(p.enough()).isFalse();
    assertThat(p.sentence()).contains(") stood where it stood at week 13 (100% of the cycle)")
        .doesNotContain("stands");
  }

  @Test
  void find_emptyHistory_saysSo() {
    PrecedentSummary p = Precedents.of(List.of()).find(now(), "KR-1", HALF);
    assertThat(p.pool()).isZero();
    assertThat(p.sentence()).isEqualTo("Not enough history to say what worked before: no earlier key result of the "
        + "same direction and unit (increase, deals) has an outcome.");
  }

  @Test
  void find_sameTeam_weightedUp() {
    // v = 20: gap -0.3, trend -0.15; from KR-1's (-0.2, -0.1): sqrt(1.0^2 + 0.5^2) = 1.118 in units of 0.10
    OkrCycle h = cycle(Q2, List.of(kr(Q2, "G", "growth", "deals", 20, false, false, 100.0),
        kr(Q2, "S", "sales", "deals", 20, false, false, 100.0)));
    PrecedentSummary p = Precedents.of(List.of(h)).find(now(), "KR-1", HALF);
    assertThat(p.pool()).isEqualTo(2);
    assertThat(p.similar()).isEqualTo(1);
    assertThat(p.nearest()).singleElement().satisfies(c -> {
      assertThat(c.keyResult()).isEqualTo("G");
      assertThat(c.distance()).isCloseTo(0.5 * Math.sqrt(1.25), within(1e-9));
    });
  }

  @Test
  void find_theSameCycle_isNotItsOwnPrecedent() {
    OkrCycle same = cycle(Q3, history().keyResults().stream()
        .map(k -> kr(Q3, k.id(), k.team(), k.metric().unit(), 30, false, false, 100.0)).toList());
    assertThat(Precedents.of(List.of(same)).find(now(), "KR-1", HALF).pool()).isZero();
  }

  @Test
  void find_unknownKeyResult_throws() {
    assertThatThrownBy(() -> Precedents.of(List.of()).find(now(), "KR-9", HALF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyResultId must name a key result of cycle Q3: KR-9");
  }

  @Test
  void factors_upstreamDeliveredAndConfident() {
    // a milestone open at day 45.5 (due day 50) completed on day 60, within the cycle; confidence 0.6 on day 42
    KeyResult k = new KeyResult("K", null, null, "growth", 1.0, List.of(), Metric.of(0, 100, "deals"), null,
        List.of(new CheckIn(day(Q2, 42), 30, 0.6, null, List.of(), null)), Result.of(100));
    Milestone m = new Milestone("M", null, Q2.start().plusDays(50), Q2.start().plusDays(60));
    Milestone late = new Milestone("M2", null, Q2.start().plusDays(50), Q2.end().plusDays(1));
    OkrCycle delivered = OkrCycle.of(Q2, List.of(Team.of("growth")),
        List.of(new Objective("O", null, "growth", null, null, null, List.of(k))),
        List.of(new Initiative("I", null, "growth", null, List.of("K"), List.of(m))), List.of());
    OkrCycle notYet = OkrCycle.of(Q2, List.of(Team.of("growth")),
        List.of(new Objective("O", null, "growth", null, null, null, List.of(k))),
        List.of(new Initiative("I", null, "growth", null, List.of("K"), List.of(m, late))), List.of());
    // no blocker; 0 check-ins after day 45.5 against 6 asked; delivered; confident
    assertThat(Situation.factors(delivered, k, 0.5)).containsExactly(false, false, true, true);
    // M2 completed the day after the cycle's last day
    assertThat(Situation.factors(notYet, k, 0.5)).containsExactly(false, false, false, true);
  }

  @Test
  void features_asDocumentedInTheClassComment() {
    double[] f = Situation.features(Q3, now().keyResults().get(0), 0.5);
    assertThat(f[0]).isCloseTo(30 / 100.0 - 0.5, within(1e-12));
    assertThat(f[1]).isCloseTo(30 / 200.0 - 0.25, within(1e-12));
    assertThat(f[2]).isCloseTo(3.5 / 91, within(1e-12));
  }

  @Test
  void wilson_matchesScipy() {
    // scipy 1.17.1: binomtest(x, n).proportion_ci(confidence_level=0.9, method='wilson')
    double[][] ref = {{9, 41, 0.13243761937991164, 0.3413133471500608}, {0, 12, 0.0, 0.18398119474747693},
        {12, 12, 0.816018805252523, 1.0}, {1, 10, 0.02263490873086718, 0.34771866733585843},
        {10, 25, 0.2563632531123211, 0.5631674480888891}};
    for (double[] r : ref) {
      double[] ci = Precedents.wilson((int) r[0], (int) r[1]);
      assertThat(ci[0]).as("%s of %s", r[0], r[1]).isCloseTo(r[2], within(1e-12));
      assertThat(ci[1]).as("%s of %s", r[0], r[1]).isCloseTo(r[3], within(1e-12));
    }
  }

  @Test
  void addTo_onlyKeyResultsNeedingAttention_andDeterministic() {
    OkrCycle q3 = cycle(Q3, List.of(kr(Q3, "KR-1", "growth", "deals", 30, true, false, null),
        kr(Q3, "KR-2", "growth", "deals", 50, false, false, null)));
    CycleReport report = ExecutionEngine.withDefaults().analyze(q3, HALF);
    Precedents precedents = Precedents.of(List.of(history()));
    CycleReport with = precedents.addTo(q3, report);
    for (KeyResultReport r : with.keyResults()) {
      assertThat(r.precedents() != null).as(r.id()).isEqualTo(r.status().needsAttention());
    }
    assertThat(with.keyResults().get(0).precedents()).isEqualTo(precedents.find(q3, "KR-1", HALF));
    assertThat(with).isEqualTo(precedents.addTo(q3, report));
    assertThat(with.keyResults().get(0).withPrecedents(null)).isEqualTo(report.keyResults().get(0));
  }

  @Test
  void addTo_anotherCycle_throws() {
    CycleReport report = ExecutionEngine.withDefaults().analyze(now(), HALF);
    assertThatThrownBy(() -> Precedents.of(List.of()).addTo(history(), report))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("report must be of cycle Q2: Q3");
  }

  @Test
  void addTo_theExampleWithQ2AsHistory() throws Exception {
    OkrCycle q2 = CycleJson.withDefaults().read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q2.json")).cycle();
    OkrCycle q3 = CycleJson.withDefaults().read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    Instant at = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    CycleReport r = Precedents.of(List.of(q2)).addTo(q3, ExecutionEngine.withDefaults().analyze(q3, at));
    List<KeyResultReport> attention = r.keyResults().stream().filter(k -> k.status().needsAttention()).toList();
    assertThat(attention).isNotEmpty().allSatisfy(k -> assertThat(k.precedents()).isNotNull());
    // Q2 holds 30 key results with outcomes, at most 15 of one direction (increase): the figures need 10 similar
    assertThat(attention).allSatisfy(k -> assertThat(k.precedents().pool()).isLessThanOrEqualTo(15));
  }

}
