package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.ReportChanges;
import org.okrengine.model.Status;
import org.okrengine.model.Team;
import org.okrengine.model.TeamSummary;

/**
 * What changed since an earlier instant ({@link Changes}) and the team roll-ups ({@link TeamRollups}), on the example
 * at week 8 against a plain rendering of the documented rules over two reports without changes.
 */
class ChangesTest {
  static OkrCycle example;
  static Instant week8;
  static CycleReport report;

  @BeforeAll
  static void analyse() throws IOException {
    example = HtmlReportWriterTest.example();
    week8 = example.cycle().instantOf(LocalDate.of(2026, 8, 19));
    report = ExecutionEngine.withDefaults().analyze(example, week8);
  }

  @Test
  void analyze_example_comparesWithSevenDaysBefore_asTheDocumentedRuleSays() {
    Instant since = week8.minusSeconds(7 * 86_400L);
    ReportChanges changes = report.changes();
    assertThat(changes).isNotNull();
    assertThat(changes.since()).isEqualTo(since);
    // the rule, plainly: both reports without changes, every key result compared in document order
    CycleReport then = ExecutionEngine.withDefaults().analyze(example, since, null);
    CycleReport now = ExecutionEngine.withDefaults().analyze(example, week8, null);
    assertThat(then.changes()).isNull();
    assertThat(now.keyResults()).isEqualTo(report.keyResults());
    List<ReportChanges.StatusChange> statuses = new ArrayList<>();
    List<ReportChanges.ProbabilityMove> moves = new ArrayList<>();
    for (int i = 0; i < now.keyResults().size(); i++) {
      KeyResultReport a = then.keyResults().get(i);
      KeyResultReport b = now.keyResults().get(i);
      // no check-in of its own in (since, week8]
      boolean quiet = example.keyResult(b.id()).orElseThrow().checkIns().stream()
          .noneMatch(c -> c.at().isAfter(since) && !c.at().isAfter(week8));
      List<Status> sayItAlready = List.of(Status.STALE, Status.NO_DATA);
      if (a.status() != b.status()) {
        statuses.add(new ReportChanges.StatusChange(b.id(), b.title(), a.status(), b.status(),
            quiet && !sayItAlready.contains(a.status()) && !sayItAlready.contains(b.status())));
      }
      long from = Math.round(a.forecast().probabilityOfTarget() * 100);
      long to = Math.round(b.forecast().probabilityOfTarget() * 100);
      if (Math.abs(to - from) >= 10) {
        moves.add(new ReportChanges.ProbabilityMove(b.id(), b.title(), a.forecast().probabilityOfTarget(),
            b.forecast().probabilityOfTarget(), quiet));
      }
    }
    assertThat(changes.statusChanges()).isEqualTo(statuses);
    assertThat(changes.probabilityMoves()).containsExactlyInAnyOrderElementsOf(moves);
    for (int i = 1; i < changes.probabilityMoves().size(); i++) {
      ReportChanges.ProbabilityMove a = changes.probabilityMoves().get(i - 1);
      ReportChanges.ProbabilityMove b = changes.probabilityMoves().get(i);
      assertThat(Math.abs(a.to() - a.from())).isGreaterThanOrEqualTo(Math.abs(b.to() - b.from()));
    }
    Map<String, Integer> before = new HashMap<>();
    then.escalations().forEach(e -> before.put(e.subject(), e.level()));
    List<String> raised = new ArrayList<>();
    for (EscalationSummary e : now.escalations()) {
      if (before.getOrDefault(e.subject(), 0) < e.level()) {
        raised.add(e.subject() + " " + before.get(e.subject()) + "->" + e.level());
      }
    }
    assertThat(changes.newEscalations()).extracting(e -> e.subject() + " " + e.fromLevel() + "->" + e.level())
        .isEqualTo(raised);
    // the example's story at week 8: something changed, and every entry carries its item's title
    assertThat(changes.isEmpty()).isFalse();
    for (ReportChanges.NewEscalation e : changes.newEscalations()) {
      assertThat(e.title()).isEqualTo(Changes.title(example, e.subject()));
    }
  }

