package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.cli.OkrTest.ROOT;
import static org.okrengine.cli.OkrTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.forecast.Backtest;
import org.okrengine.forecast.BacktestForecast;
import org.okrengine.forecast.BacktestJson;
import org.okrengine.forecast.BacktestReport;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/** {@code okr backtest --walk-forward}, {@code --per-forecast} and {@code --plot}. */
class BacktestCommandTest {
  static final Path Q2 = ROOT.resolve("examples/acme-2026-q2.json");

  /** The example's previous quarter, then the same quarter a year later (both with results), as JSON Lines. */
  static Path twoYears(Path dir) throws IOException {
    String q2 = Files.readString(Q2).replace("\n", " ");
    Path f = dir.resolve("two-years.jsonl");
    Files.writeString(f, q2.replace("2026-", "2027-") + "\n" + q2 + "\n"); // later first: walk-forward sorts
    return f;
  }

  /** Two copies of the quarter with the same dates (as cycles without real dates), as JSON Lines. */
  static Path sameDates(Path dir) throws IOException {
    String q2 = Files.readString(Q2).replace("\n", " ");
    Path f = dir.resolve("same-dates.jsonl");
    Files.writeString(f, q2 + "\n" + q2.replace("\"id\": \"2026-Q2\"", "\"id\": \"2026-Q2-copy\"") + "\n");
    return f;
  }

  /** The rows of a CSV without quoted fields, each split at commas. */
  static List<String[]> rows(Path csv) throws IOException {
    String text = Files.readString(csv);
    assertThat(text).endsWith("\r\n").doesNotContain("\"");
    return text.lines().skip(1).map(l -> l.split(",", -1)).toList();
  }

