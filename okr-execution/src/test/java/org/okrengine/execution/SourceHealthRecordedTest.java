package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.okrengine.execution.ExecutionEngineTest.day;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.SourceStatus;
import org.okrengine.model.Team;
import org.okrengine.model.json.ReportJson;

/**
 * Broken connections from the cycle's record of the sources' health (Q: 1 Jul to 29 Sep 2026, UTC; day d is 1 Jul +
 * d days). jira feeds KR-3 (last value day 32, 2 Aug) and KR-4 (a value on day 43 at noon, after the failures
 * began); it is recorded failing with 401 Unauthorized since day 43 at 07:30 (13 Aug).
 */
class SourceHealthRecordedTest {
  static final Instant SINCE = day(43).plusSeconds(7 * 3600 + 1800);

  static KeyResult kr(String id, String title, double... days) {
    List<CheckIn> c = new ArrayList<>();
    for (double d : days) {
      c.add(new CheckIn(day(0).plusSeconds((long) (d * 86_400)), 10 + d / 10, null, null, List.of(), "jira"));
    }
    return new KeyResult(id, title, null, "platform", 1.0, List.of(), new Metric(10.0, 30.0, Direction.INCREASE,
        "teams"), Plan.LINEAR, c, null);
  }

  static OkrCycle cycle(List<SourceStatus> sources) {
    return OkrCycle.of(ExecutionEngineTest.Q, List.of(Team.of("platform")), List.of(new Objective("O-1", null,
        "platform", null, null, null, List.of(kr("KR-3", "Grow weekly active teams", 4, 11, 18, 25, 32),
        kr("KR-4", null, 4, 11, 18, 25, 32, 39, 43.5)))), List.of(), List.of(), sources);
  }

  static final List<SourceStatus> FAILING = List.of(SourceStatus.failing("jira", SINCE, "401 Unauthorized"));

  @Test
  void failingSource_sentenceWithErrorAndSince_beforeSilenceAloneWouldTell() {
    // day 44: KR-3 silent 12 days, less than twice its 7-day gap, so silence alone says nothing yet
    assertThat(ExecutionEngine.withDefaults().analyze(cycle(List.of()), day(44)).sourceHealth()).isEmpty();
    CycleReport r = ExecutionEngine.withDefaults().analyze(cycle(FAILING), day(44));
    // KR-4 had a value from jira after the failures began (day 43.5): its binding works, so it is not named
    assertThat(r.sourceHealth()).containsExactly(new SourceHealthSummary("jira", List.of("KR-3"), false,
        LocalDate.of(2026, 8, 2), 12, 7.0, "jira: 401 Unauthorized on every sync since 13 Aug; KR-3 (Grow weekly "
            + "active teams) has no value since 2 Aug.", LocalDate.of(2026, 8, 13), "401 Unauthorized"));
    assertThat(r.summary()).contains("The jira data connection is broken (401 Unauthorized on every sync since 13 "
        + "Aug): KR-3 (Grow weekly active teams) has had no value from it since 2 Aug.");
    // okr-report/1 carries the two new fields and reads them back
    String json = ReportJson.withDefaults().write(r);
    assertThat(json).contains("\"failingSince\": \"2026-08-13\"", "\"lastError\": \"401 Unauthorized\"");
    assertThat(ReportJson.withDefaults().read(json).sourceHealth()).isEqualTo(r.sourceHealth());
  }

  @Test
  void failingSource_everyKeyResultWithoutValue_oneEntryForTheWholeSource_inPlaceOfSilence() {
    // day 60: KR-3 silent 28 days and KR-4 16.5 days: silence alone gives one whole-source entry
    SourceHealthSummary silence = ExecutionEngine.withDefaults().analyze(cycle(List.of()), day(60)).sourceHealth()
        .get(0);
    assertThat(silence.failing()).isFalse();
    assertThat(silence.reason()).startsWith("jira has sent nothing for any of the 2 key results it feeds");
    // recorded failing since day 60 at 07:30: neither key result has had a value since, so both are named
    Instant later = day(50);
    List<SourceHealthSummary> h = ExecutionEngine.withDefaults().analyze(cycle(List.of(SourceStatus.failing("jira",
        later, "java.net.ConnectException"))), day(60)).sourceHealth();
    assertThat(h).hasSize(1);
    assertThat(h.get(0).wholeSource()).isTrue();
    assertThat(h.get(0).keyResults()).containsExactly("KR-3", "KR-4");
    assertThat(h.get(0).reason()).isEqualTo("jira: java.net.ConnectException on every sync since 20 Aug; KR-3 "
        + "(Grow weekly active teams) has no value since 2 Aug and KR-4 has no value since 13 Aug.");
  }

