package org.okrengine.retro;

import java.time.LocalDate;

/**
 * One team's completion in one cycle. Immutable and thread-safe.
 *
 * @param cycleId the cycle's id
 * @param start the cycle's first day
 * @param keyResults the team's key results in that cycle
 * @param scored of those, the ones with a final value
 * @param hits scored key results that met their target
 * @param meanScore mean score (0..1), or null
 * @param change mean score minus the previous cycle's mean score, or null when either is unknown
 */
public record TrendPoint(String cycleId, LocalDate start, long keyResults, long scored, long hits, Double meanScore,
    Double change) {}
