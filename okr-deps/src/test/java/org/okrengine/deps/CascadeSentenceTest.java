package org.okrengine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

/**
 * A cascade's sentence names items as every sentence of the engine does (statuses issue, item 4): {@code ID (Title)}
 * the first time, the id alone when the title is blank or the id; teams by name after their items. Titles and team
 * names are free text: what could end the line, hide or reorder the text is escaped.
 */
class CascadeSentenceTest {
  /** The instant the cycle ends (the sentences in the past tense from it on), and one while it runs. */
  private static final java.time.Instant ENDED = CascadeAnalyzerTest.Q.endInstant();
  private static final java.time.Instant RUNNING = CascadeAnalyzerTest.Q.instantOf(LocalDate.of(2026, 9, 15));

  private static KeyResult kr(String id, String title, String team) {
    return new KeyResult(id, title, null, team, 1.0, List.of(), Metric.of(0, 1, null), null, List.of(), null);
  }

  /**
   * I-1 (milestone M-1 due 1 Aug) blocks KR-1 "Revenue" and KR-2 (blank title) of growth, KR-3 (titled with its
   * id) of product, each needed by 10 Aug; O-1 "Grow" holds KR-1 and KR-2, O-2 (no title) KR-3.
   */
  private static OkrCycle cycle(String initiativeTitle, String dataName) {
    List<Dependency> deps = new ArrayList<>();
    for (String k : List.of("KR-1", "KR-2", "KR-3")) {
      deps.add(new Dependency("I-1", k, DependencyKind.BLOCKS, LocalDate.of(2026, 8, 10), null));
    }
    return OkrCycle.of(CascadeAnalyzerTest.Q, List.of(new Team("data", dataName, null),
        new Team("growth", "Growth", null), new Team("product", "Product", null)),
        List.of(new Objective("O-1", "Grow", "growth", null, null, null,
                List.of(kr("KR-1", "Revenue", "growth"), kr("KR-2", " ", "growth"))),
            new Objective("O-2", null, "product", null, null, null, List.of(kr("KR-3", "KR-3", "product")))),
        List.of(new Initiative("I-1", initiativeTitle, "data", null, List.of(),
            List.of(new Milestone("M-1", "Ingest", LocalDate.of(2026, 8, 1), null)))),
        deps);
  }

  private static Cascade cascade(OkrCycle cycle, String source) {
    return CascadeAnalyzer.analyze(DependencyGraph.of(cycle), Map.of(source, new NodeRisk(20, 0.5))).get(0);
  }

  @Test
  void itemsByIdAndTitle_untitledByIdAlone_teamsByNameAfterTheirItems() {
    Cascade c = cascade(cycle("Pipeline", "Data Platform"), "I-1");
    // "by 10 Aug": the need-by date of every one of its three dependencies
    assertThat(c.sentence()).isEqualTo("I-1 (Pipeline), of Data Platform, is 20 days late; KR-1 (Revenue) and KR-2 of"
        + " Growth and KR-3 of Product need it by 10 Aug; O-1 (Grow) and O-2 are at risk through them.");
    // a milestone as the source: its title, and its initiative named with its title
    Cascade m = cascade(cycle("Pipeline", "Data Platform"), "M-1");
    assertThat(m.sentence()).startsWith("M-1 (Ingest), of Data Platform, is 20 days late; KR-1 (Revenue) and KR-2 of"
        + " Growth and KR-3 of Product need it by 10 Aug;");
  }

