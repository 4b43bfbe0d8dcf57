package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.model.Commitment;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;

/**
 * Making one key result likelier never makes its objective less likely. On the same seed the two runs draw the same
 * numbers for every key result and shared late item (common random numbers), so the objective's probability is
 * monotone in each key result's chance, not merely on average. A reviewer's what-if on a customer-experience quarter
 * lowered a key result's target (its chance 42% -> 95%) and its aspirational objective fell 0.8163 -> 0.8135: the
 * draws then shared one sequence, a missed key result taking one more number than one that reached its target, so
 * every later key result's numbers moved.
 *
 * <p>Each case is a random objective (seeded, so every run is the same) of 2 to 8 key results of random weights,
 * committed or aspirational, with or without a late initiative I-1 (probability of missing q) blocking or
 * contributing to some of them; each key result's forecast lands short of its target of 100 (with or without an
 * interval), so its miss scores do not depend on its chance (CommitmentSimulation.missScores fits them to the landing
 * and the interval's near end there) and raising the chance changes only that. One key result's chance is raised
 * from p to p + (1 - p) u.
 */
class CommitmentMonotonicityTest {
  static final CommitmentSimulation SIM = CommitmentSimulation.withDefaults();

  static Stream<Integer> cases() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest(name = "case {0}")
  @MethodSource("cases")
  void raisingOneKeyResultsChance_neverLowersTheObjectives(int index) {
    SplittableRandom rnd = new SplittableRandom(0x5EED0000L + index);
    int n = 2 + rnd.nextInt(7);
    Commitment commitment = rnd.nextBoolean() ? Commitment.COMMITTED : Commitment.ASPIRATIONAL;
    boolean late = rnd.nextInt(3) > 0;
    List<KeyResult> krs = new ArrayList<>();
    List<Dependency> deps = new ArrayList<>();
    Map<String, Forecast> forecasts = new LinkedHashMap<>();
    for (int i = 1; i <= n; i++) {
      String id = "KR-" + i;
      krs.add(new KeyResult(id, null, null, "growth", 0.5 + rnd.nextInt(4), List.of(), Metric.of(0, 100, null),
          Plan.LINEAR, List.of(), null));
      if (late && rnd.nextBoolean()) {
        deps.add(new Dependency("I-1", id, rnd.nextBoolean() ? DependencyKind.BLOCKS : DependencyKind.CONTRIBUTES,
            null, null));
      }
      double landing = 20 + 75 * rnd.nextDouble();
      forecasts.put(id, CommitmentSimulationTest.forecast(id, chance(rnd), landing,
          rnd.nextBoolean() ? null : 5 + 20 * rnd.nextDouble()));
    }
    OkrCycle cycle = OkrCycle.of(CommitmentSimulationTest.Q, List.of(Team.of("growth")),
        List.of(new Objective("O-1", null, "growth", null, null, commitment, krs)),
        List.of(new Initiative("I-1", "Pipeline", "growth", null, List.of(),
            List.of(new Milestone("M-1", "Beta", LocalDate.of(2026, 7, 10), null)))), deps);
    Map<String, NodeRisk> risks = late ? Map.of("I-1", new NodeRisk(14, 0.05 + 0.9 * rnd.nextDouble())) : Map.of();

    String raised = "KR-" + (1 + rnd.nextInt(n));
    Forecast before = forecasts.get(raised);
    double p = before.probabilityOfTarget();
    double higher = p + (1 - p) * (0.05 + 0.95 * rnd.nextDouble());
    Map<String, Forecast> after = new LinkedHashMap<>(forecasts);
    after.put(raised, CommitmentSimulationTest.forecast(raised, higher, before.landingValue(),
        before.interval() == null ? null : before.landingValue() - before.interval().low()));

    double baseline = SIM.run(cycle, forecasts, risks).get(0).probability();
    double raisedOdds = SIM.run(cycle, after, risks).get(0).probability();
    assertThat(raisedOdds).as("%s %s of %d key results%s: %s's chance %.4f -> %.4f", commitment, "O-1", n,
        late ? " sharing I-1" : "", raised, p, higher).isGreaterThanOrEqualTo(baseline);
  }

  /** A chance of 0, of 1, or between (the ends are where a key result used to take no number or always one). */
  private static double chance(SplittableRandom rnd) {
    int kind = rnd.nextInt(8);
    return kind == 0 ? 0.0 : kind == 1 ? 1.0 : rnd.nextDouble();
  }
}
