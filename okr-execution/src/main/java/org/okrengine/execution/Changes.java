package org.okrengine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.ReportChanges;

/**
 * What changed between two reports of one cycle ({@link ReportChanges}). Stateless and thread-safe.
 *
 * <p>The comparison instant: by default 7 days before the analysed instant; never before the cycle's start (before
 * it there is nothing to compare, so the start is used), and a report at or before that instant compares nothing
 * (null). A status change is any difference of status; a new escalation an item escalated now at a level above the
 * one it had then (none counts as 0); a probability move a difference of the probability of target of at least
 * {@link ReportChanges#MIN_PROBABILITY_MOVE} (both forecasts known), largest first, and none once the cycle is over
 * (the probability is then the outcome, which the status says).
 */
final class Changes {
  /** The default distance of the comparison instant before the analysed one: 7 calendar days. */
  static final long DEFAULT_DAYS_BEFORE = 7;

  private Changes() {}

  /**
   * The default comparison instant for a report as of {@code asOf}: 7 calendar days before it in the cycle's zone (the
   * same wall-clock time a week earlier, across a daylight-saving change too).
   */
  static Instant defaultCompareTo(Cycle cycle, Instant asOf) {
    return cycle.calendarDaysBefore(asOf, DEFAULT_DAYS_BEFORE);
  }

  /** {@code compareTo} moved to the cycle's start when before it; null when that is not before {@code asOf}. */
  static Instant effective(OkrCycle okr, Instant asOf, Instant compareTo) {
    Instant start = okr.cycle().startInstant();
    Instant at = compareTo.isBefore(start) ? start : compareTo;
    return at.isBefore(asOf) ? at : null;
  }

  static ReportChanges between(OkrCycle okr, CycleReport then, CycleReport now) {
    Map<String, KeyResultReport> before = new HashMap<>();
    for (KeyResultReport r : then.keyResults()) {
      before.put(r.id(), r);
    }
    List<ReportChanges.StatusChange> statuses = new ArrayList<>();
    List<ReportChanges.ProbabilityMove> moves = new ArrayList<>();
    // once the cycle is over a probability is the outcome (1 or 0): its move says again what the status change says
    // (on-track -> off-track), so none is listed
    boolean over = Insights.over(okr.cycle(), now.asOf());
    for (KeyResultReport r : now.keyResults()) {
      KeyResultReport b = before.get(r.id());
      if (b == null) {
        continue;
      }
      if (b.status() != r.status()) {
        statuses.add(new ReportChanges.StatusChange(r.id(), r.title(), b.status(), r.status()));
      }
      if (!over && b.forecast() != null && r.forecast() != null) {
        double from = b.forecast().probabilityOfTarget();
        double to = r.forecast().probabilityOfTarget();
        // compared in whole percentage points, as shown, so that a move shown as 10 points counts
        if (Math.abs(Math.round(to * 100) - Math.round(from * 100))
            >= Math.round(ReportChanges.MIN_PROBABILITY_MOVE * 100)) {
          moves.add(new ReportChanges.ProbabilityMove(r.id(), r.title(), from, to));
        }
      }
    }
    moves.sort(Comparator.comparingDouble((ReportChanges.ProbabilityMove m) -> Math.abs(m.to() - m.from()))
        .reversed());
    Map<String, Integer> levelThen = new HashMap<>();
    for (EscalationSummary e : then.escalations()) {
      levelThen.merge(e.subject(), e.level(), Math::max);
    }
    List<ReportChanges.NewEscalation> escalations = new ArrayList<>();
    for (EscalationSummary e : now.escalations()) {
      Integer was = levelThen.get(e.subject());
      if (was == null || was < e.level()) {
        escalations.add(new ReportChanges.NewEscalation(e.subject(), title(okr, e.subject()), e.level(), e.to(),
            was));
      }
    }
    return new ReportChanges(then.asOf(), statuses, escalations, moves);
  }

  /** The title of the item {@code id} (key result, initiative, milestone or objective), or null. */
  static String title(OkrCycle okr, String id) {
    return okr.keyResult(id).map(k -> k.title())
        .or(() -> okr.initiative(id).map(i -> i.title()))
        .or(() -> okr.milestone(id).map(m -> m.title()))
        .or(() -> okr.objective(id).map(o -> o.title()))
        .orElse(null);
  }
}
