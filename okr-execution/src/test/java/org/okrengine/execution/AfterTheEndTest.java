package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/**
 * Reports of a finished cycle, as a manager's read found them: a sales quarter (sales-2026-q4.json: 1 Oct to 31 Dec
 * 2026, America/New_York, fortnightly check-ins; KR-S6 checked in once, on 5 Nov; KR-S7 once, on 20 Oct; KR-S8
 * never; KR-S5 off track from 16 Dec) and a customer-experience quarter (cx-2026-q2.json: 1 Apr to 30 Jun 2026, UTC,
 * weekly check-ins; KR-C3 backlog 400 -> 100 at 260 on 15 May, KR-C5 renewal rate kept at or above 90% at 93% on 15
 * May, KR-C1 NPS 30 -> 40 at 42 on 15 May, none heard of after).
 */
class AfterTheEndTest {
  static final OkrCycle SALES = read("sales-2026-q4.json");
  static final OkrCycle CX = read("cx-2026-q2.json");

  static OkrCycle read(String name) {
    try (var in = AfterTheEndTest.class.getResourceAsStream(name)) {
      return CycleJson.withDefaults().read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .cycle();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Instant at(String instant) {
    return OffsetDateTime.parse(instant).toInstant();
  }

  static KeyResultReport row(CycleReport r, String id) {
    return r.keyResults().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void escalations_afterTheEnd_asTheyStoodAtTheEnd() {
    // on the cycle's last minute (31 Dec 23:59 New York): KR-S7 stale since 18 Nov (43 days, level 2), KR-S6 stale
    // since 4 Dec (27 whole days to 31 Dec: level 1, under the 28 of level 2), KR-S5 at risk below 25% since its
    // check-in of 25 Nov (23%), held while its chance rose with silence alone to 26% by 12 Dec (the hold) until its
    // check-in of 16 Dec took it to 9%, off track: 36 days, level 2; KR-S8, no check-in all quarter, silent for more than its 28-day limit from 30 Oct on, 28 days
    // more by 27 Nov: level 2 (NoCheckInTest)
    CycleReport last = ExecutionEngine.withDefaults().analyze(SALES, at("2026-12-31T23:59:00-05:00"));
    assertThat(last.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since())
        .containsExactly("KR-S8 2 2026-10-30", "KR-S7 2 2026-11-18", "KR-S5 2 2026-11-25", "KR-S6 1 2026-12-04");
    // five days after the end the same: nothing is escalated after the end (the run counted to 1 Jan, the end
    // instant's date, made KR-S6's 28 days and took it to leadership, "up from level 1")
    CycleReport after = ExecutionEngine.withDefaults().analyze(SALES, at("2027-01-05T00:00:00-05:00"));
    assertThat(after.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since())
        .containsExactly("KR-S8 2 2026-10-30", "KR-S7 2 2026-11-18", "KR-S5 2 2026-11-25", "KR-S6 1 2026-12-04");
    assertThat(after.escalations().get(3).reason()).contains("since 4 Dec (27 days; stale when the cycle ended)");
    // what changed since 29 Dec: nothing new (KR-S5 at leadership since 23 Dec, 28 days into its held run; KR-S6 rose
    // nowhere after the end)
    assertThat(after.changes().newEscalations()).isEmpty();
  }

  @Test
  void outcome_staleAtTheEnd_metOrNotByItsLastCheckIn_asTheJsonHasIt() {
    // 5 Jul, after the 30 Jun end: silent since 15 May, 47 days to the end instant (1 Jul), over the 14-day limit
    CycleReport r = ExecutionEngine.withDefaults().analyze(CX, at("2026-07-05T00:00:00Z"));
    KeyResultReport c3 = row(r, "KR-C3");
    KeyResultReport c5 = row(r, "KR-C5");
    assertThat(c3.status()).isEqualTo(org.okrengine.model.Status.STALE);
    assertThat(c5.status()).isEqualTo(org.okrengine.model.Status.STALE);
    assertThat(c3.daysSinceCheckIn()).isEqualTo(47);
    // the outcome (README, "How the forecast works"): the latest check-in up to the end; 400 -> 260 of 400 -> 100 is
    // (400 - 260) / 300 = 47% of the way, not met (0); 93% keeps 90% (1)
    assertThat(c3.forecast().probabilityOfTarget()).isEqualTo(0.0);
    assertThat(c5.forecast().probabilityOfTarget()).isEqualTo(1.0);
    // okr explain and the prompt say the same, and how old that check-in was (they read "not known to have been
    // met" beside the JSON's 0 and 1)
    assertThat(Insights.ended(c3)).isEqualTo("ended at 47%, not met as of its last check-in, 47 days before the end");
    assertThat(Insights.ended(c5)).isEqualTo("ended 3 points above the threshold of 90%, met as of its last check-in, "
        + "47 days before the end");
    // KR-C1 met its target at 42 on 15 May: achieved, its outcome met without more words (the status rule puts a
    // met target before the stale one)
    assertThat(Insights.ended(row(r, "KR-C1"))).isEqualTo("ended at 120%, met");
    // the page's "Met" column likewise (it read "unknown")
    String page = HtmlReportWriter.write(CX, r);
    assertThat(page).contains("yes (as of its last check-in)").contains("no (as of its last check-in)")
        .doesNotContain(">unknown<");
  }

  /** {@code name} as read, its text with {@code from} (found exactly once) replaced by {@code to}. */
  static OkrCycle edited(String name, String from, String to) {
    try (var in = AfterTheEndTest.class.getResourceAsStream(name)) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text.indexOf(from)).isNotNegative().isEqualTo(text.lastIndexOf(from));
      return CycleJson.withDefaults().read(text.replace(from, to)).cycle();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code name} with key result {@code id} given {@code result.finalValue}, as entered after the end. */
  static OkrCycle withFinalValue(String name, String id, double finalValue) {
    return edited(name, "\"id\": \"" + id + "\",", "\"id\": \"" + id + "\", \"result\": {\"finalValue\": "
        + finalValue + "},");
  }

  @Test
  void finalValue_withoutCheckIns_metItsTarget_achievedAndNotEscalated() {
    // KR-S8 ($500k through channel partners) never checked in; the finance export after the quarter gives 520 (k USD)
    // against the target of 500: 520 / 500 = 104% of the way from a baseline of 0, met
    OkrCycle okr = withFinalValue("sales-2026-q4.json", "KR-S8", 520);
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, at("2027-01-05T00:00:00-05:00"));
    KeyResultReport s8 = row(r, "KR-S8");
    // achieved by its outcome, as a stale key result whose final value meets its target is (it stayed no-data: "met
    // unknown", "nothing is known of where it ended", escalated to leadership beside a probability of target of 1)
    assertThat(s8.status()).isEqualTo(org.okrengine.model.Status.ACHIEVED);
    assertThat(s8.forecast().probabilityOfTarget()).isEqualTo(1.0);
    assertThat(s8.forecast().landingValue()).isEqualTo(520.0);
    assertThat(s8.silentSinceStart()).isFalse();
    assertThat(s8.needsAttention()).isFalse();
    assertThat(Insights.ended(s8)).isEqualTo("ended at 104%, met");
    // no escalation grows from it after the end: the others as escalations_afterTheEnd_asTheyStoodAtTheEnd has them
    assertThat(r.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since())
        .containsExactly("KR-S7 2 2026-11-18", "KR-S5 2 2026-11-25", "KR-S6 1 2026-12-04");
    // Partnerships' silent group is KR-S7 and KR-S6 alone; O-S2 needs attention for those two (it counted 3)
    assertThat(r.escalationGroups()).filteredOn(g -> g.kind().equals(org.okrengine.model.EscalationGroup.SILENT_TEAM))
        .extracting(g -> g.subjects()).containsExactly(java.util.List.of("KR-S7", "KR-S6"));
    assertThat(r.objectives()).filteredOn(o -> o.id().equals("O-S2")).extracting(o -> o.needAttention())
        .containsExactly(2);
  }

  @Test
  void finalValue_ofAStaleKeyResult_decides_withoutAsOfItsLastCheckIn() {
    // KR-C3 (backlog 400 -> 100), silent since 260 on 15 May, ends the quarter at 150 by the document's result:
    // (400 - 150) / 300 = 83% of the way, not met; it stays stale (a final value short of the target keeps the
    // silence's status), and the final value, not the 15 May check-in, decides: no "as of its last check-in" (it read
    // "ended at 83%, not met as of its last check-in, 47 days before the end", as if 260 had decided it)
    OkrCycle okr = withFinalValue("cx-2026-q2.json", "KR-C3", 150);
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, at("2026-07-05T00:00:00Z"));
    KeyResultReport c3 = row(r, "KR-C3");
    assertThat(c3.status()).isEqualTo(org.okrengine.model.Status.STALE);
    assertThat(c3.forecast().probabilityOfTarget()).isEqualTo(0.0);
    assertThat(Insights.ended(c3)).isEqualTo("ended at 83%, not met");
    // KR-C6 (onboarding 30 -> 14 days), silent since 22 on 15 May without a result: judged by that check-in, said so
    assertThat(Insights.ended(row(r, "KR-C6"))).isEqualTo("ended at 50%, not met as of its last check-in, 47 days "
        + "before the end");
    // the page: "no (as of its last check-in)" for KR-C6 only (KR-C3's read so too)
    String page = HtmlReportWriter.write(okr, r);
    assertThat(page.split("no \\(as of its last check-in\\)", -1)).hasSize(2);
  }