  @Test
  void analyze_compareTo_beforeTheStartClampedAfterAsOfRefusedNullComparesNothing() {
    Cycle c = example.cycle();
    Instant early = c.startInstant().plusSeconds(3 * 86_400L);
    ExecutionEngine engine = ExecutionEngine.withDefaults();
    // 7 days before day 3 lies before the start: compared with the start
    assertThat(engine.analyze(example, early).changes().since()).isEqualTo(c.startInstant());
    assertThat(engine.analyze(example, early, c.windowStart()).changes().since()).isEqualTo(c.startInstant());
    // at or before the start there is nothing to compare
    assertThat(engine.analyze(example, c.startInstant()).changes()).isNull();
    assertThat(engine.analyze(example, c.startInstant().minusSeconds(86_400)).changes()).isNull();
    assertThat(engine.analyze(example, early, early).changes()).isNull();
    assertThat(engine.analyze(example, early, null).changes()).isNull();
    assertThatThrownBy(() -> engine.analyze(example, early, early.plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("compareTo must not be after asOf (2026-07-03T22:00:00Z): 2026-07-03T22:00:01Z");
  }

  @Test
  void teams_example_mostNeedingAttentionFirst_meansOverTheirKeyResults() {
    List<TeamSummary> teams = report.teams();
    assertThat(teams).extracting(TeamSummary::id).containsExactlyInAnyOrder("growth", "product", "data", "platform",
        "sales", "support");
    for (int i = 1; i < teams.size(); i++) {
      assertThat(teams.get(i - 1).needAttention()).isGreaterThanOrEqualTo(teams.get(i).needAttention());
    }
    for (TeamSummary t : teams) {
      List<KeyResultReport> rows = report.keyResults().stream().filter(r -> r.team().equals(t.id())).toList();
      assertThat(t.keyResults()).isEqualTo(rows.size());
      assertThat(t.needAttention()).isEqualTo((int) rows.stream().filter(r -> r.status().needsAttention()).count());
      // the plan over the key results with a way to go (increase, decrease) where the team has one with a value: a
      // maintain or achieve key result counts 0 or 1 of the way and is counted apart in the sentences
      List<KeyResultReport> reach = rows.stream().filter(r -> r.metric().direction().isReach()).toList();
      List<KeyResultReport> planned = reach.stream().anyMatch(r -> r.progress() != null) ? reach : rows;
      double expected = planned.stream().mapToDouble(KeyResultReport::expectedProgress).sum() / planned.size();
      assertThat(t.expectedProgress()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
      assertThat(t.name()).isEqualTo(example.team(t.id()).orElseThrow().name());
      List<String> owners = rows.stream().map(r -> example.keyResult(r.id()).orElseThrow().owner()).distinct()
          .toList();
      assertThat(t.owners()).isEqualTo(owners);
    }
    // pinned, not recomputed: Customer Support's five key results with a way to go on 19 Aug (KR-22 2.25 of 7 h,
    // KR-23 82 of 240 tickets, KR-24 1.18 of 8 points, KR-25 2.3 of 18 points, KR-26 36 of 120 articles: 0.3214,
    // 0.3417, 0.1475, 0.1278, 0.3), their mean 0.2477; the chatbot launch (KR-27, achieve, not done) is left out,
    // with it the mean over six was 0.2064 ("21%" before the mixed roll-ups)
    TeamSummary support = teams.stream().filter(t -> t.id().equals("support")).findFirst().orElseThrow();
    assertThat(support.progress()).isCloseTo((2.25 / 7 + 82.0 / 240 + 1.18 / 8 + 2.3 / 18 + 36.0 / 120) / 5,
        org.assertj.core.data.Offset.offset(1e-9));
  }

  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));

  static KeyResultReport row(String id, String team, Status status, Double progress, double expected) {
    return new KeyResultReport(id, "Title " + id, "O-1", team, status, null, progress, expected, null, null,
        List.of(), null);
  }

  @Test
  void teams_handWritten_clampedEqualWeightsTiesInDocumentOrder() {
    OkrCycle okr = OkrCycle.of(Q, List.of(new Team("a", "Alpha", null), new Team("b", "Beta", null),
        new Team("empty", "Empty", null), new Team("c", null, null)), List.of(new Objective("O-1", "o", "a", "olga", null, null, List.of(
            new KeyResult("K1", null, "ann", "a", 5.0, List.of(), Metric.of(0, 1, null), null, List.of(), null),
            new KeyResult("K2", null, null, "a", 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null),
            new KeyResult("K3", null, "ann", "b", 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null),
            new KeyResult("K4", null, "bob", "c", 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null)))));
    List<TeamSummary> teams = TeamRollups.of(okr, List.of(
        row("K1", "a", Status.AT_RISK, 1.5, 0.5),   // clamped to 1
        row("K2", "a", Status.ON_TRACK, null, 0.3), // no check-in: out of the progress, in the plan
        row("K3", "b", Status.STALE, -0.2, 0.4),    // clamped to 0
        row("K4", "c", Status.OFF_TRACK, 0.25, 0.1)));
    // a, b and c each have one needing attention; b and c (1 of 1) before a (1 of 2); b before c, as listed
    assertThat(teams).containsExactly(
        new TeamSummary("b", "Beta", 1, 1, 0.0, 0.4, List.of("ann")),
        new TeamSummary("c", "c", 1, 1, 0.25, 0.1, List.of("bob")),
        new TeamSummary("a", "Alpha", 2, 1, 1.0, (0.5 + 0.3) / 2, List.of("ann")));
  }

  @Test
  void cycleOver_noProbabilityMoves_theStatusSaysTheOutcome_keptThresholdsAchieved() {
    // at the end the probabilities are outcomes (1 or 0): a move to one would repeat the status change beside it.
    // The maintain key results whose last check-in keeps the threshold are achieved then (KR-9 NPS 42.77 above 40,
    // KR-10 99.852% above 99.5%, KR-15 376.3 ms below 400, KR-29 1 incident below 2: examples/acme-2026-q3.json);
    // KR-14 (99.93%, last check-in 13 Aug) stays stale: nobody knows whether it held
    Instant end = example.cycle().endInstant();
    CycleReport over = ExecutionEngine.withDefaults().analyze(example, end);
    assertThat(over.changes().probabilityMoves()).isEmpty();
    Map<String, Status> was = new HashMap<>();
    for (ReportChanges.StatusChange c : over.changes().statusChanges()) {
      was.put(c.subject(), c.from());
      assertThat(c.to()).as(c.subject()).isIn(Status.ACHIEVED, Status.OFF_TRACK, Status.STALE);
    }
    Map<String, Status> now = new HashMap<>();
    for (KeyResultReport r : over.keyResults()) {
      now.put(r.id(), r.status());
    }
    for (String id : List.of("KR-9", "KR-10", "KR-15", "KR-29")) {
      assertThat(now.get(id)).as(id).isEqualTo(Status.ACHIEVED);
      assertThat(was.get(id)).as(id).isEqualTo(Status.ON_TRACK);
    }
    assertThat(now.get("KR-14")).isEqualTo(Status.STALE);
    // a second before the end the cycle still runs: the same thresholds are on track, and probabilities move
    CycleReport before = ExecutionEngine.withDefaults().analyze(example, end.minusSeconds(1));
    assertThat(before.changes().probabilityMoves()).isNotEmpty();
    for (KeyResultReport r : before.keyResults()) {
      if (List.of("KR-9", "KR-10", "KR-15", "KR-29").contains(r.id())) {
        assertThat(r.status()).as(r.id()).isEqualTo(Status.ON_TRACK);
      }
    }
  }

  /**
   * A manager's read of a sales quarter (src/test/resources/.../sales-2026-q4.json, kept as read): as of 21 Nov KR-S2
   * (Globex contract, at 0 since its check-in of 6 Nov) is escalated to team-lead, at risk with a 24.7% chance; on 24
   * Nov, with no check-in between (the next is 30 Nov), its chance is 25.9%, not below the default policy's 0.25: the
   * hold keeps its run going (before it, the escalation went without a word). KR-S4 (churn) checked in on 24 Nov
   * (2.1%): off track at 12.0% -> at risk at 44.1%, so its escalation is withdrawn, with the policy's reason.
   */
  @Test
  void analyze_escalationWithdrawnByACheckIn_listedWithThePolicysReason_heldWithout() throws Exception {
    OkrCycle sales = org.okrengine.model.json.CycleJson.withDefaults().read(java.nio.file.Path.of(
        ChangesTest.class.getResource("sales-2026-q4.json").toURI())).cycle();
    Instant nov21 = sales.cycle().instantOf(LocalDate.of(2026, 11, 21));
    Instant nov24 = sales.cycle().instantOf(LocalDate.of(2026, 11, 24));
    CycleReport then = ExecutionEngine.withDefaults().analyze(sales, nov21, null);
    assertThat(then.escalations()).extracting(EscalationSummary::subject, EscalationSummary::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("KR-S1", 1),
            // KR-S8: no check-in since the start, past its 28-day limit from 30 Oct (NoCheckInTest)
            org.assertj.core.groups.Tuple.tuple("KR-S8", 1),
            org.assertj.core.groups.Tuple.tuple("KR-S4", 1), org.assertj.core.groups.Tuple.tuple("KR-S2", 1));
    CycleReport now = ExecutionEngine.withDefaults().analyze(sales, nov24, nov21);
    // held: the same run since 6 Nov, its chance now said with why it still counts (KR-S1, silent since 30 Oct at
    // 27% now, is held the same way)
    assertThat(now.escalations()).extracting(EscalationSummary::subject).containsExactly("KR-S1", "KR-S8", "KR-S2");
    EscalationSummary held = now.escalations().get(2);
    assertThat(held.subject()).isEqualTo("KR-S2");
    assertThat(held.since()).isEqualTo(LocalDate.of(2026, 11, 6));
    assertThat(held.reason()).contains("without a break since 6 Nov (18 days; at risk, a 26% chance now, risen with "
        + "no check-in since), so it goes to team-lead (level 1).");
    ReportChanges changes = now.changes();
    assertThat(changes.newEscalations()).isEmpty();
    assertThat(changes.droppedEscalations()).containsExactly(
        new ReportChanges.DroppedEscalation("KR-S4", "Keep monthly gross revenue churn at or below 2%", 1,
            "team-lead", null, null,
            "its chance rose from 12% to 44%, no longer below the 25% the policy escalates under"));
  }

  /** A quarter (1 Oct to 31 Dec 2026, UTC) of one key result, 0 to 100 deals, checked in at 10:00 on the days given. */
  static OkrCycle quarter(String... checkIns) {
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < checkIns.length; i += 2) {
      c.append(i == 0 ? "" : ",").append("{\"at\":\"").append(checkIns[i]).append("T10:00:00Z\",\"value\":")
          .append(checkIns[i + 1]).append('}');
    }
    return org.okrengine.model.json.CycleJson.withDefaults().read("""
        {"format":"okr-cycle/1","cycle":{"id":"Q","name":"Q","start":"2026-10-01","end":"2026-12-31","zone":"UTC"},
         "teams":[{"id":"sales","name":"Sales"}],
         "objectives":[{"id":"O-1","title":"Obj","team":"sales","commitment":"committed","keyResults":[
           {"id":"KR-R","title":"Deals","team":"sales","weight":1.0,
            "metric":{"baseline":0,"target":100,"direction":"increase","unit":"deals"},"plan":{"shape":"linear"},
            "checkIns":[%s]}]}],
         "initiatives":[],"dependencies":[]}""".formatted(c)).cycle();
  }

