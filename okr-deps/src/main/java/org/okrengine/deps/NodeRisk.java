package org.okrengine.deps;

/**
 * What is known of one late or risky item, the input of cascade analysis: the forecasts as plain numbers, so that
 * this module does not depend on the forecasting one. Immutable and thread-safe.
 *
 * @param slipDays expected slip in days against the item's need-by date, due date or the cycle end (0 = on time)
 * @param probabilityOfMiss the probability (0..1) that the item misses
 */
public record NodeRisk(double slipDays, double probabilityOfMiss) {
  /** Validates. */
  public NodeRisk {
    if (!(slipDays >= 0 && slipDays < 1e6)) {
      throw new IllegalArgumentException("slipDays must be within [0, 1e6): " + slipDays);
    }
    if (!(probabilityOfMiss >= 0 && probabilityOfMiss <= 1)) {
      throw new IllegalArgumentException("probabilityOfMiss must be within 0..1: " + probabilityOfMiss);
    }
  }
}
