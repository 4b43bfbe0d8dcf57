package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.cli.OkrTest.ROOT;
import static org.okrengine.cli.OkrTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

class FitCommandTest {
  /** The example's previous quarter: 30 key results with results, 22 of them increase or decrease. */
  static final Path Q2 = ROOT.resolve("examples/acme-2026-q2.json");
  /** The example's current quarter: no results, so nothing to learn from. */
  static final Path Q3 = ROOT.resolve("examples/acme-2026-q3.json");

  static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void fit_writesTheModelOfTheLibraryFitAndASummaryLine(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("model.json");
    OkrTest.Run r = run("fit", Q2.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    OkrCycle q2 = CycleJson.withDefaults().read(Q2).cycle();
    ForecastModel expected = ForecastModel.defaults().fit(List.of(q2));
    assertThat(Files.readString(out)).isEqualTo(expected.toJson());
    // 22 key results: weight of history m / (m + 100), m = 22 - 19 (docs/forecast-model.md)
    // the at-risk threshold kept: Q2 has fewer than 20 misses (docs/forecast-model.md)
    assertThat(expected.atRiskBelow()).isEqualTo(0.37);
    // Q2's results are its last check-ins (an OKR tool's export: 30 of 30 whose last check-in came before the last
    // day equal it, ResultTimingEvidence), so the model says so (ForecastModel.resultTiming)
    assertThat(expected.resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(r.out()).isEqualTo(String.format(java.util.Locale.ROOT, "okr-default-2+fit: fitted on 22 key results "
        + "of 1 cycle, weight of history %.2f (shrunk toward okr-default-2), at risk below 0.37; this history's "
        + "results were its last check-ins (30 of 30 compared equal them): okr analyze and okr retro with it forecast "
        + "each key result at its expected last check-in; wrote %s%n", 3 / 103.0, out));
    assertThat(r.err()).isEmpty();
    assertThat(listing(dir)).containsExactly(out); // no temporary file left beside it
    // and the file is a model the other commands take, which forecast where it says
    assertThat(run("analyze", Q3.toString(), "--as-of", "2026-08-19", "--model", out.toString()).out())
        .contains("\nForecast model: okr-default-2+fit (movement-aware; fitted on 22 key results of 1 cycle from "
            + "2026-04-01 to 2026-06-30, shrunk toward okr-default-2 (weight of this history 0.03); its history's "
            + "results were its last check-ins; each key result forecast at its expected last check-in)\n");
  }

  /**
   * A model fitted on Q2 (whose results are its last check-ins) makes okr retro's replay forecast each key result at
   * its expected last check-in: the JSON says so beside the model's name (forecasts.forecastAt, as okr-report/1's
   * model.forecastAt), the text in the model's sentence; the shipped model's JSON has no such field.
   */
  @Test
  void fit_thenRetro_saysTheReplayForecastAtTheLastCheckIn(@TempDir Path dir) throws IOException {
    Path model = dir.resolve("acme-q2.json");
    assertThat(run("fit", Q2.toString(), "--name", "acme-q2", "--out", model.toString()).code()).isZero();
    OkrTest.Run json = run("retro", Q2.toString(), "--model", model.toString(), "--format", "json");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out()).contains("  \"forecasts\": {\n    \"model\": \"acme-q2\",\n"
        + "    \"forecastAt\": \"last-check-in\",\n    \"flaggedBy\": \"forecast-status\",\n");
    OkrTest.Run text = run("retro", Q2.toString(), "--model", model.toString());
    assertThat(text.out()).contains("\n  forecast model: acme-q2 (movement-aware; fitted on 22 key results of 1 cycle "
        + "from 2026-04-01 to 2026-06-30, shrunk toward okr-default-2 (weight of this history 0.03); its history's "
        + "results were its last check-ins; each key result forecast at its expected last check-in)\n");
    OkrTest.Run shipped = run("retro", Q2.toString(), "--format", "json");
    assertThat(shipped.out()).contains("  \"forecasts\": {\n    \"model\": \"okr-default-2\",\n"
        + "    \"flaggedBy\": \"forecast-status\",\n").doesNotContain("forecastAt");
  }

  @Test
  void fit_basedOnAndName_refitsThatModelUnderTheName(@TempDir Path dir) throws IOException {
    Path base = dir.resolve("base.json");
    ForecastModel mine = ForecastModel.defaults().withName("acme-base");
    Files.writeString(base, mine.toJson());
    Path out = dir.resolve("acme.json");
    OkrTest.Run r = run("fit", Q2.toString(), "--based-on", base.toString(), "--name", "acme-2026", "--out",
        out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    OkrCycle q2 = CycleJson.withDefaults().read(Q2).cycle();
    assertThat(Files.readString(out)).isEqualTo(mine.fit(List.of(q2)).withName("acme-2026").toJson());
    assertThat(r.out()).startsWith("acme-2026: fitted on 22 key results of 1 cycle, weight of history 0.03 (shrunk "
        + "toward acme-base), at risk below 0.37; this history's results were its last check-ins (30 of 30 compared "
        + "equal them): okr analyze and okr retro with it forecast each key result at its expected last check-in; "
        + "wrote ");
  }

  @Test
  void fit_pooled_fitsThisHistoryAloneUnderItsName(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("pooled.json");
    OkrTest.Run r = run("fit", Q2.toString(), "--pooled", "--name", "acme-pooled", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    OkrCycle q2 = CycleJson.withDefaults().read(Q2).cycle();
    assertThat(Files.readString(out)).isEqualTo(ForecastModel.fitPooled("acme-pooled", List.of(q2)).toJson());
    assertThat(r.out()).startsWith("acme-pooled: fitted on 22 key results of 1 cycle, weight of history 1.00 "
        + "(pooled, shrunk toward no other model), at risk below 0.37; this history's results were its last check-ins "
        + "(30 of 30 compared equal them): okr analyze and okr retro with it forecast each key result at its expected "
        + "last check-in; wrote ");
    // pooled takes no model to shrink toward, needs a name, and enough history
    OkrTest.Run both = run("fit", Q2.toString(), "--pooled", "--based-on", out.toString(), "--out",
        dir.resolve("x.json").toString());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).isEqualTo("--pooled: fits this history alone, so it takes no --based-on\n"
        + "--pooled: give the model a --name (a pooled model refits no other model to take its name from)\n");
    OkrTest.Run little = run("fit", Q3.toString(), "--pooled", "--name", "p", "--out", dir.resolve("x.json").toString());
    assertThat(little.code()).isEqualTo(2);
    // the example's Q3 has no results (it was running): the note says what would take its last check-ins
    assertThat(little.err()).isEqualTo("okr: note: 30 key results have no result.finalValue and were left out of the fit; "
        + "--outcome-from-last-check-in takes the last check-in as the outcome where the history has no results (not "
        + "for a cycle still running)\n"
        + "--pooled: history must hold at least 20 increase or decrease key results "
        + "with a final value: 0\n");
    assertThat(dir.resolve("x.json")).doesNotExist();
  }

  @Test
  void summary_countsWithThousandsSeparators() {
    // the library's model was fitted on 2,730 key results of 2,730 cycles (it read "2730", where the skipped lines'
    // note reads "of 2,731")
    assertThat(FitCommand.summary(ForecastModel.defaults(), true, "pooled, shrunk toward no other model"))
        .isEqualTo("okr-default-2: fitted on 2,730 key results of 2,730 cycles, weight of history 1.00 (pooled, "
            + "shrunk toward no other model), at risk below " + ForecastModel.defaults().atRiskBelow());
  }

  @Test
  void fit_tooLittleHistory_writesTheModelAsItIsAndWarns(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("model.json");
    OkrTest.Run r = run("fit", Q3.toString(), "--out", out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("okr-default-2: not refitted, weight of history 0.00 (too little history: see the "
        + "warning); wrote " + out + "\n");
    assertThat(r.err()).isEqualTo("okr: note: 30 key results have no result.finalValue and were left out of the fit; "
        + "--outcome-from-last-check-in takes the last check-in as the outcome where the history has no results (not "
        + "for a cycle still running)\n"
        // one cycle read, none of its key results with a final value (it read "in 0 cycles")
        + "warning: history too short to learn from: 0 scored increase or decrease key "
        + "results in 0 of the 1 cycle read (at least 20 needed); the model okr-default-2 is used as it is\n");
    ForecastModel written = ForecastModel.fromJson(Files.readString(out));
    assertThat(written.name()).isEqualTo("okr-default-2");
    assertThat(written.weights()).isEqualTo(ForecastModel.defaults().weights());
    assertThat(written.warnings()).hasSize(1);
  }

  @Test
  void fit_badInput_exit2NamingThePathAndLeavingTheOutputAlone(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("model.json");
    Files.writeString(out, "the old model");
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, Files.readString(Q2).replace("\n", " ") + "\n{\"format\": \"okr-cycle/1\"}\n");
    OkrTest.Run r = run("fit", bad.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith(bad + ":2: ").contains(bad + ":2: cycle: ");
    assertThat(Files.readString(out)).isEqualTo("the old model");
    assertThat(listing(dir)).containsExactly(bad, out);

    assertThat(run("fit", "no/such.jsonl", "--out", out.toString()).err()).isEqualTo("no/such.jsonl: no such file\n");
    OkrTest.Run toDir = run("fit", Q2.toString(), "--out", dir.toString());
    assertThat(toDir.code()).isEqualTo(2);
    assertThat(toDir.err()).isEqualTo("--out: " + dir + ": is a directory\n");
    OkrTest.Run noOut = run("fit", Q2.toString());
    assertThat(noOut.code()).isEqualTo(2);
    assertThat(noOut.err()).startsWith("Missing required option: '--out=FILE'");
    OkrTest.Run badName = run("fit", Q2.toString(), "--name", "two\nlines", "--out", out.toString());
    assertThat(badName.code()).isEqualTo(2);
    assertThat(badName.err()).isEqualTo("--name: must be 1 to 200 characters without control, format or separator "
        + "characters: 'two\\u000alines'\n");
    // a bidirectional mark is refused too, and a name of 10,000 characters is cut in the message, as the reader cuts
    OkrTest.Run bidi = run("fit", Q2.toString(), "--name", "a\u202eb", "--out", out.toString());
    assertThat(bidi.err()).isEqualTo("--name: must be 1 to 200 characters without control, format or separator "
        + "characters: 'a\\u202eb'\n");
    OkrTest.Run longName = run("fit", Q2.toString(), "--name", "x".repeat(10_000), "--out", out.toString());
    assertThat(longName.code()).isEqualTo(2);
    assertThat(longName.err()).isEqualTo("--name: must be 1 to 200 characters without control, format or separator "
        + "characters: '" + "x".repeat(80) + "...'\n");
    assertThat(Files.readString(out)).isEqualTo("the old model");
  }

  @Test
  void fit_badBasedOnModel_exit2ListingEveryProblem(@TempDir Path dir) throws IOException {
    Path base = dir.resolve("base.json");
    Files.writeString(base, ForecastModel.defaults().toJson().replace("\"okr-forecast-model/1\"",
        "\"okr-forecast-model/2\"").replaceFirst("\"logOdds\": [^,]+,", "\"logOdds\": 1000,"));
    Path out = dir.resolve("model.json");
    OkrTest.Run r = run("fit", Q2.toString(), "--based-on", base.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(base + ": format: must be \"okr-forecast-model/1\" (a version this library reads): "
        + "\"okr-forecast-model/2\"\n" + base + ": weights.logOdds: must be a number within [-50.0, 50.0]: 1000.0\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void fit_outcomeFromLastCheckIn_takesAnExportsLastCheckIns(@TempDir Path dir) throws IOException {
    // Q3 as an OKR tool would export it at its end: no results, the last check-ins are the outcomes. With the flag
    // the fit is the pooled fit of the same cycle with those outcomes as results
    Path out = dir.resolve("model.json");
    OkrTest.Run r = run("fit", Q3.toString(), "--outcome-from-last-check-in", "--pooled", "--name", "q3", "--out",
        out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    OkrCycle q3 = CycleJson.withDefaults().read(Q3).cycle();
    assertThat(Files.readString(out)).isEqualTo(ForecastModel.fitPooled("q3", List.of(q3.withOutcomesFromLastCheckIns()))
        .toJson());
    // the 30 compared equal their last check-ins by construction (the flag filled them in): the line says so
    assertThat(r.out()).startsWith("q3: fitted on 22 key results of 1 cycle").contains("; this history's results "
        + "were its last check-ins (30 of 30 compared equal them; 30 key results without a result took their last "
        + "check-in as their result, --outcome-from-last-check-in): okr analyze");
  }

  /**
   * A refit of a last-check-in model on a history that compares fewer than 10 key results keeps the model's timing
   * (ForecastModel.fit), and the line says so rather than that this history's results were its last check-ins.
   */
  @Test
  void fit_basedOnALastCheckInModel_historyTooSmallToTell_saysTheTimingIsKept(@TempDir Path dir) throws IOException {
    Path base = dir.resolve("q2.json");
    assertThat(run("fit", Q2.toString(), "--out", base.toString()).code()).isZero();
    // Q2 measured at the end: 5 increase or decrease key results got 5% of their way after their last check-in;
    // every other key result checks in on the last day, which compares nothing (ResultTimingEvidence): 0 of 5 equal
    OkrCycle q2 = CycleJson.withDefaults().read(Q2).cycle();
    java.time.Instant lastDay = q2.cycle().instantOf(q2.cycle().end()).plusSeconds(3600);
    int[] measured = {0};
    List<org.okrengine.model.Objective> objectives = new java.util.ArrayList<>();
    for (org.okrengine.model.Objective o : q2.objectives()) {
      List<org.okrengine.model.KeyResult> krs = new java.util.ArrayList<>();
      for (org.okrengine.model.KeyResult kr : o.keyResults()) {
        org.okrengine.model.Metric m = kr.metric();
        List<org.okrengine.model.CheckIn> checkIns = new java.util.ArrayList<>(kr.checkIns());
        org.okrengine.model.Result result = kr.result();
        if (measured[0] < 5 && (m.direction() == org.okrengine.model.Direction.INCREASE
            || m.direction() == org.okrengine.model.Direction.DECREASE)) {
          measured[0]++;
          double last = checkIns.get(checkIns.size() - 1).value();
          result = new org.okrengine.model.Result(last + 0.05 * (m.target() - m.baseline()), null);
        } else {
          checkIns.add(org.okrengine.model.CheckIn.of(lastDay, result.finalValue()));
        }
        krs.add(new org.okrengine.model.KeyResult(kr.id(), kr.title(), kr.owner(), kr.team(), kr.weight(),
            kr.tags(), m, kr.plan(), checkIns, result));
      }
      objectives.add(new org.okrengine.model.Objective(o.id(), o.title(), o.team(), o.owner(), o.parent(),
          o.commitment(), krs));
    }
    Path history = dir.resolve("measured.json");
    Files.writeString(history, CycleJson.withDefaults().write(OkrCycle.of(q2.cycle(), q2.teams(), objectives)));
    Path out = dir.resolve("model.json");
    OkrTest.Run r = run("fit", history.toString(), "--based-on", base.toString(), "--out", out.toString());
    assertThat(r.code()).isZero();
    assertThat(ForecastModel.fromJson(Files.readString(out)).resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThat(r.out()).contains("; too few of this history's key results to tell when its results were taken (0 of "
        + "5 compared equal their last check-in, at least 10 needed), so it keeps the refitted model's: its history's "
        + "results were its last check-ins: okr analyze and okr retro with it forecast each key result at its "
        + "expected last check-in; wrote ").doesNotContain("this history's results were");
  }

  /**
   * A history of final results without check-ins is fitted, and says so: the summary of a fit (not "not refitted",
   * which a warning used to mean) and the warning that the fit learned only how often targets were met.
   */
  @Test
  void fit_historyWithoutCheckIns_fittedWithAWarning(@TempDir Path dir) throws IOException {
    OkrCycle q2 = CycleJson.withDefaults().read(Q2).cycle();
    List<org.okrengine.model.Objective> objectives = new java.util.ArrayList<>();
    for (org.okrengine.model.Objective o : q2.objectives()) {
      List<org.okrengine.model.KeyResult> krs = new java.util.ArrayList<>();
      for (org.okrengine.model.KeyResult kr : o.keyResults()) {
        krs.add(new org.okrengine.model.KeyResult(kr.id(), kr.title(), kr.owner(), kr.team(), kr.weight(), kr.tags(),
            kr.metric(), kr.plan(), List.of(), kr.result()));
      }
      objectives.add(new org.okrengine.model.Objective(o.id(), o.title(), o.team(), o.owner(), o.parent(),
          o.commitment(), krs));
    }
    Path history = dir.resolve("bare.json");
    Files.writeString(history, CycleJson.withDefaults().write(OkrCycle.of(q2.cycle(), q2.teams(), objectives)));
    Path out = dir.resolve("model.json");
    OkrTest.Run r = run("fit", history.toString(), "--out", out.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("okr-default-2+fit: fitted on 22 key results of 1 cycle");
    assertThat(r.err()).isEqualTo("warning: only 0 of the 22 scored key results had a check-in before 75% of its "
        + "cycle: the fit learned how often targets were met, not how key results move toward them\n");
    assertThat(q2.keyResults()).anyMatch(kr -> !kr.checkIns().isEmpty());
  }
}
