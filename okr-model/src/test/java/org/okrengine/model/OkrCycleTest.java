package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OkrCycleTest {
  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

  static KeyResult kr(String id, String team, CheckIn... checkIns) {
    return new KeyResult(id, null, "ann", team, 1.0, List.of("t"), Metric.of(0, 10, null), null, List.of(checkIns),
        null);
  }

  static final Instant T1 = Instant.parse("2026-07-08T09:00:00Z");
  static final Instant T2 = Instant.parse("2026-07-15T09:00:00Z");

  static OkrCycle sample() {
    return OkrCycle.of(Q,
        List.of(new Team("eng", "Engineering", null), new Team("data", "Data", "eng"), Team.of("growth")),
        List.of(new Objective("O-1", "Grow", "growth", null, null, Commitment.ASPIRATIONAL, List.of(
                kr("KR-1", "growth", CheckIn.of(T2, 2), CheckIn.of(T1, 1)), kr("KR-2", "growth"))),
            new Objective("O-2", "Platform", "data", null, "O-1", null, List.of(kr("KR-3", "data")))),
        List.of(new Initiative("I-1", "Pipeline", "data", null, List.of("KR-3", "KR-1"),
            List.of(new Milestone("M-1", "Beta", LocalDate.of(2026, 8, 5), null)))),
        List.of(new Dependency("I-1", "KR-1", DependencyKind.BLOCKS, LocalDate.of(2026, 8, 15), null),
            Dependency.of("M-1", "KR-3", DependencyKind.CONTRIBUTES)));
  }

  @Test
  void indexes_answerTheObviousQuestions() {
    OkrCycle c = sample();
    assertThat(c.kindOf("KR-1")).contains(NodeKind.KEY_RESULT);
    assertThat(c.kindOf("M-1")).contains(NodeKind.MILESTONE);
    assertThat(c.kindOf("nope")).isEmpty();
    assertThat(c.keyResults()).extracting(KeyResult::id).containsExactly("KR-1", "KR-2", "KR-3");
    assertThat(c.keyResultsOfTeam("growth")).extracting(KeyResult::id).containsExactly("KR-1", "KR-2");
    assertThat(c.objectiveOf("KR-3")).map(Objective::id).contains("O-2");
    assertThat(c.objectivesOfTeam("data")).extracting(Objective::id).containsExactly("O-2");
    assertThat(c.childTeams("eng")).extracting(Team::id).containsExactly("data");
    assertThat(c.initiativesOf("KR-1")).extracting(Initiative::id).containsExactly("I-1");
    assertThat(c.initiativeOf("M-1")).map(Initiative::id).contains("I-1");
    assertThat(c.milestonesOf("KR-1")).extracting(Milestone::id).containsExactly("M-1");
    assertThat(c.milestonesOf("KR-2")).isEmpty();
    assertThat(c.initiativesOf("KR-2")).isEmpty();
    assertThat(c.teamOf("M-1")).contains("data");
    assertThat(c.teamOf("O-1")).contains("growth");
    assertThat(c.checkIns("KR-1")).extracting(CheckIn::at).containsExactly(T1, T2);
    assertThat(c.dependents("I-1")).extracting(Dependency::downstream).containsExactly("KR-1");
    assertThat(c.dependenciesOf("KR-3")).extracting(Dependency::upstream).containsExactly("M-1");
    assertThat(c.hasResults()).isFalse();
    assertThat(c).isEqualTo(sample()).hasSameHashCodeAs(sample());
    assertThat(c.toString()).isEqualTo("OkrCycle[Q, 3 teams, 2 objectives, 3 key results, 1 initiatives, "
        + "2 dependencies]");
  }

  @Test
  void keyResult_checkInsAsOf() {
    KeyResult k = sample().keyResult("KR-1").orElseThrow();
    assertThat(k.checkInsAsOf(T1)).hasSize(1);
    assertThat(k.latestCheckIn(T1.minusSeconds(1))).isEmpty();
    assertThat(k.latestCheckIn(T2)).map(CheckIn::value).contains(2.0);
    assertThatThrownBy(() -> kr("KR-9", "g", CheckIn.of(T1, 1), CheckIn.of(T1, 2)))
        .hasMessage("checkIns must have distinct instants: 2026-07-08T09:00:00Z");
  }

  @Test
  void of_listsEveryBrokenReference() {
    assertThatThrownBy(() -> OkrCycle.of(Q, List.of(new Team("t", null, "ghost"), Team.of("t")),
        List.of(new Objective("O-1", null, "x", null, "O-9", null, List.of(kr("O-1", "t")))),
        List.of(new Initiative("I-1", null, "t", null, List.of("O-1", "KR-7"), List.of())),
        List.of(Dependency.of("I-1", "t", DependencyKind.BLOCKS))))
        .isInstanceOfSatisfying(InvalidCycleException.class, e -> assertThat(e.problems()).extracting(
            Problem::toString).containsExactly(
            "teams[1].id: duplicate id \"t\" (first at teams[0].id)",
            "objectives[0].keyResults[0].id: duplicate id \"O-1\" (first at objectives[0].id)",
            "teams[0].parent: unknown team \"ghost\"",
            "objectives[0].team: unknown team \"x\"",
            "objectives[0].parent: unknown objective \"O-9\"",
            "initiatives[0].keyResults[0]: \"O-1\" is a objective, not a key result",
            "initiatives[0].keyResults[1]: unknown key result \"KR-7\"",
            "dependencies[0].downstream: \"t\" is a team, not a key result, initiative or milestone"));
  }

  @Test
  void of_parentLoops_rejectedWithTheLoop() {
    List<Team> teams = List.of(new Team("a", null, "b"), new Team("b", null, "a"), new Team("c", null, "c"),
        new Team("d", null, "a"));
    List<Objective> objectives = List.of(new Objective("O-1", null, "a", null, "O-1", null, List.of()),
        new Objective("O-2", null, "a", null, "O-4", null, List.of()),
        new Objective("O-3", null, "a", null, "O-2", null, List.of()),
        new Objective("O-4", null, "a", null, "O-3", null, List.of()),
        new Objective("O-5", null, "a", null, "O-4", null, List.of()));
    assertThatThrownBy(() -> OkrCycle.of(Q, teams, objectives))
        .isInstanceOfSatisfying(InvalidCycleException.class, e -> assertThat(e.problems()).extracting(
            Problem::toString).containsExactly(
            "teams[0].parent: forms a loop a -> b -> a",
            "teams[2].parent: forms a loop c -> c",
            "objectives[0].parent: forms a loop O-1 -> O-1",
            "objectives[1].parent: forms a loop O-2 -> O-4 -> O-3 -> O-2"));
  }

  @Test
  void of_seededRandomParents_loopsAsThePlainRule() {
    // the plain rule: objective i is in a loop when following parents from it comes back to it; each loop is
    // reported once, at its member first in document order, starting there
    Random random = new Random(23);
    for (int run = 0; run < 500; run++) {
      int n = 1 + random.nextInt(12);
      String[] parent = new String[n];
      List<Objective> objectives = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        parent[i] = random.nextInt(4) == 0 ? null : "O-" + random.nextInt(n);
        objectives.add(new Objective("O-" + i, null, "t", null, parent[i], null, List.of()));
      }
      List<String> expected = new ArrayList<>();
      java.util.Set<Integer> reported = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        StringBuilder loop = new StringBuilder("O-" + i);
        List<Integer> members = new ArrayList<>();
        int at = i;
        for (int step = 0; step < n && parent[at] != null; step++) {
          members.add(at);
          at = Integer.parseInt(parent[at].substring(2));
          loop.append(" -> O-").append(at);
          if (at == i) {
            break;
          }
        }
        if (at == i && parent[i] != null && !reported.contains(i)) {
          reported.addAll(members);
          expected.add("objectives[" + i + "].parent: forms a loop " + loop);
        }
      }
      List<String> actual;
      try {
        OkrCycle.of(Q, List.of(Team.of("t")), objectives);
        actual = List.of();
      } catch (InvalidCycleException e) {
        actual = e.problems().stream().map(Problem::toString).toList();
      }
      assertThat(actual).as("run %d, parents %s", run, java.util.Arrays.toString(parent))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  void of_parentChains_accepted() {
    OkrCycle c = OkrCycle.of(Q, List.of(new Team("a", null, "b"), new Team("b", null, "c"), Team.of("c")),
        List.of(new Objective("O-1", null, "a", null, "O-2", null, List.of()),
            new Objective("O-2", null, "a", null, null, null, List.of())));
    assertThat(c.childTeams("c")).extracting(Team::id).containsExactly("b");
  }

  @Test
  void keyResult_achieveValuesOtherThanZeroAndOne_rejected() {
    assertThatThrownBy(() -> new KeyResult("KR", null, null, "t", 1.0, null, Metric.achieve(), null,
        List.of(CheckIn.of(T2, 1), CheckIn.of(T1, 0.5)), null))
        .hasMessage("checkIns[1].value must be 0 or 1 for direction achieve: 0.5");
    assertThatThrownBy(() -> new KeyResult("KR", null, null, "t", 1.0, null, Metric.achieve(), null, List.of(),
        Result.of(2)))
        .hasMessage("result.finalValue must be 0 or 1 for direction achieve: 2.0");
    KeyResult ok = new KeyResult("KR", null, null, "t", 1.0, null, Metric.achieve(), null,
        List.of(CheckIn.of(T1, 0), CheckIn.of(T2, 1)), Result.of(-0.0));
    assertThat(ok.checkIns()).hasSize(2);
  }

  @Test
  void records_numbersBeyondTheLimits_rejected() {
    assertThatThrownBy(() -> CheckIn.of(T1, 1.79e308)).hasMessage("value must be within -1e15..1e15: 1.79E308");
    assertThatThrownBy(() -> Result.of(-2e15)).hasMessage("finalValue must be within -1e15..1e15: -2.0E15");
    assertThatThrownBy(() -> new Result(1, 1.5)).hasMessage("selfScore must be within 0..1: 1.5");
    assertThatThrownBy(() -> new Result(1, -0.1)).hasMessage("selfScore must be within 0..1: -0.1");
    assertThatThrownBy(() -> new PlanPoint(LocalDate.of(2026, 8, 1), 1e300))
        .hasMessage("value must be within -1e15..1e15: 1.0E300");
    assertThatThrownBy(() -> new KeyResult("KR", null, null, "t", 1e308, null, Metric.of(0, 1, null), null, null, null))
        .hasMessage("weight must not be above 1e6: 1.0E308");
    assertThat(new KeyResult("KR", null, null, "t", KeyResult.MAX_WEIGHT, null, Metric.of(0, 1, null), null, null,
        null).weight()).isEqualTo(1e6);
    assertThat(CheckIn.of(T1, -Metric.MAX_MAGNITUDE).value()).isEqualTo(-1e15);
  }

  @Test
  void records_datesBeyond1900To2200_rejected() {
    assertThatThrownBy(() -> CheckIn.of(Instant.parse("9999-01-01T00:00:00Z"), 1))
        .hasMessage("at must be within 1900-01-01..2200-12-31 (UTC): 9999-01-01T00:00:00Z");
    assertThatThrownBy(() -> CheckIn.of(Instant.MIN, 1))
        .hasMessage("at must be within 1900-01-01..2200-12-31 (UTC): -1000000000-01-01T00:00:00Z");
    assertThatThrownBy(() -> CheckIn.of(Instant.parse("2201-01-01T00:00:00Z"), 1))
        .hasMessage("at must be within 1900-01-01..2200-12-31 (UTC): 2201-01-01T00:00:00Z");
    assertThat(CheckIn.of(Instant.parse("2200-12-31T23:59:59.999999999Z"), 1).value()).isEqualTo(1.0);
    assertThat(CheckIn.of(Instant.parse("1900-01-01T00:00:00Z"), 1).value()).isEqualTo(1.0);
    assertThatThrownBy(() -> new Milestone("M", null, LocalDate.of(1800, 1, 1), null))
        .hasMessage("due must be within 1900-01-01..2200-12-31: 1800-01-01");
    assertThatThrownBy(() -> new Milestone("M", null, LocalDate.of(2026, 1, 1), LocalDate.of(2300, 1, 1)))
        .hasMessage("completed must be within 1900-01-01..2200-12-31: 2300-01-01");
    assertThatThrownBy(() -> new Dependency("A", "B", DependencyKind.BLOCKS, LocalDate.MAX, null))
        .hasMessage("needBy must be within 1900-01-01..2200-12-31: +999999999-12-31");
    assertThatThrownBy(() -> new PlanPoint(LocalDate.of(1, 1, 1), 1))
        .hasMessage("date must be within 1900-01-01..2200-12-31: 0001-01-01");
  }

  @Test
  void of_checkInOutsideTheWindow_rejectedWithItsPath() {
    // Q is 92 days: check-ins from 2026-03-31 (start - 92 days) to 2027-01-01 (the day after the end + 92 days)
    Instant early = Instant.parse("2026-03-30T23:59:59Z");
    Instant late = Instant.parse("2027-01-01T00:00:01Z");
    List<Objective> objectives = List.of(new Objective("O-1", null, "t", null, null, null, List.of(
        kr("KR-1", "t", CheckIn.of(Instant.parse("2026-03-31T00:00:00Z"), 1), CheckIn.of(T1, 2)),
        kr("KR-2", "t", CheckIn.of(late, 3), CheckIn.of(early, 0), CheckIn.of(Q.windowEnd(), 4)))));
    assertThatThrownBy(() -> OkrCycle.of(Q, List.of(Team.of("t")), objectives))
        .isInstanceOfSatisfying(InvalidCycleException.class, e -> assertThat(e.problems()).extracting(
            Problem::toString).containsExactly(
            "objectives[0].keyResults[1].checkIns[0].at: must be within 2026-03-31T00:00:00Z..2027-01-01T00:00:00Z"
                + " (one cycle length before the start to one after the end): 2026-03-30T23:59:59Z",
            "objectives[0].keyResults[1].checkIns[2].at: must be within 2026-03-31T00:00:00Z..2027-01-01T00:00:00Z"
                + " (one cycle length before the start to one after the end): 2027-01-01T00:00:01Z"));
  }

  @Test
  void dependency_selfRejected() {
    assertThatThrownBy(() -> Dependency.of("KR-1", "KR-1", DependencyKind.BLOCKS))
        .hasMessage("downstream must differ from upstream: KR-1");
  }

  @Test
  void records_validate() {
    assertThatThrownBy(() -> new CheckIn(T1, 1, 1.5, null, null, null))
        .hasMessage("confidence must be within 0..1: 1.5");
    assertThatThrownBy(() -> Team.of(" ")).hasMessage("id must not be blank");
    assertThat(new Milestone("M", null, LocalDate.of(2026, 8, 5), null).daysLate(LocalDate.of(2026, 8, 17)))
        .isEqualTo(12);
    assertThat(new Problem("", "whole").toString()).isEqualTo("whole");
    assertThat(new InvalidCycleException(List.of(new Problem("a", "b"))).getMessage()).isEqualTo("1 problem:\na: b");
    assertThat(new Reason("r", java.util.Map.of("b", 2.0, "a", 1.0)).evidence().keySet()).containsExactly("a", "b");
    assertThatThrownBy(() -> Reason.of("r", "x", Double.NaN)).hasMessage("evidence.x must be finite: NaN");
  }
}
