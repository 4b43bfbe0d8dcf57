package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.okrengine.model.json.CycleJsonTest.MINIMAL;
import static org.okrengine.model.json.CycleJsonTest.withRoot;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;
import org.okrengine.model.SourceStatus;

/** The optional {@code sources} section of {@code okr-cycle/1}: the data sources' health that okr sync keeps. */
class SourcesSectionTest {
  private static final CycleJson JSON = CycleJson.withDefaults();
  private static final Instant AUG_13 = Instant.parse("2026-08-13T07:30:00Z");
  private static final Instant JUL_2 = Instant.parse("2026-07-02T06:00:00Z");

  static final String SOURCES = "'sources': ["
      + "{'name': 'jira', 'state': 'failing', 'since': '2026-08-13T07:30:00Z', 'lastError': '401 Unauthorized',"
      + " 'keyResults': ['KR-1']},"
      + " {'name': 'warehouse', 'state': 'ok', 'since': '2026-07-02T06:00:00Z'}]";

  @Test
  void read_sources_eachFieldLoaded() {
    ParsedCycle parsed = JSON.read(withRoot(SOURCES));
    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.cycle().sources()).containsExactly(
        SourceStatus.failing("jira", AUG_13, "401 Unauthorized", List.of("KR-1")),
        SourceStatus.ok("warehouse", JUL_2));
    assertThat(parsed.cycle().source("jira").orElseThrow().failing()).isTrue();
    assertThat(parsed.cycle().source("warehouse").orElseThrow().failing()).isFalse();
    assertThat(parsed.cycle().source("hubspot")).isEmpty();
  }

  @Test
  void read_withoutSection_noSourcesAndWrittenWithout() {
    OkrCycle c = JSON.read(MINIMAL).cycle();
    assertThat(c.sources()).isEmpty();
    assertThat(JSON.write(c)).doesNotContain("sources");
    assertThat(JSON.read(withRoot("'sources': null")).cycle()).isEqualTo(c);
    assertThat(JSON.read(withRoot("'sources': []")).cycle()).isEqualTo(c);
  }

  @Test
  void write_sources_lastSectionExactTextAndReadsBackEqual() {
    OkrCycle c = JSON.read(withRoot(SOURCES)).cycle();
    String written = JSON.write(c);
    assertThat(written).endsWith("""
          ],
          "sources": [
            {
              "name": "jira",
              "state": "failing",
              "since": "2026-08-13T07:30:00Z",
              "lastError": "401 Unauthorized",
              "keyResults": [
                "KR-1"
              ]
            },
            {
              "name": "warehouse",
              "state": "ok",
              "since": "2026-07-02T06:00:00Z"
            }
          ]
        }
        """);
    OkrCycle back = JSON.read(written).cycle();
    assertThat(back).isEqualTo(c);
    assertThat(JSON.write(back)).isEqualTo(written);
    // a source that recovered keeps the error it recovered from
    OkrCycle recovered = c.withSources(List.of(new SourceStatus("jira", SourceStatus.State.OK,
        Instant.parse("2026-08-20T07:30:00Z"), "401 Unauthorized")));
    assertThat(JSON.read(JSON.write(recovered)).cycle()).isEqualTo(recovered);
    assertThat(recovered).isNotEqualTo(c);
  }

  @Test
  void read_badSources_everyProblemWithPathAndValue() {
    String json = withRoot("'sources': ["
        + "{'name': ' ', 'state': 'broken', 'since': '2026-08-13'},"
        + " {'name': 'jira', 'state': 'failing', 'since': 'yesterday'},"
        + " {'name': 'jira', 'state': 'ok', 'since': '2300-01-01T00:00:00Z', 'lastError': 7},"
        + " {'state': 'failing', 'since': '2026-08-13T07:30:00Z', 'lastError': ''},"
        + " 'csv',"
        + " {'name': 'a', 'state': 'failing', 'since': '2026-08-13T07:30:00Z', 'lastError': 'x',"
        + " 'keyResults': ['KR-1', 'KR-9', ' ', 'KR-1', 3]},"
        + " {'name': 'b', 'state': 'failing', 'since': '2026-08-13T07:30:00Z', 'lastError': 'x',"
        + " 'keyResults': ['KR-1', 'KR-9', ' ', 'KR-1']},"
        + " {'name': 'c', 'state': 'ok', 'since': '2026-08-13T07:30:00Z', 'keyResults': ['KR-1']}]");
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(json));
    assertThat(e).isNotNull();
    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "sources[0].name: must not be blank",
        "sources[0].state: unknown state \"broken\" (expected one of: ok, failing)",
        "sources[0].since: not an instant with offset: \"2026-08-13\"",
        "sources[1].since: not an instant with offset: \"yesterday\"",
        "sources[1].lastError: missing (required when state is failing)",
        "sources[2].since: must be within 1900-01-01..2200-12-31 (UTC): 2300-01-01T00:00:00Z",
        "sources[2].lastError: must be a string: 7",
        "sources[3].name: missing",
        "sources[3].lastError: must not be blank",
        "sources[4]: must be an object: \"csv\"",
        "sources[5].keyResults[4]: must be a string: 3",
        "sources[6].keyResults[2]: must not be blank",
        "sources[6].keyResults[3]: repeats \"KR-1\" (also keyResults[0])",
        "sources[7].keyResults: must be empty when state is ok: [KR-1]",
        "sources[2].name: duplicate source \"jira\" (also sources[1])",
        "sources[6].keyResults[1]: unknown key result \"KR-9\"");
    assertThat(catchThrowableOfType(InvalidCycleException.class,
        () -> JSON.read(withRoot("'sources': {'jira': 'ok'}"))).problems()).extracting(Problem::toString)
        .containsExactly("sources: must be an array: an object"); // once, not once per look at the section
  }

  @Test
  void read_unknownFieldInASource_warnedAndLeftOut() {
    ParsedCycle parsed = JSON.read(withRoot("'sources': [{'name': 'jira', 'state': 'ok',"
        + " 'since': '2026-08-13T07:30:00Z', 'lastAttempt': '2026-09-01T00:00:00Z'}]"));
    assertThat(parsed.warnings()).extracting(Problem::toString)
        .containsExactly("sources[0].lastAttempt: unknown field");
    assertThat(parsed.cycle().sources()).containsExactly(SourceStatus.ok("jira", AUG_13));
  }

  @Test
  void sourceStatus_constructorRules_nameTheField() {
    assertThatThrownBy(() -> new SourceStatus("jira", SourceStatus.State.FAILING, AUG_13, null))
        .hasMessage("lastError (required when failing) must not be null");
    assertThatThrownBy(() -> SourceStatus.ok(" ", AUG_13)).hasMessage("name must not be blank");
    assertThatThrownBy(() -> SourceStatus.ok("jira", Instant.parse("2201-01-01T00:00:00Z")))
        .hasMessage("since must be within 1900-01-01..2200-12-31 (UTC): 2201-01-01T00:00:00Z");
    assertThatThrownBy(() -> new SourceStatus("jira", null, AUG_13, null)).hasMessage("state must not be null");
  }

  @Test
  void okrCycleOf_unknownKeyResultOfASource_rejectedWithPath() {
    OkrCycle c = JSON.read(MINIMAL).cycle();
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> c.withSources(List.of(
        SourceStatus.failing("jira", AUG_13, "x", List.of("KR-1", "O-1")))));
    assertThat(e.problems()).extracting(Problem::toString)
        .containsExactly("sources[0].keyResults[1]: \"O-1\" is a objective, not a key result");
    assertThatThrownBy(() -> new SourceStatus("jira", SourceStatus.State.OK, AUG_13, null, List.of("KR-1")))
        .hasMessage("keyResults must be empty when ok: [KR-1]");
    assertThatThrownBy(() -> SourceStatus.failing("jira", AUG_13, "x", List.of("KR-1", "KR-1")))
        .hasMessage("keyResults[1] must not repeat \"KR-1\"");
  }

  @Test
  void okrCycleOf_duplicateSource_rejectedWithPath() {
    OkrCycle c = JSON.read(MINIMAL).cycle();
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> c.withSources(List.of(
        SourceStatus.ok("jira", AUG_13), SourceStatus.ok("csv", AUG_13), SourceStatus.failing("jira", AUG_13, "x"))));
    assertThat(e.problems()).extracting(Problem::toString)
        .containsExactly("sources[2].name: duplicate source \"jira\" (also sources[0])");
  }

  @Test
  void builder_sources_keptByToBuilderAndCheckedAsTheReaderChecks() {
    OkrCycle c = JSON.read(withRoot(SOURCES)).cycle();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    OkrCycle built = JSON.read(MINIMAL).cycle().toBuilder()
        .source(SourceStatus.failing("jira", AUG_13, "401 Unauthorized", List.of("KR-1")))
        .source("warehouse", SourceStatus.State.OK, JUL_2, null)
        .build();
    assertThat(built).isEqualTo(c);
    assertThat(c.withCheckIn("KR-1", new org.okrengine.model.CheckIn(AUG_13, 3, null, null, List.of(), "jira"))
        .sources()).isEqualTo(c.sources());
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, () -> JSON.read(MINIMAL).cycle()
        .toBuilder().source("jira", SourceStatus.State.FAILING, AUG_13, null).build());
    assertThat(e.problems()).extracting(Problem::toString)
        .containsExactly("sources[0].lastError: missing (required when state is failing)");
  }
}
