package org.okrengine.retro;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.okrengine.model.SafeText;

/**
 * Writes a {@link RetroReport} as {@code okr-retro/1} JSON: fixed field order, two-space indentation, numbers
 * rounded to 6 decimal places with trailing zeros dropped, unknown numbers {@code null}. The same report always gives
 * the same bytes. A recommendation's {@code message} is a sentence: the teams' names and tags in it are written
 * {@link SafeText#printable printable} (a control character, line separator or bidirectional control as the six
 * characters backslash, {@code u} and four hex digits); every other string (ids, names, keys) is the value as read.
 * Stateless and thread-safe.
 */
public final class RetroJson {
  /** The format name written in the {@code format} field. */
  public static final String FORMAT = "okr-retro/1";
  /**
   * The {@code forecasts.flaggedBy} of a replay: a flag is the forecast's status at a weekly instant as
   * {@code okr analyze} gives it that day (at-risk or off-track by the probability thresholds), without the engine's
   * upstream-late and late-for-need-by statuses, which need the dependency graph.
   */
  public static final String FLAGGED_BY = "forecast-status";

  /**
   * The {@code forecasts.forecastAt} of a replay that forecast each key result's value at its expected last check-in
   * ({@link RetroReport#forecastAtLastCheckIn}); the field is absent where the replay forecast the cycle's end.
   */
  public static final String FORECAST_AT_LAST_CHECK_IN = "last-check-in";

  private RetroJson() {}

  /** The report as an {@code okr-retro/1} document, ending in a newline. */
  public static String write(RetroReport r) {
    W w = new W();
    w.open('{');
    w.field("format").str(FORMAT);
    w.field("cycles").num(r.cycles());
    w.field("keyResults").num(r.keyResults());
    w.field("scoredFromResults").num(r.scoredFromResults());
    w.field("scoredFromLastCheckIn").num(r.scoredFromLastCheckIn());
    w.field("unscored").num(r.unscored());
    w.field("completion").open('{');
    w.field("overall");
    group(w, r.overall());
    w.field("objectives").open('[');
    for (ObjectiveStats o : r.objectives()) {
      w.item().open('{');
      w.field("commitment").str(o.commitment());
      w.field("expectedScore").num(o.expectedScore());
      w.field("objectives").num(o.objectives());
      w.field("scored").num(o.scored());
      w.field("meanScore").num(o.meanScore());
      w.field("medianScore").num(o.medianScore());
      w.field("metExpectation").num(o.metExpectation());
      w.close('}');
    }
    w.close(']');
    w.field("groups").open('{');
    for (Breakdown b : r.breakdowns()) {
      w.field(b.grouping().jsonName()).open('[');
      for (GroupStats g : b.groups()) {
        w.item();
        group(w, g);
      }
      w.close(']');
    }
    w.close('}');
    w.field("trends").open('[');
    for (TeamTrend t : r.trends()) {
      w.item().open('{');
      w.field("team").str(t.team());
      w.field("points").open('[');
      for (TrendPoint p : t.points()) {
        w.item().inline('{');
        w.field("cycleId").str(p.cycleId());
        w.field("start").str(p.start().toString());
        w.field("keyResults").num(p.keyResults());
        w.field("scored").num(p.scored());
        w.field("hits").num(p.hits());
        w.field("meanScore").num(p.meanScore());
        w.field("change").num(p.change());
        w.endInline('}');
      }
      w.close(']');
      w.close('}');
    }
    w.close(']');
    w.close('}');
    w.field("calibration").open('{');
    w.field("overall");
    calibration(w, r.calibration());
    w.field("byTeam").open('[');
    for (CalibrationStats c : r.calibrationByTeam()) {
      w.item();
      calibration(w, c);
    }
    w.close(']');
    w.close('}');
    w.field("execution").open('{');
    w.field("cadence");
    cadence(w, r.cadence());
    w.field("cadenceByTeam").open('[');
    for (CadenceStats c : r.cadenceByTeam()) {
      w.item();
      cadence(w, c);
    }
    w.close(']');
    w.field("shapes").open('[');
    for (GroupStats g : r.shapes()) {
      w.item();
      group(w, g);
    }
    w.close(']');
    w.close('}');
    w.field("blockers").open('[');
    for (BlockerStats b : r.blockers()) {
      w.item().open('{');
      w.field("tag").str(b.tag());
      w.field("keyResults").num(b.keyResults());
      w.field("mentions").num(b.mentions());
      w.field("meanDays").num(b.meanDays());
      w.field("maxDays").num(b.maxDays());
      w.field("teams").inline('[');
      for (TeamCount t : b.teams()) {
        w.item().inline('{');
        w.field("team").str(t.team());
        w.field("keyResults").num(t.keyResults());
        w.endInline('}');
      }
      w.endInline(']');
      w.field("hits").num(b.hits());
      w.field("misses").num(b.misses());
      w.field("missRate").num(b.missRate());
      w.close('}');
    }
    w.close(']');
    w.field("forecasts").open('{');
    w.field("model");
    if (r.model() == null) {
      w.nul();
    } else {
      w.str(r.model());
    }
    // where the replay's forecasts were taken, as okr-report/1's model.forecastAt: written only where it is not the
    // cycle's end, so every document written before it existed is as it was
    if (r.forecastAtLastCheckIn()) {
      w.field("forecastAt").str(FORECAST_AT_LAST_CHECK_IN);
    }
    // what a flag is: the forecaster's status as okr analyze gives it from the forecast on the day, not the engine's
    // upstream-late and late-for-need-by statuses (ForecastsSection)
    w.field("flaggedBy");
    if (r.forecasts() == null) {
      w.nul();
    } else {
      w.str(FLAGGED_BY);
    }
    w.field("overall");
    if (r.forecasts() == null) {
      w.nul();
    } else {
      forecasts(w, r.forecasts());
    }
    w.field("byTeam").open('[');
    for (ForecastAccountability f : r.forecastsByTeam()) {
      w.item();
      forecasts(w, f);
    }
    w.close(']');
    w.close('}');
    w.field("recommendations").open('[');
    for (Recommendation rec : r.recommendations()) {
      w.item().open('{');
      w.field("code").str(rec.code());
      w.field("subject").str(rec.subject());
      // a sentence: the team names and tags in it printable (as the text shows them), never a control character
      w.field("message").str(SafeText.printable(rec.message()));
      w.field("evidence").inline('{');
      for (Evidence e : rec.evidence()) {
        w.field(e.name()).num(e.value());
      }
      w.endInline('}');
      w.close('}');
    }
    w.close(']');
    // the names the recommendations' messages use, by the ids everything else is keyed by
    w.field("teamNames").open('{');
    r.teamNames().forEach((id, name) -> w.field(id).str(name));
    w.close('}');
    w.close('}');
    return w.sb.append('\n').toString();
  }

