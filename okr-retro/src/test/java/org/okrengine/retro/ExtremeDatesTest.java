package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/**
 * The widest gaps the Java API allows (hardening issue, item 2): a retrospective's memory does not grow with them and
 * the median gap stays exact. The longest cycle is 1,098 days and its check-ins may lie one cycle length before its
 * start and after its end, a gap of 3 * 1,098 days; a count per hour up to it took 632 KB per team.
 */
class ExtremeDatesTest {
  /** The longest cycle the model accepts, with room for its check-ins' window within the model's dates. */
  private static final Cycle LONGEST = Cycle.of("L", LocalDate.of(2100, 1, 1),
      LocalDate.of(2100, 1, 1).plusDays(Cycle.MAX_LENGTH_DAYS - 1));

  @BeforeAll
  static void warmUp() {
    // class loading and the forecaster's tables, so that the measured runs count only their own allocation
    Retrospective.withDefaults().run(List.of(Fixtures.cycleA(), Fixtures.cycleB()));
  }

  @Test
  void run_widestGapsOf500Teams_smallMemoryExactMedian() {
    List<OkrCycle> cycles = new ArrayList<>();
    for (int t = 0; t < 500; t++) {
      cycles.add(cycle(LONGEST, "team" + t, List.of(kr("K", "team" + t, LONGEST.windowStart(),
          LONGEST.windowEnd()))));
    }
    RetroReport[] r = new RetroReport[1];
    long bytes = Allocation.of(() -> r[0] = Retrospective.withDefaults().withoutForecasts().run(cycles));
    assertThat(bytes).isLessThan(32L << 20); // 500 counts per hour up to the gap: 316 MB
    double days = 3.0 * Cycle.MAX_LENGTH_DAYS; // whole days: whole hours, nothing to round
    assertThat(r[0].cadence().medianGapDays()).isEqualTo(days);
    assertThat(r[0].cadenceByTeam()).hasSize(500).allSatisfy(c -> assertThat(c.medianGapDays()).isEqualTo(days));
    // and with the forecast replay, as okr retro runs by default
    assertThat(Retrospective.withDefaults().run(cycles.subList(0, 20)).cadence().medianGapDays()).isEqualTo(days);
  }

  @Test
  void run_wideGapsAmongShortOnes_medianExactWhereverItFalls() {
    // each key result: check-ins 14 days apart inside the cycle, and one a whole cycle length after the end
    Instant start = LONGEST.startInstant();
    Instant farEnd = LONGEST.windowEnd();
    List<KeyResult> krs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      krs.add(kr("K" + i, "t", start.plusSeconds(86_400L * (1 + i)), start.plusSeconds(86_400L * (15 + i)), farEnd));
    }
    // gaps: 336 h x3, and from days 15, 16 and 17 to the far end (day 2 * 1098), 2181, 2180 and 2179 days
    long far0 = (2L * Cycle.MAX_LENGTH_DAYS - 17) * 24;
    Retrospective retro = Retrospective.withDefaults().withoutForecasts();
    assertThat(retro.run(List.of(cycle(LONGEST, "t", krs))).cadence().medianGapDays())
        .isEqualTo((336 + far0) / 2.0 / 24); // even count: the mean of 336 h and the shortest far gap
    krs.add(kr("K3", "t", start, farEnd));
    assertThat(retro.run(List.of(cycle(LONGEST, "t", krs))).cadence().medianGapDays())
        .isEqualTo(far0 / 24.0); // 336 x3, far0, far0 + 24, far0 + 48 and 2196 days: the fourth of seven
  }

  private static KeyResult kr(String id, String team, Instant... at) {
    List<CheckIn> checkIns = new ArrayList<>();
    for (int i = 0; i < at.length; i++) {
      checkIns.add(CheckIn.of(at[i], 1 + i));
    }
    return new KeyResult(id, null, null, team, 1, List.of(), Metric.of(0, 10, null), null, checkIns,
        Result.of(5));
  }

  private static OkrCycle cycle(Cycle c, String team, List<KeyResult> krs) {
    return OkrCycle.of(c, List.of(Team.of(team)), List.of(new Objective("O", null, team, null, null, null, krs)));
  }
}