  @Test
  void committedObjective_withAStaleKeyResultThatFellShort_missedItsCommitment() {
    // O-C2 (committed): KR-C2 (62 of 50) and KR-C4 (done) met theirs; KR-C6, stale, ended by its last check-in at 22
    // days against 14 from 30: (30 - 22) / 16 = 50%, not met (probability of target 0). Every key result at target is
    // then out of reach by the outcome rule: not met, probability 0 (it read "Whether it met its commitment is not
    // known: KR-C6 (...) was stale when the cycle ended.", probability null, beside KR-C6's "met no")
    CycleReport r = ExecutionEngine.withDefaults().analyze(CX, at("2026-07-05T00:00:00Z"));
    var c2 = r.objectives().stream().filter(o -> o.id().equals("O-C2")).findFirst().orElseThrow();
    assertThat(c2.probability()).isEqualTo(0.0);
    assertThat(c2.summary()).doesNotContain("not known");
    // O-C1 (aspirational, equal weights): KR-C1 met (score 1), KR-C3 stale, not met, scored as it ended, (400 - 260) /
    // 300 = 0.47; KR-C5 stale, its last check-in keeping its threshold: open between 0 and 1. With KR-C5 at 1 the score
    // is (1 + 0.47 + 1) / 3 = 0.82, at least 0.7; at 0, (1 + 0.47) / 3 = 0.49: still not known, for KR-C5 alone (KR-C3
    // was named too, as if it might have ended anywhere up to its target)
    var c1 = r.objectives().stream().filter(o -> o.id().equals("O-C1")).findFirst().orElseThrow();
    assertThat(c1.probability()).isNull();
    assertThat(c1.summary()).endsWith("Whether it met its commitment is not known: KR-C5 (Keep renewal rate at or "
        + "above 90%) was stale when the cycle ended.");
  }

