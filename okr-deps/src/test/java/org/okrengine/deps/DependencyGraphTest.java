package org.okrengine.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

class DependencyGraphTest {
  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

  /** One objective of the key results {@code ids}, with {@code deps} as blocking dependencies. */
  static OkrCycle cycleOf(List<String> ids, List<String[]> deps) {
    List<KeyResult> krs = new ArrayList<>();
    for (String id : ids) {
      krs.add(new KeyResult(id, null, null, "t", 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null));
    }
    List<Dependency> list = new ArrayList<>();
    for (String[] d : deps) {
      list.add(new Dependency(d[0], d[1], DependencyKind.BLOCKS, null, null));
    }
    return OkrCycle.of(Q, List.of(Team.of("t")), List.of(new Objective("O", null, "t", null, null, null, krs)),
        List.of(), list);
  }

  static List<String> ids(String format, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(String.format(Locale.ROOT, format, i));
    }
    return out;
  }

  @Test
  void of_everyPairBlockingEachOther_listsTheLimitQuickly() {
    // 16 key results, each blocking every other: more than 16! elementary cycles, so listing all never ends
    List<String> krs = ids("KR-%02d", 16);
    List<String[]> deps = new ArrayList<>();
    for (String a : krs) {
      for (String b : krs) {
        if (!a.equals(b)) {
          deps.add(new String[] {a, b});
        }
      }
    }
    OkrCycle cycle = cycleOf(krs, deps);
    DependencyCycleException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> catchThrowableOfType(DependencyCycleException.class, () -> DependencyGraph.of(cycle)));
    assertThat(e.cycles()).hasSize(DependencyGraph.MAX_CYCLES_LISTED);
    assertThat(e.getMessage()).startsWith("100 problems:\ndependency cycle: KR-00 -> KR-01 -> KR-00\n");
    assertThat(new HashSet<>(e.cycles())).hasSize(DependencyGraph.MAX_CYCLES_LISTED);
    int length = 0;
    for (List<String> c : e.cycles()) {
      // closed, elementary, written from its smallest id (here always KR-00, the smallest of all), shortest first
      assertThat(c.get(0)).isEqualTo("KR-00").isEqualTo(c.get(c.size() - 1));
      assertThat(new HashSet<>(c.subList(0, c.size() - 1))).hasSize(c.size() - 1);
      assertThat(c.size()).isGreaterThanOrEqualTo(length);
      length = c.size();
    }
  }

  @Test
  void of_moreDisjointCyclesThanTheLimit_listsThoseThroughTheSmallestIds() {
    // 101 pairs blocking each other: the pair with the largest ids is left out
    List<String> krs = new ArrayList<>();
    List<String[]> deps = new ArrayList<>();
    for (int p = 0; p <= DependencyGraph.MAX_CYCLES_LISTED; p++) {
      String a = String.format(Locale.ROOT, "P%03d-a", p);
      String b = String.format(Locale.ROOT, "P%03d-b", p);
      krs.add(a);
      krs.add(b);
      deps.add(new String[] {a, b});
      deps.add(new String[] {b, a});
    }
    DependencyCycleException e = catchThrowableOfType(DependencyCycleException.class,
        () -> DependencyGraph.of(cycleOf(krs, deps)));
    assertThat(e.cycles()).hasSize(100);
    assertThat(e.cycles().get(0)).containsExactly("P000-a", "P000-b", "P000-a");
    assertThat(e.cycles().get(99)).containsExactly("P099-a", "P099-b", "P099-a");
  }

  @Test
  void of_ringOfTwentyThousand_isOneCycleWithoutExhaustingTheStack() {
    List<String> krs = ids("KR-%05d", 20_000);
    List<String[]> deps = new ArrayList<>();
    for (int i = 0; i < krs.size(); i++) {
      deps.add(new String[] {krs.get(i), krs.get((i + 1) % krs.size())});
    }
    DependencyCycleException e = catchThrowableOfType(DependencyCycleException.class,
        () -> DependencyGraph.of(cycleOf(krs, deps)));
    assertThat(e.cycles()).hasSize(1);
    List<String> ring = new ArrayList<>(krs);
    ring.add(krs.get(0));
    assertThat(e.cycles().get(0)).isEqualTo(ring);
  }

  @Test
  void of_cyclesBesideAcyclicParts_listsOnlyTheCycles() {
    // A -> B -> C -> A and C -> D -> E -> D; F -> A upstream and E -> G downstream take no part
    List<String[]> deps = List.of(new String[] {"A", "B"}, new String[] {"B", "C"}, new String[] {"C", "A"},
        new String[] {"C", "D"}, new String[] {"D", "E"}, new String[] {"E", "D"}, new String[] {"F", "A"},
        new String[] {"E", "G"});
    DependencyCycleException e = catchThrowableOfType(DependencyCycleException.class,
        () -> DependencyGraph.of(cycleOf(List.of("A", "B", "C", "D", "E", "F", "G"), deps)));
    assertThat(e.cycles()).containsExactly(List.of("D", "E", "D"), List.of("A", "B", "C", "A"));
  }

  @Test
  void queries_onAChain() {
    // K1 -> K2 -> K3, all measuring O
    DependencyGraph g = DependencyGraph.of(cycleOf(List.of("K1", "K2", "K3"),
        List.of(new String[] {"K1", "K2"}, new String[] {"K2", "K3"})));
    assertThat(g.size()).isEqualTo(4);
    assertThat(g.topologicalOrder()).containsExactly("K1", "K2", "K3", "O");
    assertThat(g.topologicalPosition("K3")).isEqualTo(2);
    assertThat(g.topologicalPosition("nope")).isEqualTo(-1);
    assertThat(g.downstreamOf("K2")).containsExactly(new Edge("K2", "K3", EdgeKind.BLOCKS, null),
        new Edge("K2", "O", EdgeKind.MEASURES, null));
    assertThat(g.upstreamOf("O")).extracting(Edge::upstream).containsExactly("K1", "K2", "K3");
    assertThat(g.downstreamOf("nope")).isEmpty();
    assertThat(g.reachableFrom("K1")).containsExactly("K2", "O", "K3");
    assertThat(g.criticalPath("O")).containsExactly("K1", "K2", "K3", "O");
    assertThat(g.blastRadius("K1")).isEqualTo(3);
    assertThat(g.contention()).isEmpty();
    assertThat(g.collisions()).isEmpty();
    assertThat(g.plannedLate()).isEmpty();
    assertThat(g.mostDependedOnTeams()).isEmpty();
  }
}
