package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;

/** The at-risk threshold a model learns from history ({@link StatusThreshold}), and how a forecaster takes it. */
class StatusThresholdTest {
  /**
   * Quarters of one key result each, weekly check-ins of 0 to 100 at a pace drawn per quarter (0.3 to 1.3 times the
   * plan's), noise, and the final value the path reaches: most miss (a pace below the plan's misses).
   */
  static List<OkrCycle> history(int quarters, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OkrCycle> out = new ArrayList<>();
    for (int q = 0; q < quarters; q++) {
      LocalDate start = LocalDate.of(2020, 1, 1).plusMonths(3L * q);
      LocalDate end = start.plusMonths(3).minusDays(1);
      double pace = 0.3 + rnd.nextDouble();
      List<CheckIn> checkIns = new ArrayList<>();
      double v = 0;
      for (int w = 1; w <= 13; w++) {
        v = Math.max(0, v + 100 / 13.0 * pace + rnd.nextGaussian() * 3);
        Instant at = start.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(w * 7 * 86_400L - 3600);
        checkIns.add(new CheckIn(at, Math.round(v * 10) / 10.0, null, null, List.of(), null));
      }
      KeyResult kr = KeyResult.builder("KR-" + q).team("t").metric(Metric.increase(0, 100)).build();
      kr = new KeyResult(kr.id(), kr.title(), kr.owner(), kr.team(), kr.weight(), kr.tags(), kr.metric(), kr.plan(),
          checkIns, new Result(checkIns.get(checkIns.size() - 1).value(), null));
      OkrCycle c = OkrCycle.builder("Q" + q).start(start).end(end).team("t", "T")
          .objective(Objective.builder("O-" + q).team("t").keyResult(kr)).build();
      out.add(c);
    }
    return out;
  }

  @Test
  void theChoice_isTheSmallestThresholdThatFlagsNineMissesInTen() {
    List<OkrCycle> h = history(160, 7);
    ForecastModel pooled = ForecastModel.fitPooled("own", h);
    int misses = StatusThreshold.missCount(h);
    assertThat(misses).isBetween(60, 140);
    long needed = (long) Math.ceil(0.9 * misses);
    double t = pooled.atRiskBelow();
    assertThat(t).isBetween(0.20, 0.50);
    // the rule itself, checked against the replay: enough at t, too few a hundredth below (unless t is the lowest)
    assertThat(StatusThreshold.flagged(h, pooled, t)).isGreaterThanOrEqualTo(needed);
    if (t > 0.20) {
      assertThat(StatusThreshold.flagged(h, pooled, t - 0.01)).isLessThan(needed);
    }
    // more alarms never come from a lower threshold
    long previous = -1;
    for (int k = 20; k <= 50; k += 5) {
      long n = StatusThreshold.flagged(h, pooled, k / 100.0);
      assertThat(n).isGreaterThanOrEqualTo(previous);
      previous = n;
    }
  }

  @Test
  void aRefit_movesTheThresholdByTheShareOfItsMisses() {
    List<OkrCycle> h = history(160, 7);
    double own = ForecastModel.fitPooled("own", h).atRiskBelow();
    ForecastModel base = ForecastModel.defaults().withAtRiskBelow(0.5);
    ForecastModel refit = base.fit(h);
    int m = StatusThreshold.missCount(h) - 19;
    // the own choice with the refitted weights, which lie between the base's and the pooled fit's: recomputed here
    double ownWithRefit = StatusThreshold.own(h, refit, Double.NaN);
    assertThat(refit.atRiskBelow()).isCloseTo(0.5 + m / (m + 100.0) * (ownWithRefit - 0.5), within(5e-5));
    assertThat(ownWithRefit).isBetween(0.20, 0.50);
    assertThat(own).isBetween(0.20, 0.50);
  }

