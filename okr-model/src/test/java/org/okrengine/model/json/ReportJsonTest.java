package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.ForecastModelInfo;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.PrecedentSummary;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Reason;
import org.okrengine.model.ReportChanges;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Status;
import org.okrengine.model.TeamSummary;

class ReportJsonTest {
  private static final ReportJson JSON = ReportJson.withDefaults();
  private static final Instant AS_OF = Instant.parse("2026-08-12T00:00:00Z");

  static CycleReport withoutForecast() {
    return new CycleReport("2026-Q3", AS_OF, List.of(new KeyResultReport("KR-1", "Revenue", "O-1", "growth",
        Status.NO_DATA, null, null, 0.47, null, null, List.of(Reason.of("no-check-ins")), null)), null, null);
  }

  static CycleReport withForecast() {
    // numbers from docs/FORMAT.md's example report
    ForecastSummary forecast = new ForecastSummary("damped-trend", 1.77, 0.71, new PredictionInterval(0.8, 1.58, 1.95),
        0.18, 0.09, 0.054, 0.6, null, LocalDate.of(2026, 10, 20), null);
    KeyResultReport kr1 = new KeyResultReport("KR-1", "Segment revenue", "O-1", "growth", Status.AT_RISK, 1.448, 0.31,
        0.47, 4, forecast, List.of(new Reason("velocity-below-required", Map.of("velocityRatio", 0.6,
            "actualVelocityPerWeek", 0.054)), Reason.of("behind-plan")),
        "KR-1 is moving at 60% of the weekly pace it needs.");
    KeyResultReport kr2 = new KeyResultReport("KR-2", "Churn", "O-1", "growth", Status.ON_TRACK, 4.0, 0.5, 0.47, 0,
        new ForecastSummary("linear", 3.0, 1.0, null, 0.9, null, null, null, LocalDate.of(2026, 9, 20), null, null),
        List.of(), null);
    return new CycleReport("2026-Q3", AS_OF, List.of(kr1, kr2),
        List.of(new CascadeSummary("I-3", List.of("KR-1", "O-1"), List.of("growth"), 12, null, "I-3 is late.")),
        List.of(new EscalationSummary("KR-4", 2, LocalDate.of(2026, 7, 29), "team-lead", "Off track for 2 weeks.")));
  }

  @Test
  void write_withoutForecast_exactText() {
    assertThat(JSON.write(withoutForecast())).isEqualTo("""
        {
          "format": "okr-report/1",
          "cycleId": "2026-Q3",
          "asOf": "2026-08-12T00:00:00Z",
          "keyResults": [
            {
              "id": "KR-1",
              "title": "Revenue",
              "objective": "O-1",
              "team": "growth",
              "status": "no-data",
              "value": null,
              "progress": null,
              "expectedProgress": 0.47,
              "daysSinceCheckIn": null,
              "forecast": null,
              "reasons": [
                "no-check-ins"
              ],
              "reasonDetails": [
                {
                  "code": "no-check-ins",
                  "evidence": {}
                }
              ],
              "insight": null,
              "causes": []
            }
          ],
          "cascades": [],
          "escalations": [],
          "escalationGroups": [],
          "sourceHealth": [],
          "objectives": [],
          "teams": [],
          "changes": null,
          "summary": null
        }
        """);
  }

