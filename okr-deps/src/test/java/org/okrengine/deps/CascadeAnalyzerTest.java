package org.okrengine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

class CascadeAnalyzerTest {
  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

  static KeyResult kr(String id, String team) {
    return new KeyResult(id, null, null, team, 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null);
  }

  static Dependency blocks(String up, String down, LocalDate needBy) {
    return new Dependency(up, down, DependencyKind.BLOCKS, needBy, null);
  }

  static LocalDate aug(int day) {
    return LocalDate.of(2026, 8, day);
  }

  /** data's I-3 (milestone M-6 due 5 Aug) blocks product's KR-7, which growth's KR-3 needs by 15 Aug. */
  static OkrCycle chain(List<Dependency> extra) {
    List<Dependency> deps = new ArrayList<>(List.of(blocks("I-3", "KR-7", aug(10)), blocks("KR-7", "KR-3", aug(15))));
    deps.addAll(extra);
    return OkrCycle.of(Q, List.of(new Team("data", "Data Platform", null), new Team("product", "Product", null),
        new Team("growth", "Growth", null)),
        List.of(new Objective("O-1", "Grow", "growth", null, null, null, List.of(kr("KR-3", "growth"),
                kr("KR-1", "growth"))),
            new Objective("O-3", "Ship", "product", null, null, null, List.of(kr("KR-7", "product")))),
        List.of(new Initiative("I-3", "Pipeline", "data", null, List.of(),
            List.of(new Milestone("M-6", "Streaming", aug(5), null)))),
        deps);
  }

