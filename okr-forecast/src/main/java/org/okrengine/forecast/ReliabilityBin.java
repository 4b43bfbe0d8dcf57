package org.okrengine.forecast;

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
public record ReliabilityBin(double lower, double upper, long count, Double meanProbability, Double hitRate) {}
