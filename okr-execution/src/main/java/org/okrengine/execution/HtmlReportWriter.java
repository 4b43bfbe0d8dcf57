package org.okrengine.execution;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;

/**
 * Writes a {@link CycleReport} as one self-contained HTML page: the summary with the cascades, the escalations, a
 * table of key results by status, the dependency graph with cascades highlighted (inline SVG) and a burn-up chart per
 * key result (plan, check-ins and forecast cone, inline SVG).
 *
 * <p>The page loads nothing: no scripts, fonts, style sheets or images from outside it (a Content-Security-Policy
 * forbids them), so it works offline and can be mailed as a file. All text from the cycle (titles, notes, ids) is
 * escaped. The output is deterministic: the same cycle and report give the same characters.
 *
 * <p>The forecast cone of a chart runs in straight lines from the last check-in (or, without one, from the plan's
 * start at the report's instant) to the prediction interval at cycle end; only its end is a forecast, the lines in
 * between are a drawing aid, not intermediate intervals. Charts are drawn with the target up: for metrics that must
 * decrease (or stay below a target) the value axis runs downward.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReportWriter {
  private HtmlReportWriter() {}

  /**
   * The HTML page of {@code report}, which {@link ExecutionEngine#analyze} made of {@code cycle}.
   *
   * @throws IllegalArgumentException when the report is not of this cycle (another cycle id, or a key result the
   *     cycle does not have)
   */
  public static String write(OkrCycle cycle, CycleReport report) {
    requireReportOf(cycle, report);
    return new HtmlPage(cycle, report).write();
  }

  /**
   * Checks that {@code report} is of {@code cycle}: its cycle id, and no key result the cycle does not have.
   *
   * @throws IllegalArgumentException naming the cycle ids, or the key result
   */
  static void requireReportOf(OkrCycle cycle, CycleReport report) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(report, "report must not be null");
    if (!cycle.cycle().id().equals(report.cycleId())) {
      throw new IllegalArgumentException("report of cycle " + report.cycleId() + ", not " + cycle.cycle().id());
    }
    for (KeyResultReport r : report.keyResults()) {
      if (cycle.keyResult(r.id()).isEmpty()) {
        throw new IllegalArgumentException("report has key result " + r.id() + ", which cycle "
            + cycle.cycle().id() + " does not");
      }
    }
  }

  /**
   * Writes the page of {@link #write(OkrCycle, CycleReport)} to {@code out}; the caller closes it.
   *
   * @throws IllegalArgumentException as {@link #write(OkrCycle, CycleReport)}, before anything is written
   * @throws IOException when writing fails
   */
  public static void write(OkrCycle cycle, CycleReport report, Writer out) throws IOException {
    Objects.requireNonNull(out, "out must not be null");
    out.write(write(cycle, report));
    out.flush();
  }

  /**
   * Writes the page of {@link #write(OkrCycle, CycleReport)} to {@code out} in UTF-8 (the page declares it); the
   * caller closes the stream.
   *
   * @throws IllegalArgumentException as {@link #write(OkrCycle, CycleReport)}, before anything is written
   * @throws IOException when writing fails
   */
  public static void write(OkrCycle cycle, CycleReport report, OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out must not be null");
    write(cycle, report, new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }
}