  @Test
  void walkForward_laterCycleGetsTheModelFittedOnTheEarlier(@TempDir Path dir) throws IOException {
    Path history = twoYears(dir);
    Path csv = dir.resolve("forecasts.csv");
    OkrTest.Run r = run("backtest", history.toString(), "--walk-forward", "--per-forecast", csv.toString(),
        "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    // model per cycle in the rows: 2026 has nothing before it, 2027 gets the fit on 2026
    Map<String, String> modelByCycle = new TreeMap<>();
    for (String[] row : rows(csv)) {
      String before = modelByCycle.put(row[0], row[4]);
      assertThat(before == null || before.equals(row[4])).isTrue();
    }
    assertThat(modelByCycle).containsExactly(Map.entry("2026-Q2", "okr-default-2"),
        Map.entry("2027-Q2", "okr-default-2+fit"));
    // the report is what Backtest.runWalkForward gives, which differs from the plain backtest
    List<OkrCycle> cycles = new ArrayList<>();
    CycleJson.withDefaults().lines(history).forEach(l -> cycles.add(l.cycle()));
    BacktestReport expected = Backtest.withDefaults().runWalkForward(cycles, null);
    assertThat(r.out()).isEqualTo(BacktestJson.write(expected))
        .isNotEqualTo(run("backtest", history.toString(), "--format", "json").out());
    assertThat(run("backtest", history.toString(), "--walk-forward").out())
        .contains("\nforecast model: okr-default-2 (fitted on 2,730 key results of 2,730 cycles from 2000-01-03 to "
            + "2020-09-30), refitted before each cycle on the cycles that ended before it started\n");
  }

  @Test
  void walkForward_cyclesWithoutRealDates_getTheModelAsItIs(@TempDir Path dir) throws IOException {
    Path history = sameDates(dir);
    Path csv = dir.resolve("forecasts.csv");
    OkrTest.Run r = run("backtest", history.toString(), "--walk-forward", "--per-forecast", csv.toString(),
        "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(rows(csv).stream().map(row -> row[4]).distinct().toList()).containsExactly("okr-default-2");
    // the same scores; only the model's name says it was a walk-forward run. Neither cycle ended before the other
    // started, so none had a history to say when results are taken: the end (a run over both detects the example's
    // results as its last check-ins)
    assertThat(r.out()).contains("\"model\": \"okr-default-2+walk-forward\"").contains("\"resultTiming\": \"end\"");
    assertThat(r.out().replace("okr-default-2+walk-forward", "okr-default-2"))
        .isEqualTo(run("backtest", history.toString(), "--format", "json", "--results-at", "end").out());
  }

  /**
   * The example's results are its key results' last check-ins (30 of 30, each before the end), as an OKR tool
   * records them: the backtest detects it and forecasts every key result at its expected last check-in, and says so;
   * {@code --results-at} overrides it.
   */
  @Test
  void resultsAt_detectsLastCheckIns_saysSo_andCanBeGiven() throws IOException {
    OkrTest.Run detected = run("backtest", Q2.toString(), "--format", "json");
    assertThat(detected.code()).as(detected.err()).isZero();
    assertThat(detected.err()).isEmpty();
    assertThat(detected.out()).contains("  \"resultTiming\": \"last-check-in\",\n"
        + "  \"resultTimingEvidence\": {\"compared\": 30, \"equal\": 30},\n");
    List<OkrCycle> q2 = List.of(CycleJson.withDefaults().read(Q2).cycle());
    assertThat(detected.out()).isEqualTo(BacktestJson.write(Backtest.withDefaults().run(q2)));
    OkrTest.Run given = run("backtest", Q2.toString(), "--format", "json", "--results-at", "last-check-in");
    assertThat(given.out()).isEqualTo(detected.out().replace(
        "  \"resultTimingEvidence\": {\"compared\": 30, \"equal\": 30},\n", ""));
    OkrTest.Run atEnd = run("backtest", Q2.toString(), "--format", "json", "--results-at", "end");
    assertThat(atEnd.out()).contains("\"resultTiming\": \"end\"").doesNotContain("resultTimingEvidence")
        .isEqualTo(BacktestJson.write(Backtest.withDefaults().withResultTiming(ResultTiming.END).run(q2)));
    // the text says where it forecast
    assertThat(run("backtest", Q2.toString()).out()).contains("\nforecast at: each key result's expected last "
        + "check-in (results taken at the last check-in: 30 of 30 compared)\n");
    assertThat(run("backtest", Q2.toString(), "--results-at", "end").out()).doesNotContain("forecast at:");
    // where results were measured at the end, the evidence is said too (the TSE sprints' counts,
    // ResultTimingTest.evidence_sharedFamilies_end)
    BacktestReport sprints = new BacktestReport(1533, 1533, ForecastMethod.MOVEMENT_AWARE, null, List.of(), null,
        ResultTiming.END, new org.okrengine.forecast.ResultTimingEvidence(1440, 629));
    assertThat(BacktestCommand.forecastAt(sprints)).isEqualTo("the cycle's end (results measured at the end: "
        + "629 of 1,440 compared equal their last check-in)");
    // key results without a result, scored against their last check-in, are forecast there: said (the example's Q3
    // has no results, so nothing was compared)
    assertThat(run("backtest", ROOT.resolve("examples/acme-2026-q3.json").toString(), "--outcome-from-last-check-in")
        .out()).contains("\nforecast at: the 30 key results without a result at their expected last check-in, "
        + "which they are scored against\n");
    // and where every key result has a result, the flag forecasts none there: nothing said of them (Q2's results
    // are its last check-ins: the timing alone)
    assertThat(run("backtest", Q2.toString(), "--outcome-from-last-check-in").out()).contains("\nforecast at: each key "
        + "result's expected last check-in (results taken at the last check-in: 30 of 30 compared)\n");
    assertThat(run("backtest", Q2.toString(), "--outcome-from-last-check-in", "--results-at", "end").out())
        .doesNotContain("forecast at:");
    OkrTest.Run bad = run("backtest", Q2.toString(), "--results-at", "later");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--results-at: must be detect, end or last-check-in: 'later'");
  }

  @Test
  void weekly_text_namesTheOriginTheBestMethodIsJudgedAt() {
    // weekly origins are k/13: the nearest 0.5 are 6/13 (46%) and 7/13 (54%), equally near, and the first is taken
    // (bestMethod: "the origin nearest 0.5"). Before, the line read "lowest Brier at the 50% origin", an origin the
    // run did not have, while the reliability table under it said 46%
    OkrTest.Run r = run("backtest", Q2.toString(), "--weekly", "--method", "movement-aware");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\ndefault method: movement-aware; lowest Brier at the 46% origin: movement-aware\n"
        + "reliability of movement-aware at the 46% origin ");
    assertThat(run("backtest", Q2.toString(), "--method", "movement-aware").out())
        .contains("\ndefault method: movement-aware; lowest Brier at the 50% origin: movement-aware\n");
  }

  @Test
  void walkForwardOrPerForecast_withEngineSpark_exit2SingleMachine() {
    OkrTest.Run r = run("backtest", Q2.toString(), "--walk-forward", "--engine", "spark");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("--walk-forward: walk-forward is single-machine work (each cycle's model is "
        + "fitted on the cycles before it, in order); run it without --engine spark\n");
    OkrTest.Run csv = run("backtest", Q2.toString(), "--per-forecast", "x.csv", "--engine", "spark");
    assertThat(csv.code()).isEqualTo(2);
    assertThat(csv.err()).isEqualTo("--per-forecast: the rows are written on a single machine; run it without "
        + "--engine spark\n");
  }

  @Test
  void perForecast_oneRowPerForecastAsTheListenerSeesThem(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("forecasts.csv");
    OkrTest.Run r = run("backtest", Q2.toString(), "--per-forecast", csv.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<BacktestForecast> seen = new ArrayList<>();
    Backtest.withDefaults().run(List.of(CycleJson.withDefaults().read(Q2).cycle()), seen::add);
    String text = Files.readString(csv);
    assertThat(text).startsWith("cycle,keyResult,origin,method,model,probability,low,high,landing,final,hit,at\r\n");
    List<String[]> rows = rows(csv);
    // 30 key results with a final value x 3 origins x 6 methods
    assertThat(rows).hasSize(30 * 3 * ForecastMethod.values().length).hasSize(seen.size());
    for (int i = 0; i < rows.size(); i++) {
      BacktestForecast f = seen.get(i);
      String[] row = rows.get(i);
      assertThat(row).containsExactly(f.cycleId(), f.keyResultId(), Double.toString(f.origin()), f.method().id(),
          f.model(), Double.toString(f.probability()),
          f.interval() == null ? "" : Double.toString(f.interval().low()),
          f.interval() == null ? "" : Double.toString(f.interval().high()),
          Double.toString(f.landingValue()), Double.toString(f.finalValue()), Boolean.toString(f.hit()),
          f.atLastCheckIn() ? "last-check-in" : "end");
    }
    // the example's results are its last check-ins (detected): every forecast made at the expected last check-in
    assertThat(rows).allMatch(row -> row[11].equals("last-check-in"));
    // a forecast without an interval (linear pace gives none for an increase or decrease key result): empty cells
    assertThat(rows.stream().filter(row -> row[6].isEmpty() && row[7].isEmpty()))
        .hasSize((int) seen.stream().filter(f -> f.interval() == null).count())
        .anyMatch(row -> row[3].equals("linear-pace") && row[1].equals("KR-1"));
    assertThat(rows.stream().filter(row -> !row[6].isEmpty())).isNotEmpty();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(csv); // no temporary file left
    }
  }

  @Test
  void perForecast_badInputOrTarget_writesNothing(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("forecasts.csv");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, Files.readString(Q2).replace("\n", " ") + "\nnot json\n");
    OkrTest.Run r = run("backtest", bad.toString(), "--per-forecast", csv.toString(), "--plot",
        dir.resolve("plots").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith(bad + ":2: ").doesNotContain("line 2");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("bad.jsonl");
    }
    OkrTest.Run toDir = run("backtest", Q2.toString(), "--per-forecast", dir.toString());
    assertThat(toDir.code()).isEqualTo(2);
    assertThat(toDir.err()).isEqualTo("--per-forecast: " + dir + ": is a directory\n");
    OkrTest.Run plotOnFile = run("backtest", Q2.toString(), "--plot", bad.toString());
    assertThat(plotOnFile.code()).isEqualTo(2);
    assertThat(plotOnFile.err()).isEqualTo("--plot: " + bad + ": not a directory\n");
    // an input named as a diagram is refused, and left as it was (a reviewer's find: it was replaced)
    Path svg = dir.resolve("reliability-movement-aware.svg");
    Files.writeString(svg, Files.readString(Q2));
    OkrTest.Run plotOnInput = run("backtest", svg.toString(), "--method", "movement-aware", "--plot", dir.toString());
    assertThat(plotOnInput.code()).isEqualTo(2);
    assertThat(plotOnInput.err()).isEqualTo("--plot: " + svg + ": is one of the inputs, which it would overwrite\n");
    assertThat(Files.readString(svg)).isEqualTo(Files.readString(Q2));
  }

