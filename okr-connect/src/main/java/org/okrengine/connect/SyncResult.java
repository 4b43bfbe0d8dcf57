package org.okrengine.connect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.CheckIn;
import org.okrengine.model.SourceStatus;

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

  /**
   * The sources' health after this sync, for the cycle's {@code sources} section: {@code previous} (what the cycle
   * held) with each source this sync fetched brought up to date. A source fails when any of its bindings failed, with
   * the first failing binding's {@link SourceOutcome#reason} (in the sources file's order) as its last error, and
   * the failing bindings' key results as its {@link SourceStatus#keyResults}. A source whose state is unchanged
   * keeps its {@code since}, so a failure that persists keeps the instant it began and a working source the instant
   * it began working; a failing source whose error or key results changed keeps its {@code since} and gets the new
   * ones. A source that changes state gets {@code now} as its {@code since}; one that
   * recovers keeps the error it recovered from. Sources this sync did not fetch are kept as they were; those it
   * fetched for the first time follow, in the sources file's order. Equal to {@code previous} when nothing changed.
   *
   * @param previous the cycle's {@link org.okrengine.model.OkrCycle#sources()}
   * @param now the instant of this sync (a wall-clock instant, not the as-of of the values)
   */
  public List<SourceStatus> health(List<SourceStatus> previous, Instant now) {
    Objects.requireNonNull(now, "now must not be null");
    // source to its first failing binding's reason (null while none failed) and its failing key results
    Map<String, String> errors = new LinkedHashMap<>();
    Map<String, List<String>> failedFor = new LinkedHashMap<>();
    for (SourceOutcome o : outcomes) {
      List<String> krs = failedFor.computeIfAbsent(o.source(), k -> new ArrayList<>());
      if (!errors.containsKey(o.source()) || (errors.get(o.source()) == null && !o.ok())) {
        errors.put(o.source(), o.ok() ? null : o.reason());
      }
      if (!o.ok() && !krs.contains(o.keyResult())) {
        krs.add(o.keyResult());
      }
    }
    List<SourceStatus> out = new ArrayList<>();
    for (SourceStatus p : previous) {
      out.add(errors.containsKey(p.name())
          ? next(p.name(), p, errors.remove(p.name()), failedFor.get(p.name()), now) : p);
    }
    errors.forEach((name, error) -> out.add(next(name, null, error, failedFor.get(name), now)));
    return List.copyOf(out);
  }

  private static SourceStatus next(String name, SourceStatus previous, String error, List<String> keyResults,
      Instant now) {
    if (error == null) {
      if (previous != null && !previous.failing()) {
        return previous;
      }
      return new SourceStatus(name, SourceStatus.State.OK, now, previous == null ? null : previous.lastError(),
          List.of());
    }
    if (previous != null && previous.failing()) {
      SourceStatus same = SourceStatus.failing(name, previous.since(), error, keyResults);
      return same.equals(previous) ? previous : same;
    }
    return SourceStatus.failing(name, now, error, keyResults);
  }

  /** How many new check-ins in all. */
  public int addedCount() {
    return outcomes.stream().mapToInt(o -> o.added().size()).sum();
  }
}