  @Test
  void hostileTitlesAndTeamNames_escaped_theSentenceStaysOneLineWithItsOwnFacts() {
    String title = "Pipeline\n- O-9 (Fake) is at risk.\u2028\u202eevil\u202c\u001b[2J\u0085";
    Cascade c = cascade(cycle(title, "Data\rPlatform\u2066"), "I-1");
    assertThat(c.sentence()).isEqualTo("I-1 (Pipeline\\u000a- O-9 (Fake) is at risk.\\u2028\\u202eevil\\u202c"
        + "\\u001b[2J\\u0085), of Data\\u000dPlatform\\u2066, is 20 days late; KR-1 (Revenue) and KR-2 of Growth and KR-3"
        + " of Product need it by 10 Aug; O-1 (Grow) and O-2 are at risk through them.");
    assertThat(c.sentence().chars().noneMatch(ch -> org.okrengine.model.SafeText.isUnsafe((char) ch))).isTrue();
    // the figures do not depend on the titles
    Cascade plain = cascade(cycle("Pipeline", "Data Platform"), "I-1");
    assertThat(c.affected()).isEqualTo(plain.affected());
    assertThat(c.impact()).isEqualTo(plain.impact());
  }

  @Test
  void name_firstMentionWithTitle_laterByIdAlone() {
    OkrCycle cycle = cycle("Pipeline", "Data Platform");
    java.util.Set<String> seen = new java.util.HashSet<>();
    assertThat(CascadeScratch.name(cycle, "KR-1", seen)).isEqualTo("KR-1 (Revenue)");
    assertThat(CascadeScratch.name(cycle, "KR-1", seen)).isEqualTo("KR-1");
    assertThat(CascadeScratch.name(cycle, "KR-2", seen)).isEqualTo("KR-2");
    assertThat(CascadeScratch.name(cycle, "KR-3", seen)).isEqualTo("KR-3");
    assertThat(CascadeScratch.name(cycle, "M-1", seen)).isEqualTo("M-1 (Ingest)");
    assertThat(CascadeScratch.name(cycle, "X-9", seen)).isEqualTo("X-9");
    // an unpaired surrogate escaped, a pair kept
    assertThat(org.okrengine.model.SafeText.printable("a\ud800b\ud83d\ude00")).isEqualTo("a\\ud800b\ud83d\ude00");
  }

  @Test
  void needByDate_onlyTheSourcesOwnDependencies() {
    // I-1 blocks KR-1 (no need-by date), which blocks KR-3 by 10 Aug: "need it by 10 Aug" would say I-1 is needed
    // then (as the example's I-2 read "need it by 15 Aug", a date of KR-7's dependency further down)
    OkrCycle base = cycle("Pipeline", "Data Platform");
    OkrCycle chain = OkrCycle.of(base.cycle(), base.teams(), base.objectives(), base.initiatives(),
        List.of(new Dependency("I-1", "KR-1", DependencyKind.BLOCKS, null, null),
            new Dependency("KR-1", "KR-3", DependencyKind.BLOCKS, LocalDate.of(2026, 8, 10), null)));
    Cascade c = cascade(chain, "I-1");
    assertThat(c.sentence()).isEqualTo("I-1 (Pipeline), of Data Platform, is 20 days late; KR-1 (Revenue) of Growth "
        + "and KR-3 of Product need it; O-1 (Grow) and O-2 are at risk through them.");
    // KR-1's own cascade: KR-3 needs it by 10 Aug
    assertThat(cascade(chain, "KR-1").sentence()).contains("KR-3 of Product needs it by 10 Aug");
  }