  /**
   * The company's sentence says how its stale key results ended, as their rows do: KR-C3 and KR-C6 missed by their
   * last check-ins, KR-C5 (renewal rate at or above 90%) held it at its last check-in on 15 May ("met yes (as of its
   * last check-in, 47 days before the end)"); it read "3 of 6 key results were stale; 3 met theirs." beside four rows
   * "met yes".
   */
  @Test
  void staleKeyResults_saidHowTheyEnded_afterTheEnd() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(CX, at("2026-07-03T00:00:00Z"));
    assertThat(r.summary()).startsWith("As of 3 Jul, the cycle is over: 3 of 6 key results were stale (of those, 1 "
        + "ended meeting its target and 2 did not); 3 others met theirs.");
  }

  @Test
  void noCheckIns_countedApartFromStale_afterTheEnd() {
    // Partnerships: KR-S6 and KR-S7 stale, KR-S8 without any check-in all quarter (its row no-data), KR-S3 done
    CycleReport r = ExecutionEngine.withDefaults().analyze(SALES, at("2027-01-05T00:00:00-05:00"));
    // the company's sentence counted them apart; the team's and the objective's said all three "were stale"
    assertThat(r.summary()).contains("2 were stale (none ended meeting its target) and 1 had no data")
        .contains("Partnerships: 3 of its 4 key results were stale or had no data.");
    assertThat(r.objectives()).filteredOn(o -> o.id().equals("O-S2")).extracting(o -> o.summary())
        .allMatch(s -> s.startsWith("O-S2 (Build a partner channel): 2 of 4 key results were stale and 1 had no data;"));
  }

  @Test
  void silentTeam_daysCountedAsTheRowsCountThem() {
    // KR-S6's only check-in at 15:00 on 5 Nov (New York): to the end instant, 1 Jan 00:00, 56 whole days, as its row
    // has it; the team's group counted from the date to the day, 57 (Partnerships' latest check-in is KR-S6's)
    OkrCycle okr = edited("sales-2026-q4.json", "\"at\": \"2026-11-05\"", "\"at\": \"2026-11-05T15:00:00-05:00\"");
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, at("2027-01-05T00:00:00-05:00"));
    assertThat(row(r, "KR-S6").daysSinceCheckIn()).isEqualTo(56);
    assertThat(r.escalationGroups()).filteredOn(g -> g.kind().equals(org.okrengine.model.EscalationGroup.SILENT_TEAM))
        .extracting(g -> g.reason()).singleElement().asString().contains("has had a check-in since 5 Nov (56 days)");
  }

  /**
   * Objectives of a quarter (1 Oct to 31 Dec 2026, UTC) of key results 0 to 10 deals: {@code objectives} is id,
   * commitment, then its key results as id, final value ("" for none) and check-ins "date=value" split by ";".
   */
  static OkrCycle deals(String[]... objectives) {
    StringBuilder o = new StringBuilder();
    for (String[] ob : objectives) {
      StringBuilder k = new StringBuilder();
      for (int i = 2; i < ob.length; i += 3) {
        StringBuilder c = new StringBuilder();
        for (String ci : ob[i + 2].isEmpty() ? new String[0] : ob[i + 2].split(";")) {
          String[] dv = ci.split("=");
          c.append(c.length() == 0 ? "" : ",").append("{\"at\":\"" + dv[0] + "T10:00:00Z\",\"value\":" + dv[1] + "}");
        }
        k.append(k.length() == 0 ? "" : ",").append("{\"id\":\"" + ob[i] + "\",\"title\":\"Deals " + ob[i]
            + "\",\"team\":\"sales\",\"weight\":1.0,\"metric\":{\"baseline\":0,\"target\":10,"
            + "\"direction\":\"increase\",\"unit\":\"deals\"},\"plan\":{\"shape\":\"linear\"},"
            + (ob[i + 1].isEmpty() ? "" : "\"result\":{\"finalValue\":" + ob[i + 1] + "},")
            + "\"checkIns\":[" + c + "]}");
      }
      o.append(o.length() == 0 ? "" : ",").append("{\"id\":\"" + ob[0] + "\",\"title\":\"Obj\",\"team\":\"sales\","
          + "\"commitment\":\"" + ob[1] + "\",\"keyResults\":[" + k + "]}");
    }
    return CycleJson.withDefaults().read("{\"format\":\"okr-cycle/1\",\"cycle\":{\"id\":\"Q\",\"name\":\"Q\","
        + "\"start\":\"2026-10-01\",\"end\":\"2026-12-31\",\"zone\":\"UTC\"},\"teams\":[{\"id\":\"sales\","
        + "\"name\":\"Sales\"}],\"objectives\":[" + o + "],\"initiatives\":[],\"dependencies\":[]}").cycle();
  }

  /**
   * After the end a key result without any check-in and without a result.finalValue leaves nothing known of where it
   * ended (its probability of target is its model's base rate, about 0.5): its objective's commitment is not known,
   * unless another key result decides it. O-N1 (committed: KR-X never checked in, KR-Y 11 of 10 on 28 Dec, met) read
   * "Commitment (every key result at target): met." with probability 0.5011; O-N3 (aspirational, the same two) "not
   * met" with 0.498 (KR-Y scores 1, KR-X anywhere from 0 to 1: a score from 0.5 to 1, across 0.7). O-N2: KR-X2's
   * final value 3 of 10 missed, so not met (0). O-N4: KR-Y4 5 of 10 on 28 Dec missed, so not met (0) whatever KR-X4.
   */
  @Test
  void noCheckInNoFinalValue_leavesTheCommitmentUnknown_unlessAnotherDecides() {
    OkrCycle okr = deals(
        new String[] {"O-N1", "committed", "KR-X", "", "", "KR-Y", "", "2026-10-05=1;2026-12-28=11"},
        new String[] {"O-N2", "committed", "KR-X2", "3", "", "KR-Y2", "", "2026-10-05=1;2026-12-28=11"},
        new String[] {"O-N3", "aspirational", "KR-X3", "", "", "KR-Y3", "", "2026-10-05=1;2026-12-28=11"},
        new String[] {"O-N4", "committed", "KR-X4", "", "", "KR-Y4", "", "2026-10-05=1;2026-12-28=5"});
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, at("2027-01-02T00:00:00Z"));
    java.util.Map<String, org.okrengine.model.ObjectiveSummary> o = new java.util.HashMap<>();
    r.objectives().forEach(x -> o.put(x.id(), x));
    assertThat(o.get("O-N1").probability()).isNull();
    assertThat(o.get("O-N1").summary()).endsWith("Whether it met its commitment is not known: KR-X (Deals KR-X) had "
        + "no check-in and no final value when the cycle ended.");
    assertThat(o.get("O-N3").probability()).isNull();
    assertThat(o.get("O-N3").summary()).contains("KR-X3 (Deals KR-X3) had no check-in and no final value");
    assertThat(o.get("O-N2").probability()).isEqualTo(0.0);
    assertThat(o.get("O-N4").probability()).isEqualTo(0.0);
    assertThat(o.get("O-N4").summary()).doesNotContain("not known");
    // okr explain read "It met its commitment." (the probability at least 0.5)
    assertThat(Explainer.explain(okr, r, "O-N1").steps().get(0).toString()).contains("is not known")
        .doesNotContain("It met its commitment");
  }

  /**
   * A key result without any check-in whose result.finalValue misses, 3 of 10 (30% of the way): its outcome is known
   * (probability of target 0, landing value 3, its objective not met), and every output says where it ended. It read
   * "nothing is known of where it ended", "no check-in, not known to have been met" and on the page "–", "unknown".
   * The signal a report's reader has: the evidence finalValue of its reason no-check-ins.
   */
  @Test
  void noCheckInWithFinalValue_endedWhereItsFinalValueSays() {
    OkrCycle okr = deals(new String[] {"O-1", "committed", "KR-G", "3", "", "KR-H", "", "2026-10-05=1;2026-12-28=11"});
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, at("2027-01-05T00:00:00Z"));
    KeyResultReport g = row(r, "KR-G");
    assertThat(g.status()).isEqualTo(org.okrengine.model.Status.NO_DATA);
    assertThat(g.forecast().probabilityOfTarget()).isEqualTo(0.0);
    assertThat(g.finalValue()).isEqualTo(3.0);
    assertThat(g.reasons()).filteredOn(x -> x.code().equals("no-check-ins")).singleElement()
        .extracting(x -> x.evidence().get("finalValue")).isEqualTo(3.0);
    assertThat(g.insight()).isEqualTo("KR-G (Deals KR-G) had no check-in when the cycle ended on 31 Dec; its final value, 3 deals, "
        + "fell short of its target of 10 deals.");
    assertThat(Insights.ended(g)).isEqualTo("ended at 30%, not met");
    // KR-H, never without a check-in, gives none
    assertThat(row(r, "KR-H").finalValue()).isNull();
    String page = HtmlReportWriter.write(okr, r);
    assertThat(page).containsPattern("KR-G.*?never</td><td class=\"n\">30%</td><td class=\"n\">no</td>");
  }

  /**
   * A stale key result whose result.finalValue equals its last check-in (3 of 10 on 20 Oct, final 3: 30% of the way)
   * ended at its final value, not "as of its last check-in" (decided by comparing the two numbers, it read "not met as
   * of its last check-in, 72 days before the end"); one without a final value (KR-L, 2 on 20 Oct) keeps the qualifier.
   */
  @Test
  void staleWithFinalValueEqualToItsLastCheckIn_noQualifier() {
    OkrCycle okr = deals(new String[] {"O-P", "committed", "KR-EQ", "3", "2026-10-05=1;2026-10-20=3",
        "KR-L", "", "2026-10-05=1;2026-10-20=2"});
    CycleReport r = ExecutionEngine.withDefaults().analyze(okr, at("2027-01-05T00:00:00Z"));
    KeyResultReport eq = row(r, "KR-EQ");
    assertThat(eq.status()).isEqualTo(org.okrengine.model.Status.STALE);
    assertThat(eq.finalValue()).isEqualTo(3.0);
    assertThat(Insights.ended(eq)).isEqualTo("ended at 30%, not met");
    // 20 Oct 10:00 to the end instant, 1 Jan 00:00: 72 whole days
    assertThat(Insights.ended(row(r, "KR-L"))).isEqualTo("ended at 20%, not met as of its last check-in, 72 days "
        + "before the end");
  }
}
