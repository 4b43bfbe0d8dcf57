package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;

import java.time.LocalDate;
import java.util.Objects;
import java.util.List;

/**
 * A broken data connection: an integration ({@link CheckIn#source()}) that stopped sending values while the cycle
 * goes on, for one key result or for every key result it feeds; or one that the cycle's record of the sources'
 * health ({@link OkrCycle#sources()}) says is failing, then with the error and the day its failures began.
 * Immutable and thread-safe.
 *
 * @param source the integration, for example {@code datadog}
 * @param keyResults the key results it stopped feeding, in document order; not empty
 * @param wholeSource whether it went silent for every key result it feeds
 * @param lastValueOn the local date of the last value it sent (the latest over {@code keyResults}); null only when
 *     it is failing and has sent none for them
 * @param silentDays whole days from that value to the report's instant (or the cycle's end, if earlier); when it
 *     has sent none, from the day its failures began
 * @param expectedEveryDays days between its values before it stopped (the median gap; 7 when it has sent fewer
 *     than two)
 * @param reason one plain sentence
 * @param failingSince the local date its syncs began to fail ({@link SourceStatus#since()} in the cycle's zone), or
 *     null when the entry comes from silence alone
 * @param lastError the error its syncs fail with ({@link SourceStatus#lastError()}), or null when the entry comes
 *     from silence alone; set exactly when {@code failingSince} is
 */
public record SourceHealthSummary(String source, List<String> keyResults, boolean wholeSource,
    LocalDate lastValueOn, int silentDays, double expectedEveryDays, String reason, LocalDate failingSince,
    String lastError) {
  /** Validates and copies the list. */
  public SourceHealthSummary {
    requireId(source, "source");
    keyResults = copy(keyResults, "keyResults");
    if (keyResults.isEmpty()) {
      throw new IllegalArgumentException("keyResults must not be empty");
    }
    if (lastError == null) {
      Objects.requireNonNull(lastValueOn, "lastValueOn must not be null (unless failing)");
    }
    if (silentDays < 0) {
      throw new IllegalArgumentException("silentDays must not be negative: " + silentDays);
    }
    requireFinite(expectedEveryDays, "expectedEveryDays");
    requireId(reason, "reason");
    if ((failingSince == null) != (lastError == null)) {
      throw new IllegalArgumentException("failingSince and lastError must be both set or both null: " + failingSince
          + ", " + lastError);
    }
    if (lastError != null) {
      requireId(lastError, "lastError");
    }
  }

  /** An entry from silence alone (the constructor before {@code failingSince} and {@code lastError} existed). */
  public SourceHealthSummary(String source, List<String> keyResults, boolean wholeSource, LocalDate lastValueOn,
      int silentDays, double expectedEveryDays, String reason) {
    this(source, keyResults, wholeSource, lastValueOn, silentDays, expectedEveryDays, reason, null, null);
  }

  /** Whether the cycle's record of the sources' health says this source is failing. */
  public boolean failing() {
    return lastError != null;
  }
}
