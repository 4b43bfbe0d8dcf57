package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Direction;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/**
 * When a history's results were taken ({@link ResultTiming}, {@link ResultTimingEvidence}): the shared families,
 * measured at the end, are told apart from an OKR tool's export, whose results are its last check-ins; a backtest
 * forecasts what the results record.
 */
class ResultTimingTest {
  /**
   * Company-like quarters of three key results each, {@code days} days apart: check-ins every one to four weeks from
   * the second week, values that move in steps (a release, a deal), the last check-in zero to four weeks before the
   * end, and the result taken from it ({@code lastCheckInIsResult}) or, else, the value a week of work later.
   */
  static List<OkrCycle> companyQuarters(int count, long seed, boolean lastCheckInIsResult) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<OkrCycle> out = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      LocalDate start = LocalDate.of(2020, 1, 1).plusDays(91L * c);
      Cycle q = Cycle.of("Q" + c, start, start.plusDays(90));
      List<KeyResult> krs = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        double pace = rnd.nextDouble(0.3, 1.6) * 100 / 13; // per week
        List<CheckIn> checkIns = new ArrayList<>();
        double v = 0;
        int day = 7 * (1 + rnd.nextInt(2));
        int lastDay = 91 - 7 * rnd.nextInt(5);
        double owed = 0;
        while (day < lastDay) {
          int gap = 7 * (1 + rnd.nextInt(4));
          owed += pace * gap / 7;
          if (rnd.nextDouble() < 0.5) { // a step: the work done since the last one lands at once
            v += owed;
            owed = 0;
          }
          checkIns.add(CheckIn.of(q.startInstant().plusSeconds(day * 86_400L), Math.rint(v)));
          day += gap;
        }
        double last = checkIns.get(checkIns.size() - 1).value();
        double result = lastCheckInIsResult ? last : Math.rint(v + owed + pace);
        krs.add(new KeyResult("KR-" + c + "-" + k, null, null, "t", 1, List.of(), Metric.of(0, 100, null), null,
            checkIns, Result.of(result)));
      }
      out.add(OkrCycle.of(q, List.of(Team.of("t")), List.of(new Objective("O-" + c, null, "t", null, null, null,
          krs))));
    }
    return out;
  }

  /** One cycle of one key result: a check-in of {@code last} on {@code lastDay} (of 0 to 90), result {@code result}. */
  static OkrCycle one(int lastDay, double last, Double result) {
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    KeyResult kr = new KeyResult("KR", null, null, "t", 1, List.of(), Metric.of(0, 100, null), null,
        List.of(CheckIn.of(q.startInstant().plusSeconds(20 * 86_400L), 10),
            CheckIn.of(q.startInstant().plusSeconds(lastDay * 86_400L), last)),
        result == null ? null : Result.of(result));
    return OkrCycle.of(q, List.of(Team.of("t")), List.of(new Objective("O", null, "t", null, null, null,
        List.of(kr))));
  }

  static List<OkrCycle> times(int n, OkrCycle c) {
    List<OkrCycle> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(c);
    }
    return out;
  }

  @Test
  void evidence_lastCheckInWhereNinetyPercentOfTenOrMoreAgree() {
    OkrCycle equal = one(70, 40, 40.0);
    OkrCycle moved = one(70, 40, 47.0);
    List<OkrCycle> nineOfTen = times(9, equal);
    nineOfTen.add(moved);
    assertThat(ResultTimingEvidence.of(nineOfTen)).isEqualTo(new ResultTimingEvidence(10, 9));
    assertThat(ResultTimingEvidence.of(nineOfTen).timing()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    List<OkrCycle> eightOfTen = times(8, equal);
    eightOfTen.addAll(times(2, moved));
    assertThat(ResultTimingEvidence.of(eightOfTen).timing()).isEqualTo(ResultTiming.END);
    // too few to say: the end
    assertThat(ResultTimingEvidence.of(times(9, equal)).timing()).isEqualTo(ResultTiming.END);
    // compared only where the last check-in came before the cycle's last day (31 Mar, day 89: a check-in that day is
    // as good as the end), and a result is given
    assertThat(ResultTimingEvidence.of(one(88, 40, 40.0))).isEqualTo(new ResultTimingEvidence(1, 1));
    assertThat(ResultTimingEvidence.of(one(89, 40, 40.0))).isEqualTo(ResultTimingEvidence.NONE);
    assertThat(ResultTimingEvidence.of(one(90, 40, 40.0))).isEqualTo(ResultTimingEvidence.NONE);
    assertThat(ResultTimingEvidence.of(one(70, 40, null))).isEqualTo(ResultTimingEvidence.NONE);
    // equal to nine digits: a value written and read back (0.1 + 0.2 is 0.30000000000000004)
    assertThat(ResultTimingEvidence.of(one(70, 0.1 + 0.2, 0.3))).isEqualTo(new ResultTimingEvidence(1, 1));
    // or within a thousandth of the way from baseline to target (0 to 100 here: 0.1), a result exported rounded
    assertThat(ResultTimingEvidence.of(one(70, 33.33, 33.3))).isEqualTo(new ResultTimingEvidence(1, 1));
    assertThat(ResultTimingEvidence.of(one(70, 40, 40.09))).isEqualTo(new ResultTimingEvidence(1, 1));
    assertThat(ResultTimingEvidence.of(one(70, 40, 40.11))).isEqualTo(new ResultTimingEvidence(1, 0));
    assertThatThrownBy(() -> new ResultTimingEvidence(3, 4)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("equal must be within [0, compared]: compared 3, equal 4");
    assertThat(ResultTiming.fromId("last-check-in")).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(ResultTiming.fromId("End")).isNull();
  }

  /** The shared families' results were measured at the end: most differ from the last check-in before it. */
  @Test
  void evidence_sharedFamilies_end() {
    String dir = System.getProperty("okr.shared.data");
    Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "../shared/data is absent");
    // counts as a Python count over the files gives them (key results whose last check-in is at least a day before
    // the end date, and of those the ones whose result is within a thousandth of the span of it: one TAWOS quarter of
    // a span over 1,000 issues differs by one; the TSE line 890 the reader refuses left out):
    // TAWOS 606 of 1,197 quarters check in last on their last day (left out), 591 five or six days before it
    ResultTimingEvidence tawos = ResultTimingEvidence.of(
        BacktestRealDataTest.read(Path.of(dir, "tawos-quarterly-throughput.jsonl")));
    assertThat(tawos).isEqualTo(new ResultTimingEvidence(591, 57));
    assertThat(tawos.timing()).isEqualTo(ResultTiming.END);
    ResultTimingEvidence tse = ResultTimingEvidence.of(BacktestRealDataTest.read(Path.of(dir, "tse2017-sprints.jsonl")));
    assertThat(tse).isEqualTo(new ResultTimingEvidence(1440, 629));
    assertThat(tse.timing()).isEqualTo(ResultTiming.END);
  }

  @Test
  void run_detectsAnExport_andForecastsTheLastCheckIn() {
    List<OkrCycle> export = companyQuarters(120, 7, true);
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE,
        ForecastMethod.PLAN_PRIOR_BAYES));
    BacktestReport detected = bt.run(export);
    assertThat(detected.resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(detected.evidence()).isEqualTo(new ResultTimingEvidence(360, 360));
    BacktestReport atLast = bt.withResultTiming(ResultTiming.LAST_CHECK_IN).run(export);
    assertThat(detected.withEvidence(null)).isEqualTo(atLast);
    BacktestReport atEnd = bt.withResultTiming(ResultTiming.END).run(export);
    assertThat(atEnd.resultTiming()).isEqualTo(ResultTiming.END);
    assertThat(atEnd.evidence()).isNull();
    // forecasting the value the result records scores better than forecasting the end, at every origin
    for (ForecastMethod m : bt.methods()) {
      for (double o : bt.origins()) {
        assertThat(atLast.score(m, o).orElseThrow().brier()).as("%s at %s", m, o)
            .isLessThan(atEnd.score(m, o).orElseThrow().brier());
      }
    }
    // and the same quarters measured at the end (a week of work after the last check-in) are forecast at the end
    List<OkrCycle> measured = companyQuarters(120, 7, false);
    BacktestReport endDetected = bt.run(measured);
    assertThat(endDetected.resultTiming()).isEqualTo(ResultTiming.END);
    assertThat(endDetected.withEvidence(null)).isEqualTo(bt.withResultTiming(ResultTiming.END).run(measured));
  }

  @Test
  void landings_lowerAtTheLastCheckIn_forKeyResultsStillClimbing() {
    List<OkrCycle> export = companyQuarters(40, 11, true);
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE)).withOrigins(0.5);
    List<BacktestForecast> atEnd = new ArrayList<>();
    List<BacktestForecast> atLast = new ArrayList<>();
    bt.withResultTiming(ResultTiming.END).run(export, atEnd::add);
    bt.run(export, atLast::add);
    assertThat(atLast).hasSameSizeAs(atEnd).hasSize(120);
    int lower = 0;
    for (int i = 0; i < atEnd.size(); i++) {
      assertThat(atLast.get(i).keyResultId()).isEqualTo(atEnd.get(i).keyResultId());
      assertThat(atLast.get(i).landingValue()).isLessThanOrEqualTo(atEnd.get(i).landingValue() + 1e-9);
      lower += atLast.get(i).landingValue() < atEnd.get(i).landingValue() - 1e-9 ? 1 : 0;
    }
    assertThat(lower).isGreaterThan(100);
  }

  /**
   * A forecast says it was made at the expected last check-in only where it was: with no check-in after the start seen
   * there is no gap to place that check-in by ({@link Forecaster#expectedLastCheckIn} is null), and the forecast is of
   * the end. Before, every forecast of a backtest forecasting at the last check-in said so: all 1,533 rows at the 25%
   * origin of the TSE company-like variant ({@code --results-at last-check-in --per-forecast}), whose sprints have
   * only the check-in of their first day by then, read {@code last-check-in} with the end's very numbers.
   */
  @Test
  void forecast_atLastCheckIn_onlyWhereTheForecastWasMadeThere() {
    // check-ins on days 20 and 70 of the 90-day quarter: at 10% (day 9) none seen, at 50% (day 45) the one of day 20
    OkrCycle c = one(70, 40, 40.0);
    KeyResult kr = c.keyResults().get(0);
    Backtest bt = Backtest.withDefaults().withOrigins(0.1, 0.5);
    List<BacktestForecast> last = new ArrayList<>();
    List<BacktestForecast> end = new ArrayList<>();
    bt.withResultTiming(ResultTiming.LAST_CHECK_IN).run(List.of(c), last::add);
    bt.withResultTiming(ResultTiming.END).run(List.of(c), end::add);
    assertThat(last).hasSameSizeAs(end).hasSize(2 * ForecastMethod.values().length);
    assertThat(Forecaster.expectedLastCheckIn(kr, c.cycle(), c.cycle().instantAtFraction(0.1))).isNull();
    assertThat(Forecaster.expectedLastCheckIn(kr, c.cycle(), c.cycle().instantAtFraction(0.5))).isNotNull();
    for (int i = 0; i < last.size(); i++) {
      BacktestForecast l = last.get(i);
      BacktestForecast e = end.get(i);
      assertThat(e.atLastCheckIn()).isFalse();
      if (l.origin() == 0.1) {
        // the end's forecast, and said to be
        assertThat(l.atLastCheckIn()).as(l.method().id()).isFalse();
        assertThat(l.probability()).isEqualTo(e.probability());
        assertThat(l.landingValue()).isEqualTo(e.landingValue());
      } else {
        assertThat(l.atLastCheckIn()).as(l.method().id()).isTrue();
      }
    }
  }

  /**
   * A walk-forward decides each cycle's timing from the cycles ended before it: the first (no history) and the second
   * (three key results compared, fewer than ten) at the end, then at the last check-in.
   */
  @Test
  void walkForward_decidesPerCycle_fromTheCyclesEndedBefore() {
    List<OkrCycle> export = companyQuarters(12, 3, true);
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    List<BacktestForecast> detected = new ArrayList<>();
    List<BacktestForecast> atEnd = new ArrayList<>();
    List<BacktestForecast> atLast = new ArrayList<>();
    BacktestReport r = bt.runWalkForward(export, detected::add);
    assertThat(r.resultTiming()).isEqualTo(ResultTiming.DETECT);
    assertThat(r.evidence()).isNull();
    assertThat(bt.withResultTiming(ResultTiming.END).runWalkForward(export, atEnd::add).resultTiming())
        .isEqualTo(ResultTiming.END);
    assertThat(bt.withResultTiming(ResultTiming.LAST_CHECK_IN).runWalkForward(export, atLast::add).resultTiming())
        .isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(detected).hasSize(12 * 3 * 3);
    for (int i = 0; i < detected.size(); i++) {
      // quarters 0 to 3 ended before Q4 started: 12 key results compared from Q4 on (Q1 saw 3, Q2 6, Q3 9)
      int cycle = Integer.parseInt(detected.get(i).cycleId().substring(1));
      assertThat(detected.get(i)).as("forecast %d of Q%d", i, cycle).isEqualTo(cycle < 4 ? atEnd.get(i) : atLast.get(i));
    }
  }

  /** A maintain-above key result whose result is its last check-in, 30 days before the end. */
  static OkrCycle maintainCycle() {
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    List<CheckIn> cis = new ArrayList<>();
    double[] v = {99.5, 99.1, 98.9, 99.2, 98.7};
    for (int i = 0; i < v.length; i++) {
      cis.add(CheckIn.of(q.startInstant().plusSeconds((5 + 12L * i) * 86_400L), v[i]));
    }
    Metric m = new Metric(null, 99.0, Direction.MAINTAIN_ABOVE, null);
    KeyResult kr = new KeyResult("KR", null, null, "t", 1, List.of(), m, null, cis, Result.of(98.7));
    return OkrCycle.of(q, List.of(Team.of("t")), List.of(new Objective("O", null, "t", null, null, null,
        List.of(kr))));
  }

  /**
   * Every key result is forecast at its expected last check-in, maintain and achieve ones too (a review found them
   * forecast at the end either way). At 50% (day 45 of 90) the maintain key result has checked in on days 5, 17, 29
   * and 41, last at 99.2 against at least 99: its walk wanders 49 days to the end, 43.875 to its expected last
   * check-in (four check-ins after the start by day 41: a mean gap of 10.25 days, half of it before the end), so its
   * chance of holding is higher there.
   */
  @Test
  void maintain_forecastAtLastCheckIn_differsFromEnd() {
    List<OkrCycle> one = List.of(maintainCycle());
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE)).withOrigins(0.5);
    List<BacktestForecast> end = new ArrayList<>();
    List<BacktestForecast> last = new ArrayList<>();
    bt.withResultTiming(ResultTiming.END).run(one, end::add);
    bt.withResultTiming(ResultTiming.LAST_CHECK_IN).run(one, last::add);
    assertThat(last.get(0).probability()).as("maintain forecast at last check-in vs at end")
        .isGreaterThan(end.get(0).probability());
  }

  /**
   * A walk-forward names where its scored forecasts were made: a quarter without results (nothing scored) that came
   * after enough history to detect does not make it "mixed" (a review found it did).
   */
  @Test
  void walkForward_cycleWithNothingScored_doesNotMakeTheReportMixed() {
    List<OkrCycle> cycles = new ArrayList<>(ResultTimingTest.companyQuarters(6, 7, true).subList(0, 5));
    // the last quarter: the same key results without results (nothing scored)
    OkrCycle lastQ = ResultTimingTest.companyQuarters(6, 7, true).get(5);
    List<KeyResult> noResult = new ArrayList<>();
    for (KeyResult kr : lastQ.keyResults()) {
      noResult.add(new KeyResult(kr.id(), null, null, "t", 1, List.of(), kr.metric(), null, kr.checkIns(), null));
    }
    cycles.add(OkrCycle.of(lastQ.cycle(), List.of(Team.of("t")), List.of(new Objective("O-x", null, "t", null, null,
        null, noResult))));
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    // the first 4 quarters see fewer than 10 compared key results (3 each): END; the 5th sees 12: LAST_CHECK_IN;
    // drop the 5th's results too: then every scored forecast was at the end
    List<OkrCycle> fourScored = new ArrayList<>(cycles.subList(0, 4));
    fourScored.add(cycles.get(5));
    BacktestReport r = bt.runWalkForward(fourScored, null);
    BacktestReport atEnd = bt.withResultTiming(ResultTiming.END).runWalkForward(fourScored, null);
    assertThat(BacktestJson.write(r.withResultTiming(ResultTiming.END))).isEqualTo(BacktestJson.write(atEnd));
    assertThat(r.resultTiming()).as("every scored forecast was at the end").isEqualTo(ResultTiming.END);
  }

  /** A timing given is the report's, whatever was scored. */
  @Test
  void walkForward_lastCheckInGiven_noCycles() {
    BacktestReport r = Backtest.withDefaults().withResultTiming(ResultTiming.LAST_CHECK_IN)
        .runWalkForward(List.of(), null);
    assertThat(r.resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
  }

  /**
   * An achieve key result not done yet must be done by the outcome's instant: at its expected last check-in, less of
   * the time to do it is left than at the end (Forecaster.notDoneYet of the time gone over that instant).
   */
  @Test
  void achieve_forecastAtLastCheckIn_lowerThanAtTheEnd() {
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    List<CheckIn> cis = new ArrayList<>();
    for (int day : new int[] {14, 28, 42}) {
      cis.add(CheckIn.of(q.startInstant().plusSeconds(day * 86_400L), 0));
    }
    KeyResult kr = new KeyResult("KR", null, null, "t", 1, List.of(), Metric.achieve(), null, cis, Result.of(0));
    OkrCycle c = OkrCycle.of(q, List.of(Team.of("t")), List.of(new Objective("O", null, "t", null, null, null,
        List.of(kr))));
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE)).withOrigins(0.5);
    List<BacktestForecast> end = new ArrayList<>();
    List<BacktestForecast> last = new ArrayList<>();
    bt.withResultTiming(ResultTiming.END).run(List.of(c), end::add);
    bt.withResultTiming(ResultTiming.LAST_CHECK_IN).run(List.of(c), last::add);
    // the end: notDoneYet(0.5, 0.5) = 0.5 (1 - q) / (1 - 0.5 q), q = 0.5^2.7 = 0.1539: 0.4583; at the last check-in
    // expected 7 days before the end (three check-ins 14 days apart from day 0: half a gap), 0.5 / (83 / 90) of it
    assertThat(end.get(0).probability()).isCloseTo(0.4583, within(1e-4));
    double q2 = Math.pow(0.5 / (83.0 / 90), 2.7);
    assertThat(last.get(0).probability()).isCloseTo(0.5 * (1 - q2) / (1 - 0.5 * q2), within(1e-9))
        .isLessThan(end.get(0).probability());
  }

  /**
   * An {@code Iterable} that gives its elements only once (a stream's iterator) is read into a list before the two
   * passes of detection: the same report as the list's, not an empty second pass.
   */
  @Test
  void run_oneShotIterable_sameReportAsTheList() {
    List<OkrCycle> export = companyQuarters(20, 5, true);
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE));
    java.util.Iterator<OkrCycle> once = export.iterator();
    Iterable<OkrCycle> oneShot = () -> once;
    BacktestReport r = bt.run(oneShot);
    assertThat(r).isEqualTo(bt.run(export));
    assertThat(r.keyResults()).isEqualTo(60);
    assertThat(r.resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
  }

  /**
   * Past its expected last check-in with no check-in since, an achieve key result is not certain to miss: the last
   * check-in is still to come (a review found 0). Check-ins on days 18 and 36 of 90: a mean gap of 18 days, the last
   * expected on day 81; forecast on day 83.08 (12/13 of the cycle), that instant is no earlier than halfway from now
   * to the end, 0.9615 of the cycle.
   */
  @Test
  void achieve_pastItsExpectedLastCheckIn_stillPossible() {
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
    KeyResult kr = new KeyResult("KR", null, null, "t", 1, List.of(), Metric.achieve(), null,
        List.of(CheckIn.of(q.startInstant().plusSeconds(18 * 86_400L), 0),
            CheckIn.of(q.startInstant().plusSeconds(36 * 86_400L), 0)), Result.of(0));
    OkrCycle c = OkrCycle.of(q, List.of(Team.of("t")), List.of(new Objective("O", null, "t", null, null, null,
        List.of(kr))));
    List<BacktestForecast> last = new ArrayList<>();
    Backtest.withDefaults().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE)).withOrigins(12 / 13.0)
        .withResultTiming(ResultTiming.LAST_CHECK_IN).run(List.of(c), last::add);
    double gone = 12 / 13.0;
    double q2 = Math.pow(gone / ((1 + gone) / 2), 2.7);
    assertThat(last.get(0).probability()).isCloseTo(0.5 * (1 - q2) / (1 - 0.5 * q2), within(1e-9))
        .isGreaterThan(0.05);
  }
}
