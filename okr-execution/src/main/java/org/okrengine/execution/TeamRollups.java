package org.okrengine.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;
import org.okrengine.model.TeamSummary;

/**
 * Team roll-ups of a report's key results. Stateless and thread-safe.
 *
 * <p>A team's key results are those whose {@code team} it is, whatever objective they serve. Weights are relative
 * within an objective, so across a team every key result counts equally: progress is the mean of the clamped (0..1)
 * progress of those with a check-in, the plan the mean over all; both over the key results with a way to go (increase
 * or decrease) where the team has one, with a check-in or not: a kept threshold or a done key result is not 100% of
 * a way, and one without data has no plan of its own to average (a team whose only key result with a way to go had
 * no check-in yet read "100% of 70% plan", its maintain key result's threshold held). A team without any is over all
 * its key results. Teams without key results are left out. Order: most
 * key results needing attention first, then the larger share needing attention, then the order of the teams in the
 * document.
 */
final class TeamRollups {
  private TeamRollups() {}

  static List<TeamSummary> of(OkrCycle okr, List<KeyResultReport> rows) {
    Map<String, List<KeyResultReport>> byTeam = new LinkedHashMap<>();
    for (Team t : okr.teams()) {
      byTeam.put(t.id(), new ArrayList<>());
    }
    for (KeyResultReport r : rows) {
      byTeam.computeIfAbsent(r.team(), k -> new ArrayList<>()).add(r);
    }
    List<TeamSummary> out = new ArrayList<>();
    for (Map.Entry<String, List<KeyResultReport>> e : byTeam.entrySet()) {
      List<KeyResultReport> krs = e.getValue();
      if (krs.isEmpty()) {
        continue;
      }
      int attention = 0;
      int withProgress = 0;
      double progress = 0;
      double expected = 0;
      int planned = 0;
      Set<String> owners = new LinkedHashSet<>();
      // over the key results with a way to go where the team has any, with a check-in or not
      boolean reachOnly = krs.stream().anyMatch(Summaries::isReach);
      for (KeyResultReport r : krs) {
        if (r.needsAttention()) {
          attention++;
        }
        boolean counted = !reachOnly || Summaries.isReach(r);
        if (r.progress() != null && counted) {
          withProgress++;
          progress += Math.max(0, Math.min(1, r.progress()));
        }
        if (counted) {
          planned++;
          expected += r.expectedProgress();
        }
        String owner = okr.keyResult(r.id()).map(KeyResult::owner).orElse(null);
        if (owner != null && !owner.isBlank()) {
          owners.add(owner);
        }
      }
      String name = okr.team(e.getKey()).map(Team::name).orElse(e.getKey());
      out.add(new TeamSummary(e.getKey(), name, krs.size(), attention,
          withProgress == 0 ? null : progress / withProgress, expected / planned, List.copyOf(owners)));
    }
    // stable: ties keep document order
    out.sort(Comparator.comparingInt(TeamSummary::needAttention).reversed()
        .thenComparing(Comparator.comparingDouble((TeamSummary t) -> (double) t.needAttention() / t.keyResults())
            .reversed()));
    return out;
  }
}
