package org.okrengine.retro;

/**
 * Check-ins whose confidence fell in one tenth of 0..1, and how often their key results hit. Immutable and
 * thread-safe.
 *
 * @param lower lower bound, inclusive
 * @param upper upper bound, exclusive (inclusive for the last bin)
 * @param count check-ins
 * @param meanConfidence their mean confidence, or null
 * @param hitRate share of them whose key result met its target, or null
 */
public record ConfidenceBin(double lower, double upper, long count, Double meanConfidence, Double hitRate) {}