  /**
   * A key result that reached leadership (level 2 of the default policy, which also escalates a cascade across teams)
   * by its run of days alone, in a cycle without dependencies: weekly check-ins of 1 to 7 deals of 100 from 5 Oct to
   * 16 Nov, then 60 on 20 Nov (on track: its run breaks), back to 2 on 24 Nov and 25 Nov. It never fed a cascade; its
   * withdrawn or lowered escalation read "it no longer feeds a cascade across teams". The run broke on 20 Nov (the
   * check-in; the next grid point, 21 Nov, is the first that does not count) and counts again from 25 Nov, the first
   * start of a day after the check-in of 24 Nov that took it back off track: on 10 Dec that is 15 days, short of
   * level 2's 28 and past level 1's 14.
   */
  @Test
  void analyze_runBrokenByACheckIn_saysSoNotTheCascade() {
    OkrCycle okr = quarter("2026-10-05", "1", "2026-10-12", "2", "2026-10-19", "3", "2026-10-26", "4",
        "2026-11-02", "5", "2026-11-09", "6", "2026-11-16", "7", "2026-11-20", "60", "2026-11-24", "2",
        "2026-11-25", "2");
    Instant nov27 = okr.cycle().instantOf(LocalDate.of(2026, 11, 27));
    CycleReport withdrawn = ExecutionEngine.withDefaults().analyze(okr, nov27);
    assertThat(withdrawn.changes().droppedEscalations()).extracting(ReportChanges.DroppedEscalation::reason)
        .containsExactly("its run broke on 20 Nov, when a check-in left it on track, which leadership's level does "
            + "not count; it has not counted again for the 28 days level 2 needs");
    CycleReport lowered = ExecutionEngine.withDefaults().analyze(okr, okr.cycle().instantOf(LocalDate.of(2026, 12,
        10)), okr.cycle().instantOf(LocalDate.of(2026, 11, 19)));
    assertThat(lowered.changes().droppedEscalations()).extracting(ReportChanges.DroppedEscalation::reason)
        .containsExactly("its run broke on 20 Nov, when a check-in left it on track, which leadership's level does "
            + "not count; it has counted again only since 25 Nov (15 days), short of the 28 days level 2 needs");
  }

