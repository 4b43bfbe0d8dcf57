package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.ReportJson;

/**
 * The example cycle's story (examples/acme-2026-q3.json: Support stalls from week 5 naming "hiring"; Datadog stops
 * feeding KR-14 after week 7; I-3 is late and blocks a chain across Data, Product and Growth) as the report tells it.
 */
class ExampleStoryTest {
  static final Path ROOT = Path.of(System.getProperty("okr.repo.root", "..")).toAbsolutePath().normalize();
  static OkrCycle q3;
  static CycleReport week7;
  static CycleReport end;

  @BeforeAll
  static void analyze() throws IOException {
    q3 = CycleJson.withDefaults().read(ROOT.resolve("examples/acme-2026-q3.json")).cycle();
    ExecutionEngine e = ExecutionEngine.withDefaults();
    week7 = e.analyze(q3, q3.cycle().instantOf(LocalDate.of(2026, 8, 19)));
    end = e.analyze(q3, q3.cycle().endInstant());
  }

  static Map<String, KeyResultReport> byId(CycleReport r) {
    return r.keyResults().stream().collect(Collectors.toMap(KeyResultReport::id, Function.identity()));
  }

  static Map<String, EscalationSummary> escalations(CycleReport r) {
    return r.escalations().stream().collect(Collectors.toMap(EscalationSummary::subject, Function.identity()));
  }

  static List<String> codes(KeyResultReport kr) {
    return kr.causes().stream().map(Cause::code).toList();
  }

  @Test
  void week7_summaryTellsTheStory() {
    // KR-20 signed its first customer on 18 Aug, ahead of its plan: on track (off track while its customers were
    // fractional and rose smoothly)
    assertThat(week7.summary()).startsWith("As of 19 Aug, 7 of 30 key results are off track, 8 at risk and 2 stale; "
        + "13 on track").contains("5 of the 17 that need attention trace back to I-3 (Event pipeline v2), 14 days late.")
        .contains("Customer Support: all 6 key results need attention, and \"hiring\" has been named as the "
            + "blocker for");
  }

  @Test
  void week7_lateInitiativeEscalatedForItsCrossTeamCascade() {
    EscalationSummary i3 = escalations(week7).get("I-3");
    assertThat(i3.level()).isEqualTo(2);
    assertThat(i3.to()).isEqualTo("leadership");
    // M-6 was due 5 Aug; on 6 Aug I-3 is a day late and the slip reaches Product's KR-7
    assertThat(i3.since()).isEqualTo(LocalDate.of(2026, 8, 6));
    assertThat(i3.reason()).isEqualTo("I-3 (Event pipeline v2) has fed a cascade across teams since 6 Aug (13 "
        + "days): it is 14 days late "
        + "and reaches Growth and Product, so it goes to leadership (level 2).");
    // I-3's cascade carries its late M-6, which GA needs (M-6 blocks I-2, which delivers KR-7): KR-7 is reached
    // through I-3 directly and through I-2, both carrying the one fortnight's slip (M-6's is I-3's): 1 - exp(-14 / 14)
    // = 63%, as through I-3 alone (two independent causes gave 75%)
    KeyResultReport kr7 = byId(week7).get("KR-7");
    assertThat(kr7.causes().get(0).sentence()).isEqualTo("Upstream, I-3 (Event pipeline v2) is 14 days late; that "
        + "leaves KR-7 (Analytics module generally available) a 63% chance of missing because of it.");
  }

