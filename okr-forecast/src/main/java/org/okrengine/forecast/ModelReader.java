package org.okrengine.forecast;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.model.Cycle;
import org.okrengine.model.InvalidInputException;
import org.okrengine.model.Problem;
import org.okrengine.model.json.PlainJson;

/** Reads {@code okr-forecast-model/1} documents, collecting every problem. Not thread-safe: one per read. */
final class ModelReader {
  private static final Set<String> TOP = Set.of("format", "name", "method", "trajectory", "weights", "metHolds",
      "atRiskBelow", "achieveChance", "resultTiming", "fittedOn", "warnings");
  private static final Set<String> TRAJECTORY = Set.of("planOptimism", "rateSpread", "noisePrior",
      "calibrationIntercept", "calibrationSlope");
  private static final Set<String> FITTED = Set.of("cycles", "keyResults", "forecasts", "hitRate", "firstStart",
      "lastEnd", "weightOfHistory", "basedOn");
  /** The most warnings a model file may carry, and the longest text of one. */
  private static final int MAX_WARNINGS = 100;
  private static final int MAX_TEXT = 2000;

  private final List<Problem> problems = new ArrayList<>();

  private ModelReader() {}

  static ForecastModel read(String json) {
    Object root;
    try {
      root = PlainJson.parse(json);
    } catch (InvalidInputException e) {
      throw new InvalidModelException(e.problems());
    }
    return new ModelReader().model(root);
  }

  private ForecastModel model(Object root) {
    if (!(root instanceof Map<?, ?> top)) {
      throw new InvalidModelException(List.of(new Problem("", "must be a JSON object: " + describe(root))));
    }
    unknown(top, TOP, "");
    Object format = top.get("format");
    if (!ForecastModel.FORMAT.equals(format)) {
      problem("format", format == null ? "is required: \"" + ForecastModel.FORMAT + "\""
          : "must be \"" + ForecastModel.FORMAT + "\" (a version this library reads): " + describe(format));
    }
    // the name's own rule judges any value given (text's 2,000 characters would name the wrong limit)
    Object nameValue = top.get("name");
    String name = null;
    if (nameValue == null || nameValue == PlainJson.NULL) {
      problem("name", "is required");
    } else if (!(nameValue instanceof String s)) {
      problem("name", "must be a string of 1 to 200 characters without control, format or separator characters: "
          + describe(nameValue));
    } else if (!ForecastModel.validName(s)) {
      problem("name", "must be 1 to 200 characters without control, format or separator characters: "
          + describe(s));
    } else {
      name = s;
    }
    Object method = top.get("method");
    if (method != null && method != PlainJson.NULL && !ForecastMethod.MOVEMENT_AWARE.id().equals(method)) {
      problem("method", "must be \"" + ForecastMethod.MOVEMENT_AWARE.id() + "\": " + describe(method));
    }
    Hyperparameters h = trajectory(top.get("trajectory"));
    double[] w = weights(top.get("weights"));
    Double held = top.get("metHolds") == null ? Double.valueOf(ForecastModel.LEGACY_MET_HOLDS)
        : number(top, "metHolds", "", ForecastModel.MIN_MET_HOLDS, 1, true);
    Double atRisk = top.get("atRiskBelow") == null ? Double.valueOf(ForecastModel.LEGACY_AT_RISK_BELOW)
        : number(top, "atRiskBelow", "", ForecastModel.MIN_AT_RISK_BELOW, ForecastModel.MAX_AT_RISK_BELOW, true);
    Double achieve = top.get("achieveChance") == null ? Double.valueOf(ForecastModel.DEFAULT_ACHIEVE_CHANCE)
        : number(top, "achieveChance", "", ForecastModel.MIN_ACHIEVE_CHANCE, ForecastModel.MAX_ACHIEVE_CHANCE, true);
    ResultTiming timing = timing(top.get("resultTiming"));
    ForecastModel.FitSummary fitted = fitted(top.get("fittedOn"));
    List<String> warnings = warnings(top.get("warnings"));
    if (!problems.isEmpty()) {
      throw new InvalidModelException(problems);
    }
    return new ForecastModel(name, h, w, held, atRisk, achieve, timing, fitted, warnings);
  }

