package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A score or a reliability bin holds only figures a backtest can give: a record built by hand (a reader of
 * {@code okr-backtest/1}, a test, a caller's own report) with a NaN Brier or a negative count was taken as it was,
 * and a JSON writer wrote {@code "brier": NaN}.
 */
class MethodScoreTest {
  /** Ten empty bins of width 0.1, as Backtest writes them. */
  static List<ReliabilityBin> emptyBins() {
    List<ReliabilityBin> bins = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      bins.add(new ReliabilityBin(i / 10.0, (i + 1) / 10.0, 0, null, null));
    }
    return bins;
  }

  @Test
  void everyFigureOutOfRange_refusedInOneMessageNamingEach() {
    assertThatThrownBy(() -> new MethodScore(ForecastMethod.LINEAR_PACE, Double.NaN, -1, Double.NaN, -0.5, 0, 1.5,
        -1.0, Double.POSITIVE_INFINITY, 2.0, -0.1, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin must be within (0, 1): NaN; n must not be negative: -1; intervals80 must be within "
            + "[0, n = -1]: 0; brier must be within [0, 1]: NaN; logLoss must be within [0, 6.908]: -0.5; "
            + "coverage80 must be within [0, 1]: 1.5; width80 must be finite and not negative: -1.0; maeProgress "
            + "must be finite and not negative: Infinity; missesFlagged must be within [0, 1]: 2.0; hitsFlagged "
            + "must be within [0, 1]: -0.1; reliability must be a list of bins without null: null");
    // the counts sound, every other figure wrong: built before
    assertThatThrownBy(() -> new MethodScore(ForecastMethod.LINEAR_PACE, Double.NaN, 40, Double.NaN, -0.5, 30, 1.5,
        -1.0, Double.POSITIVE_INFINITY, 2.0, -0.1, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("origin must be within (0, 1): NaN; brier must be within [0, 1]: NaN; logLoss must be within "
            + "[0, 6.908]: -0.5; coverage80 must be within [0, 1]: 1.5; width80 must be finite and not negative: "
            + "-1.0; maeProgress must be finite and not negative: Infinity; missesFlagged must be within [0, 1]: 2.0; "
            + "hitsFlagged must be within [0, 1]: -0.1");
    // one field alone: the message names it alone (the intervals80 message as it was)
    assertThatThrownBy(() -> new MethodScore(ForecastMethod.OLS_TREND, 1.0, 40, 0.2, 0.6, 30, 0.8, 1.1, 0.3,
        0.5, 0.1, emptyBins())).hasMessage("origin must be within (0, 1): 1.0");
    assertThatThrownBy(() -> new MethodScore(ForecastMethod.OLS_TREND, 0.5, 40, 0.2, 7.0, 30, 0.8, 1.1, 0.3,
        0.5, 0.1, emptyBins())).hasMessage("logLoss must be within [0, 6.908]: 7.0");
    List<ReliabilityBin> withNull = new ArrayList<>(emptyBins());
    withNull.set(3, null);
    assertThatThrownBy(() -> new MethodScore(ForecastMethod.OLS_TREND, 0.5, 40, 0.2, 0.6, 30, 0.8, 1.1, 0.3,
        0.5, 0.1, withNull)).hasMessageStartingWith("reliability must be a list of bins without null: ");
  }

  @Test
  void theEndsOfEveryRange_andNullFigures_accepted() {
    // Brier 1 (certain and wrong every time), coverage and the flagged shares 0 or 1, width and error 0
    MethodScore worst = new MethodScore(ForecastMethod.LINEAR_PACE, 0.25, 3, 1.0, -Math.log(0.001), 3, 0.0, 0.0,
        0.0, 1.0, 0.0, emptyBins());
    assertThat(worst.brier()).isEqualTo(1.0);
    // nothing scored: every mean null
    assertThat(new MethodScore(ForecastMethod.MOVEMENT_AWARE, 0.75, 0, null, null, 0, null, null, null, null, null,
        emptyBins()).n()).isZero();
  }

  /**
   * The largest mean log loss a backtest can give is under the bound: each forecast adds -ln(clip(p)) with p clipped
   * to [0.001, 0.999] (Backtest.Sums.add), at most -ln 0.001 = 6.907755...; the mean of n such terms, summed exactly
   * and rounded twice (the sum, then the division), may land a last digit above that, never near 6.908.
   */
  @Test
  void theLargestLogLossABacktestGives_isAccepted() {
    double term = -Math.log(Math.min(0.999, Math.max(0.001, 0.0))); // a forecast of 0 for a key result that hit
    double other = -Math.log(1 - Math.min(0.999, Math.max(0.001, 1.0))); // of 1 for one that missed
    assertThat(term).isLessThan(MethodScore.MAX_LOG_LOSS);
    assertThat(other).isLessThan(MethodScore.MAX_LOG_LOSS);
    for (long n : new long[] {1, 3, 7, 1197, 1_000_003}) {
      ExactSum sum = new ExactSum();
      for (long i = 0; i < n; i++) {
        sum.add(i % 2 == 0 ? term : other);
      }
      double mean = sum.value() / n;
      assertThat(mean).isLessThan(MethodScore.MAX_LOG_LOSS);
      assertThat(new MethodScore(ForecastMethod.LINEAR_PACE, 0.5, n, 1.0, mean, 0, null, null, 1.0, 1.0, null,
          emptyBins()).logLoss()).isEqualTo(mean);
    }
  }

  @Test
  void reliabilityBin_outOfRange_refusedNamingEach() {
    assertThatThrownBy(() -> new ReliabilityBin(0.5, 0.4, -2, 1.2, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lower and upper must be within [0, 1], lower below upper: 0.5, 0.4; count must not be "
            + "negative: -2; meanProbability must be within [0, 1]: 1.2; hitRate must be within [0, 1]: NaN");
    assertThatThrownBy(() -> new ReliabilityBin(0.9, 1.1, 4, 0.95, 1.0))
        .hasMessage("lower and upper must be within [0, 1], lower below upper: 0.9, 1.1");
    assertThat(new ReliabilityBin(0.9, 1.0, 4, 1.0, 1.0).count()).isEqualTo(4);
  }

  /** Every score of a real run is accepted (the records are built by Backtest.Sums.score). */
  @Test
  void aRealRun_buildsItsScores() {
    BacktestReport r = Backtest.withDefaults().withWeeklyOrigins().run(BacktestTest.HISTORY);
    assertThat(r.scores()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.brier()).isBetween(0.0, 1.0);
      assertThat(s.logLoss()).isBetween(0.0, MethodScore.MAX_LOG_LOSS);
    });
  }
}
