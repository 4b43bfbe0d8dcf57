package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.CascadeAnalyzer;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Status;
import org.okrengine.model.Team;
import org.okrengine.model.json.ReportJson;

/**
 * The escalation replay, which asks only what a run can still change, against a plain rendering of the rule that
 * {@link Escalations} documents: every key result forecast and the whole cascade analysis run at every point of the
 * grid, then each item's level decided from those columns. On seeded random cycles and on chains of key results.
 */
class EscalationReferenceTest {
  static final Cycle Q = ExecutionEngineTest.Q;
  static final Forecaster FORECASTER = Forecaster.withDefaults();
  /** Cascades count on both levels; at risk alone counts for the first from day 0, anything for the second. */
  static final EscalationPolicy CASCADE_EVERYWHERE = EscalationPolicy.builder()
      .level(new EscalationPolicy.Level(1, "owner", List.of(Status.AT_RISK), 0, true))
      .level(new EscalationPolicy.Level(2, "vp", List.of(Status.AT_RISK, Status.OFF_TRACK, Status.STALE,
          Status.NOT_STARTED, Status.NO_DATA), 10, true))
      .build();
  /**
   * The newer fields everywhere: 10 days of grace; at risk or off track below 40% for 3 days, or a cascade held 2
   * days, goes to the owner; anything below 20% (stale by its status) for 10 days, or a cascade at once, to the vp.
   */
  static final EscalationPolicy NEWER_FIELDS = EscalationPolicy.builder().graceDays(10)
      .level(new EscalationPolicy.Level(1, "owner", List.of(Status.AT_RISK, Status.OFF_TRACK), 3, true, 0.4, 2))
      .level(new EscalationPolicy.Level(2, "vp", List.of(Status.AT_RISK, Status.OFF_TRACK, Status.STALE,
          Status.NOT_STARTED, Status.NO_DATA), 10, true, 0.2, 0))
      .build();
  static final List<EscalationPolicy> POLICIES = List.of(EscalationPolicy.DEFAULT, CASCADE_EVERYWHERE, NEWER_FIELDS);

  static Instant day(int d) {
    return ExecutionEngineTest.day(d);
  }

  record Row(String subject, int level, LocalDate since, String to) {}

