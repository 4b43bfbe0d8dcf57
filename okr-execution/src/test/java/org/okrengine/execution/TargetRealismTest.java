package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/** Targets judged against hand-made histories whose answers are known by construction, and on the example. */
class TargetRealismTest {
  static final double K = TargetRealism.PRIOR_KEY_RESULTS;

  static KeyResult kr(String id, String team, Metric m, Double finalValue) {
    return new KeyResult(id, null, null, team, 1.0, List.of(), m, null, List.of(),
        finalValue == null ? null : Result.of(finalValue));
  }

  /** A cycle with one objective per key result, of the key result's team. */
  static OkrCycle cycle(String id, List<KeyResult> krs) {
    Set<String> teams = new LinkedHashSet<>();
    List<Objective> objectives = new ArrayList<>();
    for (KeyResult k : krs) {
      teams.add(k.team());
      objectives.add(new Objective("O-" + k.id(), null, k.team(), null, null, null, List.of(k)));
    }
    return OkrCycle.of(Cycle.of(id, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)),
        teams.stream().map(Team::of).toList(), objectives);
  }

  /** {@code n} increase key results of {@code team} from 100 to 200 in {@code unit}, each ending at {@code end}. */
  static List<KeyResult> increases(String prefix, String team, int n, String unit, double end) {
    List<KeyResult> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(kr(prefix + i, team, Metric.of(100, 200, unit), end));
    }
    return out;
  }

  static TargetRealism.Row only(OkrCycle planned, TargetHistory history) {
    return TargetRealism.review(planned, history).keyResults().get(0);
  }

  /** The constructor {@link TargetRealism.Row} had before {@code prior}: a row without the pool's weight (null). */
  @Test
  void rowPreviousConstructor_priorNull() {
    TargetRealism.Counts team = new TargetRealism.Counts(4, 1, 0.05, 0.7);
    TargetRealism.Row old = new TargetRealism.Row("KR-1", "Revenue", "growth", org.okrengine.model.Direction.INCREASE,
        1.2, 2.0, 0.3, 1.8, 0.44, 0.9, team, "all teams' increase key results", team, null, "A sentence.");
    assertThat(old).isEqualTo(new TargetRealism.Row("KR-1", "Revenue", "growth",
        org.okrengine.model.Direction.INCREASE, 1.2, 2.0, 0.3, 1.8, null, 0.44, 0.9, team,
        "all teams' increase key results", team, null, "A sentence."));
  }

  @Test
  void review_teamAlwaysReaches80Percent_chanceFromThePriorAloneAnd70PercentTargetAt80PercentOfTheAsk() {
    // 20 key results, each 100 -> 200 ending at 180: final progress 0.8 every time, no target ever met
    TargetHistory h = new TargetHistory().add(cycle("Q1", increases("H-", "a", 20, "users", 180)));
    TargetRealism.Row r = only(cycle("Q2", List.of(kr("KR-1", "a", Metric.of(1000, 1500, "users"), null))), h);
    // team weight 20 / (20 + 5); the team met 0 of 20, the pool (the same 20) Jeffreys-smoothed (0 + 0.5) / (20 + 1)
    assertThat(r.teamWeight()).isEqualTo(20 / (20 + K));
    assertThat(r.probability()).isCloseTo(0.8 * 0 + 0.2 * 0.5 / 21, within(1e-15));
    // every outcome is 0.8 of the ask: 1000 + 0.8 * (1500 - 1000)
    assertThat(r.targetAt70()).isCloseTo(1400, within(1e-9));
    assertThat(r.teamMedianProgress()).isCloseTo(0.8, within(1e-12));
    assertThat(r.teamCounts()).extracting(TargetRealism.Counts::keyResults, TargetRealism.Counts::hits)
        .containsExactly(20, 0);
    assertThat(r.group()).isEqualTo("all teams' increase key results in users");
    assertThat(r.sentence()).contains("a 0% chance of reaching 1,500 users from 1,000 users")
        .contains("1,400 users would have had a 70% chance.");
  }

  @Test
  void review_fewTeamKeyResults_shrunkTowardTeamsLikeIt() {
    // team a: 5 key results all met (progress 1.2); team b: 15 all at 0.5; the pool of increase in "M EUR" holds 20
    List<KeyResult> krs = new ArrayList<>(increases("A-", "a", 5, "M EUR", 220));
    krs.addAll(increases("B-", "b", 15, "M EUR", 150));
    TargetHistory h = new TargetHistory().add(cycle("Q1", krs));
    TargetRealism.Row r = only(cycle("Q2", List.of(kr("KR-1", "a", Metric.of(10, 12, "M EUR"), null))), h);
    // the teams differ far beyond chance: N = 20, p = 5/20; spread 5 * 0.75^2 + 15 * 0.25^2 = 3.75, less
    // (2 - 1) * 0.25 * 0.75, over 20 - (25 + 225) / 20 = 7.5: tau^2 = 0.475; K = 0.1875 / 0.475 - 1 < 1, so K = 1
    assertThat(r.prior()).isEqualTo(TargetRealism.MIN_PRIOR);
    // w = 5 / (5 + 1); the team met 5 of 5; the pool met 5 of 20, smoothed (5 + 0.5) / (20 + 1)
    assertThat(r.probability()).isCloseTo(5.0 / 6 * 1 + 1.0 / 6 * 5.5 / 21, within(1e-15));
    // weight at or above 1.2: 5/6 + 1/6 * 5/20 > 0.7 -> q = 1.2, 10 + 1.2 * 2
    assertThat(r.targetAt70()).isCloseTo(12.4, within(1e-12));
    // a team with none of its own: the pool alone, (5 + 0.5) / 21
    TargetRealism.Row c = only(cycle("Q2", List.of(kr("KR-1", "c", Metric.of(10, 12, "M EUR"), null))), h);
    assertThat(c.teamWeight()).isEqualTo(0.0);
    assertThat(c.probability()).isCloseTo(5.5 / 21, within(1e-15));
    assertThat(c.sentence()).contains("The team has no increase or decrease key result in the history, so this is "
        + "from all teams' increase key results in M EUR: 5 of 20 reached the target.");
  }

  @Test
  void review_targetFarBeyondTheTeamsRecord_flagged() {
    // the team moved its key results from 100 to at most 180: +80% of the baseline
    TargetHistory h = new TargetHistory().add(cycle("Q1", List.of(kr("H-1", "a", Metric.of(100, 200, "u"), 180.0),
        kr("H-2", "a", Metric.of(100, 200, "u"), 150.0), kr("H-3", "a", Metric.of(50, 100, "u"), 60.0),
        kr("H-4", "a", Metric.of(100, 200, "u"), 170.0), kr("H-5", "a", Metric.of(100, 200, "u"), 120.0))));
    OkrCycle planned = cycle("Q2", List.of(kr("KR-1", "a", Metric.of(100, 1000, "u"), null),
        kr("KR-2", "a", Metric.of(100, 150, "u"), null), kr("KR-3", "a", Metric.of(0, 500, "u"), null),
        kr("KR-4", "a", Metric.of(0, 50, "u"), null)));
    List<TargetRealism.Row> rows = TargetRealism.review(planned, h).keyResults();
    // KR-1 asks |1000 - 100| / 100 = 9 (900%), beyond 0.8 (180 from 100)
    assertThat(rows.get(0).record()).isEqualTo(new TargetRealism.Record(true, 9.0, 0.8, true));
    assertThat(rows.get(0).sentence()).endsWith(" Beyond the team's record: it asks for a move of 900% of the "
        + "baseline, and the most the team moved an increase key result was 80%.");
    // KR-2 asks 50%, within
    assertThat(rows.get(1).record()).isEqualTo(new TargetRealism.Record(true, 0.5, 0.8, false));
    assertThat(rows.get(1).sentence()).doesNotContain("record");
    // from a baseline of 0 the moves are in the unit: the most was 180 - 100 = 80 u
    assertThat(rows.get(2).record()).isEqualTo(new TargetRealism.Record(false, 500.0, 80.0, true));
    assertThat(rows.get(3).record()).isEqualTo(new TargetRealism.Record(false, 50.0, 80.0, false));
  }

  @Test
  void review_baselineSoSmallTheRelativeMoveOverflows_recordAtTheLargestDoubleNotAnError() throws Exception {
    // a baseline of 1e-320 (a subnormal double, which the cycle format takes) and a target of 2,000,000: the move asked,
    // |2e6 - 1e-320| / 1e-320 = 2e326, is beyond the largest double (1.8e308) and overflowed to Infinity; a history
    // key result with the same baseline ending at 1,500,000 moved as far (1.5e326). Record then refused Infinity,
    // so okr plan failed in text as in JSON ("internal error: asked must be finite: Infinity") where the previous
    // release printed the row. Both moves are now the largest double: not beyond (asked > reached is false), and the
    // JSON writes a finite number
    TargetHistory h = new TargetHistory().add(cycle("Q1", List.of(kr("H-1", "a", Metric.of(1e-320, 2e6, "EUR"),
        1.5e6), kr("H-2", "a", Metric.of(100, 200, "EUR"), 180.0))));
    OkrCycle planned = cycle("Q2", List.of(kr("KR-1", "a", Metric.of(1e-320, 2e6, "EUR"), null)));
    TargetRealism.Row row = only(planned, h);
    assertThat(row.record()).isEqualTo(new TargetRealism.Record(true, Double.MAX_VALUE, Double.MAX_VALUE, false));
    assertThat(row.sentence()).doesNotContain("Beyond");
    // beside a history of ordinary moves (at most +80%, 180 from 100) the ask is beyond it, as the text said before
    TargetHistory ordinary = new TargetHistory().add(cycle("Q1", List.of(kr("H-2", "a", Metric.of(100, 200, "EUR"),
        180.0))));
    TargetRealism.Row beyond = only(planned, ordinary);
    assertThat(beyond.record()).isEqualTo(new TargetRealism.Record(true, Double.MAX_VALUE, 0.8, true));
    assertThat(beyond.sentence()).contains("it asks for a move of >999,999% of the baseline, and the most the team "
        + "moved an increase key result was 80%.");
    assertThat(TargetRealism.review(planned, ordinary).toJson()).contains("\"asked\": 1.7976931348623157E308");
  }

  @Test
  void review_achieveAndMaintain_theTeamsHitRateWithItsWilsonInterval() {
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      krs.add(kr("A-" + i, "a", Metric.achieve(), i < 7 ? 1.0 : 0.0));
      krs.add(kr("B-" + i, "b", Metric.achieve(), i < 3 ? 1.0 : 0.0));
    }
    for (int i = 0; i < 5; i++) {
      krs.add(kr("M-" + i, "a", new Metric(null, 99.5, org.okrengine.model.Direction.MAINTAIN_ABOVE, "%"),
          i < 2 ? 99.7 : 99.1));
    }
    TargetHistory h = new TargetHistory().add(cycle("Q1", krs));
    List<TargetRealism.Row> rows = TargetRealism.review(cycle("Q2", List.of(kr("KR-1", "a", Metric.achieve(), null),
        kr("KR-2", "a", new Metric(null, 99.9, org.okrengine.model.Direction.MAINTAIN_ABOVE, "%"), null))), h)
        .keyResults();
    TargetRealism.Row a = rows.get(0);
    // K: N = 20, p = 0.5, spread 10 * 0.2^2 * 2 = 0.8, less 0.25, over 20 - 200 / 20 = 10: tau^2 = 0.055,
    // K = 0.25 / 0.055 - 1
    double k = 0.25 / 0.055 - 1;
    assertThat(a.prior()).isCloseTo(k, within(1e-12));
    // team a met 7 of 10, all teams 10 of 20: (7 + K * (10 + 0.5) / (20 + 1)) / (10 + K)
    assertThat(a.probability()).isCloseTo((7 + k * 10.5 / 21) / (10 + k), within(1e-15));
    assertThat(a.teamCounts().keyResults()).isEqualTo(10);
    assertThat(a.teamCounts().hits()).isEqualTo(7);
    // scipy 1.17.1: binomtest(7, 10).proportion_ci(confidence_level=0.9, method='wilson')
    assertThat(a.teamCounts().low()).isCloseTo(0.4416997958698351, within(1e-12));
    assertThat(a.teamCounts().high()).isCloseTo(0.8731234160968021, within(1e-12));
    assertThat(a.pool()).extracting(TargetRealism.Counts::keyResults, TargetRealism.Counts::hits)
        .containsExactly(20, 10);
    assertThat(a.targetAt70()).isNull();
    assertThat(a.sentence()).isEqualTo("KR-1, of a: a 65% chance, from how often the team achieved its achieve key "
        + "results: 7 of 10 (90%: 44%-87%), weighted 74% against all teams' achieve key results, 10 of 20.");
    // maintain: held at cycle end on 2 of 5, all of them team a's (one team: K = 5): (2 + 5 * 2.5 / 6) / 10
    assertThat(rows.get(1).probability()).isCloseTo((2 + 5 * 2.5 / 6) / 10, within(1e-15));
    // scipy 1.17.1: binomtest(2, 5).proportion_ci(confidence_level=0.9, method='wilson')
    assertThat(rows.get(1).teamCounts().low()).isCloseTo(0.14270647201921305, within(1e-12));
    assertThat(rows.get(1).teamCounts().high()).isCloseTo(0.7275168281338071, within(1e-12));
  }

  @Test
  void prior_teamsNoMoreDifferentThanChance_thePoolDecides() {
    // two teams each meeting 5 of 10: the spread 0 is below chance's (2 - 1) * 0.25
    List<KeyResult> krs = new ArrayList<>(increases("A-", "a", 5, "u", 200));
    krs.addAll(increases("B-", "a", 5, "u", 150));
    krs.addAll(increases("C-", "b", 5, "u", 200));
    krs.addAll(increases("D-", "b", 5, "u", 150));
    TargetRealism.Row r = only(cycle("Q2", List.of(kr("KR-1", "a", Metric.of(1, 2, "u"), null))),
        new TargetHistory().add(cycle("Q1", krs)));
    assertThat(r.prior()).isEqualTo(TargetRealism.MAX_PRIOR);
    assertThat(r.teamWeight()).isEqualTo(10 / (10 + TargetRealism.MAX_PRIOR));
  }

  @Test
  void review_tooLittleHistory_aSentenceInsteadOfANumber() {
    TargetHistory h = new TargetHistory().add(cycle("Q1", increases("H-", "a", 4, "u", 180)));
    OkrCycle planned = cycle("Q2", List.of(kr("KR-1", "a", Metric.of(1, 2, "u"), null),
        kr("KR-2", "a", Metric.achieve(), null)));
    TargetRealism.Review review = TargetRealism.review(planned, h);
    TargetRealism.Row r = review.keyResults().get(0);
    assertThat(r.probability()).isNull();
    assertThat(r.targetAt70()).isNull();
    // the record is a fact of the team's own key results, given however few: 1 -> 2 is +100%, the most was +80%
    assertThat(r.sentence()).isEqualTo("KR-1, of a: not enough history to give a chance: the history holds 4 "
        + "increase or decrease key results with an outcome, and at least 5 are needed. Beyond the team's record: it "
        + "asks for a move of 100% of the baseline, and the most the team moved an increase key result was 80%.");
    assertThat(review.keyResults().get(1).sentence()).isEqualTo("KR-2, of a: not enough history to give a chance: "
        + "the history holds 0 achieve key results with an outcome, and at least 5 are needed.");
    // an empty history: the same sentence, and a document without a number
    TargetRealism.Review empty = TargetRealism.review(planned, new TargetHistory());
    assertThat(empty.keyResults()).allSatisfy(row -> assertThat(row.probability()).isNull());
    assertThat(empty.toJson()).contains("\"history\": {\"cycles\": 0, \"keyResults\": 0, \"withoutResult\": 0}");
  }

  @Test
  void review_historyInAnyOrder_sameBytes() {
    OkrCycle q1 = cycle("Q1", List.of(kr("H-1", "a", Metric.of(100, 200, "u"), 180.0),
        kr("H-2", "a", Metric.of(10, 5, "u"), 4.0), kr("H-3", "b", Metric.of(100, 200, "u"), 230.0)));
    OkrCycle q2 = cycle("Q2", List.of(kr("H-4", "a", Metric.of(100, 200, "u"), 140.0),
        kr("H-5", "b", Metric.of(3, 9, "v"), 8.0), kr("H-6", "a", Metric.achieve(), 1.0),
        kr("H-7", "c", Metric.of(40, 20, "u"), 25.0)));
    OkrCycle planned = cycle("Q3", List.of(kr("KR-1", "a", Metric.of(100, 200, "u"), null),
        kr("KR-2", "b", Metric.of(50, 10, "u"), null)));
    String forward = TargetRealism.review(planned, new TargetHistory().add(q1).add(q2)).toJson();
    String backward = TargetRealism.review(planned, new TargetHistory().add(q2).add(q1)).toJson();
    assertThat(backward).isEqualTo(forward);
    assertThat(forward).startsWith("{\n  \"format\": \"okr-plan/1\",\n  \"cycle\": \"Q3\",\n");
  }

  @Test
  void review_checkInsAndResultsOfThePlannedCycle_ignoredAndSaid() {
    TargetHistory h = new TargetHistory().add(cycle("Q1", increases("H-", "a", 6, "u", 180)));
    KeyResult withCheckIn = new KeyResult("KR-1", "Grow", null, "a", 1.0, List.of(), Metric.of(100, 200, "u"), null,
        List.of(CheckIn.of(Instant.parse("2026-07-10T00:00:00Z"), 190)), null);
    TargetRealism.Review r = TargetRealism.review(cycle("Q3", List.of(withCheckIn)), h);
    // the same answer as without the check-in
    TargetRealism.Row without = only(cycle("Q3", List.of(kr("KR-1", "a", Metric.of(100, 200, "u"), null))), h);
    assertThat(r.keyResults().get(0).probability()).isEqualTo(without.probability());
    assertThat(r.checkInNote()).isEqualTo("The cycle has 1 check-in; this answer works from the baselines and "
        + "targets only, as at planning time.");
  }

  @Test
  void review_freeText_escapedInJson() {
    TargetHistory h = new TargetHistory().add(cycle("Q1", increases("H-", "a", 6, "u", 180)));
    KeyResult odd = new KeyResult("KR-1", "Grow\u001b[31m \"fast\"\n", null, "a", 1.0, List.of(),
        Metric.of(100, 200, "u\u202e"), null, List.of(), null);
    String json = TargetRealism.review(cycle("Q3", List.of(odd)), h).toJson();
    assertThat(json).contains("\"title\": \"Grow\\u001b[31m \\\"fast\\\"\\n\"").doesNotContain("\u001b")
        .doesNotContain("\u202e");
  }

  @Test
  void review_theExample_q3AgainstQ2() throws Exception {
    CycleJson json = CycleJson.withDefaults();
    OkrCycle q2 = json.read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q2.json")).cycle();
    OkrCycle q3 = json.read(ExampleStoryTest.ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    TargetRealism.Review r = TargetRealism.review(q3, new TargetHistory().add(q2));
    assertThat(r.historyKeyResults()).isEqualTo(30);
    TargetRealism.Row kr1 = r.keyResults().get(0);
    assertThat(kr1.id()).isEqualTo("KR-1");
    // Q2's growth team moved KR-1 from 1.2 to 1.8578 (+54.8%); Q3 asks 1.2 -> 2.0, +66.7%
    assertThat(kr1.record().beyond()).isTrue();
    assertThat(kr1.record().asked()).isCloseTo(0.8 / 1.2, within(1e-12));
    assertThat(kr1.record().reached()).isCloseTo((1.8578 - 1.2) / 1.2, within(1e-12));
    assertThat(r.keyResults()).allSatisfy(row -> {
      if (row.probability() != null) {
        assertThat(row.probability()).isBetween(0.0, 1.0);
      }
    });
  }

  /**
   * Where 70% of the like key results reached their whole target, the 70% target is the target itself: the sentence
   * says so, "or more", beside the head's own chance (it read "a 79% chance of reaching 45% ... 45% would have had a
   * 70% chance"). 20 of 20 reached exactly their whole way: the 0.3 quantile of progress is 1.
   */
  @Test
  void review_seventyPercentReachedTheWholeWay_theTargetItselfHasAtLeast70Percent() {
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      krs.add(kr("H-" + i, "a", Metric.of(32, 45, "%"), 45.0));
    }
    TargetRealism.Row row = only(cycle("Q2", List.of(kr("KR-1", "a", Metric.of(32, 45, "%"), null))),
        new TargetHistory().add(cycle("Q1", krs)));
    assertThat(row.targetAt70()).isEqualTo(45.0);
    assertThat(row.probability()).isGreaterThan(0.7);
    assertThat(row.sentence()).contains(" 45%, the target itself, would have had a 70% chance or more.")
        .doesNotContain(" 45% would have had a 70% chance.");
  }

  /** A whole-number key result is told a whole 70% target, rounded toward its baseline; JSON keeps the exact one. */
  @Test
  void review_wholeBaselineAndTarget_sentenceGivesAWholeTargetWithAtLeast70Percent() {
    // every outcome is 0.67 of the ask: 0 + 0.67 * 3 = 2.01 customers
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      krs.add(kr("H-" + i, "a", Metric.of(0, 3, "customers"), 2.01));
    }
    TargetHistory h = new TargetHistory().add(cycle("Q1", krs));
    TargetRealism.Row up = only(cycle("Q2", List.of(kr("KR-1", "a", Metric.of(0, 3, "customers"), null))), h);
    assertThat(up.targetAt70()).isCloseTo(2.01, within(1e-9));
    assertThat(up.sentence()).contains(" 2 customers would have had a 70% chance or more.");
    // a decrease rounds up, toward its baseline: 100 -> 50 at 0.8 of the ask would be 60, 100 -> 47 gives 57.6
    List<KeyResult> down = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      down.add(kr("D-" + i, "a", Metric.of(100, 50, "tickets"), 60.0));
    }
    TargetRealism.Row d = only(cycle("Q2", List.of(kr("KR-2", "a", Metric.of(100, 47, "tickets"), null))),
        new TargetHistory().add(cycle("Q1", down)));
    assertThat(d.targetAt70()).isCloseTo(57.6, within(1e-9));
    assertThat(d.sentence()).contains(" 58 tickets would have had a 70% chance or more.");
  }

  /**
   * A count written in the singular is rounded as one in the plural, and a rounding to 1 says "1 deal" whatever
   * spaces surround the unit; a rounding that would reach the baseline keeps the decimals.
   */
  @Test
  void review_countInTheSingularOrWithSpaces_roundedAsAPluralCountAndSaidInTheRightNumber() {
    // every outcome is half the ask: 0 + 0.5 * 3 = 1.5, rounded toward the baseline to 1
    for (String unit : new String[] {"deals", "deal", "deals ", " deal"}) {
      List<KeyResult> krs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        krs.add(kr("H-" + i, "a", Metric.of(0, 3, unit), 1.5));
      }
      TargetRealism.Row r = only(cycle("Q2", List.of(kr("KR-1", "a", Metric.of(0, 3, unit), null))),
          new TargetHistory().add(cycle("Q1", krs)));
      assertThat(r.targetAt70()).as(unit).isCloseTo(1.5, within(1e-9));
      // "1.5 deal would have had a 70% chance" for "deal" and "1 deals  would have had" for "deals " before
      assertThat(r.sentence()).as(unit).contains(" of reaching 3 deals from 0 deals. ")
          .contains(" 1 deal would have had a 70% chance or more.");
    }
    // 0.3 of the ask: 0 + 0.3 * 2 = 0.6 rounds down to the baseline, so it is said as it is, not as 0 or 1 deal
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      krs.add(kr("H-" + i, "a", Metric.of(0, 2, "deal"), 0.6));
    }
    TargetRealism.Row r = only(cycle("Q2", List.of(kr("KR-1", "a", Metric.of(0, 2, "deal"), null))),
        new TargetHistory().add(cycle("Q1", krs)));
    assertThat(r.sentence()).contains(" 0.6 deals would have had a 70% chance.");
  }

  /**
   * The plan's public records, built by hand, took what {@code toJson()} cannot write: a row with a chance of NaN was
   * built, and the document then failed with "v must be finite: NaN", naming no field; counts with more hits than key
   * results were written as they came. They are refused when built, naming the field.
   */
  @Test
  void records_builtByHand_validated() {
    // 4 of 5 met: the Wilson 90% interval of the share met, as Counts.of gives it
    TargetRealism.Counts pool = TargetRealism.Counts.of(5, 4);
    TargetRealism.Row row = new TargetRealism.Row("KR-1", "Revenue", "growth", Direction.INCREASE, 1.2, 2.0, 0.55,
        1.8, 5.0, 0.5, 0.9, pool, "all teams' increase key results in M EUR", pool,
        new TargetRealism.Record(true, 0.67, 0.5, true), "A 55% chance.");
    assertThat(new TargetRealism.Review("Q", 1, 5, 0, 0, List.of(row)).toJson()).contains("\"probability\": 0.55");
    assertThatThrownBy(() -> new TargetRealism.Row("KR-1", "Revenue", "growth", Direction.INCREASE, 1.2, 2.0,
        Double.NaN, 1.8, 5.0, 0.5, 0.9, pool, "all", pool, null, "A chance."))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be within 0..1: NaN");
    assertThatThrownBy(() -> new TargetRealism.Counts(3, 4, 0.5, 0.9))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("hits must be within [0, keyResults = 3]: 4");
    assertThatThrownBy(() -> new TargetRealism.Record(false, Double.POSITIVE_INFINITY, 2, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("asked must be finite: Infinity");
  }
}
