package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;

/**
 * How each kind of dependency is reported, on a cycle a manager read (Lumen Cloud's Q1 2027, cut to the sales
 * objective and the initiative it waits on), as of 20 Mar: a late milestone declared to block a key result, and a key
 * result that only contributes to another (docs/FORMAT.md: {@code blocks}, downstream cannot finish before upstream;
 * {@code contributes}, upstream's progress feeds downstream's).
 */
class DependencyKindsTest {
  static final String LUMEN = """
      {"format": "okr-cycle/1",
       "cycle": {"id": "2027-Q1", "name": "Q1 2027", "start": "2027-01-01", "end": "2027-03-31",
                 "zone": "Europe/Berlin", "checkInEveryDays": 14},
       "teams": [{"id": "co", "name": "Lumen Cloud"}, {"id": "sales", "name": "Sales", "parent": "co"},
                 {"id": "eng", "name": "Engineering", "parent": "co"}],
       "objectives": [{"id": "O-1", "title": "Win the enterprise segment", "team": "sales", "owner": "jonas",
         "commitment": "committed", "keyResults": [
         {"id": "KR-1", "title": "Close 4 new enterprise deals", "owner": "jonas",
          "metric": {"baseline": 0, "target": 4, "direction": "increase", "unit": "deals", "min": 0},
          "checkIns": [{"at": "2027-01-08", "value": 0, "confidence": 0.7}, {"at": "2027-01-22", "value": 0},
                       {"at": "2027-02-05", "value": 1, "confidence": 0.7}, {"at": "2027-02-19", "value": 1},
                       {"at": "2027-03-05", "value": 2, "confidence": 0.6},
                       {"at": "2027-03-19", "value": 3, "confidence": 0.7}]},
         {"id": "KR-2", "title": "ARR from 3.0 to 3.8 M EUR", "owner": "jonas",
          "metric": {"baseline": 3.0, "target": 3.8, "direction": "increase", "unit": "M EUR", "min": 0},
          "checkIns": [{"at": "2027-01-08", "value": 3.02}, {"at": "2027-01-22", "value": 3.05},
                       {"at": "2027-02-05", "value": 3.25}, {"at": "2027-02-19", "value": 3.28},
                       {"at": "2027-03-05", "value": 3.47, "confidence": 0.6},
                       {"at": "2027-03-19", "value": 3.66, "confidence": 0.6}]},
         {"id": "KR-3", "title": "Enterprise readiness level from 1 to 3", "owner": "mia",
          "metric": {"baseline": 1, "target": 3, "direction": "increase", "unit": "level", "levels": [0, 1, 2, 3]},
          "checkIns": [{"at": "2027-01-15", "value": 1, "confidence": 0.8},
                       {"at": "2027-02-12", "value": 2, "confidence": 0.7},
                       {"at": "2027-03-12", "value": 2, "confidence": 0.5}]}]}],
       "initiatives": [{"id": "I-1", "title": "Audit log & SCIM", "team": "eng", "owner": "mia",
         "keyResults": ["KR-3"],
         "milestones": [{"id": "M-1", "title": "SSO GA", "due": "2027-02-10", "completed": "2027-02-11"},
                        {"id": "M-2", "title": "Audit log GA", "due": "2027-03-01"}]}],
       "dependencies": [
         {"upstream": "M-2", "downstream": "KR-1", "kind": "blocks", "needBy": "2027-03-10",
          "note": "two deals need audit log"},
         {"upstream": "KR-1", "downstream": "KR-2", "kind": "contributes"},
         {"upstream": "I-1", "downstream": "KR-3", "kind": "blocks"}]}
      """;

  static final OkrCycle CYCLE = CycleJson.withDefaults().read(LUMEN).cycle();
  static final CycleReport MAR20 =
      ExecutionEngine.withDefaults().analyze(CYCLE, CYCLE.cycle().instantOf(LocalDate.of(2027, 3, 20)));

  static KeyResultReport row(String id) {
    return MAR20.keyResults().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void contributesLink_isNotWordedAsANeed() {
    // KR-1 only contributes to KR-2; the status rule (FORMAT.md, upstream-late: a blocks or contributes dependency)
    // puts KR-2, on track by its own numbers, at risk; the sentences say it draws on KR-1, not that it needs it
    KeyResultReport kr2 = row("KR-2");
    assertThat(kr2.status()).isEqualTo(Status.AT_RISK);
    assertThat(kr2.reasons().get(0).code()).isEqualTo("upstream-late");
    assertThat(kr2.insight()).startsWith("KR-2 (ARR from 3.0 to 3.8 M EUR) counts on a contribution from KR-1 "
        + "(Close 4 new enterprise deals), which is forecast to be 12 days late, so KR-2 is at risk though its own "
        + "numbers alone would have it on track.")
        .doesNotContain("needs KR-1").doesNotContain("whatever its own numbers say");
    assertThat(Explanation.of(CYCLE, MAR20, "KR-2").steps()).anySatisfy(s -> {
      assertThat(s.subject()).isEqualTo("KR-1");
      assertThat(s.sentence()).startsWith("KR-2 (ARR from 3.0 to 3.8 M EUR) counts on a contribution from KR-1 "
          + "(Close 4 new enterprise deals), which is forecast to be 12 days late.");
    });
    // a blocks link is still a need: KR-3 needs I-1 (its own numbers already put it at risk, so no sentence of it)
    assertThat(Explanation.of(CYCLE, MAR20, "KR-3").steps()).anySatisfy(s ->
        assertThat(s.sentence()).startsWith("KR-3 (Enterprise readiness level from 1 to 3) needs I-1 (Audit log & "
            + "SCIM), which is 19 days late."));
  }
}
