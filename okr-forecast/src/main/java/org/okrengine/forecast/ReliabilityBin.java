package org.okrengine.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * One bin of a reliability table: forecasts whose probability of target fell in [lower, upper), how many there were,
 * their mean probability and the share that met the target. Immutable and thread-safe.
 *
 * @param lower the bin's lower bound (0..1)
 * @param upper the bin's upper bound (0..1; the last bin includes 1)
 * @param count forecasts in the bin
 * @param meanProbability their mean probability of target, or null when the bin is empty
 * @param hitRate the share of them that met the target, or null when the bin is empty
 */
public record ReliabilityBin(double lower, double upper, long count, Double meanProbability, Double hitRate) {
  /**
   * Validates.
   *
   * @throws IllegalArgumentException naming every figure out of its range, with its value: {@code lower} and
   *     {@code upper} not within [0, 1] with {@code lower} below {@code upper}, {@code count} below 0,
   *     {@code meanProbability} or {@code hitRate} given and not within [0, 1]
   */
  public ReliabilityBin {
    List<String> bad = new ArrayList<>();
    if (!(lower >= 0 && lower < upper && upper <= 1)) {
      bad.add("lower and upper must be within [0, 1], lower below upper: " + lower + ", " + upper);
    }
    if (count < 0) {
      bad.add("count must not be negative: " + count);
    }
    MethodScore.within(bad, "meanProbability", meanProbability, 1, "within [0, 1]");
    MethodScore.within(bad, "hitRate", hitRate, 1, "within [0, 1]");
    if (!bad.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", bad));
    }
  }
}