  @Test
  void plot_oneDiagramPerMethod_inANewFolder_sameBytesEachRun(@TempDir Path dir) throws IOException {
    Path plots = dir.resolve("new/plots");
    OkrTest.Run r = run("backtest", Q2.toString(), "--plot", plots.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> names;
    try (Stream<Path> s = Files.list(plots)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertThat(names).containsExactly("reliability-damped-trend.svg", "reliability-linear-pace.svg",
        "reliability-movement-aware.svg", "reliability-ols-trend.svg", "reliability-plan-prior-bayes.svg",
        "reliability-random-walk-drift.svg");
    BacktestReport report = Backtest.withDefaults().run(List.of(CycleJson.withDefaults().read(Q2).cycle()));
    for (ForecastMethod m : ForecastMethod.values()) {
      assertThat(Files.readString(plots.resolve("reliability-" + m.id() + ".svg")))
          .isEqualTo(ReliabilityPlot.svg(report, m));
    }
    Map<String, String> first = new TreeMap<>();
    for (String n : names) {
      first.put(n, Files.readString(plots.resolve(n)));
    }
    assertThat(run("backtest", Q2.toString(), "--plot", plots.toString(), "--method", "ols-trend").code()).isZero();
    assertThat(Files.readString(plots.resolve("reliability-ols-trend.svg")))
        .isEqualTo(first.get("reliability-ols-trend.svg"));
    assertThat(names.stream().map(first::get).collect(Collectors.joining())).doesNotContain("NaN");
  }

  @Test
  void outcomeFromLastCheckIn_scoresAHistoryWithoutResults_elseANoteSaysSo(@TempDir Path dir) throws IOException {
    // the example's Q3 has no results (it was running when written); its last check-ins are its outcomes
    Path q3 = ROOT.resolve("examples/acme-2026-q3.json");
    OkrTest.Run plain = run("backtest", q3.toString(), "--method", "movement-aware");
    assertThat(plain.code()).isZero();
    assertThat(plain.out()).startsWith("1 cycle, 0 key results with a final value");
    assertThat(plain.err()).isEqualTo("okr: note: 30 key results have no result.finalValue and were not scored; "
        + "--outcome-from-last-check-in takes the last check-in as the outcome where the history has no results "
        + "(not for a cycle still running)\n");
    OkrTest.Run flagged = run("backtest", q3.toString(), "--method", "movement-aware", "--outcome-from-last-check-in",
        "--format", "json");
    assertThat(flagged.code()).isZero();
    assertThat(flagged.err()).isEmpty();
    // all 30 scored against their last check-in, and so forecast there: counted, though the results' timing (of
    // which there are none: nothing compared) reads end
    assertThat(flagged.out()).contains("  \"keyResults\": 30,\n  \"keyResultsFromLastCheckIn\": 30,\n")
        .contains("  \"resultTiming\": \"end\",\n  \"resultTimingEvidence\": {\"compared\": 0, \"equal\": 0},\n");
    for (String walk : List.of("--results-at=detect", "--walk-forward")) {
      OkrTest.Run text = run("backtest", q3.toString(), "--method", "movement-aware", "--outcome-from-last-check-in",
          walk);
      assertThat(text.code()).as(text.err()).isZero();
      assertThat(text.out()).as(walk).startsWith("1 cycle, 30 key results with a final value (30 of them scored "
          + "from their last check-in)\nforecast model: ");
    }
    assertThat(plain.out()).doesNotContain("scored from");
  }

  @Test
  void scoresFromAHundredThousand_keepTheirColumn() {
    // a key result from 0 to 1e-9 checked in up to 1e15 lands 1e24 progress from its forecast (progress is bounded
    // by 1e6 in the forecast, not in the outcome): its mean absolute error printed in 28 digits,
    // "375000000000000000000000.000", pushing the misses and hits columns out of line
    assertThat(BacktestCommand.f3(3.75e23)).isEqualTo("3.75e+23");
    assertThat(BacktestCommand.f3(2_380_000.0)).isEqualTo("2.38e+06");
    assertThat(BacktestCommand.f3(-2e6)).isEqualTo("-2.00e+06");
    // below 100,000 to three decimals, as before
    assertThat(BacktestCommand.f3(99_999.9994)).isEqualTo("99999.999");
    assertThat(BacktestCommand.f3(0.5)).isEqualTo("0.500");
    assertThat(BacktestCommand.f3(null)).isEqualTo("-");
  }
}
