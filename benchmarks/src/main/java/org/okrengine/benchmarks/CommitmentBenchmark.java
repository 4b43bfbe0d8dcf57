package org.okrengine.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.okrengine.deps.NodeRisk;
import org.okrengine.execution.CommitmentSimulation;
import org.okrengine.execution.ObjectiveOdds;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Status;
import org.okrengine.model.Team;
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
 * The objectives' probability of meeting their commitment ({@link CommitmentSimulation}, 10,000 draws each) on a
 * generated cycle of 1,000 objectives of 3 to 5 key results (4,000 or so; a third of the objectives aspirational),
 * forecasts with probabilities spread over 0..1 and 80% intervals, and 100 late initiatives each blocking two key
 * results of each of five objectives. One invocation is the whole run: the dependency graph, the cascades, the
 * set-up of the simulation and the draws, on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class CommitmentBenchmark {
  OkrCycle cycle;
  Map<String, Forecast> forecasts;
  Map<String, NodeRisk> risks;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rng = new SplittableRandom(42);
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));
    List<Objective> objectives = new ArrayList<>();
    List<Initiative> initiatives = new ArrayList<>();
    List<Dependency> deps = new ArrayList<>();
    forecasts = new LinkedHashMap<>();
    risks = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      initiatives.add(new Initiative("I-" + i, null, "t", null, List.of(),
          List.of(new Milestone("M-" + i, null, LocalDate.of(2026, 7, 20), null))));
      risks.put("I-" + i, new NodeRisk(14, 1 - Math.exp(-1)));
    }
    for (int o = 0; o < 1_000; o++) {
      int n = 3 + rng.nextInt(3);
      List<KeyResult> krs = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        String id = "KR-" + o + "-" + k;
        krs.add(new KeyResult(id, null, null, "t", 1.0, List.of(), Metric.of(0, 100, null), Plan.LINEAR, List.of(),
            null));
        double landing = 100 * rng.nextDouble(0.3, 1.2);
        double p = rng.nextDouble();
        forecasts.put(id, new Forecast(id, ForecastMethod.LINEAR_PACE, Status.AT_RISK, 0.3, 0.5, 3, landing,
            landing / 100, new PredictionInterval(0.8, landing - 15, landing + 15), p, null, null, null, null, null,
            List.of()));
        if (o % 2 == 0 && k < 2) {
          deps.add(new Dependency("I-" + (o / 10), id, DependencyKind.BLOCKS, null, null));
        }
      }
      objectives.add(new Objective("O-" + o, null, "t", null, null,
          o % 3 == 0 ? Commitment.ASPIRATIONAL : Commitment.COMMITTED, krs));
    }
    cycle = OkrCycle.of(q, List.of(Team.of("t")), objectives, initiatives, deps);
  }

  @Benchmark
  public List<ObjectiveOdds> thousandObjectives() {
    return CommitmentSimulation.withDefaults().run(cycle, forecasts, risks);
  }
}
