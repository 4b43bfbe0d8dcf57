package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.cli.OkrTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rejects FILE} of {@code backtest}, {@code retro} and {@code fit}: the bad lines are skipped and listed in
 * FILE as the errors are shown, their count goes to standard error; without it a bad line is exit code 2.
 */
class RejectsOptionTest {
  static final Path Q2 = BacktestCommandTest.Q2;

  /** The example quarter on one line. */
  static String q2() throws IOException {
    return Files.readString(Q2).replace("\n", " ");
  }

  /** The quarter, then four bad lines and a blank one: 5 non-blank lines, 4 of them rejected. */
  static Path mixed(Path dir) throws IOException {
    String q2 = q2();
    Path f = dir.resolve("mixed.jsonl");
    Files.writeString(f, q2 + "\n"
        + "{\"format\": \n" // malformed
        + "\n"
        + "{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"c\", \"name\": 5, \"start\": \"2026-01-01\", "
        + "\"end\": \"2025-01-01\", \"zone\": \"UTC\"}}\n" // two problems
        + q2.replace("\"dependencies\": [", "\"dependencies\": [{\"upstream\": \"KR-3\", \"downstream\": \"I-3\", "
            + "\"kind\": \"blocks\"}, ") + "\n" // a dependency cycle, found as the cycle is loaded
        + q2.replace("\"start\": \"2026-04-01\"", "\"start\": \"2026-04-01\\nx\"") + "\n"); // a newline in the value
    return f;
  }

  /** What FILE holds for {@link #mixed}: each problem on its line, a control character escaped. */
  static String expectedRejects(Path mixed) {
    return mixed + ":2: unexpected end-of-input within/between Object entries (column 12)\n"
        + mixed + ":4: cycle.name: must be a string: 5\n"
        + mixed + ":4: cycle.end: must not be before start (2025-01-01 < 2026-01-01)\n"
        + mixed + ":5: dependency cycle: I-3 -> KR-7 -> KR-3 -> I-3\n"
        + mixed + ":6: cycle.start: not a date (yyyy-mm-dd): \"2026-04-01\\u000ax\"\n";
  }

  static Path good(Path dir) throws IOException {
    return Files.writeString(dir.resolve("good.jsonl"), q2() + "\n");
  }

  @Test
  void backtestAndRetro_rejects_skipTheBadLines_listThem_countOnStandardError(@TempDir Path dir) throws IOException {
    Path mixed = mixed(dir);
    Path good = good(dir);
    Path rejects = dir.resolve("rejects.txt");
    for (String command : new String[] {"backtest", "retro"}) {
      OkrTest.Run r = run(command, mixed.toString(), "--format", "json", "--rejects", rejects.toString());
      assertThat(r.code()).as(command).isZero();
      assertThat(r.err()).as(command).isEqualTo("okr: skipped 4 bad lines of 5 (listed in " + rejects + ")\n");
      assertThat(r.out()).as(command).isEqualTo(run(command, good.toString(), "--format", "json").out());
      assertThat(Files.readString(rejects)).as(command).isEqualTo(expectedRejects(mixed));
      // without --rejects: exit 2, every problem on standard error in the same form, nothing on standard output
      OkrTest.Run strict = run(command, mixed.toString(), "--format", "json");
      assertThat(strict.code()).as(command).isEqualTo(2);
      assertThat(strict.out()).as(command).isEmpty();
      assertThat(strict.err()).as(command).isEqualTo(expectedRejects(mixed));
    }
  }

  @Test
  void fit_rejects_fitsTheGoodLines(@TempDir Path dir) throws IOException {
    Path mixed = mixed(dir);
    Path rejects = dir.resolve("rejects.txt");
    Path model = dir.resolve("model.json");
    Path fromGood = dir.resolve("from-good.json");
    OkrTest.Run r = run("fit", mixed.toString(), "--out", model.toString(), "--rejects", rejects.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("okr: skipped 4 bad lines of 5 (listed in " + rejects + ")\n");
    assertThat(run("fit", good(dir).toString(), "--out", fromGood.toString()).code()).isZero();
    assertThat(Files.readString(model)).isEqualTo(Files.readString(fromGood));
    assertThat(Files.readString(rejects)).isEqualTo(expectedRejects(mixed));
    OkrTest.Run strict = run("fit", mixed.toString(), "--out", dir.resolve("strict.json").toString());
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.err()).isEqualTo(expectedRejects(mixed));
    assertThat(dir.resolve("strict.json")).doesNotExist();
  }

  @Test
  void rejects_noBadLine_emptiesTheFile_saysNothing(@TempDir Path dir) throws IOException {
    Path rejects = Files.writeString(dir.resolve("rejects.txt"), "from an earlier run\n");
    OkrTest.Run r = run("retro", good(dir).toString(), "--no-forecasts", "--rejects", rejects.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(rejects).isEmptyFile();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("good.jsonl", "rejects.txt"); // no temporary file left
    }
  }

