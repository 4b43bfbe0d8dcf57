package org.okrengine.model.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.Problem;

/**
 * How the model's builders reach the {@code okr-cycle/1} reader's validation, so that a cycle built in Java is judged
 * by the very rules a JSON document is. The reader lives in {@code org.okrengine.model.json}, which depends on this
 * package; it installs itself here when its class is initialised (the pattern of the JDK's {@code SharedSecrets}), so
 * the model package needs no compile-time dependency back on it. Not part of the API (this package is not exported).
 * Thread-safe.
 *
 * <p>A builder hands over a plain tree: {@code Map<String, Object>} (in field order) for a JSON object, {@code List}
 * for an array, {@code String}, {@code Double} (not necessarily finite), {@code LocalDate}, {@code Instant} and
 * {@code ZoneId} for the values the format writes as strings; an absent field is an absent key.
 */
public final class CycleValidation {
  /** What a tree is read as. */
  public enum Element {
    /** A whole {@code okr-cycle/1} document, with its {@code format}; gives an {@code OkrCycle}. */
    DOCUMENT,
    /** One objective, with its key results; gives an {@code Objective}. */
    OBJECTIVE,
    /** One key result, with its team; gives a {@code KeyResult}. */
    KEY_RESULT,
    /** One metric; gives a {@code Metric}. */
    METRIC,
    /** One check-in; gives a {@code CheckIn}. */
    CHECK_IN,
    /** One initiative, with its milestones; gives an {@code Initiative}. */
    INITIATIVE
  }

  /**
   * What reading a tree gave; paths are JSON paths from the tree's root.
   *
   * @param value the value read, or null when there are errors
   * @param errors every problem (empty when {@code value} is present)
   * @param warnings what was tolerated
   */
  public record Outcome(Object value, List<Problem> errors, List<Problem> warnings) {
    /** Copies the lists. */
    public Outcome {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }
  }

  /** The reader's side of the bridge. */
  @FunctionalInterface
  public interface Reader {
    /** Reads {@code tree} as {@code element}. */
    Outcome read(Element element, Map<String, Object> tree);
  }

  /** The class of the json package that installs the reader when initialised. */
  private static final String INSTALLER = "org.okrengine.model.json.BuiltTrees";

  private static volatile Reader reader;

  private CycleValidation() {}

  /** Called once by the json package. */
  public static void install(Reader r) {
    reader = Objects.requireNonNull(r, "r must not be null");
  }

  /** Reads {@code tree} as {@code element} with the {@code okr-cycle/1} reader's rules. */
  public static Outcome read(Element element, Map<String, Object> tree) {
    Reader r = reader;
    if (r == null) {
      try {
        Class.forName(INSTALLER, true, CycleValidation.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("okr-model is incomplete: " + INSTALLER + " is missing", e);
      }
      r = reader;
    }
    return r.read(element, tree);
  }
}
