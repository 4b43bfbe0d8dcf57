package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link KeyResultReport#underItsHeading}, which the text report and the page use under "Needs attention". */
class KeyResultReportTest {
  private static KeyResultReport report(String id, String title) {
    return new KeyResultReport(id, title, "O-1", "t", Status.AT_RISK, 1.0, 0.1, 0.5, 3, null, List.of(), null);
  }

  @Test
  void underItsHeading_ownNameOnly_notTheTailOfAnotherItemsName() {
    // KR-1 and B-KR-1 share a title (a team's key result copying the parent's); under KR-1's heading only KR-1's
    // own name is shortened
    KeyResultReport r = report("KR-1", "Grow ARR to 10M");
    assertThat(r.underItsHeading("KR-1 (Grow ARR to 10M) is behind: B-KR-1 (Grow ARR to 10M) stalled; so did"
        + " (KR-1 (Grow ARR to 10M)).")).isEqualTo("KR-1 is behind: B-KR-1 (Grow ARR to 10M) stalled; so did (KR-1).");
    assertThat(r.underItsHeading("KR-12 (Grow ARR to 10M) and XKR-1 (Grow ARR to 10M)"))
        .isEqualTo("KR-12 (Grow ARR to 10M) and XKR-1 (Grow ARR to 10M)");
    assertThat(r.underItsHeading("KR-1 (Grow ARR to 10M) moved $5 a week")).isEqualTo("KR-1 moved $5 a week");
    assertThat(r.underItsHeading(null)).isNull();
    assertThat(report("KR-1", null).underItsHeading("KR-1 (x) moved")).isEqualTo("KR-1 (x) moved");
  }
}
