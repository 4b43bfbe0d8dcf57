package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.CascadeAnalyzer;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

/**
 * The escalation replay decides whether an initiative's cascade crosses teams by numbers (its slip and each late
 * milestone's against their least slack to another team: Escalations.carriedAcross) where the report's cascade
 * analysis propagates; on 60 seeded quarters with two to five milestones per initiative, a third of the dependencies
 * between sibling milestones (what arrives at a seed adds to it) and need-by dates that leave slack, both agree with
 * EscalationReferenceTest's reference computed at every point, under every policy; and no cascade makes an item
 * likelier to miss than its source's probability (one event, however many paths). Written by an adversarial review.
 */
class MilestoneSeedReplayTest {
  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.rangeClosed(1, 60);
  }

  static OkrCycle cycle(SplittableRandom rnd) {
    List<Team> teams = List.of(new Team("a", "Alpha", null), new Team("b", "Beta", null), new Team("c", "Gamma", null));
    List<Objective> objectives = new ArrayList<>();
    List<String> krs = new ArrayList<>();
    for (int o = 0; o < 3; o++) {
      List<KeyResult> list = new ArrayList<>();
      for (int k = 0; k < 2; k++) {
        String id = "KR-" + krs.size();
        krs.add(id);
        List<CheckIn> checkIns = new ArrayList<>();
        for (int d = 2; d < 91; d += 7) {
          checkIns.add(CheckIn.of(EscalationReferenceTest.day(d), Math.min(100, 60.0 * d / 91)));
        }
        list.add(EscalationReferenceTest.kr(id, teams.get(rnd.nextInt(3)).id(), checkIns));
      }
      objectives.add(new Objective("O-" + o, null, teams.get(o).id(), null, null, null, list));
    }
    List<Initiative> initiatives = new ArrayList<>();
    List<String> milestones = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0, count = 1 + rnd.nextInt(3); i < count; i++) {
      List<Milestone> ms = new ArrayList<>();
      for (int m = 2 + rnd.nextInt(4); m > 0; m--) {
        LocalDate due = EscalationReferenceTest.Q.start().plusDays(5 + rnd.nextInt(80));
        LocalDate done = rnd.nextInt(10) < 2 ? due.plusDays(rnd.nextInt(30)) : null;
        String id = "M-" + milestones.size();
        milestones.add(id);
        owner.add(i);
        ms.add(new Milestone(id, null, due, done));
      }
      initiatives.add(new Initiative("I-" + i, "Initiative " + i, teams.get(rnd.nextInt(3)).id(), null, List.of(),
          ms));
    }
    List<String> items = new ArrayList<>(milestones);
    initiatives.forEach(i -> items.add(i.id()));
    items.addAll(krs);
    List<Dependency> deps = new ArrayList<>();
    LinkedHashSet<String> pairs = new LinkedHashSet<>();
    for (int tries = 6 + rnd.nextInt(20); tries > 0; tries--) {
      int a;
      int b;
      if (rnd.nextInt(3) == 0) { // sibling milestones
        a = rnd.nextInt(milestones.size());
        b = rnd.nextInt(milestones.size());
        if (!owner.get(a).equals(owner.get(b))) {
          continue;
        }
      } else {
        a = rnd.nextInt(milestones.size() + initiatives.size());
        b = rnd.nextInt(items.size());
      }
      if (a == b || !pairs.add(Math.min(a, b) + ">" + Math.max(a, b))) {
        continue;
      }
      LocalDate needBy = rnd.nextInt(10) < 7 ? EscalationReferenceTest.Q.start().plusDays(10 + rnd.nextInt(85)) : null;
      deps.add(new Dependency(items.get(Math.min(a, b)), items.get(Math.max(a, b)),
          rnd.nextInt(3) == 0 ? DependencyKind.CONTRIBUTES : DependencyKind.BLOCKS, needBy, null));
    }
    return OkrCycle.of(EscalationReferenceTest.Q, teams, objectives, initiatives, deps);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void replay_lateMilestonesWithSiblingBlocks_sameAsEveryPointComputed(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OkrCycle cycle = cycle(rnd);
    Instant asOf = EscalationReferenceTest.day(20 + rnd.nextInt(80));
    // probabilities: each item's miss within [0, p of the source], finite
    DependencyGraph graph = DependencyGraph.of(cycle);
    Snapshot snap = Snapshot.of(cycle, graph, EscalationReferenceTest.FORECASTER, asOf, false);
    for (Cascade c : CascadeAnalyzer.analyze(graph, snap.risks())) {
      double p = snap.risks().get(c.source()).probabilityOfMiss();
      assertThat(c.maxMissProbability()).as("seed %d %s", seed, c.source()).isBetween(0.0, p);
    }
    for (EscalationPolicy policy : EscalationReferenceTest.POLICIES) {
      List<EscalationSummary> got = ExecutionEngine.withDefaults().withPolicy(policy).analyze(cycle, asOf)
          .escalations();
      assertThat(EscalationReferenceTest.rows(got)).as("seed %d, %s", seed, policy)
          .isEqualTo(EscalationReferenceTest.reference(cycle, asOf, policy));
    }
  }
}
