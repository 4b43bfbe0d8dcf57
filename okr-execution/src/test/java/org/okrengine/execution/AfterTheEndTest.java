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
 * never; KR-S5 off track from 16 Dec) and a customer-experience quarter (cx-2026-q2.json: 1 Apr to 30 Jun 2026, UTC,
 * weekly check-ins; KR-C3 backlog 400 -> 100 at 260 on 15 May, KR-C5 renewal rate kept at or above 90% at 93% on 15
 * May, KR-C1 NPS 30 -> 40 at 42 on 15 May, none heard of after).
 */
class AfterTheEndTest {
  static final OkrCycle SALES = read("sales-2026-q4.json");
  static final OkrCycle CX = read("cx-2026-q2.json");

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
    // since 4 Dec (27 whole days to 31 Dec: level 1, under the 28 of level 2), KR-S5 at risk below 25% since its
    // check-in of 25 Nov (23%), held while its chance rose with silence alone to 26% by 12 Dec (the hold) until its
    // check-in of 16 Dec took it to 9%, off track: 36 days, level 2; KR-S8, no check-in all quarter, silent for more than its 28-day limit from 30 Oct on, 28 days
    // more by 27 Nov: level 2 (NoCheckInTest)
    CycleReport last = ExecutionEngine.withDefaults().analyze(SALES, at("2026-12-31T23:59:00-05:00"));
    assertThat(last.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since())
        .containsExactly("KR-S8 2 2026-10-30", "KR-S7 2 2026-11-18", "KR-S5 2 2026-11-25", "KR-S6 1 2026-12-04");
    // five days after the end the same: nothing is escalated after the end (the run counted to 1 Jan, the end
    // instant's date, made KR-S6's 28 days and took it to leadership, "up from level 1")
    CycleReport after = ExecutionEngine.withDefaults().analyze(SALES, at("2027-01-05T00:00:00-05:00"));
    assertThat(after.escalations()).extracting(e -> e.subject() + " " + e.level() + " " + e.since())
        .containsExactly("KR-S8 2 2026-10-30", "KR-S7 2 2026-11-18", "KR-S5 2 2026-11-25", "KR-S6 1 2026-12-04");
    assertThat(after.escalations().get(3).reason()).contains("since 4 Dec (27 days; stale when the cycle ended)");
    // what changed since 29 Dec: nothing new (KR-S5 at leadership since 23 Dec, 28 days into its held run; KR-S6 rose
    // nowhere after the end)
    assertThat(after.changes().newEscalations()).isEmpty();
  }

  @Test
  void outcome_staleAtTheEnd_metOrNotByItsLastCheckIn_asTheJsonHasIt() {
    // 5 Jul, after the 30 Jun end: silent since 15 May, 47 days to the end instant (1 Jul), over the 14-day limit
    CycleReport r = ExecutionEngine.withDefaults().analyze(CX, at("2026-07-05T00:00:00Z"));
    KeyResultReport c3 = row(r, "KR-C3");
    KeyResultReport c5 = row(r, "KR-C5");
    assertThat(c3.status()).isEqualTo(org.okrengine.model.Status.STALE);
    assertThat(c5.status()).isEqualTo(org.okrengine.model.Status.STALE);
    assertThat(c3.daysSinceCheckIn()).isEqualTo(47);
    // the outcome (README, "How the forecast works"): the latest check-in up to the end; 400 -> 260 of 400 -> 100 is
    // (400 - 260) / 300 = 47% of the way, not met (0); 93% keeps 90% (1)
    assertThat(c3.forecast().probabilityOfTarget()).isEqualTo(0.0);
    assertThat(c5.forecast().probabilityOfTarget()).isEqualTo(1.0);
    // okr explain and the prompt say the same, and how old that check-in was (they read "not known to have been
    // met" beside the JSON's 0 and 1)
    assertThat(Insights.ended(c3)).isEqualTo("ended at 47%, not met as of its last check-in, 47 days before the end");
    assertThat(Insights.ended(c5)).isEqualTo("ended 3 points above the threshold of 90%, met as of its last check-in, "
        + "47 days before the end");
    // KR-C1 met its target at 42 on 15 May: achieved, its outcome met without more words (the status rule puts a
    // met target before the stale one)
    assertThat(Insights.ended(row(r, "KR-C1"))).isEqualTo("ended at 120%, met");
    // the page's "Met" column likewise (it read "unknown")
    String page = HtmlReportWriter.write(CX, r);
    assertThat(page).contains("yes (as of its last check-in)").contains("no (as of its last check-in)")
        .doesNotContain(">unknown<");
  }
}