  @Test
  void week7_lateMilestoneCarriedByItsInitiativesCascade() {
    // M-6 (of I-3) is 14 days late and blocks I-2 ("GA needs streaming ingestion"): I-3's cascade reaches I-2 first;
    // M-6 starts no cascade and no escalation of its own (its lateness is I-3's)
    CascadeSummary i3 = week7.cascades().stream().filter(c -> c.source().equals("I-3")).findFirst().orElseThrow();
    assertThat(i3.affected()).startsWith("I-2").contains("KR-6", "KR-7");
    assertThat(week7.cascades()).noneMatch(c -> c.source().startsWith("M-"));
    assertThat(escalations(week7)).doesNotContainKey("M-6");
    // the slips fed to the analysis: M-6 by its own 14 days past due, as an initiative that late; M-7 (open, not due
    // until 1 Sep, nothing depends on it but I-3) not at all
    Snapshot s = Snapshot.of(q3, org.okrengine.deps.DependencyGraph.of(q3),
        org.okrengine.forecast.Forecaster.withDefaults(), q3.cycle().instantOf(LocalDate.of(2026, 8, 19)), false);
    assertThat(s.risks()).containsEntry("M-6", new org.okrengine.deps.NodeRisk(14, 1 - Math.exp(-1)))
        .doesNotContainKey("M-7");
  }

  @Test
  void week7_stalledSupportTeam_causes() {
    Map<String, KeyResultReport> krs = byId(week7);
    for (String id : List.of("KR-22", "KR-23", "KR-24", "KR-26")) {
      assertThat(codes(krs.get(id))).as(id).contains("blocker-named");
    }
    assertThat(codes(krs.get("KR-26"))).contains("pace-fell", "confidence-falling");
    // I-6 (Support hiring) is 19 days late, blocks KR-22 and delivers it: one slip on two edges, so KR-22 misses
    // because of it as I-6 does, 1 - exp(-19 / 14) = 74% (the two edges counted as independent causes gave 84%, more
    // than the 79% its own numbers give: 1 - P(target) 21%)
    assertThat(krs.get("KR-22").causes().get(0).sentence()).isEqualTo("Upstream, I-6 (Support hiring) is 19 days "
        + "late; that leaves KR-22 (First response time from 9 to 2 hours) a 74% chance of missing because of it.");
  }

  @Test
  void week7_dataConnectionNotYetKnownBroken_atCycleEndBroken() {
    // on 19 Aug Datadog's last value for KR-14 is 5 days old: within its usual gap
    assertThat(week7.sourceHealth()).isEmpty();
    assertThat(end.sourceHealth()).hasSize(1);
    var s = end.sourceHealth().get(0);
    assertThat(s.source()).isEqualTo("datadog");
    assertThat(s.keyResults()).containsExactly("KR-14");
    assertThat(s.wholeSource()).isFalse();
    assertThat(s.lastValueOn()).isEqualTo(LocalDate.of(2026, 8, 13));
    assertThat(s.reason()).startsWith("KR-14 (Availability at or above 99.9%) gets its values from datadog, "
        + "which sent the last one (")
        .endsWith(") on 13 Aug and nothing for 48 days, though it used to send one every 8.9 days: the data "
            + "connection looks broken, so nobody knows the status of KR-14.");
    KeyResultReport kr14 = byId(end).get("KR-14");
    assertThat(kr14.causes().get(0).code()).isEqualTo("source-silent");
    assertThat(end.summary()).contains("The datadog data connection is broken: KR-14 (Availability at or above "
        + "99.9%) has had no value from it since "
        + "13 Aug.");
  }

  @Test
  void end_supportStillStalled_blockerForSevenWeeks() {
    // the cycle is over: in the past tense (was "all 6 key results need attention, and "hiring" has been named")
    assertThat(end.summary()).contains("Customer Support: all 6 key results missed their targets, and \"hiring\" had "
        + "been named as the blocker for 7 weeks when the cycle ended.");
    assertThat(escalations(end).get("KR-23").level()).isEqualTo(2);
  }