  @Test
  void writeLine_withForecast_exactText() throws IOException {
    StringWriter out = new StringWriter();
    JSON.writeLine(withForecast(), out);
    assertThat(out.toString()).isEqualTo("{\"format\":\"okr-report/1\",\"cycleId\":\"2026-Q3\","
        + "\"asOf\":\"2026-08-12T00:00:00Z\",\"keyResults\":["
        + "{\"id\":\"KR-1\",\"title\":\"Segment revenue\",\"objective\":\"O-1\",\"team\":\"growth\","
        + "\"status\":\"at-risk\",\"value\":1.448,\"progress\":0.31,\"expectedProgress\":0.47,\"daysSinceCheckIn\":4,"
        + "\"forecast\":{\"method\":\"damped-trend\",\"landingValue\":1.77,\"landingProgress\":0.71,"
        + "\"interval\":{\"level\":0.8,\"low\":1.58,\"high\":1.95},\"probabilityOfTarget\":0.18,"
        + "\"requiredVelocityPerWeek\":0.09,\"actualVelocityPerWeek\":0.054,\"velocityRatio\":0.6,"
        + "\"completionDate\":null,\"completionP50\":\"2026-10-20\",\"completionP85\":null},"
        + "\"reasons\":[\"velocity-below-required\",\"behind-plan\"],"
        + "\"reasonDetails\":[{\"code\":\"velocity-below-required\",\"evidence\":{\"actualVelocityPerWeek\":0.054,"
        + "\"velocityRatio\":0.6}},{\"code\":\"behind-plan\",\"evidence\":{}}],"
        + "\"insight\":\"KR-1 is moving at 60% of the weekly pace it needs.\",\"causes\":[]},"
        + "{\"id\":\"KR-2\",\"title\":\"Churn\",\"objective\":\"O-1\",\"team\":\"growth\",\"status\":\"on-track\","
        + "\"value\":4.0,\"progress\":0.5,\"expectedProgress\":0.47,\"daysSinceCheckIn\":0,"
        + "\"forecast\":{\"method\":\"linear\",\"landingValue\":3.0,\"landingProgress\":1.0,\"interval\":null,"
        + "\"probabilityOfTarget\":0.9,\"requiredVelocityPerWeek\":null,\"actualVelocityPerWeek\":null,"
        + "\"velocityRatio\":null,\"completionDate\":\"2026-09-20\",\"completionP50\":null,\"completionP85\":null},"
        + "\"reasons\":[],\"reasonDetails\":[],\"insight\":null,\"causes\":[]}],"
        + "\"cascades\":[{\"source\":\"I-3\",\"affected\":[\"KR-1\",\"O-1\"],\"affectedCount\":2,"
        + "\"teams\":[\"growth\"],\"slipDays\":12.0,"
        + "\"probabilityOfMiss\":null,\"reason\":\"I-3 is late.\"}],"
        + "\"escalations\":[{\"subject\":\"KR-4\",\"level\":2,\"since\":\"2026-07-29\",\"to\":\"team-lead\","
        + "\"reason\":\"Off track for 2 weeks.\"}],\"escalationGroups\":[],\"sourceHealth\":[],\"objectives\":[],\"teams\":[],\"changes\":null,"
        + "\"summary\":null}\n");
  }

  static CycleReport full() {
    CycleReport base = withForecast();
    KeyResultReport kr1 = base.keyResults().get(0);
    Cause cause = new Cause("blocker-named", "hiring", Map.of("weeks", 6.0), "The blocker \"hiring\" was named for 6 weeks.");
    KeyResultReport withCauses = new KeyResultReport(kr1.id(), kr1.title(), kr1.objective(), kr1.team(), kr1.status(),
        kr1.value(), kr1.progress(), kr1.expectedProgress(), kr1.daysSinceCheckIn(), kr1.forecast(), kr1.reasons(),
        kr1.insight(), List.of(cause));
    return new CycleReport(base.cycleId(), base.asOf(), List.of(withCauses, base.keyResults().get(1)),
        base.cascades(), base.escalations(),
        List.of(new SourceHealthSummary("datadog", List.of("KR-14"), false, LocalDate.of(2026, 8, 14), 20, 7.0,
            "The datadog connection stopped.")),
        List.of(new ObjectiveSummary("O-1", "Revenue", "growth", 2, 1, 0.4, 0.47, "O-1: 1 of 2 need attention."),
            new ObjectiveSummary("O-2", null, "growth", 0, 0, null, 0.0, "O-2 has no key results.")),
        "1 of 2 key results needs attention.");
  }

  @Test
  void write_allFields_readBackEqual() {
    String json = JSON.write(full());
    assertThat(json).contains("\"causes\": [", "\"subject\": \"hiring\"", "\"weeks\": 6.0",
        "\"wholeSource\": false", "\"lastValueOn\": \"2026-08-14\"", "\"needAttention\": 1",
        "\"summary\": \"1 of 2 key results needs attention.\"");
    assertThat(JSON.read(json)).isEqualTo(full());
    assertThat(JSON.write(JSON.read(json))).isEqualTo(json);
  }

