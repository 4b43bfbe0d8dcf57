package org.okrengine.model.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.okrengine.model.Cycle;
import org.okrengine.model.Metric;

/**
 * Argument checks shared by the model's constructors; messages name the parameter, the rule and the value.
 * Not part of the API (this package is not exported). Stateless and thread-safe.
 */
public final class Checks {
  private Checks() {}

  /**
   * What is wrong with {@code target} on its side of {@code baseline} for {@code direction}, as the end of a sentence
   * after "target" ({@code must be below baseline for direction decrease (target 9.5, baseline 9.0)}); null when it
   * lies on the side the direction moves toward (increase: above, decrease: below; the other directions: either).
   * The direction is declared, not read from the numbers: a decrease whose target lay above its baseline had its
   * progress counted upward ("latest 9.6 h" against a target of 9.5 h read 120%, achieved).
   */
  public static String wrongSide(org.okrengine.model.Direction direction, double baseline, double target) {
    if (direction == org.okrengine.model.Direction.INCREASE && target < baseline) {
      return "must be above baseline for direction increase (target " + target + ", baseline " + baseline + ")";
    }
    if (direction == org.okrengine.model.Direction.DECREASE && target > baseline) {
      return "must be below baseline for direction decrease (target " + target + ", baseline " + baseline + ")";
    }
    return null;
  }

