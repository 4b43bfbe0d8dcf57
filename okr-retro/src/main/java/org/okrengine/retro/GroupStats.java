package org.okrengine.retro;

/**
 * Completion figures of one group of key results (a team, a tag, a shape, ...). Scores are 0.0 to 1.0 (the metric's
 * score of the final value); unknown numbers are null. Immutable and thread-safe.
 *
 * @param key the group's key (team id, tag, shape name, ...); {@code all} for the whole retrospective
 * @param keyResults key results in the group
 * @param scored key results with a final value (from the result, or the last check-in where allowed)
 * @param hits scored key results whose final value met the target
 * @param hitRate hits over scored, or null
 * @param meanScore mean score of the scored key results, or null
 * @param medianScore median score, or null
 * @param low scored key results with a score below 0.4 (the band below 0.4)
 * @param middle scores from 0.4 to below 0.7 (the band from 0.4 to below 0.7)
 * @param high scores of 0.7 or more (the band from 0.7)
 * @param committed scored key results of objectives that declare themselves committed (those that declare no
 *     commitment are counted in {@code undeclared})
 * @param committedMet of those, the ones scoring 1.0 (what a committed objective expects)
 * @param aspirational scored key results of aspirational objectives
 * @param aspirationalMet of those, the ones scoring 0.7 or more (what an aspirational objective expects)
 * @param meanAspirationalScore mean score of the aspirational ones, or null
 * @param undeclared scored key results of objectives that declare no commitment
 *     ({@link org.okrengine.model.Objective#commitmentDeclared}); {@code committed + aspirational + undeclared} is
 *     {@code scored}
 */
public record GroupStats(String key, long keyResults, long scored, long hits, Double hitRate, Double meanScore,
    Double medianScore, long low, long middle, long high, long committed, long committedMet, long aspirational,
    long aspirationalMet, Double meanAspirationalScore, long undeclared) {
  /** Figures where every objective declares its commitment ({@code undeclared} 0). */
  public GroupStats(String key, long keyResults, long scored, long hits, Double hitRate, Double meanScore,
      Double medianScore, long low, long middle, long high, long committed, long committedMet, long aspirational,
      long aspirationalMet, Double meanAspirationalScore) {
    this(key, keyResults, scored, hits, hitRate, meanScore, medianScore, low, middle, high, committed, committedMet,
        aspirational, aspirationalMet, meanAspirationalScore, 0);
  }
}
