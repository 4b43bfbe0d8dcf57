package org.okrengine.connect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.model.CheckIn;

/**
 * The outcome of one sync: one entry per binding, in the sources file's order. Immutable and thread-safe.
 *
 * @param outcomes what each binding gave
 */
public record SyncResult(List<SourceOutcome> outcomes) {
  /** Copies. */
  public SyncResult {
    outcomes = List.copyOf(outcomes);
  }

  /** The new check-ins by key result id, in the order of the bindings. */
  public Map<String, List<CheckIn>> additions() {
    Map<String, List<CheckIn>> out = new LinkedHashMap<>();
    for (SourceOutcome o : outcomes) {
      if (!o.added().isEmpty()) {
        out.computeIfAbsent(o.keyResult(), k -> new java.util.ArrayList<>()).addAll(o.added());
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  /** How many bindings failed. */
  public long failed() {
    return outcomes.stream().filter(o -> !o.ok()).count();
  }

  /** How many new check-ins in all. */
  public int addedCount() {
    return outcomes.stream().mapToInt(o -> o.added().size()).sum();
  }
}
