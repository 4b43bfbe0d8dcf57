package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.List;

/**
 * A broken data connection: an integration ({@link CheckIn#source()}) that stopped sending values while the cycle
 * goes on, for one key result or for every key result it feeds. Immutable and thread-safe.
 *
 * @param source the integration, for example {@code datadog}
 * @param keyResults the key results it stopped feeding, in document order; not empty
 * @param wholeSource whether it went silent for every key result it feeds
 * @param lastValueOn the local date of the last value it sent (the latest over {@code keyResults})
 * @param silentDays whole days from that value to the report's instant (or the cycle's end, if earlier)
 * @param expectedEveryDays days between its values before it stopped (the median gap)
 * @param reason one plain sentence
 */
public record SourceHealthSummary(String source, List<String> keyResults, boolean wholeSource,
    LocalDate lastValueOn, int silentDays, double expectedEveryDays, String reason) {
  /** Validates and copies the list. */
  public SourceHealthSummary {
    requireId(source, "source");
    keyResults = copy(keyResults, "keyResults");
    if (keyResults.isEmpty()) {
      throw new IllegalArgumentException("keyResults must not be empty");
    }
    Objects.requireNonNull(lastValueOn, "lastValueOn must not be null");
    if (silentDays < 0) {
      throw new IllegalArgumentException("silentDays must not be negative: " + silentDays);
    }
    requireFinite(expectedEveryDays, "expectedEveryDays");
    requireId(reason, "reason");
  }
}
