package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine interface's shared pieces: the skipped-lines sentence and the run's checks. */
class DistributedEngineTest {
  @Test
  void skipped_countsWithThousandsSeparators_oneLineSingular() {
    assertThat(DistributedEngine.skipped(1, 2731)).isEqualTo("skipped 1 bad line of 2,731");
    assertThat(DistributedEngine.skipped(1234, 1234567)).isEqualTo("skipped 1,234 bad lines of 1,234,567");
    assertThat(DistributedEngine.skipped(0, 5)).isEqualTo("skipped 0 bad lines of 5");
  }

  @Test
  void run_copiesProblems() {
    List<String> problems = new ArrayList<>(List.of("a.jsonl:3: cycle: missing"));
    DistributedEngine.Run<String> run = new DistributedEngine.Run<>("report", problems, 5, 1);
    problems.clear();
    assertThat(run.problems()).containsExactly("a.jsonl:3: cycle: missing");
    assertThat(run.warnings()).isEmpty();
    List<String> warnings = new ArrayList<>(List.of("a.jsonl:2: warning: colour: unknown field"));
    DistributedEngine.Run<String> warned = new DistributedEngine.Run<>("report", List.of(), 5, 0, warnings);
    warnings.clear();
    assertThat(warned.warnings()).containsExactly("a.jsonl:2: warning: colour: unknown field");
    assertThat(new DistributedEngine.Run<String>(null, List.of("a.jsonl: no such file"), 0, 0).report()).isNull();
  }

  @Test
  void run_invalid_exactMessages() {
    assertThatThrownBy(() -> new DistributedEngine.Run<String>(null, List.of(), 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a run without problems must have a report");
    assertThatThrownBy(() -> new DistributedEngine.Run<>("r", List.of(), 5, 6))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rejectedLines must be within [0, lines = 5]: 6");
    assertThatThrownBy(() -> new DistributedEngine.Run<>("r", List.of(), 5, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rejectedLines must be within [0, lines = 5]: -1");
  }
}