  /**
   * A policy whose level 1 (team-lead, 7 days) counts off track alone and level 2 (leadership, 28 days) at risk and
   * off track: a key result off track from 10 Nov (flat at 26 of 100 since 26 Oct; at risk or off track from 3 Nov),
   * escalated to team-lead on 17 Nov (7 days), checks in 45 on 23 Nov and is at risk (27%). Level 2 still counts it (21
   * days, short of its 28), so the reason names the level that does not (it read "which the policy does not
   * escalate").
   */
  @Test
  void analyze_statusOneLevelNoLongerCounts_namesThatLevel() {
    OkrCycle okr = quarter("2026-10-05", "5", "2026-10-12", "12", "2026-10-19", "20", "2026-10-26", "26",
        "2026-11-02", "26", "2026-11-09", "26", "2026-11-16", "26", "2026-11-23", "45");
    org.okrengine.model.EscalationPolicy policy = org.okrengine.model.EscalationPolicy.builder().graceDays(7)
        .level(new org.okrengine.model.EscalationPolicy.Level(1, "team-lead", List.of(Status.OFF_TRACK), 7, false,
            0.25, 0))
        .level(new org.okrengine.model.EscalationPolicy.Level(2, "leadership", List.of(Status.AT_RISK,
            Status.OFF_TRACK), 28, false))
        .build();
    CycleReport r = ExecutionEngine.withDefaults().withPolicy(policy).analyze(okr,
        okr.cycle().instantOf(LocalDate.of(2026, 11, 24)));
    assertThat(r.keyResults().get(0).status()).isEqualTo(Status.AT_RISK);
    assertThat(r.changes().droppedEscalations()).extracting(ReportChanges.DroppedEscalation::reason)
        .containsExactly("it went from off track to at risk, which team-lead's level does not count");
  }

