package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Team;

/**
 * Sentences name an item as {@code ID (Title)} the first time, the id alone after that in the same sentence, and the
 * id alone when the item has no title or its title is its id (statuses issue, item 4). Generated cycles: datadog
 * feeds three key results every 7 days; KR-1 has a title, KR-2 none, KR-3's title is its id.
 */
class TitlesInSentencesTest {
  private static KeyResult titled(String id, String title, int lastDay) {
    KeyResult k = SourceHealthTest.fed(id, "datadog", lastDay);
    return new KeyResult(k.id(), title, k.owner(), k.team(), k.weight(), k.tags(), k.metric(), k.plan(), k.checkIns(),
        null);
  }

  private static OkrCycle cycle(int lastOf1, int lastOfOthers) {
    return OkrCycle.of(ExecutionEngineTest.Q, List.of(Team.of("platform")), List.of(new Objective("O-1",
        "Keep the lights on", "platform", null, null, null, List.of(titled("KR-1", "Uptime", lastOf1),
            titled("KR-2", null, lastOfOthers), titled("KR-3", "KR-3", lastOfOthers)))));
  }

  private static int count(String s, String part) {
    return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void firstMentionWithItsTitle_laterMentionsAndUntitledItemsByIdAlone() {
    OkrCycle c = cycle(30, 90);
    assertThat(Causes.name(c, "KR-1")).isEqualTo("KR-1 (Uptime)");
    assertThat(Causes.name(c, "KR-2")).isEqualTo("KR-2");
    assertThat(Causes.name(c, "KR-3")).isEqualTo("KR-3");
    assertThat(Causes.name(c, "O-1")).isEqualTo("O-1 (Keep the lights on)");
    assertThat(Causes.name(c, "X-9")).isEqualTo("X-9");

    CycleReport r = ExecutionEngine.withDefaults().analyze(c, SourceHealthTest.day(45));
    Map<String, KeyResultReport> rows = r.keyResults().stream()
        .collect(Collectors.toMap(KeyResultReport::id, Function.identity()));
    assertThat(rows.get("KR-1").insight()).startsWith("KR-1 (Uptime) has had no check-in for 15 days;");
    assertThat(rows.get("KR-2").insight()).startsWith("KR-2 ").doesNotContain("KR-2 (");
    assertThat(rows.get("KR-3").insight()).startsWith("KR-3 ").doesNotContain("KR-3 (");
    // the same key result twice in one sentence: its title the first time only
    SourceHealthSummary s = r.sourceHealth().get(0);
    assertThat(s.reason()).isEqualTo("KR-1 (Uptime) gets its values from datadog, which sent the last one (99.9%) "
        + "on 31 Jul and nothing for 15 days, though it used to send one every 7 days: the data connection looks "
        + "broken, so nobody knows the status of KR-1.");
    assertThat(count(s.reason(), "KR-1")).isEqualTo(2);
    assertThat(count(s.reason(), "(Uptime)")).isEqualTo(1);
    assertThat(r.summary()).contains("The datadog data connection is broken: KR-1 (Uptime) has had no value from it "
        + "since 31 Jul.");
    assertThat(rows.get("KR-1").causes().get(0).sentence()).doesNotContain("KR-1");

    // a list of key results: the titled one with its title, the others by id alone
    CycleReport all = ExecutionEngine.withDefaults().analyze(cycle(30, 30), SourceHealthTest.day(45));
    assertThat(all.sourceHealth().get(0).reason()).startsWith("datadog has sent nothing for any of the 3 key "
        + "results it feeds (KR-1 (Uptime), KR-2 and KR-3) since 31 Jul");
    assertThat(all.summary()).contains("The datadog data connection is broken: KR-1 (Uptime), KR-2 and KR-3 have had "
        + "no value from it since 31 Jul.");
  }
}
