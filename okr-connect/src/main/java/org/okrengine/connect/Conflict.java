package org.okrengine.connect;

import java.time.Instant;

/**
 * A source reported a value for an instant that already has another: the check-in in the cycle stays, the reported
 * value is not applied. Immutable and thread-safe.
 *
 * @param keyResult the key result's id
 * @param at the instant both values are for
 * @param existing the value in the cycle
 * @param reported the value the source reported
 */
public record Conflict(String keyResult, Instant at, double existing, double reported) {}
