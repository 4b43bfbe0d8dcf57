package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/**
 * A later blocker never makes what it blocks more likely. A small quarter in the shape of a reviewer's: an identity
 * service (I-IDP, milestone M-IDP2 due 26 Feb, open) blocks SSO (KR-SSO, achieve, needed by 1 Mar), which blocks the
 * enterprise logos (KR-LOGOS). Slipped 40 days as of 20 Mar, M-IDP2 used to leave the achieve forecast's count of
 * missed milestones ("not due yet") and I-IDP was no longer late: KR-SSO 10% -> 14%, its objective 9% -> 13%.
 */
class WhatIfSlipMonotonicityTest {
  static final String DOC = """
      {"format": "okr-cycle/1",
       "cycle": {"id": "NW", "name": "Northwind Q1", "start": "2027-01-01", "end": "2027-03-31",
                 "zone": "America/New_York"},
       "teams": [{"id": "co", "name": "Northwind"}, {"id": "sales", "name": "Sales", "parent": "co"},
                 {"id": "product", "name": "Product", "parent": "co"},
                 {"id": "platform", "name": "Platform", "parent": "co"}],
       "objectives": [
        {"id": "O-SALES", "title": "Win the enterprise segment", "team": "sales", "commitment": "committed",
         "keyResults": [
          {"id": "KR-LOGOS", "title": "Sign 5 enterprise logos",
           "metric": {"baseline": 0, "target": 5, "direction": "increase", "unit": "logos", "min": 0},
           "checkIns": [{"at": "2027-01-15", "value": 0}, {"at": "2027-02-01", "value": 1, "confidence": 0.6},
                        {"at": "2027-02-26", "value": 1, "confidence": 0.4}, {"at": "2027-03-18", "value": 2}]},
          {"id": "KR-ARR", "title": "New ARR from 0 to 1.5M USD",
           "metric": {"baseline": 0, "target": 1.5, "direction": "increase", "unit": "M USD", "min": 0},
           "checkIns": [{"at": "2027-01-23", "value": 0.18}, {"at": "2027-02-14", "value": 0.4},
                        {"at": "2027-03-02", "value": 0.9}, {"at": "2027-03-16", "value": 1.1}]}]},
        {"id": "O-PROD", "title": "Make onboarding effortless", "team": "product", "commitment": "aspirational",
         "keyResults": [
          {"id": "KR-SSO", "title": "SSO generally available", "metric": {"direction": "achieve"},
           "checkIns": [{"at": "2027-01-20", "value": 0}, {"at": "2027-02-17", "value": 0},
                        {"at": "2027-03-17", "value": 0}]},
          {"id": "KR-ACT", "title": "Raise 7-day activation from 32% to 45%",
           "metric": {"baseline": 32, "target": 45, "direction": "increase", "unit": "%", "min": 0, "max": 100},
           "checkIns": [{"at": "2027-01-13", "value": 33.0}, {"at": "2027-02-03", "value": 36.5},
                        {"at": "2027-02-24", "value": 39.8}, {"at": "2027-03-17", "value": 43.9}]}]}],
       "initiatives": [
        {"id": "I-IDP", "title": "Identity service", "team": "platform", "keyResults": ["KR-SSO"],
         "milestones": [{"id": "M-IDP1", "title": "SAML prototype", "due": "2027-01-29", "completed": "2027-02-10"},
                        {"id": "M-IDP2", "title": "Identity service in production", "due": "2027-02-26"}]}],
       "dependencies": [
        {"upstream": "I-IDP", "downstream": "KR-SSO", "kind": "blocks", "needBy": "2027-03-01"},
        {"upstream": "KR-SSO", "downstream": "KR-LOGOS", "kind": "blocks"}]}
      """;

  static final List<String> WATCHED = List.of("KR-SSO", "KR-LOGOS", "O-PROD", "O-SALES");

  static OkrCycle cycle() {
    return CycleJson.withDefaults().read(DOC).cycle();
  }

  /**
   * The as-of days: before M-IDP2 is due, the day after, a week after and the reviewer's. The objectives' odds are
   * drawn from the engine's seed ({@link CommitmentSimulation#DEFAULT_SEED}, 10,000 draws), so each run is the same.
   */
  static Stream<Arguments> days() {
    return Stream.of("2027-02-10", "2027-02-27", "2027-03-05", "2027-03-20").map(Arguments::of);
  }

