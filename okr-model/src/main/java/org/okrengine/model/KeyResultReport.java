package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalFinite;
import static org.okrengine.model.internal.Checks.requireId;

import java.util.List;
import java.util.Objects;

/**
 * The state of one key result at the report's instant. Numbers that cannot be known are null.
 * Immutable and thread-safe.
 *
 * @param id the key result's id
 * @param title its title
 * @param objective its objective's id
 * @param team its team's id
 * @param status its status
 * @param value the latest value at or before the report's instant, or null without check-ins
 * @param progress the progress of {@code value} (unclamped), or null without check-ins
 * @param expectedProgress the progress the plan expects at the report's instant
 * @param daysSinceCheckIn whole days since the latest check-in, 0 and up, or null without check-ins
 * @param forecast where it is forecast to land, or null
 * @param reasons why it has its status, most important first (empty when none)
 * @param insight one plain sentence about it, or null
 * @param causes for a key result at risk, off track or stale: its likely causes, most likely first (empty otherwise)
 * @param metric its metric (baseline, target, direction, unit, bounds, levels), so that a consumer needs no join back
 *     to the cycle; null when not given (reports made before it existed)
 * @param owner its owner's name, or null
 * @param precedents for a key result at risk, off track or stale analysed with a history of earlier cycles: what
 *     happened to the earlier key results that stood where it stands; null otherwise
 */
public record KeyResultReport(String id, String title, String objective, String team, Status status, Double value,
    Double progress, double expectedProgress, Integer daysSinceCheckIn, ForecastSummary forecast,
    List<Reason> reasons, String insight, List<Cause> causes, Metric metric, String owner,
    PrecedentSummary precedents) {
  /** Validates (days since the check-in not negative) and copies the reasons. */
  public KeyResultReport {
    requireId(id, "id");
    Objects.requireNonNull(status, "status must not be null");
    optionalFinite(value, "value");
    optionalFinite(progress, "progress");
    optionalFinite(expectedProgress, "expectedProgress");
    if (daysSinceCheckIn != null && daysSinceCheckIn < 0) {
      throw new IllegalArgumentException("daysSinceCheckIn must not be negative: " + daysSinceCheckIn);
    }
    reasons = reasons == null ? List.of() : copy(reasons, "reasons");
    causes = causes == null ? List.of() : copy(causes, "causes");
  }

  /** A report without precedents (the constructor before they were added). */
  public KeyResultReport(String id, String title, String objective, String team, Status status, Double value,
      Double progress, double expectedProgress, Integer daysSinceCheckIn, ForecastSummary forecast,
      List<Reason> reasons, String insight, List<Cause> causes, Metric metric, String owner) {
    this(id, title, objective, team, status, value, progress, expectedProgress, daysSinceCheckIn, forecast, reasons,
        insight, causes, metric, owner, null);
  }

  /**
   * {@code sentence} as it reads under a heading that gives this key result's id and title (as the text report's and
   * the page's "Needs attention" do): its own name, {@code ID (TITLE)}, written as {@code ID} wherever it stands as a
   * name of its own, not as the tail of another item's ({@code B-KR-1 (TITLE)} names B-KR-1 even when KR-1 has that
   * title). Unchanged without a title; null for null.
   */
  public String underItsHeading(String sentence) {
    if (sentence == null || title == null) {
      return sentence;
    }
    return java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_./#-])" + java.util.regex.Pattern.quote(id + " (" + title
        + ")")).matcher(sentence).replaceAll(java.util.regex.Matcher.quoteReplacement(id));
  }

  /**
   * Whether this key result asks for attention: its status does (at risk, off track, stale), or it has had no
   * check-in at all for longer than the stale limit, counted from the cycle's start ({@link #silentSinceStart}).
   */
  public boolean needsAttention() {
    return status.needsAttention() || silentSinceStart();
  }

  /**
   * Whether this key result, without any check-in (status {@code no-data}), has been silent since the cycle's start for
   * longer than a stale key result may be: its reason {@code no-check-ins} gives {@code daysSinceStart} above
   * {@code staleAfterDays}. Such a key result keeps its status and asks for the same attention as a stale one.
   */
  public boolean silentSinceStart() {
    if (status != Status.NO_DATA) {
      return false;
    }
    for (Reason r : reasons) {
      if (r.code().equals("no-check-ins")) {
        Double days = r.evidence().get("daysSinceStart");
        Double limit = r.evidence().get("staleAfterDays");
        return days != null && limit != null && days > limit;
      }
    }
    return false;
  }

  /**
   * The {@code result.finalValue} that decided the outcome of this key result once its cycle is over, where it is
   * {@code stale} or {@code no-data} (without a check-in) and its document gives one: the evidence {@code finalValue}
   * of its reason {@code stale} or {@code no-check-ins}; null otherwise (no final value: a stale key result's outcome
   * is then its last check-in, and one without a check-in has none). Such an outcome is known.
   */
  public Double finalValue() {
    for (Reason r : reasons) {
      if (r.code().equals("no-check-ins") || r.code().equals("stale")) {
        Double v = r.evidence().get("finalValue");
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  /**
   * Whether this key result, stale when its cycle ended, was judged by its last check-in: its outcome is that
   * check-in's value, no {@code result.finalValue} of its own deciding ({@link #finalValue}). The text, the page,
   * {@code okr explain} and the prompt then say so, with how long before the end it was.
   */
  public boolean outcomeByLastCheckIn() {
    return status == Status.STALE && daysSinceCheckIn != null && forecast != null && value != null
        && finalValue() == null;
  }

  /** A copy with {@code precedents} (null for none). */
  public KeyResultReport withPrecedents(PrecedentSummary precedents) {
    return new KeyResultReport(id, title, objective, team, status, value, progress, expectedProgress,
        daysSinceCheckIn, forecast, reasons, insight, causes, metric, owner, precedents);
  }

  /** A report without its metric and owner (the constructor before they were added). */
  public KeyResultReport(String id, String title, String objective, String team, Status status, Double value,
      Double progress, double expectedProgress, Integer daysSinceCheckIn, ForecastSummary forecast,
      List<Reason> reasons, String insight, List<Cause> causes) {
    this(id, title, objective, team, status, value, progress, expectedProgress, daysSinceCheckIn, forecast, reasons,
        insight, causes, null, null);
  }

  /** A report without causes. */
  public KeyResultReport(String id, String title, String objective, String team, Status status, Double value,
      Double progress, double expectedProgress, Integer daysSinceCheckIn, ForecastSummary forecast,
      List<Reason> reasons, String insight) {
    this(id, title, objective, team, status, value, progress, expectedProgress, daysSinceCheckIn, forecast, reasons,
        insight, List.of());
  }
}