  @Test
  void failingSourceNamingItsKeyResults_thoseNamed_evenOneItNeverFed() {
    // the record names KR-4 (fed by jira, last value day 43.5) and KR-5 (bound to jira, never a value from it)
    KeyResult kr5 = new KeyResult("KR-5", "Signups", null, "platform", 1.0, List.of(), new Metric(0.0, 100.0,
        Direction.INCREASE, null), Plan.LINEAR, List.of(new CheckIn(day(10), 5, null, null, List.of(), null)), null);
    OkrCycle c = OkrCycle.of(ExecutionEngineTest.Q, List.of(Team.of("platform")), List.of(new Objective("O-1", null,
        "platform", null, null, null, List.of(kr("KR-3", "Grow weekly active teams", 4, 11, 18, 25, 32),
        kr("KR-4", null, 4, 11, 18, 25, 32, 39, 43.5), kr5))), List.of(), List.of(),
        List.of(SourceStatus.failing("jira", SINCE, "401 Unauthorized", List.of("KR-4", "KR-5"))));
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, day(44));
    // KR-3 is not named (its binding works, as far as the record says) and not yet silent: no entry for it
    assertThat(r.sourceHealth()).containsExactly(new SourceHealthSummary("jira", List.of("KR-4", "KR-5"), false,
        LocalDate.of(2026, 8, 13), 0, 7.0, "jira: 401 Unauthorized on every sync since 13 Aug; KR-4 has no value "
            + "since 13 Aug and KR-5 (Signups) has had no value from it.", LocalDate.of(2026, 8, 13),
        "401 Unauthorized"));
    // only KR-5, which never had a value from jira: no last value; silent from the day the failures began
    OkrCycle only5 = c.withSources(List.of(SourceStatus.failing("jira", SINCE, "401 Unauthorized",
        List.of("KR-5"))));
    List<SourceHealthSummary> h = ExecutionEngine.withDefaults().analyze(only5, day(50)).sourceHealth();
    // besides: KR-3, not named by the record, silent 18 days (more than twice its 7-day gap) has its silence entry
    assertThat(h).extracting(SourceHealthSummary::keyResults, SourceHealthSummary::failing).containsExactly(
        org.assertj.core.groups.Tuple.tuple(List.of("KR-3"), false),
        org.assertj.core.groups.Tuple.tuple(List.of("KR-5"), true));
    SourceHealthSummary s = h.get(1);
    assertThat(s.lastValueOn()).isNull();
    assertThat(s.silentDays()).isEqualTo(6); // day 43.3 to day 50
    assertThat(s.reason()).isEqualTo("jira: 401 Unauthorized on every sync since 13 Aug; KR-5 (Signups) has had "
        + "no value from it.");
    CycleReport r5 = ExecutionEngine.withDefaults().analyze(only5, day(50));
    assertThat(r5.summary()).contains("The jira data connection is broken (401 Unauthorized on every sync since 13 "
        + "Aug): KR-5 (Signups) has had no value from it.");
    String json = ReportJson.withDefaults().write(r5);
    assertThat(ReportJson.withDefaults().read(json).sourceHealth()).isEqualTo(r5.sourceHealth());
    assertThat(json).doesNotContain("lastValueOn\": \"2026-08-13");
  }

  @Test
  void recordAbsentOkOrAfterTheAnalysedInstant_behaviourAsBefore() {
    ExecutionEngine e = ExecutionEngine.withDefaults();
    for (int d : List.of(44, 50, 60)) {
      List<SourceHealthSummary> without = e.analyze(cycle(List.of()), day(d)).sourceHealth();
      assertThat(e.analyze(cycle(List.of(SourceStatus.ok("jira", SINCE))), day(d)).sourceHealth())
          .as("day %d", d).isEqualTo(without);
      assertThat(e.analyze(cycle(List.of(SourceStatus.failing("hubspot", SINCE, "403 Forbidden"))), day(d))
          .sourceHealth()).as("day %d", d).isEqualTo(without);
    }
    // analysed on day 43 at midnight, before the failures began at 07:30
    assertThat(e.analyze(cycle(FAILING), day(43)).sourceHealth()).isEmpty();
  }
}