  private static void group(W w, GroupStats g) {
    w.inline('{');
    w.field("key").str(g.key());
    w.field("keyResults").num(g.keyResults());
    w.field("scored").num(g.scored());
    w.field("hits").num(g.hits());
    w.field("hitRate").num(g.hitRate());
    w.field("meanScore").num(g.meanScore());
    w.field("medianScore").num(g.medianScore());
    w.field("bands").inline('{');
    w.field("low").num(g.low());
    w.field("middle").num(g.middle());
    w.field("high").num(g.high());
    w.endInline('}');
    w.field("committed").num(g.committed());
    w.field("committedMet").num(g.committedMet());
    w.field("aspirational").num(g.aspirational());
    w.field("aspirationalMet").num(g.aspirationalMet());
    w.field("meanAspirationalScore").num(g.meanAspirationalScore());
    w.field("undeclared").num(g.undeclared());
    w.endInline('}');
  }

  private static void calibration(W w, CalibrationStats c) {
    w.open('{');
    w.field("team").str(c.team());
    w.field("checkInsWithConfidence").num(c.checkInsWithConfidence());
    w.field("brier").num(c.brier());
    w.field("meanConfidence").num(c.meanConfidence());
    w.field("hitRate").num(c.hitRate());
    w.field("overconfidence").num(c.overconfidence());
    w.field("selfScored").num(c.selfScored());
    w.field("meanSelfScore").num(c.meanSelfScore());
    w.field("meanScore").num(c.meanScore());
    w.field("selfScoreGap").num(c.selfScoreGap());
    w.field("bins").open('[');
    for (ConfidenceBin b : c.bins()) {
      w.item().inline('{');
      w.field("lower").num(b.lower());
      w.field("upper").num(b.upper());
      w.field("count").num(b.count());
      w.field("meanConfidence").num(b.meanConfidence());
      w.field("hitRate").num(b.hitRate());
      w.endInline('}');
    }
    w.close(']');
    w.close('}');
  }

