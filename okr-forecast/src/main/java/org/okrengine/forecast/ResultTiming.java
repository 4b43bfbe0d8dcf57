package org.okrengine.forecast;

/**
 * When a history's results were taken, and so which value a backtest forecasts: the value at the cycle's end, or the
 * value at the key result's last check-in (an OKR tool's export, where the last check-in is the result, however
 * early it came). A key result still climbing is recorded lower at a check-in a fortnight before the end than at the
 * end: forecasting the end where the last check-in is scored over-forecasts it (docs/experiments/outcome-horizon.md).
 */
public enum ResultTiming {
  /**
   * Decided from the cycles themselves ({@link ResultTimingEvidence#timing}): the last check-in where nearly every
   * result equals a last check-in that came before the end, else the end. The default.
   */
  DETECT("detect"),
  /** Results were measured at the cycle's end: every key result with a result is forecast at the end. */
  END("end"),
  /**
   * Results are the last check-ins: every key result is forecast at its expected last check-in (half its mean gap
   * between check-ins before the end, {@link Forecaster#withOutcomeFromLastCheckIn}).
   */
  LAST_CHECK_IN("last-check-in");

  private final String id;

  ResultTiming(String id) {
    this.id = id;
  }

  /** The name in options and JSON: {@code detect}, {@code end} or {@code last-check-in}. */
  public String id() {
    return id;
  }

  /** The timing named {@code id} ({@link #id}), or null for none. */
  public static ResultTiming fromId(String id) {
    for (ResultTiming t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    return null;
  }
}
