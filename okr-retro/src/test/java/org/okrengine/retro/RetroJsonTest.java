package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The okr-retro/1 writer: field names, rounding, escaping, null for unknown numbers. */
class RetroJsonTest {
  private static final String JSON =
      RetroJson.write(Retrospective.withDefaults().run(List.of(Fixtures.cycleA(), Fixtures.cycleB())));

  @Test
  void topLevelFieldsInOrder() {
    assertThat(JSON).startsWith("{\n  \"format\": \"okr-retro/1\",\n  \"cycles\": 2,\n  \"keyResults\": 8,\n"
        + "  \"scoredFromResults\": 6,\n  \"scoredFromLastCheckIn\": 1,\n  \"unscored\": 1,\n  \"completion\": {\n");
    int last = -1;
    for (String field : new String[] {"\"completion\"", "\"calibration\"", "\"execution\"", "\"blockers\"",
        "\"forecasts\"", "\"recommendations\"", "\"teamNames\""}) {
      int at = JSON.indexOf("\n  " + field + ": ");
      assertThat(at).as(field).isGreaterThan(last);
      last = at;
    }
    assertThat(JSON).endsWith("\n}\n");
  }

  @Test
  void sectionsCarryTheirFigures() {
    // overall: 7 scored of 8, median 0.7, bands 2/1/4 (see RetrospectiveTest)
    assertThat(JSON).contains("\"overall\": {\"key\": \"all\", \"keyResults\": 8, \"scored\": 7, \"hits\": 3, "
        + "\"hitRate\": 0.428571, \"meanScore\": 0.614286, \"medianScore\": 0.7, "
        + "\"bands\": {\"low\": 2, \"middle\": 1, \"high\": 4}, \"committed\": 6, \"committedMet\": 3, "
        + "\"aspirational\": 1, \"aspirationalMet\": 1, \"meanAspirationalScore\": 0.7, \"undeclared\": 0}");
    assertThat(JSON).contains("{\"cycleId\": \"B\", \"start\": \"2026-04-06\", \"keyResults\": 3, \"scored\": 3, "
        + "\"hits\": 1, \"meanScore\": 0.383333, \"change\": -0.333333}");
    assertThat(JSON).contains("\"medianGapDays\": 24.5").contains("\"longestSilenceKeyResult\": \"KR-3\"");
    assertThat(JSON).contains("\"tag\": \"legal\",\n      \"keyResults\": 2,\n      \"mentions\": 4,\n"
        + "      \"meanDays\": 35,\n      \"maxDays\": 42,\n      \"teams\": [{\"team\": \"alpha\", \"keyResults\": 2}],\n"
        + "      \"hits\": 0,\n      \"misses\": 2,\n      \"missRate\": 1\n");
    assertThat(JSON).contains("\"code\": \"check-in-weekly\",\n      \"subject\": \"alpha\",");
    assertThat(JSON).contains("\"groups\": {\n      \"team\": [").contains("\"objective\": [")
        .contains("\"key\": \"A/O1\"");
    assertThat(JSON).doesNotContain("NaN").doesNotContain("Infinity");
  }

  /**
   * The teams' display names by id, which the recommendations' messages use ("Alpha hit 1 of 4 KRs") where every other
   * field gives the id ("subject": "alpha"), so that a reader can tell they name one team.
   */
  @Test
  void teamNamesByIdLast() {
    assertThat(JSON).endsWith(",\n  \"teamNames\": {\n    \"alpha\": \"Alpha\",\n    \"beta\": \"Beta\"\n  }\n}\n")
        .contains("\"subject\": \"alpha\",\n      \"message\": \"Alpha hit ");
    RetroReport r = Retrospective.withDefaults().run(List.of(Fixtures.cycleA()));
    assertThat(r.teamNames()).containsExactly(Map.entry("alpha", "Alpha"), Map.entry("beta", "Beta"));
    assertThat(r.teamName("alpha")).isEqualTo("Alpha");
    assertThat(r.teamName("gamma")).isEqualTo("gamma");
  }

