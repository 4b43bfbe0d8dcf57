package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Status;

/**
 * A key result with no check-in all quarter, as a manager's read found it: KR-S8 (Close $500k through channel
 * partners) of the sales quarter (sales-2026-q4.json: 1 Oct to 31 Dec 2026, America/New_York, check-ins agreed every
 * 14 days) read "no-data" and was never in "Needs attention", never escalated and never among those gone quiet. Its
 * stale limit, before any check-in: twice the agreed 14 days, 28 (at least 14, at most half the 92-day cycle).
 */
class NoCheckInTest {
  static CycleReport on(String instant) {
    return ExecutionEngine.withDefaults().analyze(AfterTheEndTest.SALES, AfterTheEndTest.at(instant));
  }

  @Test
  void noCheckIn_pastTheStaleLimitFromTheStart_needsAttentionAsAStaleOne() {
    // 16 Nov: 1 Oct to 16 Nov is 46 days without a check-in, over 28
    CycleReport r = on("2026-11-16T00:00:00-05:00");
    KeyResultReport s8 = AfterTheEndTest.row(r, "KR-S8");
    assertThat(s8.status()).isEqualTo(Status.NO_DATA);
    assertThat(s8.reasons()).anySatisfy(x -> {
      assertThat(x.code()).isEqualTo("no-check-ins");
      assertThat(x.evidence()).containsEntry("daysSinceStart", 46.0).containsEntry("staleAfterDays", 28.0);
    });
    assertThat(s8.silentSinceStart()).isTrue();
    assertThat(s8.needsAttention()).isTrue();
    assertThat(s8.causes()).extracting(c -> c.code() + ": " + c.sentence())
        .contains("silent: KR-S8 (Close $500k "
        + "through channel partners) has had no check-in since the cycle started on 1 Oct (46 days), longer than the 28 "
        + "days its agreed rhythm of check-ins allows.");
    // escalated as a stale one: counted from 30 Oct (29 days since the start, the first over 28), 14 days by 13 Nov,
    // so team-lead (level 1) on 16 Nov (17 days)
    assertThat(r.escalations()).filteredOn(e -> e.subject().equals("KR-S8"))
        .extracting(e -> e.level() + " " + e.since()).containsExactly("1 2026-10-30");
    // counted where attention is: its objective O-S2 (KR-S3 at risk and KR-S8) and its team, and the summary
    assertThat(r.objectives()).filteredOn(o -> o.id().equals("O-S2")).singleElement()
        .satisfies(o -> assertThat(o.needAttention()).isEqualTo(2));
    assertThat(r.teams()).filteredOn(t -> t.id().equals("partners")).singleElement()
        .satisfies(t -> assertThat(t.needAttention()).isEqualTo(2));
    assertThat(r.summary()).contains("1 without a check-in since the start");
  }

  @Test
  void noCheckIn_withinTheStaleLimit_noAttentionYet() {
    // 20 Oct: 19 days, under 28: nothing is due yet
    KeyResultReport s8 = AfterTheEndTest.row(on("2026-10-20T00:00:00-04:00"), "KR-S8");
    assertThat(s8.status()).isEqualTo(Status.NO_DATA);
    assertThat(s8.silentSinceStart()).isFalse();
    assertThat(s8.needsAttention()).isFalse();
    assertThat(s8.causes()).isEmpty();
  }

  @Test
  void noCheckIn_goneQuietWithItsTeam() {
    // 28 Dec: Partnerships' KR-S6 (last check-in 5 Nov) and KR-S7 (20 Oct) stale, KR-S8 never heard of: 3 of its 4
    // key results silent since 5 Nov, at least three quarters, so the team has gone quiet, KR-S8 among them (it was
    // left out: "KR-S7 and KR-S6")
    CycleReport r = on("2026-12-28T00:00:00-05:00");
    assertThat(r.summary()).contains("Partnerships: 3 of 4 key results without a check-in since 5 Nov");
    assertThat(r.escalationGroups()).filteredOn(g -> g.kind().equals(EscalationGroup.SILENT_TEAM)).singleElement()
        .satisfies(g -> assertThat(g.subjects()).containsExactlyInAnyOrder("KR-S6", "KR-S7", "KR-S8"));
    // escalated to leadership: 28 days from 30 Oct by 27 Nov
    assertThat(r.escalations()).filteredOn(e -> e.subject().equals("KR-S8"))
        .extracting(e -> e.level() + " " + e.since()).containsExactly("2 2026-10-30");
  }
}
