package org.okrengine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The constructor {@link Cascade} had before {@code affectedCount} and {@code maxMissProbability} (a vendor's code
 * written against it still compiles): the count is the items listed, the highest miss the largest of
 * {@code missProbability}, as its {@code maxMissProbability()} method computed it then.
 */
class CascadePreviousConstructorTest {
  @Test
  void previousConstructor_countsTheListAndTakesTheHighestMiss() {
    // I-1 slips 6 days and reaches KR-1 (miss 0.35), KR-2 (miss 0.62) and their objective O-1
    Cascade old = new Cascade("I-1", "platform", 6.0, List.of("KR-1", "KR-2", "O-1"),
        Map.of("KR-2", 4.0, "KR-1", 6.0), Map.of("KR-2", 0.62, "KR-1", 0.35), List.of("growth", "platform"),
        List.of("O-1"), true, 0.8, "I-1 slips 6 days.");
    // affectedCount: the three ids listed; maxMissProbability: max(0.35, 0.62)
    Cascade current = new Cascade("I-1", "platform", 6.0, List.of("KR-1", "KR-2", "O-1"), 3,
        Map.of("KR-2", 4.0, "KR-1", 6.0), Map.of("KR-2", 0.62, "KR-1", 0.35), List.of("growth", "platform"),
        List.of("O-1"), true, 0.8, 0.62, "I-1 slips 6 days.");
    assertThat(old).isEqualTo(current);
    assertThat(old.toSummary()).isEqualTo(current.toSummary());
    // nothing reached with a probability: 0, as before
    assertThat(new Cascade("I-2", "platform", 2.0, List.of(), Map.of(), Map.of(), List.of(), List.of(), false, 0.0,
        "I-2 slips 2 days.").maxMissProbability()).isZero();
  }
}
