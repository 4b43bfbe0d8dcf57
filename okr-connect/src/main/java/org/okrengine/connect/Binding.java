package org.okrengine.connect;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One key result bound to one source: nothing is fetched for a key result without a binding. Immutable and
 * thread-safe.
 *
 * @param path where the binding stands in its sources file ({@code bindings[2]}), for messages
 * @param keyResult the key result's id
 * @param source the name written as the check-ins' {@code source} (for example {@code warehouse})
 * @param query what to ask, by source kind
 * @param value how the source's number becomes the key result's value
 * @param credentials what each credential is (for example {@code user}, {@code password}, {@code token}) mapped
 *     to the NAME of the environment variable holding it; never the secret itself
 * @param limits timeouts, retries and caps
 * @param network proxy and trust store
 */
public record Binding(String path, String keyResult, String source, Query query, ValueMapping value,
    Map<String, String> credentials, Limits limits, Network network) {
  /** Validates and copies. */
  public Binding {
    Objects.requireNonNull(path, "path must not be null");
    Objects.requireNonNull(keyResult, "keyResult must not be null");
    Objects.requireNonNull(source, "source must not be null");
    Objects.requireNonNull(query, "query must not be null");
    Objects.requireNonNull(value, "value must not be null");
    Objects.requireNonNull(limits, "limits must not be null");
    Objects.requireNonNull(network, "network must not be null");
    credentials = Map.copyOf(new TreeMap<>(credentials));
  }
}