  /** The probability of each watched row with I-IDP slipped {@code days} (0: the baseline). */
  static List<Double> probabilities(OkrCycle cycle, Instant at, int days) {
    WhatIf.Comparison c = WhatIf.compare(ExecutionEngine.withDefaults(), cycle, at,
        days == 0 ? List.of() : List.of(new WhatIf.Slip("I-IDP", days)));
    List<Double> out = new ArrayList<>();
    for (String id : WATCHED) {
      out.add(Stream.concat(c.keyResults().stream(), c.objectives().stream()).filter(r -> r.id().equals(id))
          .findFirst().orElseThrow().probability());
    }
    return out;
  }

  @ParameterizedTest(name = "as of {0}")
  @MethodSource("days")
  void laterSlips_neverRaiseWhatTheBlockerHoldsUp(String day) {
    OkrCycle cycle = cycle();
    Instant at = cycle.cycle().instantOf(LocalDate.parse(day));
    List<Double> baseline = probabilities(cycle, at, 0);
    List<Double> previous = null;
    int previousDays = 0;
    for (int days = 0; days <= 70; days++) {
      List<Double> now = probabilities(cycle, at, days);
      if (previous != null) {
        // a slip can only lower them (or leave them): each against the slip one day shorter (0: the baseline)
        for (int i = 0; i < WATCHED.size(); i++) {
          assertThat(now.get(i)).as("%s slipped %d days against %d days, as of %s", WATCHED.get(i), days,
              previousDays, day).isLessThanOrEqualTo(previous.get(i));
        }
      }
      previous = now;
      previousDays = days;
    }
    // 70 days late, M-IDP2 lands after the cycle's end: KR-SSO cannot be done in the cycle, nor KR-LOGOS after it
    assertThat(previous.get(0)).as("KR-SSO").isZero().isLessThan(baseline.get(0));
    assertThat(previous.get(2)).as("O-PROD").isLessThan(baseline.get(2));
  }

  @Test
  void slipPastTheCycleEnd_lowersWhatItBlocks_andSaysWhy() {
    OkrCycle cycle = cycle();
    Instant at = cycle.cycle().instantOf(LocalDate.of(2027, 3, 20));
    WhatIf.Comparison c = WhatIf.compare(ExecutionEngine.withDefaults(), cycle, at,
        List.of(new WhatIf.Slip("I-IDP", 40)));
    WhatIf.Row sso = c.keyResults().stream().filter(r -> r.id().equals("KR-SSO")).findFirst().orElseThrow();
    assertThat(sso.probability()).isLessThan(sso.baselineProbability()).isZero();
    WhatIf.Row prod = c.objectives().stream().filter(r -> r.id().equals("O-PROD")).findFirst().orElseThrow();
    assertThat(prod.probability()).isLessThan(prod.baselineProbability());
    assertThat(c.notes()).containsExactly("M-IDP2 (Identity service in production) was due 26 Feb and is still open "
        + "on 20 Mar, 22 days past due: slipped to 7 Apr it is no less late, so the scenario keeps it 22 days past "
        + "due, landing on 7 Apr, after the cycle's end (31 Mar).",
        "KR-LOGOS and KR-SSO are blocked by work that then lands after the cycle's end, so they cannot be done in "
        + "the cycle: probability of target 0.");
  }

  @Test
  void slipOfAMilestoneAlreadyPastDue_changesNothing_andSaysWhy() {
    OkrCycle cycle = cycle();
    Instant at = cycle.cycle().instantOf(LocalDate.of(2027, 3, 20));
    WhatIf.Comparison c = WhatIf.compare(ExecutionEngine.withDefaults(), cycle, at,
        List.of(new WhatIf.Slip("I-IDP", 7)));
    for (WhatIf.Row r : c.keyResults()) {
      assertThat(r.probability()).as(r.id()).isEqualTo(r.baselineProbability());
    }
    assertThat(c.notes()).containsExactly("M-IDP2 (Identity service in production) was due 26 Feb and is still open "
        + "on 20 Mar, 22 days past due: slipped to 5 Mar it is no less late, so the scenario keeps it 22 days past "
        + "due.");
  }
}
