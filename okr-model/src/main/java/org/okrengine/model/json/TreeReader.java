package org.okrengine.model.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.okrengine.model.Problem;
import org.okrengine.model.internal.Checks;
import org.okrengine.model.json.JsonTree.Num;
import org.okrengine.model.json.JsonTree.Obj;

/**
 * Typed access to a {@link JsonTree}: each getter returns the value or null, recording why in {@link #problems}
 * ({@code missing}, {@code must be a string: 7}, ...) at the field's JSON path. One instance per document; not
 * thread-safe.
 */
abstract class TreeReader {
  /** Every problem found so far, in the order found. */
  final List<Problem> problems = new ArrayList<>();
  /** What was tolerated. */
  final List<Problem> warnings = new ArrayList<>();

  /** A problem at {@code path}. */
  static Problem problem(JsonPath path, String message) {
    return new Problem(path.toString(), message);
  }

  /** Reads the array at {@code key} (optional) element by element; elements that failed are left out. */
  <T> List<T> list(Obj o, String key, JsonPath p, ElementReader<T> reader) {
    List<?> items = optionalArray(o, key, p);
    if (items == null) {
      return List.of();
    }
    JsonPath lp = p.field(key);
    List<T> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonPath ip = lp.at(i);
      Obj item = asObject(items.get(i), ip);
      if (item != null) {
        T t = reader.read(item, ip);
        if (t != null) {
          out.add(t);
        }
      }
    }
    return out;
  }

  @FunctionalInterface
  interface ElementReader<T> {
    T read(Obj o, JsonPath path);
  }

  @FunctionalInterface
  interface Builder<T> {
    T build();
  }

  /** Builds a record, turning a rule the checks above missed into a problem at {@code p}. */
  <T> T build(JsonPath p, Builder<T> builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      problems.add(problem(p, message(e)));
      return null;
    }
  }

  static String message(RuntimeException e) {
    String m = e.getMessage();
    return m == null ? "invalid" : m;
  }

  void unknownFields(Obj o, JsonPath p, Set<String> known) {
    for (String key : o.fields().keySet()) {
      if (!known.contains(key)) {
        warnings.add(problem(p.field(key), "unknown field"));
      }
    }
  }

  static boolean isAbsent(Obj o, String key) {
    Object v = o.get(key);
    return v == null || v == JsonTree.NULL;
  }

  /** The value at {@code key}, or null after recording {@code missing} / {@code must not be null}. */
  Object required(Obj o, String key, JsonPath p) {
    Object v = o.get(key);
    if (v == null) {
      problems.add(problem(p.field(key), "missing"));
      return null;
    }
    if (v == JsonTree.NULL) {
      problems.add(problem(p.field(key), "must not be null"));
      return null;
    }
    return v;
  }

  /** The value at {@code key}, or null when absent or JSON null. */
  static Object optional(Obj o, String key) {
    Object v = o.get(key);
    return v == JsonTree.NULL ? null : v;
  }

  /**
   * An optional {@code true}/{@code false} at {@code key}: false when absent or JSON null (documents written before
   * it), and after recording {@code must be true or false: VALUE} for anything else.
   */
  boolean optionalFlag(Obj o, String key, JsonPath p) {
    Object v = optional(o, key);
    if (v != null && !(v instanceof Boolean)) {
      problems.add(problem(p.field(key), "must be true or false: " + describe(v)));
      return false;
    }
    return Boolean.TRUE.equals(v);
  }

  /** The most code points of a string value a message quotes (the rest cut, "..." in their place). */
  private static final int QUOTED_CODE_POINTS = 80;

  /**
   * A JSON value as a message quotes it: a number as written (a whole one without ".0"), a string in quotes (its
   * first 80 code points, then "..."), "an array", "an object".
   */
  static String describe(Object v) {
    if (v instanceof JsonTree.Num n) {
      // a whole number as written (7, 20260930), not as a double prints it (7.0, 2.026093E7)
      return n.text() == null && n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
          ? Long.toString((long) n.value()) : n.describe();
    }
    if (v instanceof String s) {
      return "\"" + (s.codePointCount(0, s.length()) > QUOTED_CODE_POINTS
          ? s.substring(0, s.offsetByCodePoints(0, QUOTED_CODE_POINTS)) + "...\"" : s + "\"");
    }
    return v instanceof List ? "an array" : v instanceof Obj ? "an object" : String.valueOf(v);
  }

  /**
   * The string {@code v}, or null after recording {@code must be a string: VALUE}, or, for text no UTF-8 document can hold,
   * <code>contains an unpaired surrogate (&#92;ud800)</code>: every string the readers (and so the builders) take passes
   * here or through {@link #stringList}.
   */
  String string(Object v, JsonPath path) {
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return wellFormed(s, path);
    }
    problems.add(problem(path, "must be a string: " + describe(v)));
    return null;
  }

  /** {@code s}, or null after recording the unpaired surrogate it holds. */
  String wellFormed(String s, JsonPath path) {
    String bad = Checks.unpairedSurrogateProblem(s);
    if (bad != null) {
      problems.add(problem(path, bad));
      return null;
    }
    return s;
  }

  String requiredString(Obj o, String key, JsonPath p) {
    return string(required(o, key, p), p.field(key));
  }

  String optionalString(Obj o, String key, JsonPath p) {
    return string(optional(o, key), p.field(key));
  }

  /** {@code s} when it may be an id: not blank (white space as the schemas' {@code \s} counts it, U+00A0 too). */
  String id(String s, JsonPath path) {
    if (s != null && Checks.isBlank(s)) {
      problems.add(problem(path, "must not be blank"));
      return null;
    }
    return s;
  }

  String requiredId(Obj o, String key, JsonPath p) {
    return id(requiredString(o, key, p), p.field(key));
  }

  String optionalId(Obj o, String key, JsonPath p) {
    return id(optionalString(o, key, p), p.field(key));
  }

  Double number(Object v, JsonPath path) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Num n)) {
      // the value too ("must be a number: \"238\"", a number exported as text), as the other messages quote it
      problems.add(problem(path, "must be a number: " + describe(v)));
      return null;
    }
    if (!Double.isFinite(n.value())) {
      problems.add(problem(path, "must be finite: " + n.describe()));
      return null;
    }
    return n.value();
  }

  Double requiredNumber(Obj o, String key, JsonPath p) {
    return number(required(o, key, p), p.field(key));
  }

  Double optionalNumber(Obj o, String key, JsonPath p) {
    return number(optional(o, key), p.field(key));
  }

  Obj object(Object v, JsonPath path) {
    if (v == null) {
      return null;
    }
    if (v instanceof Obj obj) {
      return obj;
    }
    problems.add(problem(path, "must be an object: " + describe(v)));
    return null;
  }

  Obj asObject(Object v, JsonPath path) {
    if (v == JsonTree.NULL) {
      problems.add(problem(path, "must not be null"));
      return null;
    }
    return object(v, path);
  }

  Obj requiredObject(Obj o, String key, JsonPath p) {
    return object(required(o, key, p), p.field(key));
  }

  Obj optionalObject(Obj o, String key, JsonPath p) {
    return object(optional(o, key), p.field(key));
  }

  List<?> array(Object v, JsonPath path) {
    if (v == null) {
      return null;
    }
    if (v instanceof List<?> list) {
      return list;
    }
    problems.add(problem(path, "must be an array: " + describe(v)));
    return null;
  }

  List<?> requiredArray(Obj o, String key, JsonPath p) {
    return array(required(o, key, p), p.field(key));
  }

  List<?> optionalArray(Obj o, String key, JsonPath p) {
    return array(optional(o, key), p.field(key));
  }

  /** An optional array of strings; null when absent or when an element is not a string. */
  List<String> stringList(Obj o, String key, JsonPath p) {
    List<?> items = optionalArray(o, key, p);
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>(items.size());
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof String s) {
        if (wellFormed(s, p.field(key).at(i)) == null) {
          ok = false;
        }
        out.add(s);
      } else {
        problems.add(problem(p.field(key).at(i), "must be a string: " + describe(items.get(i))));
        ok = false;
      }
    }
    return ok ? out : null;
  }

  LocalDate date(String s, JsonPath path) {
    if (s == null) {
      return null;
    }
    try {
      return Iso.date(s);
    } catch (DateTimeException e) {
      problems.add(problem(path, "not a date (yyyy-mm-dd): \"" + s + "\""));
      return null;
    }
  }

  LocalDate requiredDate(Obj o, String key, JsonPath p) {
    return date(requiredString(o, key, p), p.field(key));
  }

  LocalDate optionalDate(Obj o, String key, JsonPath p) {
    return date(optionalString(o, key, p), p.field(key));
  }

  /**
   * The instant at {@code key}: an instant with offset, or (when {@code dates} is given) a local date, turned into an
   * instant by {@code dates}.
   */
  Instant requiredInstant(Obj o, String key, JsonPath p, Function<LocalDate, Instant> dates) {
    String s = requiredString(o, key, p);
    if (s == null) {
      return null;
    }
    try {
      if (dates != null && s.indexOf('T') < 0 && s.indexOf('t') < 0) {
        return dates.apply(Iso.date(s));
      }
      return Iso.instant(s);
    } catch (DateTimeException e) {
      problems.add(problem(p.field(key), dates != null
          ? "not an instant with offset or a date: \"" + s + "\""
          : "not an instant with offset: \"" + s + "\""));
      return null;
    }
  }

  /** A whole number at {@code path} (a JSON number without a fraction, within int range), or null. */
  Integer integer(Object v, JsonPath path) {
    Double d = number(v, path);
    if (d == null) {
      return null;
    }
    if (d != Math.rint(d)) {
      problems.add(problem(path, "must be a whole number: " + d));
      return null;
    }
    if (d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
      // whole, but beyond what the field holds: the range beside the value ("must be a whole number: 1.0E308" read
      // as if 1e308 had a fraction)
      problems.add(problem(path, "must be a whole number within " + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE
          + ": " + describe(v)));
      return null;
    }
    return (int) d.doubleValue();
  }

  <E extends Enum<E>> E optionalEnum(Obj o, String key, JsonPath p, String what, E[] values,
      Function<E, String> name, Function<String, Optional<E>> lookup) {
    return enumValue(optionalString(o, key, p), p.field(key), what, values, name, lookup);
  }

  <E extends Enum<E>> E requiredEnum(Obj o, String key, JsonPath p, String what, E[] values,
      Function<E, String> name, Function<String, Optional<E>> lookup) {
    return enumValue(requiredString(o, key, p), p.field(key), what, values, name, lookup);
  }

  <E extends Enum<E>> E enumValue(String s, JsonPath path, String what, E[] values, Function<E, String> name,
      Function<String, Optional<E>> lookup) {
    if (s == null) {
      return null;
    }
    Optional<E> e = lookup.apply(s);
    if (e.isPresent()) {
      return e.get();
    }
    List<String> names = new ArrayList<>();
    for (E v : values) {
      names.add(name.apply(v));
    }
    problems.add(problem(path,
        "unknown " + what + " \"" + s + "\" (expected one of: " + String.join(", ", names) + ")"));
    return null;
  }
}