  /** The model's {@code resultTiming}: {@code "end"} (also when absent) or {@code "last-check-in"}. */
  private ResultTiming timing(Object o) {
    if (o == null) {
      return ResultTiming.END;
    }
    ResultTiming t = o instanceof String s ? ResultTiming.fromId(s) : null;
    if (t == null || t == ResultTiming.DETECT) {
      problem("resultTiming", "must be \"end\" or \"last-check-in\": " + describe(o));
      return ResultTiming.END;
    }
    return t;
  }

  private Hyperparameters trajectory(Object o) {
    Map<?, ?> m = object(o, "trajectory", true);
    if (m == null) {
      return null;
    }
    unknown(m, TRAJECTORY, "trajectory.");
    // the ranges Hyperparameters accepts, open at both ends
    Double optimism = open(m, "planOptimism", 0, 100, true);
    Double spread = open(m, "rateSpread", 0, 1e6, true);
    Double noise = open(m, "noisePrior", 0, 1e6, true);
    Double intercept = open(m, "calibrationIntercept", -100, 100, false);
    Double slope = open(m, "calibrationSlope", 0, 100, false);
    if ((m.get("calibrationIntercept") == null) != (m.get("calibrationSlope") == null)) {
      problem("trajectory", "calibrationIntercept and calibrationSlope go together: give both or neither");
      return null;
    }
    if (optimism == null || spread == null || noise == null || (intercept == null) != (slope == null)) {
      return null;
    }
    return new Hyperparameters(optimism, spread, noise, intercept == null ? 0.0 : intercept,
        slope == null ? 1.0 : slope);
  }

  private double[] weights(Object o) {
    Map<?, ?> m = object(o, "weights", true);
    double[] w = new double[Stack.FEATURES];
    if (m == null) {
      return w;
    }
    unknown(m, Set.of(Stack.NAMES), "weights.");
    for (int k = 0; k < Stack.FEATURES; k++) {
      Double v = number(m, Stack.NAMES[k], "weights.", -ForecastModel.MAX_WEIGHT, ForecastModel.MAX_WEIGHT,
          k < Stack.FIRST_OPTIONAL);
      w[k] = v == null ? 0 : v;
    }
    return w;
  }

  private ForecastModel.FitSummary fitted(Object o) {
    if (o == null || o == PlainJson.NULL) {
      return null;
    }
    Map<?, ?> m = object(o, "fittedOn", false);
    if (m == null) {
      return null;
    }
    unknown(m, FITTED, "fittedOn.");
    Double cycles = whole(m, "cycles");
    Double keyResults = whole(m, "keyResults");
    Double forecasts = whole(m, "forecasts");
    Double hitRate = number(m, "hitRate", "fittedOn.", 0, 1, true);
    Double weight = number(m, "weightOfHistory", "fittedOn.", 0, 1, true);
    LocalDate first = date(m, "firstStart");
    LocalDate last = date(m, "lastEnd");
    String basedOn = text(m, "basedOn", "fittedOn.", false);
    // a name of nothing read "shrunk toward  (weight ...)"; a span that ends before it starts is no span
    if (basedOn != null && org.okrengine.model.internal.Checks.isBlank(basedOn)) {
      problem("fittedOn.basedOn", "must name a model, or be null or absent for none: " + describe(basedOn));
      basedOn = null;
    }
    if (first != null && last != null && first.isAfter(last)) {
      problem("fittedOn.firstStart", "must not be after fittedOn.lastEnd (" + first + " > " + last + ")");
    }
    if (cycles == null || keyResults == null || forecasts == null || hitRate == null || weight == null) {
      return null;
    }
    return new ForecastModel.FitSummary(cycles.intValue(), keyResults.intValue(), forecasts.intValue(), hitRate,
        first, last, weight, basedOn);
  }