  @Test
  void fewerThanTwentyMisses_keepTheThreshold() {
    // 19 misses among hits: every quarter below reaches 100 except the first 19
    List<OkrCycle> h = history(60, 3);
    List<OkrCycle> few = new ArrayList<>();
    int misses = 0;
    for (OkrCycle c : h) {
      boolean miss = !c.keyResults().get(0).metric().isMet(c.keyResults().get(0).result().finalValue());
      if (!miss || misses < 19) {
        few.add(c);
        misses += miss ? 1 : 0;
      }
    }
    assertThat(StatusThreshold.missCount(few)).isEqualTo(19);
    assertThat(ForecastModel.defaults().withAtRiskBelow(0.42).fit(few).atRiskBelow()).isEqualTo(0.42);
    assertThat(ForecastModel.fitPooled("few", few).atRiskBelow()).isEqualTo(ForecastModel.DEFAULT_AT_RISK_BELOW);
  }

  @Test
  void tooLittleHistory_keepsTheWholeModel_threshold_too() {
    ForecastModel mine = ForecastModel.defaults().withAtRiskBelow(0.42);
    List<OkrCycle> five = history(5, 1);
    assertThat(mine.fit(five).atRiskBelow()).isEqualTo(0.42);
    assertThat(Forecaster.withDefaults().withModel(mine).fittedTo(five).onTrackProbability()).isEqualTo(0.42);
  }

  @Test
  void theHistoryIsReadOnce() {
    List<OkrCycle> h = history(60, 5);
    int[] reads = new int[1];
    Iterable<OkrCycle> once = () -> {
      reads[0]++;
      return h.iterator();
    };
    ForecastModel.defaults().fit(once);
    ForecastModel.fitPooled("p", once);
    assertThat(reads[0]).isEqualTo(2);
  }

  @Test
  void theModelFile_carriesTheThreshold_unlessItIsTheLegacyOne() {
    // a document without the field was written while 0.36 was the shipped threshold, and keeps it; the shipped
    // model's 0.37 is written out
    assertThat(ForecastModel.defaults().toJson()).contains("\n  \"atRiskBelow\": 0.37,\n");
    assertThat(ForecastModel.fromJson(ForecastModel.defaults().toJson())).isEqualTo(ForecastModel.defaults());
    ForecastModel legacy = ForecastModel.defaults().withAtRiskBelow(0.36);
    assertThat(legacy.toJson()).doesNotContain("atRiskBelow");
    assertThat(ForecastModel.fromJson(legacy.toJson()).atRiskBelow()).isEqualTo(0.36);
    ForecastModel m = ForecastModel.defaults().withAtRiskBelow(0.2228);
    assertThat(m.toJson()).contains("\n  \"atRiskBelow\": 0.2228,\n");
    assertThat(ForecastModel.fromJson(m.toJson())).isEqualTo(m);
    assertThat(ForecastModel.fromJson(m.toJson()).atRiskBelow()).isEqualTo(0.2228);
    String bad = m.toJson().replace("\"atRiskBelow\": 0.2228", "\"atRiskBelow\": 0.97");
    assertThatThrownBy(() -> ForecastModel.fromJson(bad)).isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("atRiskBelow: must be a number within [0.15, 0.95]: 0.97");
    assertThatThrownBy(() -> ForecastModel.defaults().withAtRiskBelow(0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("atRiskBelow must be within [0.15, 0.95]");
  }

  @Test
  void aForecaster_takesTheModelsThreshold_unlessGivenItsOwn() {
    ForecastModel m = ForecastModel.defaults().withAtRiskBelow(0.25);
    assertThat(Forecaster.withDefaults().onTrackProbability()).isEqualTo(0.37);
    assertThat(Forecaster.withDefaults().withModel(m).onTrackProbability()).isEqualTo(0.25);
    assertThat(Forecaster.withDefaults().withModel(m).offTrackProbability()).isEqualTo(0.15);
    assertThat(Forecaster.withDefaults().withThresholds(0.4, 0.1).withModel(m).onTrackProbability()).isEqualTo(0.4);
    assertThat(Forecaster.withDefaults().withModel(m).withThresholds(0.4, 0.1).onTrackProbability()).isEqualTo(0.4);
    // the default model brings the default back to a forecaster without thresholds of its own
    assertThat(Forecaster.withDefaults().withModel(m).withModel(ForecastModel.defaults()).onTrackProbability())
        .isEqualTo(0.37);
    // a threshold below the default off-track one takes it down with it
    ForecastModel low = ForecastModel.defaults().withAtRiskBelow(0.15);
    assertThat(Forecaster.withDefaults().withModel(low).offTrackProbability()).isEqualTo(0.15);
  }
}
