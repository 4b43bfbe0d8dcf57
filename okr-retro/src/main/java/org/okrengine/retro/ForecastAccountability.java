package org.okrengine.retro;

/**
 * How early the forecaster flagged the misses and how often it cried wolf on the hits, for all key results or one
 * team. Each scored key result is forecast weekly (7, 14, ... days after cycle start, before its end) from the
 * check-ins made by then, as {@code okr analyze} forecasts it that day (its value at the cycle's end, also where it is
 * scored from its last check-in); the engine's upstream-late and late-for-need-by statuses are not replayed
 * ({@link RetroJson#FLAGGED_BY}). A forecast of {@code at-risk} or {@code off-track} raises a flag, {@code on-track} or
 * {@code achieved} clears it; {@code stale}, {@code not-started} and {@code no-data} leave it as it was. Weeks are 7
 * days, from the flagging forecast to cycle end. Immutable and thread-safe.
 *
 * @param team the team, or null for all
 * @param keyResults key results replayed (scored, with at least one weekly forecast)
 * @param misses replayed key results that missed
 * @param missesFlagged misses flagged at least once
 * @param missesFlaggedToTheEnd misses still flagged at the last weekly forecast
 * @param missesFlaggedWithoutGap misses whose first flag was never cleared (kept flagging to the end)
 * @param medianWeeksAheadFirstFlag median weeks from the first flag to cycle end, over flagged misses, or null
 * @param meanWeeksAheadFirstFlag mean of the same, or null
 * @param medianWeeksFlaggedToTheEnd median weeks from the start of the last uninterrupted run of flags to cycle end,
 *     over misses flagged to the end, or null
 * @param hits replayed key results that met their target
 * @param hitsFlagged hits flagged at least once (false alarms)
 * @param hitsFlaggedAtLastForecast hits still flagged at the last weekly forecast
 * @param falseAlarmRate hitsFlagged / hits, or null
 */
public record ForecastAccountability(String team, long keyResults, long misses, long missesFlagged,
    long missesFlaggedToTheEnd, long missesFlaggedWithoutGap, Double medianWeeksAheadFirstFlag,
    Double meanWeeksAheadFirstFlag, Double medianWeeksFlaggedToTheEnd, long hits, long hitsFlagged,
    long hitsFlaggedAtLastForecast, Double falseAlarmRate) {}
