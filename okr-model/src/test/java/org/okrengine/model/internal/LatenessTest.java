package org.okrengine.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/**
 * {@link Lateness}: how the engine's sentences say an upstream item is late, before and after its cycle's end. After
 * the end a key result's slip was counted against a completion that never came (one needed by the end read "is 1
 * day late" on the day after the end where it had read "27 days late" the day before), so it is said where it ended.
 */
class LatenessTest {
  private static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));
  /** An instant while the cycle runs, and one after its end and after every check-in of these key results. */
  private static final Instant RUNNING = Instant.parse("2026-09-15T00:00:00Z");
  private static final Instant AFTER = Instant.parse("2026-12-01T00:00:00Z");

  private static KeyResult kr(String id, Metric metric, Result result, double... values) {
    // check-ins a week apart from 1 Sep: with four of them the last, 22 Sep, is before the end; a fifth on 29 Sep
    List<CheckIn> checkIns = new java.util.ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      checkIns.add(CheckIn.of(Instant.parse("2026-09-01T10:00:00Z").plusSeconds(7L * 86_400 * i), values[i]));
    }
    return new KeyResult(id, id, null, "t", 1.0, List.of(), metric, null, checkIns, result);
  }

  private static final Metric UPTIME = new Metric(null, 99.9, Direction.MAINTAIN_ABOVE, "%");

  private static final OkrCycle CYCLE = OkrCycle.of(Q, List.of(new Team("t", "T", null)),
      List.of(new Objective("O-1", "Grow", "t", null, null, null, List.of(
          kr("KR-reach", Metric.of(10, 20, null), null, 12, 15),
          kr("KR-done", Metric.achieve(), null, 0),
          kr("KR-broken", UPTIME, null, 99.95, 99.5),
          // kept its threshold at its latest check-in: late only because nothing was heard of it since
          kr("KR-quiet", UPTIME, null, 99.95),
          // kept at the last check-in, but the document's result says where it ended: below
          kr("KR-result", UPTIME, new Result(99.0, null), 99.95)))),
      List.of(new Initiative("I-1", "Pipeline", "t", null, List.of(),
          List.of(new Milestone("M-1", "Ingest", LocalDate.of(2026, 8, 1), null)))),
      List.of());

  @Test
  void whileTheCycleRuns_daysLateForEveryKind() {
    for (String id : List.of("I-1", "M-1", "KR-reach", "KR-done", "KR-broken", "KR-quiet", "KR-result", "X")) {
      assertThat(Lateness.phrase(CYCLE, id, "27 days", RUNNING)).isEqualTo("is 27 days late");
    }
    assertThat(Lateness.phrase(CYCLE, "I-1", "1 day", RUNNING)).isEqualTo("is 1 day late");
  }

  @Test
  void afterTheEnd_initiativesLateWhenItEnded_keyResultsWhereTheyEnded() {
    assertThat(Lateness.phrase(CYCLE, "I-1", "57 days", AFTER)).isEqualTo("was 57 days late when the cycle ended");
    assertThat(Lateness.phrase(CYCLE, "M-1", "57 days", AFTER)).isEqualTo("was 57 days late when the cycle ended");
    // the days given are not said for a key result: "1 day" was the day after the end, not a lateness
    assertThat(Lateness.phrase(CYCLE, "KR-reach", "1 day", AFTER))
        .isEqualTo("had not met its target when the cycle ended");
    assertThat(Lateness.phrase(CYCLE, "KR-done", "47 days", AFTER)).isEqualTo("was not done when the cycle ended");
    assertThat(Lateness.phrase(CYCLE, "KR-broken", "1 day", AFTER))
        .isEqualTo("had not kept its threshold when the cycle ended");
    assertThat(Lateness.phrase(CYCLE, "KR-quiet", "1 day", AFTER)).isEqualTo("was stale when the cycle ended");
    assertThat(Lateness.phrase(CYCLE, "KR-result", "1 day", AFTER))
        .isEqualTo("had not kept its threshold when the cycle ended");
  }

  @Test
  void afterTheEnd_aMaintainKeyResultIsJudgedByItsLatestCheckIn_asTheReportIs() {
    // kept on 29 Sep, broken on 6 Oct, after the end: the report analysed after 6 Oct ends it there ("off track,
    // ended ... below the threshold"), so the phrase does too (it said "was stale", judging by 29 Sep)
    OkrCycle after = OkrCycle.of(Q, List.of(new Team("t", "T", null)), List.of(new Objective("O-1", "Grow", "t", null,
        null, null, List.of(kr("KR-late", UPTIME, null, 99.5, 99.5, 99.5, 99.5, 99.95, 99.0)))), List.of(), List.of());
    assertThat(Lateness.phrase(after, "KR-late", "1 day", AFTER))
        .isEqualTo("had not kept its threshold when the cycle ended");
    assertThat(Lateness.phrase(after, "KR-late", "1 day", Instant.parse("2026-10-07T00:00:00Z")))
        .isEqualTo("had not kept its threshold when the cycle ended");
  }

  @Test
  void afterTheEnd_aCheckInAfterTheAsOfIsNotKnownYet() {
    // kept on 29 Sep, broken on 6 Oct: a report as of 3 Oct ends the row at 29 Sep (stale, above the threshold), so
    // the phrase judges by 29 Sep too (it took the 6 Oct check-in, not known on 3 Oct: "had not kept its threshold")
    OkrCycle after = OkrCycle.of(Q, List.of(new Team("t", "T", null)), List.of(new Objective("O-1", "Grow", "t", null,
        null, null, List.of(kr("KR-late", UPTIME, null, 99.5, 99.5, 99.5, 99.5, 99.95, 99.0)))), List.of(), List.of());
    assertThat(Lateness.phrase(after, "KR-late", "1 day", Instant.parse("2026-10-03T00:00:00Z")))
        .isEqualTo("was stale when the cycle ended");
  }
  @Test
  void whileTheCycleRuns_aKeyResultsSlipIsAFactAsFarAsItsNeedByDateIsPast_theRestAForecast() {
    // KR-up is needed by 1 Sep (KR-down), KR-end by the cycle's end: on 15 Sep KR-up is 14 days past its date
    OkrCycle needs = OkrCycle.of(Q, List.of(new Team("t", "T", null)), List.of(new Objective("O-1", "Grow", "t", null,
        null, null, List.of(kr("KR-up", Metric.achieve(), null, 0), kr("KR-down", Metric.of(0, 10, null), null, 1),
            kr("KR-end", Metric.of(0, 10, null), null, 1)))), List.of(),
        List.of(new org.okrengine.model.Dependency("KR-up", "KR-down", org.okrengine.model.DependencyKind.BLOCKS,
            LocalDate.of(2026, 9, 1), null),
            org.okrengine.model.Dependency.of("KR-end", "KR-down", org.okrengine.model.DependencyKind.CONTRIBUTES)));
    assertThat(Lateness.neededBy(needs, "KR-up").needBy()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(Lateness.neededBy(needs, "KR-end")).isNull();
    assertThat(Lateness.phrase(needs, "KR-up", 14, "14 days", RUNNING)).isEqualTo("is 14 days late");
    assertThat(Lateness.phrase(needs, "KR-up", 30, "30 days", RUNNING))
        .isEqualTo("is 14 days late and forecast to be 30 days late");
    assertThat(Lateness.phrase(needs, "KR-up", 30, "30 days", Instant.parse("2026-08-20T00:00:00Z")))
        .isEqualTo("is forecast to be 30 days late");
    // needed by the end, 15 days ahead: all of its slip is a forecast (it read "is 53 days late")
    assertThat(Lateness.phrase(needs, "KR-end", 53, "53 days", RUNNING)).isEqualTo("is forecast to be 53 days late");
    assertThat(Lateness.late(needs, "KR-end", 53, "53 days", RUNNING)).isEqualTo("forecast to be 53 days late");
    // an initiative or a milestone is late by days already past due; without a number, as before
    assertThat(Lateness.phrase(CYCLE, "I-1", 45, "45 days", RUNNING)).isEqualTo("is 45 days late");
    assertThat(Lateness.phrase(needs, "KR-end", "53 days", RUNNING)).isEqualTo("is 53 days late");
    // after the end, where it ended, as before
    assertThat(Lateness.phrase(needs, "KR-up", 30, "30 days", AFTER)).isEqualTo("was not done when the cycle ended");
  }
}
