package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Cycle;
import org.okrengine.model.OkrCycle;

/** The facts' cache of cycle spans (companies share quarters, and equal cycles have equal spans). */
class CycleFactsTest {
  /**
   * Ten years of quarters, met twice: the second time most cycles find the span built the first time (the cache's
   * slots were taken from the hash's low bits in a table of 64: none found again).
   */
  @Test
  void fortyQuarters_spansFoundAgain() {
    List<OkrCycle> quarters = new ArrayList<>();
    for (int q = 0; q < 40; q++) {
      LocalDate start = LocalDate.of(2016 + q / 4, 1 + 3 * (q % 4), 1);
      quarters.add(OkrCycle.of(Cycle.of(start.getYear() + "-Q" + (1 + q % 4), start,
          start.plusMonths(3).minusDays(1)), List.of(), List.of()));
    }
    CycleFacts f = new CycleFacts();
    Map<Span, Boolean> first = new IdentityHashMap<>();
    for (OkrCycle c : quarters) {
      f.fill(c, true);
      first.put(f.span, true);
    }
    int found = 0;
    for (OkrCycle c : quarters) {
      f.fill(c, true);
      assertThat(f.span.cycle).isEqualTo(c.cycle());
      found += first.containsKey(f.span) ? 1 : 0;
    }
    // 32 of 40 found (8 lost to slots shared: a uniform hash puts 40 cycles into 256 * (1 - e^(-40/256)) = 37
    // slots, about 35 found when met in the same order); 0 with the low bits of the hash in 64 slots
    assertThat(found).isGreaterThanOrEqualTo(30);
  }
}
