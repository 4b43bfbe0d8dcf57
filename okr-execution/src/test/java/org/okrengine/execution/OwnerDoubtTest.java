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
 * An owner who doubts a key result the forecast has on track is named in its sentence: a manager's read found one at
 * 2% to 5% confidence read "on track, 50%" with no word of it (the shipped model's weight on confidence is 0: the
 * shared data has none). Two key results on the same steady pace, one whose owner last said 5%, one 80%.
 */
class OwnerDoubtTest {
  static final String DOC = """
      {"format": "okr-cycle/1", "cycle": {"id": "Q1", "start": "2027-01-01", "end": "2027-03-31", "zone": "UTC"},
       "teams": [{"id": "a"}],
       "objectives": [{"id": "O-1", "title": "Obj", "team": "a", "keyResults": [
         {"id": "KR-D", "title": "Doubted",
          "metric": {"baseline": 0, "target": 100, "direction": "increase", "unit": "widgets"},
          "checkIns": [{"at": "2027-01-08", "value": 8}, {"at": "2027-01-22", "value": 24},
                       {"at": "2027-02-05", "value": 40, "confidence": 0.2},
                       {"at": "2027-02-12", "value": 46, "confidence": 0.05}]},
         {"id": "KR-T", "title": "Trusted",
          "metric": {"baseline": 0, "target": 100, "direction": "increase", "unit": "widgets"},
          "checkIns": [{"at": "2027-01-08", "value": 8}, {"at": "2027-01-22", "value": 24},
                       {"at": "2027-02-05", "value": 40, "confidence": 0.8},
                       {"at": "2027-02-12", "value": 46, "confidence": 0.8}]}]}]}
      """;

  static KeyResultReport row(CycleReport r, String id) {
    return r.keyResults().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void onTrackWithADoubtingOwner_saysSo() {
    OkrCycle cycle = CycleJson.withDefaults().read(DOC).cycle();
    CycleReport r = ExecutionEngine.withDefaults().analyze(cycle, cycle.cycle().instantOf(LocalDate.of(2027, 2, 15)));
    KeyResultReport doubted = row(r, "KR-D");
    KeyResultReport trusted = row(r, "KR-T");
    assertThat(doubted.status()).isEqualTo(Status.ON_TRACK);
    assertThat(doubted.insight()).endsWith(" Its owner's confidence at the last check-in was 5%.");
    // the same numbers, an owner at 80%: the sentence the forecast alone gives
    assertThat(trusted.status()).isEqualTo(Status.ON_TRACK);
    assertThat(trusted.insight()).doesNotContain("confidence");
    assertThat(doubted.insight()).isEqualTo(trusted.insight().replace("KR-T (Trusted)", "KR-D (Doubted)")
        + " Its owner's confidence at the last check-in was 5%.");
    // okr explain says it as a step of its own, with the confidence as evidence
    Explanation e = Explainer.explain(cycle, r, "KR-D");
    assertThat(e.steps().get(1).sentence()).isEqualTo("Its owner's confidence at the last check-in was 5%.");
    assertThat(e.steps().get(1).evidence()).containsEntry("confidence", 0.05);
    assertThat(Explainer.explain(cycle, r, "KR-T").steps()).noneMatch(s -> s.sentence().contains("confidence"));
    // after the end the outcome is known: nothing said
    CycleReport after = ExecutionEngine.withDefaults().analyze(cycle, cycle.cycle().endInstant());
    assertThat(row(after, "KR-D").insight()).doesNotContain("confidence");
  }
}
