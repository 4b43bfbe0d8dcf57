package org.okrengine.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every text of the model refuses an unpaired surrogate, as the readers do (a title "Pipeline \ud800" made the JSON
 * writers fail or write "?", and a blocker tag holding one made the engine throw where it turned the tag into a
 * cause's subject). The error names the field.
 */
class WellFormedTextTest {
  private static final String BAD = "Pipeline \ud800";

  private static void refused(Executable e, String message) {
    refused(e, message, "\\ud800");
  }

  private static void refused(Executable e, String message, String escaped) {
    assertThatThrownBy(e::execute).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message + " contains an unpaired surrogate (" + escaped + ")");
  }

  @Test
  void everyTextField_refusesAnUnpairedSurrogate_namingIt() {
    Metric m = Metric.of(0, 10, null);
    Instant at = Instant.parse("2026-07-08T10:00:00Z");
    refused(() -> new Team("t", BAD, null), "name");
    refused(() -> new Objective("O-1", BAD, "t", null, null, null, List.of()), "title");
    refused(() -> new Objective("O-1", "Grow", "t", BAD, null, null, List.of()), "owner");
    refused(() -> new KeyResult("KR-1", BAD, null, "t", 1, List.of(), m, null, List.of(), null), "title");
    refused(() -> new KeyResult("KR-1", "x", BAD, "t", 1, List.of(), m, null, List.of(), null), "owner");
    refused(() -> new KeyResult("KR-1", "x", null, "t", 1, List.of("ok", BAD), m, null, List.of(), null), "tags[1]");
    refused(() -> new Metric(0.0, 10, Direction.INCREASE, BAD), "unit");
    refused(() -> new CheckIn(at, 1, null, BAD, List.of(), null), "note");
    refused(() -> new CheckIn(at, 1, null, null, List.of(BAD), null), "blockers[0]");
    refused(() -> new CheckIn(at, 1, null, null, List.of(), BAD), "source");
    refused(() -> new Initiative("I-1", BAD, "t", null, List.of(), List.of()), "title");
    refused(() -> new Initiative("I-1", "x", "t", BAD, List.of(), List.of()), "owner");
    refused(() -> new Milestone("M-1", BAD, LocalDate.of(2026, 8, 1), null), "title");
    refused(() -> new Dependency("I-1", "KR-1", DependencyKind.BLOCKS, null, BAD), "note");
    refused(() -> new Cycle("Q", BAD, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), null), "name");
    // a low surrogate alone too; a pair (an emoji) is text
    refused(() -> new Team("t", "x\udc00", null), "name", "\\udc00");
    new Team("t", "Growth \ud83d\ude80", null);
  }
}
