package org.okrengine.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.okrengine.forecast.BacktestForecast;
import org.okrengine.model.PredictionInterval;

/**
 * The rows of {@code okr backtest --per-forecast}: one per forecast a backtest made, for computing one's own scores.
 * CSV by RFC 4180: a header line, lines ending in CRLF, a field quoted (its quotes doubled) when it holds a comma, a
 * quote, CR or LF. Numbers as {@link Double#toString} writes them (round-trip exact); an empty cell for a missing
 * interval or an unknown number. The last column, {@code at}, says where the forecast was made: {@code end} or
 * {@code last-check-in} (the key result's expected last check-in, where that is what it is scored against; since
 * 2026-12-06). Not thread-safe.
 */
final class PerForecastCsv implements Consumer<BacktestForecast> {
  static final String HEADER = "cycle,keyResult,origin,method,model,probability,low,high,landing,final,hit,at";
  private static final String EOL = "\r\n";

  private final Writer out;
  private final StringBuilder row = new StringBuilder(160);

  /** Writes the header to {@code out}; rows follow with each forecast. */
  PerForecastCsv(Writer out) throws IOException {
    this.out = out;
    out.write(HEADER + EOL);
  }

  /**
   * Writes {@code f}'s row.
   *
   * @throws UncheckedIOException when the writer fails
   */
  @Override
  public void accept(BacktestForecast f) {
    row.setLength(0);
    PredictionInterval interval = f.interval();
    row.append(field(f.cycleId())).append(',').append(field(f.keyResultId())).append(',')
        .append(number(f.origin())).append(',').append(field(f.method().id())).append(',')
        .append(field(f.model())).append(',').append(number(f.probability())).append(',')
        .append(interval == null ? "" : number(interval.low())).append(',')
        .append(interval == null ? "" : number(interval.high())).append(',')
        .append(number(f.landingValue())).append(',').append(number(f.finalValue())).append(',')
        .append(f.hit()).append(',').append(f.atLastCheckIn() ? "last-check-in" : "end").append(EOL);
    try {
      out.append(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code s} as a CSV field: quoted, with its quotes doubled, when it holds a comma, a quote, CR or LF. */
  static String field(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return '"' + s.replace("\"", "\"\"") + '"';
      }
    }
    return s;
  }

  /** {@code v} as {@link Double#toString} writes it; empty for NaN (an unknown number). */
  static String number(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }
}
