package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.cli.OkrTest.EXAMPLE;
import static org.okrengine.cli.OkrTest.ROOT;
import static org.okrengine.cli.OkrTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.forecast.ForecastModel;

class ModelOptionTest {
  static final Path Q2 = ROOT.resolve("examples/acme-2026-q2.json");

  /** The library's model with other weights: every key result's probability moves. */
  static Path pessimist(Path dir) throws IOException {
    Map<String, Double> w = new java.util.LinkedHashMap<>(ForecastModel.defaults().weights());
    w.put("intercept", -2.0);
    ForecastModel m = ForecastModel.of("pessimist <&>", ForecastModel.defaults().hyperparameters(), w);
    Path f = dir.resolve("pessimist.json");
    Files.writeString(f, m.toJson());
    return f;
  }

  @Test
  void analyze_model_usedAndNamedInTextAndJson(@TempDir Path dir) throws IOException {
    Path model = pessimist(dir);
    OkrTest.Run byDefault = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "json");
    OkrTest.Run mine = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--format", "json", "--model",
        model.toString());
    assertThat(mine.code()).as(mine.err()).isZero();
    assertThat(byDefault.out()).contains("\"model\": {").contains("\"name\": \"okr-default-2\"");
    assertThat(mine.out()).contains("\"name\": \"pessimist <&>\"").contains("\"fittedOn\": \"built from given "
        + "parameters\"");
    assertThat(probabilities(mine.out())).hasSizeGreaterThanOrEqualTo(30)
        .isNotEqualTo(probabilities(byDefault.out()));
    OkrTest.Run text = run("analyze", EXAMPLE.toString(), "--as-of", "2026-08-19", "--model", model.toString());
    assertThat(text.out()).startsWith("Q3 2026 (2026-Q3), 2026-07-01 to 2026-09-30, Europe/Oslo\n"
        + "as of 2026-08-19 00:00 (Europe/Oslo), week 8 of 13, 53% of the cycle elapsed\n"
        + "Forecast model: pessimist <&> (movement-aware; built from given parameters)\n\nIn short: ");
  }

  static java.util.List<String> probabilities(String json) {
    java.util.List<String> out = new java.util.ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"probabilityOfTarget\": ([^,\\n]+)").matcher(json);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void backtestAndRetro_model_usedAndNamed(@TempDir Path dir) throws IOException {
    Path model = pessimist(dir);
    OkrTest.Run bt = run("backtest", Q2.toString(), "--method", "movement-aware", "--model", model.toString());
    OkrTest.Run btDefault = run("backtest", Q2.toString(), "--method", "movement-aware");
    assertThat(bt.code()).as(bt.err()).isZero();
    assertThat(bt.out()).startsWith("1 cycle, 30 key results with a final value\n"
        + "forecast model: pessimist <&> (built from given parameters)\n");
    assertThat(btDefault.out()).contains("\nforecast model: okr-default-2 (fitted on 2,730 key results");
    assertThat(bt.out().lines().skip(2).toList()).isNotEqualTo(btDefault.out().lines().skip(2).toList());

    OkrTest.Run retro = run("retro", Q2.toString(), "--format", "json", "--model", model.toString());
    OkrTest.Run retroDefault = run("retro", Q2.toString(), "--format", "json");
    assertThat(retro.code()).as(retro.err()).isZero();
    assertThat(retro.out()).isNotEqualTo(retroDefault.out()); // the replay's flags moved
    assertThat(run("retro", Q2.toString(), "--model", model.toString()).out())
        .contains("Forecast accountability (weekly replay; flagged = the forecast at-risk or off-track, as okr "
            + "analyze showed it that day):\n"
            + "  forecast model: pessimist <&> (movement-aware; built from given parameters)\n"
            + "  not replayed: at risk only for a late upstream item or a need-by date (okr analyze's engine rules)\n");
    // without the replay the model changes nothing
    assertThat(run("retro", Q2.toString(), "--format", "json", "--no-forecasts", "--model", model.toString()).out())
        .isEqualTo(run("retro", Q2.toString(), "--format", "json", "--no-forecasts").out());
  }

  @Test
  void everyCommand_badModel_exit2ListingEveryProblemWithItsPath(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, ForecastModel.defaults().toJson().replace("\"noisePrior\": ", "\"noisePrior\": -")
        .replace("\"name\": \"okr-default-2\",", "\"colour\": \"red\","));
    String expected = bad + ": colour: unknown field\n" + bad + ": name: is required\n"
        + bad + ": trajectory.noisePrior: must be a number within (0.0, 1000000.0), both ends excluded: "
        + "-0.0745195717552979\n";
    for (String command : new String[] {"analyze", "backtest", "retro"}) {
      OkrTest.Run r = run(command, Q2.toString(), "--model", bad.toString());
      assertThat(r.code()).as(command).isEqualTo(2);
      assertThat(r.out()).as(command).isEmpty();
      assertThat(r.err()).as(command).isEqualTo(expected);
    }
    Path malformed = dir.resolve("malformed.json");
    Files.writeString(malformed, "{\"format\": \"okr-forecast-model/1\",\n \"name\": ");
    assertThat(run("analyze", Q2.toString(), "--model", malformed.toString()).err())
        .startsWith(malformed + ":2: ").contains("(column ");
    Path version = dir.resolve("v2.json");
    Files.writeString(version, ForecastModel.defaults().toJson().replace("okr-forecast-model/1",
        "okr-forecast-model/2"));
    assertThat(run("backtest", Q2.toString(), "--model", version.toString()).err()).isEqualTo(version
        + ": format: must be \"okr-forecast-model/1\" (a version this library reads): \"okr-forecast-model/2\"\n");
    Path control = dir.resolve("control.json");
    Files.writeString(control, ForecastModel.defaults().toJson().replace("\"name\": \"okr-default-2\"",
        "\"name\": \"a\\u001b[31mb\""));
    OkrTest.Run escaped = run("retro", Q2.toString(), "--model", control.toString());
    assertThat(escaped.code()).isEqualTo(2);
    assertThat(escaped.err()).doesNotContain("\u001b").contains(control + ": name: must be 1 to 200 characters");
    assertThat(run("retro", Q2.toString(), "--model", dir.resolve("none.json").toString()).err())
        .isEqualTo(dir.resolve("none.json") + ": no such file\n");
  }
}