  /**
   * A weekly achieve key result, not done, in a 91-day cycle (1 Jul to 29 Sep) without milestones: its chance is the
   * time's alone (Forecaster's Javadoc: p (1 - x^2.7) / (1 - p x^2.7), p = 0.5, x the fraction of the cycle gone), so
   * two such key results, one checking in every week to the end and one silent after day 56, change status together:
   * on day 60 x = 60/91, x^2.7 = 0.324, chance 0.5 x 0.676 / 0.838 = 0.40, on track (at-risk below 0.37,
   * Forecaster.DEFAULT_AT_RISK_BELOW); on day 67 x = 67/91, x^2.7 = 0.437, chance 0.5 x 0.563 / 0.781 = 0.36, at risk.
   * Only the one with a check-in in between (day 63) changed with news; the silent one (last day 56, stale 16 days
   * after its last weekly check-in, so not before day 72) changed by the time passed alone, and says so. It read
   * both alike.
   */
  @Test
  void statusChange_withoutCheckInInTheWindow_saysSo_withOneItDoesNot_intoStaleNeither() {
    LocalDate start = LocalDate.of(2026, 7, 1);
    Cycle q = Cycle.of("Q", start, LocalDate.of(2026, 9, 29));
    List<org.okrengine.model.CheckIn> quiet = new ArrayList<>();
    List<org.okrengine.model.CheckIn> weekly = new ArrayList<>();
    for (int d = 7; d <= 84; d += 7) {
      Instant at = q.instantOf(start.plusDays(d)).plusSeconds(10 * 3600); // 10:00 on day d
      weekly.add(org.okrengine.model.CheckIn.of(at, 0));
      if (d <= 56) {
        quiet.add(org.okrengine.model.CheckIn.of(at, 0));
      }
    }
    OkrCycle okr = OkrCycle.of(q, List.of(new Team("a", "Alpha", null)), List.of(new Objective("O-1", "o", "a",
        "olga", null, null, List.of(
            new KeyResult("KR-1", "Launch the portal", "ann", "a", 1.0, List.of(), Metric.achieve(), null, quiet, null),
            new KeyResult("KR-2", "Launch the app", "bob", "a", 1.0, List.of(), Metric.achieve(), null, weekly,
                null)))));
    ExecutionEngine engine = ExecutionEngine.withDefaults();
    CycleReport day67 = engine.analyze(okr, q.instantOf(start.plusDays(67)), q.instantOf(start.plusDays(60)));
    assertThat(day67.changes().statusChanges()).containsExactly(
        new ReportChanges.StatusChange("KR-1", "Launch the portal", Status.ON_TRACK, Status.AT_RISK, true),
        new ReportChanges.StatusChange("KR-2", "Launch the app", Status.ON_TRACK, Status.AT_RISK, false));
    // a check-in at the very instant compared with is the earlier report's news, not this one's: the window is
    // (since, asOf]; one at asOf itself is this report's
    Instant day63 = q.instantOf(start.plusDays(63)).plusSeconds(10 * 3600);
    assertThat(Changes.checkedInBetween(okr, "KR-2", day63, q.instantOf(start.plusDays(67)))).isFalse();
    assertThat(Changes.checkedInBetween(okr, "KR-2", day63.minusSeconds(1), day63)).isTrue();
    // into stale (day 72 on): the status says already that no check-in came
    CycleReport day75 = engine.analyze(okr, q.instantOf(start.plusDays(75)), q.instantOf(start.plusDays(68)));
    assertThat(day75.changes().statusChanges()).containsExactly(
        new ReportChanges.StatusChange("KR-1", "Launch the portal", Status.AT_RISK, Status.STALE, false));
  }

