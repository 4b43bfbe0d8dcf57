package org.okrengine.retro;

/**
 * How regularly key results were checked in, for all key results or one team. Gaps are measured in whole hours
 * (rounded) between consecutive check-ins of one key result; a week is a 7-day slice of the cycle from its start
 * (the last may be shorter). Immutable and thread-safe.
 *
 * @param team the team, or null for all
 * @param keyResults key results
 * @param keyResultsWithoutCheckIns of those, the ones with no check-in at all
 * @param checkIns check-ins
 * @param medianGapDays median gap between consecutive check-ins, in days, or null with no gap
 * @param weeks cycle weeks over all key results
 * @param weeksWithCheckIn of those, weeks with at least one check-in
 * @param shareOfWeeksWithCheckIn weeksWithCheckIn / weeks, or null
 * @param longestSilenceDays the longest time without a check-in (cycle start to first check-in, between two,
 *     last to cycle end), in days, or null with no key result
 * @param longestSilenceCycle the cycle of that silence (ties: the smallest cycle id, then key result id)
 * @param longestSilenceKeyResult the key result of that silence
 */
public record CadenceStats(String team, long keyResults, long keyResultsWithoutCheckIns, long checkIns,
    Double medianGapDays, long weeks, long weeksWithCheckIn, Double shareOfWeeksWithCheckIn,
    Double longestSilenceDays, String longestSilenceCycle, String longestSilenceKeyResult) {}
