package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.Commitment;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.JsonLine;

/**
 * Objective probabilities against what happened: the Q2 example (its key results have results) week by week, and,
 * with one key result per objective, against the key result's own probability on ../shared/data.
 */
class CommitmentCalibrationTest {
  /** Whether objective {@code o} met its commitment by its key results' final values. */
  static boolean met(Objective o) {
    double total = o.totalWeight();
    double score = 0;
    boolean all = true;
    for (KeyResult kr : o.keyResults()) {
      double value = kr.result().finalValue();
      all &= kr.metric().isMet(value);
      score += (total > 0 ? kr.weight() / total : 1.0 / o.keyResults().size()) * kr.metric().score(value);
    }
    return o.commitment() == Commitment.ASPIRATIONAL ? score >= 0.7 - 1e-12 : all;
  }

  /** One forecast of an objective and its outcome. */
  record Case(double probability, boolean met) {}

  /** The key results' own forecasts and outcomes, filled by {@link #q2Cases()}. */
  static final List<Case> KEY_RESULTS = new ArrayList<>();

  static List<Case> q2Cases() throws IOException {
    KEY_RESULTS.clear();
    Path root = Path.of(System.getProperty("okr.repo.root", ".."));
    OkrCycle okr = CycleJson.withDefaults().read(root.resolve("examples").resolve("acme-2026-q2.json")).cycle();
    List<Case> out = new ArrayList<>();
    for (int week = 2; week <= 12; week++) {
      Instant asOf = okr.cycle().startInstant().plusSeconds(7L * week * 86_400);
      CycleReport r = ExecutionEngine.withDefaults().analyze(okr, asOf, null);
      for (ObjectiveSummary s : r.objectives()) {
        out.add(new Case(s.probability(), met(okr.objective(s.id()).orElseThrow())));
      }
      for (org.okrengine.model.KeyResultReport k : r.keyResults()) {
        KeyResult kr = okr.keyResult(k.id()).orElseThrow();
        KEY_RESULTS.add(new Case(k.forecast().probabilityOfTarget(), kr.metric().isMet(kr.result().finalValue())));
      }
    }
    return out;
  }

  static double brier(List<Case> cases) {
    double sum = 0;
    for (Case c : cases) {
      double e = c.probability() - (c.met() ? 1 : 0);
      sum += e * e;
    }
    return sum / cases.size();
  }

  @Test
  void q2Example_weeks2To12_calibrated() throws IOException {
    List<Case> cases = q2Cases();
    // 10 objectives at 11 weekly instants
    assertThat(cases).hasSize(110);
    long met = cases.stream().filter(Case::met).count();
    double meanProbability = cases.stream().mapToDouble(Case::probability).average().orElseThrow();
    double brier = brier(cases);
    // the climatology reference: every forecast the share that was met (known only afterwards)
    double base = met / (double) cases.size();
    double reference = base * (1 - base);
    // measured (seed CommitmentSimulation.DEFAULT_SEED): 55 of 110 met, mean probability 0.2696, Brier 0.1536
    // against the reference 0.25; weeks 10 to 12: Brier 0.0576. The key results alone (330 forecasts): mean
    // probability 0.4798, 0.4333 met, Brier 0.1858. Before an achieve key result's chance fell with the time left
    // (Forecaster.notDoneYet, 2026-12-05): 0.2915, 0.1371, 0.0445 and 0.4952, 0.1860; the key results' Brier the same,
    // the objectives' higher: the example's three achieve key results were all done, in June, and their objectives
    // met. Then, by fifths of probability: 53 below 0.2 (mean 0.048) none met; 21 in 0.2-0.4 (mean 0.31) 19 met; 36
    // above 0.4 all met. Sharp but under-confident: the example's key results of one objective go together more than
    // their shared upstream work says.
    assertThat(met).isEqualTo(55);
    assertThat(meanProbability).isLessThan(base);
    assertThat(brier).isLessThan(reference - 0.09);
    assertThat(brier(cases.subList(80, 110))).isLessThan(0.06);
    assertThat(brier(KEY_RESULTS)).isLessThan(0.19);
  }

  @Test
  void sharedData_oneKeyResultPerObjective_agreesWithItsProbability() {
    String dir = System.getProperty("okr.shared.data");
    Path d = dir == null ? null : Path.of(dir);
    Assumptions.assumeTrue(d != null && Files.isDirectory(d),
        "../shared/data is absent (system property okr.shared.data = " + dir + "): agreement check skipped");
    Forecaster forecaster = Forecaster.withDefaults();
    CommitmentSimulation sim = CommitmentSimulation.withDefaults();
    int n = 0;
    double worst = 0;
    for (String name : List.of("tawos-quarterly-throughput.jsonl", "tse2017-sprints.jsonl")) {
      try (Stream<JsonLine> lines = CycleJson.withDefaults().lines(d.resolve(name))) {
        for (JsonLine l : (Iterable<JsonLine>) lines::iterator) {
          if (!l.errors().isEmpty() || l.lineNumber() % 5 != 0) {
            continue;
          }
          OkrCycle okr = l.cycle();
          Instant mid = okr.cycle().startInstant().plusSeconds(
              (long) (0.5 * okr.cycle().lengthDays() * 86_400));
          KeyResult kr = okr.keyResults().get(0);
          Forecast f = forecaster.forecast(kr, okr.cycle(), mid, List.of());
          Snapshot s = Snapshot.of(okr, DependencyGraph.of(okr), forecaster, mid, true);
          double p = f.probabilityOfTarget();
          double joint = sim.run(okr, s.forecasts(), s.risks()).get(0).probability();
          double se = Math.sqrt(p * (1 - p) / sim.draws());
          worst = Math.max(worst, se == 0 ? (joint == p ? 0 : Double.POSITIVE_INFINITY) : Math.abs(joint - p) / se);
          n++;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // measured: 544 cycles (every fifth line), the worst 3.32 standard errors (of 544 draws of |Z|, about 0.1 to
    // 0.5 of the worst exceed 3.3 for independent normals)
    assertThat(n).isGreaterThan(500);
    assertThat(worst).isLessThan(4.5);
  }
}
