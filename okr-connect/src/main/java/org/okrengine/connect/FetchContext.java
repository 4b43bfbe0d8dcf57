package org.okrengine.connect;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What one fetch needs besides its binding. Immutable and thread-safe.
 *
 * @param from the earliest instant wanted (the cycle's start)
 * @param upTo the latest instant wanted (the as-of instant), inclusive
 * @param zone the cycle's zone (for times written without an offset)
 * @param folder the sources file's folder
 * @param credentials the binding's credentials, resolved from the environment: what each credential is mapped to
 *     its value. Secret: never put a value in a message
 */
public record FetchContext(Instant from, Instant upTo, ZoneId zone, Path folder, Map<String, String> credentials) {
  /** Validates and copies. */
  public FetchContext {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(upTo, "upTo must not be null");
    Objects.requireNonNull(zone, "zone must not be null");
    Objects.requireNonNull(folder, "folder must not be null");
    credentials = Map.copyOf(credentials);
  }

  /** {@code from..upTo} contains {@code at}. */
  boolean wants(Instant at) {
    return !at.isBefore(from) && !at.isAfter(upTo);
  }

  /** The value of credential {@code name}, or null when the binding has none by that name. */
  String credential(String name) {
    return credentials.get(name);
  }

  @Override
  public String toString() {
    return "FetchContext[from=" + from + ", upTo=" + upTo + ", zone=" + zone + ", folder=" + folder
        + ", credentials=" + credentials.keySet() + "]";
  }
}