  /**
   * The rule as written, with every point of the grid computed: a point before the grace period's end counts for
   * nothing; a key result counts toward a level when its status is one of the level's and (where the level sets a
   * probability) it is stale or its probability of target is below the level's, or it counted at the point before,
   * its status still counts and no check-in of its own fell between the two (the hold).
   */
  static List<Row> reference(OkrCycle cycle, Instant asOf, EscalationPolicy policy) {
    List<Instant> grid = Escalations.grid(cycle.cycle(), asOf);
    if (grid.isEmpty()) {
      return List.of();
    }
    int n = grid.size();
    DependencyGraph graph = DependencyGraph.of(cycle);
    Map<String, Status[]> status = new HashMap<>();
    Map<String, double[]> probability = new HashMap<>();
    for (KeyResult kr : cycle.keyResults()) {
      Status[] s = new Status[n];
      double[] p = new double[n];
      for (int i = 0; i < n; i++) {
        Forecast f = FORECASTER.forecast(kr, cycle.cycle(), grid.get(i), cycle.milestonesOf(kr.id()));
        s[i] = f.status();
        p[i] = f.probabilityOfTarget();
      }
      status.put(kr.id(), s);
      probability.put(kr.id(), p);
    }
    LocalDate graceEnd = cycle.cycle().start().plusDays(policy.graceDays());
    boolean[] counted = new boolean[n];
    for (int i = 0; i < n; i++) {
      counted[i] = !cycle.cycle().dateOf(grid.get(i)).isBefore(graceEnd);
    }
    // the hold, every point: counting at a point goes on at the next while the status counts and no check-in fell
    Map<String, Map<EscalationPolicy.Level, boolean[]>> held = new HashMap<>();
    for (KeyResult kr : cycle.keyResults()) {
      Map<EscalationPolicy.Level, boolean[]> byLevel = new java.util.IdentityHashMap<>();
      Status[] s = status.get(kr.id());
      double[] p = probability.get(kr.id());
      for (EscalationPolicy.Level level : policy.levels()) {
        boolean[] h = new boolean[n];
        for (int i = 0; i < n; i++) {
          int j = i;
          boolean checkedIn = i == 0 || kr.checkIns().stream()
              .anyMatch(c -> c.at().isAfter(grid.get(j - 1)) && !c.at().isAfter(grid.get(j)));
          h[i] = counted[i] && (counts(cycle, level, s, p, grid, i)
              || (i > 0 && h[i - 1] && !checkedIn && level.counts(s[i])));
        }
        byLevel.put(level, h);
      }
      held.put(kr.id(), byLevel);
    }
    Map<String, boolean[]> crossing = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Snapshot at = Snapshot.of(cycle, graph, FORECASTER, grid.get(i), false);
      for (Cascade c : CascadeAnalyzer.analyze(graph, at.risks())) {
        if (c.crossesTeams()) {
          crossing.computeIfAbsent(c.source(), k -> new boolean[n])[i] = true;
        }
      }
    }
    // runs are counted to the analysed day, but no later than the cycle's last day (after the end nothing is
    // escalated any more)
    LocalDate today = cycle.cycle().dateOf(asOf);
    LocalDate ended = cycle.cycle().end();
    if (today.isAfter(ended)) {
      today = ended;
    }
    List<String> items = new ArrayList<>();
    cycle.keyResults().forEach(kr -> items.add(kr.id()));
    cycle.initiatives().forEach(i -> items.add(i.id()));
    new TreeSet<>(crossing.keySet()).stream().filter(id -> !items.contains(id)).forEach(items::add);
    List<Row> rows = new ArrayList<>();
    for (String id : items) {
      Status[] s = status.get(id);
      boolean[] cross = crossing.get(id);
      EscalationPolicy.Level chosen = null;
      LocalDate chosenSince = null;
      for (EscalationPolicy.Level level : policy.levels()) {
        LocalDate since = null;
        int last = n - 1;
        boolean[] h = s == null ? null : held.get(id).get(level);
        if (h != null && h[last]) {
          int start = last;
          while (start > 0 && h[start - 1]) {
            start--;
          }
          LocalDate d = cycle.cycle().dateOf(grid.get(start));
          since = ChronoUnit.DAYS.between(d, today) >= level.forDays() ? d : null;
        }
        if (level.crossTeamCascade() && cross != null && counted[last] && feeds(cross, h, last)) {
          int start = last;
          while (start > 0 && counted[start - 1] && feeds(cross, h, start - 1)) {
            start--;
          }
          LocalDate d = cycle.cycle().dateOf(grid.get(start));
          if (ChronoUnit.DAYS.between(d, today) >= level.cascadeForDays()) {
            since = since == null || d.isBefore(since) ? d : since;
          }
        }
        if (since != null) {
          chosen = level;
          chosenSince = since;
        }
      }
      if (chosen != null) {
        rows.add(new Row(id, chosen.level(), chosenSince, chosen.to()));
      }
    }
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparingInt((Row r) -> -r.level()).thenComparing(Row::since)
        .thenComparingInt(rows::indexOf));
    return sorted;
  }

  static boolean feeds(boolean[] cross, boolean[] held, int i) {
    return cross[i] && (held == null || held[i]);
  }

  /**
   * Whether a key result counts toward {@code level} at point {@code i}: by its status, or, without any check-in
   * (no-data) for more days since the cycle's start (to its end at the latest) than the stale limit before any
   * check-in, as a stale one.
   */
  static boolean counts(OkrCycle cycle, EscalationPolicy.Level level, Status[] s, double[] p, List<Instant> grid,
      int i) {
    if (level.counts(s[i], p[i])) {
      return true;
    }
    Instant end = cycle.cycle().endInstant();
    Instant to = grid.get(i).isAfter(end) ? end : grid.get(i);
    return s[i] == Status.NO_DATA && level.counts(Status.STALE, p[i]) && cycle.cycle().wholeCalendarDaysBetween(
        cycle.cycle().startInstant(), to) > FORECASTER.staleAfterDaysWithoutCheckIns(cycle.cycle());
  }

  static List<Row> rows(List<EscalationSummary> escalations) {
    return escalations.stream().map(e -> new Row(e.subject(), e.level(), e.since(), e.to())).toList();
  }

  static KeyResult kr(String id, String team, List<CheckIn> checkIns) {
    return new KeyResult(id, null, null, team, 1.0, List.of(), Metric.of(0, 100, null), Plan.LINEAR, checkIns, null);
  }

  /**
   * Three teams; four to eight objectives of one to four key results, each checking in every 3 to 14 days at its own
   * pace (from a fifth to one and a third of the plan's) with noise, some going quiet; initiatives with milestones,
   * some done, some late; up to 25 blocking or contributing dependencies, most with a need-by date, upstream
   * milestones before initiatives before key results so that there are no cycles.
   */
  static OkrCycle randomCycle(SplittableRandom rnd) {
    List<Team> teams = List.of(new Team("a", "Alpha", null), new Team("b", "Beta", null), new Team("c", "Gamma", null));
    List<Objective> objectives = new ArrayList<>();
    List<String> krs = new ArrayList<>();
    for (int o = 0, objectiveCount = 4 + rnd.nextInt(5); o < objectiveCount; o++) {
      List<KeyResult> list = new ArrayList<>();
      for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
        String id = "KR-" + krs.size();
        krs.add(id);
        double pace = 0.2 + 1.13 * rnd.nextDouble();
        List<CheckIn> checkIns = new ArrayList<>();
        for (int d = 1 + rnd.nextInt(8); d < 91 && rnd.nextInt(100) < 93; d += 3 + rnd.nextInt(12)) {
          double v = 100 * pace * d / 91 + 8 * rnd.nextDouble() - 4;
          checkIns.add(CheckIn.of(day(d).plusSeconds(3600L * (6 + rnd.nextInt(12))), Math.max(0, Math.min(100, v))));
        }
        list.add(kr(id, teams.get(rnd.nextInt(3)).id(), checkIns));
      }
      objectives.add(new Objective("O-" + o, null, teams.get(rnd.nextInt(3)).id(), null, null, null, list));
    }
    List<Initiative> initiatives = new ArrayList<>();
    List<String> milestones = new ArrayList<>();
    for (int i = 0, count = 1 + rnd.nextInt(4); i < count; i++) {
      List<Milestone> ms = new ArrayList<>();
      for (int m = rnd.nextInt(4); m > 0; m--) {
        LocalDate due = Q.start().plusDays(10 + rnd.nextInt(75));
        LocalDate done = rnd.nextInt(10) < 4 ? due.plusDays(rnd.nextInt(16) - 5) : null;
        String id = "M-" + milestones.size();
        milestones.add(id);
        ms.add(new Milestone(id, null, due, done));
      }
      List<String> delivers = rnd.nextBoolean() ? List.of(krs.get(rnd.nextInt(krs.size()))) : List.of();
      initiatives.add(new Initiative("I-" + i, "Initiative " + i, teams.get(rnd.nextInt(3)).id(), null, delivers, ms));
    }
    // upstream before downstream: milestones, then initiatives, then key results in a random order
    List<String> items = new ArrayList<>(milestones);
    initiatives.forEach(i -> items.add(i.id()));
    List<String> shuffled = new ArrayList<>(krs);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, t);
    }
    items.addAll(shuffled);
    List<Dependency> deps = new ArrayList<>();
    LinkedHashSet<String> pairs = new LinkedHashSet<>();
    for (int tries = 5 + rnd.nextInt(21); tries > 0; tries--) {
      int a = rnd.nextInt(items.size());
      int b = rnd.nextInt(items.size());
      if (a == b || !pairs.add(Math.min(a, b) + ">" + Math.max(a, b))) {
        continue;
      }
      LocalDate needBy = rnd.nextInt(10) < 6 ? Q.start().plusDays(20 + rnd.nextInt(75)) : null;
      deps.add(new Dependency(items.get(Math.min(a, b)), items.get(Math.max(a, b)),
          rnd.nextInt(3) == 0 ? DependencyKind.CONTRIBUTES : DependencyKind.BLOCKS, needBy, null));
    }
    return OkrCycle.of(Q, teams, objectives, initiatives, deps);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void replay_seededRandomCycles_sameAsEveryPointComputed(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    OkrCycle cycle = randomCycle(rnd);
    Instant asOf = day(5 + rnd.nextInt(100));
    for (EscalationPolicy policy : POLICIES) {
      List<EscalationSummary> got = ExecutionEngine.withDefaults().withPolicy(policy).analyze(cycle, asOf)
          .escalations();
      assertThat(rows(got)).as("seed %d, %s", seed, policy).isEqualTo(reference(cycle, asOf, policy));
    }
  }

  /**
   * A chain of {@code n} key results, each blocking the next by 15 Sep, teams in turn among seven, objectives of
   * five; every one checks in weekly at 60% of the plan's pace (the last ones of the chain from day 50 on, so that
   * they are at risk only since then).
   */
  static OkrCycle chain(int n) {
    List<Team> teams = new ArrayList<>();
    for (int t = 0; t < 7; t++) {
      teams.add(Team.of("t" + t));
    }
    List<Objective> objectives = new ArrayList<>();
    List<KeyResult> list = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      List<CheckIn> checkIns = new ArrayList<>();
      for (int d = k >= n - 20 ? 50 : 2 + k % 3; d < 91; d += 7) {
        checkIns.add(CheckIn.of(day(d), 60.0 * d / 91));
      }
      list.add(kr(String.format("KR-%04d", k), "t" + k % 7, checkIns));
      if (list.size() == 5 || k == n - 1) {
        objectives.add(new Objective("O-" + objectives.size(), null, "t" + objectives.size() % 7, null, null, null,
            list));
        list = new ArrayList<>();
      }
    }
    List<Dependency> deps = new ArrayList<>();
    for (int k = 0; k + 1 < n; k++) {
      deps.add(new Dependency(String.format("KR-%04d", k), String.format("KR-%04d", k + 1), DependencyKind.BLOCKS,
          LocalDate.of(2026, 9, 15), null));
    }
    return OkrCycle.of(Q, teams, objectives, List.of(), deps);
  }

  @Test
  void chain_ofThreeHundred_listsTheNearestFiftyCountsAllAndEscalatesAsEveryPointComputed() {
    OkrCycle cycle = chain(300);
    Instant asOf = day(80);
    CycleReport report = ExecutionEngine.withDefaults().analyze(cycle, asOf);
    CascadeSummary first = report.cascades().get(0);
    assertThat(first.source()).isEqualTo("KR-0000");
    // the 299 key results after it and their 60 objectives; the nearest 50 listed, one step at a time
    assertThat(first.affectedCount()).isEqualTo(299 + 60);
    assertThat(first.affected()).hasSize(Cascade.MAX_AFFECTED_LISTED).startsWith("KR-0001", "O-0", "KR-0002");
    assertThat(report.cascades()).allSatisfy(c -> assertThat(c.affected().size()).isLessThanOrEqualTo(50));
    String json = ReportJson.withDefaults().write(report);
    assertThat(json).contains("\"affectedCount\": 359");
    assertThat(ReportJson.withDefaults().read(json).cascades().get(0).affectedCount()).isEqualTo(359);
    // the last key result has 299 late key results upstream; it names the 10 most likely to make it miss
    KeyResultReport last = report.keyResults().get(299);
    assertThat(last.causes().stream().map(Cause::code).filter("upstream-late"::equals).count())
        .isEqualTo(Cascade.MAX_CASCADES_PER_ITEM);
    for (EscalationPolicy policy : POLICIES) {
      List<EscalationSummary> got = policy == EscalationPolicy.DEFAULT ? report.escalations()
          : ExecutionEngine.withDefaults().withPolicy(policy).analyze(cycle, asOf).escalations();
      assertThat(rows(got)).as("%s", policy).isEqualTo(reference(cycle, asOf, policy));
    }
  }

  @Test
  void chain_ofTwoThousand_analysedWithEscalationsWithinAMinute() {
    OkrCycle cycle = chain(2000);
    CycleReport report = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> ExecutionEngine.withDefaults().analyze(cycle, day(90)));
    assertThat(report.cascades().get(0).affectedCount()).isEqualTo(1999 + 400);
    assertThat(report.escalations()).hasSize(2000);
  }
}
