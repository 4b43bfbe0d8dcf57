package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanPoint;
import org.okrengine.model.PlanShape;
import org.okrengine.model.Problem;
import org.okrengine.model.Team;

class CycleJsonTest {
  private static final CycleJson JSON = CycleJson.withDefaults();

  /** JSON written with single quotes, for readable tables. */
  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static final String CYCLE = "'cycle': {'id': 'C', 'start': '2026-07-01', 'end': '2026-09-30'}";
  static final String TEAMS = "'teams': [{'id': 't'}]";
  static final String METRIC = "'metric': {'baseline': 0, 'target': 10, 'direction': 'increase'}";

  /** A valid document: one team, one objective, one key result. */
  static final String MINIMAL = q("{'format': 'okr-cycle/1', " + CYCLE + ", " + TEAMS
      + ", 'objectives': [{'id': 'O-1', 'title': 'T', 'team': 't', 'keyResults': [{'id': 'KR-1', " + METRIC + "}]}]}");

  /** The minimal document with its only key result's fields replaced by {@code fields}. */
  static String withKeyResult(String fields) {
    return q("{'format': 'okr-cycle/1', " + CYCLE + ", " + TEAMS
        + ", 'objectives': [{'id': 'O-1', 'title': 'T', 'team': 't', 'keyResults': [{" + fields + "}]}]}");
  }

  /** The minimal document with a key result with {@code metric} and extra {@code fields}. */
  static String withMetric(String metric) {
    return withKeyResult("'id': 'KR-1', 'metric': {" + metric + "}");
  }

  /** The minimal document with {@code fields} added at the root. */
  static String withRoot(String fields) {
    return MINIMAL.substring(0, MINIMAL.length() - 1) + ", " + q(fields) + "}";
  }

  /** The minimal document with the cycle object replaced. */
  static String withCycle(String cycle) {
    return MINIMAL.replace(q(CYCLE), q("'cycle': " + cycle));
  }

  static final String KR = "objectives[0].keyResults[0]";

  /** A document with these teams and objectives (each objective in team t, without key results). */
  static String withTeamsAndObjectives(String teams, String objectives) {
    return q("{'format': 'okr-cycle/1', " + CYCLE + ", 'teams': [" + teams + "], 'objectives': [" + objectives + "]}");
  }

  /** An objective of team t with {@code parent}, or none when null. */
  static String objective(String id, String parent) {
    return "{'id': '" + id + "', 'title': 'T', 'team': 't'" + (parent == null ? "" : ", 'parent': '" + parent + "'")
        + "}";
  }

