package org.okrengine.retro;

/** Ratios and means of integer totals, as the report gives them: null when there is nothing to divide by. */
final class Figures {
  private Figures() {}

  /** {@code part / whole}, or null when {@code whole} is 0. */
  static Double ratio(long part, long whole) {
    return whole == 0 ? null : part / (double) whole;
  }

  /** {@code sum / count / scale}, or null when {@code count} is 0. */
  static Double mean(long sum, long count, double scale) {
    return count == 0 ? null : sum / (double) count / scale;
  }
}
