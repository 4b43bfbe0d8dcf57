package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;
import org.okrengine.model.json.ReportJson;

/** The engine on the largest numbers and the farthest instants the model accepts (hardening issue, item 3). */
class ExtremeValuesTest {
  static final Cycle Q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));

  static Instant day(int d) {
    return Q.startInstant().plusSeconds(d * 86_400L);
  }

  static KeyResult kr(String id, double weight, Metric m, double... values) {
    List<CheckIn> c = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      c.add(CheckIn.of(day(7 * (i + 1)), values[i]));
    }
    return new KeyResult(id, "title " + id, null, "growth", weight, List.of(), m, Plan.LINEAR, c, null);
  }

  /**
   * Values at the model's limits (+-1e15) against the smallest span (1e-9): progress up to +-1e24, which is
   * beyond a long when written as a percentage.
   */
  static final OkrCycle HUGE = OkrCycle.of(Q, List.of(Team.of("growth")), List.of(new Objective("O-1", "Huge",
      "growth", null, null, null, List.of(
          kr("KR-up", 1.0, Metric.of(0, Metric.MIN_SPAN, null), 1e15, 1e15, 1e15),
          kr("KR-down", 1.0, Metric.of(0, Metric.MIN_SPAN, "EUR"), -1e15, -1e15, -1e15, -1e15),
          kr("KR-swing", 1.0, Metric.of(0, Metric.MIN_SPAN, "%"), 1e15, -1e15, 1e15, -1e15, 1e15, -1e15),
          kr("KR-maintain", 1.0, new Metric(null, -1e15, Direction.MAINTAIN_ABOVE, "ms"), 1e15, -1e15, 1e15),
          kr("KR-fall", 1.0, Metric.of(1e15, -1e15, null), 1e15, -1e15, -1e15, -1e15),
          kr("KR-climb", 1.0, Metric.of(0, Metric.MIN_SPAN, null), -1e15, -8e14, -6e14, -4e14, -2e14, -1e14)))));

  @Test
  void analyze_hugeProgress_everyOutputFinite() {
    CycleReport r = ExecutionEngine.withDefaults().analyze(HUGE, day(45));
    List<String> outputs = List.of(ExecutionEngine.groundedPrompt(r), HtmlReportWriter.write(HUGE, r),
        ReportJson.withDefaults().write(r));
    for (String out : outputs) {
      assertThat(out).doesNotContain("9223372036854775807", "9223372036854775808", "NaN", "Infinity", "∞");
    }
    // 1e15 / 1e-9 of the way is 1e26 %, far past what is printed
    assertThat(r.keyResults().get(1).insight()).contains("<-999,999%");
    assertThat(outputs.get(0)).contains("; <-999,999% of the way against 49% planned");
    assertThat(outputs.get(1)).contains("<td class=\"n\">&lt;-999,999%</td>");
  }

  @Test
  void analyze_asOfFarOutsideTheCycle_refused() {
    ExecutionEngine engine = ExecutionEngine.withDefaults();
    assertThatThrownBy(() -> engine.analyze(HUGE, Instant.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        // 91 days either side of 1 Jul 00:00 .. 30 Sep 00:00
        .hasMessage("asOf must be within 2026-04-01T00:00:00Z..2026-12-30T00:00:00Z (one cycle length before the "
            + "start to one after the end): +1000000000-12-31T23:59:59.999999999Z");
    assertThatThrownBy(() -> engine.analyze(HUGE, Instant.parse("5000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("to one after the end): 5000-01-01T00:00:00Z");
    assertThatThrownBy(() -> engine.analyze(HUGE, Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("to one after the end): -1000000000-01-01T00:00:00Z");
    // the edges of the window are analysed
    assertThat(engine.analyze(HUGE, Q.windowEnd()).keyResults()).hasSize(6);
    assertThat(engine.analyze(HUGE, Q.windowStart()).keyResults()).hasSize(6);
  }

  @Test
  void objectives_largestWeightBesideTinyOnes_weightedMean() {
    Metric m = Metric.of(0, 10, null);
    OkrCycle c = OkrCycle.of(Q, List.of(Team.of("growth")), List.of(
        // KR-big has no check-in, so only the tiny weight counts for progress
        new Objective("O-1", "Tiny beside huge", "growth", null, null, null, List.of(
            kr("KR-big", KeyResult.MAX_WEIGHT, m), kr("KR-tiny", 1e-300, m, 5, 5))),
        new Objective("O-2", "Huge beside tiny", "growth", null, null, null, List.of(
            kr("KR-h", KeyResult.MAX_WEIGHT, m, 5, 5), kr("KR-t", 1e-300, m, 10, 10))),
        // the smallest weights: Double.MIN_VALUE * 0.5 rounds to 0, which made these 0%
        new Objective("O-3", "Smallest beside huge", "growth", null, null, null, List.of(
            kr("KR-big3", KeyResult.MAX_WEIGHT, m), kr("KR-min", Double.MIN_VALUE, m, 5, 5))),
        new Objective("O-4", "All smallest", "growth", null, null, null, List.of(
            kr("KR-a", Double.MIN_VALUE, m, 5, 5), kr("KR-b", Double.MIN_VALUE, m, 2, 2)))));
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, day(20));
    assertThat(r.objectives().get(0).progress()).isEqualTo(5 / 10.0);
    assertThat(r.objectives().get(0).summary()).contains("together 50% of the way");
    // (1e6 * 0.5 + 1e-300 * 1.0) / (1e6 + 1e-300) = 0.5 in doubles
    assertThat(r.objectives().get(1).progress()).isEqualTo(0.5);
    assertThat(r.objectives().get(1).summary()).contains("together 50% of the way");
    assertThat(r.objectives().get(2).progress()).isEqualTo(5 / 10.0);
    assertThat(r.objectives().get(2).summary()).contains("together 50% of the way");
    assertThat(r.objectives().get(3).progress()).isEqualTo((5 / 10.0 + 2 / 10.0) / 2);
    assertThat(r.objectives().get(3).summary()).contains("together 35% of the way");
  }
}
