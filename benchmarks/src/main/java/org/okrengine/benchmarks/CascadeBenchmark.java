package org.okrengine.benchmarks;

import java.time.Instant;
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
import org.okrengine.execution.ExecutionEngine;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cascade analysis on a generated cycle of about 100,000 nodes (10,000 objectives, 60,000 key results, 14,500
 * initiatives with one milestone each, 1,000 teams) and 300,000 edges in all (declared dependencies between four
 * tiers plus the structural ones), fan-in and fan-out skewed toward a few widely used items, 1% of items late.
 * {@code analyze} is the cascade analysis on the built graph, {@code build} building the graph (cycle check
 * included), {@code buildAndAnalyze} both; {@code analyzeWithEscalations} the engine's whole analysis of the same graph
 * with 13 check-ins per key result, as of the cycle's last day; {@code chainWithEscalations} that of a chain of late
 * key results.
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
    cycle = generate(rnd, null);
    graph = DependencyGraph.of(cycle);
    risks = new HashMap<>();
    List<String> krs = cycle.keyResults().stream().map(KeyResult::id).toList();
    for (int i = 0; i < 1_000; i++) {
      risks.put(rnd.nextBoolean() ? "I-" + rnd.nextInt(14_500) : krs.get(rnd.nextInt(krs.size())),
          new NodeRisk(1 + rnd.nextInt(30), rnd.nextDouble()));
    }
  }

  /**
   * The cycle: the graph drawn from {@code rnd}; with {@code checkIns}, each key result checks in 13 times, about
   * weekly, from that generator (the graph is the same either way).
   */
  static OkrCycle generate(SplittableRandom rnd, SplittableRandom checkIns) {
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
            checkIns == null ? List.of() : checkIns(q, checkIns), null));
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
    return OkrCycle.of(q, teams, objectives, initiatives, deps);
  }

  /** 13 check-ins 4 to 10 days apart at a pace of 0.3 to 1.3 times the plan's, with noise, a fifth of them stopping. */
  static List<CheckIn> checkIns(Cycle q, SplittableRandom rnd) {
    double pace = 0.3 + rnd.nextDouble();
    int stop = rnd.nextInt(5) == 0 ? 20 + rnd.nextInt(60) : 91;
    List<CheckIn> out = new ArrayList<>();
    for (int n = 0, d = 1 + rnd.nextInt(6); n < 13 && d < stop; n++, d += 4 + rnd.nextInt(7)) {
      double v = pace * d / 91 + 0.04 * (rnd.nextDouble() - 0.5);
      out.add(CheckIn.of(q.startInstant().plusSeconds(86_400L * d + 3_600L * (7 + rnd.nextInt(10))),
          Math.max(0, Math.min(1, v))));
    }
    return out;
  }

  /** The same graph with check-ins, analysed as of its last day: 92 days, just over 13 weeks, of escalation replay. */
  @State(Scope.Benchmark)
  public static class WithCheckIns {
    OkrCycle cycle;
    Instant asOf;

    @Setup(Level.Trial)
    public void setUp() {
      cycle = generate(new SplittableRandom(11), new SplittableRandom(12));
      asOf = cycle.cycle().endInstant();
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

  /**
   * A chain of {@code length} key results, each blocking the next by 15 Sep, ten teams in turn, objectives of five,
   * every one checking in weekly at 60% of the plan's pace (so all late and off track, and every cascade crossing
   * teams), analysed as of the cycle's last day.
   */
  @State(Scope.Benchmark)
  public static class Chain {
    @Param("10000")
    int length;
    OkrCycle cycle;
    Instant asOf;

    @Setup(Level.Trial)
    public void setUp() {
      Cycle q = Cycle.of("chain", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
      List<org.okrengine.model.Team> teams = new ArrayList<>();
      for (int t = 0; t < 10; t++) {
        teams.add(org.okrengine.model.Team.of("t" + t));
      }
      List<Objective> objectives = new ArrayList<>();
      List<KeyResult> list = new ArrayList<>();
      List<Dependency> deps = new ArrayList<>();
      for (int k = 0; k < length; k++) {
        List<CheckIn> checkIns = new ArrayList<>();
        for (int w = 0; w < 13; w++) {
          int d = 7 * w + 2 + k % 3;
          checkIns.add(CheckIn.of(q.startInstant().plusSeconds(86_400L * d + 9 * 3_600L), 0.6 * (7 * w + 2) / 91));
        }
        list.add(new KeyResult("KR-" + k, null, null, "t" + k % 10, 1.0, List.of(), Metric.of(0, 1, null), null,
            checkIns, null));
        if (list.size() == 5 || k == length - 1) {
          objectives.add(new Objective("O-" + objectives.size(), null, "t" + objectives.size() % 10, null, null,
              null, list));
          list = new ArrayList<>();
        }
        if (k > 0) {
          deps.add(new Dependency("KR-" + (k - 1), "KR-" + k, DependencyKind.BLOCKS, LocalDate.of(2026, 9, 15),
              null));
        }
      }
      cycle = OkrCycle.of(q, teams, objectives, List.of(), deps);
      asOf = q.endInstant();
    }
  }

  /** The whole analysis of {@link Chain}. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public CycleReport chainWithEscalations(Chain s) {
    return ExecutionEngine.withDefaults().analyze(s.cycle, s.asOf);
  }

  /** The whole analysis of {@link WithCheckIns}: forecasts, cascades, causes, the escalation replay. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public CycleReport analyzeWithEscalations(WithCheckIns s) {
    return ExecutionEngine.withDefaults().analyze(s.cycle, s.asOf);
  }
}
