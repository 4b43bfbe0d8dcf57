package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;

/**
 * A key result late for the date another needs it by, and lateness counted from a forecast, on two cycles a reader
 * of {@code okr analyze} sent (cut to the key results concerned): the row and the cascade must agree, and a forecast
 * must not be worded as a fact.
 */
class NeedByLatenessTest {
  /** A licence (achieve, with milestones) that merchants' go-live needs by 1 May, granted only on 15 Jun. */
  static final String KITEPAY = """
      {"format": "okr-cycle/1",
       "cycle": {"id": "KITE-2027-Q2", "name": "Kitepay Q2 2027", "start": "2027-04-01", "end": "2027-06-30",
                 "zone": "Asia/Tokyo", "checkInEveryDays": 21},
       "teams": [{"id": "payments", "name": "Payments"}],
       "objectives": [{"id": "O-1", "title": "Launch card payments in Japan", "team": "payments", "keyResults": [
         {"id": "KR-1", "title": "Card acquiring licence granted", "metric": {"direction": "achieve"},
          "checkIns": [{"at": "2027-04-10", "value": 0, "confidence": 0.6},
                       {"at": "2027-05-02", "value": 0, "confidence": 0.5, "blockers": ["regulator"]},
                       {"at": "2027-05-28", "value": 0, "confidence": 0.5, "blockers": ["regulator"]},
                       {"at": "2027-06-15", "value": 1, "note": "granted"}]},
         {"id": "KR-2", "title": "Merchants live on card payments",
          "metric": {"baseline": 0, "target": 50, "direction": "increase", "unit": "merchants", "min": 0},
          "checkIns": [{"at": "2027-04-20", "value": 0},
                       {"at": "2027-05-20", "value": 0, "confidence": 0.4, "blockers": ["regulator"]},
                       {"at": "2027-06-20", "value": 18, "confidence": 0.3},
                       {"at": "2027-06-29", "value": 31}]}]}],
       "initiatives": [{"id": "I-LIC", "title": "Licence application", "team": "payments", "keyResults": ["KR-1"],
         "milestones": [{"id": "M-1", "title": "Application filed", "due": "2027-04-15", "completed": "2027-04-14"},
                        {"id": "M-2", "title": "Regulator Q&A answered", "due": "2027-05-15",
                         "completed": "2027-06-01"}]}],
       "dependencies": [{"upstream": "KR-1", "downstream": "KR-2", "kind": "blocks", "needBy": "2027-05-01"}]}
      """;

  /** Marketing's MQLs, which Sales' ARR needs (no need-by date: by the cycle's end), behind a back-loaded plan. */
  static final String NORTHWIND = """
      {"format": "okr-cycle/1",
       "cycle": {"id": "NW-2027-Q1", "name": "Northwind Q1 2027", "start": "2027-01-01", "end": "2027-03-31",
                 "zone": "America/New_York"},
       "teams": [{"id": "sales", "name": "Sales"}, {"id": "marketing", "name": "Marketing"}],
       "objectives": [
        {"id": "O-MKT", "title": "Fill the enterprise pipeline", "team": "marketing", "keyResults": [
         {"id": "KR-MQL", "title": "Generate 1,200 enterprise MQLs",
          "metric": {"baseline": 0, "target": 1200, "direction": "increase", "unit": "MQLs", "min": 0},
          "plan": {"shape": "back-loaded"},
          "checkIns": [{"at": "2027-01-16", "value": 40}, {"at": "2027-02-06", "value": 180, "confidence": 0.7},
                       {"at": "2027-02-27", "value": 420, "confidence": 0.7}, {"at": "2027-03-13", "value": 610}]}]},
        {"id": "O-SALES", "title": "Win the enterprise segment", "team": "sales", "keyResults": [
         {"id": "KR-ARR", "title": "New ARR from 0 to 1.5M USD",
          "metric": {"baseline": 0, "target": 1.5, "direction": "increase", "unit": "M USD", "min": 0},
          "checkIns": [{"at": "2027-01-09", "value": 0.0, "confidence": 0.7}, {"at": "2027-01-23", "value": 0.18},
                       {"at": "2027-02-14", "value": 0.18, "confidence": 0.5}, {"at": "2027-03-02", "value": 0.61},
                       {"at": "2027-03-20", "value": 0.74, "confidence": 0.4}]}]}],
       "dependencies": [{"upstream": "KR-MQL", "downstream": "KR-ARR", "kind": "contributes"}]}
      """;