  static Stream<Arguments> badDocuments() {
    return Stream.of(
        Arguments.of("truncated", "{\"format\": ",
            List.of("line 1, column 12: unexpected end-of-input within/between Object entries")),
        Arguments.of("unclosed", "\n {\"format\": \"okr-cycle/1\"",
            List.of("line 2, column 26: unexpected end-of-input: expected close marker for Object"
                + " (start marker at line 2, column 2)")),
        Arguments.of("trailing comma", q("{'format': 'okr-cycle/1',}"),
            List.of("line 1, column 26: unexpected character ('}' (code 125)):"
                + " was expecting double-quote to start field name")),
        Arguments.of("second line", "{\n  \"format\": tru\n}",
            List.of("line 2, column 13: unrecognized token 'tru': was expecting"
                + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")),
        Arguments.of("NaN literal", withMetric("'baseline': NaN, 'target': 1, 'direction': 'increase'"),
            // Jackson points just past the token: 0-based index of N, plus 3 chars, plus 1 for 1-based columns
            List.of("line 1, column " + (withMetric("'baseline': NaN").indexOf("NaN") + 3 + 1)
                + ": non-standard token 'NaN'")),
        Arguments.of("two documents", MINIMAL + " {}",
            List.of("line 1, column " + (MINIMAL.length() + 2) + ": unexpected content after the end of the document")),
        Arguments.of("empty", "  ", List.of("document is empty")),
        Arguments.of("number too long", withRoot("'n': " + "1".repeat(1001)),
            // Jackson stops at the closing brace right after the number: the document's last char
            List.of("line 1, column " + withRoot("'n': " + "1".repeat(1001)).length()
                + ": number value length (1001) exceeds the maximum allowed (1000)")),
        Arguments.of("array", "[]", List.of("document must be an object")),
        Arguments.of("no format", MINIMAL.replace(q("'format': 'okr-cycle/1', "), ""), List.of("format: missing")),
        Arguments.of("other format", MINIMAL.replace("okr-cycle/1", "okr-cycle/2").replace("'target': 10", ""),
            List.of("format: unknown format \"okr-cycle/2\" (expected \"okr-cycle/1\")")),
        Arguments.of("format not a string", MINIMAL.replace("\"okr-cycle/1\"", "1"),
            List.of("format: must be a string")),
        Arguments.of("no cycle", MINIMAL.replace(q(CYCLE + ", "), ""), List.of("cycle: missing")),
        Arguments.of("cycle null", withCycle("null"), List.of("cycle: must not be null")),
        Arguments.of("cycle not an object", withCycle("'2026-Q3'"), List.of("cycle: must be an object: \"2026-Q3\"")),
        Arguments.of("cycle fields missing", withCycle("{}"),
            List.of("cycle.id: missing", "cycle.start: missing", "cycle.end: missing")),
        Arguments.of("cycle fields wrong", withCycle(
                "{'id': ' ', 'name': 7, 'start': '2026-13-01', 'end': 20260930, 'zone': 'Mars/Olympus'}"),
            List.of("cycle.id: must not be blank", "cycle.name: must be a string: 7",
                "cycle.start: not a date (yyyy-mm-dd): \"2026-13-01\"", "cycle.end: must be a string: 20260930",
                "cycle.zone: unknown zone \"Mars/Olympus\"")),
        Arguments.of("end before start", withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2026-06-30'}"),
            List.of("cycle.end: must not be before start (2026-06-30 < 2026-07-01)")),
        Arguments.of("teams not an array", MINIMAL.replace(q(TEAMS), q("'teams': {'id': 't'}")),
            List.of("teams: must be an array: an object", "objectives[0].team: unknown team \"t\"")),
        Arguments.of("team entries", MINIMAL.replace(q(TEAMS), q("'teams': [{'id': 't'}, null, 3, {'name': 'x'}]")),
            List.of("teams[1]: must not be null", "teams[2]: must be an object: 3", "teams[3].id: missing")),
        Arguments.of("objective fields missing",
            MINIMAL.replace(q("'id': 'O-1', 'title': 'T', 'team': 't', "), ""),
            // the title is optional (the id when absent), as it is for a key result, initiative or milestone
            List.of("objectives[0].id: missing", "objectives[0].team: missing")),
        Arguments.of("unknown commitment",
            MINIMAL.replace(q("'team': 't', 'keyResults'"), q("'team': 't', 'commitment': 'stretch', 'keyResults'")),
            List.of("objectives[0].commitment: unknown commitment \"stretch\""
                + " (expected one of: committed, aspirational)")),
        Arguments.of("key result fields missing", withKeyResult("'title': 'x'"),
            List.of(KR + ".id: missing", KR + ".metric: missing")),
        Arguments.of("key result fields wrong", withKeyResult(
                "'id': 'KR-1', 'title': 1, 'owner': [], 'team': '', 'weight': '1', 'tags': ['a', 2], " + METRIC),
            List.of(KR + ".title: must be a string: 1", KR + ".owner: must be a string: an array",
                KR + ".team: must not be blank",
                KR + ".weight: must be a number: \"1\"", KR + ".tags[1]: must be a string: 2")),
        Arguments.of("negative weight", withKeyResult("'id': 'KR-1', 'weight': -0.5, " + METRIC),
            List.of(KR + ".weight: must not be negative: -0.5")),
        Arguments.of("metric target missing", withMetric("'baseline': 0, 'direction': 'increase'"),
            List.of(KR + ".metric.target: missing")),
        Arguments.of("metric baseline missing", withMetric("'target': 5, 'direction': 'decrease'"),
            List.of(KR + ".metric.baseline: missing (required for decrease)")),
        Arguments.of("metric direction missing", withMetric("'baseline': 0, 'target': 5"),
            List.of(KR + ".metric.direction: missing")),
        Arguments.of("unknown direction", withMetric("'baseline': 0, 'target': 5, 'direction': 'up'"),
            List.of(KR + ".metric.direction: unknown direction \"up\""
                + " (expected one of: increase, decrease, maintain-above, maintain-below, achieve)")),
        Arguments.of("target equals baseline", withMetric("'baseline': 40, 'target': 40.0, 'direction': 'increase'"),
            List.of(KR + ".metric.target: must differ from baseline (both 40.0)")),
        Arguments.of("decrease target above baseline",
            withMetric("'baseline': 9, 'target': 9.5, 'direction': 'decrease', 'unit': 'hours', 'min': 0"),
            List.of(KR + ".metric.target: must be below baseline for direction decrease (target 9.5, baseline 9.0)")),
        Arguments.of("increase target below baseline and above max",
            withMetric("'baseline': 10, 'target': 5, 'direction': 'increase', 'max': 4"),
            List.of(KR + ".metric.target: must be above baseline for direction increase (target 5.0, baseline 10.0)",
                KR + ".metric.baseline: must not be above max (10.0 > 4.0)",
                KR + ".metric.target: must not be above max (5.0 > 4.0)")),
        Arguments.of("achieve target 0", withMetric("'target': 0, 'direction': 'achieve'"),
            List.of(KR + ".metric.target: must be 1 for direction achieve: 0.0")),
        Arguments.of("achieve baseline and target not 0 and 1",
            withMetric("'baseline': 0.5, 'target': 2, 'direction': 'achieve'"),
            List.of(KR + ".metric.baseline: must be 0 for direction achieve: 0.5",
                KR + ".metric.target: must be 1 for direction achieve: 2.0")),
        Arguments.of("achieve values not 0 or 1", withKeyResult("'id': 'KR-1', 'metric': {'direction': 'achieve'},"
                + " 'checkIns': [{'at': '2026-07-08', 'value': 1}, {'at': '2026-07-09', 'value': 0.5},"
                + " {'at': '2026-07-10', 'value': -1}, {'at': '2026-07-11', 'value': 0}], 'result': {'finalValue': 2}"),
            List.of(KR + ".checkIns[1].value: must be 0 or 1 for direction achieve: 0.5",
                KR + ".checkIns[2].value: must be 0 or 1 for direction achieve: -1.0",
                KR + ".result.finalValue: must be 0 or 1 for direction achieve: 2.0")),
        Arguments.of("numbers beyond 1e15", withKeyResult("'id': 'KR-1', 'metric': {'baseline': -1e308,"
                + " 'target': 1e308, 'direction': 'increase', 'min': -1e16, 'max': 1e16}, 'plan': {'shape': 'points',"
                + " 'points': [{'date': '2026-08-01', 'value': 1e300}]}, 'checkIns': [{'at': '2026-07-08', 'value': 1},"
                + " {'at': '2026-07-09', 'value': 1.79e308}], 'result': {'finalValue': -2e15}"),
            List.of(KR + ".metric.baseline: must be within -1e15..1e15: -1.0E308",
                KR + ".metric.target: must be within -1e15..1e15: 1.0E308",
                KR + ".metric.min: must be within -1e15..1e15: -1.0E16",
                KR + ".metric.max: must be within -1e15..1e15: 1.0E16",
                KR + ".plan.points[0].value: must be within -1e15..1e15: 1.0E300",
                KR + ".checkIns[1].value: must be within -1e15..1e15: 1.79E308",
                KR + ".result.finalValue: must be within -1e15..1e15: -2.0E15")),
        Arguments.of("level beyond 1e15",
            withMetric("'baseline': 0, 'target': 1, 'direction': 'increase', 'levels': [-2e15, 0, 1]"),
            List.of(KR + ".metric.levels[0]: must be within -1e15..1e15: -2.0E15")),
        Arguments.of("target 5e-324 from baseline",
            withMetric("'baseline': 0, 'target': 5e-324, 'direction': 'increase'"),
            List.of(KR + ".metric.target: must differ from baseline by at least 1e-9: 4.9E-324 (baseline 0.0)")),
        Arguments.of("target 1e-10 below baseline",
            withMetric("'baseline': 1, 'target': 0.9999999999, 'direction': 'maintain-below'"),
            List.of(KR + ".metric.target: must differ from baseline by at least 1e-9: 0.9999999999 (baseline 1.0)")),
        Arguments.of("weight above 1e6", withKeyResult("'id': 'KR-1', 'weight': 1e308, " + METRIC),
            List.of(KR + ".weight: must not be above 1e6: 1.0E308")),
        Arguments.of("self score outside 0..1", withKeyResult("'id': 'KR-1', " + METRIC
                + ", 'result': {'finalValue': 5, 'selfScore': 1.5}"),
            List.of(KR + ".result.selfScore: must be within 0..1: 1.5")),
        Arguments.of("cycle dates beyond 1900..2200",
            withCycle("{'id': 'C', 'start': '1899-12-31', 'end': '+999999999-12-31'}"),
            List.of("cycle.start: must be within 1900-01-01..2200-12-31: 1899-12-31",
                "cycle.end: must be within 1900-01-01..2200-12-31: +999999999-12-31")),
        Arguments.of("cycle start -999999999", withCycle("{'id': 'C', 'start': '-999999999-01-01', 'end': '2026-09-30'}"),
            List.of("cycle.start: must be within 1900-01-01..2200-12-31: -999999999-01-01")),
        Arguments.of("cycle longer than 1098 days", // 2026-07-01 + 1098 days (2028 is a leap year)
            withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2029-07-03'}"),
            List.of("cycle.end: must make a cycle of at most 1098 days: 1099 days (2026-07-01 to 2029-07-03)")),
        Arguments.of("cycle 300 years long", withCycle("{'id': 'C', 'start': '1900-01-01', 'end': '2200-12-31'}"),
            // python3: (date(2200, 12, 31) - date(1900, 1, 1)).days + 1
            List.of("cycle.end: must make a cycle of at most 1098 days: 109938 days (1900-01-01 to 2200-12-31)")),
        Arguments.of("check-in instants beyond 1900..2200", withKeyResult("'id': 'KR-1', " + METRIC + ", 'checkIns': ["
                + "{'at': '9999-01-01', 'value': 1}, {'at': '+999999999-12-31T23:59:59Z', 'value': 2},"
                + " {'at': '1899-12-31T23:59:59-01:00', 'value': 3}]"),
            List.of(KR + ".checkIns[0].at: must be within 1900-01-01..2200-12-31 (UTC): 9999-01-01T00:00:00Z",
                KR + ".checkIns[1].at: must be within 1900-01-01..2200-12-31 (UTC): +999999999-12-31T23:59:59Z",
                // 1900-01-01T00:59:59Z is within the limits, but not within the cycle's window
                KR + ".checkIns[2].at: must be within 2026-03-31T00:00:00Z..2027-01-01T00:00:00Z"
                    + " (one cycle length before the start to one after the end): 1900-01-01T00:59:59Z")),
        Arguments.of("check-ins outside the window", withKeyResult("'id': 'KR-1', " + METRIC + ", 'checkIns': ["
                + "{'at': '2026-03-30T23:59:59Z', 'value': 1}, {'at': '2026-03-31', 'value': 2},"
                + " {'at': '2027-01-01T00:00:00Z', 'value': 3}, {'at': '2027-01-01T01:00:00+01:00', 'value': 4},"
                + " {'at': '2027-01-01T00:00:00.000000001Z', 'value': 5}]"),
            // the cycle is 92 days: from 2026-07-01 - 92 days to 2026-10-01 + 92 days, both included
            List.of(KR + ".checkIns[0].at: must be within 2026-03-31T00:00:00Z..2027-01-01T00:00:00Z"
                    + " (one cycle length before the start to one after the end): 2026-03-30T23:59:59Z",
                KR + ".checkIns[4].at: must be within 2026-03-31T00:00:00Z..2027-01-01T00:00:00Z"
                    + " (one cycle length before the start to one after the end): 2027-01-01T00:00:00.000000001Z")),
        Arguments.of("other dates beyond 1900..2200", withRoot("'initiatives': [{'id': 'I-1', 'team': 't',"
                + " 'milestones': [{'id': 'M-1', 'due': '1800-01-01', 'completed': '2300-01-01'}]}],"
                + " 'dependencies': [{'upstream': 'I-1', 'downstream': 'KR-1', 'kind': 'blocks',"
                + " 'needBy': '9999-12-31'}]").replace(q(METRIC), q(METRIC + ", 'plan': {'shape': 'points',"
                + " 'points': [{'date': '0001-01-01', 'value': 1}]}")),
            List.of(KR + ".plan.points[0].date: must be within 1900-01-01..2200-12-31: 0001-01-01",
                "initiatives[0].milestones[0].due: must be within 1900-01-01..2200-12-31: 1800-01-01",
                "initiatives[0].milestones[0].completed: must be within 1900-01-01..2200-12-31: 2300-01-01",
                "dependencies[0].needBy: must be within 1900-01-01..2200-12-31: 9999-12-31")),
        Arguments.of("team its own parent",
            withTeamsAndObjectives("{'id': 't', 'parent': 't'}", objective("O-1", null)),
            List.of("teams[0].parent: forms a loop t -> t")),
        Arguments.of("teams in a loop", withTeamsAndObjectives("{'id': 'a', 'parent': 'c'}, {'id': 'b', 'parent': 'a'},"
                + " {'id': 'c', 'parent': 'b'}, {'id': 'd', 'parent': 'a'}, {'id': 't', 'parent': 'd'}",
                objective("O-1", null)),
            List.of("teams[0].parent: forms a loop a -> c -> b -> a")),
        Arguments.of("objective its own parent", withTeamsAndObjectives("{'id': 't'}", objective("O-1", "O-1")),
            List.of("objectives[0].parent: forms a loop O-1 -> O-1")),
        Arguments.of("objectives in loops, one with a tail", withTeamsAndObjectives("{'id': 't'}",
                String.join(", ", objective("O-1", "O-2"), objective("O-2", "O-3"), objective("O-3", "O-2"),
                    objective("O-4", "O-5"), objective("O-5", "O-4"), objective("O-6", null))),
            List.of("objectives[1].parent: forms a loop O-2 -> O-3 -> O-2",
                "objectives[3].parent: forms a loop O-4 -> O-5 -> O-4")),
        Arguments.of("maintain target equals baseline",
            withMetric("'baseline': 3, 'target': 3, 'direction': 'maintain-below'"),
            List.of(KR + ".metric.target: must differ from baseline (both 3.0)")),
        Arguments.of("infinite numbers", withMetric("'baseline': -1e400, 'target': 1E999, 'direction': 'increase'"),
            List.of(KR + ".metric.baseline: must be finite: -1e400", KR + ".metric.target: must be finite: 1E999")),
        Arguments.of("min not below max",
            withMetric("'baseline': 1, 'target': 2, 'direction': 'increase', 'min': 5, 'max': 3"),
            List.of(KR + ".metric.min: must be below max (5.0 >= 3.0)")),
        Arguments.of("min equals max",
            withMetric("'baseline': 1, 'target': 2, 'direction': 'increase', 'min': 3, 'max': 3.0"),
            List.of(KR + ".metric.min: must be below max (3.0 >= 3.0)")),
        Arguments.of("bounds not finite numbers",
            withMetric("'baseline': 1, 'target': 2, 'direction': 'increase', 'min': '0', 'max': 1e400"),
            List.of(KR + ".metric.min: must be a number: \"0\"", KR + ".metric.max: must be finite: 1e400")),
        // a number exported as text names its value (before: "must be a number" alone); a long one is cut at 80
        // code points: 90 digits give the first 80 and "..."
        Arguments.of("numbers written as text",
            withMetric("'baseline': 0, 'target': '238', 'direction': 'increase', 'max': '" + "1".repeat(90) + "'"),
            List.of(KR + ".metric.target: must be a number: \"238\"",
                KR + ".metric.max: must be a number: \"" + "1".repeat(80) + "...\"")),
        Arguments.of("baseline and target outside the bounds",
            withMetric("'baseline': -1, 'target': 120, 'direction': 'increase', 'min': 0, 'max': 100"),
            List.of(KR + ".metric.baseline: must not be below min (-1.0 < 0.0)",
                KR + ".metric.target: must not be above max (120.0 > 100.0)")),
        Arguments.of("baseline above max, target below min",
            withMetric("'baseline': 101, 'target': -2, 'direction': 'decrease', 'min': -1, 'max': 100"),
            List.of(KR + ".metric.baseline: must not be above max (101.0 > 100.0)",
                KR + ".metric.target: must not be below min (-2.0 < -1.0)")),
        Arguments.of("achieve's default target above max",
            withMetric("'direction': 'achieve', 'max': 0.5"),
            List.of(KR + ".metric.target: must not be above max (1.0 > 0.5)")),
        Arguments.of("levels not an array",
            withMetric("'baseline': 0, 'target': 3, 'direction': 'increase', 'levels': 3"),
            List.of(KR + ".metric.levels: must be an array: 3")),
        Arguments.of("one level",
            withMetric("'baseline': 0, 'target': 3, 'direction': 'increase', 'levels': [0]"),
            List.of(KR + ".metric.levels: must hold 2 to 20 values: 1")),
        Arguments.of("21 levels", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase', 'levels': ["
                + "0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]"),
            List.of(KR + ".metric.levels: must hold 2 to 20 values: 21")),
        Arguments.of("bad level entries", withMetric("'baseline': 0, 'target': 3, 'direction': 'increase',"
                + " 'levels': [0, null, 'x', 2, 2, 1, 3, -1e400]"),
            List.of(KR + ".metric.levels[1]: must not be null", KR + ".metric.levels[2]: must be a number: \"x\"",
                KR + ".metric.levels[4]: must be above levels[3] (2.0 <= 2.0)",
                KR + ".metric.levels[5]: must be above levels[4] (1.0 <= 2.0)",
                KR + ".metric.levels[7]: must be finite: -1e400")),
        Arguments.of("levels outside the bounds", withMetric("'baseline': 0, 'target': 1, 'direction': 'increase',"
                + " 'min': 0, 'max': 3, 'levels': [-1, 0, 1, 4]"),
            List.of(KR + ".metric.levels[0]: must not be below min (-1.0 < 0.0)",
                KR + ".metric.levels[3]: must not be above max (4.0 > 3.0)")),
        Arguments.of("baseline and target outside the levels",
            withMetric("'baseline': 0, 'target': 4, 'direction': 'increase', 'levels': [1, 2, 3]"),
            List.of(KR + ".metric.baseline: must not be below the first level (0.0 < 1.0)",
                KR + ".metric.target: must not be above the last level (4.0 > 3.0)")),
        Arguments.of("every metric problem at once", withMetric("'baseline': 0, 'target': 0, 'direction': 'increase',"
                + " 'min': 2, 'max': 1, 'levels': [5]"),
            // each field's own problems first, then the rules between fields
            List.of(KR + ".metric.levels: must hold 2 to 20 values: 1",
                KR + ".metric.target: must differ from baseline (both 0.0)",
                KR + ".metric.min: must be below max (2.0 >= 1.0)")),
        Arguments.of("unknown shape", withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {'shape': 'wavy'}"),
            List.of(KR + ".plan.shape: unknown shape \"wavy\""
                + " (expected one of: linear, s-curve, front-loaded, back-loaded, points)")),
        Arguments.of("plan without shape", withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {}"),
            List.of(KR + ".plan.shape: missing")),
        Arguments.of("points missing", withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {'shape': 'points'}"),
            List.of(KR + ".plan.points: missing")),
        Arguments.of("points empty",
            withKeyResult("'id': 'KR-1', " + METRIC + ", 'plan': {'shape': 'points', 'points': []}"),
            List.of(KR + ".plan.points: must not be empty")),
        Arguments.of("points with another shape", withKeyResult("'id': 'KR-1', " + METRIC
                + ", 'plan': {'shape': 'linear', 'points': [{'date': '2026-08-01', 'value': 1}]}"),
            List.of(KR + ".plan.points: only allowed with shape \"points\"")),
        Arguments.of("points repeat a date", withKeyResult("'id': 'KR-1', " + METRIC
                + ", 'plan': {'shape': 'points', 'points': [{'date': '2026-08-01', 'value': 1},"
                + " {'date': '2026-09-01', 'value': 5}, {'date': '2026-08-01', 'value': 2}, {'value': 3}]}"),
            List.of(KR + ".plan.points[2].date: same date as points[0] (2026-08-01)",
                KR + ".plan.points[3].date: missing")),
        Arguments.of("check-in fields", withKeyResult("'id': 'KR-1', " + METRIC + ", 'checkIns': ["
                + "{'at': 'yesterday', 'value': 1}, {'at': '2026-07-08T09:00', 'value': 1},"
                + " {'value': 1, 'confidence': 1.5}, {'at': '2026-07-09', 'confidence': -0.1, 'blockers': 'x'}]"),
            List.of(KR + ".checkIns[0].at: not an instant with offset or a date: \"yesterday\"",
                KR + ".checkIns[1].at: not an instant with offset or a date: \"2026-07-08T09:00\"",
                KR + ".checkIns[2].at: missing", KR + ".checkIns[2].confidence: must be within 0..1: 1.5",
                KR + ".checkIns[3].value: missing", KR + ".checkIns[3].confidence: must be within 0..1: -0.1",
                KR + ".checkIns[3].blockers: must be an array: \"x\"")),
        Arguments.of("infinite check-in value",
            withKeyResult("'id': 'KR-1', " + METRIC + ", 'checkIns': [{'at': '2026-07-08', 'value': 1e400}]"),
            List.of(KR + ".checkIns[0].value: must be finite: 1e400")),
        Arguments.of("result without final value",
            withKeyResult("'id': 'KR-1', " + METRIC + ", 'result': {'selfScore': 0.5}"),
            List.of(KR + ".result.finalValue: missing")),
        Arguments.of("duplicate ids", withRoot("'initiatives': [{'id': 'KR-1', 'team': 't',"
                + " 'milestones': [{'id': 't', 'due': '2026-08-01'}]}]"),
            List.of("initiatives[0].id: duplicate id \"KR-1\" (first at objectives[0].keyResults[0].id)",
                "initiatives[0].milestones[0].id: duplicate id \"t\" (first at teams[0].id)")),
        Arguments.of("dangling references", MINIMAL.replace(q("'team': 't', 'keyResults'"),
                q("'team': 'growth', 'parent': 'O-9', 'keyResults'")).replace(q(TEAMS),
                q("'teams': [{'id': 't', 'parent': 'eng'}]")),
            List.of("teams[0].parent: unknown team \"eng\"", "objectives[0].team: unknown team \"growth\"",
                "objectives[0].parent: unknown objective \"O-9\"")),
        Arguments.of("references of the wrong kind", withRoot("'initiatives': [{'id': 'I-1', 'team': 'O-1',"
                + " 'keyResults': ['KR-1', 'I-1', 'KR-9']}], 'dependencies': [{'upstream': 't', 'downstream': 'KR-1',"
                + " 'kind': 'blocks'}]"),
            List.of("initiatives[0].team: \"O-1\" is a objective, not a team",
                "initiatives[0].keyResults[1]: \"I-1\" is a initiative, not a key result",
                "initiatives[0].keyResults[2]: unknown key result \"KR-9\"",
                "dependencies[0].upstream: \"t\" is a team, not a key result, initiative or milestone")),
        Arguments.of("self-dependency",
            withRoot("'dependencies': [{'upstream': 'KR-1', 'downstream': 'KR-1', 'kind': 'blocks'}]"),
            List.of("dependencies[0].downstream: must differ from upstream (both \"KR-1\")")),
        Arguments.of("dependency fields", withRoot("'dependencies': [{'downstream': 'KR-1', 'kind': 'needs',"
                + " 'needBy': '15.08.2026'}]"),
            List.of("dependencies[0].upstream: missing",
                "dependencies[0].kind: unknown kind \"needs\" (expected one of: blocks, contributes, shares-resource)",
                "dependencies[0].needBy: not a date (yyyy-mm-dd): \"15.08.2026\"")),
        Arguments.of("milestone fields", withRoot("'initiatives': [{'id': 'I-1', 'team': 't',"
                + " 'milestones': [{'id': 'M-1', 'completed': 'soon'}]}]"),
            List.of("initiatives[0].milestones[0].due: missing",
                "initiatives[0].milestones[0].completed: not a date (yyyy-mm-dd): \"soon\"")),
        Arguments.of("initiative fields", withRoot("'initiatives': [{'title': 'x', 'keyResults': 'KR-1'}]"),
            List.of("initiatives[0].id: missing", "initiatives[0].team: missing",
                "initiatives[0].keyResults: must be an array: \"KR-1\"")),
        Arguments.of("duplicate keys", MINIMAL.replace(q("'id': 'C'"), q("'id': 'C', 'id': 'D'"))
                .replace(q("'title': 'T'"), q("'title': 'T', 'title': 'U'")),
            List.of("cycle.id: duplicate key", "objectives[0].title: duplicate key")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDocuments")
  void read_badDocument_listsEveryProblem(String name, String json, List<String> expected) {
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(json));
    assertThat(e).as("no exception for %s", name).isNotNull();
    assertThat(e.problems()).extracting(Problem::toString).containsExactlyElementsOf(expected);
  }

  @Test
  void read_unpairedSurrogateEscapes_refusedAtEveryPathWithTheOtherProblems() {
    // lone surrogates written as JSON escapes: text no UTF-8 file can hold, so no output can write it
    String json = withRoot("'initiatives': [{'id': 'I-1', 'team': 't', 'title': 'x\\udc00'}]")
        .replace(q("{'id': 't'}"), q("{'id': 't', 'name': 'Ops \\ud800'}"))
        .replace(q("'id': 'KR-1', "), q("'id': 'KR-1', 'title': 'Pipeline \\ud800', 'tags': ['ok', '\\ud83d\\ude00',"
            + " 'a\\ud83d'], 'checkIns': [{'at': '2026-07-08', 'value': 1, 'note': '\\ude00\\ud83d',"
            + " 'blockers': ['\\udfff']}], 'weight': -1, "));
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(json));
    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "teams[0].name: contains an unpaired surrogate (\\ud800)",
        KR + ".title: contains an unpaired surrogate (\\ud800)",
        KR + ".weight: must not be negative: -1.0",
        KR + ".tags[2]: contains an unpaired surrogate (\\ud83d)",
        KR + ".checkIns[0].note: contains an unpaired surrogate (\\ude00)",
        KR + ".checkIns[0].blockers[0]: contains an unpaired surrogate (\\udfff)",
        "initiatives[0].title: contains an unpaired surrogate (\\udc00)");
    // a well-formed pair (an emoji) is text like any other
    assertThat(JSON.read(MINIMAL.replace(q("'title': 'T'"), q("'title': 'T \\ud83d\\ude00'"))).cycle()
        .objective("O-1").orElseThrow().title()).isEqualTo("T \ud83d\ude00");
  }

  @Test
  void read_unpairedSurrogate_inAnId_refusedOnALineOfJsonLinesToo() {
    String json = MINIMAL.replace(q("'id': 'O-1'"), q("'id': 'O-\\udbff'"));
    JsonLine line = JSON.line(3, json);
    assertThat(line.cycle()).isNull();
    assertThat(line.errors()).extracting(Problem::toString)
        .containsExactly("objectives[0].id: contains an unpaired surrogate (\\udbff)");
  }

  @Test
  void read_idOfWhiteSpaceTheSchemaCounts_blank() {
    // the schemas' "\S" is ECMA-262's: U+00A0, U+2007, U+202F, U+3000, U+FEFF and the rest are white space to it
    for (String blank : List.of("\u00a0", "\u2007", "\u202f", "\u3000", "\ufeff", " \u00a0\u2028\u1680\u205f")) {
      String json = MINIMAL.replace(q("'id': 'O-1'"), q("'id': '" + blank + "'"))
          .replace(q("'id': 't'}"), q("'id': 't', 'parent': '" + blank + "'}"));
      InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(json));
      assertThat(e).as("%s", blank.chars().mapToObj(Integer::toHexString).toList()).isNotNull();
      assertThat(e.problems()).extracting(Problem::toString)
          .containsExactly("teams[0].parent: must not be blank", "objectives[0].id: must not be blank");
    }
    // not white space to ECMA-262 nor to Java: a zero-width space and a Mongolian vowel separator are text
    assertThat(JSON.read(MINIMAL.replace(q("'id': 'O-1'"), q("'id': '\u200b\u180e'"))).cycle().objectives())
        .hasSize(1);
  }

