package org.okrengine.retro;

import java.util.List;

/**
 * How well check-in confidence and owners' self scores matched what happened, for all key results or one team.
 * Only check-ins of key results with a final value count; confidence is rounded to 0.0001 first. Immutable and
 * thread-safe.
 *
 * @param team the team, or null for all
 * @param checkInsWithConfidence check-ins that carried a confidence
 * @param brier mean of (confidence - hit)^2 over them (hit 1 or 0), or null; 0 is perfect, 0.25 is a coin flip
 * @param meanConfidence mean confidence, or null
 * @param hitRate share of those check-ins whose key result met its target, or null
 * @param overconfidence meanConfidence - hitRate (positive: over-confident, negative: under-confident), or null
 * @param selfScored scored key results with an owner's self score
 * @param meanSelfScore mean self score, or null
 * @param meanScore mean actual score of the same key results, or null
 * @param selfScoreGap meanSelfScore - meanScore (positive: owners scored themselves higher than the results), or
 *     null
 * @param bins ten confidence bins (reliability table)
 */
public record CalibrationStats(String team, long checkInsWithConfidence, Double brier, Double meanConfidence,
    Double hitRate, Double overconfidence, long selfScored, Double meanSelfScore, Double meanScore,
    Double selfScoreGap, List<ConfidenceBin> bins) {
  /** Copies the bins. */
  public CalibrationStats {
    bins = List.copyOf(bins);
  }
}