  /**
   * The example on 29 Sep against 22 Sep (examples/acme-2026-q3.json): KR-20's last check-in is 21 Sep 07:43Z and
   * KR-27's 10 Sep, so their changes came with no check-in; KR-5 and KR-8 (27 Sep) and KR-10 (26 Sep) checked in.
   */
  @Test
  void example_lastWeekOfTheCycle_kr20AndKr27MovedWithoutCheckIn() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(example, example.cycle().instantOf(LocalDate.of(2026, 9,
        29)));
    Map<String, Boolean> status = new HashMap<>();
    r.changes().statusChanges().forEach(c -> status.put(c.subject(), c.withoutCheckIn()));
    assertThat(status).containsEntry("KR-20", true).containsEntry("KR-27", true).containsEntry("KR-5", false)
        .containsEntry("KR-8", false);
    Map<String, Boolean> moves = new HashMap<>();
    r.changes().probabilityMoves().forEach(m -> moves.put(m.subject(), m.withoutCheckIn()));
    assertThat(moves).containsEntry("KR-27", true).containsEntry("KR-10", false).containsEntry("KR-5", false);
  }
  /**
   * A report after the cycle's end (1 Jul to 29 Sep; 3 Oct against 26 Sep): both increase key results (0 to 10)
   * checked in weekly up to day 84 (23 Sep), the last at 9, short of 10. KR-2's owner gave the result, 10
   * (result.finalValue): its outcome is that value (docs/FORMAT.md: "result.finalValue where given, else the latest
   * check-in"), so it changed to achieved by its owner's news, not by the time alone, and the text may not read
   * "(no check-in since 23 Sep)" as if its 23 Sep check-in decided it. KR-1 without a result ends at its last
   * check-in, 9, off track: a change with no check-in since, as before. It read both as without check-in.
   */
  @Test
  void statusChange_afterTheEnd_outcomeFromTheResult_isNotWithoutCheckIn() {
    LocalDate start = LocalDate.of(2026, 7, 1);
    Cycle q = Cycle.of("Q", start, LocalDate.of(2026, 9, 29));
    List<org.okrengine.model.CheckIn> weekly = new ArrayList<>();
    for (int d = 7; d <= 84; d += 7) {
      // 10:00 on day d, on the straight line to 9 at day 84
      weekly.add(org.okrengine.model.CheckIn.of(q.instantOf(start.plusDays(d)).plusSeconds(10 * 3600), 9.0 * d / 84));
    }
    OkrCycle okr = OkrCycle.of(q, List.of(new Team("a", "Alpha", null)), List.of(new Objective("O-1", "o", "a",
        "olga", null, null, List.of(
            new KeyResult("KR-1", "Signups", "ann", "a", 1.0, List.of(), Metric.of(0, 10, null), null, weekly, null),
            new KeyResult("KR-2", "Partners", "bob", "a", 1.0, List.of(), Metric.of(0, 10, null), null, weekly,
                new org.okrengine.model.Result(10, null))))));
    CycleReport oct3 = ExecutionEngine.withDefaults().analyze(okr, q.instantOf(LocalDate.of(2026, 10, 3)),
        q.instantOf(LocalDate.of(2026, 9, 26)));
    Map<String, ReportChanges.StatusChange> byId = new HashMap<>();
    oct3.changes().statusChanges().forEach(c -> byId.put(c.subject(), c));
    assertThat(byId.get("KR-2").to()).isEqualTo(Status.ACHIEVED);
    assertThat(byId.get("KR-2").withoutCheckIn()).isFalse();
    assertThat(byId.get("KR-1").to()).isEqualTo(Status.OFF_TRACK);
    assertThat(byId.get("KR-1").withoutCheckIn()).isTrue();
  }
}
