package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalUnit;
import static org.okrengine.model.internal.Checks.requireInstant;
import static org.okrengine.model.internal.Checks.requireMagnitude;
import static org.okrengine.model.internal.Checks.requireWellFormed;
import static org.okrengine.model.internal.Checks.requireWellFormedAll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.okrengine.model.internal.CycleValidation;

/**
 * One reported value of a key result's metric. Immutable and thread-safe.
 *
 * @param at when the value was reported; its date in UTC within {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}
 * @param value the metric's value, in the metric's unit, within +-{@link Metric#MAX_MAGNITUDE}
 * @param confidence the owner's confidence (0..1) that the target will be met, or null
 * @param note free text, or null
 * @param blockers tags of what blocks progress (empty when none)
 * @param source the integration that sent the value (for example {@code salesforce}), or null when entered by hand
 */
public record CheckIn(Instant at, double value, Double confidence, String note, List<String> blockers,
    String source) {
  /**
   * Validates and copies the blockers.
   *
   * @throws IllegalArgumentException when {@code at} lies outside the years 1900 to 2200 (in UTC), the value is not
   *     finite or beyond +-{@link Metric#MAX_MAGNITUDE}, or the confidence is outside [0, 1]
   */
  public CheckIn {
    requireInstant(at, "at");
    requireMagnitude(value, "value");
    optionalUnit(confidence, "confidence");
    blockers = blockers == null ? List.of() : requireWellFormedAll(copy(blockers, "blockers"), "blockers");
    requireWellFormed(note, "note");
    requireWellFormed(source, "source");
  }

  /** A check-in with a value only. */
  public static CheckIn of(Instant at, double value) {
    return new CheckIn(at, value, null, null, List.of(), null);
  }

  /**
   * A builder of a check-in of {@code value} (in the metric's unit) at {@code at}
   * ({@code CheckIn.builder(at, 1.25).confidence(0.8).note("two deals closed")}).
   */
  public static Builder builder(Instant at, double value) {
    return new Builder(at, value);
  }

  /** A builder holding this check-in's fields. */
  public Builder toBuilder() {
    return new Builder(at, value).confidence(confidence).note(note).blockers(blockers).source(source);
  }

  /**
   * Builds a {@link CheckIn} field by field. {@link #build} checks every rule the JSON reader checks and lists every
   * problem at once ({@code checkIn.confidence: must be within 0..1: 1.5}); a key result's builder checks it again
   * against its metric (an {@code achieve} key result takes only 0 and 1) and, within a cycle, the cycle's window.
   *
   * <p>Not thread-safe: use a builder from one thread. What it builds is immutable and thread-safe.
   */
  public static final class Builder {
    /** An {@link Instant}, or a {@link java.time.LocalDate} taken in the cycle's zone (from a key result's builder). */
    private final Object at;
    private final double value;
    private Double confidence;
    private String note;
    private List<String> blockers;
    private String source;

    Builder(Object at, double value) {
      this.at = at;
      this.value = value;
    }

    /** The owner's confidence (0..1) that the target will be met, or null. */
    public Builder confidence(Double confidence) {
      this.confidence = confidence;
      return this;
    }

    /** Free text, or null. */
    public Builder note(String note) {
      this.note = note;
      return this;
    }

    /** Tags of what blocks progress. */
    public Builder blockers(String... blockers) {
      return blockers(Arrays.asList(blockers));
    }

    /** Tags of what blocks progress (a copy is kept). */
    public Builder blockers(List<String> blockers) {
      this.blockers = blockers == null ? null : new ArrayList<>(blockers);
      return this;
    }

    /** The integration that sent the value ({@code salesforce}), or null when entered by hand. */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /** When it was reported: an {@link Instant}, or a date. */
    Object at() {
      return at;
    }

    Builder copy() {
      return new Builder(at, value).confidence(confidence).note(note).blockers(blockers).source(source);
    }

    Map<String, Object> tree() {
      Map<String, Object> t = Built.object();
      Built.put(t, "at", at);
      t.put("value", value);
      Built.put(t, "confidence", confidence);
      Built.put(t, "note", note);
      Built.put(t, "blockers", blockers == null ? null : new ArrayList<Object>(blockers));
      Built.put(t, "source", source);
      return t;
    }

    /**
     * The check-in.
     *
     * @throws InvalidCycleException listing every problem, each naming the field
     */
    public CheckIn build() {
      return Built.read(CycleValidation.Element.CHECK_IN, tree(),
          new Built.Names("checkIn").add("", null, null), CheckIn.class);
    }
  }
}
