package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;

class ExampleGeneratorTest {
  static final OkrCycle Q3 = ExampleGenerator.currentCycle(ExampleGenerator.DEFAULT_SEED);
  static final OkrCycle Q2 = ExampleGenerator.previousCycle(ExampleGenerator.DEFAULT_SEED);

  static Instant week(int w) {
    return Q3.cycle().startInstant().plusSeconds(w * 7L * 86_400);
  }

  @Test
  void generate_sameSeedEqual_otherSeedDiffers() {
    assertThat(ExampleGenerator.currentCycle(ExampleGenerator.DEFAULT_SEED)).isEqualTo(Q3);
    assertThat(ExampleGenerator.currentCycle(7)).isNotEqualTo(Q3);
  }

  @Test
  void generate_sizeAndCoverage() {
    assertThat(Q3.teams().size() - 2).as("real teams besides company and eng").isGreaterThanOrEqualTo(6);
    assertThat(Q3.objectives()).hasSize(10);
    assertThat(Q3.keyResults()).hasSize(30);
    assertThat(Q3.initiatives().size()).isGreaterThanOrEqualTo(8);
    Set<Direction> directions = EnumSet.noneOf(Direction.class);
    Set<String> shapes = new HashSet<>();
    for (KeyResult kr : Q3.keyResults()) {
      directions.add(kr.metric().direction());
      shapes.add(kr.plan().shapeName());
    }
    assertThat(directions).containsExactlyInAnyOrder(Direction.values());
    assertThat(shapes).containsExactlyInAnyOrder("linear", "s-curve", "front-loaded", "back-loaded", "points");
    assertThat(Q3.hasResults()).isFalse();
    assertThat(Q2.keyResults()).allMatch(kr -> kr.result() != null && kr.result().selfScore() != null);
  }

  @Test
  void generate_checkInsAreIrregularAndRich() {
    long withNotes = Q3.keyResults().stream().flatMap(kr -> kr.checkIns().stream()).filter(c -> c.note() != null)
        .count();
    long withConfidence = Q3.keyResults().stream().flatMap(kr -> kr.checkIns().stream())
        .filter(c -> c.confidence() != null).count();
    long withSource = Q3.keyResults().stream().flatMap(kr -> kr.checkIns().stream())
        .filter(c -> c.source() != null).count();
    assertThat(withNotes).isGreaterThan(100);
    assertThat(withConfidence).isGreaterThan(100);
    assertThat(withSource).isGreaterThan(50);
    // check-ins reach into week 13 for the key results that keep reporting
    assertThat(Q3.keyResult("KR-1").orElseThrow().checkIns().get(Q3.keyResult("KR-1").orElseThrow().checkIns()
        .size() - 1).at()).isAfter(week(12));
  }

  @Test
  void story_supportStallsFromWeek5() {
    for (String id : List.of("KR-23", "KR-26")) {
      List<CheckIn> after = Q3.keyResult(id).orElseThrow().checkIns().stream()
          .filter(c -> c.at().isAfter(week(6))).toList();
      double first = after.get(0).value();
      assertThat(after).as(id).allMatch(c -> Math.abs(c.value() - first) <= 0.02 * 240 + 1e-9);
      assertThat(after).as(id).allMatch(c -> c.blockers().contains("hiring"));
    }
  }

  @Test
  void story_integrationStopsAfterWeek7() {
    KeyResult availability = Q3.keyResult("KR-14").orElseThrow();
    assertThat(availability.checkIns()).allMatch(c -> !c.at().isAfter(week(7).plusSeconds(86_400)));
    assertThat(availability.checkIns()).anyMatch(c -> "datadog".equals(c.source()));
    assertThat(Q3.keyResult("KR-15").orElseThrow().checkIns()).anyMatch(c -> c.at().isAfter(week(11)));
  }

  @Test
  void story_lateInitiativeBlocksAChainAcrossThreeTeams() {
    var m6 = Q3.milestone("M-6").orElseThrow();
    assertThat(m6.completed()).isNull();
    assertThat(m6.due()).isEqualTo(java.time.LocalDate.of(2026, 8, 5));
    var first = Q3.dependents("I-3").stream().filter(d -> d.downstream().equals("KR-7")).findFirst().orElseThrow();
    var second = Q3.dependents("KR-7").stream().filter(d -> d.downstream().equals("KR-3")).findFirst().orElseThrow();
    assertThat(second.needBy()).isEqualTo(java.time.LocalDate.of(2026, 8, 15));
    assertThat(List.of(Q3.teamOf("I-3").orElseThrow(), Q3.teamOf(first.downstream()).orElseThrow(),
        Q3.teamOf(second.downstream()).orElseThrow())).containsExactly("data", "product", "growth");
  }
}