  @Test
  void numbersAndStrings() {
    assertThat(RetroJson.number(null)).isEqualTo("null");
    assertThat(RetroJson.number(Double.NaN)).isEqualTo("null");
    assertThat(RetroJson.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(RetroJson.number(0.0)).isEqualTo("0");
    assertThat(RetroJson.number(-0.0)).isEqualTo("0");
    assertThat(RetroJson.number(1.0)).isEqualTo("1");
    assertThat(RetroJson.number(100.0)).isEqualTo("100");
    assertThat(RetroJson.number(2 / 3.0)).isEqualTo("0.666667"); // 6 decimal places, half-even
    assertThat(RetroJson.number(1e-9)).isEqualTo("0");
    assertThat(RetroJson.string(null)).isEqualTo("null");
    assertThat(RetroJson.string("a\"b\\c\n\t\r\u0001")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\r\\u0001\"");
  }

  @Test
  void string_unsafeBeyondC0_escapedAsInTheOtherOutputs() {
    // SafeText.isUnsafe's characters past C0 (DEL, C1, line and paragraph separators, bidirectional controls, BOM)
    // were written raw: a JSON Lines reader splitting on U+2028 (Python's str.splitlines) cut the line, and a title's
    // U+202E reordered what a terminal or editor showed. Escaped as okr-explain/1 and okr-whatif/1 escape them, the
    // decoded value unchanged; a well-formed surrogate pair (an emoji) stays as it is
    assertThat(RetroJson.string("a\u007fb\u0085c\u2028d\u202ee\u2066f\ufeffg\ud83d\ude00"))
        .isEqualTo("\"a\\u007fb\\u0085c\\u2028d\\u202ee\\u2066f\\ufeffg\ud83d\ude00\"");
  }

  @Test
  void withoutForecasts_overallIsNull() {
    String json = RetroJson.write(Retrospective.withDefaults().withoutForecasts().run(List.of(Fixtures.cycleA())));
    assertThat(json).contains("\"forecasts\": {\n    \"model\": null,\n    \"flaggedBy\": null,\n"
        + "    \"overall\": null,\n    \"byTeam\": []\n  }");
  }

  /** The forecast replay names the model it used, and what its flags are. */
  @Test
  void withForecasts_namesTheModelAndWhatAFlagIs() {
    String json = RetroJson.write(Retrospective.withDefaults().run(List.of(Fixtures.cycleA())));
    // a flag is the forecast's status as okr analyze gave it, not the engine's upstream and need-by rules
    assertThat(json).contains("\"forecasts\": {\n    \"model\": \"okr-default-2\",\n"
        + "    \"flaggedBy\": \"forecast-status\",\n    \"overall\": {");
    org.okrengine.forecast.ForecastModel named = org.okrengine.forecast.ForecastModel.defaults().withName("acme");
    assertThat(Retrospective.withDefaults()
        .withForecaster(org.okrengine.forecast.Forecaster.withDefaults().withModel(named))
        .run(List.of(Fixtures.cycleA())).model()).isEqualTo("acme");
  }

  /**
   * A replay with a model whose history took its results at the last check-ins (ForecastModel.resultTiming) forecast
   * each key result there, not at the end: the document says so beside the model's name, as okr-report/1's
   * model.forecastAt does; a replay at the end (the shipped model, or told the end) writes no such field.
   */
  @Test
  void withALastCheckInModel_saysWhereTheReplayForecast() {
    org.okrengine.forecast.ForecastModel export = org.okrengine.forecast.ForecastModel.defaults().withName("export")
        .withResultTiming(org.okrengine.forecast.ResultTiming.LAST_CHECK_IN);
    org.okrengine.forecast.Forecaster last = org.okrengine.forecast.Forecaster.withDefaults().withModel(export);
    RetroReport atLast = Retrospective.withDefaults().withForecaster(last).run(List.of(Fixtures.cycleA()));
    assertThat(atLast.forecastAtLastCheckIn()).isTrue();
    assertThat(RetroJson.write(atLast)).contains("\"forecasts\": {\n    \"model\": \"export\",\n"
        + "    \"forecastAt\": \"last-check-in\",\n    \"flaggedBy\": \"forecast-status\",\n    \"overall\": {");
    // the same forecaster's accumulator, written as bytes and merged (a distributed run), says the same
    Retrospective.Accumulator acc = Retrospective.withDefaults().withForecaster(last).newAccumulator();
    acc.add(Fixtures.cycleA());
    assertThat(Retrospective.withDefaults().withForecaster(last).newAccumulator().mergeBytes(acc.toBytes()).report())
        .isEqualTo(atLast);

    // told the end, the same model's replay is at the end: no field, as with the shipped model and without a replay
    RetroReport toldEnd = Retrospective.withDefaults().withForecaster(last.withOutcomeFromLastCheckIn(false))
        .run(List.of(Fixtures.cycleA()));
    assertThat(toldEnd.forecastAtLastCheckIn()).isFalse();
    assertThat(RetroJson.write(toldEnd)).doesNotContain("forecastAt");
    assertThat(JSON).doesNotContain("forecastAt");
    assertThat(RetroJson.write(Retrospective.withDefaults().withoutForecasts().run(List.of(Fixtures.cycleA()))))
        .doesNotContain("forecastAt");
    // the record before the field: a replay at the end
    RetroReport r = Retrospective.withDefaults().run(List.of(Fixtures.cycleA()));
    assertThat(new RetroReport(r.cycles(), r.keyResults(), r.scoredFromResults(), r.scoredFromLastCheckIn(),
        r.unscored(), r.overall(), r.breakdowns(), r.objectives(), r.trends(), r.calibration(), r.calibrationByTeam(),
        r.cadence(), r.cadenceByTeam(), r.shapes(), r.blockers(), r.forecasts(), r.forecastsByTeam(),
        r.recommendations(), r.model(), r.teamNames())).isEqualTo(r);
  }
}
