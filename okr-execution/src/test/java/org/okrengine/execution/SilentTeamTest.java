package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Status;
import org.okrengine.model.Team;

/** A team that went quiet together is told once in the summary (statuses issue, item 1). */
class SilentTeamTest {
  static final Cycle Q = Cycle.of("Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30));

  static Instant day(int d) {
    return Q.startInstant().plusSeconds(d * 86_400L);
  }

  /** Checks in weekly, 3 more each week, from day 0 to {@code lastDay}. */
  static KeyResult weekly(String id, String team, int lastDay) {
    List<CheckIn> c = new ArrayList<>();
    for (int d = 0; d <= lastDay; d += 7) {
      c.add(CheckIn.of(day(d), 3.0 * d / 7));
    }
    return new KeyResult(id, "Result " + id, null, team, 1.0, List.of(), Metric.of(0, 40, null), Plan.LINEAR, c,
        null);
  }

  static OkrCycle cycle(int othersLastDay) {
    return OkrCycle.of(Q, List.of(new Team("mobility", "Mobility", null), new Team("web", "Web", null)), List.of(
        new Objective("O-1", "Move", "mobility", null, null, null,
            List.of(weekly("KR-1", "mobility", 21), weekly("KR-2", "mobility", 21), weekly("KR-3", "mobility", 14))),
        new Objective("O-2", "Web", "web", null, null, null,
            List.of(weekly("KR-4", "web", othersLastDay), weekly("KR-5", "web", othersLastDay)))));
  }

  @Test
  void summary_teamQuietTogether_toldOnce() {
    // as of day 40 (10 Aug): Mobility's last check-ins on days 21, 21, 14 (22 Jul the latest), 19 and 26 days ago,
    // beyond twice their weekly rhythm (14 days): all three stale; Web checked in on day 35
    var r = ExecutionEngine.withDefaults().analyze(cycle(35), day(40));
    assertThat(r.keyResults()).filteredOn(k -> k.team().equals("mobility")).extracting(KeyResultReport::status)
        .containsOnly(Status.STALE);
    assertThat(r.summary()).contains(
        " Mobility: 3 of 3 key results without a check-in since 22 Jul; the team's usual gap is 1 week.")
        .doesNotContain("Web:").doesNotContain("Across the organisation");
  }

  @Test
  void summary_organisationQuiet_oneSentenceForAll() {
    // Web stopped on day 21 too: 5 of 5 stale, one sentence for the organisation instead of one per team
    var r = ExecutionEngine.withDefaults().analyze(cycle(21), day(40));
    assertThat(r.summary()).contains(
        " Across the organisation, 5 of 5 key results without a check-in since 22 Jul; the usual gap is 1 week.")
        .doesNotContain("Mobility: 3 of 3");
  }

  @Test
  void gapWords_weeksFromSevenDays() {
    assertThat(Summaries.gapWords(28)).isEqualTo("4 weeks");
    assertThat(Summaries.gapWords(15)).isEqualTo("2 weeks");
    assertThat(Summaries.gapWords(7)).isEqualTo("1 week");
    assertThat(Summaries.gapWords(3.5)).isEqualTo("3.5 days");
  }
}
