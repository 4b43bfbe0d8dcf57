package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Status;
import org.okrengine.model.Team;

/** Escalation replay on hand-made cycles; Q runs 1 Jul to 29 Sep 2026 in UTC, day d is 1 Jul + d days. */
class EscalationTest {
  static final Cycle Q = ExecutionEngineTest.Q;
  static final ExecutionEngine ENGINE = ExecutionEngine.withDefaults();

  static Instant day(int d) {
    return ExecutionEngineTest.day(d);
  }

  static KeyResult kr(String id, String team, CheckIn... checkIns) {
    return new KeyResult(id, null, null, team, 1.0, List.of(), Metric.of(0, 100, null), Plan.LINEAR,
        List.of(checkIns), null);
  }

  /**
   * One key result with a single check-in on day 3 (4 Jul), ahead of plan (10% against 3%), so on track until it is
   * stale (more than 14 days without a check-in) from day 18 (19 Jul).
   */
  static OkrCycle quiet(CheckIn... later) {
    List<CheckIn> c = new java.util.ArrayList<>(List.of(CheckIn.of(day(3), 10)));
    c.addAll(List.of(later));
    return OkrCycle.of(Q, List.of(Team.of("growth")), List.of(new Objective("O-1", null, "growth", null, null, null,
        List.of(kr("KR-1", "growth", c.toArray(CheckIn[]::new))))));
  }

  @Test
  void grid_dailyStartsThenTheInstant() {
    assertThat(Escalations.grid(Q, day(-1))).isEmpty();
    assertThat(Escalations.grid(Q, day(2))).containsExactly(day(0), day(1), day(2));
    assertThat(Escalations.grid(Q, day(1).plusSeconds(3600))).containsExactly(day(0), day(1),
        day(1).plusSeconds(3600));
    // after the cycle: its 91 days, then the instant
    List<Instant> after = Escalations.grid(Q, day(200));
    assertThat(after).hasSize(92).endsWith(day(90), day(200));
  }

  @Test
  void stale_escalatesAfter14Then28Days_sinceIsTheFirstStaleDay() {
    OkrCycle c = quiet();
    assertThat(ENGINE.analyze(c, day(17)).keyResults().get(0).status()).isNotEqualTo(Status.STALE);
    assertThat(ENGINE.analyze(c, day(18)).keyResults().get(0).status()).isEqualTo(Status.STALE);
    // stale since day 18 (19 Jul): 13 days on day 31, 14 on day 32, 28 on day 46
    assertThat(ENGINE.analyze(c, day(31)).escalations()).isEmpty();
    assertThat(ENGINE.analyze(c, day(32)).escalations()).containsExactly(new EscalationSummary("KR-1", 1,
        LocalDate.of(2026, 7, 19), "team-lead", "KR-1 has been at risk, off track or stale without a break since "
            + "19 Jul (14 days; stale now), so it goes to team-lead (level 1)."));
    assertThat(ENGINE.analyze(c, day(45)).escalations()).extracting(EscalationSummary::level).containsExactly(1);
    assertThat(ENGINE.analyze(c, day(46)).escalations()).extracting(EscalationSummary::level, EscalationSummary::to,
        EscalationSummary::since).containsExactly(org.assertj.core.groups.Tuple.tuple(2, "leadership",
            LocalDate.of(2026, 7, 19)));
  }

  @Test
  void recovery_deEscalates_andARelapseStartsAgain() {
    // the target is met on day 40: achieved from then on, so no escalation
    OkrCycle met = quiet(CheckIn.of(day(40), 100));
    assertThat(ENGINE.analyze(met, day(39)).escalations()).extracting(EscalationSummary::level).containsExactly(1);
    assertThat(ENGINE.analyze(met, day(41)).escalations()).isEmpty();
    // a check-in on day 40 ends the stale run; with nothing after it, stale again from day 55 (40 + 15)
    OkrCycle relapse = quiet(CheckIn.of(day(40), 45));
    List<EscalationSummary> late = ENGINE.analyze(relapse, day(90)).escalations();
    assertThat(late).hasSize(1);
    assertThat(late.get(0).since()).isAfter(LocalDate.of(2026, 8, 9));
  }

  @Test
  void sameDataAndInstant_sameEscalations() {
    OkrCycle c = quiet();
    assertThat(ENGINE.analyze(c, day(50)).escalations()).isEqualTo(ENGINE.analyze(c, day(50)).escalations());
  }