  @Test
  void week7_escalationsByStatus_equalABruteForceReplayOfEveryDay() {
    // forecast every key result at every point of the grid, with no shortcut, and find each run by hand: the
    // default policy counts a day after its grace period when the key result is at risk or off track below its
    // probability, or stale (both levels alike)
    List<Instant> grid = Escalations.grid(q3.cycle(), week7.asOf());
    LocalDate today = q3.cycle().dateOf(week7.asOf());
    LocalDate graceEnd = q3.cycle().start().plusDays(org.okrengine.model.EscalationPolicy.DEFAULT.graceDays());
    var level = org.okrengine.model.EscalationPolicy.DEFAULT.levels().get(0);
    var forecaster = ExecutionEngine.withDefaults().forecaster();
    int checked = 0;
    for (EscalationSummary e : week7.escalations()) {
      var kr = q3.keyResult(e.subject());
      if (kr.isEmpty() || e.reason().contains("cascade")) {
        continue;
      }
      LocalDate since = null;
      Instant previous = null;
      for (Instant t : grid) {
        var f = forecaster.forecast(kr.get(), q3.cycle(), t, q3.milestonesOf(e.subject()));
        // the hold: a run goes on while the status counts and no check-in fell since the previous point, its chance
        // risen with silence alone (KR-19: 24.8% on 21 Jul, 25.01% on 23 Jul, no check-in from 18 to 24 Jul)
        Instant from = previous;
        boolean checkedIn = from == null
            || kr.get().checkIns().stream().anyMatch(c -> c.at().isAfter(from) && !c.at().isAfter(t));
        boolean counts = !q3.cycle().dateOf(t).isBefore(graceEnd)
            && (level.counts(f.status(), f.probabilityOfTarget())
                || (since != null && !checkedIn && level.counts(f.status())));
        since = counts ? (since == null ? q3.cycle().dateOf(t) : since) : null;
        previous = t;
      }
      assertThat(since).as(e.subject()).isEqualTo(e.since());
      long days = java.time.temporal.ChronoUnit.DAYS.between(since, today);
      assertThat(e.level()).as(e.subject()).isEqualTo(days >= 28 ? 2 : 1);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @Test
  void sameInputTwice_byteIdenticalJson() {
    Instant at = q3.cycle().instantOf(LocalDate.of(2026, 8, 19));
    String a = ReportJson.withDefaults().write(ExecutionEngine.withDefaults().analyze(q3, at));
    String b = ReportJson.withDefaults().write(ExecutionEngine.withDefaults().analyze(q3, at));
    assertThat(a).isEqualTo(b).doesNotContain("NaN", "Infinity");
    assertThat(ReportJson.withDefaults().read(a)).isEqualTo(week7);
  }

  @Test
  void groundedPrompt_holdsTheFactsOnly() {
    String p = ExecutionEngine.groundedPrompt(week7);
    assertThat(p).startsWith("Facts about OKR cycle 2026-Q3 as of 2026-08-18T22:00:00Z")
        .contains("Use only these facts")
        .contains("\n=== BEGIN OKR FACTS ===\n\nSummary: " + FreeText.quote(week7.summary()) + "\n")
        // the model that made it, as every report names it (a quoted string: a model file's name is free text)
        .contains("\n\nForecast model: \"okr-default-2 (movement-aware; fitted on 2,730 key results of 2,730 cycles "
            + "from 2000-01-03 to 2020-09-30)\"\n")
        .contains("and \\\"hiring\\\" has been named as the blocker")
        .contains("- KR-23 \"Ticket backlog from 340 to 100\" (team support, objective O-9): at risk; ")
        .contains("\nEscalations:\n- level 2 to leadership since ")
        .contains("\n- level 2 to leadership since 2026-08-06: \"I-3 (Event pipeline v2) has fed a cascade "
        + "across teams")
        .contains("\nObjectives:\n- \"O-1 (")
        .endsWith("\n=== END OKR FACTS ===\n");
    assertThat(ExecutionEngine.groundedPrompt(week7)).isEqualTo(p);
  }

  @Test
  void groundedPrompt_cycleOver_saysTheOutcome_notAForecast() {
    // at the cycle's end the outcome is known (the report's sentence: "ended the cycle short of its target"), and the
    // prompt's line says the same: KR-1 ended at its last check-in, 1.85 M EUR from 1.2 M toward 2.0 M, (1.85 - 1.2)
    // / 0.8 = 81% of the way, short of 2.0 M: not met. KR-14 (keep availability at or above 99.9%, stale) ended at
    // its last value, 99.93%, above the threshold: met as of that check-in, 48 days before the 1 Oct end instant (13
    // Aug), as the JSON's probability of target 1 has it (it read "not known to have been met")
    assertThat(byId(end).get("KR-1").insight()).contains("ended the cycle short of its target");
    String p = ExecutionEngine.groundedPrompt(q3, end);
    // where each ended, once (the latest check-in's standing beside it said the same again, or, where the document
    // gives a result, something else)
    assertThat(p).contains("- KR-1 \"Segment revenue from 1.2M to 2.0M EUR\" (team growth, objective O-1): off "
            + "track; the cycle is over: ended at 81%, not met; last check-in ")
        .contains("- KR-14 \"Availability at or above 99.9%\" (team platform, objective O-6): stale; the cycle is "
            + "over: ended 0.03 points above the threshold of 99.9%, met as of its last check-in, 48 days before the "
            + "end; ")
        .contains("- KR-3 \"Launch self-serve finance dashboards\" (team growth, objective O-1): off track; the cycle "
            + "is over: not done; ")
        .doesNotContain("forecast to", "P(target)");
    // before the end, the forecast as before; with the cycle, the instant is named in its zone too (the summary's
    // "As of 19 Aug" is Oslo's date of 2026-08-18T22:00:00Z)
    String withCycle = ExecutionEngine.groundedPrompt(q3, week7);
    assertThat(withCycle).startsWith("Facts about OKR cycle 2026-Q3 as of 2026-08-19 00:00 Europe/Oslo "
        + "(2026-08-18T22:00:00Z), computed by").contains("forecast to land at");
    assertThat(withCycle.replace("as of 2026-08-19 00:00 Europe/Oslo (2026-08-18T22:00:00Z)",
        "as of 2026-08-18T22:00:00Z")).isEqualTo(ExecutionEngine.groundedPrompt(week7));
  }

  @Test
  void cascadeFromAKeyResult_onlyWhereItsOwnStatusSaysItWillMiss() {
    // 22 Jul: KR-12 (Self-served datasets) and KR-17 (Enterprise pipeline) are on track by their own forecasts
    // (P(target) 51% and 49%, at or above the at-risk threshold); their P50 completion falls a day or two after the
    // cycle's end, which made them "2 days late" in a cascade and in KR-6's and KR-1's causes, beside their own
    // "on track". Not late now: no cascade starts at them and no cause names them upstream
    CycleReport jul22 = ExecutionEngine.withDefaults().analyze(q3, q3.cycle().instantOf(LocalDate.of(2026, 7, 22)));
    Map<String, KeyResultReport> krs = byId(jul22);
    for (String id : List.of("KR-12", "KR-17")) {
      assertThat(krs.get(id).status()).as(id).isEqualTo(org.okrengine.model.Status.ON_TRACK);
      assertThat(jul22.cascades()).as(id).noneMatch(c -> c.source().equals(id));
    }
    assertThat(krs.get("KR-6").causes()).noneMatch(c -> "KR-12".equals(c.subject()));
    assertThat(krs.get("KR-1").causes()).noneMatch(c -> "KR-17".equals(c.subject()));
    // 19 Aug: KR-12 is at risk (P(target) 21%) and still late in the cascade, as its status says it will miss
    assertThat(byId(week7).get("KR-12").status()).isEqualTo(org.okrengine.model.Status.AT_RISK);
    assertThat(week7.cascades()).anyMatch(c -> c.source().equals("KR-12"));
  }
}
