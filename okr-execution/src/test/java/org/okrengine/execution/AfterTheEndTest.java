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
 * never; KR-S5 off track from 16 Dec).
 */
class AfterTheEndTest {
  static final OkrCycle SALES = read("sales-2026-q4.json");

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
    // since 4 Dec (27 whole days to 31 Dec: level 1, under the 28 of level 2), KR-S5 off track below 25% since 16 Dec
    // (15 days: level 1)
    CycleReport last = ExecutionEngine.withDefaults().analyze(SALES, at("2026-12-31T23:59:00-05:00"));
    assertThat(last.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since())
        .containsExactly("KR-S7 2 2026-11-18", "KR-S6 1 2026-12-04", "KR-S5 1 2026-12-16");
    // five days after the end the same: nothing is escalated after the end (the run counted to 1 Jan, the end
    // instant's date, made KR-S6's 28 days and took it to leadership, "up from level 1")
    CycleReport after = ExecutionEngine.withDefaults().analyze(SALES, at("2027-01-05T00:00:00-05:00"));
    assertThat(after.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since())
        .containsExactly("KR-S7 2 2026-11-18", "KR-S6 1 2026-12-04", "KR-S5 1 2026-12-16");
    assertThat(after.escalations().get(1).reason()).contains("since 4 Dec (27 days; stale when the cycle ended)");
    // what changed since 29 Dec: KR-S5 reached its 14 days on 30 Dec, before the end, so it is new; KR-S6 rose nowhere
    assertThat(after.changes().newEscalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.fromLevel())
        .containsExactly("KR-S5 1 null");
  }
}
