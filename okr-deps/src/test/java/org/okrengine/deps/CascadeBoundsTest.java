package org.okrengine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

/**
 * The bounded cascades against the plain rendering of the rule ({@link CascadeReferenceTest.Reference}) on seeded
 * random graphs larger than the bounds: each lists the nearest {@link Cascade#MAX_AFFECTED_LISTED} of what the
 * reference reaches and counts it all; an item's figures are in the cascades most likely to make it miss;
 * {@link CascadeAnalyzer#reach} gives the whole order; {@link CascadeAnalyzer#slipToCrossTeams} says exactly which
 * slips cross teams.
 */
class CascadeBoundsTest {
  static final Cycle Q = CascadeReferenceTest.Q;

  /**
   * Six teams, 40 objectives of one to four key results, 12 initiatives with up to three milestones, 300 tries at a
   * dependency between items in a random order (upstream earlier, so no cycles), most with a need-by date.
   */
  static OkrCycle largeCycle(SplittableRandom rnd) {
    List<Team> teams = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      teams.add(Team.of("t" + t));
    }
    List<Objective> objectives = new ArrayList<>();
    List<String> krs = new ArrayList<>();
    for (int o = 0; o < 40; o++) {
      List<KeyResult> list = new ArrayList<>();
      for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
        String id = "KR-" + krs.size();
        krs.add(id);
        list.add(new KeyResult(id, null, null, "t" + rnd.nextInt(6), 0.5 + rnd.nextInt(3), List.of(),
            Metric.of(0, 1, null), null, List.of(), null));
      }
      objectives.add(new Objective("O-" + o, null, "t" + rnd.nextInt(6), null, null, null, list));
    }
    List<Initiative> initiatives = new ArrayList<>();
    List<String> upstream = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      List<Milestone> ms = new ArrayList<>();
      for (int n = rnd.nextInt(4); n > 0; n--) {
        String id = "M-" + i + "-" + n;
        ms.add(new Milestone(id, null, LocalDate.of(2026, 7, 10).plusDays(rnd.nextInt(60)), null));
        upstream.add(id);
      }
      initiatives.add(new Initiative("I-" + i, null, "t" + rnd.nextInt(6), null,
          List.of(krs.get(rnd.nextInt(krs.size()))), ms));
    }
    initiatives.forEach(i -> upstream.add(i.id()));
    List<String> shuffled = new ArrayList<>(krs);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, t);
    }
    List<String> items = new ArrayList<>(upstream);
    items.addAll(shuffled);
    List<Dependency> deps = new ArrayList<>();
    LinkedHashSet<String> pairs = new LinkedHashSet<>();
    for (int tries = 0; tries < 300; tries++) {
      int a = rnd.nextInt(items.size());
      int b = rnd.nextInt(items.size());
      if (a == b || !pairs.add(Math.min(a, b) + ">" + Math.max(a, b))) {
        continue;
      }
      LocalDate needBy = rnd.nextInt(4) == 0 ? null : LocalDate.of(2026, 7, 15).plusDays(rnd.nextInt(70));
      deps.add(new Dependency(items.get(Math.min(a, b)), items.get(Math.max(a, b)),
          rnd.nextInt(3) == 0 ? DependencyKind.CONTRIBUTES : DependencyKind.BLOCKS, needBy, null));
    }
    return OkrCycle.of(Q, teams, objectives, initiatives, deps);
  }

  static Map<String, NodeRisk> risks(SplittableRandom rnd, DependencyGraph g, int count) {
    Map<String, NodeRisk> risks = new HashMap<>();
    List<String> ids = g.topologicalOrder();
    while (risks.size() < count) {
      // probabilities of a few distinct values, so that items often have ties to break
      risks.put(ids.get(rnd.nextInt(ids.size())), new NodeRisk(1 + rnd.nextInt(40), 0.25 * (1 + rnd.nextInt(4))));
    }
    return risks;
  }

  /** The reference's items reached but the source, nearest first: by steps along carrying edges, then by id. */
  static List<String> nearestFirst(CascadeReferenceTest.Reference ref) {
    List<String> out = new ArrayList<>(ref.slip.keySet());
    out.removeAll(ref.fixed);
    out.sort(Comparator.comparing((String v) -> ref.steps.get(v)).thenComparing(v -> v));
    return out;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void analyze_largeRandomGraphs_boundedAndAsTheRuleSays(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    DependencyGraph g = DependencyGraph.of(largeCycle(rnd));
    Map<String, NodeRisk> risks = risks(rnd, g, 60);
    List<Cascade> cascades = CascadeAnalyzer.analyze(g, risks);
    Map<String, CascadeReferenceTest.Reference> refs = new HashMap<>();
    boolean capped = false;
    for (Cascade c : cascades) {
      CascadeReferenceTest.Reference ref = new CascadeReferenceTest.Reference(g, c.source(), risks);
      refs.put(c.source(), ref);
      List<String> all = nearestFirst(ref);
      capped |= all.size() > Cascade.MAX_AFFECTED_LISTED;
      assertThat(c.affectedCount()).as("seed %d %s", seed, c.source()).isEqualTo(all.size());
      assertThat(c.affected()).isEqualTo(all.subList(0, Math.min(all.size(), Cascade.MAX_AFFECTED_LISTED)));
      assertThat(CascadeAnalyzer.reach(g, risks, c.source())).isEqualTo(all);
      // across teams exactly when the reference reaches a team other than the source's (any, for one without a team)
      assertThat(c.crossesTeams()).isEqualTo(ref.teams().stream().anyMatch(t -> !t.equals(c.sourceTeam())));
      List<String> objectives = all.stream().filter(v -> ref.objectives().contains(v)).toList();
      assertThat(c.objectives())
          .isEqualTo(objectives.subList(0, Math.min(objectives.size(), Cascade.MAX_AFFECTED_LISTED)));
      assertThat(c.teams()).isEqualTo(ref.teams());
      assertThat(c.impact()).isCloseTo(ref.impact(), within(1e-12));
      double max = all.stream().mapToDouble(ref.miss::get).max().orElse(0);
      assertThat(c.maxMissProbability()).isCloseTo(max, within(1e-12));
      assertThat(c.toSummary().affectedCount()).isEqualTo(all.size());
    }
    assertThat(capped).as("some cascade reaches more than it lists").isTrue();
    // how many of a random half of the items each source reaches, all at once
    java.util.Set<String> half = new java.util.HashSet<>();
    g.topologicalOrder().forEach(v -> {
      if (rnd.nextBoolean()) {
        half.add(v);
      }
    });
    Map<String, Integer> counts = CascadeAnalyzer.countReached(g, risks, half);
    for (Map.Entry<String, NodeRisk> r : risks.entrySet()) {
      long expected = nearestFirst(new CascadeReferenceTest.Reference(g, r.getKey(), risks)).stream()
          .filter(half::contains).count();
      assertThat(counts.get(r.getKey())).as("seed %d %s", seed, r.getKey()).isEqualTo((int) expected);
    }
    // each item's figures: in as many cascades as reach it, at most MAX_CASCADES_PER_ITEM, the most likely
    boolean crowded = false;
    for (String v : g.topologicalOrder()) {
      List<Cascade> reaching = cascades.stream().filter(c -> refs.get(c.source()).slip.containsKey(v)
          && !refs.get(c.source()).fixed.contains(v)).toList();
      List<Cascade> holding = cascades.stream().filter(c -> c.missProbability().containsKey(v)).toList();
      crowded |= reaching.size() > Cascade.MAX_CASCADES_PER_ITEM;
      assertThat(holding).as("seed %d item %s", seed, v)
          .hasSize(Math.min(reaching.size(), Cascade.MAX_CASCADES_PER_ITEM));
      double weakestHeld = 1;
      for (Cascade c : holding) {
        CascadeReferenceTest.Reference ref = refs.get(c.source());
        assertThat(c.slipAt().get(v)).isEqualTo(ref.slip.get(v));
        assertThat(c.missProbability().get(v)).isCloseTo(ref.miss.get(v), within(1e-12));
        weakestHeld = Math.min(weakestHeld, ref.miss.get(v));
      }
      for (Cascade c : reaching) {
        if (!holding.contains(c)) {
          assertThat(refs.get(c.source()).miss.get(v)).isLessThanOrEqualTo(weakestHeld + 1e-12);
        }
      }
    }
    assertThat(crowded).as("some item is reached by more cascades than hold its figures").isTrue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void slipToCrossTeams_saysExactlyWhichSlipsCross(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    DependencyGraph g = DependencyGraph.of(largeCycle(rnd));
    Map<String, Double> threshold = CascadeAnalyzer.slipToCrossTeams(g);
    assertThat(new ArrayList<>(threshold.keySet())).isSorted();
    for (String id : g.topologicalOrder()) {
      for (int slip = 1; slip <= 60; slip += 1 + rnd.nextInt(4)) {
        List<Cascade> cs = CascadeAnalyzer.analyze(g, Map.of(id, new NodeRisk(slip, 0.5)));
        boolean crosses = !cs.isEmpty() && cs.get(0).crossesTeams();
        Double d = threshold.get(id);
        assertThat(d != null && slip > d).as("seed %d %s slip %d threshold %s", seed, id, slip, d)
            .isEqualTo(crosses);
      }
    }
  }

  @Test
  void analyze_chainOfAThousand_listsFiftyCountsAllKeepsTenPerItem() {
    // KR-000 blocks KR-001 ... blocks KR-999, every one 20 days late; two teams in turn; one objective each
    List<Objective> objectives = new ArrayList<>();
    List<Dependency> deps = new ArrayList<>();
    Map<String, NodeRisk> risks = new HashMap<>();
    for (int k = 0; k < 1000; k++) {
      String id = String.format("KR-%03d", k);
      objectives.add(new Objective(String.format("O-%03d", k), null, "t" + k % 2, null, null, null, List.of(
          new KeyResult(id, null, null, "t" + k % 2, 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null))));
      if (k > 0) {
        deps.add(new Dependency(String.format("KR-%03d", k - 1), id, DependencyKind.BLOCKS, null, null));
      }
      risks.put(id, new NodeRisk(20, 0.5));
    }
    DependencyGraph g = DependencyGraph.of(OkrCycle.of(Q, List.of(Team.of("t0"), Team.of("t1")), objectives,
        List.of(), deps));
    List<Cascade> cascades = CascadeAnalyzer.analyze(g, risks);
    // every key result starts one (the last reaches only its own objective)
    assertThat(cascades).hasSize(1000);
    Cascade first = cascades.get(0);
    assertThat(first.source()).isEqualTo("KR-000");
    assertThat(first.affectedCount()).isEqualTo(999 + 1000);
    assertThat(first.affected()).hasSize(50).startsWith("KR-001", "O-000", "KR-002", "O-001");
    assertThat(first.objectives()).hasSize(50).startsWith("O-000", "O-001").endsWith("O-049");
    assertThat(first.sentence()).isEqualTo("KR-000, of t0, is 20 days late; KR-002, KR-004, KR-006, KR-008 and 495"
        + " more of t0 and KR-001, KR-003, KR-005, KR-007 and 496 more of t1 need it; O-000, O-001, O-002, O-003 and 996"
        + " more objectives are at risk through them.");
    // KR-999 is reached by 999 cascades of equal probability: the ten ranked first hold its figures
    TreeSet<String> holding = new TreeSet<>();
    cascades.stream().filter(c -> c.missProbability().containsKey("KR-999")).forEach(c -> holding.add(c.source()));
    assertThat(holding).containsExactly("KR-000", "KR-001", "KR-002", "KR-003", "KR-004", "KR-005", "KR-006",
        "KR-007", "KR-008", "KR-009");
  }
}
