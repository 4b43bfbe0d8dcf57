package org.okrengine.execution;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.internal.Digits;

/**
 * How every text of this module writes a number: metric values, percentages and days, the same in sentences, the
 * grounded prompt and the HTML page. Stateless and thread-safe.
 */
final class Numbers {
  /*
   * Values: up to two decimals (one from 100, none for whole numbers), up to three significant digits below 1
   * (0.042, 0.0301, 0.00421; two before 2026-12-04, when 0.0301 read as its target 0.03), three significant digits
   * in scientific notation from 10 million and below 0.001. Trailing zeros go, except in scientific notation, where
   * they show the precision. -0 is 0. A value that is not finite is "–"
   * (the model refuses such values; this only keeps a broken number out of a sentence).
   *
   * Percentages: whole, with a comma per thousand. Progress can be as large as 1e15 / 1e-9 = 1e24 (the model's
   * largest value over its smallest span): rounding that to a long gives Long.MAX_VALUE, and a cast of its negative
   * gives "-9223372036854775808%". Beyond +-999,999% the text says so instead of giving a number: ">999,999%".
   */
  /** The largest percentage written as a number; beyond it ">999,999%" or "<-999,999%". */
  static final double MAX_PERCENT = 999_999;

  private Numbers() {}

  /**
   * {@code v} in {@code m}'s unit ({@code 2 M EUR}, {@code 99.93%}, {@code 1 incident}, {@code 3 levels}); {@code m}
   * may be null for a bare number. A number written {@code 1} or {@code -1} takes the unit's {@link #singular}, any
   * other its {@link #plural} ({@code 0 deals}, {@code 1.5 releases}); the unit is written without the spaces around
   * it.
   */
  static String value(double v, Metric m) {
    return withUnit(number(v), m);
  }

  /**
   * A difference between two values of {@code m}, or its change in a week ({@code d}, its sign kept), in {@code m}'s
   * unit: as {@link #value} ({@code 0.31 NPS}, {@code 2 incidents}, {@code 1 level}), except that a difference of a
   * metric in percent ({@link #inPoints}) is in percentage points: {@code 10 points}, {@code 1 point},
   * {@code 0.5 points}, with the decimals {@link #number} gives the metric's values (its target and baseline, the
   * larger: two from 1, one from 100), so that the difference reads as the values it is between do; one too small for
   * those decimals as {@link #number} writes it ({@code 0.004 points}). "10% above the threshold of 50%" of a value of
   * 60% read as 55%, and "moved 0.0583% a week" of a churn from 2.5% to 1.5% as a share of it.
   */
  static String difference(double d, Metric m) {
    if (!inPoints(m)) {
      return value(d, m);
    }
    double scale = Math.abs(m.target());
    if (m.baseline() != null) {
      scale = Math.max(scale, Math.abs(m.baseline()));
    }
    String n;
    if (!Double.isFinite(d) || d == 0 || !(scale >= 1e-3 && scale < 1e7)) {
      n = number(d);
    } else {
      n = fixed(d, decimals(scale));
      if (n.equals("0") || n.equals("-0")) {
        n = number(d);
      }
    }
    return n + (n.equals("1") || n.equals("-1") ? " point" : " points");
  }

  /**
   * Whether a difference of {@code m}'s values is in percentage points ({@link #difference}): its unit is {@code %}
   * (or begins with it, {@code % uptime}) or {@code percent}.
   */
  static boolean inPoints(Metric m) {
    String unit = m == null || m.unit() == null ? "" : m.unit().strip();
    return unit.startsWith("%") || unit.equalsIgnoreCase("percent") || unit.equalsIgnoreCase("per cent");
  }

  /**
   * A value of key result metric {@code m} as a sentence names it: for an ordinal metric (one that declares
   * {@link Metric#levels}) the level, its unit's singular before the number ({@code level 3}, {@code zone 2};
   * {@code level} without a unit or with one that does not count), not a count ({@code 3 levels}); else as
   * {@link #value}. A difference between two values stays a count ({@code 1 level below the threshold of level 3}).
   */
  static String reading(double v, Metric m) {
    return ordinal(m) ? levelWord(m) + " " + number(v) : value(v, m);
  }

