package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.outsideWindow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.okrengine.model.internal.ReferenceCheck;

/**
 * One whole cycle of a company's OKRs, the aggregate every analysis starts from: its teams, objectives with their
 * key results, initiatives with their milestones, and dependencies, indexed by id.
 *
 * <p>Ids are unique across the cycle and every reference resolves (checked on construction). Lists keep document
 * order; check-ins are in time order. Equality is by content. Immutable and thread-safe.
 */
public final class OkrCycle {
  private final Cycle cycle;
  private final List<Team> teams;
  private final List<Objective> objectives;
  private final List<Initiative> initiatives;
  private final List<Dependency> dependencies;

  private final Map<String, NodeKind> kinds;
  private final Map<String, Team> teamsById;
  private final Map<String, Objective> objectivesById;
  private final Map<String, KeyResult> keyResultsById;
  private final Map<String, Objective> objectiveOfKeyResult;
  private final Map<String, Initiative> initiativesById;
  private final Map<String, Milestone> milestonesById;
  private final Map<String, Initiative> initiativeOfMilestone;
  private final Map<String, List<KeyResult>> keyResultsByTeam;
  private final Map<String, List<Initiative>> initiativesByKeyResult;
  private final Map<String, List<Dependency>> dependenciesFrom;
  private final Map<String, List<Dependency>> dependenciesTo;
  private final List<KeyResult> keyResults;

  private OkrCycle(Cycle cycle, List<Team> teams, List<Objective> objectives, List<Initiative> initiatives,
      List<Dependency> dependencies) {
    this.cycle = Objects.requireNonNull(cycle, "cycle must not be null");
    this.teams = copy(teams, "teams");
    this.objectives = copy(objectives, "objectives");
    this.initiatives = copy(initiatives, "initiatives");
    this.dependencies = copy(dependencies, "dependencies");
    List<Problem> problems = check(cycle, this.teams, this.objectives, this.initiatives, this.dependencies);
    if (!problems.isEmpty()) {
      throw new InvalidCycleException(problems);
    }
    kinds = new HashMap<>();
    teamsById = new LinkedHashMap<>();
    objectivesById = new LinkedHashMap<>();
    keyResultsById = new LinkedHashMap<>();
    objectiveOfKeyResult = new HashMap<>();
    initiativesById = new LinkedHashMap<>();
    milestonesById = new LinkedHashMap<>();
    initiativeOfMilestone = new HashMap<>();
    keyResultsByTeam = new HashMap<>();
    initiativesByKeyResult = new HashMap<>();
    dependenciesFrom = new HashMap<>();
    dependenciesTo = new HashMap<>();
    for (Team t : this.teams) {
      teamsById.put(t.id(), t);
      kinds.put(t.id(), NodeKind.TEAM);
    }
    List<KeyResult> all = new ArrayList<>();
    for (Objective o : this.objectives) {
      objectivesById.put(o.id(), o);
      kinds.put(o.id(), NodeKind.OBJECTIVE);
      for (KeyResult kr : o.keyResults()) {
        keyResultsById.put(kr.id(), kr);
        kinds.put(kr.id(), NodeKind.KEY_RESULT);
        objectiveOfKeyResult.put(kr.id(), o);
        keyResultsByTeam.computeIfAbsent(kr.team(), k -> new ArrayList<>()).add(kr);
        all.add(kr);
      }
    }
    keyResults = List.copyOf(all);
    for (Initiative i : this.initiatives) {
      initiativesById.put(i.id(), i);
      kinds.put(i.id(), NodeKind.INITIATIVE);
      for (String kr : i.keyResults()) {
        List<Initiative> list = initiativesByKeyResult.computeIfAbsent(kr, k -> new ArrayList<>());
        if (list.isEmpty() || list.get(list.size() - 1) != i) {
          list.add(i);
        }
      }
      for (Milestone m : i.milestones()) {
        milestonesById.put(m.id(), m);
        kinds.put(m.id(), NodeKind.MILESTONE);
        initiativeOfMilestone.put(m.id(), i);
      }
    }
    for (Dependency d : this.dependencies) {
      dependenciesFrom.computeIfAbsent(d.upstream(), k -> new ArrayList<>()).add(d);
      dependenciesTo.computeIfAbsent(d.downstream(), k -> new ArrayList<>()).add(d);
    }
    keyResultsByTeam.replaceAll((k, v) -> List.copyOf(v));
    initiativesByKeyResult.replaceAll((k, v) -> List.copyOf(v));
    dependenciesFrom.replaceAll((k, v) -> List.copyOf(v));
    dependenciesTo.replaceAll((k, v) -> List.copyOf(v));
  }