  @Test
  void read_minimal_appliesDefaults() {
    ParsedCycle parsed = JSON.read(MINIMAL);
    OkrCycle c = parsed.cycle();
    assertThat(parsed.warnings()).isEmpty();
    assertThat(c.cycle()).isEqualTo(new Cycle("C", "C", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30),
        ZoneOffset.UTC));
    assertThat(c.teams()).containsExactly(new Team("t", "t", null));
    Objective o = c.objectives().get(0);
    assertThat(o.commitment()).isEqualTo(Commitment.COMMITTED);
    assertThat(o.owner()).isNull();
    assertThat(o.parent()).isNull();
    KeyResult kr = o.keyResults().get(0);
    assertThat(kr).isEqualTo(new KeyResult("KR-1", "KR-1", null, "t", 1.0, List.of(),
        new Metric(0.0, 10.0, Direction.INCREASE, null), Plan.LINEAR, List.of(), null));
    assertThat(c.initiatives()).isEmpty();
    assertThat(c.dependencies()).isEmpty();
  }

  /**
   * A commitment the document does not declare is not written back (it was written "committed", the default, so a
   * history without commitments came back as one committed throughout); a declared one is, "committed" too.
   */
  @Test
  void write_commitmentNotDeclared_notWritten_declaredWritten() throws Exception {
    OkrCycle undeclared = JSON.read(MINIMAL).cycle();
    assertThat(undeclared.objectives().get(0).commitment()).isEqualTo(Commitment.COMMITTED); // the default, as before
    String written = JSON.write(undeclared);
    assertThat(written).doesNotContain("commitment");
    assertThat(JSON.read(written).cycle()).isEqualTo(undeclared);
    OkrCycle declared = JSON.read(MINIMAL.replace(q("'team': 't', 'keyResults'"),
        q("'team': 't', 'commitment': 'committed', 'keyResults'"))).cycle();
    assertThat(JSON.write(declared)).contains(q("'commitment': 'committed'"));
    assertThat(declared).isNotEqualTo(undeclared);
    assertThat(JSON.read(JSON.write(declared)).cycle()).isEqualTo(declared);
  }

  @Test
  void read_checkInEveryDays_agreedCadenceReadWrittenAndChecked() throws Exception {
    String every = withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2026-09-30', 'checkInEveryDays': 14}");
    OkrCycle c = JSON.read(every).cycle();
    assertThat(c.cycle().checkInEveryDays()).isEqualTo(14.0);
    assertThat(JSON.read(JSON.write(c)).cycle()).isEqualTo(c);
    assertThat(JSON.read(MINIMAL).cycle().cycle().checkInEveryDays()).isNull();
    assertThatThrownBy(() -> JSON.read(withCycle(
        "{'id': 'C', 'start': '2026-07-01', 'end': '2026-09-30', 'checkInEveryDays': 0}")))
        .isInstanceOf(InvalidCycleException.class)
        .hasMessageContaining("cycle.checkInEveryDays: must be above 0 and at most 1098: 0.0");
    assertThatThrownBy(() -> new Cycle("C", null, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), null, -3.0))
        .hasMessage("checkInEveryDays must be above 0 and at most 1098: -3.0");
  }

  @Test
  void read_nullOptionalFields_sameAsAbsent() {
    String json = withKeyResult("'id': 'KR-1', 'title': null, 'owner': null, 'team': null, 'weight': null,"
        + " 'tags': null, 'metric': {'baseline': 0, 'target': 10, 'direction': 'increase', 'unit': null},"
        + " 'plan': {'shape': 'linear', 'points': null}, 'checkIns': null, 'result': null")
        .replace(q("'team': 't', 'keyResults'"), q("'team': 't', 'owner': null, 'parent': null, 'commitment': null,"
            + " 'keyResults'"));
    ParsedCycle parsed = JSON.read(json);
    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
  }

  @Test
  void read_achieveWithoutNumbers_defaultsToZeroAndOne() {
    KeyResult kr = JSON.read(withMetric("'direction': 'achieve'")).cycle().keyResults().get(0);
    assertThat(kr.metric()).isEqualTo(new Metric(0.0, 1.0, Direction.ACHIEVE, null));
  }

  @Test
  void read_numbersAtTheirLimits_loaded() {
    KeyResult kr = JSON.read(withKeyResult("'id': 'KR-1', 'weight': 1e6, 'metric': {'baseline': -1e15,"
        + " 'target': 1e15, 'direction': 'increase', 'min': -1e15, 'max': 1e15}, 'plan': {'shape': 'points',"
        + " 'points': [{'date': '2026-08-01', 'value': -1e15}]}, 'checkIns': [{'at': '2026-07-08', 'value': 1e15}],"
        + " 'result': {'finalValue': -1e15, 'selfScore': 0}")).cycle().keyResults().get(0);
    assertThat(kr.weight()).isEqualTo(1e6);
    assertThat(kr.metric().progress(kr.checkIns().get(0).value())).isEqualTo(1.0);
    Metric smallest = JSON.read(withMetric("'baseline': 3, 'target': 3.000000001, 'direction': 'increase'")).cycle()
        .keyResults().get(0).metric();
    assertThat(smallest.progress(-1e15)).isFinite();
  }

  @Test
  void read_datesAtTheirLimits_loaded() {
    String longest = withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2029-07-02'}"); // 1098 days
    assertThat(JSON.read(longest).cycle().cycle().lengthDays()).isEqualTo(1098.0);
    String json = withCycle("{'id': 'C', 'start': '1900-01-01', 'end': '1900-01-01', 'zone': '+01:00'}")
        .replace(q(METRIC), q(METRIC + ", 'checkIns': [{'at': '1900-01-01T00:00:00Z', 'value': 1},"
            + " {'at': '1900-01-02T23:00:00Z', 'value': 2}]"));
    OkrCycle c = JSON.read(json).cycle();
    assertThat(c.keyResults().get(0).checkIns()).hasSize(2);
    String last = withCycle("{'id': 'C', 'start': '2200-12-31', 'end': '2200-12-31'}")
        .replace(q(METRIC), q(METRIC + ", 'checkIns': [{'at': '2200-12-31T23:59:59.999999999Z', 'value': 1}]"));
    assertThat(JSON.read(last).cycle().keyResults().get(0).checkIns()).hasSize(1);
  }

  @Test
  void read_maintainWithoutBaseline_hasNullBaseline() {
    KeyResult kr = JSON.read(withMetric("'target': 99.5, 'direction': 'maintain-above', 'baseline': null"))
        .cycle().keyResults().get(0);
    assertThat(kr.metric()).isEqualTo(new Metric(null, 99.5, Direction.MAINTAIN_ABOVE, null));
  }

  @Test
  void read_checkInDates_startOfDayInCycleZone() {
    String json = withCycle("{'id': 'C', 'start': '2026-07-01', 'end': '2026-09-30', 'zone': 'Europe/Oslo'}")
        .replace(q(METRIC), q(METRIC + ", 'checkIns': [{'at': '2026-07-08', 'value': 1},"
            + " {'at': '2026-07-08T09:00:00+02:00', 'value': 2}]"));
    OkrCycle c = JSON.read(json).cycle();
    assertThat(c.cycle().zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
    // Oslo is UTC+2 in summer: midnight there is 22:00 UTC the day before
    assertThat(c.checkIns("KR-1")).extracting(CheckIn::at).containsExactly(
        Instant.parse("2026-07-07T22:00:00Z"), Instant.parse("2026-07-08T07:00:00Z"));
  }

  @Test
  void read_unorderedCheckIns_sortedByTime() {
    String json = withKeyResult("'id': 'KR-1', " + METRIC + ", 'checkIns': [{'at': '2026-07-20', 'value': 3},"
        + " {'at': '2026-07-06', 'value': 1}, {'at': '2026-07-13', 'value': 2}]");
    assertThat(JSON.read(json).cycle().checkIns("KR-1")).extracting(CheckIn::value).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void read_severalProblems_listsAllInDocumentOrder() {
    String json = q("""
        {
          'format': 'okr-cycle/1',
          'cycle': {'id': 'C', 'start': '2026-07-01', 'end': '2026-06-01', 'zone': 'Nowhere/Town'},
          'teams': [{'id': 't'}, {'id': 't'}],
          'objectives': [
            {'id': 'O-1', 'title': 'T', 'team': 'x', 'keyResults': [
              {'id': 'KR-1', 'weight': -1, 'metric': {'baseline': 40, 'target': 40, 'direction': 'increase'},
               'checkIns': [{'at': '2026-07-08', 'value': 1, 'confidence': 2}]},
              {'id': 'KR-2', 'team': 'y', 'metric': {'target': 1, 'direction': 'sideways'}}
            ]}
          ],
          'dependencies': [{'upstream': 'KR-2', 'downstream': 'KR-3', 'kind': 'blocks'}]
        }
        """);
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(json));
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "cycle.zone: unknown zone \"Nowhere/Town\"",
        "cycle.end: must not be before start (2026-06-01 < 2026-07-01)",
        "objectives[0].keyResults[0].weight: must not be negative: -1.0",
        "objectives[0].keyResults[0].metric.target: must differ from baseline (both 40.0)",
        "objectives[0].keyResults[0].checkIns[0].confidence: must be within 0..1: 2.0",
        "objectives[0].keyResults[1].metric.direction: unknown direction \"sideways\""
            + " (expected one of: increase, decrease, maintain-above, maintain-below, achieve)",
        "teams[1].id: duplicate id \"t\" (first at teams[0].id)",
        "objectives[0].team: unknown team \"x\"",
        "objectives[0].keyResults[1].team: unknown team \"y\"",
        "dependencies[0].downstream: unknown key result, initiative or milestone \"KR-3\"");
    assertThat(e.getMessage()).startsWith("10 problems:\ncycle.zone: unknown zone \"Nowhere/Town\"\n");
  }

  @Test
  void read_referenceProblems_sameAsOkrCycleOf() {
    String json = MINIMAL.replace(q("'team': 't', 'keyResults'"), q("'team': 'growth', 'keyResults'"));
    List<Problem> fromJson =
        catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(json)).problems();
    KeyResult kr = new KeyResult("KR-1", null, null, "t", 1, null, new Metric(0.0, 10, Direction.INCREASE, null),
        null, null, null);
    List<Problem> fromModel = catchThrowableOfType(InvalidCycleException.class, () -> OkrCycle.of(
        Cycle.of("C", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)), List.of(Team.of("t")),
        List.of(new Objective("O-1", "T", "growth", null, null, null, List.of(kr))))).problems();
    assertThat(fromJson).isEqualTo(fromModel);
  }

  @Test
  void read_unknownFields_warnedAndLeftOut() {
    String json = MINIMAL.replace(q("'title': 'T'"), q("'title': 'T', 'colour': 'blue'"))
        .replace(q("'direction': 'increase'"), q("'direction': 'increase', 'scale': {'log': true}"))
        .replace(q("{'format'"), q("{'generator': 'tool 2.0', 'format'"));
    ParsedCycle parsed = JSON.read(json);
    assertThat(parsed.warnings()).extracting(Problem::toString).containsExactly(
        "generator: unknown field",
        "objectives[0].colour: unknown field",
        "objectives[0].keyResults[0].metric.scale: unknown field");
    assertThat(parsed.cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
  }

  static final String BOUNDED = "'metric': {'baseline': 8, 'target': 12, 'direction': 'increase', 'unit': '%',"
      + " 'min': 0, 'max': 100}";
  static final String ZONES = "'metric': {'baseline': 0, 'target': 3, 'direction': 'increase', 'unit': 'zone',"
      + " 'min': 0, 'levels': [0, 1, 2, 3]}";

  @Test
  void read_boundsAndLevels_loaded() {
    assertThat(JSON.read(withKeyResult("'id': 'KR-1', " + BOUNDED)).cycle().keyResults().get(0).metric())
        .isEqualTo(new Metric(8.0, 12, Direction.INCREASE, "%", 0.0, 100.0, null));
    ParsedCycle zones = JSON.read(withKeyResult("'id': 'KR-1', " + ZONES));
    assertThat(zones.warnings()).isEmpty();
    Metric m = zones.cycle().keyResults().get(0).metric();
    assertThat(m).isEqualTo(new Metric(0.0, 3, Direction.INCREASE, "zone", 0.0, null, List.of(0.0, 1.0, 2.0, 3.0)));
    assertThat(m.isOrdinal()).isTrue();
    // null is the same as absent
    assertThat(JSON.read(withMetric("'baseline': 0, 'target': 10, 'direction': 'increase', 'min': null,"
        + " 'max': null, 'levels': null")).cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
  }

  @Test
  void read_valuesOutsideBoundsOrLevels_warnedAndKept() {
    String json = withKeyResult("'id': 'KR-1', " + BOUNDED + ", 'checkIns': [{'at': '2026-07-08', 'value': 100},"
        + " {'at': '2026-07-15', 'value': 104.5}, {'at': '2026-07-22', 'value': -0.5}, {'at': '2026-07-29',"
        + " 'value': 0}], 'result': {'finalValue': 100.25}");
    ParsedCycle parsed = JSON.read(json);
    assertThat(parsed.warnings()).extracting(Problem::toString).containsExactly(
        KR + ".checkIns[1].value: above the metric's max (104.5 > 100.0)",
        KR + ".checkIns[2].value: below the metric's min (-0.5 < 0.0)",
        KR + ".result.finalValue: above the metric's max (100.25 > 100.0)");
    assertThat(parsed.cycle().checkIns("KR-1")).extracting(CheckIn::value).containsExactly(100.0, 104.5, -0.5, 0.0);
    assertThat(parsed.cycle().keyResults().get(0).result().finalValue()).isEqualTo(100.25);
    String zones = withKeyResult("'id': 'KR-1', " + ZONES + ", 'checkIns': [{'at': '2026-07-08', 'value': 1},"
        + " {'at': '2026-07-15', 'value': 1.5}, {'at': '2026-07-22', 'value': -0.0}, {'at': '2026-07-29',"
        + " 'value': -1}, {'at': '2026-08-05', 'value': 7}], 'result': {'finalValue': 2.5}");
    assertThat(JSON.read(zones).warnings()).extracting(Problem::toString).containsExactly(
        KR + ".checkIns[1].value: not one of the metric's levels (1.5 not in 0.0, 1.0, 2.0, 3.0)",
        KR + ".checkIns[3].value: below the metric's min (-1.0 < 0.0)",
        KR + ".checkIns[4].value: not one of the metric's levels (7.0 not in 0.0, 1.0, 2.0, 3.0)",
        KR + ".result.finalValue: not one of the metric's levels (2.5 not in 0.0, 1.0, 2.0, 3.0)");
  }

  @Test
  void read_valueOutsideBoundsBesideErrors_stillWarned() {
    // a warning is listed even where another problem rejects the document
    String json = withKeyResult("'id': 'KR-1', 'weight': -1, " + BOUNDED
        + ", 'checkIns': [{'at': '2026-07-08', 'value': 101}]");
    JsonLine line = JSON.line(1, json);
    assertThat(line.errors()).extracting(Problem::toString).containsExactly(KR + ".weight: must not be negative: -1.0");
    assertThat(line.warnings()).extracting(Problem::toString)
        .containsExactly(KR + ".checkIns[0].value: above the metric's max (101.0 > 100.0)");
  }

  @Test
  void read_repeatedCheckInInstant_laterKeptWithWarning() {
    String json = withKeyResult("'id': 'KR-1', " + METRIC + ", 'checkIns': ["
        + "{'at': '2026-07-01T09:00:00Z', 'value': 1}, {'at': '2026-07-08T09:00:00Z', 'value': 2},"
        + " {'at': '2026-07-02', 'value': 3}, {'at': '2026-07-08T11:00:00+02:00', 'value': 4},"
        + " {'at': '2026-07-08T09:00:00.000Z', 'value': 5}]");
    ParsedCycle parsed = JSON.read(json);
    assertThat(parsed.warnings()).extracting(Problem::toString).containsExactly(
        KR + ".checkIns[3].at: same instant as checkIns[1] (2026-07-08T09:00:00Z); the later one is kept",
        KR + ".checkIns[4].at: same instant as checkIns[3] (2026-07-08T09:00:00Z); the later one is kept");
    assertThat(parsed.cycle().checkIns("KR-1")).extracting(CheckIn::value).containsExactly(1.0, 3.0, 5.0);
  }

  @Test
  void read_byteOrderMark_ignored() {
    assertThat(JSON.read("\uFEFF" + MINIMAL).cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
  }

  @Test
  void read_reader_sameAsString() throws IOException {
    StringReader in = new StringReader("\uFEFF" + MINIMAL);
    assertThat(JSON.read(in).cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
    assertThat(in.ready()).as("not closed").isTrue();
  }

  @Test
  void read_readerWithBadDocument_throwsWithProblems() {
    assertThatThrownBy(() -> JSON.read(new StringReader(withMetric("'baseline': 0, 'target': 1, 'direction': 'up'"))))
        .isInstanceOf(InvalidCycleException.class)
        .hasMessage("1 problem:\n" + KR + ".metric.direction: unknown direction \"up\""
            + " (expected one of: increase, decrease, maintain-above, maintain-below, achieve)");
  }

  @Test
  void read_file_sameAsString(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.json");
    Files.writeString(file, MINIMAL);
    assertThat(JSON.read(file).cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
  }

  @Test
  void read_fileWithBadUtf8_malformed(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.json");
    byte[] bytes = q("{'format': 'okr-cycle/1', 'x': 'a\u00e9'}").getBytes(StandardCharsets.ISO_8859_1);
    Files.write(file, bytes);
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(file));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).toString()).startsWith("line 1, column ").contains("invalid UTF-8");
  }

  /** {@code text} as UTF-8 with {@code bad} in place of the first {@code @}. */
  static byte[] withBytes(String text, int... bad) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    int at = text.indexOf('@'); // ASCII before it: its char index is its byte index
    byte[] out = new byte[utf8.length - 1 + bad.length];
    System.arraycopy(utf8, 0, out, 0, at);
    for (int i = 0; i < bad.length; i++) {
      out[at + i] = (byte) bad[i];
    }
    System.arraycopy(utf8, at + 1, out, at + bad.length, utf8.length - at - 1);
    return out;
  }

  static Stream<Arguments> invalidUtf8() {
    return Stream.of(
        Arguments.of("overlong '/'", new int[] {0xC0, 0xAF}, "bytes C0 AF"),
        Arguments.of("overlong 3-byte '/'", new int[] {0xE0, 0x80, 0xAF}, "bytes E0 80 AF"),
        Arguments.of("surrogate half", new int[] {0xED, 0xA0, 0x80}, "bytes ED A0 80"),
        Arguments.of("above U+10FFFF", new int[] {0xF4, 0x90, 0x80, 0x80}, "bytes F4 90 80 80"),
        Arguments.of("lone continuation byte", new int[] {0x80}, "byte 80"),
        Arguments.of("truncated sequence", new int[] {0xE2, 0x82}, "bytes E2 82"),
        Arguments.of("never in UTF-8", new int[] {0xFF}, "byte FF"),
        Arguments.of("Latin-1 e-acute", new int[] {0xE9}, "byte E9"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void read_fileWithInvalidUtf8_rejectedWithLineAndColumn(String name, int[] bad, String bytes, @TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("c.json");
    String text = MINIMAL.replace(q("'title': 'T'"), q("'title':\n  'T@'"));
    Files.write(file, withBytes(text, bad));
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(file));
    assertThat(e).as(name).isNotNull();
    // line 2 is "  'T@'...": the bad bytes are its fifth character
    assertThat(e.problems()).extracting(Problem::toString)
        .containsExactly("line 2, column 5: invalid UTF-8: " + bytes);
  }

  @Test
  void read_fileWithValidMultiByteText_loaded(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.json");
    // 2, 3 and 4 bytes, and the largest code point; a byte order mark first
    String title = "\u00e9\u20ac\uD83D\uDE00\uDBFF\uDFFF";
    Files.write(file, ("\uFEFF" + MINIMAL.replace(q("'title': 'T'"), q("'title': '" + title + "'")))
        .getBytes(StandardCharsets.UTF_8));
    assertThat(JSON.read(file).cycle().objectives().get(0).title()).isEqualTo(title);
  }

  @Test
  void lines_fileWithInvalidUtf8_badLineReportedWithNumber_othersRead(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.jsonl");
    String bad = MINIMAL.replace(q("'title': 'T'"), q("'title': 'T@'"));
    int column = bad.indexOf('@') + 1;
    byte[] good = (MINIMAL + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] second = withBytes(bad + "\n", 0xC0, 0xAF);
    byte[] last = withBytes(bad, 0xE2, 0x82); // truncated at its end too: no line end after it
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(good);
      out.write(second);
      out.write(good);
      out.write(withBytes("@" + MINIMAL + "\n", 0xFF, 0xFE)); // the first bad bytes are reported
      out.write(last);
    }
    List<JsonLine> lines;
    try (Stream<JsonLine> s = JSON.lines(file)) {
      lines = s.toList();
    }
    assertThat(lines).extracting(JsonLine::lineNumber).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(lines).extracting(JsonLine::isValid).containsExactly(true, false, true, false, false);
    assertThat(lines.get(1).errors()).extracting(Problem::toString)
        .containsExactly("line 2, column " + column + ": invalid UTF-8: bytes C0 AF");
    assertThat(lines.get(3).errors()).extracting(Problem::toString)
        .containsExactly("line 4, column 1: invalid UTF-8: byte FF");
    assertThat(lines.get(4).errors()).extracting(Problem::toString)
        .containsExactly("line 5, column " + column + ": invalid UTF-8: bytes E2 82");
    assertThat(lines.get(2).cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
  }

  @Test
  void lineOfBytes_readsOneLineAsTheFileReaderDoes(@TempDir Path dir) throws IOException {
    // the lines of lines_fileWithInvalidUtf8_badLineReportedWithNumber_othersRead, given one by one as their bytes
    String bad = MINIMAL.replace(q("'title': 'T'"), q("'title': 'T@'"));
    byte[][] raw = {MINIMAL.getBytes(StandardCharsets.UTF_8), withBytes(bad, 0xC0, 0xAF),
        withBytes("@" + MINIMAL, 0xFF, 0xFE), withBytes(bad, 0xE2, 0x82)};
    Path file = dir.resolve("c.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] r : raw) {
        out.write(r);
        out.write('\n');
      }
    }
    List<JsonLine> streamed;
    try (Stream<JsonLine> s = JSON.lines(file)) {
      streamed = s.toList();
    }
    for (int i = 0; i < raw.length; i++) {
      assertThat(JSON.line(i + 1, raw[i])).isEqualTo(streamed.get(i));
    }
    // column: where '@' stood, as the file reader reports it
    assertThat(JSON.line(7, raw[1]).errors()).extracting(Problem::toString)
        .containsExactly("line 7, column " + (bad.indexOf('@') + 1) + ": invalid UTF-8: bytes C0 AF");
    assertThatThrownBy(() -> JSON.line(0, raw[0])).hasMessage("lineNumber must be at least 1: 0");
  }

  @Test
  void lines_byteOrderMarkThenABlankLine_skippedAsABlankLine(@TempDir Path dir) throws IOException {
    // a file saved with a mark that begins with a blank line: the mark is skipped (docs/FORMAT.md), so line 1 is
    // blank and skipped as any blank line; it was "line 1: document is empty", a rejected line, where Spark (whose
    // reader drops the mark) skipped it. A mark on a later line is no file's mark: that line is not blank
    Path file = dir.resolve("marked.jsonl");
    Files.write(file, ("\uFEFF  \n" + MINIMAL + "\n\uFEFF\n").getBytes(StandardCharsets.UTF_8));
    List<JsonLine> lines;
    try (Stream<JsonLine> s = JSON.lines(file)) {
      lines = s.toList();
    }
    assertThat(lines).extracting(JsonLine::lineNumber).containsExactly(2L, 3L);
    assertThat(lines.get(0).isValid()).isTrue();
    assertThat(lines.get(1).isValid()).isFalse();
  }

  @Test
  void lineOfBytes_byteOrderMarkAfterLine1_isAColumn_asTheFileReaderCountsIt(@TempDir Path dir) throws IOException {
    // line 2 begins with a byte order mark (files joined with cat), then has C0 AF where '@' stands: the file reader
    // counts the mark as a character there (only a mark at the start of the file is not one), so the bad bytes are
    // at column indexOf('@') + 2 (1-based, one more for the mark). Given alone, the bytes of line 2 were decoded as
    // if they began a file: column indexOf('@') + 1, one less than the okr command says on the same line
    String bad = MINIMAL.replace(q("'title': 'T'"), q("'title': 'T@'"));
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] badBytes = withBytes(bad, 0xC0, 0xAF);
    byte[] line2 = new byte[bom.length + badBytes.length];
    System.arraycopy(bom, 0, line2, 0, bom.length);
    System.arraycopy(badBytes, 0, line2, bom.length, badBytes.length);
    Path file = dir.resolve("joined.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(MINIMAL.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
      out.write(line2);
      out.write('\n');
    }
    List<JsonLine> streamed;
    try (Stream<JsonLine> s = JSON.lines(file)) {
      streamed = s.toList();
    }
    assertThat(streamed.get(1).errors()).extracting(Problem::toString)
        .containsExactly("line 2, column " + (bad.indexOf('@') + 2) + ": invalid UTF-8: bytes C0 AF");
    assertThat(JSON.line(2, line2)).isEqualTo(streamed.get(1));
    // on line 1 the mark is the file's own and not counted, by both
    Path first = Files.write(dir.resolve("first.jsonl"), line2);
    try (Stream<JsonLine> s = JSON.lines(first)) {
      assertThat(JSON.line(1, line2)).isEqualTo(s.toList().get(0));
    }
    assertThat(JSON.line(1, line2).errors()).extracting(Problem::toString)
        .containsExactly("line 1, column " + (bad.indexOf('@') + 1) + ": invalid UTF-8: bytes C0 AF");
  }

  @Test
  void lines_fileWithInvalidUtf8AcrossBuffers_everyLineChecked(@TempDir Path dir) throws IOException {
    // lines longer than the 8,192-byte read buffer; the first bad sequence starts at its last byte, 8,191
    Path file = dir.resolve("c.jsonl");
    int at = withRoot("'padding': '@'").indexOf('@');
    String bad = withRoot("'padding': '" + "x".repeat(8191 - at) + "@'");
    String padded = withRoot("'padding': '" + "\u20ac".repeat(5000) + "'"); // 3 bytes each, some across edges
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < 3; i++) {
        out.write(withBytes(bad + "\r\n", 0xED, 0xA0, 0x80));
        out.write((padded + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    List<JsonLine> lines;
    try (Stream<JsonLine> s = JSON.lines(file)) {
      lines = s.toList();
    }
    assertThat(lines).extracting(JsonLine::isValid).containsExactly(false, true, false, true, false, true);
    assertThat(lines.get(0).errors()).extracting(Problem::toString)
        .containsExactly("line 1, column 8192: invalid UTF-8: bytes ED A0 80");
    assertThat(lines.get(4).errors()).extracting(Problem::toString)
        .containsExactly("line 5, column 8192: invalid UTF-8: bytes ED A0 80");
    assertThat(lines.get(5).warnings()).extracting(Problem::toString).containsExactly("padding: unknown field");
  }

  // ---- limits ----

  @Test
  void read_documentOverSizeLimit_rejected(@TempDir Path dir) throws IOException {
    long size = MINIMAL.length(); // ASCII: one byte per char
    CycleJson limited = JSON.withMaxDocumentBytes(size - 1);
    String expected = "document is larger than the limit of " + (size - 1) + " bytes";
    assertThatThrownBy(() -> limited.read(MINIMAL)).hasMessage("1 problem:\n" + expected);
    assertThatThrownBy(() -> limited.read(new StringReader(MINIMAL))).hasMessage("1 problem:\n" + expected);
    Path file = dir.resolve("c.json");
    Files.writeString(file, MINIMAL);
    assertThatThrownBy(() -> limited.read(file)).hasMessage("1 problem:\n" + expected);
    assertThat(JSON.withMaxDocumentBytes(size).read(MINIMAL).cycle()).isNotNull();
    assertThat(JSON.withMaxDocumentBytes(size).read(new StringReader(MINIMAL)).cycle()).isNotNull();
  }

  @Test
  void read_sizeLimit_countsUtf8Bytes() {
    String json = MINIMAL.replace("'T'".replace('\'', '"'), "\"\u00e9\u20ac\uD83D\uDE00\"");
    long bytes = json.getBytes(StandardCharsets.UTF_8).length;
    assertThat(JSON.withMaxDocumentBytes(bytes).read(json).cycle()).isNotNull();
    assertThatThrownBy(() -> JSON.withMaxDocumentBytes(bytes - 1).read(json))
        .hasMessage("1 problem:\ndocument is larger than the limit of " + (bytes - 1) + " bytes");
    assertThatThrownBy(() -> JSON.withMaxDocumentBytes(bytes - 1).read(new StringReader(json)))
        .hasMessage("1 problem:\ndocument is larger than the limit of " + (bytes - 1) + " bytes");
  }

  @Test
  void read_nestingOverDepthLimit_rejected() {
    // the root is depth 1, so an unknown field holding 63 nested arrays reaches depth 64
    String ok = withRoot("'x': " + "[".repeat(63) + "]".repeat(63));
    assertThat(JSON.read(ok).warnings()).extracting(Problem::toString).containsExactly("x: unknown field");
    String deep = withRoot("'x': " + "[".repeat(64) + "]".repeat(64));
    // withRoot drops the closing brace; the 64th bracket's 0-based index plus one
    int column = MINIMAL.length() - 1 + ", \"x\": ".length() + 63 + 1;
    assertThatThrownBy(() -> JSON.read(deep))
        .hasMessage("1 problem:\nline 1, column " + column + ": nesting depth exceeds the limit of 64");
    // objectives[0].keyResults[0].metric is depth 6
    assertThat(JSON.withMaxNestingDepth(6).read(MINIMAL).cycle()).isNotNull();
    assertThatThrownBy(() -> JSON.withMaxNestingDepth(5).read(MINIMAL))
        .hasMessageEndingWith(": nesting depth exceeds the limit of 5");
  }

  @Test
  void read_veryDeepNesting_noStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> JSON.withMaxNestingDepth(Integer.MAX_VALUE).read(deep))
        .hasMessage("1 problem:\ndocument must be an object");
  }

  @Test
  void withLimits_belowOne_rejected() {
    assertThatThrownBy(() -> JSON.withMaxDocumentBytes(0)).hasMessage("bytes must be at least 1: 0");
    assertThatThrownBy(() -> JSON.withMaxNestingDepth(0)).hasMessage("depth must be at least 1: 0");
  }

  // ---- JSON Lines ----

  @Test
  void lines_mixedFile_oneResultPerNonBlankLine() {
    String bad = withMetric("'baseline': 1, 'target': 1, 'direction': 'increase'");
    String warned = MINIMAL.replace(q("'title': 'T'"), q("'title': 'T', 'colour': 'blue'"));
    String input = MINIMAL + "\n\n" + "{\"format\": \n" + bad + "\r\n   \r\n" + warned + "\r" + MINIMAL;
    List<JsonLine> lines;
    try (Stream<JsonLine> s = JSON.lines(new StringReader(input))) {
      lines = s.toList();
    }
    assertThat(lines).extracting(JsonLine::lineNumber).containsExactly(1L, 3L, 4L, 6L, 7L);
    assertThat(lines).extracting(JsonLine::isValid).containsExactly(true, false, false, true, true);
    assertThat(lines.get(1).errors()).extracting(Problem::toString).containsExactly(
        "line 3, column 12: unexpected end-of-input within/between Object entries");
    assertThat(lines.get(2).errors()).extracting(Problem::toString)
        .containsExactly(KR + ".metric.target: must differ from baseline (both 1.0)");
    assertThat(lines.get(3).warnings()).extracting(Problem::toString)
        .containsExactly("objectives[0].colour: unknown field");
    assertThat(lines.get(4).cycle()).isEqualTo(JSON.read(MINIMAL).cycle());
    assertThatThrownBy(() -> lines.get(2).cycleOrThrow()).isInstanceOf(InvalidCycleException.class);
  }

  @Test
  void line_readsOneLineAsLinesDoes() {
    String input = "\uFEFF" + MINIMAL + "\n\n{\"format\": \n" + MINIMAL;
    List<JsonLine> streamed;
    try (Stream<JsonLine> s = JSON.lines(new StringReader(input))) {
      streamed = s.toList();
    }
    String[] raw = input.split("\n", -1);
    assertThat(JSON.line(1, raw[0])).isEqualTo(streamed.get(0));
    assertThat(JSON.line(3, raw[2])).isEqualTo(streamed.get(1));
    assertThat(JSON.line(4, raw[3])).isEqualTo(streamed.get(2));
    assertThat(JSON.line(3, raw[2]).errors()).extracting(Problem::toString).first().asString().startsWith("line 3,");
    assertThat(JSON.withMaxDocumentBytes(10).line(2, MINIMAL).errors()).extracting(Problem::toString)
        .containsExactly("document is larger than the limit of 10 bytes");
    assertThatThrownBy(() -> JSON.line(0, MINIMAL)).hasMessage("lineNumber must be at least 1: 0");
  }

  @Test
  void lines_lineOverSizeLimit_reportedAndSkipped() {
    String input = "\uFEFF" + MINIMAL + "\n" + withRoot("'padding': '" + "x".repeat(100) + "'") + "\n" + MINIMAL;
    List<JsonLine> lines;
    try (Stream<JsonLine> s = JSON.withMaxDocumentBytes(MINIMAL.length() + 10).lines(new StringReader(input))) {
      lines = s.toList();
    }
    assertThat(lines).extracting(JsonLine::isValid).containsExactly(true, false, true);
    assertThat(lines.get(1).errors()).extracting(Problem::toString)
        .containsExactly("document is larger than the limit of " + (MINIMAL.length() + 10) + " bytes");
    assertThat(lines.get(2).lineNumber()).isEqualTo(3);
  }

  @Test
  void lines_closingStream_closesReader() {
    boolean[] closed = {false};
    StringReader in = new StringReader(MINIMAL + "\n" + MINIMAL) {
      @Override
      public void close() {
        closed[0] = true;
        super.close();
      }
    };
    try (Stream<JsonLine> s = JSON.lines(in)) {
      assertThat(s.findFirst()).isPresent();
      assertThat(closed[0]).isFalse();
    }
    assertThat(closed[0]).isTrue();
  }

  @Test
  void lines_file_readsEveryLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.jsonl");
    Files.writeString(file, MINIMAL + "\n" + MINIMAL + "\n");
    try (Stream<JsonLine> s = JSON.lines(file)) {
      assertThat(s.filter(JsonLine::isValid).count()).isEqualTo(2);
    }
  }

  @Test
  void lines_readerFails_uncheckedIoException() {
    StringReader failing = new StringReader("") {
      @Override
      public int read(char[] cbuf, int off, int len) throws IOException {
        throw new IOException("disk gone");
      }
    };
    try (Stream<JsonLine> s = JSON.lines(failing)) {
      assertThatThrownBy(s::count).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk gone");
    }
  }

  // ---- writing ----

  @Test
  void write_minimal_exactText() {
    String expected = """
        {
          "format": "okr-cycle/1",
          "cycle": {
            "id": "C",
            "name": "C",
            "start": "2026-07-01",
            "end": "2026-09-30",
            "zone": "UTC"
          },
          "teams": [
            {
              "id": "t",
              "name": "t"
            }
          ],
          "objectives": [
            {
              "id": "O-1",
              "title": "T",
              "team": "t",
              "keyResults": [
                {
                  "id": "KR-1",
                  "title": "KR-1",
                  "team": "t",
                  "weight": 1.0,
                  "metric": {
                    "baseline": 0.0,
                    "target": 10.0,
                    "direction": "increase"
                  },
                  "plan": {
                    "shape": "linear"
                  },
                  "checkIns": []
                }
              ]
            }
          ]
        }
        """;
    assertThat(JSON.write(JSON.read(MINIMAL).cycle())).isEqualTo(expected);
  }

  @Test
  void write_boundsAndLevels_exactTextAndSameBytesAgain() {
    String written = JSON.write(JSON.read(withKeyResult("'id': 'KR-1', " + ZONES.replace("'min': 0", "'min': 0,"
        + " 'max': 3.5"))).cycle());
    assertThat(written).contains("""
                  "metric": {
                    "baseline": 0.0,
                    "target": 3.0,
                    "direction": "increase",
                    "unit": "zone",
                    "min": 0.0,
                    "max": 3.5,
                    "levels": [
                      0.0,
                      1.0,
                      2.0,
                      3.0
                    ]
                  },
        """);
    ParsedCycle again = JSON.read(written);
    assertThat(again.cycle().keyResults().get(0).metric())
        .isEqualTo(new Metric(0.0, 3, Direction.INCREASE, "zone", 0.0, 3.5, List.of(0.0, 1.0, 2.0, 3.0)));
    assertThat(JSON.write(again.cycle())).isEqualTo(written);
    String onlyMax = JSON.write(JSON.read(withMetric("'target': 99.5, 'direction': 'maintain-above', 'max': 100"))
        .cycle());
    assertThat(onlyMax).contains("\"direction\": \"maintain-above\",\n            \"max\": 100.0\n          },")
        .doesNotContain("\"min\"").doesNotContain("\"levels\"");
    assertThat(JSON.write(JSON.read(onlyMax).cycle())).isEqualTo(onlyMax);
  }

  @Test
  void writeLine_minimal_compactOneLine() throws IOException {
    StringWriter out = new StringWriter();
    JSON.writeLine(JSON.read(MINIMAL).cycle(), out);
    assertThat(out.toString()).isEqualTo("{\"format\":\"okr-cycle/1\",\"cycle\":{\"id\":\"C\",\"name\":\"C\","
        + "\"start\":\"2026-07-01\",\"end\":\"2026-09-30\",\"zone\":\"UTC\"},\"teams\":[{\"id\":\"t\",\"name\":\"t\"}],"
        + "\"objectives\":[{\"id\":\"O-1\",\"title\":\"T\",\"team\":\"t\","
        + "\"keyResults\":[{\"id\":\"KR-1\",\"title\":\"KR-1\",\"team\":\"t\",\"weight\":1.0,\"metric\":{"
        + "\"baseline\":0.0,\"target\":10.0,\"direction\":\"increase\"},\"plan\":{\"shape\":\"linear\"},"
        + "\"checkIns\":[]}]}]}\n");
  }

  static String rich() throws IOException {
    try (InputStream in = CycleJsonTest.class.getResourceAsStream("rich-cycle.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void read_richDocument_everyFieldLoaded() throws IOException {
    ParsedCycle parsed = JSON.read(rich());
    assertThat(parsed.warnings()).isEmpty();
    OkrCycle c = parsed.cycle();
    assertThat(c.teams()).hasSize(4);
    assertThat(c.keyResults()).hasSize(6);
    KeyResult kr1 = c.keyResult("KR-1").orElseThrow();
    assertThat(kr1.weight()).isEqualTo(2.5);
    assertThat(kr1.plan()).isEqualTo(Plan.of(PlanShape.S_CURVE));
    assertThat(kr1.checkIns()).containsExactly(
        new CheckIn(Instant.parse("2026-07-08T09:00:00Z"), 1.25, 0.8, "two deals slipped",
            List.of("pricing-approval", "legal"), "salesforce"),
        new CheckIn(Instant.parse("2026-07-14T22:00:00Z"), 1.27, 0.0, null, List.of(), null),
        CheckIn.of(Instant.parse("2026-07-22T07:00:00Z"), 1.31));
    assertThat(c.keyResult("KR-2").orElseThrow().team()).isEqualTo("growth");
    assertThat(c.keyResult("KR-4").orElseThrow().team()).isEqualTo("eng");
    assertThat(c.keyResult("KR-6").orElseThrow().plan()).isEqualTo(new Plan.Points(List.of(
        new PlanPoint(LocalDate.of(2026, 7, 31), 10), new PlanPoint(LocalDate.of(2026, 8, 31), 25.5),
        new PlanPoint(LocalDate.of(2026, 9, 30), 40))));
    assertThat(c.initiatives().get(1).title()).isEqualTo("I-2");
    assertThat(c.dependencies()).hasSize(3);
  }

  @Test
  void write_richDocument_readsBackEqual() throws IOException {
    OkrCycle original = JSON.read(rich()).cycle();
    String written = JSON.write(original);
    ParsedCycle again = JSON.read(written);
    assertThat(again.warnings()).isEmpty();
    assertThat(again.cycle()).isEqualTo(original);
    assertThat(JSON.write(again.cycle())).as("deterministic").isEqualTo(written);
    StringWriter line = new StringWriter();
    JSON.writeLine(original, line);
    assertThat(line.toString()).endsWith("}\n").doesNotContain("\n ");
    assertThat(JSON.read(line.toString()).cycle()).isEqualTo(original);
  }

  @Test
  void write_modelBuiltInCode_readsBackEqual() {
    KeyResult kr = new KeyResult("KR-1", "Ship", "ana", "t", 0.5, List.of("x"), Metric.achieve(),
        Plan.of(PlanShape.BACK_LOADED), List.of(new CheckIn(Instant.parse("2026-07-01T09:00:00.123456789Z"), -0.0,
            null, "\"quoted\"\n\u00e9", List.of(), null)), null);
    OkrCycle c = OkrCycle.of(new Cycle("C", "Cycle C", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1),
            ZoneId.of("America/New_York")), List.of(Team.of("t")),
        List.of(new Objective("O", "T", "t", null, null, Commitment.ASPIRATIONAL, List.of(kr))));
    assertThat(JSON.read(JSON.write(c)).cycle()).isEqualTo(c);
  }

  @Test
  void write_toWriter_doesNotClose() throws IOException {
    boolean[] closed = {false};
    StringWriter out = new StringWriter() {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    OkrCycle c = JSON.read(MINIMAL).cycle();
    JSON.write(c, out);
    assertThat(closed[0]).isFalse();
    assertThat(out.toString()).isEqualTo(JSON.write(c));
  }
}
