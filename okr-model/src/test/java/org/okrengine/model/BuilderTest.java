package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.json.CycleJson;

/** The builders of the cycle types: equal to what the JSON reader reads, and their problems named by item. */
class BuilderTest {
  private static final CycleJson JSON = CycleJson.withDefaults();

  /** The document of the README's "Formats" section, which its "Building a cycle in code" section builds. */
  private static final String README_JSON = """
      { "format": "okr-cycle/1",
        "cycle": { "id": "2026-Q3", "start": "2026-07-01", "end": "2026-09-30", "zone": "Europe/Oslo" },
        "teams": [ { "id": "growth", "name": "Growth" } ],
        "objectives": [ { "id": "O-1", "title": "...", "team": "growth", "keyResults": [
          { "id": "KR-1", "title": "...", "metric": { "baseline": 1.2, "target": 2.0, "direction": "increase" },
            "checkIns": [ { "at": "2026-07-08T09:00:00Z", "value": 1.25, "confidence": 0.8 } ] } ] } ] }
      """;

  /** The README's builder example, as it is printed there. */
  private static OkrCycle readmeCycle() {
    return OkrCycle.builder("2026-Q3")
        .start(LocalDate.of(2026, 7, 1)).end(LocalDate.of(2026, 9, 30)).zone("Europe/Oslo")
        .team("growth", "Growth")
        .objective(Objective.builder("O-1").title("...").team("growth")
            .keyResult(KeyResult.builder("KR-1").title("...").metric(Metric.increase(1.2, 2.0))
                .checkIn(CheckIn.builder(Instant.parse("2026-07-08T09:00:00Z"), 1.25).confidence(0.8))))
        .build();
  }

  private static OkrCycle example() throws Exception {
    return JSON.read(Path.of("..", "examples", "acme-2026-q3.json")).cycle();
  }

  /** A valid cycle of one team and one objective with {@code kr} as its only key result. */
  private static OkrCycle.Builder oneKeyResult(KeyResult.Builder kr) {
    return OkrCycle.builder("C").start(LocalDate.of(2026, 7, 1)).end(LocalDate.of(2026, 9, 30))
        .team("t", null)
        .objective(Objective.builder("O-1").team("t").keyResult(kr));
  }

