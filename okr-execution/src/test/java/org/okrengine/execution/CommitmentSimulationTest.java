package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Direction;
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

/**
 * Objectives whose probability is known by construction (see CommitmentKernel's design notes): key results with given
 * forecast probabilities p, one late initiative I-1 with probability of missing q blocking (or contributing to)
 * them. Tolerances are four standard errors of a share of N draws, sqrt(P (1 - P) / N).
 */
class CommitmentSimulationTest {
  static final Cycle Q = ExecutionEngineTest.Q;
  static final int N = 100_000;
  static final CommitmentSimulation SIM = CommitmentSimulation.withDefaults().withDraws(N);

  static double tolerance(double p) {
    return 4 * Math.sqrt(p * (1 - p) / N);
  }

  static KeyResult kr(String id) {
    return new KeyResult(id, null, null, "growth", 1.0, List.of(), Metric.of(0, 100, null), Plan.LINEAR, List.of(),
        null);
  }

  /** A forecast of probability {@code p} landing at {@code landing}, with an 80% interval of half-width w or none. */
  static Forecast forecast(String id, double p, double landing, Double halfWidth) {
    return new Forecast(id, ForecastMethod.LINEAR_PACE, Status.AT_RISK, 0.2, 0.3, 1, landing, landing / 100,
        halfWidth == null ? null : new PredictionInterval(0.8, landing - halfWidth, landing + halfWidth), p, null,
        null, null, null, null, List.of());
  }

