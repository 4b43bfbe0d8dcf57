package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.outsideWindow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.okrengine.model.internal.CycleValidation;
import org.okrengine.model.internal.ReferenceCheck;

/**
 * One whole cycle of a company's OKRs, the aggregate every analysis starts from: its teams, objectives with their
 * key results, initiatives with their milestones, and dependencies, indexed by id; and the health of the data sources
 * that feed it ({@link SourceStatus}, kept by {@code okr sync}).
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
  private final List<SourceStatus> sources;

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
      List<Dependency> dependencies, List<SourceStatus> sources) {
    this.cycle = Objects.requireNonNull(cycle, "cycle must not be null");
    this.teams = copy(teams, "teams");
    this.objectives = copy(objectives, "objectives");
    this.initiatives = copy(initiatives, "initiatives");
    this.dependencies = copy(dependencies, "dependencies");
    this.sources = copy(sources, "sources");
    List<Problem> problems = check(cycle, this.teams, this.objectives, this.initiatives, this.dependencies,
        this.sources);
    problems.addAll(duplicateSources(this.sources));
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
    return new OkrCycle(cycle, teams, objectives, initiatives, dependencies, List.of());
  }

  /**
   * A validated cycle with the health of its data sources, in document order.
   *
   * @throws InvalidCycleException as {@link #of(Cycle, List, List, List, List)}, and for two statuses of one source
   *     ({@code sources[1].name: duplicate source "jira" (also sources[0])})
   */
  public static OkrCycle of(Cycle cycle, List<Team> teams, List<Objective> objectives, List<Initiative> initiatives,
      List<Dependency> dependencies, List<SourceStatus> sources) {
    return new OkrCycle(cycle, teams, objectives, initiatives, dependencies, sources);
  }

  /** A cycle of teams and objectives only. */
  public static OkrCycle of(Cycle cycle, List<Team> teams, List<Objective> objectives) {
    return new OkrCycle(cycle, teams, objectives, List.of(), List.of(), List.of());
  }

  /** This cycle with {@code sources} in place of its sources' health; this value is unchanged. */
  public OkrCycle withSources(List<SourceStatus> sources) {
    return new OkrCycle(cycle, teams, objectives, initiatives, dependencies, sources);
  }

  /**
   * A builder of the cycle {@code id}, read like its {@code okr-cycle/1} document:
   * <pre>{@code
   * OkrCycle cycle = OkrCycle.builder("2026-Q3")
   *     .start(LocalDate.of(2026, 7, 1)).end(LocalDate.of(2026, 9, 30)).zone("Europe/Oslo")
   *     .team("growth", "Growth")
   *     .objective(Objective.builder("O-1").title("...").team("growth")
   *         .keyResult(KeyResult.builder("KR-1").title("...").metric(Metric.increase(1.2, 2.0))
   *             .checkIn(Instant.parse("2026-07-08T09:00:00Z"), 1.25)))
   *     .build();
   * }</pre>
   * Nothing is checked before {@link Builder#build}, which runs the JSON reader's validation and lists every problem.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this cycle's dates, teams, objectives, initiatives, dependencies and sources' health. */
  public Builder toBuilder() {
    Builder b = new Builder(cycle.id()).cycle(cycle);
    teams.forEach(b::team);
    objectives.forEach(b::objective);
    initiatives.forEach(b::initiative);
    dependencies.forEach(b::dependency);
    sources.forEach(b::source);
    return b;
  }

  /**
   * This cycle with every key result that has no {@code result} but has check-ins given one: its last check-in's
   * value ({@link KeyResult#outcome}), as a history exported from an OKR tool, where the last check-in is the result,
   * is read; this cycle itself when none lacks one. For fitting and scoring forecasts on such a history
   * ({@code okr fit --outcome-from-last-check-in}); not for a cycle still running, whose latest check-in is no
   * outcome yet.
   */
  public OkrCycle withOutcomesFromLastCheckIns() {
    Builder b = null;
    for (KeyResult kr : keyResults()) {
      if (kr.result() == null && !kr.checkIns().isEmpty()) {
        if (b == null) {
          b = toBuilder();
        }
        b.keyResultBuilder(kr.id()).result(kr.outcome(true));
      }
    }
    return b == null ? this : b.build();
  }

  /**
   * This cycle with {@code checkIn} added to key result {@code keyResultId}, replacing one at the same instant; this
   * value is unchanged. Validated as {@link Builder#build} validates.
   *
   * @throws IllegalArgumentException when there is no such key result
   * @throws InvalidCycleException when the check-in breaks a rule, naming it
   *     ({@code KR-3.checkIns[5]: at must be within ...})
   */
  public OkrCycle withCheckIn(String keyResultId, CheckIn checkIn) {
    Objects.requireNonNull(checkIn, "checkIn must not be null");
    Builder b = toBuilder();
    KeyResult.Builder kr = b.keyResultBuilder(keyResultId);
    if (kr == null) {
      throw new IllegalArgumentException("keyResultId: unknown key result \"" + keyResultId + "\"");
    }
    kr.replaceCheckIn(checkIn);
    return b.build();
  }

  /**
   * Builds an {@link OkrCycle} as {@code okr-cycle/1} reads one, and judges it by the same rules: {@link #build} runs
   * the JSON reader's validation on what was built, so Java and JSON accept the same cycles and reject the same ones
   * for the same reasons. Every problem is listed at once, each named by its item's id and field
   * ({@code KR-7.metric: target must differ from baseline (both 5.0)},
   * {@code O-2.team: unknown team "growthh"}, {@code cycle.end: must not be before start (...)}); an item without an
   * id of its own, or sharing it, is named by its place ({@code O-2.keyResults[0].id: duplicate id "KR-1" ...}),
   * a dependency by its place ({@code dependencies[0].downstream}). What the reader would warn about (a check-in
   * outside its metric's bounds, two check-ins at one instant: the later is kept) is logged at
   * {@code WARN}.
   *
   * <p>Not thread-safe: use a builder from one thread. What it builds is immutable and thread-safe; a builder handed
   * to another builder is copied, so changing it afterwards changes nothing built from the other.
   */
  public static final class Builder {
    private final String id;
    private String name;
    private LocalDate start;
    private LocalDate end;
    private Object zone;
    private Double checkInEveryDays;
    private final List<Map<String, Object>> teams = new ArrayList<>();
    private final List<Objective.Builder> objectives = new ArrayList<>();
    private final List<Initiative.Builder> initiatives = new ArrayList<>();
    private final List<Map<String, Object>> dependencies = new ArrayList<>();
    private final List<Map<String, Object>> sources = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /** The display name (the id when null). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** The first day, inclusive. */
    public Builder start(LocalDate start) {
      this.start = start;
      return this;
    }

    /** The last day, inclusive. */
    public Builder end(LocalDate end) {
      this.end = end;
      return this;
    }

    /** The zone the dates are in, by its id ({@code "Europe/Oslo"}; UTC when not set). */
    public Builder zone(String zone) {
      this.zone = zone;
      return this;
    }

    /** The zone the dates are in (UTC when not set). */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** The check-in cadence agreed for the cycle, in days, or null when none was agreed. */
    public Builder checkInEveryDays(Double days) {
      this.checkInEveryDays = days;
      return this;
    }

    /** The dates, zone, name and cadence of {@code cycle} (its id is this builder's). */
    public Builder cycle(Cycle cycle) {
      return name(cycle.name()).start(cycle.start()).end(cycle.end()).zone(cycle.zone())
          .checkInEveryDays(cycle.checkInEveryDays());
    }

    /** Adds a team with no parent. */
    public Builder team(String id, String name) {
      return team(id, name, null);
    }

    /** Adds a team, part of the team {@code parent} (null for none). */
    public Builder team(String id, String name, String parent) {
      Map<String, Object> t = Built.object();
      Built.put(t, "id", id);
      Built.put(t, "name", name);
      Built.put(t, "parent", parent);
      teams.add(t);
      return this;
    }

    /** Adds a team. */
    public Builder team(Team team) {
      return team(team.id(), team.name(), team.parent());
    }

    /** Adds an objective with its key results; a copy of the builder is kept. */
    public Builder objective(Objective.Builder objective) {
      objectives.add(Objects.requireNonNull(objective, "objective must not be null").copy());
      return this;
    }

    /** Adds an objective with its key results. */
    public Builder objective(Objective objective) {
      return objective(objective.toBuilder());
    }

    /** Adds an initiative with its milestones; a copy of the builder is kept. */
    public Builder initiative(Initiative.Builder initiative) {
      initiatives.add(Objects.requireNonNull(initiative, "initiative must not be null").copy());
      return this;
    }

    /** Adds an initiative with its milestones. */
    public Builder initiative(Initiative initiative) {
      return initiative(initiative.toBuilder());
    }

    /** Adds a dependency of {@code downstream} on {@code upstream} (ids of key results, initiatives, milestones). */
    public Builder dependency(String upstream, String downstream, DependencyKind kind) {
      return dependency(upstream, downstream, kind, null, null);
    }

    /** Adds a dependency needed by {@code needBy} (a local date, or null), with a note (or null). */
    public Builder dependency(String upstream, String downstream, DependencyKind kind, LocalDate needBy,
        String note) {
      Map<String, Object> d = Built.object();
      Built.put(d, "upstream", upstream);
      Built.put(d, "downstream", downstream);
      Built.put(d, "kind", kind == null ? null : kind.jsonName());
      Built.put(d, "needBy", needBy);
      Built.put(d, "note", note);
      dependencies.add(d);
      return this;
    }

    /** Adds a dependency. */
    public Builder dependency(Dependency dependency) {
      return dependency(dependency.upstream(), dependency.downstream(), dependency.kind(), dependency.needBy(),
          dependency.note());
    }

    /**
     * Adds the health of the source {@code name}: its state, the instant it began, and the last error (required when
     * failing; null for none).
     */
    public Builder source(String name, SourceStatus.State state, Instant since, String lastError) {
      return source(name, state, since, lastError, List.of());
    }

    /**
     * Adds the health of the source {@code name}, with the key results whose fetch from it failed (ids of this
     * cycle's key results; empty when ok).
     */
    public Builder source(String name, SourceStatus.State state, Instant since, String lastError,
        List<String> keyResults) {
      Map<String, Object> s = Built.object();
      Built.put(s, "name", name);
      Built.put(s, "state", state == null ? null : state.jsonName());
      Built.put(s, "since", since);
      Built.put(s, "lastError", lastError);
      if (keyResults != null && !keyResults.isEmpty()) {
        s.put("keyResults", new ArrayList<Object>(keyResults));
      }
      sources.add(s);
      return this;
    }

    /** Adds the health of a source. */
    public Builder source(SourceStatus source) {
      return source(source.name(), source.state(), source.since(), source.lastError(), source.keyResults());
    }

    /** The builder of key result {@code keyResultId} within this builder, or null. */
    KeyResult.Builder keyResultBuilder(String keyResultId) {
      for (Objective.Builder o : objectives) {
        KeyResult.Builder kr = o.keyResultBuilder(keyResultId);
        if (kr != null) {
          return kr;
        }
      }
      return null;
    }

    private Map<String, Object> tree() {
      Map<String, Object> c = Built.object();
      Built.put(c, "id", id);
      Built.put(c, "name", name);
      Built.put(c, "start", start);
      Built.put(c, "end", end);
      Built.put(c, "zone", zone);
      Built.put(c, "checkInEveryDays", checkInEveryDays);
      Map<String, Object> t = Built.object();
      t.put("format", "okr-cycle/1");
      t.put("cycle", c);
      t.put("teams", new ArrayList<Object>(teams));
      List<Object> list = new ArrayList<>();
      for (Objective.Builder o : objectives) {
        list.add(o.tree());
      }
      t.put("objectives", list);
      list = new ArrayList<>();
      for (Initiative.Builder i : initiatives) {
        list.add(i.tree());
      }
      t.put("initiatives", list);
      t.put("dependencies", new ArrayList<Object>(dependencies));
      if (!sources.isEmpty()) {
        t.put("sources", new ArrayList<Object>(sources));
      }
      return t;
    }

    /**
     * The cycle.
     *
     * @throws InvalidCycleException listing every problem the JSON reader would find in the same cycle, each named by
     *     its item and field
     */
    public OkrCycle build() {
      Built.Names names = new Built.Names("cycle");
      names.add("cycle", null, null);
      for (int i = 0; i < teams.size(); i++) {
        names.add("teams[" + i + "]", (String) teams.get(i).get("id"), null);
      }
      for (int i = 0; i < objectives.size(); i++) {
        objectives.get(i).names(names, "objectives[" + i + "]", null);
      }
      for (int i = 0; i < initiatives.size(); i++) {
        initiatives.get(i).names(names, "initiatives[" + i + "]", null);
      }
      for (int i = 0; i < dependencies.size(); i++) {
        names.add("dependencies[" + i + "]", null, null);
      }
      for (int i = 0; i < sources.size(); i++) {
        names.add("sources[" + i + "]", null, null);
      }
      return Built.read(CycleValidation.Element.DOCUMENT, tree(), names, OkrCycle.class);
    }
  }

  private static List<Problem> check(Cycle cycle, List<Team> teams, List<Objective> objectives,
      List<Initiative> initiatives, List<Dependency> dependencies, List<SourceStatus> sources) {
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
    for (int i = 0; i < sources.size(); i++) {
      List<String> krs = sources.get(i).keyResults();
      for (int k = 0; k < krs.size(); k++) {
        refs.refer("sources[" + i + "].keyResults[" + k + "]", krs.get(k), EnumSet.of(NodeKind.KEY_RESULT));
      }
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

  /** Two statuses of one source, each a problem at the later one's name. */
  static List<Problem> duplicateSources(List<SourceStatus> sources) {
    List<Problem> out = new ArrayList<>();
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < sources.size(); i++) {
      Integer earlier = first.putIfAbsent(sources.get(i).name(), i);
      if (earlier != null) {
        out.add(new Problem("sources[" + i + "].name", "duplicate source \"" + sources.get(i).name()
            + "\" (also sources[" + earlier + "])"));
      }
    }
    return out;
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

  /**
   * The health of the data sources as the last {@code okr sync} found it, in document order; empty when no sync has
   * recorded any (a cycle written by hand, or before the section existed).
   */
  public List<SourceStatus> sources() {
    return sources;
  }

  /** The health of the source {@code name}, or empty. */
  public Optional<SourceStatus> source(String name) {
    for (SourceStatus s : sources) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
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
        && dependencies.equals(other.dependencies)
        && sources.equals(other.sources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cycle, teams, objectives, initiatives, dependencies, sources);
  }

  @Override
  public String toString() {
    return "OkrCycle[" + cycle.id() + ", " + teams.size() + " teams, " + objectives.size() + " objectives, "
        + keyResults.size() + " key results, " + initiatives.size() + " initiatives, " + dependencies.size()
        + " dependencies" + (sources.isEmpty() ? "" : ", " + sources.size() + " sources") + "]";
  }
}