  private static List<String> problems(Runnable build) {
    InvalidCycleException e = catchThrowableOfType(InvalidCycleException.class, build::run);
    assertThat(e).as("expected the build to fail").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void readmeExample_equalsTheJsonItSitsBeside() throws Exception {
    OkrCycle cycle = readmeCycle();
    assertThat(cycle).isEqualTo(JSON.read(README_JSON).cycle());
    OkrCycle next = cycle.withCheckIn("KR-1", CheckIn.of(Instant.parse("2026-07-15T09:00:00Z"), 1.31));
    assertThat(next.checkIns("KR-1")).extracting(CheckIn::value).containsExactly(1.25, 1.31);
    assertThat(cycle.checkIns("KR-1")).extracting(CheckIn::value).containsExactly(1.25);
    // the README shows both, as copied here
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(readme).contains(
        "      \"checkIns\": [ { \"at\": \"2026-07-08T09:00:00Z\", \"value\": 1.25, \"confidence\": 0.8 } ] } ] } ] }",
        "        .keyResult(KeyResult.builder(\"KR-1\").title(\"...\").metric(Metric.increase(1.2, 2.0))\n"
            + "            .checkIn(CheckIn.builder(Instant.parse(\"2026-07-08T09:00:00Z\"), 1.25).confidence(0.8))))",
        "OkrCycle next = cycle.withCheckIn(\"KR-1\", CheckIn.of(Instant.parse(\"2026-07-15T09:00:00Z\"), 1.31));");
  }

  @Test
  void example_toBuilderBuild_equalsTheJsonReadCycle() throws Exception {
    OkrCycle read = example();
    OkrCycle rebuilt = read.toBuilder().build();
    assertThat(rebuilt).isEqualTo(read);
    // and item by item, so that a difference is easy to find
    assertThat(rebuilt.keyResults()).containsExactlyElementsOf(read.keyResults());
    assertThat(rebuilt.initiatives()).containsExactlyElementsOf(read.initiatives());
    assertThat(rebuilt.dependencies()).containsExactlyElementsOf(read.dependencies());
  }

  @Test
  void example_writtenByBuildersItemByItem_equalsTheJsonReadCycle() throws Exception {
    OkrCycle read = example();
    OkrCycle.Builder b = OkrCycle.builder(read.cycle().id()).cycle(read.cycle());
    read.teams().forEach(t -> b.team(t.id(), t.name(), t.parent()));
    for (Objective o : read.objectives()) {
      Objective.Builder ob = Objective.builder(o.id()).title(o.title()).team(o.team()).owner(o.owner())
          .parent(o.parent()).commitment(o.commitment());
      for (KeyResult kr : o.keyResults()) {
        KeyResult.Builder kb = KeyResult.builder(kr.id()).title(kr.title()).owner(kr.owner()).team(kr.team())
            .weight(kr.weight()).tags(kr.tags()).metric(kr.metric().toBuilder()).plan(kr.plan());
        for (CheckIn c : kr.checkIns()) {
          kb.checkIn(CheckIn.builder(c.at(), c.value()).confidence(c.confidence()).note(c.note())
              .blockers(c.blockers()).source(c.source()));
        }
        ob.keyResult(kb.result(kr.result()));
      }
      b.objective(ob);
    }
    for (Initiative i : read.initiatives()) {
      Initiative.Builder ib = Initiative.builder(i.id()).title(i.title()).team(i.team()).owner(i.owner())
          .keyResults(i.keyResults());
      i.milestones().forEach(m -> ib.milestone(m.id(), m.title(), m.due(), m.completed()));
      b.initiative(ib);
    }
    read.dependencies().forEach(d -> b.dependency(d.upstream(), d.downstream(), d.kind(), d.needBy(), d.note()));
    assertThat(b.build()).isEqualTo(read);
  }

  @Test
  void build_metricTargetEqualsBaseline_namesKeyResultAndField() {
    // the example: KR-7.metric with baseline and target both 5
    assertThat(problems(() -> oneKeyResult(KeyResult.builder("KR-7").metric(Metric.increase(5, 5))).build()))
        .containsExactly("KR-7.metric: target must differ from baseline (both 5.0)");
    assertThat(problems(() -> KeyResult.builder("KR-7").team("t").metric(Metric.increase(5, 5)).build()))
        .containsExactly("KR-7.metric: target must differ from baseline (both 5.0)");
    assertThat(problems(() -> Metric.increase(5, 5).build()))
        .containsExactly("metric.target: must differ from baseline (both 5.0)");
  }

  @Test
  void build_targetOnTheWrongSide_namesKeyResultAndBothValues() {
    assertThat(problems(() -> oneKeyResult(KeyResult.builder("KR-5").metric(Metric.decrease(9, 9.5))).build()))
        .containsExactly("KR-5.metric: target must be below baseline for direction decrease (target 9.5, baseline 9.0)");
    assertThat(problems(() -> Metric.increase(10, 5).build()))
        .containsExactly("metric.target: must be above baseline for direction increase (target 5.0, baseline 10.0)");
  }

  @Test
  void build_manyProblems_listsEveryOneNamedByItem() {
    OkrCycle.Builder b = OkrCycle.builder("C").start(LocalDate.of(2026, 7, 1)).end(LocalDate.of(2026, 6, 30))
        .team("t", null, "nobody")
        .objective(Objective.builder("O-1").team("growthh")
            .keyResult(KeyResult.builder("KR-1").weight(-1).metric(Metric.increase(5, 5).min(10.0)))
            .keyResult(KeyResult.builder("KR-2").metric(Metric.achieve())
                .checkIn(Instant.parse("2026-07-08T09:00:00Z"), 0.5)
                .checkIn(CheckIn.builder(Instant.parse("2026-07-09T09:00:00Z"), 1).confidence(1.5)))
            .keyResult(KeyResult.builder("KR-3")))
        .objective(Objective.builder("O-2").team("t").parent("O-9")
            .keyResult(KeyResult.builder("KR-1").metric(Metric.decrease(10, 2))))
        .initiative(Initiative.builder("I-1").team("t").keyResults("KR-4")
            .milestone("M-1", null, LocalDate.of(2301, 1, 1)))
        .dependency("KR-2", "KR-2", DependencyKind.BLOCKS)
        .dependency("KR-3", "I-1", null);
    assertThat(problems(b::build)).containsExactly(
        "cycle.end: must not be before start (2026-06-30 < 2026-07-01)",
        "O-1.keyResults[0].weight: must not be negative: -1.0",
        "O-1.keyResults[0].metric: target must differ from baseline (both 5.0)",
        "O-1.keyResults[0].metric: baseline must not be below min (5.0 < 10.0)",
        "O-1.keyResults[0].metric: target must not be below min (5.0 < 10.0)",
        "KR-2.checkIns[0]: value must be 0 or 1 for direction achieve: 0.5",
        "KR-2.checkIns[1]: confidence must be within 0..1: 1.5",
        "KR-3.metric: missing",
        "M-1.due: must be within 1900-01-01..2200-12-31: 2301-01-01",
        "dependencies[1].kind: missing",
        // then the reference check's, as the reader orders them: duplicates and self-dependencies, references
        "O-2.keyResults[0].id: duplicate id \"KR-1\" (first at O-1.keyResults[0].id)",
        "dependencies[0].downstream: must differ from upstream (both \"KR-2\")",
        "t.parent: unknown team \"nobody\"",
        "O-1.team: unknown team \"growthh\"",
        "O-2.parent: unknown objective \"O-9\"",
        "I-1.keyResults[0]: unknown key result \"KR-4\"");
  }

  @Test
  void build_checkInOutsideWindow_namesIt() {
    // the cycle runs from 2026-07-01T00:00Z to 2026-10-01T00:00Z (92 days, UTC); its window one length (92 days)
    // before the start, 2026-03-31, to one after the end, 2027-01-01
    assertThat(problems(() -> oneKeyResult(KeyResult.builder("KR-1").metric(Metric.increase(0, 10))
        .checkIn(Instant.parse("2027-07-01T00:00:00Z"), 3)).build()))
        .containsExactly("KR-1.checkIns[0]: at must be within 2026-03-31T00:00:00Z..2027-01-01T00:00:00Z"
            + " (one cycle length before the start to one after the end): 2027-07-01T00:00:00Z");
  }

  @Test
  void build_numberJsonCannotHold_namedAsTheReaderNamesIt() {
    assertThat(problems(() -> oneKeyResult(KeyResult.builder("KR-1").metric(Metric.increase(0, Double.NaN)))
        .build())).containsExactly("KR-1.metric: target must be finite: NaN");
  }

  @Test
  void build_keyResultAlone_needsItsTeam() {
    assertThat(problems(() -> KeyResult.builder("KR-1").metric(Metric.increase(0, 10)).build()))
        .containsExactly("KR-1.team: missing");
    assertThat(problems(() -> KeyResult.builder(" ").team("t").metric(Metric.increase(0, 10)).build()))
        .containsExactly("keyResult.id: must not be blank");
  }

  @Test
  void build_unpairedSurrogate_refusedAsTheReaderRefusesIt() {
    assertThat(problems(() -> oneKeyResult(KeyResult.builder("KR-1").title("Pipeline \ud800").tags("a\udc00")
        .metric(Metric.increase(0, 10))).build()))
        .containsExactly("KR-1.title: contains an unpaired surrogate (\\ud800)",
            "KR-1.tags[0]: contains an unpaired surrogate (\\udc00)");
    assertThat(problems(() -> OkrCycle.builder("C").start(LocalDate.of(2026, 7, 1)).end(LocalDate.of(2026, 9, 30))
        .team("t", "Team \udfff", null).build()))
        .containsExactly("t.name: contains an unpaired surrogate (\\udfff)");
    assertThat(problems(() -> Objective.builder("O-1").title("\ud83d").team("t").build()))
        .containsExactly("O-1.title: contains an unpaired surrogate (\\ud83d)");
  }

  @Test
  void build_idOfNoBreakSpaces_blankAsTheSchemaSays() {
    assertThat(problems(() -> KeyResult.builder("\u00a0").team("t").metric(Metric.increase(0, 10)).build()))
        .containsExactly("keyResult.id: must not be blank");
    assertThatThrownBy(() -> new Team("\u00a0\u202f", null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be blank");
    assertThatThrownBy(() -> new Team("t\ud800", null, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id contains an unpaired surrogate (\\ud800)");
  }

  @Test
  void build_defaults_asTheJsonReaderApplies() {
    KeyResult kr = KeyResult.builder("KR-1").team("t").metric(Metric.maintainAbove(99.5).unit("%")).build();
    assertThat(kr.title()).isEqualTo("KR-1");
    assertThat(kr.weight()).isEqualTo(1.0);
    assertThat(kr.plan()).isEqualTo(Plan.LINEAR);
    assertThat(kr.metric()).isEqualTo(new Metric(null, 99.5, Direction.MAINTAIN_ABOVE, "%"));
    Objective o = Objective.builder("O-1").team("t").build();
    assertThat(o.title()).isEqualTo("O-1");
    assertThat(o.commitment()).isEqualTo(Commitment.COMMITTED);
  }

  @Test
  void withCheckIn_returnsNewValue_replacingTheSameInstant() {
    Instant at = Instant.parse("2026-07-08T09:00:00Z");
    KeyResult kr = KeyResult.builder("KR-1").team("t").metric(Metric.increase(0, 10)).checkIn(at, 2).build();
    KeyResult later = kr.withCheckIn(CheckIn.of(at.plusSeconds(86_400), 3));
    KeyResult replaced = later.withCheckIn(CheckIn.of(at, 4));
    assertThat(kr.checkIns()).extracting(CheckIn::value).containsExactly(2.0);
    assertThat(later.checkIns()).extracting(CheckIn::value).containsExactly(2.0, 3.0);
    assertThat(replaced.checkIns()).extracting(CheckIn::value).containsExactly(4.0, 3.0);
  }

  @Test
  void withCheckIn_onTheCycle_validatedWithinIt() throws Exception {
    OkrCycle cycle = example();
    Instant at = Instant.parse("2026-08-20T09:00:00Z");
    OkrCycle next = cycle.withCheckIn("KR-1", CheckIn.of(at, 1.6));
    assertThat(next.keyResult("KR-1").orElseThrow().latestCheckIn(at).orElseThrow().value()).isEqualTo(1.6);
    assertThat(cycle.keyResult("KR-1").orElseThrow().latestCheckIn(at).orElseThrow().value()).isNotEqualTo(1.6);
    assertThat(next.keyResults().size()).isEqualTo(cycle.keyResults().size());
    // KR-7 is an achieve key result (examples/acme-2026-q3.json), so 0.5 is not a value it takes
    int index = cycle.keyResult("KR-7").orElseThrow().checkIns().size(); // appended after the last, in time order
    assertThat(problems(() -> cycle.withCheckIn("KR-7", CheckIn.of(Instant.parse("2026-09-29T09:00:00Z"), 0.5))))
        .containsExactly("KR-7.checkIns[" + index + "]: value must be 0 or 1 for direction achieve: 0.5");
    assertThatThrownBy(() -> cycle.withCheckIn("KR-99", CheckIn.of(at, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("KR-99");
  }

  @Test
  void builders_handedOn_areCopied() {
    KeyResult.Builder kr = KeyResult.builder("KR-1").metric(Metric.increase(0, 10));
    Objective.Builder o = Objective.builder("O-1").team("t").keyResult(kr);
    kr.metric(Metric.increase(5, 5)).title("changed");
    Objective built = o.build();
    assertThat(built.keyResults().get(0).title()).isEqualTo("KR-1");
    assertThat(built.keyResults().get(0).metric().baseline()).isEqualTo(0.0);
  }

  @Test
  void existingConstructors_stillTakeWhatTheyTook() {
    // an objective without a title takes its id, now in JSON too
    assertThat(new Objective("O-1", null, "t", null, null, null, List.of()).title()).isEqualTo("O-1");
    assertThat(JSON.read(README_JSON.replace("\"title\": \"...\", \"team\"", "\"team\"")).cycle()
        .objective("O-1").orElseThrow().title()).isEqualTo("O-1");
  }

  @Test
  void warnings_loggedOnOneLine_withControlCharactersEscaped() {
    // a key result id is free text; what the builders log of it stays one line
    assertThat(SafeText.printable("KR-1\n.checkIns[0]\u2028x\ty")).isEqualTo("KR-1\\u000a.checkIns[0]\\u2028x\\u0009y");
    // a value above the metric's max is a warning, not a problem: built and kept as given, as the reader keeps it
    KeyResult kr = KeyResult.builder("KR-1").team("t").metric(Metric.increase(0, 10).max(100.0))
        .checkIn(Instant.parse("2026-07-08T09:00:00Z"), 150).build();
    assertThat(kr.checkIns()).extracting(CheckIn::value).containsExactly(150.0);
  }

  @Test
  void everyField_equalsWhatTheConstructorsMake() {
    Instant at = Instant.parse("2026-07-08T09:00:00Z");
    KeyResult built = KeyResult.builder("KR-9").title("Response time").owner("ana").team("support").weight(2)
        .tags("support", "sla").metric(Metric.maintainBelow(4).baseline(9.0).unit("hours").min(0.0))
        .plan(PlanShape.S_CURVE)
        .checkIn(CheckIn.builder(at, 5).confidence(0.6).note("queue").blockers("hiring").source("zendesk"))
        .result(3.5).build();
    KeyResult made = new KeyResult("KR-9", "Response time", "ana", "support", 2, List.of("support", "sla"),
        new Metric(9.0, 4, Direction.MAINTAIN_BELOW, "hours", 0.0, null, null), Plan.of(PlanShape.S_CURVE),
        List.of(new CheckIn(at, 5, 0.6, "queue", List.of("hiring"), "zendesk")), Result.of(3.5));
    assertThat(built).isEqualTo(made);
    assertThat(made.toBuilder().build()).isEqualTo(made);
    assertThat(Metric.builder(Direction.INCREASE).direction(Direction.DECREASE).baseline(10.0).target(2).build())
        .isEqualTo(Metric.decrease(10, 2).build());
    Milestone m = new Milestone("M-1", "Beta", LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 5));
    assertThat(Initiative.builder("I-1").team("t").milestone(m).build().milestones()).containsExactly(m);
    assertThat(OkrCycle.builder("C").start(LocalDate.of(2026, 7, 1)).end(LocalDate.of(2026, 9, 30))
        .team(Team.of("t")).dependency(Dependency.of("I-1", "I-2", DependencyKind.SHARES_RESOURCE))
        .initiative(Initiative.builder("I-1").team("t")).initiative(Initiative.builder("I-2").team("t"))
        .build().dependencies()).containsExactly(Dependency.of("I-1", "I-2", DependencyKind.SHARES_RESOURCE));
  }

  @Test
  void planPoints_andStandaloneParts_build() {
    KeyResult kr = KeyResult.builder("KR-1").team("t").metric(Metric.increase(0, 10))
        .planPoint(LocalDate.of(2026, 8, 1), 4).planPoint(LocalDate.of(2026, 9, 1), 8).build();
    assertThat(kr.plan()).isEqualTo(new Plan.Points(List.of(new PlanPoint(LocalDate.of(2026, 8, 1), 4),
        new PlanPoint(LocalDate.of(2026, 9, 1), 8))));
    assertThat(problems(() -> KeyResult.builder("KR-1").team("t").metric(Metric.increase(0, 10))
        .planPoint(LocalDate.of(2026, 8, 1), 4).planPoint(LocalDate.of(2026, 8, 1), 8).build()))
        .containsExactly("KR-1.plan: points[1].date same date as points[0] (2026-08-01)");
    assertThat(problems(() -> CheckIn.builder(Instant.parse("2026-07-08T09:00:00Z"), 1).confidence(2.0).build()))
        .containsExactly("checkIn.confidence: must be within 0..1: 2.0");
    Initiative i = Initiative.builder("I-1").team("t").keyResults("KR-1")
        .milestone("M-1", "Beta", LocalDate.of(2026, 8, 1)).build();
    assertThat(i.toBuilder().build()).isEqualTo(i);
    assertThat(Metric.achieve().toBuilder().build()).isEqualTo(Metric.achieve());
  }
}