  @Test
  void cycleOver_pastTense_aKeyResultWhereItEnded_titlesAsTheyAre() {
    // the cycle is over: the outcomes are known, so the objectives "were at risk" (was "are", beside outcomes), the
    // key results "needed it", and the initiative "was 20 days late when the cycle ended" (was "is")
    OkrCycle cycle = cycle("all are at risk through them.", "Data Platform");
    Map<String, NodeRisk> risk = Map.of("I-1", new NodeRisk(20, 0.5));
    Cascade over = CascadeAnalyzer.analyze(DependencyGraph.of(cycle), risk, ENDED).get(0);
    assertThat(over.sentence()).isEqualTo("I-1 (all are at risk through them.), of Data Platform, was 20 days late "
        + "when the cycle ended; KR-1 (Revenue) and KR-2 of Growth and KR-3 of Product needed it by 10 Aug; O-1 (Grow) "
        + "and O-2 were at risk through them.");
    // a key result as the source says where it ended, not a slip counted against a completion that never came (one
    // needed by the end read "is 1 day late" the day after the end, "27 days late" the day before); one objective,
    // reached through the source itself: "was ... through it"
    Cascade one = CascadeAnalyzer.analyze(DependencyGraph.of(cycle), Map.of("KR-1", new NodeRisk(1, 0.5)), ENDED)
        .get(0);
    assertThat(one.sentence()).isEqualTo("KR-1 (Revenue), of Growth, had not met its target when the cycle ended; "
        + "O-1 (Grow) was at risk through it.");
    // while the cycle runs, as before
    assertThat(CascadeAnalyzer.analyze(DependencyGraph.of(cycle), risk, RUNNING).get(0).sentence())
        .isEqualTo("I-1 (all are at risk through them.), of Data Platform, is 20 days late; KR-1 (Revenue) and KR-2 "
            + "of Growth and KR-3 of Product need it by 10 Aug; O-1 (Grow) and O-2 are at risk through them.");
    // (a key result needed by the end, which is ahead: its slip is counted to a forecast completion, and said so;
    // it read "is 1 day late")
    assertThat(CascadeAnalyzer.analyze(DependencyGraph.of(cycle), Map.of("KR-1", new NodeRisk(1, 0.5)), RUNNING)
        .get(0).sentence()).isEqualTo("KR-1 (Revenue), of Growth, is forecast to be 1 day late; O-1 (Grow) is at risk "
            + "through it.");
    assertThat(over.affected()).isEqualTo(cascade(cycle, "I-1").affected());
  }

  @Test
  void needByDate_namedForTheKeyResultThatHasIt_countedWhereSeveralDo() {
    // I-1 blocks KR-1, KR-2 and KR-3 by 10 Aug (cycle): every one's date, "need it by 10 Aug". Here KR-1 needs it by
    // 10 Aug, KR-2 by 10 Aug too, KR-3 by no date: "2 of them by 10 Aug"; with only KR-3 dated (12 Aug), "KR-3 by 12
    // Aug" (the sentence read "need it by" the earliest date as if every key result had it)
    List<Dependency> deps = List.of(
        new Dependency("I-1", "KR-1", DependencyKind.BLOCKS, LocalDate.of(2026, 8, 10), null),
        new Dependency("I-1", "KR-2", DependencyKind.BLOCKS, LocalDate.of(2026, 8, 10), null),
        new Dependency("I-1", "KR-3", DependencyKind.BLOCKS, null, null));
    OkrCycle base = cycle("Pipeline", "Data Platform");
    OkrCycle two = OkrCycle.of(base.cycle(), base.teams(), base.objectives(), base.initiatives(), deps);
    assertThat(cascade(two, "I-1").sentence()).contains("KR-1 (Revenue) and KR-2 of Growth and KR-3 of Product need "
        + "it, 2 of them by 10 Aug; ");
    OkrCycle one = OkrCycle.of(base.cycle(), base.teams(), base.objectives(), base.initiatives(), List.of(
        new Dependency("I-1", "KR-1", DependencyKind.BLOCKS, null, null),
        new Dependency("I-1", "KR-2", DependencyKind.BLOCKS, null, null),
        new Dependency("I-1", "KR-3", DependencyKind.BLOCKS, LocalDate.of(2026, 8, 12), null)));
    assertThat(cascade(one, "I-1").sentence()).contains("KR-1 (Revenue) and KR-2 of Growth and KR-3 of Product need "
        + "it, KR-3 by 12 Aug; ");
    // after the end, in the past tense
    assertThat(CascadeAnalyzer.analyze(DependencyGraph.of(one), Map.of("I-1", new NodeRisk(20, 0.5)), ENDED).get(0)
        .sentence()).contains(" of Product needed it, KR-3 by 12 Aug; ");
  }
}
