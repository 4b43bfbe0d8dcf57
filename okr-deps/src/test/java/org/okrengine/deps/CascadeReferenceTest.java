package org.okrengine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

/**
 * The array-based cascade analysis against a plain, map-based rendering of its documented rule (the one in
 * {@link CascadeAnalyzer}'s comment) on seeded random acyclic cycles: the same items reached, the same slips, the
 * same probabilities, teams, objectives and impact.
 */
class CascadeReferenceTest {
  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void matchesTheRuleAsWritten(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OkrCycle cycle = randomCycle(rnd);
    DependencyGraph g = DependencyGraph.of(cycle);
    Map<String, NodeRisk> risks = new HashMap<>();
    List<String> ids = g.topologicalOrder();
    for (int i = 0; i < 6; i++) {
      risks.put(ids.get(rnd.nextInt(ids.size())), new NodeRisk(rnd.nextInt(25), rnd.nextDouble()));
    }
    Map<String, Cascade> bySource = new HashMap<>();
    for (Cascade c : CascadeAnalyzer.analyze(g, risks)) {
      bySource.put(c.source(), c);
    }
    for (Map.Entry<String, NodeRisk> r : risks.entrySet()) {
      Reference ref = new Reference(g, r.getKey(), risks);
      Cascade c = bySource.get(r.getKey());
      if (ref.slip.size() <= ref.fixed.size()) {
        assertThat(c).as("seed %d source %s", seed, r.getKey()).isNull();
        continue;
      }
      assertThat(c).as("seed %d source %s", seed, r.getKey()).isNotNull();
      assertThat(new TreeSet<>(c.affected())).isEqualTo(ref.slip.keySet().stream()
          .filter(k -> !ref.fixed.contains(k)).collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
      for (String v : c.affected()) {
        assertThat(c.slipAt().get(v)).isEqualTo(ref.slip.get(v));
        assertThat(c.missProbability().get(v)).isCloseTo(ref.miss.get(v), within(1e-12));
      }
      assertThat(c.teams()).isEqualTo(ref.teams());
      assertThat(new TreeSet<>(c.objectives())).isEqualTo(ref.objectives());
      assertThat(c.impact()).isCloseTo(ref.impact(), within(1e-12));
      // nearest first: no item comes before one that is fewer steps from the source
      int last = 0;
      for (String v : c.affected()) {
        assertThat(ref.steps.get(v)).isGreaterThanOrEqualTo(last);
        last = ref.steps.get(v);
      }
    }
  }

  /**
   * The rule as documented, over maps, visiting every reachable item in topological order: from a source with its
   * seeds (its late milestones, when it is a late initiative), starting from their own figures; a late milestone of a
   * late initiative reaches nothing of its own.
   */
  static final class Reference {
    final OkrCycle cycle;
    final String source;
    final Map<String, Double> slip = new HashMap<>();
    final Map<String, Double> miss = new HashMap<>();
    final Map<String, Integer> steps = new HashMap<>();
    /** The source and its seeds. */
    final java.util.Set<String> fixed = new java.util.HashSet<>();

    Reference(DependencyGraph g, String source, NodeRisk risk) {
      this(g, source, Map.of(source, risk));
    }

    Reference(DependencyGraph g, String source, Map<String, NodeRisk> risks) {
      this.cycle = g.cycle();
      this.source = source;
      NodeRisk risk = risks.get(source);
      if (risk.slipDays() <= 0 || initiativeLate(cycle, source, risks)) {
        return; // no cascade: none reached
      }
      // t: the chance the source's slip passes to an item given that slip (1 at the source, a seed's own probability
      // over the source's); an item misses because of the source with probability p t
      double p = risk.probabilityOfMiss();
      Map<String, Double> t = new HashMap<>();
      slip.put(source, risk.slipDays());
      miss.put(source, p);
      t.put(source, 1.0);
      fixed.add(source);
      for (Milestone m : cycle.initiative(source).map(Initiative::milestones).orElse(List.of())) {
        NodeRisk r = risks.get(m.id());
        if (r != null && r.slipDays() > 0) {
          slip.put(m.id(), r.slipDays());
          miss.put(m.id(), r.probabilityOfMiss());
          t.put(m.id(), p > 0 ? Math.min(1.0, r.probabilityOfMiss() / p) : 0.0);
          fixed.add(m.id());
        }
      }
      for (String v : g.topologicalOrder()) {
        if (v.equals(source)) {
          continue;
        }
        boolean seed = fixed.contains(v);
        // a seed starts from its own slip and t, and what arrives from another seed's path adds to it
        double best = seed ? slip.get(v) : 0;
        double stay = seed ? 1 - t.get(v) : 1;
        for (Edge e : g.upstreamOf(v)) {
          Double s = slip.get(e.upstream());
          if (s != null && s - slack(e) > 0) {
            best = Math.max(best, s - slack(e));
            stay *= 1 - t.get(e.upstream()) * e.kind().weight();
          }
        }
        if (seed) {
          slip.put(v, best);
          t.put(v, 1 - stay);
        } else if (best > 0) {
          slip.put(v, best);
          t.put(v, 1 - stay);
          miss.put(v, p * (1 - stay));
        }
      }
      // steps along the edges that carry slip
      ArrayDeque<String> queue = new ArrayDeque<>(new TreeSet<>(fixed));
      fixed.forEach(v -> steps.put(v, 0));
      while (!queue.isEmpty()) {
        String u = queue.poll();
        for (Edge e : g.downstreamOf(u)) {
          if (slip.containsKey(e.downstream()) && slip.get(u) - slack(e) > 0
              && steps.putIfAbsent(e.downstream(), steps.get(u) + 1) == null) {
            queue.add(e.downstream());
          }
        }
      }
    }

    /** Whether {@code id} is a milestone whose initiative has a positive slip in {@code risks}. */
    static boolean initiativeLate(OkrCycle cycle, String id, Map<String, NodeRisk> risks) {
      if (cycle.milestone(id).isEmpty()) {
        return false;
      }
      for (Initiative i : cycle.initiatives()) {
        if (i.milestones().stream().anyMatch(m -> m.id().equals(id))) {
          NodeRisk r = risks.get(i.id());
          return r != null && r.slipDays() > 0;
        }
      }
      return false;
    }

    double slack(Edge e) {
      if (e.needBy() == null) {
        return 0;
      }
      LocalDate due = Q.end();
      NodeKind kind = cycle.kindOf(e.upstream()).orElseThrow();
      if (kind == NodeKind.MILESTONE) {
        due = cycle.milestone(e.upstream()).orElseThrow().due();
      } else if (kind == NodeKind.INITIATIVE) {
        List<Milestone> ms = cycle.initiative(e.upstream()).orElseThrow().milestones();
        due = ms.stream().map(Milestone::due).max(LocalDate::compareTo).orElse(Q.end());
      }
      return Math.max(0, ChronoUnit.DAYS.between(due, e.needBy()));
    }

    List<String> teams() {
      TreeSet<String> out = new TreeSet<>();
      slip.keySet().stream().filter(v -> !fixed.contains(v)).forEach(v -> cycle.teamOf(v).ifPresent(out::add));
      return List.copyOf(out);
    }

    TreeSet<String> objectives() {
      TreeSet<String> out = new TreeSet<>();
      slip.keySet().stream().filter(v -> cycle.kindOf(v).orElseThrow() == NodeKind.OBJECTIVE).forEach(out::add);
      return out;
    }

    double impact() {
      double impact = 0;
      for (String o : objectives()) {
        Objective obj = cycle.objective(o).orElseThrow();
        double hit = 0;
        for (KeyResult kr : obj.keyResults()) {
          if (!kr.id().equals(source) && slip.containsKey(kr.id())) {
            hit += kr.weight();
          }
        }
        impact += hit / obj.totalWeight();
      }
      return impact;
    }
  }

  /** Three teams, a few objectives of one to four weighted key results, initiatives with milestones, random deps. */
  static OkrCycle randomCycle(SplittableRandom rnd) {
    List<Team> teams = List.of(Team.of("a"), Team.of("b"), Team.of("c"));
    List<Objective> objectives = new ArrayList<>();
    List<String> krs = new ArrayList<>();
    int k = 0;
    for (int o = 0; o < 4; o++) {
      List<KeyResult> list = new ArrayList<>();
      for (int n = 1 + rnd.nextInt(4); n > 0; n--) {
        String id = "KR-" + k++;
        krs.add(id);
        list.add(new KeyResult(id, null, null, teams.get(rnd.nextInt(3)).id(), 0.5 + rnd.nextInt(3), List.of(),
            Metric.of(0, 1, null), null, List.of(), null));
      }
      objectives.add(new Objective("O-" + o, null, teams.get(o % 3).id(), null, null, null, list));
    }
    List<Initiative> initiatives = new ArrayList<>();
    List<String> items = new ArrayList<>(krs);
    int m = 0;
    for (int i = 0; i < 4; i++) {
      List<Milestone> ms = new ArrayList<>();
      for (int n = rnd.nextInt(3); n > 0; n--) {
        ms.add(new Milestone("M-" + m, null, LocalDate.of(2026, 7, 10).plusDays(rnd.nextInt(60)), null));
        items.add("M-" + m++);
      }
      initiatives.add(new Initiative("I-" + i, null, teams.get(rnd.nextInt(3)).id(), null,
          List.of(krs.get(rnd.nextInt(krs.size()))), ms));
      items.add("I-" + i);
    }
    List<Dependency> deps = new ArrayList<>();
    LinkedHashSet<String> pairs = new LinkedHashSet<>();
    for (int tries = 0; tries < 40; tries++) {
      String up = items.get(rnd.nextInt(items.size()));
      String down = items.get(rnd.nextInt(items.size()));
      if (up.equals(down) || !pairs.add(up + ">" + down)) {
        continue;
      }
      LocalDate needBy = rnd.nextBoolean() ? null : LocalDate.of(2026, 7, 15).plusDays(rnd.nextInt(70));
      deps.add(new Dependency(up, down, rnd.nextInt(3) == 0 ? DependencyKind.CONTRIBUTES : DependencyKind.BLOCKS,
          needBy, null));
      try {
        DependencyGraph.of(OkrCycle.of(Q, teams, objectives, initiatives, deps));
      } catch (DependencyCycleException e) {
        deps.remove(deps.size() - 1);
      }
    }
    return OkrCycle.of(Q, teams, objectives, initiatives, deps);
  }

  @org.junit.jupiter.api.Test
  void wideFanOut_namesAFewAndCountsTheRest() {
    // one initiative blocks 30 key results of 6 teams, 5 per team, each its own objective
    List<Team> teams = new ArrayList<>();
    List<Objective> objectives = new ArrayList<>();
    List<Dependency> deps = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      teams.add(Team.of("t" + t));
      for (int j = 0; j < 5; j++) {
        String kr = "KR-" + t + j;
        objectives.add(new Objective("O-" + t + j, null, "t" + t, null, null, null, List.of(new KeyResult(kr, null,
            null, "t" + t, 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null))));
        deps.add(new Dependency("I-1", kr, DependencyKind.BLOCKS, LocalDate.of(2026, 8, 20), null));
      }
    }
    OkrCycle cycle = OkrCycle.of(Q, teams, objectives,
        List.of(new Initiative("I-1", null, "t0", null, List.of(), List.of())), deps);
    Cascade c = CascadeAnalyzer.analyze(DependencyGraph.of(cycle), Map.of("I-1", new NodeRisk(50, 0.5))).get(0);
    // 30 key results and 30 objectives reached; the nearest 50 listed (the key results, one step away, first)
    assertThat(c.affectedCount()).isEqualTo(60);
    assertThat(c.affected()).hasSize(Cascade.MAX_AFFECTED_LISTED).startsWith("KR-00").endsWith("O-34");
    assertThat(c.objectives()).hasSize(30);
    // four teams named with four key results each and the count of the fifth; the last two teams counted
    assertThat(c.sentence()).isEqualTo("I-1, of t0, is 50 days late; KR-00, KR-01, KR-02, KR-03 and 1 more of t0, "
        + "KR-10, KR-11, KR-12, KR-13 and 1 more of t1, KR-20, KR-21, KR-22, KR-23 and 1 more of t2, "
        + "KR-30, KR-31, KR-32, KR-33 and 1 more of t3 and 10 more key results in 2 more teams need it by 20 Aug; "
        + "O-00, O-01, O-02, O-03 and 26 more objectives are at risk through them.");
    // the per-item figures are sorted by id and behave as a map
    assertThat(c.slipAt().keySet()).first().isEqualTo("KR-00");
    assertThat(c.slipAt()).containsEntry("O-54", 50.0).doesNotContainKey("I-1");
    assertThat(c.slipAt().containsKey(7)).isFalse();
    assertThat(c.slipAt()).isEqualTo(new TreeMap<>(c.slipAt()));
    assertThat(c.slipAt().get(7)).isNull();
  }
}