  /**
   * Whether {@code c} is white space to the formats' schemas, whose {@code \S} is ECMA-262's: its WhiteSpace and
   * LineTerminator (tab, line feed, U+000B, form feed, carriage return, space, U+00A0, U+1680, U+2000 to U+200A,
   * U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF), and, as {@link String#isBlank} has always counted them here,
   * U+001C to U+001F.
   */
  public static boolean isWhiteSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\ufeff';
  }

  /** Whether {@code s} is empty or only {@link #isWhiteSpace white space}: what a schema's {@code \S} refuses. */
  public static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isWhiteSpace(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The index of the first surrogate in {@code s} that is not half of a well-formed pair (a high surrogate followed by
   * a low one), or -1 when there is none. Such text cannot be written as UTF-8.
   */
  public static int unpairedSurrogate(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Null when {@code s} holds no unpaired surrogate, else the rule and the surrogate as a JSON escape:
   * <code>contains an unpaired surrogate (&#92;ud800)</code>.
   */
  public static String unpairedSurrogateProblem(CharSequence s) {
    int i = unpairedSurrogate(s);
    if (i < 0) {
      return null;
    }
    char c = s.charAt(i);
    return "contains an unpaired surrogate (\\u" + String.format(Locale.ROOT, "%04x", (int) c) + ")";
  }

  /** Returns {@code value} when it holds no unpaired surrogate (null passes). */
  public static String requireWellFormed(String value, String name) {
    String problem = value == null ? null : unpairedSurrogateProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(name + " " + problem);
    }
    return value;
  }

  /** Returns {@code values} when none holds an unpaired surrogate, naming the first that does by its index. */
  public static List<String> requireWellFormedAll(List<String> values, String name) {
    for (int i = 0; i < values.size(); i++) {
      requireWellFormed(values.get(i), name + "[" + i + "]");
    }
    return values;
  }

  /** Returns {@code value} when it is a non-blank string without unpaired surrogates. */
  public static String requireId(String value, String name) {
    Objects.requireNonNull(value, () -> name + " must not be null");
    if (isBlank(value)) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return requireWellFormed(value, name);
  }

  /** Returns {@code value} when it is null or a non-blank string without unpaired surrogates. */
  public static String optionalId(String value, String name) {
    return value == null ? null : requireId(value, name);
  }

  /** Returns {@code value} when it is finite. */
  public static double requireFinite(double value, String name) {
    if (Double.isFinite(value)) {
      return value;
    }
    throw new IllegalArgumentException(name + " must be finite: " + value);
  }

  /** Returns {@code value} when it is null or finite. */
  public static Double optionalFinite(Double value, String name) {
    return value == null ? null : requireFinite(value, name);
  }

  /** How messages write the range of {@link Metric#MAX_MAGNITUDE}. */
  public static final String MAGNITUDE_RANGE = "-1e15..1e15";

  /** Returns {@code value} when it is finite and within +-{@link Metric#MAX_MAGNITUDE}. */
  public static double requireMagnitude(double value, String name) {
    requireFinite(value, name);
    if (value >= -Metric.MAX_MAGNITUDE && value <= Metric.MAX_MAGNITUDE) {
      return value;
    }
    throw new IllegalArgumentException(name + " must be within " + MAGNITUDE_RANGE + ": " + value);
  }

  /** Returns {@code value} when it is null or finite and within +-{@link Metric#MAX_MAGNITUDE}. */
  public static Double optionalMagnitude(Double value, String name) {
    return value == null ? null : requireMagnitude(value, name);
  }

  /** How messages write the range from {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}. */
  public static final String DATE_RANGE = "1900-01-01..2200-12-31";

  /** The first instant on {@link Cycle#MIN_DATE} in UTC. */
  private static final Instant FIRST_INSTANT = Cycle.MIN_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
  /** The first instant after {@link Cycle#MAX_DATE} in UTC. */
  private static final Instant AFTER_LAST_INSTANT = Cycle.MAX_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

  /** Whether {@code date} lies within {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}. */
  public static boolean isSupported(LocalDate date) {
    return !date.isBefore(Cycle.MIN_DATE) && !date.isAfter(Cycle.MAX_DATE);
  }

  /** Whether {@code instant}'s date in UTC lies within {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}. */
  public static boolean isSupported(Instant instant) {
    return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(AFTER_LAST_INSTANT);
  }

  /** Returns {@code date} when it is not null and within {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}. */
  public static LocalDate requireDate(LocalDate date, String name) {
    Objects.requireNonNull(date, () -> name + " must not be null");
    if (isSupported(date)) {
      return date;
    }
    throw new IllegalArgumentException(name + " must be within " + DATE_RANGE + ": " + date);
  }

  /** Returns {@code date} when it is null or within {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}. */
  public static LocalDate optionalDate(LocalDate date, String name) {
    return date == null ? null : requireDate(date, name);
  }

  /** Returns {@code instant} when it is not null and its date in UTC is within the supported dates. */
  public static Instant requireInstant(Instant instant, String name) {
    Objects.requireNonNull(instant, () -> name + " must not be null");
    if (isSupported(instant)) {
      return instant;
    }
    throw new IllegalArgumentException(name + " must be within " + DATE_RANGE + " (UTC): " + instant);
  }

  /**
   * Null when {@code instant} lies within {@code cycle}'s window ({@link Cycle#windowStart} to
   * {@link Cycle#windowEnd}, both included); else the rule and the value:
   * {@code must be within W1..W2 (one cycle length before the start to one after the end): T}.
   */
  public static String outsideWindow(Cycle cycle, Instant instant) {
    Instant from = cycle.windowStart();
    Instant to = cycle.windowEnd();
    if (!instant.isBefore(from) && !instant.isAfter(to)) {
      return null;
    }
    return "must be within " + from + ".." + to + " (one cycle length before the start to one after the end): "
        + instant;
  }

  /** Returns {@code value} when it is within [0, 1]. */
  public static double requireUnit(double value, String name) {
    if (value >= 0 && value <= 1) {
      return value;
    }
    throw new IllegalArgumentException(name + " must be within 0..1: " + value);
  }

  /** Returns {@code value} when it is null or within [0, 1]. */
  public static Double optionalUnit(Double value, String name) {
    return value == null ? null : requireUnit(value, name);
  }

  /** Returns an immutable copy of {@code list}, which must not be null nor hold nulls. */
  public static <T> List<T> copy(List<T> list, String name) {
    Objects.requireNonNull(list, () -> name + " must not be null");
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new NullPointerException(name + "[" + i + "] must not be null");
      }
    }
    return List.copyOf(list);
  }

  /**
   * An unmodifiable copy of named evidence in name order; each name must be an id and each number finite.
   *
   * @throws NullPointerException when the map or a number is null
   * @throws IllegalArgumentException when a name is blank or a number is not finite, naming it
   */
  public static Map<String, Double> evidence(Map<String, Double> evidence) {
    Objects.requireNonNull(evidence, "evidence must not be null");
    TreeMap<String, Double> sorted = new TreeMap<>();
    for (Map.Entry<String, Double> e : evidence.entrySet()) {
      Objects.requireNonNull(e.getValue(), () -> "evidence." + e.getKey() + " must not be null");
      sorted.put(requireId(e.getKey(), "evidence name"), requireFinite(e.getValue(), "evidence." + e.getKey()));
    }
    return Collections.unmodifiableMap(sorted);
  }
}