  @Test
  void rejects_aJsonDocumentCountsAsOneLine(@TempDir Path dir) throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"format\": \"okr-cycle/1\"}");
    Path rejects = dir.resolve("rejects.txt");
    OkrTest.Run r = run("backtest", Q2.toString(), bad.toString(), "--rejects", rejects.toString());
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEqualTo("okr: skipped 1 bad line of 2 (listed in " + rejects + ")\n");
    assertThat(r.out()).startsWith("1 cycle, 30 key results with a final value\n");
    assertThat(Files.readString(rejects)).isEqualTo(bad + ": cycle: missing\n");
  }

  @Test
  void rejects_missingInput_exit2ListingOnlyThat_fileUntouched(@TempDir Path dir) throws IOException {
    Path mixed = mixed(dir);
    Path none = dir.resolve("none.jsonl");
    Path rejects = Files.writeString(dir.resolve("rejects.txt"), "from an earlier run\n");
    for (String command : new String[] {"backtest", "retro"}) {
      OkrTest.Run r = run(command, mixed.toString(), none.toString(), "--rejects", rejects.toString());
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.out()).as(command).isEmpty();
      assertThat(r.err()).as(command).isEqualTo(none + ": no such file\n");
      assertThat(Files.readString(rejects)).as(command).isEqualTo("from an earlier run\n");
    }
  }

  @Test
  void rejects_aFolderAnInputOrNoFolder_exit2BeforeAnyWork(@TempDir Path dir) throws IOException {
    Path good = good(dir);
    OkrTest.Run folder = run("backtest", good.toString(), "--rejects", dir.toString());
    assertThat(folder.code()).isEqualTo(2);
    assertThat(folder.err()).isEqualTo("--rejects: " + dir + ": is a directory\n");
    OkrTest.Run input = run("retro", good.toString(), "--rejects", good.toString());
    assertThat(input.code()).isEqualTo(2);
    assertThat(input.err()).isEqualTo("--rejects: " + good + ": is one of the inputs, which it would overwrite\n");
    assertThat(Files.readString(good)).isEqualTo(q2() + "\n");
    Path nowhere = dir.resolve("no/such/rejects.txt");
    OkrTest.Run fit = run("fit", good.toString(), "--out", dir.resolve("m.json").toString(), "--rejects",
        nowhere.toString());
    assertThat(fit.code()).isEqualTo(2);
    assertThat(fit.err()).isEqualTo("--rejects: " + nowhere + ": no such directory: " + nowhere.getParent() + "\n");
  }

  @Test
  void rejects_theModelOrAnotherOutput_exit2BeforeAnyWork_nothingOverwritten(@TempDir Path dir) throws IOException {
    // before: each of these ran (exit 0), and the rejects list overwrote the model read (--model, --based-on), or the
    // model written (fit's --out) or the CSV (--per-forecast) overwrote the rejects list that standard error said
    // held the bad lines ("okr: skipped 4 bad lines of 5 (listed in m.json)")
    Path mixed = mixed(dir);
    String modelJson = org.okrengine.forecast.ForecastModel.defaults().toJson();
    Path m = Files.writeString(dir.resolve("m.json"), modelJson);
    for (String command : List.of("backtest", "retro")) {
      OkrTest.Run r = run(command, mixed.toString(), "--model", m.toString(), "--rejects", m.toString());
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).isEqualTo("--rejects: " + m + ": is one of the inputs, which it would overwrite\n");
    }
    OkrTest.Run basedOn = run("fit", mixed.toString(), "--based-on", m.toString(), "--out",
        dir.resolve("fitted.json").toString(), "--rejects", m.toString());
    assertThat(basedOn.code()).isEqualTo(2);
    assertThat(basedOn.err()).isEqualTo("--rejects: " + m + ": is one of the inputs, which it would overwrite\n");
    assertThat(Files.readString(m)).isEqualTo(modelJson);

    Path same = dir.resolve("same.txt");
    OkrTest.Run fit = run("fit", mixed.toString(), "--out", same.toString(), "--rejects", same.toString());
    assertThat(fit.code()).isEqualTo(2);
    assertThat(fit.err()).isEqualTo("--out: " + same + ": is also --rejects, which it would overwrite\n");
    OkrTest.Run csv = run("backtest", mixed.toString(), "--per-forecast", same.toString(), "--rejects",
        same.toString());
    assertThat(csv.code()).isEqualTo(2);
    assertThat(csv.err()).isEqualTo("--per-forecast: " + same + ": is also --rejects, which it would overwrite\n");
    OkrTest.Run csvOverModel = run("backtest", mixed.toString(), "--model", m.toString(), "--per-forecast",
        m.toString());
    assertThat(csvOverModel.code()).isEqualTo(2);
    assertThat(csvOverModel.err())
        .isEqualTo("--per-forecast: " + m + ": is one of the inputs, which it would overwrite\n");
    assertThat(Files.readString(m)).isEqualTo(modelJson);
    assertThat(same).doesNotExist();
  }

  @Test
  void plan_outIsTheRejectsFile_exit2NothingWritten(@TempDir Path dir) throws IOException {
    // before: exit 0, "wrote same.txt" (the answer) after "okr: skipped 4 bad lines of 5 (listed in same.txt)"
    Path same = dir.resolve("same.txt");
    OkrTest.Run r = run("plan", OkrTest.EXAMPLE.toString(), "--history", mixed(dir).toString(), "--rejects",
        same.toString(), "--out", same.toString());
    assertThat(r.code()).isEqualTo(2);
    // plan lists every problem it found before stopping, the history's bad lines too
    assertThat(r.err()).startsWith("--out: " + same + ": is also --rejects, which it would overwrite\n");
    assertThat(same).doesNotExist();
  }

  @Test
  void aDirectoryGivenAsInput_exit2SaysItIsADirectory(@TempDir Path dir) throws IOException {
    // a folder of history given as it is: before, "DIR: no such file", though it is there
    Path history = Files.createDirectory(dir.resolve("history"));
    Files.writeString(history.resolve("q2.jsonl"), q2() + "\n");
    for (String command : List.of("backtest", "retro", "analyze")) {
      OkrTest.Run r = run(command, history.toString());
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.err()).as(command).isEqualTo(history + ": is a directory; give the files in it (" + history
          + "/*.jsonl)\n");
    }
    OkrTest.Run fit = run("fit", history.toString(), "--out", dir.resolve("m.json").toString(), "--rejects",
        dir.resolve("rejects.txt").toString());
    assertThat(fit.code()).isEqualTo(2);
    assertThat(fit.err()).isEqualTo(history + ": is a directory; give the files in it (" + history + "/*.jsonl)\n");
  }

  @Test
  void warnings_controlCharactersEscaped_oneLineEach(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("odd.jsonl"), q2().replaceFirst("\\{", "{\"a\\\\nb\": 1, ") + "\n");
    OkrTest.Run r = run("retro", f.toString(), "--no-forecasts");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo(f + ":1: warning: a\\u000ab: unknown field\n");
  }

  @Test
  void skipped_countsWithThousandsSeparators_oneLineSingular() {
    assertThat(RejectsOption.skipped(1, 2731)).isEqualTo("skipped 1 bad line of 2,731");
    assertThat(RejectsOption.skipped(1234, 1234567)).isEqualTo("skipped 1,234 bad lines of 1,234,567");
    assertThat(RejectsOption.skipped(0, 5)).isEqualTo("skipped 0 bad lines of 5");
  }

  /** The shared data: one TSE sprint (line 890, 5,873 days) is longer than okr-cycle/1 allows (1,098 days). */
  @Test
  void sharedData_rejects_theOneTooLongSprintSkipped(@TempDir Path tmp) throws IOException {
    String dir = System.getProperty("okr.shared.data");
    Path data = dir == null ? null : Path.of(dir);
    Assumptions.assumeTrue(data != null && Files.isDirectory(data), "../shared/data is absent: test skipped");
    Path tawos = data.resolve("tawos-quarterly-throughput.jsonl");
    Path tse = data.resolve("tse2017-sprints.jsonl");
    Path rejects = tmp.resolve("rejects.txt");
    Path model = tmp.resolve("model.json");
    String expected = tse + ":890: cycle.end: must make a cycle of at most 1098 days: 5873 days (2000-01-03 to "
        + "2016-01-31)\n";
    String skipped = "okr: skipped 1 bad line of 2,731 (listed in " + rejects + ")\n";
    OkrTest.Run bt = run("backtest", tawos.toString(), tse.toString(), "--method", "linear-pace", "--rejects",
        rejects.toString());
    assertThat(bt.code()).as(bt.err()).isZero();
    assertThat(bt.out()).startsWith("2,730 cycles, 2,730 key results with a final value\n");
    assertThat(bt.err()).endsWith(skipped); // after the warnings (check-ins at the same instant)
    assertThat(Files.readString(rejects)).isEqualTo(expected);
    Files.delete(rejects);
    OkrTest.Run fit = run("fit", tawos.toString(), tse.toString(), "--out", model.toString(), "--rejects",
        rejects.toString());
    assertThat(fit.code()).as(fit.err()).isZero();
    assertThat(fit.out()).startsWith("okr-default-2+fit: fitted on 2,730 key results of 2,730 cycles, ");
    assertThat(fit.err()).endsWith(skipped);
    assertThat(Files.readString(rejects)).isEqualTo(expected);
    OkrTest.Run strict = run("retro", tawos.toString(), tse.toString(), "--no-forecasts");
    assertThat(strict.code()).isEqualTo(2);
    assertThat(strict.err()).endsWith(expected);
  }
}
