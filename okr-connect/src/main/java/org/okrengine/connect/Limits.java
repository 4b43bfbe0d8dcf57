package org.okrengine.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one binding's fetch. Immutable and thread-safe.
 *
 * @param timeout the longest one call (a connection, an HTTP request, a query) may take; above zero
 * @param retries how many times a call that failed for a passing reason (connection refused, HTTP 429 or 5xx) is
 *     tried again, with exponential backoff from 0.5 s that honours {@code Retry-After}; 0 to 10
 * @param maxRows the most rows (CSV, SQL) or issues (Jira) read; above zero; more is a failure, not a truncation
 * @param maxPages the most pages an HTTP API is asked for; above zero; more is a failure
 */
public record Limits(Duration timeout, int retries, int maxRows, int maxPages) {
  /** 30 s, 3 retries, 100,000 rows, 100 pages. */
  public static final Limits DEFAULT = new Limits(Duration.ofSeconds(30), 3, 100_000, 100);

  /**
   * Validates.
   *
   * @throws IllegalArgumentException when a bound is out of its range
   */
  public Limits {
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be above zero: " + timeout);
    }
    if (!(retries >= 0 && retries <= 10)) {
      throw new IllegalArgumentException("retries must be within 0..10: " + retries);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be above zero: " + maxRows);
    }
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be above zero: " + maxPages);
    }
  }
}