  @Test
  void write_metricAndOwner_afterTeamAndReadBackEqual() {
    // library issue, item 6: what a consumer needs without joining back to the cycle
    KeyResultReport plain = withForecast().keyResults().get(0);
    Metric metric = new Metric(1.2, 2.0, Direction.INCREASE, "M EUR", 0.0, null, null);
    KeyResultReport kr = new KeyResultReport(plain.id(), plain.title(), plain.objective(), plain.team(),
        plain.status(), plain.value(), plain.progress(), plain.expectedProgress(), plain.daysSinceCheckIn(),
        plain.forecast(), plain.reasons(), plain.insight(), plain.causes(), metric, "maria");
    KeyResultReport levels = new KeyResultReport("KR-2", "Zones", "O-1", "growth", Status.ON_TRACK, 2.0, 2 / 3.0,
        0.5, 1, null, List.of(), null, List.of(), new Metric(0.0, 3.0, Direction.INCREASE, "zone", 0.0, 3.0,
            List.of(0.0, 1.0, 2.0, 3.0)), null);
    CycleReport r = new CycleReport("2026-Q3", AS_OF, List.of(kr, levels), List.of(), List.of());
    String json = JSON.write(r);
    assertThat(json).contains("\"team\": \"growth\",\n      \"owner\": \"maria\",\n      \"metric\": {\n"
        + "        \"baseline\": 1.2,\n        \"target\": 2.0,\n        \"direction\": \"increase\",\n"
        + "        \"unit\": \"M EUR\",\n        \"min\": 0.0\n      },\n      \"status\"");
    assertThat(JSON.read(json)).isEqualTo(r);
    // without them (reports made before they existed, or by the older constructor) both are left out
    assertThat(JSON.write(withForecast())).doesNotContain("\"owner\"").doesNotContain("\"metric\"");
    assertThatThrownBy(() -> JSON.read(json.replace("\"target\": 2.0", "\"target\": 1.2")))
        .hasMessageContaining("keyResults[0].metric: target must differ from baseline");
  }

  @Test
  void read_badNewFields_listsEveryProblem() {
    String json = JSON.write(full()).replace("\"silentDays\": 20", "\"silentDays\": -1")
        .replace("\"needAttention\": 1", "\"needAttention\": \"one\"")
        .replace("\"code\": \"blocker-named\"", "\"code\": \"\"");
    assertThatThrownBy(() -> JSON.read(json)).hasMessage("""
        3 problems:
        keyResults[0].causes[0].code: must not be blank
        sourceHealth[0]: silentDays must not be negative: -1
        objectives[0].needAttention: must be a number: "one\"""");
  }

  @Test
  void write_sameReport_sameBytes() throws IOException {
    StringWriter out = new StringWriter();
    JSON.write(withForecast(), out);
    assertThat(out.toString()).isEqualTo(JSON.write(withForecast()));
    assertThat(JSON.write(withForecast())).doesNotContain("NaN", "Infinity").contains("\"completionDate\": null");
  }

  @Test
  void read_writtenReport_equal() throws IOException {
    assertThat(JSON.read(JSON.write(withForecast()))).isEqualTo(withForecast());
    assertThat(JSON.read(JSON.write(withoutForecast()))).isEqualTo(withoutForecast());
    StringWriter out = new StringWriter();
    JSON.writeLine(withForecast(), out);
    assertThat(JSON.read(out.toString())).isEqualTo(withForecast());
  }

  @Test
  void read_reasonCodesOnly_reasonsWithoutEvidence() {
    String json = JSON.write(withoutForecast()).replace("\"reasonDetails\"", "\"details\"");
    assertThat(JSON.read(json).keyResults().get(0).reasons()).containsExactly(Reason.of("no-check-ins"));
  }

