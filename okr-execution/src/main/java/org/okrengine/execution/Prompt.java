package org.okrengine.execution;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.SourceHealthSummary;

/** The grounded prompt: the facts of a report as compact text. Stateless and thread-safe. */
final class Prompt {
  private Prompt() {}

  static String of(CycleReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("Facts about OKR cycle ").append(r.cycleId()).append(" as of ").append(r.asOf())
        .append(", computed by the OKR Execution Engine from the teams' check-ins. Use only these facts; do not add "
            + "numbers, names or causes that are not here.\n");
    if (r.summary() != null) {
      sb.append("\nSummary: ").append(r.summary()).append('\n');
    }
    List<KeyResultReport> attention = r.keyResults().stream().filter(k -> k.status().needsAttention()).toList();
    if (!attention.isEmpty()) {
      sb.append("\nKey results that need attention:\n");
      for (KeyResultReport k : attention) {
        sb.append("- ").append(k.id()).append(" \"").append(k.title()).append("\" (team ").append(k.team())
            .append(", objective ").append(k.objective()).append("): ").append(Insights.statusName(k.status()));
        if (k.progress() != null) {
          sb.append("; ").append(Numbers.percent(k.progress())).append(" of the way against ")
              .append(Numbers.percent(k.expectedProgress())).append(" planned");
        }
        if (k.forecast() != null) {
          sb.append("; forecast to land at ").append(Numbers.percent(k.forecast().landingProgress()))
              .append(", P(target) ").append(Numbers.percent(k.forecast().probabilityOfTarget()));
        }
        if (k.daysSinceCheckIn() != null) {
          sb.append("; last check-in ").append(Numbers.days(k.daysSinceCheckIn())).append(" ago");
        }
        sb.append(".\n");
        if (k.insight() != null) {
          sb.append("  ").append(k.insight()).append('\n');
        }
        int i = 1;
        for (Cause c : k.causes()) {
          sb.append("  Cause ").append(i++).append(" (").append(c.code()).append("): ").append(c.sentence())
              .append('\n');
        }
      }
    }
    section(sb, "Cascades of late work",
        r.cascades().stream().map(CascadeSummary::reason).filter(Objects::nonNull).toList());
    section(sb, "Escalations", r.escalations().stream().map(Prompt::escalation).toList());
    section(sb, "Broken data connections", r.sourceHealth().stream().map(SourceHealthSummary::reason).toList());
    section(sb, "Objectives", r.objectives().stream().map(ObjectiveSummary::summary).toList());
    return sb.toString();
  }

  private static String escalation(EscalationSummary e) {
    return String.format(Locale.ROOT, "level %d to %s since %s: %s", e.level(), e.to(), e.since(), e.reason());
  }

  private static void section(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    sb.append('\n').append(title).append(":\n");
    for (String l : lines) {
      sb.append("- ").append(l).append('\n');
    }
  }
}