  static CycleReport at(OkrCycle cycle, LocalDate day) {
    return ExecutionEngine.withDefaults().analyze(cycle, cycle.cycle().instantOf(day));
  }

  @Test
  void keyResultPastTheDateAnotherNeedsItBy_isNotOnTrack_rowAndCascadeAgree() {
    OkrCycle kite = CycleJson.withDefaults().read(KITEPAY).cycle();
    // 10 May: KR-1 not done, 9 days past the 1 May KR-2 needs it by; by its own forecast on track for the end
    CycleReport may10 = at(kite, LocalDate.of(2027, 5, 10));
    CascadeSummary cascade = may10.cascades().stream().filter(c -> c.source().equals("KR-1")).findFirst()
        .orElseThrow();
    assertThat(cascade.reason()).startsWith("KR-1 (Card acquiring licence granted), of Payments, is 9 days late; "
        + "KR-2 (Merchants live on card payments) of Payments needs it by 1 May");
    // was: "on-track" with no word of the date it had missed
    KeyResultReport kr1 = ExampleStoryTest.byId(may10).get("KR-1");
    assertThat(kr1.status()).isEqualTo(Status.AT_RISK);
    assertThat(kr1.reasons().get(0).code()).isEqualTo("late-for-need-by");
    assertThat(kr1.reasons().get(0).evidence()).containsEntry("slipDays", 9.0);
    assertThat(kr1.insight()).startsWith("KR-1 (Card acquiring licence granted) is 9 days late for KR-2 (Merchants "
        + "live on card payments), which needs it by 1 May, so KR-1 is at risk however likely its own target is. ");
    assertThat(Explanation.of(kite, may10, "KR-1").steps().get(0).sentence()).isEqualTo("KR-1 (Card acquiring "
        + "licence granted) is at risk: 9 days late for KR-2 (Merchants live on card payments), which needs it by "
        + "1 May; not done, a 64% chance of being done by the cycle's end.");
    assertThat(ExecutionEngine.groundedPrompt(kite, may10)).contains("- KR-1 \"Card acquiring licence granted\" "
        + "(team payments, objective O-1): at risk;");
    // before the date it is needed by, and once it is done, nothing is late and its own forecast decides
    assertThat(ExampleStoryTest.byId(at(kite, LocalDate.of(2027, 4, 20))).get("KR-1").status())
        .isEqualTo(Status.ON_TRACK);
    assertThat(ExampleStoryTest.byId(at(kite, LocalDate.of(2027, 6, 16))).get("KR-1").status())
        .isEqualTo(Status.ACHIEVED);
    // every day of the cycle: a key result that a cascade starts at is not on track
    for (LocalDate d = kite.cycle().start(); !d.isAfter(kite.cycle().end()); d = d.plusDays(1)) {
      CycleReport r = at(kite, d);
      for (CascadeSummary c : r.cascades()) {
        KeyResultReport row = ExampleStoryTest.byId(r).get(c.source());
        if (row != null) {
          assertThat(row.status()).as("%s on %s: %s", c.source(), d, c.reason()).isNotEqualTo(Status.ON_TRACK);
        }
      }
    }
  }