  /** A landing value as {@link #reading} names it, with the digits of {@link #landingValue}. */
  static String landingReading(double v, Metric m) {
    return ordinal(m) ? levelWord(m) + " " + landingNumber(v, m) : landingValue(v, m);
  }

  /**
   * Words that name a level ("zone 3", "stage 2"), in the singular: an ordinal key result whose unit is one of them,
   * or has none, reads "level 3"; one whose unit counts something else reads as a count ("4 stars", "3 people": "star
   * 4" and "person 3" read as names, the reviewer's find).
   */
  private static final Set<String> LEVEL_NAMES = Set.of("level", "stage", "tier", "phase", "zone",
      "step", "grade", "rung", "band", "rank", "rating", "score", "maturity level");

  /** Whether {@code m} is ordinal and its values read as named levels ({@link #LEVEL_NAMES}, or no unit). */
  private static boolean ordinal(Metric m) {
    if (m == null || !m.isOrdinal()) {
      return false;
    }
    String unit = m.unit() == null ? "" : m.unit().strip();
    return unit.isEmpty() || LEVEL_NAMES.contains(singular(unit));
  }

  private static String levelWord(Metric m) {
    String unit = m.unit() == null ? "" : m.unit().strip();
    return unit.isEmpty() ? "level" : singular(unit);
  }

  /** Number {@code n} followed by {@code m}'s unit, as {@link #value} writes it. */
  private static String withUnit(String n, Metric m) {
    String unit = m == null || m.unit() == null ? null : m.unit().strip();
    if (unit == null || unit.isEmpty()) {
      return n;
    }
    return n + (unit.startsWith("%") ? "" : " ") + (n.equals("1") || n.equals("-1") ? singular(unit) : plural(unit));
  }

  /**
   * Whether {@code unit} (stripped) counts things: a word that {@link #singular} or {@link #plural} changes, written
   * in the plural ({@code deals}, {@code days}) or the singular ({@code deal}, {@code day}) alike; not a symbol, an
   * abbreviation or a mass noun ({@code h}, {@code M EUR}, {@code %}, {@code revenue}).
   */
  static boolean counts(String unit) {
    String u = unit.strip();
    return !singular(u).equals(u) || !plural(u).equals(u);
  }

  /**
   * The plural of a unit written as a plain English noun in the singular, for any count but one: {@code level} ->
   * {@code levels}, {@code deal} -> {@code deals}, {@code story} -> {@code stories}, {@code batch} -> {@code batches};
   * any other unit as it is. Conservative, as {@link #singular}: only a single word of four or more lower-case
   * letters a-z with a vowel is changed, so abbreviations and symbols ({@code h}, {@code ms}, {@code kg}, {@code NPS},
   * {@code USD}, {@code k€}, {@code %}, {@code sqft}) and units of several words ({@code M EUR}, {@code k visits}) stay;
   * a word ending in s is taken as plural already or as a word without a plural of its own ({@code incidents},
   * {@code status}, {@code series}); mass nouns and the names of scales ({@code revenue}, {@code uptime},
   * {@code percent}, {@code rating}, {@code score}) stay, as listed in {@code NOT_COUNTED}. A word ending in a
   * consonant and y takes ies, one ending in x, ch or sh takes es, one ending in z, f or fe (quiz, leaf, life) stays,
   * any other takes an s.
   */
  static String plural(String unit) {
    int n = unit.length();
    if (n < 4 || NOT_COUNTED.contains(unit)) {
      return unit;
    }
    if (unit.equals("person")) {
      return "people";
    }
    if (unit.equals("people") || unit.equals("children") || unit.equals("women")) {
      return unit; // plurals without an s ("3 peoples" before; "men" is under four letters)
    }
    boolean vowel = false;
    for (int i = 0; i < n; i++) {
      char c = unit.charAt(i);
      if (c < 'a' || c > 'z') {
        return unit;
      }
      vowel |= "aeiouy".indexOf(c) >= 0;
    }
    char last = unit.charAt(n - 1);
    if (!vowel || last == 's') {
      return unit;
    }
    if (last == 'y' && "aeiou".indexOf(unit.charAt(n - 2)) < 0) {
      return unit.substring(0, n - 1) + "ies"; // story -> stories, reply -> replies
    }
    if (last == 'z' || last == 'f' || unit.endsWith("fe")) {
      return unit; // quiz, leaf, life: not a plain s or es
    }
    if (last == 'x' || unit.endsWith("ch") || unit.endsWith("sh")) {
      return unit + "es"; // batch -> batches, patch -> patches
    }
    return unit + "s";
  }