  @Test
  void customPolicy_onlyStale_fromDayZero() {
    EscalationPolicy p = EscalationPolicy.builder()
        .level(new EscalationPolicy.Level(1, "owner", List.of(Status.STALE), 0, false)).build();
    assertThat(ENGINE.withPolicy(p).policy()).isEqualTo(p);
    assertThat(ENGINE.withPolicy(p).analyze(quiet(), day(18)).escalations()).extracting(EscalationSummary::to,
        EscalationSummary::since).containsExactly(org.assertj.core.groups.Tuple.tuple("owner",
            LocalDate.of(2026, 7, 19)));
    assertThat(ENGINE.withPolicy(p).analyze(quiet(), day(17)).escalations()).isEmpty();
  }

  @Test
  void lateInitiativeFeedingAnotherTeam_goesToLeadership() {
    // I-1 (data) has a milestone due 20 Jul still open; KR-2 (growth) needs it by 25 Jul: the 5 days of slack are
    // used up on 26 Jul, when I-1 is 6 days late and the slip first reaches KR-2 across teams
    OkrCycle c = OkrCycle.of(Q, List.of(new Team("data", "Data", null), new Team("growth", "Growth", null)),
        List.of(new Objective("O-1", null, "growth", null, null, null, List.of(
                kr("KR-2", "growth", CheckIn.of(day(7), 8), CheckIn.of(day(14), 15), CheckIn.of(day(21), 23)))),
            new Objective("O-2", null, "data", null, null, null, List.of(
                kr("KR-9", "data", CheckIn.of(day(7), 8), CheckIn.of(day(14), 15), CheckIn.of(day(21), 23))))),
        List.of(new Initiative("I-1", "Pipeline", "data", null, List.of("KR-9"),
            List.of(new Milestone("M-1", "Beta", LocalDate.of(2026, 7, 20), null)))),
        List.of(new Dependency("I-1", "KR-2", DependencyKind.BLOCKS, LocalDate.of(2026, 7, 25), null)));
    List<EscalationSummary> e = ENGINE.analyze(c, day(30)).escalations();
    assertThat(e).extracting(EscalationSummary::subject).contains("I-1");
    EscalationSummary i1 = e.stream().filter(x -> x.subject().equals("I-1")).findFirst().orElseThrow();
    assertThat(i1.level()).isEqualTo(2);
    assertThat(i1.since()).isEqualTo(LocalDate.of(2026, 7, 26));
    assertThat(i1.reason()).isEqualTo("I-1 has fed a cascade across teams since 26 Jul (5 days): it is 11 days late "
        + "and reaches Growth, so it goes to leadership (level 2).");
    // without the cascade rule, an initiative is never escalated
    EscalationPolicy noCascade = EscalationPolicy.builder().level(1, "team-lead", 14).build();
    assertThat(ENGINE.withPolicy(noCascade).analyze(c, day(30)).escalations()).extracting(
        EscalationSummary::subject).doesNotContain("I-1");
  }

  @Test
  void lateInitiativeFeedingSixOtherTeams_reasonNamesFourAndCountsTheRest() {
    // I-1 (data) has a milestone due 10 Jul still open (late from 11 Jul) and blocks a key result of each of six other
    // teams; as of 21 Jul it is 11 days late
    List<Team> teams = new java.util.ArrayList<>(List.of(new Team("data", "Data", null)));
    List<Objective> objectives = new java.util.ArrayList<>();
    List<Dependency> deps = new java.util.ArrayList<>();
    for (int t = 1; t <= 6; t++) {
      teams.add(new Team("t" + t, "Team " + t, null));
      objectives.add(new Objective("O-" + t, null, "t" + t, null, null, null, List.of(kr("KR-" + t, "t" + t,
          CheckIn.of(day(7), 8), CheckIn.of(day(14), 15)))));
      deps.add(new Dependency("I-1", "KR-" + t, DependencyKind.BLOCKS, null, null));
    }
    OkrCycle c = OkrCycle.of(Q, teams, objectives, List.of(new Initiative("I-1", "Pipeline", "data", null, List.of(),
        List.of(new Milestone("M-1", "Beta", LocalDate.of(2026, 7, 10), null)))), deps);
    EscalationSummary i1 = ENGINE.analyze(c, day(20)).escalations().stream().filter(e -> e.subject().equals("I-1"))
        .findFirst().orElseThrow();
    assertThat(i1.reason()).isEqualTo("I-1 has fed a cascade across teams since 11 Jul (10 days): it is 11 days late "
        + "and reaches Team 1, Team 2, Team 3, Team 4 and 2 more teams, so it goes to leadership (level 2).");
    // five: one more team
    OkrCycle five = OkrCycle.of(Q, teams.subList(0, 6), objectives.subList(0, 5), c.initiatives(),
        deps.subList(0, 5));
    assertThat(ENGINE.analyze(five, day(20)).escalations().stream().filter(e -> e.subject().equals("I-1"))
        .findFirst().orElseThrow().reason()).contains("reaches Team 1, Team 2, Team 3, Team 4 and 1 more team, so");
  }
}