  @Test
  void lateCountedFromAForecastCompletion_saysForecast() {
    OkrCycle nw = CycleJson.withDefaults().read(NORTHWIND).cycle();
    // 10 Feb: KR-MQL is needed by the end (31 Mar), seven weeks away; its slip is its forecast completion's
    CycleReport feb10 = at(nw, LocalDate.of(2027, 2, 10));
    CascadeSummary cascade = feb10.cascades().get(0);
    assertThat(cascade.source()).isEqualTo("KR-MQL");
    assertThat(cascade.slipDays()).isEqualTo(53.0);
    // was: "is 53 days late", a forecast worded as a fact
    assertThat(cascade.reason()).startsWith("KR-MQL (Generate 1,200 enterprise MQLs), of Marketing, is forecast to "
        + "be 53 days late; KR-ARR (New ARR from 0 to 1.5M USD) of Sales needs it;");
    assertThat(feb10.summary()).contains("traces back to KR-MQL (Generate 1,200 enterprise MQLs), forecast to be 53 "
        + "days late.");
    KeyResultReport arr = ExampleStoryTest.byId(feb10).get("KR-ARR");
    assertThat(arr.causes()).anySatisfy(c -> assertThat(c.sentence()).startsWith("Upstream, KR-MQL (Generate 1,200 "
        + "enterprise MQLs) is forecast to be 53 days late;"));
    for (String text : new String[] {ExecutionEngine.groundedPrompt(nw, feb10), feb10.summary(),
        String.valueOf(feb10.escalations()), String.valueOf(feb10.escalationGroups())}) {
      assertThat(text).doesNotContain("is 53 days late").doesNotContain(", 53 days late");
    }
  }

  @Test
  void sharesResourceDate_isNoNeedBy() {
    // a shares-resource pair with a date: contention, not a need; KR-1 is late for nobody
    OkrCycle kite = CycleJson.withDefaults().read(KITEPAY.replace("\"kind\": \"blocks\"",
        "\"kind\": \"shares-resource\"")).cycle();
    CycleReport may10 = at(kite, LocalDate.of(2027, 5, 10));
    KeyResultReport kr1 = ExampleStoryTest.byId(may10).get("KR-1");
    // was: at risk, "KR-1 (...) is 9 days late for KR-2 (...), which needs it by 1 May"
    assertThat(kr1.reasons()).noneSatisfy(r -> assertThat(r.code()).isEqualTo("late-for-need-by"));
    assertThat(kr1.status()).isEqualTo(Status.ON_TRACK);
    assertThat(kr1.insight()).doesNotContain("late for");
    assertThat(may10.cascades()).noneSatisfy(c -> assertThat(c.source()).isEqualTo("KR-1"));
  }

  @Test
  void maintainKeyResultHoldingItsThreshold_isNotLateForItsNeedBy() {
    // a payment success rate KR-2 needs by 1 May, at 98.7% (threshold 98.5%) on 10 May; then below it
    String cycle = KITEPAY.replace("\"dependencies\": [",
        "\"dependencies\": [{\"upstream\": \"KR-3\", \"downstream\": \"KR-2\", \"kind\": \"blocks\", "
            + "\"needBy\": \"2027-05-01\"}, ")
        .replace("\"keyResults\": [\n", "\"keyResults\": [\n"
            + "{\"id\": \"KR-3\", \"title\": \"Payment success rate at least 98.5%\", \"metric\": {\"target\": 98.5,"
            + " \"direction\": \"maintain-above\", \"unit\": \"%\", \"min\": 0, \"max\": 100},"
            + " \"checkIns\": [{\"at\": \"2027-04-10\", \"value\": 98.8}, {\"at\": \"2027-05-06\", \"value\": 98.7},"
            + " {\"at\": \"2027-05-20\", \"value\": 98.1}]},\n");
    OkrCycle kite = CycleJson.withDefaults().read(cycle).cycle();
    CycleReport may10 = at(kite, LocalDate.of(2027, 5, 10));
    KeyResultReport kr3 = ExampleStoryTest.byId(may10).get("KR-3");
    // was: at risk, "KR-3 (...) is 9 days late for KR-2 (...)" at 98.7%, and a cascade "KR-3 (...) is 9 days late"
    assertThat(kr3.reasons()).noneSatisfy(r -> assertThat(r.code()).isEqualTo("late-for-need-by"));
    assertThat(kr3.insight()).doesNotContain("late for");
    assertThat(may10.cascades()).noneSatisfy(c -> assertThat(c.source()).isEqualTo("KR-3"));
    // below its threshold past the date: not what KR-2 needs, late
    CycleReport may25 = at(kite, LocalDate.of(2027, 5, 25));
    assertThat(may25.cascades()).anySatisfy(c -> assertThat(c.source()).isEqualTo("KR-3"));
    assertThat(ExampleStoryTest.byId(may25).get("KR-3").status()).isNotEqualTo(Status.ON_TRACK);
  }
}