  @Test
  void read_badReport_listsEveryProblem() {
    String json = """
        {"format": "okr-report/1", "asOf": "2026-08-12", "keyResults": [
          {"id": "KR-1", "status": "late", "expectedProgress": "0.5", "daysSinceCheckIn": 1.5,
           "forecast": {"method": "x", "landingValue": 1, "landingProgress": 1, "probabilityOfTarget": 2}},
          {"id": "KR-2", "status": "stale", "expectedProgress": 0.5, "reasonDetails": [{"evidence": {"x": "y"}}]}],
         "escalations": [{"subject": "KR-1", "level": 0, "since": "2026-07-29"}]}
        """;
    assertThatThrownBy(() -> JSON.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessage("""
        9 problems:
        cycleId: missing
        asOf: not an instant with offset: "2026-08-12"
        keyResults[0].status: unknown status "late" (expected one of: achieved, on-track, at-risk, off-track, \
        stale, not-started, no-data)
        keyResults[0].expectedProgress: must be a number: "0.5"
        keyResults[0].daysSinceCheckIn: must be a whole number: 1.5
        keyResults[0].forecast: probabilityOfTarget must be within 0..1: 2.0
        keyResults[1].reasonDetails[0].code: missing
        keyResults[1].reasonDetails[0].evidence.x: must be a number: "y"
        escalations[0]: level must be at least 1: 0""");
  }

  @Test
  void read_negativeDaysSinceCheckIn_refused() {
    // docs/FORMAT.md and the schema: whole days since the latest check-in, 0 and up (a check-in after the instant
    // analysed is not the latest one, and after the end the days count to the end, Forecaster.silentDays's max(0, .))
    String json = JSON.write(withForecast()).replace("\"daysSinceCheckIn\": 4", "\"daysSinceCheckIn\": -3");
    assertThatThrownBy(() -> JSON.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessage("""
        1 problem:
        keyResults[0]: daysSinceCheckIn must not be negative: -3""");
    assertThatThrownBy(() -> new KeyResultReport("KR-1", null, null, null, Status.STALE, 1.0, 0.5, 0.5, -1, null,
        List.of(), null)).hasMessage("daysSinceCheckIn must not be negative: -1");
  }

  @Test
  void read_reasonsBesideReasonDetails_checkedAndReadWhenDetailsNull() {
    // reasonDetails is read in place of reasons (docs/FORMAT.md), but reasons stays "the reason codes" of the schema
    // (an array of non-blank strings), in the same order as reasonDetails
    String json = JSON.write(withForecast());
    assertThat(json).contains("\"reasons\": [\n        \"velocity-below-required\",\n        \"behind-plan\"\n      ]");
    String notAList = json.replaceFirst("\"reasons\": \\[[^\\]]*\\]", "\"reasons\": \"behind-plan\"");
    String notCodes = json.replaceFirst("\"velocity-below-required\",", "7,");
    String otherOrder = json.replaceFirst("\"velocity-below-required\",\\s*\"behind-plan\"",
        "\"behind-plan\", \"velocity-below-required\"");
    assertThat(List.of(notAList, notCodes, otherOrder)).doesNotContain(json);
    assertThatThrownBy(() -> JSON.read(notAList)).hasMessage("""
        1 problem:
        keyResults[0].reasons: must be an array: "behind-plan\"""");
    assertThatThrownBy(() -> JSON.read(notCodes)).hasMessage("""
        1 problem:
        keyResults[0].reasons[0]: must be a string: 7""");
    assertThatThrownBy(() -> JSON.read(otherOrder)).hasMessage("""
        1 problem:
        keyResults[0].reasons: must be the codes of reasonDetails in their order \
        (velocity-below-required, behind-plan): behind-plan, velocity-below-required""");
    // reasonDetails null (optional fields may be null, docs/FORMAT.md): the codes are read from reasons
    String detailsNull = json.replaceFirst("\"reasonDetails\": \\[(?s:.*?)\\n      \\],", "\"reasonDetails\": null,");
    assertThat(detailsNull).isNotEqualTo(json);
    assertThat(JSON.read(detailsNull).keyResults().get(0).reasons())
        .containsExactly(Reason.of("velocity-below-required"), Reason.of("behind-plan"));
  }

  @Test
  void read_precedentsWithoutFactorsOrNearest_refused() {
    // docs/FORMAT.md (Precedents) and the schema: factors[] and nearest[] are required, empty where there are none
    // (factors with fewer than 10 similar, as here: 2 similar of a pool of 3)
    PrecedentSummary few = new PrecedentSummary(0.5, 3, 2, 1, null, null, null, null, List.of(),
        List.of(new PrecedentSummary.Case("2026-Q2", "KR-9", "growth", 0.4, false, 0.6)),
        "Of 3 earlier key results, 2 stood where KR-1 stands: too few to say how they ended.");
    CycleReport base = withForecast();
    CycleReport r = new CycleReport(base.cycleId(), base.asOf(), List.of(base.keyResults().get(0).withPrecedents(few),
        base.keyResults().get(1)), base.cascades(), base.escalations());
    String json = JSON.write(r);
    assertThat(JSON.read(json)).isEqualTo(r);
    String withoutFactors = json.replaceFirst("\"factors\": \\[\\],\\s*", "");
    String nearestNull = json.replaceFirst("\"nearest\": \\[(?s:.*?)\\n        \\],", "\"nearest\": null,");
    assertThat(List.of(withoutFactors, nearestNull)).doesNotContain(json);
    assertThatThrownBy(() -> JSON.read(withoutFactors)).hasMessage("""
        1 problem:
        keyResults[0].precedents.factors: missing""");
    assertThatThrownBy(() -> JSON.read(nearestNull)).hasMessage("""
        1 problem:
        keyResults[0].precedents.nearest: must not be null""");
  }

  @Test
  void write_negativeZero_writtenAsZero() {
    // a decrease key result at its baseline: progress (v - b) / (t - b) = 0 / -2 is -0.0 in Java, as is the plan's
    // expected progress before the cycle starts (examples/acme-2026-q3.json on 20 Jun: "expectedProgress": -0.0)
    ForecastSummary f = new ForecastSummary("movement-aware", 10.0, 0.0 / -2, new PredictionInterval(0.8, -0.0, 10.0),
        0.5, -0.0, -0.0, null, null, null, null);
    KeyResultReport kr = new KeyResultReport("KR-1", "Churn", "O-1", "growth", Status.NOT_STARTED, 10.0, 0.0 / -2,
        0.0 / -2, 0, f, List.of(), null, List.of(), new Metric(10.0, 8.0, Direction.DECREASE, "%", null, null, null),
        null);
    String json = JSON.write(new CycleReport("2026-Q3", AS_OF, List.of(kr), List.of(), List.of()));
    assertThat(json).doesNotContain("-0.0").contains("\"progress\": 0.0,", "\"expectedProgress\": 0.0,",
        "\"landingProgress\": 0.0,", "\"low\": 0.0,", "\"requiredVelocityPerWeek\": 0.0,");
  }

  @Test
  void write_unsafeCharactersInData_escapedInTheJsonText_decodedUnchanged() {
    // a title with DEL, NEL (C1), a line separator, a right-to-left override and an isolate: JSON allows them raw,
    // but a JSON Lines reader that splits on U+2028 or U+0085 (Python's str.splitlines) cuts the line there, and the
    // bidirectional controls reorder what a terminal or editor shows; the report's text is escaped as FreeText.quote
    // escapes okr-explain/1's, and decoding gives the title back exactly (docs/FORMAT.md, "Free text in the outputs")
    String title = "Revenue\u007f\u0085 \u2028\u202egnp\u2066x\u2069 \ud83d\ude80";
    KeyResultReport kr = new KeyResultReport("KR-1", title, "O-1", "growth", Status.NO_DATA, null, null, 0.47, null,
        null, List.of(Reason.of("no-check-ins")), null);
    CycleReport r = new CycleReport("2026-Q3", AS_OF, List.of(kr), List.of(), List.of());
    for (String json : List.of(JSON.write(r), line(r))) {
      assertThat(json).contains("\"Revenue\\u007f\\u0085 \\u2028\\u202egnp\\u2066x\\u2069 \ud83d\ude80\"")
          .doesNotContain("\u007f", "\u0085", "\u2028", "\u202e", "\u2066", "\u2069");
      assertThat(JSON.read(json).keyResults().get(0).title()).isEqualTo(title);
    }
  }

  private static String line(CycleReport r) {
    StringWriter out = new StringWriter();
    try {
      JSON.writeLine(r, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  @Test
  void read_otherFormatOrMalformed_rejected() {
    assertThatThrownBy(() -> JSON.read("{\"format\": \"okr-cycle/1\"}"))
        .hasMessage("1 problem:\nformat: unknown format \"okr-cycle/1\" (expected \"okr-report/1\")");
    assertThatThrownBy(() -> JSON.read("[1]")).hasMessage("1 problem:\ndocument must be an object");
    assertThatThrownBy(() -> JSON.read("{")).hasMessageStartingWith("1 problem:\nline 1, column 2: ");
  }

  static CycleReport withGroups() {
    CycleReport r = full();
    return new CycleReport(r.cycleId(), r.asOf(), r.keyResults(), r.cascades(), r.escalations(), r.sourceHealth(),
        r.objectives(), r.summary(), null, List.of(new EscalationGroup(EscalationGroup.LATE_UPSTREAM, "I-3",
            List.of("KR-1", "KR-4"), 2, "leadership", "KR-1 and KR-4 need I-3, 12 days late.")));
  }

  @Test
  void write_escalationGroups_afterEscalationsAndReadBackEqual() {
    String json = JSON.write(withGroups());
    assertThat(json).contains("""
          "escalationGroups": [
            {
              "kind": "late-upstream",
              "cause": "I-3",
              "subjects": [
                "KR-1",
                "KR-4"
              ],
              "level": 2,
              "to": "leadership",
              "reason": "KR-1 and KR-4 need I-3, 12 days late."
            }
          ],
          "sourceHealth": [""".indent(2));
    assertThat(JSON.read(json)).isEqualTo(withGroups());
    // reports written before the field existed read with none
    String old = JSON.write(full()).replace("  \"escalationGroups\": [],\n", "");
    assertThat(old).doesNotContain("escalationGroups");
    assertThat(JSON.read(old).escalationGroups()).isEmpty();
    assertThat(JSON.read(old)).isEqualTo(full());
    assertThatThrownBy(() -> JSON.read(json.replace("\"KR-4\"\n", "7\n"))).hasMessage("""
        1 problem:
        escalationGroups[0].subjects[1]: must be a string: 7""");
    assertThatThrownBy(() -> JSON.read(json.replaceFirst("\"KR-1\",\\s*\"KR-4\"", "\"KR-1\"")))
        .hasMessage("""
            1 problem:
            escalationGroups[0]: subjects must hold at least two: 1""");
  }

  static CycleReport withTeamsAndChanges() {
    CycleReport r = withGroups();
    return new CycleReport(r.cycleId(), r.asOf(), r.keyResults(), r.cascades(), r.escalations(), r.sourceHealth(),
        r.objectives(), r.summary(), r.model(), r.escalationGroups(),
        List.of(new TeamSummary("growth", "Growth", 2, 1, 0.405, 0.47, List.of("maria", "jonas")),
            new TeamSummary("data", null, 1, 0, null, 0.1, List.of())),
        new ReportChanges(AS_OF.minusSeconds(7 * 86_400L),
            List.of(new ReportChanges.StatusChange("KR-1", "Segment revenue", Status.ON_TRACK, Status.AT_RISK)),
            List.of(new ReportChanges.NewEscalation("KR-4", null, 2, "leadership", 1),
                new ReportChanges.NewEscalation("I-3", "Event pipeline", 1, "team-lead", null)),
            List.of(new ReportChanges.ProbabilityMove("KR-1", "Segment revenue", 0.45, 0.18))));
  }

  @Test
  void write_droppedEscalations_withdrawnWithNullLevelAndReadBackEqual() {
    CycleReport t = withTeamsAndChanges();
    ReportChanges c = t.changes();
    CycleReport r = new CycleReport(t.cycleId(), t.asOf(), t.keyResults(), t.cascades(), t.escalations(),
        t.sourceHealth(), t.objectives(), t.summary(), t.model(), t.escalationGroups(), t.teams(),
        new ReportChanges(c.since(), c.statusChanges(), c.newEscalations(), c.probabilityMoves(),
            List.of(new ReportChanges.DroppedEscalation("KR-2", "Deal", 1, "team-lead", null, null,
                    "its chance rose from just under 25% to 26%, no longer below the 25% the policy escalates under"),
                new ReportChanges.DroppedEscalation("I-2", null, 2, "leadership", 1, "team-lead",
                    "it no longer feeds a cascade across teams"))));
    String json = JSON.write(r);
    assertThat(json).contains("""
                "droppedEscalations": [
                  {
                    "subject": "KR-2",
                    "title": "Deal",
                    "fromLevel": 1,
                    "fromTo": "team-lead",
                    "level": null,
                    "to": null,
                    "reason": "its chance rose from just under 25% to 26%, no longer below the 25% the policy escalates under"
                  },
                  {
                    "subject": "I-2",
                    "title": "I-2",
                    "fromLevel": 2,
                    "fromTo": "leadership",
                    "level": 1,
                    "to": "team-lead",
                    "reason": "it no longer feeds a cascade across teams"
                  }
                ]
            """);
    assertThat(JSON.read(json).changes()).isEqualTo(r.changes());
    assertThat(r.changes().droppedEscalations().get(0).withdrawn()).isTrue();
    // a level not below the one dropped from is no drop
    assertThatThrownBy(() -> new ReportChanges.DroppedEscalation("KR-2", null, 1, "team-lead", 1, "team-lead", null))
        .hasMessage("level must be within 1..0: 1");
  }

  @Test
  void write_teamsAndChanges_afterObjectivesAndReadBackEqual() {
    String json = JSON.write(withTeamsAndChanges());
    assertThat(json).contains("""
          ],
          "teams": [
            {
              "id": "growth",
              "name": "Growth",
              "keyResults": 2,
              "needAttention": 1,
              "progress": 0.405,
              "expectedProgress": 0.47,
              "owners": [
                "maria",
                "jonas"
              ]
            },
            {
              "id": "data",
              "name": "data",
              "keyResults": 1,
              "needAttention": 0,
              "progress": null,
              "expectedProgress": 0.1,
              "owners": []
            }
          ],
          "changes": {
            "since": "2026-08-05T00:00:00Z",
            "statusChanges": [
              {
                "subject": "KR-1",
                "title": "Segment revenue",
                "from": "on-track",
                "to": "at-risk"
              }
            ],
            "newEscalations": [
              {
                "subject": "KR-4",
                "title": "KR-4",
                "level": 2,
                "to": "leadership",
                "fromLevel": 1
              },
              {
                "subject": "I-3",
                "title": "Event pipeline",
                "level": 1,
                "to": "team-lead",
                "fromLevel": null
              }
            ],
            "probabilityMoves": [
              {
                "subject": "KR-1",
                "title": "Segment revenue",
                "from": 0.45,
                "to": 0.18
              }
            ],
            "droppedEscalations": []
          },
          "summary": "1 of 2 key results needs attention.\"""".indent(2));
    assertThat(JSON.read(json)).isEqualTo(withTeamsAndChanges());
    // reports written before the fields existed read with no roll-ups and no changes
    String old = JSON.write(withGroups()).replace("  \"teams\": [],\n", "").replace("  \"changes\": null,\n", "");
    assertThat(old).doesNotContain("\n  \"teams\"", "\"changes\"");
    assertThat(JSON.read(old)).isEqualTo(withGroups());
    assertThatThrownBy(() -> JSON.read(json.replace("\"to\": \"at-risk\"", "\"to\": \"late\"")))
        .hasMessageStartingWith("1 problem:\nchanges.statusChanges[0].to: ");
    assertThatThrownBy(() -> JSON.read(json.replace("\"fromLevel\": 1", "\"fromLevel\": 2"))).hasMessage("""
        1 problem:
        changes.newEscalations[0]: fromLevel must be within 1..1: 2""");
    assertThatThrownBy(() -> JSON.read(json.replace("\"needAttention\": 1,\n      \"progress\": 0.405",
        "\"needAttention\": 3,\n      \"progress\": 0.405"))).hasMessage("""
            1 problem:
            teams[0]: needAttention must be within 0..2: 3""");
  }

  /**
   * A change with no check-in of its key result since the instant compared with: {@code withoutCheckIn: true}, written
   * only where true (a report whose changes all came with check-ins is written byte for byte as before), read back;
   * absent reads false; anything but a boolean is a problem naming the field.
   */
  @Test
  void write_changesWithoutCheckIn_onlyWhereTrue_readBackEqual() {
    CycleReport t = withTeamsAndChanges();
    ReportChanges c = t.changes();
    CycleReport r = new CycleReport(t.cycleId(), t.asOf(), t.keyResults(), t.cascades(), t.escalations(),
        t.sourceHealth(), t.objectives(), t.summary(), t.model(), t.escalationGroups(), t.teams(),
        new ReportChanges(c.since(),
            List.of(new ReportChanges.StatusChange("KR-1", "Segment revenue", Status.ON_TRACK, Status.AT_RISK, true),
                new ReportChanges.StatusChange("KR-2", "Deal", Status.AT_RISK, Status.ON_TRACK)),
            c.newEscalations(),
            List.of(new ReportChanges.ProbabilityMove("KR-1", "Segment revenue", 0.45, 0.18, true),
                new ReportChanges.ProbabilityMove("KR-2", "Deal", 0.30, 0.41))));
    String json = JSON.write(r);
    assertThat(json).contains("""
              {
                "subject": "KR-1",
                "title": "Segment revenue",
                "from": "on-track",
                "to": "at-risk",
                "withoutCheckIn": true
              },
              {
                "subject": "KR-2",
                "title": "Deal",
                "from": "at-risk",
                "to": "on-track"
              }
            ],""".indent(4)).contains("""
              {
                "subject": "KR-1",
                "title": "Segment revenue",
                "from": 0.45,
                "to": 0.18,
                "withoutCheckIn": true
              },
              {
                "subject": "KR-2",
                "title": "Deal",
                "from": 0.3,
                "to": 0.41
              }
            ],""".indent(4));
    assertThat(JSON.read(json)).isEqualTo(r);
    assertThat(JSON.read(json.replace("\"withoutCheckIn\": true", "\"withoutCheckIn\": false"))
        .changes().statusChanges().get(0).withoutCheckIn()).isFalse();
    assertThatThrownBy(() -> JSON.read(json.replaceFirst("\"withoutCheckIn\": true", "\"withoutCheckIn\": \"yes\"")))
        .hasMessage("""
            1 problem:
            changes.statusChanges[0].withoutCheckIn: must be true or false: "yes\"""");
    // the previous constructors fill false
    assertThat(new ReportChanges.StatusChange("KR-1", null, Status.ON_TRACK, Status.AT_RISK).withoutCheckIn())
        .isFalse();
    assertThat(new ReportChanges.ProbabilityMove("KR-1", null, 0.5, 0.2).withoutCheckIn()).isFalse();
  }

  @Test
  void cycleReport_changesNotBeforeAsOf_rejected() {
    CycleReport r = withGroups();
    assertThatThrownBy(() -> new CycleReport(r.cycleId(), r.asOf(), r.keyResults(), r.cascades(), r.escalations(),
        r.sourceHealth(), r.objectives(), r.summary(), r.model(), r.escalationGroups(), List.of(),
        new ReportChanges(AS_OF, List.of(), List.of(), List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("changes.since must be before asOf (2026-08-12T00:00:00Z): 2026-08-12T00:00:00Z");
    assertThat(new ReportChanges(AS_OF, null, null, null).isEmpty()).isTrue();
    assertThatThrownBy(() -> new ReportChanges.ProbabilityMove("KR-1", null, 0.5, 1.5))
        .hasMessage("to must be within 0..1: 1.5");
  }

  static CycleReport withModel(ForecastModelInfo model) {
    CycleReport r = full();
    return new CycleReport(r.cycleId(), r.asOf(), r.keyResults(), r.cascades(), r.escalations(), r.sourceHealth(),
        r.objectives(), r.summary(), model);
  }

  @Test
  void write_model_afterAsOfAndReadBackEqual() {
    ForecastModelInfo model = new ForecastModelInfo("defaults", "plan-prior-bayes",
        "the library's defaults, fitted on 2,731 shared cycles");
    String json = JSON.write(withModel(model));
    assertThat(json).startsWith("""
        {
          "format": "okr-report/1",
          "cycleId": "2026-Q3",
          "asOf": "2026-08-12T00:00:00Z",
          "model": {
            "name": "defaults",
            "method": "plan-prior-bayes",
            "fittedOn": "the library's defaults, fitted on 2,731 shared cycles"
          },
          "keyResults": [
        """);
    assertThat(JSON.read(json)).isEqualTo(withModel(model));
    assertThat(JSON.write(JSON.read(json))).isEqualTo(json);
    // fittedOn null is written as null and read back
    ForecastModelInfo bare = new ForecastModelInfo("acme.json", "plan-prior-bayes", null);
    String bareJson = JSON.write(withModel(bare));
    assertThat(bareJson).contains("\"fittedOn\": null\n  },");
    assertThat(JSON.read(bareJson).model()).isEqualTo(bare);
  }

  @Test
  void write_noModel_fieldLeftOutAndOlderDocumentsRead() {
    assertThat(full().model()).isNull();
    assertThat(withForecast().model()).isNull();
    String json = JSON.write(full());
    assertThat(json).doesNotContain("\"model\"");
    assertThat(JSON.read(json).model()).isNull();
    assertThat(JSON.read(json.replace("\"cycleId\"", "\"model\": null, \"cycleId\"")).model()).isNull();
  }

  @Test
  void read_badModel_listsEveryProblem() {
    String json = JSON.write(withModel(new ForecastModelInfo("m", "x", "y")));
    assertThatThrownBy(() -> JSON.read(json.replace("\"name\": \"m\"", "\"name\": \" \"")
        .replace("\"method\": \"x\",", "").replace("\"fittedOn\": \"y\"", "\"fittedOn\": 3")))
        .hasMessage("""
            3 problems:
            model.name: must not be blank
            model.method: missing
            model.fittedOn: must be a string: 3""");
    String notAnObject = JSON.write(full()).replace("\"cycleId\"", "\"model\": \"defaults\", \"cycleId\"");
    assertThatThrownBy(() -> JSON.read(notAnObject)).hasMessage("1 problem:\nmodel: must be an object: \"defaults\"");
  }

  @Test
  void forecastModelInfo_validates() {
    assertThatThrownBy(() -> new ForecastModelInfo(" ", "m", null)).hasMessage("name must not be blank");
    assertThatThrownBy(() -> new ForecastModelInfo(null, "m", null)).hasMessage("name must not be null");
    assertThatThrownBy(() -> new ForecastModelInfo("n", null, null)).hasMessage("method must not be null");
    assertThatThrownBy(() -> new ForecastModelInfo("n", "m", "")).hasMessage("fittedOn must not be blank");
  }
}
