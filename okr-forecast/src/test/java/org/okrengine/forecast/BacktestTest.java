package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/** Backtests on seeded synthetic history: key results whose weekly progress is a random walk with drift. */
class BacktestTest {
  static List<OkrCycle> history(int count, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OkrCycle> out = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      Cycle q = Cycle.of("Q" + c, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)); // 90 days
      double pace = rnd.nextDouble(0.5, 1.5);
      double v = 0;
      List<CheckIn> checkIns = new ArrayList<>();
      for (int w = 1; w <= 12; w++) {
        v = Math.max(0, v + pace * 100 / 13 + rnd.nextDouble(-4, 4));
        checkIns.add(CheckIn.of(q.startInstant().plusSeconds(w * 7L * 86_400 + rnd.nextInt(40_000)), Math.rint(v)));
      }
      double fin = Math.rint(Math.max(v, v + pace * 100 / 13 * (90 - 84) / 7.0 + rnd.nextDouble(-4, 4)));
      KeyResult kr = new KeyResult("KR-" + c, null, null, "t", 1, List.of(), Metric.of(0, 100, null), null,
          checkIns, Result.of(fin));
      out.add(OkrCycle.of(q, List.of(Team.of("t")),
          List.of(new Objective("O-" + c, null, "t", null, null, null, List.of(kr)))));
    }
    return out;
  }

  static final List<OkrCycle> HISTORY = history(400, 5);

  /**
   * {@code cycles} as an OKR tool exports them: each key result's final value as a last check-in an hour before the
   * cycle's end and no {@code result}; with {@code keepResults}, the same check-ins and the result too.
   */
  static List<OkrCycle> exported(List<OkrCycle> cycles, boolean keepResults) {
    List<OkrCycle> out = new ArrayList<>();
    for (OkrCycle c : cycles) {
      KeyResult kr = c.keyResults().get(0);
      List<CheckIn> checkIns = new ArrayList<>(kr.checkIns());
      checkIns.add(CheckIn.of(c.cycle().endInstant().minusSeconds(3600), kr.result().finalValue()));
      KeyResult k = new KeyResult(kr.id(), null, null, "t", 1, List.of(), kr.metric(), null, checkIns,
          keepResults ? kr.result() : null);
      out.add(OkrCycle.of(c.cycle(), c.teams(), List.of(new Objective(c.objectives().get(0).id(), null, "t", null,
          null, null, List.of(k)))));
    }
    return out;
  }

  @Test
  void outcomeFromLastCheckIn_scoresAnExportWithoutResults_asTheSameHistoryWithThem() {
    List<OkrCycle> noResults = exported(HISTORY, false);
    // results only (the default): nothing to score
    assertThat(Backtest.withDefaults().run(noResults).keyResults()).isZero();
    // the last check-in, after every origin, is the outcome, and each such key result is forecast at its expected
    // last check-in (Forecaster.withOutcomeFromLastCheckIn): the report of the same history with results, forecast so
    // (without results there is nothing to compare: the run detects END and says so with no evidence)
    BacktestReport fromCheckIns = Backtest.withDefaults().withOutcomeFromLastCheckIn(true).run(noResults);
    assertThat(fromCheckIns.keyResults()).isEqualTo(400);
    assertThat(fromCheckIns.evidence()).isEqualTo(ResultTimingEvidence.NONE);
    // (which counts none of its key results as scored from their last check-in: they have results)
    Backtest atEnd = Backtest.withDefaults().withResultTiming(ResultTiming.END);
    assertThat(fromCheckIns.keyResultsFromLastCheckIn()).isEqualTo(400);
    assertThat(fromCheckIns.withEvidence(null)).isEqualTo(counting(atEnd
        .withForecaster(Forecaster.withDefaults().withOutcomeFromLastCheckIn(true)).run(exported(HISTORY, true)), 400));
    // and not that of the forecasts of the value at the end, which the key results with a result get when their
    // results are taken to be measured at the end
    BacktestReport atTheEnd = atEnd.run(exported(HISTORY, true));
    assertThat(fromCheckIns.withEvidence(null)).isNotEqualTo(atTheEnd);
    assertThat(atEnd.withOutcomeFromLastCheckIn(true).run(exported(HISTORY, true))).isEqualTo(atTheEnd);
    // a result given wins over the last check-in; a cycle with nothing to fill is itself
    OkrCycle filled = noResults.get(0).withOutcomesFromLastCheckIns();
    assertThat(filled.keyResults().get(0).result().finalValue()).isEqualTo(HISTORY.get(0).keyResults().get(0)
        .result().finalValue());
    assertThat(filled.withOutcomesFromLastCheckIns()).isSameAs(filled);
    KeyResult kr = noResults.get(0).keyResults().get(0);
    assertThat(kr.outcome(false)).isNull();
    assertThat(kr.outcome(true)).isEqualTo(kr.checkIns().get(kr.checkIns().size() - 1).value());
  }

  /**
   * A walk-forward on an export refits on the outcomes it scores: each refit's history takes the last check-ins as
   * results, so the report is that of the same history with results, forecast at the last check-ins (dated cycles,
   * one after another, so that the model is refitted: the report differs from the model's as it is).
   */
  @Test
  void outcomeFromLastCheckIn_walkForwardRefitsOnTheLastCheckIns() {
    List<OkrCycle> dated = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      OkrCycle c = HISTORY.get(i);
      LocalDate start = LocalDate.of(2016, 1, 1).plusDays(91L * i);
      Cycle q = Cycle.of("Q" + i, start, start.plusDays(89));
      long shift = q.startInstant().getEpochSecond() - c.cycle().startInstant().getEpochSecond();
      KeyResult kr = c.keyResults().get(0);
      List<CheckIn> checkIns = new ArrayList<>();
      kr.checkIns().forEach(ci -> checkIns.add(CheckIn.of(ci.at().plusSeconds(shift), ci.value())));
      dated.add(OkrCycle.of(q, c.teams(), List.of(new Objective(c.objectives().get(0).id(), null, "t", null, null,
          null, List.of(new KeyResult(kr.id(), null, null, "t", 1, List.of(), kr.metric(), null, checkIns,
              kr.result()))))));
    }
    Backtest b = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE))
        .withResultTiming(ResultTiming.END);
    BacktestReport withResults = b.withForecaster(Forecaster.withDefaults().withOutcomeFromLastCheckIn(true))
        .runWalkForward(exported(dated, true), null);
    assertThat(withResults).isNotEqualTo(b.withForecaster(Forecaster.withDefaults().withOutcomeFromLastCheckIn(true))
        .run(exported(dated, true)).withModel(withResults.model()));
    assertThat(b.withOutcomeFromLastCheckIn(true).runWalkForward(exported(dated, false), null))
        .isEqualTo(counting(withResults, 60));
  }

  /** {@code r} counting {@code n} of its key results as scored from their last check-in. */
  static BacktestReport counting(BacktestReport r, long n) {
    return new BacktestReport(r.cycles(), r.keyResults(), r.defaultMethod(), r.bestMethod(), r.scores(), r.model(),
        r.resultTiming(), r.evidence(), n);
  }

  /**
   * A company's quarters: 25 teams' cycles end on the same day each quarter. The walk-forward's refits read the
   * cycles ended in an order of their own (end date, start date, id), so the same cycles given in another order (here
   * reversed, as two files given the other way round) give the same bytes: before, ties in end date kept the order
   * given, and a refit's weights, summed in that order, moved in their last digits (a reliability bin's mean
   * probability 0.08354668699153378 against 0.08354668699153381 on a company's 300 quarters).
   */
  @Test
  void walkForward_doesNotDependOnTheOrderOfTheCycles() {
    List<OkrCycle> quarters = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      OkrCycle c = HISTORY.get(i);
      // eight quarters of 25 cycles each, 91 days apart: each quarter's cycles start and end together
      LocalDate start = LocalDate.of(2020, 1, 1).plusDays(91L * (i / 25));
      Cycle q = Cycle.of("Q" + i, start, start.plusDays(89));
      long shift = q.startInstant().getEpochSecond() - c.cycle().startInstant().getEpochSecond();
      KeyResult kr = c.keyResults().get(0);
      List<CheckIn> checkIns = new ArrayList<>();
      kr.checkIns().forEach(ci -> checkIns.add(CheckIn.of(ci.at().plusSeconds(shift), ci.value())));
      quarters.add(OkrCycle.of(q, c.teams(), List.of(new Objective(c.objectives().get(0).id(), null, "t", null, null,
          null, List.of(new KeyResult(kr.id(), null, null, "t", 1, List.of(), kr.metric(), null, checkIns,
              kr.result()))))));
    }
    List<OkrCycle> reversed = new ArrayList<>(quarters);
    java.util.Collections.reverse(reversed);
    Backtest b = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    BacktestReport given = b.runWalkForward(quarters, null);
    // refitted: the first quarter's 25 cycles use the model as it is, the other 175 a refit
    assertThat(given).isNotEqualTo(b.run(quarters).withModel(given.model()).withEvidence(null)
        .withResultTiming(given.resultTiming()));
    assertThat(BacktestJson.write(b.runWalkForward(reversed, null))).isEqualTo(BacktestJson.write(given));
  }

  /**
   * {@code HISTORY}'s cycles {@code from} to {@code from + count - 1} (one key result each) moved to a quarter of
   * {@code zone} from {@code start}, check-ins shifted with it, ids {@code prefix} and the index.
   */
  static List<OkrCycle> quarterIn(int from, int count, String prefix, LocalDate start, String zone) {
    List<OkrCycle> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      OkrCycle c = HISTORY.get(i);
      Cycle q = new Cycle(prefix + i, null, start, start.plusDays(89), java.time.ZoneId.of(zone));
      long shift = q.startInstant().getEpochSecond() - c.cycle().startInstant().getEpochSecond();
      KeyResult kr = c.keyResults().get(0);
      List<CheckIn> checkIns = new ArrayList<>();
      kr.checkIns().forEach(ci -> checkIns.add(CheckIn.of(ci.at().plusSeconds(shift), ci.value())));
      out.add(OkrCycle.of(q, c.teams(), List.of(new Objective(c.objectives().get(0).id(), null, "t", null, null,
          null, List.of(new KeyResult(kr.id(), null, null, "t", 1, List.of(), kr.metric(), null, checkIns,
              kr.result()))))));
    }
    return out;
  }

  /**
   * A walk-forward refits on the cycles that ended before a cycle started, as instants, not as dates: zones 25 hours
   * apart (Pacific/Kiritimati, UTC+14; Pacific/Pago_Pago, UTC-11) put the two orders apart.
   *
   * <p>40 quarters in Pago_Pago end on 31 March, at the start of 1 April there: 2026-04-01T11:00Z. A quarter in
   * Kiritimati starting 1 April starts at the start of 1 April there, 2026-03-31T10:00Z, 25 hours before they ended:
   * it cannot have known their outcomes, and is forecast with the model as it is (by dates, 31 March before 1 April,
   * it was forecast with a model refitted on them: "okr-default-2+fit"). The other way round, 40 quarters in
   * Kiritimati end at 2026-03-31T10:00Z and a Pago_Pago quarter starting 31 March starts at 2026-03-31T11:00Z, an hour
   * after: it is forecast with the refit (by dates, 31 March not before 31 March, it had the model as it is).
   */
  @Test
  void walkForward_comparesInstants_notDatesAcrossZones() {
    Backtest b = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE))
        .withResultTiming(ResultTiming.END);
    List<OkrCycle> west = new ArrayList<>(quarterIn(0, 40, "W", LocalDate.of(2026, 1, 1), "Pacific/Pago_Pago"));
    assertThat(west.get(0).cycle().endInstant()).isEqualTo(java.time.Instant.parse("2026-04-01T11:00:00Z"));
    west.addAll(quarterIn(40, 1, "E", LocalDate.of(2026, 4, 1), "Pacific/Kiritimati"));
    assertThat(west.get(40).cycle().startInstant()).isEqualTo(java.time.Instant.parse("2026-03-31T10:00:00Z"));
    List<BacktestForecast> seen = new ArrayList<>();
    b.runWalkForward(west, seen::add);
    // 41 cycles, one key result each, three origins: the last three forecasts are the Kiritimati quarter's
    assertThat(seen).hasSize(41 * 3);
    assertThat(seen).filteredOn(f -> f.cycleId().equals("E40")).hasSize(3)
        .allSatisfy(f -> assertThat(f.model()).isEqualTo("okr-default-2"));

    List<OkrCycle> east = new ArrayList<>(quarterIn(0, 40, "E", LocalDate.of(2026, 1, 1), "Pacific/Kiritimati"));
    assertThat(east.get(0).cycle().endInstant()).isEqualTo(java.time.Instant.parse("2026-03-31T10:00:00Z"));
    east.addAll(quarterIn(40, 1, "W", LocalDate.of(2026, 3, 31), "Pacific/Pago_Pago"));
    assertThat(east.get(40).cycle().startInstant()).isEqualTo(java.time.Instant.parse("2026-03-31T11:00:00Z"));
    seen.clear();
    b.runWalkForward(east, seen::add);
    assertThat(seen).filteredOn(f -> f.cycleId().equals("W40")).hasSize(3)
        .allSatisfy(f -> assertThat(f.model()).isEqualTo("okr-default-2+fit"));
    // the 40 before it, with nothing ended before them, the model as it is
    assertThat(seen).filteredOn(f -> !f.cycleId().equals("W40")).hasSize(40 * 3)
        .allSatisfy(f -> assertThat(f.model()).isEqualTo("okr-default-2"));
  }

  @Test
  void run_scoresEveryMethodAtEveryOrigin() {
    BacktestReport r = Backtest.withDefaults().run(HISTORY);
    assertThat(r.cycles()).isEqualTo(400);
    assertThat(r.keyResults()).isEqualTo(400);
    assertThat(r.scores()).hasSize(ForecastMethod.values().length * 3);
    assertThat(r.defaultMethod()).isEqualTo(ForecastMethod.MOVEMENT_AWARE);
    for (MethodScore s : r.scores()) {
      assertThat(s.n()).isEqualTo(400);
      assertThat(s.brier()).isBetween(0.0, 1.0);
      assertThat(s.logLoss()).isPositive();
      assertThat(s.reliability()).hasSize(10);
      assertThat(s.reliability().stream().mapToLong(ReliabilityBin::count).sum()).isEqualTo(400);
    }
    MethodScore bayes = r.score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow();
    MethodScore pace = r.score(ForecastMethod.LINEAR_PACE, 0.5).orElseThrow();
    // on steady synthetic work the pace rule is already good; the Bayes method still beats it
    assertThat(bayes.brier()).isLessThan(pace.brier());
    // the shipped hyperparameters are fitted on noisier real work: on this smooth series they over-cover
    assertThat(bayes.coverage80()).isGreaterThanOrEqualTo(0.75);
    assertThat(pace.coverage80()).isNull();
    assertThat(r.score(ForecastMethod.PLAN_PRIOR_BAYES, 0.4)).isEmpty();
  }

  @Test
  void originNearestHalf_isTheOriginBestMethodIsJudgedAt() {
    // the default origins 0.25, 0.5, 0.75: 0.5; weekly ones k/13: 6/13 (0.4615) and 7/13 (0.5385) are as near, the
    // first of the two (Backtest.Accumulator.report judges bestMethod there)
    Backtest pace = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE));
    assertThat(pace.run(HISTORY).originNearestHalf()).hasValue(0.5);
    assertThat(pace.withWeeklyOrigins().run(HISTORY).originNearestHalf().getAsDouble())
        .isEqualTo(6 / 13.0, within(1e-12));
    assertThat(new BacktestReport(0, 0, ForecastMethod.MOVEMENT_AWARE, null, List.of()).originNearestHalf()).isEmpty();
  }

  @Test
  void accumulators_mergeToTheWhole() {
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.PLAN_PRIOR_BAYES));
    BacktestReport whole = bt.run(HISTORY);
    Backtest.Accumulator a = bt.newAccumulator();
    Backtest.Accumulator b = bt.newAccumulator();
    for (int i = 0; i < HISTORY.size(); i++) {
      (i % 2 == 0 ? a : b).add(HISTORY.get(i));
    }
    BacktestReport merged = a.merge(b).report();
    for (MethodScore s : whole.scores()) {
      MethodScore m = merged.score(s.method(), s.origin()).orElseThrow();
      // the sums are exact (ExactSum), so the merged scores are the same numbers to the last bit
      assertThat(m).isEqualTo(s);
    }
    assertThatThrownBy(() -> a.merge(Backtest.withDefaults().newAccumulator()))
        .hasMessage("other must come from a backtest with the same settings (origins [0.25, 0.5, 0.75], methods "
            + "[plan-prior-bayes], stale after 14.0 days, thresholds 0.37 and 0.15, model okr-default-2): origins "
            + "[0.25, 0.5, 0.75], methods " + BacktestMergeTest.EVERY_METHOD + ", stale after 14.0 days, "
            + "thresholds 0.37 and 0.15, model okr-default-2");
  }

  /**
   * The fit recovers the spread of the rates the history was generated with: paces uniform on [0.5, 1.5] of the
   * plan, so a standard deviation of 1 / sqrt(12) = 0.289 progress per cycle; and the fitted forecaster scores better
   * on that history than the shipped hyperparameters, fitted on other data.
   */
  @Test
  void fit_recoversTheRateSpreadAndHelps() {
    Hyperparameters fitted = Backtest.withDefaults().fit(HISTORY);
    assertThat(Backtest.withDefaults().fit(HISTORY)).isEqualTo(fitted);
    assertThat(fitted.planOptimism()).isEqualTo(1.0);
    assertThat(fitted.rateSpread()).isBetween(0.2, 0.4);
    Backtest bayes = Backtest.withDefaults().withMethods(List.of(ForecastMethod.PLAN_PRIOR_BAYES));
    double brierFitted = bayes.withForecaster(Forecaster.withDefaults().withHyperparameters(fitted)).run(HISTORY)
        .score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow().brier();
    double brierShipped = bayes.withForecaster(Forecaster.withDefaults().withHyperparameters(
        Hyperparameters.defaults())).run(HISTORY).score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow().brier();
    assertThat(brierFitted).isLessThan(brierShipped);
    assertThatThrownBy(() -> Backtest.withDefaults().fit(List.of()))
        .hasMessage("history must hold at least one increase or decrease key result with a result");
  }

  /**
   * A method or origin named twice is refused, naming it: withMethods(List.of(LINEAR_PACE, LINEAR_PACE)) scored each
   * forecast twice, in two equal rows with n = 2 x 40 = 80 for the 40 key results forecast at 50% (and twice the
   * intervals), and withOrigins(0.5, 0.5) gave two equal rows for the one origin.
   */
  @Test
  void methodsAndOrigins_namedTwice_refused() {
    List<OkrCycle> history = HISTORY.subList(0, 40); // one increase key result with a result per cycle
    Backtest once = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE)).withOrigins(0.5);
    assertThat(once.run(history).scores()).singleElement().extracting(MethodScore::n).isEqualTo(40L);
    assertThatThrownBy(() -> once.withMethods(List.of(ForecastMethod.LINEAR_PACE, ForecastMethod.LINEAR_PACE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("methods must not repeat a method: linear-pace");
    assertThatThrownBy(() -> once.withOrigins(0.5, 0.25, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("fractions must not repeat: 0.5");
    assertThatThrownBy(() -> once.withMethods(java.util.Arrays.asList(ForecastMethod.OLS_TREND, null)))
        .isInstanceOf(NullPointerException.class).hasMessage("methods must not hold null");
  }

  /** A recalibration is kept only where it lowers the log loss, and then it changes the probabilities. */
  @Test
  void calibrate_keepsTheRateAndChangesTheProbabilities() {
    Hyperparameters fitted = Backtest.withDefaults().fit(HISTORY);
    Hyperparameters calibrated = Backtest.withDefaults().calibrate(HISTORY, fitted);
    assertThat(calibrated.rateSpread()).isEqualTo(fitted.rateSpread());
    assertThat(calibrated.noisePrior()).isEqualTo(fitted.noisePrior());
    Backtest bayes = Backtest.withDefaults().withMethods(List.of(ForecastMethod.PLAN_PRIOR_BAYES));
    MethodScore before = bayes.withForecaster(Forecaster.withDefaults().withHyperparameters(fitted)).run(HISTORY)
        .score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow();
    MethodScore after = bayes.withForecaster(Forecaster.withDefaults().withHyperparameters(
        fitted.withCalibration(0.5, 0.8))).run(HISTORY).score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow();
    assertThat(after.brier()).isNotEqualTo(before.brier());
    assertThat(after.coverage80()).isEqualTo(before.coverage80());
  }

  /**
   * intervals80 counts the forecasts coverage80 and width80 are over: 30 increase key results (every plan-prior-bayes
   * forecast of one gives an interval; linear-pace gives none) and 10 achieve ones (done or not: no interval from any
   * method), so n is 40 at every origin, intervals80 30 for plan-prior-bayes and 0 for linear-pace; the JSON says so.
   */
  @Test
  void run_intervals80_countsTheForecastsThatGaveAnInterval() {
    List<OkrCycle> cycles = new ArrayList<>(HISTORY.subList(0, 30));
    for (int c = 0; c < 10; c++) {
      Cycle q = Cycle.of("A" + c, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
      List<CheckIn> checkIns = new ArrayList<>();
      for (int w = 1; w <= 12; w++) {
        checkIns.add(CheckIn.of(q.startInstant().plusSeconds(w * 7L * 86_400), 0));
      }
      KeyResult kr = new KeyResult("KR-A" + c, null, null, "t", 1, List.of(), Metric.achieve(), null, checkIns,
          Result.of(c % 2));
      cycles.add(OkrCycle.of(q, List.of(Team.of("t")),
          List.of(new Objective("O-A" + c, null, "t", null, null, null, List.of(kr)))));
    }
    BacktestReport r = Backtest.withDefaults()
        .withMethods(List.of(ForecastMethod.PLAN_PRIOR_BAYES, ForecastMethod.LINEAR_PACE)).run(cycles);
    assertThat(r.keyResults()).isEqualTo(40);
    assertThat(r.scores()).hasSize(6);
    for (MethodScore s : r.scores()) {
      assertThat(s.n()).isEqualTo(40);
      if (s.method() == ForecastMethod.PLAN_PRIOR_BAYES) {
        assertThat(s.intervals80()).as("origin %s", s.origin()).isEqualTo(30);
        // a share of the 30, not of the 40
        assertThat(s.coverage80() * 30).isCloseTo(Math.rint(s.coverage80() * 30), within(1e-9));
      } else {
        assertThat(s.intervals80()).isZero();
        assertThat(s.coverage80()).isNull();
        assertThat(s.width80()).isNull();
      }
    }
    assertThat(BacktestJson.write(r)).contains("\"method\": \"plan-prior-bayes\", \"origin\": 0.5, \"n\": 40, ")
        .contains("\"intervals80\": 30, \"coverage80\": ")
        .contains("\"method\": \"linear-pace\", \"origin\": 0.5, \"n\": 40, ")
        .contains("\"intervals80\": 0, \"coverage80\": null, ");
    assertThatThrownBy(() -> new MethodScore(ForecastMethod.OLS_TREND, 0.5, 2, null, null, 3, null, null, null,
        null, null, List.of())).hasMessage("intervals80 must be within [0, n = 2]: 3");
  }

  /**
   * Quarters of uptime kept above 99%: each cycle's key result "M" has a baseline (99.5, so a span of 0.5) and, with
   * {@code twin}, its twin "N" has the same check-ins and result but no baseline (a maintain key result as most are
   * written: no span to divide a width by). Weekly check-ins wander around 99.2; the result is the last one.
   */
  static List<OkrCycle> uptime(int count, long seed, boolean twin) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OkrCycle> out = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      Cycle q = Cycle.of("U" + c, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
      List<CheckIn> checkIns = new ArrayList<>();
      double v = 99.2;
      for (int w = 1; w <= 12; w++) {
        v = Math.min(100, Math.max(98, v + rnd.nextDouble(-0.15, 0.15)));
        checkIns.add(CheckIn.of(q.startInstant().plusSeconds(w * 7L * 86_400), Math.rint(v * 100) / 100));
      }
      Result result = Result.of(checkIns.get(11).value());
      List<KeyResult> krs = new ArrayList<>();
      krs.add(new KeyResult("M" + c, null, null, "t", 1, List.of(),
          new Metric(99.5, 99, org.okrengine.model.Direction.MAINTAIN_ABOVE, "%"), null, checkIns, result));
      if (twin) {
        krs.add(new KeyResult("N" + c, null, null, "t", 1, List.of(),
            new Metric(null, 99, org.okrengine.model.Direction.MAINTAIN_ABOVE, "%"), null, checkIns, result));
      }
      out.add(OkrCycle.of(q, List.of(Team.of("t")), List.of(new Objective("O" + c, null, "t", null, null, null,
          krs))));
    }
    return out;
  }

  /**
   * width80 is a mean over the intervals that have a width: those of a key result with a span. The twins without a
   * baseline ("N") give intervals (counted in intervals80 and coverage80) but no width, so the history with twins
   * scores width80 as the one without them: the mean of (high - low) / 0.5 over the "M" forecasts alone. Before, each
   * twin's interval added a width of 0 to a mean over all the intervals80: half that (as many twins as "M"s).
   */
  @Test
  void run_width80_isOverTheIntervalsOfKeyResultsWithASpan() {
    Backtest b = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE, ForecastMethod.MOVEMENT_AWARE))
        .withResultTiming(ResultTiming.END);
    List<BacktestForecast> forecasts = new ArrayList<>();
    BacktestReport twins = b.run(uptime(40, 11, true), forecasts::add);
    BacktestReport alone = b.run(uptime(40, 11, false));
    assertThat(twins.keyResults()).isEqualTo(80);
    for (MethodScore s : twins.scores()) {
      MethodScore m = alone.score(s.method(), s.origin()).orElseThrow();
      // every maintain forecast gives an interval with these methods: 40 "M"s and 40 "N"s
      assertThat(m.intervals80()).as("%s %s", s.method(), s.origin()).isEqualTo(40);
      assertThat(s.intervals80()).isEqualTo(80);
      // the mean of (high - low) / 0.5 over the 40 forecasts of the "M"s at this origin, which the listener saw
      double expected = forecasts.stream().filter(f -> f.method() == s.method() && f.origin() == s.origin()
          && f.keyResultId().startsWith("M")).mapToDouble(f -> (f.interval().high() - f.interval().low()) / 0.5)
          .sum() / 40;
      assertThat(expected).isPositive();
      assertThat(s.width80()).as("%s %s", s.method(), s.origin()).isCloseTo(expected, within(1e-12))
          .isEqualTo(m.width80());
      // coverage80 stays over all 80: a share of 80, the "N"s covered as often as the "M"s (same values)
      assertThat(s.coverage80() * 80).isCloseTo(Math.rint(s.coverage80() * 80), within(1e-9));
    }
    // the twins alone: intervals to cover, none with a width
    BacktestReport noSpan = b.run(uptime(40, 11, true).stream().map(c -> OkrCycle.of(c.cycle(), c.teams(),
        List.of(new Objective(c.objectives().get(0).id(), null, "t", null, null, null,
            List.of(c.keyResults().get(1)))))).toList());
    MethodScore pace = noSpan.score(ForecastMethod.LINEAR_PACE, 0.5).orElseThrow();
    assertThat(pace.intervals80()).isEqualTo(40);
    assertThat(pace.coverage80()).isNotNull();
    assertThat(pace.width80()).isNull();
    assertThat(BacktestJson.write(noSpan)).contains("\"intervals80\": 40, \"coverage80\": " + pace.coverage80()
        + ", \"width80\": null, ");
  }

  /**
   * A history exported without results, scored against its last check-ins: the report counts every key result as
   * scored from its last check-in (each forecast there), though resultTiming stays END (when the results, of which
   * there are none, were taken); 100 of 400 exported without results among 300 with them count 100; without the
   * option, none.
   */
  @Test
  void outcomeFromLastCheckIn_reportCountsTheKeyResultsScoredFromTheirLastCheckIn() {
    Backtest b = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    BacktestReport none = b.withOutcomeFromLastCheckIn(true).run(exported(HISTORY, false));
    assertThat(none.keyResults()).isEqualTo(400);
    assertThat(none.keyResultsFromLastCheckIn()).isEqualTo(400);
    assertThat(none.resultTiming()).isEqualTo(ResultTiming.END);
    assertThat(BacktestJson.write(none)).contains("\"keyResults\": 400,\n  \"keyResultsFromLastCheckIn\": 400,\n");
    List<OkrCycle> some = new ArrayList<>(exported(HISTORY.subList(0, 100), false));
    some.addAll(HISTORY.subList(100, 400));
    assertThat(b.withOutcomeFromLastCheckIn(true).run(some).keyResultsFromLastCheckIn()).isEqualTo(100);
    // walk-forward (the cycles all start together: nothing ended before any, so the model as it is) counts them too
    assertThat(b.withOutcomeFromLastCheckIn(true).runWalkForward(some, null).keyResultsFromLastCheckIn())
        .isEqualTo(100);
    BacktestReport results = b.run(HISTORY);
    assertThat(results.keyResultsFromLastCheckIn()).isZero();
    assertThat(BacktestJson.write(results)).contains("\"keyResultsFromLastCheckIn\": 0,\n");
    // at most keyResults; the constructors before it count none
    assertThatThrownBy(() -> new BacktestReport(1, 1, ForecastMethod.MOVEMENT_AWARE, null, List.of(), null,
        ResultTiming.END, null, 2)).hasMessage("keyResultsFromLastCheckIn must be within [0, keyResults = 1]: 2");
    assertThat(new BacktestReport(1, 1, ForecastMethod.MOVEMENT_AWARE, null, List.of(), null, ResultTiming.END, null)
        .keyResultsFromLastCheckIn()).isZero();
  }

  /** coverage80 and width80 score 80% intervals whatever level the forecaster given to the backtest has. */
  @Test
  void run_scoresEightyPercentIntervals_whateverTheForecastersLevel() {
    Backtest b = Backtest.withDefaults().withMethods(List.of(ForecastMethod.PLAN_PRIOR_BAYES));
    MethodScore at80 = b.run(HISTORY).score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow();
    MethodScore at50 = b.withForecaster(Forecaster.withDefaults().withLevel(0.5)).run(HISTORY)
        .score(ForecastMethod.PLAN_PRIOR_BAYES, 0.5).orElseThrow();
    assertThat(at50.coverage80()).isEqualTo(at80.coverage80());
    assertThat(at50.width80()).isEqualTo(at80.width80());
  }

  /** Every backtest names the model it forecast with, in the report and its JSON; a walk-forward one says so. */
  @Test
  void report_namesTheModel() {
    Backtest b = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    BacktestReport r = b.run(HISTORY.subList(0, 30));
    assertThat(r.model()).isEqualTo("okr-default-2");
    assertThat(BacktestJson.write(r)).contains("\n  \"model\": \"okr-default-2\",\n");
    assertThat(b.runWalkForward(HISTORY.subList(0, 30), null).model()).isEqualTo("okr-default-2+walk-forward");
    ForecastModel named = ForecastModel.defaults().withName("acme-2026");
    assertThat(b.withForecaster(Forecaster.withDefaults().withModel(named)).run(HISTORY.subList(0, 5)).model())
        .isEqualTo("acme-2026");
  }

  @Test
  void origins_weeklyAndValidated() {
    assertThat(Backtest.withDefaults().withWeeklyOrigins().origins()).hasSize(12);
    assertThat(Backtest.withDefaults().withOrigins(0.75, 0.25).origins()).containsExactly(0.25, 0.75);
    assertThatThrownBy(() -> Backtest.withDefaults().withOrigins()).hasMessage("fractions must not be empty");
    assertThatThrownBy(() -> Backtest.withDefaults().withOrigins(1.0)).hasMessage("fractions must be within (0, 1): 1.0");
    assertThatThrownBy(() -> Backtest.withDefaults().withMethods(List.of())).hasMessage("methods must not be empty");
  }
}
