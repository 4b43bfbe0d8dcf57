package org.okrengine.model.json;

import java.io.IOException;
import java.io.Writer;
import org.okrengine.model.CycleReport;

/**
 * Writes {@code okr-report/1} documents. Output is deterministic: the same report gives the same bytes.
 * Immutable and thread-safe.
 */
public final class ReportJson {
  /** The format this class writes. */
  public static final String FORMAT = "okr-report/1";

  private static final ReportJson DEFAULTS = new ReportJson();

  private ReportJson() {}

  /** The writer. */
  public static ReportJson withDefaults() {
    return DEFAULTS;
  }

  /** The document for {@code report}, pretty-printed. */
  public String write(CycleReport report) {
    throw new UnsupportedOperationException("stub" + report);
  }

  /** Writes the document for {@code report} to {@code out}, pretty-printed; does not close it. */
  public void write(CycleReport report, Writer out) throws IOException {
    throw new UnsupportedOperationException("stub" + report + out);
  }

  /** Writes {@code report} as one compact line (ending in a newline), for JSON Lines output. */
  public void writeLine(CycleReport report, Writer out) throws IOException {
    throw new UnsupportedOperationException("stub" + report + out);
  }
}
