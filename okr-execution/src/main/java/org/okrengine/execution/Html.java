package org.okrengine.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.SafeText;
import org.okrengine.model.Team;

/**
 * How every part of the HTML page ({@link HtmlPage}, {@link BurnUpChart}, {@link GraphSvg}) escapes text and writes
 * numbers, dates and SVG coordinates. Stateless and thread-safe.
 */
final class Html {
  /** A day on the page: {@code 3 Aug}. */
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private Html() {}

  /**
   * Text escaped for HTML and SVG content and double-quoted attributes: {@code & < > " '} as character references;
   * what {@link SafeText#isUnsafe} names (control characters other than tab, newline and carriage return, which HTML
   * reads as spaces; line separators, bidirectional controls, unpaired surrogates) and U+FFFE and U+FFFF as
   * U+FFFD.
   */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(ch).append(s.charAt(++i));
          } else if (SafeText.isUnsafe(ch) && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xfffe
              || ch == 0xffff) {
            out.append('\ufffd');
          } else {
            out.append(ch);
          }
      }
    }
    return out.toString();
  }

  /** An SVG coordinate: one decimal, never NaN or infinite (those become 0), within ±1,000,000. */
  static String num(double v) {
    double c = Double.isFinite(v) ? Math.max(-1e6, Math.min(1e6, v)) : 0;
    String s = String.format(Locale.ROOT, "%.1f", c);
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    return s.equals("-0") ? "0" : s;
  }

  /** A percentage escaped for the page: it can begin with {@code <} or {@code >} ({@link Numbers#percent}). */
  static String pct(double fraction) {
    return esc(Numbers.percent(fraction));
  }

  /**
   * A prediction interval, {@code low – high unit}, not escaped; the unit is the plural of a range ({@code 0.6 – 1
   * deals}, not {@code 1 deal}) unless both ends read 1. An end short of the target never reads as the target
   * ({@link Numbers#landingValue}: {@code 15 – 19.99 widgets}, not {@code 15 – 20 widgets}, for an interval wholly
   * short of 20). For a key result whose outcome can only be a whole number ({@code whole}, {@link Numbers#whole}), the
   * whole numbers within it ({@link Numbers#wholeInterval}: {@code 1 – 4 customers}, not {@code 1 – 4.38 customers}),
   * one number where both ends are the same ({@code 2 customers}).
   */
  static String interval(PredictionInterval iv, Metric m, boolean whole) {
    double lo = iv.low();
    double hi = iv.high();
    if (whole && Double.isFinite(lo) && Double.isFinite(hi)) {
      double[] ends = Numbers.wholeInterval(lo, hi, m);
      if (ends[0] == ends[1]) {
        return Numbers.landingValue(ends[1], m);
      }
      lo = ends[0];
      hi = ends[1];
    }
    String low = Numbers.landingNumber(lo, m);
    String high = Numbers.landingValue(hi, m);
    String n = Numbers.landingNumber(hi, m);
    String unit = m == null || m.unit() == null ? "" : m.unit().strip();
    if (!unit.isEmpty() && !low.equals(n) && (n.equals("1") || n.equals("-1"))) {
      high = n + (unit.startsWith("%") ? "" : " ") + Numbers.plural(unit);
    }
    return low + " – " + high;
  }

  static String plural(int n, String one, String many) {
    return n == 1 ? one : many;
  }

  /** {@code s} cut to {@code max} code points, the last of them an ellipsis when cut. */
  static String truncate(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, Math.max(1, max - 1))) + "…";
  }

  /** The name of the team {@code teamId} of {@code okr}, or the id when the cycle has no such team. */
  static String teamName(OkrCycle okr, String teamId) {
    return okr.team(teamId).map(Team::name).orElse(teamId);
  }

  /**
   * The UTF-8 text of the resource {@code name} beside this class, line ends as {@code \n}, without the final line
   * end.
   *
   * @throws IllegalStateException when the resource is missing (a broken build)
   */
  static String resource(String name) {
    try (InputStream in = Html.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource missing: " + name);
      }
      String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
      return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    } catch (IOException e) {
      throw new UncheckedIOException("resource unreadable: " + name, e);
    }
  }
}