  private static void cadence(W w, CadenceStats c) {
    w.inline('{');
    w.field("team").str(c.team());
    w.field("keyResults").num(c.keyResults());
    w.field("keyResultsWithoutCheckIns").num(c.keyResultsWithoutCheckIns());
    w.field("checkIns").num(c.checkIns());
    w.field("medianGapDays").num(c.medianGapDays());
    w.field("weeks").num(c.weeks());
    w.field("weeksWithCheckIn").num(c.weeksWithCheckIn());
    w.field("shareOfWeeksWithCheckIn").num(c.shareOfWeeksWithCheckIn());
    w.field("longestSilenceDays").num(c.longestSilenceDays());
    w.field("longestSilenceCycle").str(c.longestSilenceCycle());
    w.field("longestSilenceKeyResult").str(c.longestSilenceKeyResult());
    w.endInline('}');
  }

  private static void forecasts(W w, ForecastAccountability f) {
    w.inline('{');
    w.field("team").str(f.team());
    w.field("keyResults").num(f.keyResults());
    w.field("misses").num(f.misses());
    w.field("missesFlagged").num(f.missesFlagged());
    w.field("missesFlaggedToTheEnd").num(f.missesFlaggedToTheEnd());
    w.field("missesFlaggedWithoutGap").num(f.missesFlaggedWithoutGap());
    w.field("medianWeeksAheadFirstFlag").num(f.medianWeeksAheadFirstFlag());
    w.field("meanWeeksAheadFirstFlag").num(f.meanWeeksAheadFirstFlag());
    w.field("medianWeeksFlaggedToTheEnd").num(f.medianWeeksFlaggedToTheEnd());
    w.field("hits").num(f.hits());
    w.field("hitsFlagged").num(f.hitsFlagged());
    w.field("hitsFlaggedAtLastForecast").num(f.hitsFlaggedAtLastForecast());
    w.field("falseAlarmRate").num(f.falseAlarmRate());
    w.endInline('}');
  }

  /** A number as written: rounded to 6 decimal places, trailing zeros dropped; null when unknown or not finite. */
  static String number(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return "null";
    }
    BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return d.signum() == 0 ? "0" : d.toPlainString();
  }

  /** A string as a JSON literal, or null. */
  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else if (SafeText.isUnsafe(c) && !Character.isSurrogate(c)) {
            // DEL, C1, U+2028, U+2029, the bidirectional controls, U+FEFF: as okr-report/1 and FreeText.quote write them
            SafeText.appendEscape(sb, c);
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }

  /** A tiny pretty-printing writer: containers opened with {@link #open} go one per line, inline ones on one. */
  private static final class W {
    final StringBuilder sb = new StringBuilder(4096);
    /** Per depth: whether the container is inline, and whether it has an element yet. */
    private final boolean[] inline = new boolean[64];
    private final boolean[] hasElement = new boolean[64];
    private int depth = -1;

    W open(char c) {
      sb.append(c);
      depth++;
      inline[depth] = depth > 0 && inline[depth - 1];
      hasElement[depth] = false;
      return this;
    }

    W inline(char c) {
      sb.append(c);
      depth++;
      inline[depth] = true;
      hasElement[depth] = false;
      return this;
    }

    void close(char c) {
      boolean had = hasElement[depth];
      boolean in = inline[depth];
      depth--;
      if (had && !in) {
        newline();
      }
      sb.append(c);
    }

    void endInline(char c) {
      close(c);
    }

    private void separate() {
      if (hasElement[depth]) {
        sb.append(inline[depth] ? ", " : ",");
      }
      hasElement[depth] = true;
      if (!inline[depth]) {
        newline();
      }
    }

    private void newline() {
      sb.append('\n');
      for (int i = 0; i <= depth; i++) {
        sb.append("  ");
      }
    }

    W field(String name) {
      separate();
      sb.append(string(name)).append(": ");
      return this;
    }

    W item() {
      separate();
      return this;
    }

    void str(String s) {
      sb.append(string(s));
    }

    void num(long v) {
      sb.append(v);
    }

    void num(Double v) {
      sb.append(number(v));
    }

    void num(double v) {
      sb.append(number(v));
    }

    void nul() {
      sb.append("null");
    }
  }

}
