package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an analysis of one cycle at one instant returns: the content of an {@code okr-report/1} document.
 * Immutable and thread-safe.
 *
 * @param cycleId the cycle's id
 * @param asOf the instant analysed; only check-ins at or before it count
 * @param keyResults one entry per key result, in document order
 * @param cascades slips flowing across dependencies, most impact first
 * @param escalations escalated items, highest level first
 * @param sourceHealth broken data connections, in document order of their first key result (empty when none)
 * @param objectives one summary per objective, in document order (empty when not computed)
 * @param summary a few plain sentences about the whole cycle, or null
 * @param model the forecast model that made the report, or null when not named
 * @param escalationGroups escalations that share a cause, highest level first (empty when none)
 * @param teams one roll-up per team with key results, most needing attention first (empty when not computed)
 * @param changes what changed since an earlier instant, or null when nothing was compared
 */
public record CycleReport(String cycleId, Instant asOf, List<KeyResultReport> keyResults,
    List<CascadeSummary> cascades, List<EscalationSummary> escalations, List<SourceHealthSummary> sourceHealth,
    List<ObjectiveSummary> objectives, String summary, ForecastModelInfo model,
    List<EscalationGroup> escalationGroups, List<TeamSummary> teams, ReportChanges changes) {
  /** Validates and copies the lists. */
  public CycleReport {
    requireId(cycleId, "cycleId");
    Objects.requireNonNull(asOf, "asOf must not be null");
    keyResults = copy(keyResults, "keyResults");
    cascades = cascades == null ? List.of() : copy(cascades, "cascades");
    escalations = escalations == null ? List.of() : copy(escalations, "escalations");
    sourceHealth = sourceHealth == null ? List.of() : copy(sourceHealth, "sourceHealth");
    objectives = objectives == null ? List.of() : copy(objectives, "objectives");
    escalationGroups = escalationGroups == null ? List.of() : copy(escalationGroups, "escalationGroups");
    teams = teams == null ? List.of() : copy(teams, "teams");
    if (changes != null && !changes.since().isBefore(asOf)) {
      throw new IllegalArgumentException("changes.since must be before asOf (" + asOf + "): " + changes.since());
    }
  }

  /** A report without team roll-ups or changes. */
  public CycleReport(String cycleId, Instant asOf, List<KeyResultReport> keyResults, List<CascadeSummary> cascades,
      List<EscalationSummary> escalations, List<SourceHealthSummary> sourceHealth, List<ObjectiveSummary> objectives,
      String summary, ForecastModelInfo model, List<EscalationGroup> escalationGroups) {
    this(cycleId, asOf, keyResults, cascades, escalations, sourceHealth, objectives, summary, model, escalationGroups,
        List.of(), null);
  }

  /** A report without escalation groups. */
  public CycleReport(String cycleId, Instant asOf, List<KeyResultReport> keyResults, List<CascadeSummary> cascades,
      List<EscalationSummary> escalations, List<SourceHealthSummary> sourceHealth, List<ObjectiveSummary> objectives,
      String summary, ForecastModelInfo model) {
    this(cycleId, asOf, keyResults, cascades, escalations, sourceHealth, objectives, summary, model, List.of());
  }

  /** A report that does not name its forecast model. */
  public CycleReport(String cycleId, Instant asOf, List<KeyResultReport> keyResults, List<CascadeSummary> cascades,
      List<EscalationSummary> escalations, List<SourceHealthSummary> sourceHealth, List<ObjectiveSummary> objectives,
      String summary) {
    this(cycleId, asOf, keyResults, cascades, escalations, sourceHealth, objectives, summary, null);
  }

  /** A report without source health, objective summaries, summary or model. */
  public CycleReport(String cycleId, Instant asOf, List<KeyResultReport> keyResults, List<CascadeSummary> cascades,
      List<EscalationSummary> escalations) {
    this(cycleId, asOf, keyResults, cascades, escalations, List.of(), List.of(), null, null);
  }
}
