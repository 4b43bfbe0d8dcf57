package org.okrengine.retro;

/**
 * Objectives that declared one commitment judged against what that commitment expects (committed 1.0, aspirational
 * 0.7). An objective's score is the weighted mean of its scored key results' scores (plain mean where the weights sum
 * to 0). Immutable and thread-safe.
 *
 * @param commitment {@code committed} or {@code aspirational}
 * @param expectedScore the score that counts as success (1.0 or 0.7)
 * @param objectives objectives that declared that commitment (those that declared none are not counted)
 * @param scored objectives with at least one scored key result
 * @param meanScore mean objective score, or null
 * @param medianScore median objective score, or null
 * @param metExpectation scored objectives scoring at least {@code expectedScore}
 */
public record ObjectiveStats(String commitment, double expectedScore, long objectives, long scored,
    Double meanScore, Double medianScore, long metExpectation) {}
