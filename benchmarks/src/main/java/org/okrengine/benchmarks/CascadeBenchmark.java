package org.okrengine.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.CascadeAnalyzer;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cascade analysis on a generated cycle of about 100,000 nodes (10,000 objectives, 60,000 key results, 14,500
 * initiatives with one milestone each, 1,000 teams) and 300,000 edges in all (declared dependencies between four
 * tiers plus the structural ones), fan-in and fan-out skewed toward a few widely used items, 1% of items late.
 * {@code analyze} is the cascade analysis on the built graph, {@code build} building the graph (cycle check
 * included), {@code buildAndAnalyze} both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class CascadeBenchmark {
  OkrCycle cycle;
  DependencyGraph graph;
  Map<String, NodeRisk> risks;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(11);
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
    List<org.okrengine.model.Team> teams = new ArrayList<>();
    for (int t = 0; t < 1000; t++) {
      teams.add(org.okrengine.model.Team.of("T" + t));
    }
    List<Objective> objectives = new ArrayList<>();
    List<String> krs = new ArrayList<>();
    for (int o = 0; o < 10_000; o++) {
      List<KeyResult> list = new ArrayList<>();
      for (int k = 0; k < 6; k++) {
        String id = "KR-" + (o * 6 + k);
        krs.add(id);
        list.add(new KeyResult(id, null, null, "T" + (o % 1000), 1.0, List.of(), Metric.of(0, 1, null), null,
            List.of(), null));
      }
      objectives.add(new Objective("O-" + o, null, "T" + (o % 1000), null, null, null, list));
    }
    List<Initiative> initiatives = new ArrayList<>();
    for (int i = 0; i < 14_500; i++) {
      List<org.okrengine.model.Milestone> ms = List.of(
          new org.okrengine.model.Milestone("M-" + i, null, LocalDate.of(2026, 8, 1 + rnd.nextInt(20)), null));
      initiatives.add(new Initiative("I-" + i, null, "T" + rnd.nextInt(1000), null,
          List.of(krs.get(rnd.nextInt(krs.size()))), ms));
    }
    // declared dependencies run between tiers, as real ones do: initiatives feed tier-0 key results, and key
    // results of tier t feed those of tier t + 1 (four tiers: platform, product, go-to-market, company). Upstream
    // items are picked by a power law, so that a few are depended on widely.
    List<Dependency> deps = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    int perTier = krs.size() / 4;
    while (deps.size() < 300_000 - 60_000 - 2 * 14_500) {
      int tier = rnd.nextInt(4);
      String downId = krs.get(tier * perTier + rnd.nextInt(perTier));
      String up = tier == 0 ? "I-" + (int) (14_500 * Math.pow(rnd.nextDouble(), 3))
          : krs.get((tier - 1) * perTier + (int) (perTier * Math.pow(rnd.nextDouble(), 3)));
      if (seen.add(up + ">" + downId)) {
        deps.add(new Dependency(up, downId, rnd.nextInt(3) == 0 ? DependencyKind.CONTRIBUTES : DependencyKind.BLOCKS,
            LocalDate.of(2026, 8, 1 + rnd.nextInt(30)), null));
      }
    }
    cycle = OkrCycle.of(q, teams, objectives, initiatives, deps);
    graph = DependencyGraph.of(cycle);
    risks = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      risks.put(rnd.nextBoolean() ? "I-" + rnd.nextInt(14_500) : krs.get(rnd.nextInt(krs.size())),
          new NodeRisk(1 + rnd.nextInt(30), rnd.nextDouble()));
    }
  }

  @Benchmark
  public List<Cascade> analyze() {
    return CascadeAnalyzer.analyze(graph, risks);
  }

  @Benchmark
  public DependencyGraph build() {
    return DependencyGraph.of(cycle);
  }

  @Benchmark
  public List<Cascade> buildAndAnalyze() {
    return CascadeAnalyzer.analyze(DependencyGraph.of(cycle), risks);
  }
}