  private List<String> warnings(Object o) {
    List<String> out = new ArrayList<>();
    if (o == null || o == PlainJson.NULL) {
      return out;
    }
    if (!(o instanceof List<?> list)) {
      problem("warnings", "must be an array of strings: " + describe(o));
      return out;
    }
    if (list.size() > MAX_WARNINGS) {
      problem("warnings", "must hold at most " + MAX_WARNINGS + " entries: " + list.size());
      return out;
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String s && s.length() <= MAX_TEXT) {
        out.add(s);
      } else {
        problem("warnings[" + i + "]", "must be a string of at most " + MAX_TEXT + " characters: "
            + describe(list.get(i)));
      }
    }
    return out;
  }

  private Map<?, ?> object(Object o, String path, boolean required) {
    if (o == null) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    if (!(o instanceof Map<?, ?> m)) {
      problem(path, "must be a JSON object: " + describe(o));
      return null;
    }
    return m;
  }

  private void unknown(Map<?, ?> m, Set<String> known, String prefix) {
    for (Object key : m.keySet()) {
      if (!known.contains(key)) {
        problem(prefix + key, "unknown field");
      }
    }
  }

  private Double number(Map<?, ?> m, String key, String prefix, double min, double max, boolean required) {
    Object v = m.get(key);
    if (v == null) {
      if (required) {
        problem(prefix + key, "is required");
      }
      return null;
    }
    if (!(v instanceof Double d) || !(d >= min && d <= max)) {
      problem(prefix + key, "must be a number within [" + min + ", " + max + "]: " + describe(v));
      return null;
    }
    return d;
  }

  /** A number strictly between {@code min} and {@code max}, or null (a problem noted where one is wrong). */
  private Double open(Map<?, ?> m, String key, double min, double max, boolean required) {
    Object v = m.get(key);
    if (v == null) {
      if (required) {
        problem("trajectory." + key, "is required");
      }
      return null;
    }
    if (!(v instanceof Double d) || !(d > min && d < max)) {
      problem("trajectory." + key, "must be a number within (" + min + ", " + max + "), both ends excluded: "
          + describe(v));
      return null;
    }
    return d;
  }

  /** A whole number within [0, Integer.MAX_VALUE] of {@code fittedOn}, or null (a problem noted where it is wrong). */
  private Double whole(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (v == null) {
      problem("fittedOn." + key, "is required");
      return null;
    }
    if (!(v instanceof Double d) || !(d >= 0 && d <= Integer.MAX_VALUE) || d != Math.rint(d)) {
      // as the document writes it: -1, not -1.0 (nor a range of doubles, [0.0, 2.147483647E9])
      String given = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString((long) (double) d) : describe(v);
      problem("fittedOn." + key, "must be a whole number within 0.." + Integer.MAX_VALUE + ": " + given);
      return null;
    }
    return d;
  }

  private LocalDate date(Map<?, ?> m, String key) {
    Object v = m.get(key);
    if (v == null || v == PlainJson.NULL) {
      return null;
    }
    if (v instanceof String s && s.length() == 10) {
      try {
        LocalDate d = LocalDate.parse(s);
        if (!d.isBefore(Cycle.MIN_DATE) && !d.isAfter(Cycle.MAX_DATE)) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    problem("fittedOn." + key, "must be a date (yyyy-mm-dd) from " + Cycle.MIN_DATE + " to " + Cycle.MAX_DATE
        + ", or null: " + describe(v));
    return null;
  }

  private String text(Map<?, ?> m, String key, String prefix, boolean required) {
    Object v = m.get(key);
    if (v == null || v == PlainJson.NULL) {
      if (required) {
        problem(prefix + key, "is required");
      }
      return null;
    }
    if (!(v instanceof String s) || s.length() > MAX_TEXT) {
      problem(prefix + key, "must be a string of at most " + MAX_TEXT + " characters: " + describe(v));
      return null;
    }
    return s;
  }

  private void problem(String path, String message) {
    problems.add(new Problem(path, message));
  }

  /**
   * A value for a message: strings quoted with control characters escaped, and cut at 80 code points (as the other
   * readers cut theirs: 80 UTF-16 units split a character beyond the BMP, an emoji, in two).
   */
  private static String describe(Object v) {
    if (v instanceof String s) {
      return ForecastModel.quote(s.codePointCount(0, s.length()) > 80
          ? s.substring(0, s.offsetByCodePoints(0, 80)) + "..." : s);
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "an array";
    }
    return String.valueOf(v);
  }
}