  /**
   * The singular of a unit that is a plain English plural, for a count of one: {@code incidents} -> {@code incident},
   * {@code replies} -> {@code reply}; any other unit as it is (abbreviations and symbols such as {@code ms},
   * {@code NPS}, {@code EUR} or {@code %}, words of fewer than four letters or without a vowel before their s, such
   * as {@code mbps}, and words ending in ss, us or is, which are not plurals of a word without their s); {@code people}
   * -> {@code person}.
   */
  static String singular(String unit) {
    if (unit.equals("people")) {
      return "person";
    }
    int n = unit.length();
    if (n < 4 || unit.charAt(n - 1) != 's') {
      return unit;
    }
    boolean vowel = false;
    for (int i = 0; i < n - 1; i++) {
      char c = unit.charAt(i);
      if (c < 'a' || c > 'z') {
        return unit;
      }
      vowel |= "aeiouy".indexOf(c) >= 0;
    }
    if (!vowel) {
      return unit; // an abbreviation: mbps, kbps, rpms
    }
    if (unit.endsWith("ss") || unit.endsWith("us") || unit.endsWith("is") || NOT_PLURALS.contains(unit)) {
      return unit;
    }
    if (unit.endsWith("ies")) {
      return n > 5 ? unit.substring(0, n - 3) + "y" : unit; // stories -> story; ties, pies as they are
    }
    if (unit.endsWith("sses") || unit.endsWith("xes") || unit.endsWith("ches") || unit.endsWith("shes")) {
      return unit.substring(0, n - 2); // processes -> process, boxes -> box, batches -> batch
    }
    return unit.substring(0, n - 1);
  }

  /** Words that end in s but are no plural of the word without it, or whose singular the rules above miss. */
  private static final java.util.Set<String> NOT_PLURALS = java.util.Set.of("news", "series", "species", "kudos",
      "movies", "cookies", "calories", "analytics", "physics", "economics", "logistics", "diabetes",
      // rates written as lower-case abbreviations with a vowel: input/output and floating-point operations per second
      "iops", "flops", "kflops", "mflops", "gflops", "tflops");

  /**
   * Words in the singular that are no count of things (mass nouns, the names of a scale or a measure, and a few
   * abbreviations that read as words): "3 revenue", "4.5 rating", "20 percent" take no s.
   */
  private static final java.util.Set<String> NOT_COUNTED = java.util.Set.of("revenue", "income", "profit", "money",
      "cash", "spend", "traffic", "uptime", "downtime", "latency", "throughput", "bandwidth", "capacity", "storage",
      "coverage", "usage", "churn", "retention", "engagement", "adoption", "growth", "satisfaction", "feedback",
      "data", "information", "software", "hardware", "equipment", "content", "code", "debt", "effort", "work",
      "time", "headcount", "staff", "personnel", "inventory", "stock", "percent", "percentage", "rate", "ratio",
      "rating", "score", "grade", "index", "kelvin", "hertz", "fahrenheit", "sheep", "fish", "deer", "aircraft",
      "kcal", "msec", "usec", "nsec", "kbit", "mbit", "gbit");

