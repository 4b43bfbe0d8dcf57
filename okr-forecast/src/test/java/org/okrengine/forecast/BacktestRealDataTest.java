package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.JsonLine;

/**
 * The forecasting bar of the project, on the real cycles of ../shared/data: fit on one family, check on the other.
 */
class BacktestRealDataTest {
  static List<OkrCycle> tawos;
  static List<OkrCycle> tse;

  @BeforeAll
  static void load() {
    String dir = System.getProperty("okr.shared.data");
    Path d = dir == null ? null : Path.of(dir);
    Assumptions.assumeTrue(d != null && Files.isDirectory(d),
        "../shared/data is absent (system property okr.shared.data = " + dir + "): real-data backtests skipped");
    tawos = read(d.resolve("tawos-quarterly-throughput.jsonl"));
    tse = read(d.resolve("tse2017-sprints.jsonl"));
  }

  static List<OkrCycle> read(Path file) {
    List<OkrCycle> out = new ArrayList<>();
    try (Stream<JsonLine> lines = CycleJson.withDefaults().lines(file)) {
      lines.forEach(l -> out.add(l.cycleOrThrow()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static void assertBar(BacktestReport r) {
    MethodScore bayes = r.score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow();
    MethodScore pace = r.score(ForecastMethod.LINEAR_PACE, 0.5).orElseThrow();
    assertThat(bayes.brier()).isLessThanOrEqualTo(0.85 * pace.brier());
    for (ForecastMethod m : ForecastMethod.values()) {
      if (m != ForecastMethod.PLAN_PRIOR_BAYES) {
        assertThat(bayes.brier()).as(m.id()).isLessThan(r.score(m, 0.5).orElseThrow().brier());
      }
    }
    assertThat(bayes.coverage80()).isBetween(0.75, 0.85);
    assertThat(r.bestMethod()).isEqualTo(ForecastMethod.PLAN_PRIOR_BAYES);
  }

  @Test
  void backtest_tseFittedOnTawos_meetsTheBar() {
    Hyperparameters fitted = Backtest.withDefaults().fit(tawos);
    BacktestReport r =
        Backtest.withDefaults().withForecaster(Forecaster.withDefaults().withHyperparameters(fitted)).run(tse);
    assertThat(r.cycles()).isEqualTo(1534);
    assertBar(r);
  }

  @Test
  void backtest_tawosFittedOnTse_meetsTheBar() {
    Hyperparameters fitted = Backtest.withDefaults().fit(tse);
    BacktestReport r =
        Backtest.withDefaults().withForecaster(Forecaster.withDefaults().withHyperparameters(fitted)).run(tawos);
    assertThat(r.cycles()).isEqualTo(1197);
    assertBar(r);
  }

  @Test
  void defaults_areTheTawosFit() {
    Hyperparameters fitted = Backtest.withDefaults().fit(tawos);
    assertThat(fitted.rateSpread()).isCloseTo(Hyperparameters.defaults().rateSpread(), within(0.005));
    assertThat(fitted.noisePrior()).isCloseTo(Hyperparameters.defaults().noisePrior(), within(0.0005));
  }

  @Test
  void accumulators_mergeToTheWhole() {
    Backtest bt = Backtest.withDefaults();
    BacktestReport whole = bt.run(tawos);
    Backtest.Accumulator a = bt.newAccumulator();
    Backtest.Accumulator b = bt.newAccumulator();
    Backtest.Accumulator c = bt.newAccumulator();
    for (int i = 0; i < tawos.size(); i++) {
      (i % 3 == 0 ? a : i % 3 == 1 ? b : c).add(tawos.get(i));
    }
    BacktestReport merged = c.merge(a.merge(b)).report();
    assertThat(merged.cycles()).isEqualTo(whole.cycles());
    for (MethodScore s : whole.scores()) {
      MethodScore m = merged.score(s.method(), s.origin()).orElseThrow();
      assertThat(m.n()).isEqualTo(s.n());
      assertThat(m.brier()).isCloseTo(s.brier(), within(1e-12));
      assertThat(m.missesFlagged()).isEqualTo(s.missesFlagged());
    }
  }
}
