package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireInstant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of one data source (the name {@link CheckIn#source()} carries) as the last sync found it: working or
 * failing, since when, and the last error it gave. Kept in the {@code sources} section of {@code okr-cycle/1} by
 * {@code okr sync}; {@code since} changes only when the state does, so a sync that finds nothing new leaves it as it
 * was. Immutable and thread-safe.
 *
 * @param name the source's name, as in the check-ins' {@code source} and the sources file's bindings
 * @param state whether its last sync worked
 * @param since the instant its current state began: the first sync of the current run of failures, or the first
 *     sync that worked after the last failure (or at all)
 * @param lastError the last error, for people and never a secret: an HTTP status with its reason phrase
 *     ({@code 401 Unauthorized}), an exception's class name ({@code java.net.ConnectException}) or a short sentence;
 *     required when failing, kept after recovery as the error it recovered from (null when it never failed)
 * @param keyResults when failing, the ids of the key results whose fetch from it failed on the last sync, in the
 *     sources file's order (empty when not known, as in a record written before the field existed); empty when ok
 */
public record SourceStatus(String name, State state, Instant since, String lastError, List<String> keyResults) {
  /** Whether a source's last sync worked. Immutable and thread-safe. */
  public enum State {
    /** The last sync of every key result it feeds worked. */
    OK("ok"),
    /** The last sync of at least one key result it feeds failed. */
    FAILING("failing");

    private final String jsonName;

    State(String jsonName) {
      this.jsonName = jsonName;
    }

    /** The name used in {@code okr-cycle/1}. */
    public String jsonName() {
      return jsonName;
    }

    /** The state with the given {@code okr-cycle/1} name, or empty. */
    public static Optional<State> fromJsonName(String name) {
      for (State s : values()) {
        if (s.jsonName.equals(name)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Validates: a name that is not blank, a state, a supported instant, an error when failing, key results (ids, not
   * blank, each once) only when failing; copies the list.
   */
  public SourceStatus {
    requireId(name, "name");
    Objects.requireNonNull(state, "state must not be null");
    requireInstant(since, "since");
    if (state == State.FAILING) {
      requireId(lastError, "lastError (required when failing)");
    } else if (lastError != null) {
      requireId(lastError, "lastError");
    }
    keyResults = copy(keyResults, "keyResults");
    for (int i = 0; i < keyResults.size(); i++) {
      requireId(keyResults.get(i), "keyResults[" + i + "]");
      if (keyResults.indexOf(keyResults.get(i)) < i) {
        throw new IllegalArgumentException("keyResults[" + i + "] must not repeat \"" + keyResults.get(i) + "\"");
      }
    }
    if (state == State.OK && !keyResults.isEmpty()) {
      throw new IllegalArgumentException("keyResults must be empty when ok: " + keyResults);
    }
  }

  /** A status without the failing key results (the constructor before {@code keyResults} existed). */
  public SourceStatus(String name, State state, Instant since, String lastError) {
    this(name, state, since, lastError, List.of());
  }

  /** A source working since {@code since}, never having failed. */
  public static SourceStatus ok(String name, Instant since) {
    return new SourceStatus(name, State.OK, since, null, List.of());
  }

  /** A source failing with {@code error} since {@code since}, the key results it fails for not known. */
  public static SourceStatus failing(String name, Instant since, String error) {
    return new SourceStatus(name, State.FAILING, since, error, List.of());
  }

  /** A source failing with {@code error} since {@code since} for the key results {@code keyResults}. */
  public static SourceStatus failing(String name, Instant since, String error, List<String> keyResults) {
    return new SourceStatus(name, State.FAILING, since, error, keyResults);
  }

  /** Whether the last sync of this source failed. */
  public boolean failing() {
    return state == State.FAILING;
  }
}