  /**
   * A validated cycle.
   *
   * @throws InvalidCycleException listing every duplicate id, dangling reference, self-dependency, loop of parent
   *     teams or objectives, and check-in outside the cycle's window ({@link Cycle#windowStart} to
   *     {@link Cycle#windowEnd}), each with its JSON path (for example
   *     {@code objectives[0].keyResults[1].team: unknown team "growthh"},
   *     {@code objectives[3].parent: forms a loop O-4 -> O-2 -> O-4}; a check-in's index is that in
   *     {@link KeyResult#checkIns}, in time order)
   */
  public static OkrCycle of(Cycle cycle, List<Team> teams, List<Objective> objectives, List<Initiative> initiatives,
      List<Dependency> dependencies) {
    return new OkrCycle(cycle, teams, objectives, initiatives, dependencies);
  }

  /** A cycle of teams and objectives only. */
  public static OkrCycle of(Cycle cycle, List<Team> teams, List<Objective> objectives) {
    return new OkrCycle(cycle, teams, objectives, List.of(), List.of());
  }

  private static List<Problem> check(Cycle cycle, List<Team> teams, List<Objective> objectives,
      List<Initiative> initiatives, List<Dependency> dependencies) {
    ReferenceCheck refs = new ReferenceCheck();
    Set<NodeKind> team = EnumSet.of(NodeKind.TEAM);
    for (int i = 0; i < teams.size(); i++) {
      Team t = teams.get(i);
      refs.declare(NodeKind.TEAM, t.id(), "teams[" + i + "].id");
      refs.parent(NodeKind.TEAM, t.id(), t.parent(), "teams[" + i + "].parent");
    }
    for (int i = 0; i < objectives.size(); i++) {
      Objective o = objectives.get(i);
      String p = "objectives[" + i + "]";
      refs.declare(NodeKind.OBJECTIVE, o.id(), p + ".id");
      refs.refer(p + ".team", o.team(), team);
      refs.parent(NodeKind.OBJECTIVE, o.id(), o.parent(), p + ".parent");
      for (int k = 0; k < o.keyResults().size(); k++) {
        KeyResult kr = o.keyResults().get(k);
        refs.declare(NodeKind.KEY_RESULT, kr.id(), p + ".keyResults[" + k + "].id");
        refs.refer(p + ".keyResults[" + k + "].team", kr.team(), team);
      }
    }
    for (int i = 0; i < initiatives.size(); i++) {
      Initiative in = initiatives.get(i);
      String p = "initiatives[" + i + "]";
      refs.declare(NodeKind.INITIATIVE, in.id(), p + ".id");
      refs.refer(p + ".team", in.team(), team);
      for (int k = 0; k < in.keyResults().size(); k++) {
        refs.refer(p + ".keyResults[" + k + "]", in.keyResults().get(k), EnumSet.of(NodeKind.KEY_RESULT));
      }
      for (int k = 0; k < in.milestones().size(); k++) {
        refs.declare(NodeKind.MILESTONE, in.milestones().get(k).id(), p + ".milestones[" + k + "].id");
      }
    }
    for (int i = 0; i < dependencies.size(); i++) {
      Dependency d = dependencies.get(i);
      refs.dependency("dependencies[" + i + "]", d.upstream(), d.downstream());
    }
    List<Problem> problems = refs.problems();
    for (int i = 0; i < objectives.size(); i++) {
      List<KeyResult> keyResults = objectives.get(i).keyResults();
      for (int k = 0; k < keyResults.size(); k++) {
        List<CheckIn> checkIns = keyResults.get(k).checkIns();
        for (int j = 0; j < checkIns.size(); j++) {
          String outside = outsideWindow(cycle, checkIns.get(j).at());
          if (outside != null) {
            problems.add(new Problem("objectives[" + i + "].keyResults[" + k + "].checkIns[" + j + "].at", outside));
          }
        }
      }
    }
    return problems;
  }

  /** The cycle's dates and zone. */
  public Cycle cycle() {
    return cycle;
  }

  /** The teams, in document order. */
  public List<Team> teams() {
    return teams;
  }

  /** The objectives, in document order. */
  public List<Objective> objectives() {
    return objectives;
  }

  /** Every key result of every objective, in document order. */
  public List<KeyResult> keyResults() {
    return keyResults;
  }

  /** The initiatives, in document order. */
  public List<Initiative> initiatives() {
    return initiatives;
  }

  /** The dependencies, in document order. */
  public List<Dependency> dependencies() {
    return dependencies;
  }

  /** What {@code id} names, or empty when nothing in the cycle has it. */
  public Optional<NodeKind> kindOf(String id) {
    return Optional.ofNullable(kinds.get(id));
  }

  /** The team with {@code id}, or empty. */
  public Optional<Team> team(String id) {
    return Optional.ofNullable(teamsById.get(id));
  }