  /**
   * {@code v} as a number for reading: {@code 2}, {@code 1.25}, {@code 123.5}, {@code 1,500}, {@code 12,345.5},
   * {@code 0.042}, {@code 1.20e+08}; thousands grouped with commas, as titles write them.
   */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "–";
    }
    double a = Math.abs(v);
    String n;
    if (a == 0) {
      return "0";
    } else if (a >= 1e7 || a < 1e-3) {
      n = String.format(Locale.ROOT, "%.3g", v);
    } else if (Math.rint(v) == v) {
      n = Digits.grouped((long) v); // whole and below 1e7: as %,.0f
    } else {
      n = fixed(v, decimals(a));
    }
    return n.equals("-0") ? "0" : n;
  }

  /** The decimals {@link #number} gives a value of magnitude {@code a} (not whole, 0.001 to 10 million). */
  private static int decimals(double a) {
    return a >= 100 ? 1 : a >= 1 ? 2 : Math.max(2, 2 - (int) Math.floor(Math.log10(a)));
  }

  /**
   * {@code v} with {@code decimals} decimals, thousands grouped, trailing zeros and then a trailing point dropped: as
   * {@code String.format(Locale.ROOT, "%,.Nf", v)} with those removed, which rounds half up on the shortest decimal of
   * the double, as BigDecimal.valueOf does here (a formatter and two regular expressions per call were a twentieth
   * of the analysis of a long chain). NumbersTest compares the two on seeded values.
   */
  private static String fixed(double v, int decimals) {
    String plain = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    int end = plain.length();
    while (plain.charAt(end - 1) == '0') {
      end--; // stops at the point at the latest: there are decimals
    }
    if (plain.charAt(end - 1) == '.') {
      end--;
    }
    return Digits.grouped(plain.substring(0, end));
  }

  /**
   * {@code fraction} as a whole percentage: {@code 34%}, {@code 1,250%}; beyond +-{@value #MAX_PERCENT}%
   * {@code >999,999%} or {@code <-999,999%}; NaN as {@code –}.
   */
  static String percent(double fraction) {
    double p = fraction * 100;
    if (Double.isNaN(p)) {
      return "–";
    }
    if (p >= MAX_PERCENT + 0.5) {
      return String.format(Locale.ROOT, ">%,.0f%%", MAX_PERCENT);
    }
    if (p <= -MAX_PERCENT - 0.5) {
      return String.format(Locale.ROOT, "<-%,.0f%%", MAX_PERCENT);
    }
    return Digits.grouped(Math.round(p)) + "%";
  }

  /**
   * A landing's progress as a percentage that never reads as the target unless it reaches it: as {@link #percent},
   * except that a progress short of 1 whose whole percentage would round up to {@code 100%} gets one decimal, at most
   * {@code 99.9%} ({@code 0.996} -> {@code 99.6%}, {@code 0.99996} -> {@code 99.9%}); a progress of 1 or more rounds
   * to at least {@code 100%} already. "Forecast to land at 100% (a 43% chance of reaching 20 widgets)" read as a
   * contradiction for a landing of 0.996.
   */
  static String landingPercent(double progress) {
    String whole = percent(progress);
    if (!(progress < 1) || !whole.equals("100%")) {
      return whole;
    }
    long tenths = Math.min(999, Math.round(progress * 1000)); // 995..999: whole read 100% from 99.5% up
    return tenths / 10 + "." + tenths % 10 + "%";
  }

  /**
   * A landing value (or an interval's end) in {@code m}'s unit, as {@link #value}, except that one short of
   * {@code m}'s target (not {@link Metric#isMet met}) that {@link #number} writes as the target's figure is written
   * with as many more decimals as tell it from the target, rounded away from it ({@code 19.996} beside a target of
   * {@code 20} -> {@code 19.996 widgets}, not {@code 20 widgets}). {@code m} may be null (then as {@link #value}).
   */
  static String landingValue(double v, Metric m) {
    return withUnit(landingNumber(v, m), m);
  }

  /**
   * A forecast value of a key result whose values are whole numbers ({@link #whole}: a count of customers, deals,
   * articles) as {@link #landingValue} writes it, but rounded to a whole number: {@code 2 customers}, not
   * {@code 2.3 customers}, where the outcome can only be a whole number; one short of the target on the side it is met
   * from never rounds to it ({@code 2 customers} for 2.7 short of 3, as {@link #landingNumber}'s rule).
   */
  static String landingValue(double v, Metric m, boolean whole) {
    return withUnit(landingNumber(v, m, whole), m);
  }

  /** The number of {@link #landingValue(double, Metric, boolean)}, without the unit. */
  static String landingNumber(double v, Metric m, boolean whole) {
    // the whole number as landingNumber writes it: from 10 million, in three significant digits, one short of the
    // target gets the digits that tell it apart (19,990,000 of 20 million: 1.999e+07, not 2.00e+07)
    return landingNumber(whole && Double.isFinite(v) ? wholeLanding(v, m) : v, m);
  }

  /**
   * {@code v} rounded to the nearest whole number, but to the one on the side the target is not met from where {@code v}
   * falls short of it and the nearest would meet it (2.7 short of 3: 2; 2.4 above a maintain-below threshold of 2:
   * 3).
   */
  static double wholeLanding(double v, Metric m) {
    // half away from 0, as number() rounds a decimal
    return shortOfTarget(v, Math.copySign(Math.floor(Math.abs(v) + 0.5), v), m);
  }

  /**
   * {@code r}, a whole number near {@code v}, but the whole number on the side the target is not met from where
   * {@code v} falls short of it and {@code r} would meet it ({@link #wholeLanding}, {@link #wholeInterval}).
   */
  private static double shortOfTarget(double v, double r, Metric m) {
    if (m == null || m.direction() == Direction.ACHIEVE || m.isMet(v) || !m.isMet(r)) {
      return r;
    }
    return v < m.target() ? Math.floor(v) : Math.ceil(v);
  }

  /**
   * Values within this share of their size (at least 1) of a whole number count as it (1 - 1e-14 as 1), but no
   * further than {@link #MAX_WHOLE_TOLERANCE} from it: a billionth of 1e12 is 1,000 units.
   */
  private static final double WHOLE_TOLERANCE = 1e-9;
  /** The farthest from a whole number a value counts as it ({@link #WHOLE_TOLERANCE}). */
  private static final double MAX_WHOLE_TOLERANCE = 1e-6;

  /**
   * An 80% interval's ends, {@code low} and {@code high} in the metric's order, for a key result whose outcome can only
   * be a whole number ({@link #whole}): the whole numbers within it, its low end rounded up and its high end down
   * (1 – 4.38 customers holds the outcomes 1, 2, 3 and 4: {@code 1 – 4}); an interval between two whole numbers
   * (2.2 – 2.8) holds none, and gives the two around it, each end kept short of the target as a landing is
   * ({@link #wholeLanding}). An end within a billionth of a whole number (at most a millionth of a unit) counts
   * as it.
   */
  static double[] wholeInterval(double low, double high, Metric m) {
    double lo = Math.ceil(low - wholeTolerance(low));
    double hi = Math.floor(high + wholeTolerance(high));
    if (lo <= hi) {
      return new double[] {lo, hi};
    }
    return new double[] {shortOfTarget(low, Math.floor(low), m), shortOfTarget(high, Math.ceil(high), m)};
  }

  private static double wholeTolerance(double v) {
    return Math.min(MAX_WHOLE_TOLERANCE, WHOLE_TOLERANCE * Math.max(1, Math.abs(v)));
  }

  /** Whole numbers beyond this magnitude are not told apart from their neighbours by a double. */
  private static final double MAX_WHOLE = 0x1p52;

  /**
   * Whether the key result's outcome can only be a whole number, as far as its data says: a metric measured from a
   * baseline to a target (not done-or-not, not a few-level one, whose levels read as such, not one in percent,
   * {@link #inPoints}, a share whatever its check-ins) whose baseline, target and
   * bounds are whole numbers, as is its result where given, whose check-ins up to {@code asOf}, at least one, all
   * are, and whose unit counts things ({@link #counts}: customers, articles, deals; not EUR, ms or NPS, whose values
   * may end between two whole numbers however they were checked in). Its forecasts then read as
   * whole numbers ({@link #landingValue(double, Metric, boolean)}, {@link #wholeInterval}); the report's JSON keeps
   * the numbers.
   */
  static boolean whole(KeyResult kr, Instant asOf) {
    Metric m = kr.metric();
    // a percentage is a share, whole only as its reporter rounded it (a renewal rate of 88.43% checked in as 92, 91,
    // 93): the whole points within its interval would leave out outcomes the interval holds
    // a unit that counts things (customers, calls, deals, days; Numbers.counts): a sum of money or a latency checked
    // in in whole euros or milliseconds can still end between two (revenue of 2.99 to 6.71 M EUR read "3 – 6 M EUR")
    String unit = m.unit() == null ? "" : m.unit().strip();
    if (unit.isEmpty() || !counts(unit)) {
      return false;
    }
    if (m.direction() == Direction.ACHIEVE || m.isOrdinal() || inPoints(m) || !wholeNumber(m.target())
        || m.baseline() != null && !wholeNumber(m.baseline()) || m.min() != null && !wholeNumber(m.min())
        || m.max() != null && !wholeNumber(m.max())
        // an outcome given in decimals (an uptime ended at 94.6%) says the values are not whole, whatever the
        // check-ins: the page's table read it "94%" after the end
        || kr.result() != null && !wholeNumber(kr.result().finalValue())) {
      return false;
    }
    int seen = 0;
    for (CheckIn c : kr.checkIns()) {
      if (asOf != null && c.at().isAfter(asOf)) {
        break; // sorted by time
      }
      if (!wholeNumber(c.value())) {
        return false;
      }
      seen++;
    }
    return seen > 0;
  }

  private static boolean wholeNumber(double v) {
    return Math.rint(v) == v && Math.abs(v) <= MAX_WHOLE;
  }

  /** The number of {@link #landingValue}, without the unit. */
  static String landingNumber(double v, Metric m) {
    String n = number(v);
    if (m == null || !Double.isFinite(v) || m.direction() == Direction.ACHIEVE || m.isMet(v)
        || !n.equals(number(m.target()))) {
      return n;
    }
    // short of the target on the side it is met from: rounded toward the side it is not met, a decimal (a significant
    // digit in e-notation) more at a time until it reads apart from the target (a value below an increase target or
    // a maintain-above threshold down, one above a decrease target or a maintain-below threshold up)
    RoundingMode away = v < m.target() ? RoundingMode.FLOOR : RoundingMode.CEILING;
    BigDecimal exact = BigDecimal.valueOf(v);
    double a = Math.abs(v);
    boolean scientific = a >= 1e7 || a < 1e-3;
    for (int more = 1; more <= 15; more++) {
      String s = scientific
          ? String.format(Locale.ROOT, "%." + (2 + more) + "e", exact.round(new MathContext(3 + more, away)))
          : Digits.grouped(exact.setScale(decimals(a) + more, away).stripTrailingZeros().toPlainString());
      if (!s.equals(n)) {
        return s;
      }
    }
    return n;
  }

  /** A multiple in words, one decimal: {@code 2.7 times}, {@code 1 time} never (at least {@code 1.0 times}). */
  static String times(double factor) {
    if (!Double.isFinite(factor) || factor >= 1e6) {
      return "over a million times";
    }
    return String.format(Locale.ROOT, "%,.1f times", factor);
  }

  /** Days in words: {@code 1 day}, {@code 14 days}, {@code 2.5 days} (at most one decimal). */
  static String days(double days) {
    // as String.format(Locale.ROOT, "%.1f", days): half up on the shortest decimal of the double (the formatter,
    // a few microseconds a call, was a twentieth of the analysis of a long chain); -0.0 reads 0.0 here, -0.0 there,
    // and both become 0 below
    String n = Double.isFinite(days)
        ? BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP).toPlainString() : "–";
    n = n.endsWith(".0") ? n.substring(0, n.length() - 2) : n;
    n = n.equals("-0") ? "0" : n;
    return n.equals("1") ? "1 day" : n + " days";
  }
}