  @Test
  void chainAcrossThreeTeams_reachesBothObjectives() {
    DependencyGraph g = DependencyGraph.of(chain(List.of()));
    List<Cascade> cs = CascadeAnalyzer.analyze(g, Map.of("I-3", new NodeRisk(12, 0.9)));
    assertThat(cs).hasSize(1);
    Cascade c = cs.get(0);
    assertThat(c.affected()).containsExactly("KR-7", "KR-3", "O-3", "O-1");
    assertThat(c.teams()).containsExactly("growth", "product");
    assertThat(c.crossesTeams()).isTrue();
    // I-3 is due 5 Aug (its last milestone) and needed by 10 Aug: 5 days of slack absorb part of the 12
    assertThat(c.slipAt().get("KR-7")).isEqualTo(12.0 - 5);
    // KR-7 is due at the cycle end, after its need-by date: no slack
    assertThat(c.slipAt().get("KR-3")).isEqualTo(7.0);
    assertThat(c.missProbability().get("KR-7")).isCloseTo(0.9, within(1e-12));
    assertThat(c.missProbability().get("KR-3")).isCloseTo(0.9, within(1e-12));
    // O-1 has two key results of equal weight, one affected; O-3 one of one
    assertThat(c.impact()).isEqualTo(1.0 + 0.5);
    assertThat(c.objectives()).containsExactly("O-3", "O-1");
    // items by ID (Title), the key results untitled (their title is their id); teams by name after their items; only
    // KR-7 needs I-3 by 10 Aug (KR-3 needs KR-7, not I-3): named (it read "KR-3 ... and KR-7 ... need it by 10 Aug",
    // every one's date)
    assertThat(c.sentence()).isEqualTo("I-3 (Pipeline), of Data Platform, is 12 days late; KR-3 of Growth and KR-7 of"
        + " Product need it, KR-7 by 10 Aug; O-3 (Ship) and O-1 (Grow) are at risk through them.");
    assertThat(c.toSummary().source()).isEqualTo("I-3");
    assertThat(c.toSummary().probabilityOfMiss()).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void slack_absorbsASmallSlip() {
    DependencyGraph g = DependencyGraph.of(chain(List.of()));
    // 4 days late against a need-by 5 days after the due date: nothing arrives
    assertThat(CascadeAnalyzer.analyze(g, Map.of("I-3", new NodeRisk(4, 0.5)))).isEmpty();
  }

  @Test
  void milestone_slipsItsInitiative() {
    DependencyGraph g = DependencyGraph.of(chain(List.of()));
    Cascade c = CascadeAnalyzer.analyze(g, Map.of("M-6", new NodeRisk(12, 0.8))).get(0);
    // M-6 -> I-3 (part of, no need-by) -> KR-7 (5 days of slack from I-3's due date)
    assertThat(c.affected()).startsWith("I-3", "KR-7");
    assertThat(c.slipAt().get("KR-7")).isEqualTo(7.0);
  }

  @Test
  void lateMilestone_carriedByItsInitiativesCascade() {
    // M-6 (of I-3, due 5 Aug) also blocks growth's KR-1, needed by 8 Aug: 3 days of slack
    DependencyGraph g = DependencyGraph.of(chain(List.of(blocks("M-6", "KR-1", aug(8)))));
    Map<String, NodeRisk> risks = Map.of("I-3", new NodeRisk(12, 0.9), "M-6", new NodeRisk(12, 0.6));
    List<Cascade> cs = CascadeAnalyzer.analyze(g, risks);
    // one cascade, from the initiative: the milestone's lateness is its initiative's (no second source to escalate)
    assertThat(cs).extracting(Cascade::source).containsExactly("I-3");
    Cascade c = cs.get(0);
    // breadth first from I-3 and M-6 together; neither is reached
    assertThat(c.affected()).containsExactly("KR-1", "KR-7", "KR-3", "O-1", "O-3");
    assertThat(c.slipAt()).doesNotContainKeys("I-3", "M-6");
    // KR-1 through the milestone's own edge: its slip after the slack, its own probability
    assertThat(c.slipAt().get("KR-1")).isEqualTo(12.0 - 3);
    assertThat(c.missProbability().get("KR-1")).isCloseTo(0.6, within(1e-12));
    // the part-of edge M-6 -> I-3 changes none of I-3's figures: KR-7 as from I-3 alone
    assertThat(c.slipAt().get("KR-7")).isEqualTo(12.0 - 5);
    assertThat(c.missProbability().get("KR-7")).isCloseTo(0.9, within(1e-12));
    assertThat(c.missProbability().get("KR-3")).isCloseTo(0.9, within(1e-12));
    assertThat(c.teams()).containsExactly("growth", "product");
    assertThat(c.crossesTeams()).isTrue();
    // O-1: both its key results reached now
    assertThat(c.impact()).isEqualTo(1.0 + 1.0);
    // the milestone's need-by date is the source's own
    assertThat(c.sentence()).isEqualTo("I-3 (Pipeline), of Data Platform, is 12 days late; KR-1 and KR-3 of Growth"
        + " and KR-7 of Product need it, KR-1 by 8 Aug; O-1 (Grow) and O-3 (Ship) are at risk through them.");
    assertThat(CascadeAnalyzer.reach(g, risks, "I-3")).containsExactly("KR-1", "KR-7", "KR-3", "O-1", "O-3");
    assertThat(CascadeAnalyzer.reach(g, risks, "M-6")).isEmpty();
    assertThat(CascadeAnalyzer.countReached(g, risks, java.util.Set.of("KR-1", "KR-3", "I-3")))
        .containsOnly(Map.entry("I-3", 2), Map.entry("M-6", 0));
  }

  @Test
  void lateMilestone_andItsInitiative_areOneCause() {
    // I-3 is late because M-6 is: both block KR-1 (no need-by). One fortnight's slip, one event: KR-1 misses because
    // of it with the initiative's probability, not 1 - (1 - 0.63)^2 = 0.86 as two independent causes
    DependencyGraph g = DependencyGraph.of(chain(List.of(blocks("M-6", "KR-1", null), blocks("I-3", "KR-1", null))));
    double p = 1 - Math.exp(-1); // Snapshot's rule for 14 days late
    Map<String, NodeRisk> risks = Map.of("I-3", new NodeRisk(14, p), "M-6", new NodeRisk(14, p));
    Cascade c = CascadeAnalyzer.analyze(g, risks).get(0);
    assertThat(c.missProbability().get("KR-1")).isCloseTo(p, within(1e-12));
    assertThat(c.maxMissProbability()).isCloseTo(p, within(1e-12));
  }

  @Test
  void lateMilestone_crossesTeamsWhereItsInitiativeAloneWouldNot() {
    // I-3 4 days late: its 5 days of slack to KR-7 absorb it; M-6 blocks KR-1 by its own due date (no slack)
    DependencyGraph g = DependencyGraph.of(chain(List.of(blocks("M-6", "KR-1", aug(5)))));
    Map<String, NodeRisk> risks = Map.of("I-3", new NodeRisk(4, 0.25), "M-6", new NodeRisk(4, 0.25));
    assertThat(CascadeAnalyzer.analyze(g, Map.of("I-3", new NodeRisk(4, 0.25)))).isEmpty();
    List<Cascade> cs = CascadeAnalyzer.analyze(g, risks);
    assertThat(cs).extracting(Cascade::source).containsExactly("I-3");
    assertThat(cs.get(0).affected()).containsExactly("KR-1", "O-1");
    assertThat(cs.get(0).crossesTeams()).isTrue();
    // the numbers the replay compares: the initiative's own does not say it, the milestone's does
    Map<String, Double> d = CascadeAnalyzer.slipToCrossTeams(g);
    assertThat(d.get("I-3")).isEqualTo(5.0);
    assertThat(d.get("M-6")).isEqualTo(0.0);
  }

  @Test
  void diamond_takesTheLongestPathAndCombinesProbabilities() {
    OkrCycle cycle = OkrCycle.of(Q, List.of(Team.of("t")),
        List.of(new Objective("O", "o", "t", null, null, null, List.of(kr("A", "t"), kr("B", "t"), kr("C", "t"),
            kr("D", "t")))),
        List.of(), List.of(blocks("A", "B", null), blocks("A", "C", null), blocks("B", "D", null),
            new Dependency("C", "D", DependencyKind.CONTRIBUTES, null, null)));
    Cascade c = CascadeAnalyzer.analyze(DependencyGraph.of(cycle), Map.of("A", new NodeRisk(10, 0.5))).get(0);
    assertThat(c.slipAt().get("D")).isEqualTo(10.0);
    // two paths into D: through B (blocks, weight 1) and C (contributes, weight 0.5), both carrying A's one slip:
    // given it, D is reached with 1 - (1 - 1)(1 - 0.5) = 1, so D misses as A does, 0.5 (the paths counted as
    // independent causes gave 1 - (1 - 0.5)(1 - 0.25) = 0.625, likelier than A itself)
    assertThat(c.missProbability().get("D")).isCloseTo(0.5, within(1e-12));
    assertThat(c.crossesTeams()).isFalse();
  }

  @Test
  void fanOut_andDisconnectedParts() {
    OkrCycle cycle = OkrCycle.of(Q, List.of(Team.of("t"), Team.of("u")),
        List.of(new Objective("O", "o", "t", null, null, null, List.of(kr("A", "t"), kr("B", "t"), kr("C", "u"))),
            new Objective("P", "p", "u", null, null, null, List.of(kr("X", "u"), kr("Y", "u")))),
        List.of(), List.of(blocks("A", "B", null), blocks("A", "C", null), blocks("X", "Y", null)));
    List<Cascade> cs = CascadeAnalyzer.analyze(DependencyGraph.of(cycle),
        Map.of("A", new NodeRisk(3, 0.4), "X", new NodeRisk(20, 0.9), "B", new NodeRisk(0, 0.1)));
    assertThat(cs).extracting(Cascade::source).containsExactly("A", "X");
    assertThat(cs.get(0).affected()).containsExactly("B", "C", "O");
    // X is itself a key result of P, so P is one step away, like Y
    assertThat(cs.get(1).affected()).containsExactly("P", "Y");
  }

  @Test
  void cycles_listedAsPaths() {
    assertThatThrownBy(() -> DependencyGraph.of(chain(List.of(blocks("KR-3", "I-3", null)))))
        .isInstanceOf(DependencyCycleException.class)
        .hasMessage("1 problem:\ndependency cycle: I-3 -> KR-7 -> KR-3 -> I-3");
    assertThatThrownBy(() -> DependencyGraph.of(chain(List.of(blocks("KR-7", "I-3", null),
        blocks("KR-3", "M-6", null)))))
        .isInstanceOfSatisfying(DependencyCycleException.class, e -> assertThat(e.cycles()).containsExactly(
            List.of("I-3", "KR-7", "I-3"), List.of("I-3", "KR-7", "KR-3", "M-6", "I-3")));
    // an initiative blocked by the key result it delivers: two nodes
    assertThatThrownBy(() -> DependencyGraph.of(OkrCycle.of(Q, List.of(Team.of("t")),
        List.of(new Objective("O", "o", "t", null, null, null, List.of(kr("K", "t")))),
        List.of(new Initiative("I", null, "t", null, List.of("K"), List.of())), List.of(blocks("K", "I", null)))))
        .hasMessage("1 problem:\ndependency cycle: I -> K -> I");
    // length one is a self-dependency, rejected by the model itself
    assertThatThrownBy(() -> blocks("K", "K", null)).hasMessage("downstream must differ from upstream: K");
  }

  @Test
  void planning_collisionsCriticalPathBlastRadiusTeams() {
    // I-3 also blocks growth's KR-1 (objective O-1) besides product's KR-7 (O-3): a collision
    DependencyGraph g = DependencyGraph.of(chain(List.of(blocks("I-3", "KR-1", aug(20)))));
    assertThat(g.collisions()).containsExactly(new Collision("I-3", List.of("KR-1", "KR-7"), List.of("O-1", "O-3"),
        List.of("growth", "product")));
    // the longest chain into O-1: M-6 -> I-3 -> KR-7 -> KR-3 -> O-1
    assertThat(g.criticalPath("O-1")).containsExactly("M-6", "I-3", "KR-7", "KR-3", "O-1");
    assertThat(g.criticalPath("M-6")).containsExactly("M-6");
    // M-6 reaches I-3, KR-1, KR-7, O-1, KR-3, O-3
    assertThat(g.blastRadius("M-6")).isEqualTo(6);
    assertThat(g.mostDependedOnTeams()).containsExactly(Map.entry("data", 2), Map.entry("product", 1));
    assertThat(DependencyGraph.of(chain(List.of())).collisions()).isEmpty();
  }

  @Test
  void milestoneDueAfterNeedBy_isPlannedLateAndGivesNoSlack() {
    // M-6 is due 5 Aug and directly blocks KR-1, which needs it by 1 Aug: four days late by plan
    DependencyGraph g = DependencyGraph.of(chain(List.of(blocks("M-6", "KR-1", LocalDate.of(2026, 8, 1)))));
    assertThat(g.plannedLate()).containsExactly(new Edge("M-6", "KR-1", EdgeKind.BLOCKS, LocalDate.of(2026, 8, 1)));
    // no slack on that edge: a 2-day slip arrives whole
    Cascade c = CascadeAnalyzer.analyze(g, Map.of("M-6", new NodeRisk(2, 0.5))).get(0);
    assertThat(c.slipAt().get("KR-1")).isEqualTo(2.0);
    // while the 5 days of slack between I-3 (due 5 Aug) and KR-7 (need by 10 Aug) absorb it
    assertThat(c.slipAt()).doesNotContainKey("KR-7");
    assertThat(DependencyGraph.of(chain(List.of())).plannedLate()).isEmpty();
  }

  @Test
  void dot_clustersByTeamAndMarksLateItems() {
    DependencyGraph g = DependencyGraph.of(chain(List.of()));
    String dot = DotWriter.write(g, java.util.Set.of("I-3"), java.util.Set.of("KR-7"));
    assertThat(dot).startsWith("digraph \"Q\" {\n  rankdir=LR;\n");
    assertThat(dot).contains("  subgraph \"cluster_0\" {\n    label=\"Growth\";\n");
    assertThat(dot).contains("    \"I-3\" [label=\"I-3\\nPipeline\", color=red, fillcolor=\"#fde0dc\", penwidth=2];");
    assertThat(dot).contains("    \"KR-7\" [label=\"KR-7\\nKR-7\", color=orange, fillcolor=\"#fff3e0\"];");
    assertThat(dot).contains("  \"I-3\" -> \"KR-7\" [label=\"blocks\\nneed by 2026-08-10\", color=red];");
    assertThat(dot).endsWith("}\n");
    assertThat(DotWriter.q("a\"b")).isEqualTo("\"a\\\"b\"");
  }

  @Test
  void graph_queries() {
    DependencyGraph g = DependencyGraph.of(chain(List.of(
        new Dependency("KR-1", "KR-7", DependencyKind.SHARES_RESOURCE, null, null))));
    assertThat(g.contention()).hasSize(1);
    assertThat(g.downstreamOf("I-3")).extracting(Edge::downstream).containsExactly("KR-7");
    assertThat(g.upstreamOf("I-3")).extracting(Edge::kind).containsExactly(EdgeKind.PART_OF);
    assertThat(g.topologicalOrder().indexOf("M-6")).isLessThan(g.topologicalOrder().indexOf("I-3"));
    assertThat(g.reachableFrom("KR-7")).containsExactly("KR-3", "O-3", "O-1");
    assertThat(g.downstreamOf("nope")).isEmpty();
  }
}