  /** O-1 of {@code commitment} with key results KR-1..KR-n, each of which I-1 reaches along a {@code kind} edge. */
  static OkrCycle cycle(Commitment commitment, int n, DependencyKind kind) {
    List<KeyResult> krs = new ArrayList<>();
    List<Dependency> deps = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      krs.add(kr("KR-" + i));
      deps.add(new Dependency("I-1", "KR-" + i, kind, null, null));
    }
    return OkrCycle.of(Q, List.of(Team.of("growth")),
        List.of(new Objective("O-1", null, "growth", null, null, commitment, krs)),
        List.of(new Initiative("I-1", "Pipeline", "growth", null, List.of(),
            List.of(new Milestone("M-1", "Beta", LocalDate.of(2026, 7, 10), null)))), deps);
  }

  static Map<String, Forecast> forecasts(double p, double landing, Double halfWidth, int n) {
    Map<String, Forecast> out = new LinkedHashMap<>();
    for (int i = 1; i <= n; i++) {
      out.put("KR-" + i, forecast("KR-" + i, p, landing, halfWidth));
    }
    return out;
  }

  static Map<String, NodeRisk> late(double q) {
    return Map.of("I-1", new NodeRisk(14, q));
  }

  static double probability(OkrCycle c, Map<String, Forecast> f, Map<String, NodeRisk> risks) {
    return SIM.run(c, f, risks).get(0).probability();
  }

  @Test
  void run_twoKeyResultsSharingALateInitiative_moveTogether() {
    // p = 0.3 each; I-1 misses with q = 0.5 and blocks both (c = 1): r = 0.3 / 0.5 = 0.6,
    // P(both) = (1 - q) r^2 = 0.3 * 0.3 / (1 - 0.5) = 0.18, twice the independent product 0.3 * 0.3
    OkrCycle c = cycle(Commitment.COMMITTED, 2, DependencyKind.BLOCKS);
    double joint = probability(c, forecasts(0.3, 40, null, 2), late(0.5));
    assertThat(joint).isCloseTo(0.3 * 0.3 / (1 - 0.5), within(tolerance(0.18)));
    assertThat(joint).isGreaterThan(0.3 * 0.3 + tolerance(0.09)).isLessThanOrEqualTo(0.3);
    // without the late initiative: independent
    assertThat(probability(c, forecasts(0.3, 40, null, 2), Map.of())).isCloseTo(0.3 * 0.3,
        within(tolerance(0.09)));
  }

  @Test
  void run_contributingInitiative_passesHalf() {
    // contributes passes half: m = 0.5 q, c = 0.5; P(not hit) = 1 - 0.5 * 0.5 = 0.75, r = 0.3 / 0.75 = 0.4;
    // P(both) = (1 - q) r^2 + q ((1 - c) r)^2 = 0.5 * 0.16 + 0.5 * 0.04 = 0.10
    OkrCycle c = cycle(Commitment.COMMITTED, 2, DependencyKind.CONTRIBUTES);
    assertThat(probability(c, forecasts(0.3, 40, null, 2), late(0.5)))
        .isCloseTo(0.5 * 0.4 * 0.4 + 0.5 * (0.5 * 0.4) * (0.5 * 0.4), within(tolerance(0.10)));
  }

  @Test
  void run_upstreamWorseThanTheForecast_scaledToKeepTheMarginal() {
    // p = 0.9 but I-1 alone would make each miss half the time: c scaled to s = 0.2 so that 1 - 0.5 s = 0.9, r = 1;
    // P(both) = (1 - q) + q (1 - s)^2 = 0.5 + 0.5 * 0.8^2 = 0.82 (independent: 0.81)
    OkrCycle c = cycle(Commitment.COMMITTED, 2, DependencyKind.BLOCKS);
    assertThat(probability(c, forecasts(0.9, 95, null, 2), late(0.5)))
        .isCloseTo(0.5 + 0.5 * 0.8 * 0.8, within(tolerance(0.82)));
  }

  @Test
  void run_oneKeyResult_isItsOwnProbability() {
    for (double p : new double[] {0.0, 0.05, 0.3, 0.5, 0.9, 1.0}) {
      OkrCycle c = cycle(Commitment.COMMITTED, 1, DependencyKind.BLOCKS);
      assertThat(probability(c, forecasts(p, 40, null, 1), late(0.5))).as("p = %s", p)
          .isCloseTo(p, within(tolerance(p) + 1e-12));
    }
  }

  @Test
  void run_aspirational_weightedScoreOf07() {
    // two equal key results, a miss scoring 0.4 (landing at 40 of 100, no interval): met unless both miss.
    // independent: 1 - 0.7^2 = 0.51; sharing I-1 (q = 0.5, c = 1, r = 0.6): P(both miss) = q + (1 - q)(1 - r)^2
    // = 0.5 + 0.5 * 0.16 = 0.58, so 0.42
    OkrCycle c = cycle(Commitment.ASPIRATIONAL, 2, DependencyKind.BLOCKS);
    assertThat(probability(c, forecasts(0.3, 40, null, 2), Map.of())).isCloseTo(1 - 0.7 * 0.7,
        within(tolerance(0.51)));
    assertThat(probability(c, forecasts(0.3, 40, null, 2), late(0.5))).isCloseTo(1 - (0.5 + 0.5 * 0.4 * 0.4),
        within(tolerance(0.42)));
    // a miss landing at 80 scores 0.8: always met
    assertThat(probability(c, forecasts(0.3, 80, null, 2), late(0.5))).isEqualTo(1.0);
  }

  @Test
  void missScores_normalBelowTheTarget() {
    // landing 50, 80% interval 50 +- 1.2815515655446004 * 10 (norm.ppf(0.9)): sd 10, so P(miss) = Phi(5) ~ 1 and
    // the conditional median is the median 50, a score of 0.5; the lowest end scores 0, the highest just below 1
    double[] out = new double[CommitmentKernel.MISS_QUANTILES + 1];
    Forecast f = forecast("KR-1", 0.01, 50, 1.2815515655446004 * 10);
    CommitmentSimulation.missScores(Metric.of(0, 100, null), f, out, 0);
    assertThat(out[CommitmentKernel.MISS_QUANTILES / 2]).isCloseTo(0.5, within(1e-6));
    assertThat(out[0]).isEqualTo(0.0);
    assertThat(out[CommitmentKernel.MISS_QUANTILES]).isLessThan(1.0).isGreaterThan(0.99);
    for (int j = 1; j < out.length; j++) {
      assertThat(out[j]).isGreaterThanOrEqualTo(out[j - 1]);
    }
    // a decrease from 100 to 0 landing at 50: the mirror image
    double[] down = new double[out.length];
    CommitmentSimulation.missScores(new Metric(100.0, 0, Direction.DECREASE, null, null, null, null), f, down, 0);
    assertThat(down[CommitmentKernel.MISS_QUANTILES / 2]).isCloseTo(0.5, within(1e-6));
    assertThat(down[0]).isEqualTo(0.0);
    // achieve: a miss scores 0
    double[] achieve = new double[out.length];
    achieve[3] = 7;
    CommitmentSimulation.missScores(new Metric(0.0, 1, Direction.ACHIEVE, null, null, null, null), f, achieve, 0);
    assertThat(achieve[3]).isEqualTo(7); // left as it was: the array starts at 0
  }

  /**
   * A key result that moves in steps, as the default method forecasts it: a trajectory of N(60, 10) (its 80% interval
   * 47.18 to 72.82, 1.2815515655446004 = norm.ppf(0.9)) that the stage gives a 60% chance, so its landing and the
   * interval's far end sit at the target 100 and the near end is the trajectory's. A normal centred at the landing
   * with the interval's whole spread (sd 20.6) drew its misses around 84 (a score of 0.84: E[N(100, 20.6) | below
   * 100] = 100 - 20.6 * 0.798); the normal through the near end (at 0.1) and the chance of missing (0.4 at the
   * target, norm.ppf(0.4) = -0.2533471031357997) has sd (100 - 47.18) / (1.28155 - 0.25335) = 51.37 and mean 100 +
   * 51.37 * 0.25335 = 113.0, so its misses' median (u = 0.2, norm.ppf(0.2) = -0.8416212335729143) is 69.8. Short of
   * its target with a chance of 30% (landing 60, the far end at the target), the misses are the trajectory's: centred
   * at 60 with sd 10 (the whole interval's spread read 20.6).
   */
  @Test
  void missScores_steppersForecastByTheDefault_fromTheSideShortOfTheTarget() {
    double z90 = 1.2815515655446004;
    double near = 60 - z90 * 10;
    Forecast atTarget = new Forecast("KR-1", ForecastMethod.MOVEMENT_AWARE, Status.ON_TRACK, 0.2, 0.3, 1, 100, 1.0,
        new PredictionInterval(0.8, near, 100), 0.6, null, null, null, null, null, List.of());
    double[] out = new double[CommitmentKernel.MISS_QUANTILES + 1];
    CommitmentSimulation.missScores(Metric.of(0, 100, null), atTarget, out, 0);
    double sd = (100 - near) / (z90 - 0.2533471031357997);
    double mean = 100 + sd * 0.2533471031357997;
    assertThat(sd).isCloseTo(51.37, within(0.01));
    assertThat(out[CommitmentKernel.MISS_QUANTILES / 2]).isCloseTo((mean - 0.8416212335729143 * sd) / 100,
        within(1e-6)).isCloseTo(0.698, within(0.001));
    Forecast shortOf = new Forecast("KR-1", ForecastMethod.MOVEMENT_AWARE, Status.AT_RISK, 0.2, 0.3, 1, 60, 0.6,
        new PredictionInterval(0.8, near, 100), 0.3, null, null, null, null, null, List.of());
    CommitmentSimulation.missScores(Metric.of(0, 100, null), shortOf, out, 0);
    // P(miss) under N(60, 10) is Phi(4) = 0.9999683; its conditional median is 60 + 10 * norm.ppf(0.4999842)
    assertThat(out[CommitmentKernel.MISS_QUANTILES / 2]).isCloseTo(0.6, within(1e-4));
    // the top of the misses: 60 + 10 * norm.ppf(0.9999683 * (q - 1) / q), well short of the 0.99 the whole spread gave
    assertThat(out[CommitmentKernel.MISS_QUANTILES - 1]).isLessThan(0.9);
  }

  @Test
  void run_sameInputAndSeed_sameNumbers_independentOfOtherObjectives() {
    OkrCycle c = cycle(Commitment.COMMITTED, 2, DependencyKind.BLOCKS);
    Map<String, Forecast> f = forecasts(0.3, 40, null, 2);
    CommitmentSimulation sim = CommitmentSimulation.withDefaults();
    assertThat(sim.run(c, f, late(0.5))).isEqualTo(sim.run(c, f, late(0.5)));
    assertThat(sim.withSeed(7).run(c, f, late(0.5))).isEqualTo(sim.withSeed(7).run(c, f, late(0.5)));
    assertThat(sim.withSeed(7).run(c, f, late(0.5))).isNotEqualTo(sim.run(c, f, late(0.5)));
    // another objective before it leaves its number as it was
    List<Objective> two = List.of(new Objective("O-0", null, "growth", null, null, null, List.of(kr("KR-9"))),
        c.objectives().get(0));
    OkrCycle more = OkrCycle.of(Q, c.teams(), two, c.initiatives(), c.dependencies());
    Map<String, Forecast> g = new LinkedHashMap<>(f);
    g.put("KR-9", forecast("KR-9", 0.5, 40, null));
    assertThat(sim.run(more, g, late(0.5)).get(1)).isEqualTo(sim.run(c, f, late(0.5)).get(0));
    assertThat(sim.run(c, f, late(0.5)).get(0).draws()).isEqualTo(CommitmentSimulation.DEFAULT_DRAWS);
  }

  @Test
  void validation_messages() {
    assertThatThrownBy(() -> CommitmentSimulation.withDefaults().withDraws(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("draws must be within 1..10000000: 0");
    OkrCycle c = cycle(Commitment.COMMITTED, 2, DependencyKind.BLOCKS);
    assertThatThrownBy(() -> SIM.run(c, forecasts(0.3, 40, null, 1), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("forecasts must hold every key result: KR-2");
    assertThatThrownBy(() -> new ObjectiveOdds("O-1", Commitment.COMMITTED, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("probability must be within 0..1: 1.5");
  }
}
