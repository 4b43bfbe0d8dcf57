package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Status;
import org.okrengine.model.Team;

/**
 * Day counts are calendar days of the cycle's zone: across New York's change to daylight-saving time (14 Mar 2027) a
 * week is 7 dates, not 7 x 24 hours, and 28 Feb to 20 Mar is 20 days, as the same document in UTC says.
 */
class CalendarDaysTest {
  static final ZoneId NY = ZoneId.of("America/New_York");
  static final Cycle CYCLE = new Cycle("NW", "NW", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 31), NY);

  static Instant on(int month, int day) {
    return LocalDate.of(2027, month, day).atStartOfDay(NY).toInstant();
  }

  /** Check-ins every 7 days from 3 Jan to 28 Feb, then nothing. */
  static OkrCycle quietSince28Feb() {
    List<CheckIn> c = new ArrayList<>();
    LocalDate d = LocalDate.of(2027, 1, 3);
    for (int i = 0; !d.isAfter(LocalDate.of(2027, 2, 28)); i++, d = d.plusDays(7)) {
      c.add(new CheckIn(d.atStartOfDay(NY).toInstant(), 5 * (i + 1), null, null, List.of(), null));
    }
    KeyResult kr = new KeyResult("KR-1", null, null, "sales", 1.0, List.of(),
        new Metric(0.0, 100, Direction.INCREASE, "x"), Plan.LINEAR, c, null);
    return OkrCycle.of(CYCLE, List.of(Team.of("sales")),
        List.of(new Objective("O-1", null, "sales", null, null, null, List.of(kr))));
  }

  @Test
  void analyze_acrossADaylightSavingChange_countsCalendarDays() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(quietSince28Feb(), on(3, 20));
    KeyResultReport kr = r.keyResults().get(0);
    assertThat(kr.daysSinceCheckIn()).isEqualTo(20);
    assertThat(kr.status()).isEqualTo(Status.STALE);
    assertThat(kr.insight()).contains("no check-in for 20 days");
    // the default comparison: 7 calendar days earlier, 13 Mar 00:00 in New York (not 12 Mar 23:00)
    assertThat(r.changes()).isNotNull();
    assertThat(r.changes().since()).isEqualTo(on(3, 13));
  }

  @Test
  void analyze_afterTheEnd_countsCalendarDaysToTheEnd() {
    // 28 Feb to the end (1 Apr 00:00): 32 calendar days
    CycleReport r = ExecutionEngine.withDefaults().analyze(quietSince28Feb(), on(4, 15));
    assertThat(r.keyResults().get(0).daysSinceCheckIn()).isEqualTo(32);
  }
}
