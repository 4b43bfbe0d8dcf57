package org.okrengine.retro;

/**
 * A team and how many key results of it something touched. Immutable and thread-safe.
 *
 * @param team the team's id
 * @param keyResults key results
 */
public record TeamCount(String team, long keyResults) {}