  /** The objective with {@code id}, or empty. */
  public Optional<Objective> objective(String id) {
    return Optional.ofNullable(objectivesById.get(id));
  }

  /** The key result with {@code id}, or empty. */
  public Optional<KeyResult> keyResult(String id) {
    return Optional.ofNullable(keyResultsById.get(id));
  }

  /** The initiative with {@code id}, or empty. */
  public Optional<Initiative> initiative(String id) {
    return Optional.ofNullable(initiativesById.get(id));
  }

  /** The milestone with {@code id}, or empty. */
  public Optional<Milestone> milestone(String id) {
    return Optional.ofNullable(milestonesById.get(id));
  }

  /** The objective the key result {@code keyResultId} belongs to, or empty when there is no such key result. */
  public Optional<Objective> objectiveOf(String keyResultId) {
    return Optional.ofNullable(objectiveOfKeyResult.get(keyResultId));
  }

  /** The initiative the milestone {@code milestoneId} belongs to, or empty. */
  public Optional<Initiative> initiativeOf(String milestoneId) {
    return Optional.ofNullable(initiativeOfMilestone.get(milestoneId));
  }

  /** The team that owns {@code id} (a key result, objective, initiative or milestone), or empty. */
  public Optional<String> teamOf(String id) {
    NodeKind kind = kinds.get(id);
    if (kind == null) {
      return Optional.empty();
    }
    switch (kind) {
      case TEAM:
        return Optional.of(id);
      case OBJECTIVE:
        return Optional.of(objectivesById.get(id).team());
      case KEY_RESULT:
        return Optional.of(keyResultsById.get(id).team());
      case INITIATIVE:
        return Optional.of(initiativesById.get(id).team());
      default:
        return Optional.of(initiativeOfMilestone.get(id).team());
    }
  }

  /** The key results owned by team {@code teamId}, in document order (empty when none). */
  public List<KeyResult> keyResultsOfTeam(String teamId) {
    return keyResultsByTeam.getOrDefault(teamId, List.of());
  }

  /** The objectives owned by team {@code teamId}, in document order. */
  public List<Objective> objectivesOfTeam(String teamId) {
    List<Objective> out = new ArrayList<>();
    for (Objective o : objectives) {
      if (o.team().equals(teamId)) {
        out.add(o);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The teams whose parent is {@code teamId}, in document order. */
  public List<Team> childTeams(String teamId) {
    List<Team> out = new ArrayList<>();
    for (Team t : teams) {
      if (teamId.equals(t.parent())) {
        out.add(t);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The initiatives that contribute to key result {@code keyResultId}, in document order. */
  public List<Initiative> initiativesOf(String keyResultId) {
    return initiativesByKeyResult.getOrDefault(keyResultId, List.of());
  }

  /**
   * The milestones of the initiatives that contribute to key result {@code keyResultId}, in document order (what
   * an {@code achieve} key result's forecast rests on).
   */
  public List<Milestone> milestonesOf(String keyResultId) {
    List<Initiative> contributing = initiativesOf(keyResultId);
    if (contributing.isEmpty()) {
      return List.of();
    }
    List<Milestone> out = new ArrayList<>();
    for (Initiative i : contributing) {
      out.addAll(i.milestones());
    }
    return Collections.unmodifiableList(out);
  }

  /** The check-ins of key result {@code keyResultId} in time order (empty when there is no such key result). */
  public List<CheckIn> checkIns(String keyResultId) {
    KeyResult kr = keyResultsById.get(keyResultId);
    return kr == null ? List.of() : kr.checkIns();
  }

  /** The dependencies whose upstream is {@code id}: what depends on it. */
  public List<Dependency> dependents(String id) {
    return dependenciesFrom.getOrDefault(id, List.of());
  }

  /** The dependencies whose downstream is {@code id}: what it depends on. */
  public List<Dependency> dependenciesOf(String id) {
    return dependenciesTo.getOrDefault(id, List.of());
  }

  /** Whether any key result carries a {@link Result}: a finished, historical cycle. */
  public boolean hasResults() {
    for (KeyResult kr : keyResults) {
      if (kr.result() != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OkrCycle other
        && cycle.equals(other.cycle)
        && teams.equals(other.teams)
        && objectives.equals(other.objectives)
        && initiatives.equals(other.initiatives)
        && dependencies.equals(other.dependencies);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cycle, teams, objectives, initiatives, dependencies);
  }

  @Override
  public String toString() {
    return "OkrCycle[" + cycle.id() + ", " + teams.size() + " teams, " + objectives.size() + " objectives, "
        + keyResults.size() + " key results, " + initiatives.size() + " initiatives, " + dependencies.size()
        + " dependencies]";
  }
}
