package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;

/**
 * A key result blocked by work that lands after the cycle's end (reason {@code blocked-past-cycle-end}), as a
 * reviewer found it: its escalation run starts when the block does, not on the day analysed; it lands where it
 * stands, not beyond its target beside a 0% chance; a maintain key result holding its threshold is not "blocked".
 * A UTC quarter: KR-A (increase, 0 to 100 widgets) on its pace, KR-M (maintain at or above 40) holding at 45 and 46,
 * both blocked by I-1, whose milestone M-1 is due 10 Apr, after the 31 Mar end.
 */
class BlockedPastEndTest {
  static final String DOC = """
      {"format": "okr-cycle/1", "cycle": {"id": "Q1", "start": "2027-01-01", "end": "2027-03-31", "zone": "UTC"},
       "teams": [{"id": "a"}, {"id": "b"}],
       "objectives": [{"id": "O-1", "title": "Obj", "team": "a", "commitment": "committed", "keyResults": [
         {"id": "KR-A", "title": "Grow", "team": "a",
          "metric": {"baseline": 0, "target": 100, "direction": "increase", "unit": "widgets"},
          "checkIns": [{"at": "2027-01-04T10:00:00Z", "value": 3.5}, {"at": "2027-01-11T10:00:00Z", "value": 11.7},
                       {"at": "2027-01-18T10:00:00Z", "value": 19.8}, {"at": "2027-01-25T10:00:00Z", "value": 28.0},
                       {"at": "2027-02-01T10:00:00Z", "value": 36.2}, {"at": "2027-02-08T10:00:00Z", "value": 44.3},
                       {"at": "2027-02-15T10:00:00Z", "value": 52.5}, {"at": "2027-02-22T10:00:00Z", "value": 60.7}]},
         {"id": "KR-M", "title": "Keep", "team": "a",
          "metric": {"baseline": 45, "target": 40, "direction": "maintain-above", "unit": "points"},
          "checkIns": [{"at": "2027-01-04T10:00:00Z", "value": 45}, {"at": "2027-01-25T10:00:00Z", "value": 46},
                       {"at": "2027-02-15T10:00:00Z", "value": 45}, {"at": "2027-02-22T10:00:00Z", "value": 46}]}]}],
       "initiatives": [{"id": "I-1", "title": "Platform", "team": "b", "keyResults": [],
                        "milestones": [{"id": "M-1", "title": "GA", "due": "2027-04-10"}]}],
       "dependencies": [{"upstream": "I-1", "downstream": "KR-A", "kind": "blocks"},
                        {"upstream": "I-1", "downstream": "KR-M", "kind": "blocks"}]}
      """;

  static CycleReport analyze(String day) {
    OkrCycle cycle = CycleJson.withDefaults().read(DOC).cycle();
    Instant at = cycle.cycle().instantOf(LocalDate.parse(day));
    return ExecutionEngine.withDefaults().analyze(cycle, at);
  }

  static KeyResultReport row(CycleReport r, String id) {
    return r.keyResults().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void blocked_escalatesFromWhenTheBlockBegan() {
    // off track from the start (the block is in the document): 14 days and more by 1 Feb, 28 and more by 1 Mar; the
    // replay of the earlier days used to know nothing of the block, so no run was ever long enough to escalate
    CycleReport feb = analyze("2027-02-01");
    assertThat(row(feb, "KR-A").status()).isEqualTo(Status.OFF_TRACK);
    assertThat(feb.escalations()).extracting(e -> e.subject() + " " + e.level()).containsExactly("KR-A 1");
    assertThat(analyze("2027-03-01").escalations()).extracting(e -> e.subject() + " " + e.level())
        .containsExactly("KR-A 2");
  }

  @Test
  void blocked_landsWhereItStands_noInterval() {
    KeyResultReport a = row(analyze("2027-03-01"), "KR-A");
    assertThat(a.reasons().get(0).code()).isEqualTo("blocked-past-cycle-end");
    assertThat(a.forecast().probabilityOfTarget()).isZero();
    // its latest check-in, 60.7 widgets on 22 Feb (it read "forecast to land at 104%")
    assertThat(a.forecast().landingValue()).isEqualTo(60.7);
    assertThat(a.forecast().landingProgress()).isLessThan(1.0);
    assertThat(a.forecast().interval()).isNull();
    assertThat(a.insight()).contains("forecast to land at 61%").doesNotContain("104%");
  }

  @Test
  void maintainHoldingItsThreshold_isNotBlocked() {
    KeyResultReport m = row(analyze("2027-03-01"), "KR-M");
    assertThat(m.status()).isEqualTo(Status.ON_TRACK);
    assertThat(m.reasons()).noneMatch(r -> r.code().equals("blocked-past-cycle-end"));
    assertThat(m.forecast().probabilityOfTarget()).isGreaterThan(0.5);
  }
  /**
   * Of two blockers landing after the end, the later one is named, whatever order the document lists them in; and a
   * chain listed downstream first (KR-C blocked by KR-B, by KR-A, by I-1) is blocked to its end, found in one pass
   * over the graph's order (the search went over every dependency again for each link of such a chain).
   */
  @Test
  void blockers_theLatestNamed_chainsInAnyOrder() {
    String doc = """
        {"format": "okr-cycle/1", "cycle": {"id": "Q1", "start": "2027-01-01", "end": "2027-03-31", "zone": "UTC"},
         "teams": [{"id": "a"}],
         "objectives": [{"id": "O-1", "title": "Obj", "team": "a", "keyResults": [
           {"id": "KR-A", "metric": {"baseline": 0, "target": 10, "direction": "increase"}},
           {"id": "KR-B", "metric": {"baseline": 0, "target": 10, "direction": "increase"}},
           {"id": "KR-C", "metric": {"baseline": 0, "target": 10, "direction": "increase"}}]}],
         "initiatives": [{"id": "I-1", "title": "Early", "team": "a", "keyResults": [],
                          "milestones": [{"id": "M-1", "title": "GA", "due": "2027-04-05"}]},
                         {"id": "I-2", "title": "Late", "team": "a", "keyResults": [],
                          "milestones": [{"id": "M-2", "title": "GA", "due": "2027-04-20"}]}],
         "dependencies": [{"upstream": "KR-B", "downstream": "KR-C", "kind": "blocks"},
                          {"upstream": "KR-A", "downstream": "KR-B", "kind": "blocks"},
                          {"upstream": "I-1", "downstream": "KR-A", "kind": "blocks"},
                          {"upstream": "I-2", "downstream": "KR-A", "kind": "blocks"}]}
        """;
    OkrCycle cycle = CycleJson.withDefaults().read(doc).cycle();
    Snapshot s = Snapshot.of(cycle, org.okrengine.deps.DependencyGraph.of(cycle), ExecutionEngine.withDefaults()
        .forecaster(), cycle.cycle().instantOf(LocalDate.of(2027, 2, 1)), false);
    assertThat(s.blocked()).containsOnly(
        java.util.Map.entry("KR-A", new Snapshot.Blocked("I-2", LocalDate.of(2027, 4, 20))),
        java.util.Map.entry("KR-B", new Snapshot.Blocked("I-2", LocalDate.of(2027, 4, 20))),
        java.util.Map.entry("KR-C", new Snapshot.Blocked("I-2", LocalDate.of(2027, 4, 20))));
  }
}
