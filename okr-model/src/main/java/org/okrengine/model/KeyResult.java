package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireFinite;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireWellFormed;
import static org.okrengine.model.internal.Checks.requireWellFormedAll;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.okrengine.model.internal.CycleValidation;

/**
 * A measurable key result with its plan and check-ins. Immutable and thread-safe.
 *
 * @param id unique id
 * @param title display title (the id when null)
 * @param owner the owner's name, or null
 * @param team the owning team's id
 * @param weight its weight within its objective, from 0 to {@link #MAX_WEIGHT} (1.0 by default)
 * @param tags free tags (empty when none)
 * @param metric what it measures
 * @param plan the expected trajectory ({@link Plan#LINEAR} when null)
 * @param checkIns reported values, sorted by time on construction; at most one per instant
 * @param result the value reached at cycle end, only in historical cycles; or null
 */
public record KeyResult(String id, String title, String owner, String team, double weight, List<String> tags,
    Metric metric, Plan plan, List<CheckIn> checkIns, Result result) {
  /** The largest weight of a key result within its objective: 1e6. */
  public static final double MAX_WEIGHT = 1e6;

  /**
   * Validates, copies the lists and sorts the check-ins by time.
   *
   * @throws IllegalArgumentException when two check-ins share an instant, the weight is outside [0, 1e6], or
   *     a check-in's value or the result's final value is not 0 or 1 for an {@code achieve} metric (the index is
   *     that in {@code checkIns} as given)
   */
  public KeyResult {
    requireId(id, "id");
    title = title == null ? id : requireWellFormed(title, "title");
    requireWellFormed(owner, "owner");
    requireId(team, "team");
    requireFinite(weight, "weight");
    if (!(weight >= 0)) {
      throw new IllegalArgumentException("weight must not be negative: " + weight);
    }
    if (!(weight <= MAX_WEIGHT)) {
      throw new IllegalArgumentException("weight must not be above 1e6: " + weight);
    }
    tags = tags == null ? List.of() : requireWellFormedAll(copy(tags, "tags"), "tags");
    Objects.requireNonNull(metric, "metric must not be null");
    plan = plan == null ? Plan.LINEAR : plan;
    List<CheckIn> sorted = new ArrayList<>(copy(checkIns == null ? List.of() : checkIns, "checkIns"));
    for (int i = 0; i < sorted.size(); i++) {
      requireAccepted(metric, sorted.get(i).value(), "checkIns[" + i + "].value");
    }
    if (result != null) {
      requireAccepted(metric, result.finalValue(), "result.finalValue");
    }
    sorted.sort(Comparator.comparing(CheckIn::at));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).at().equals(sorted.get(i - 1).at())) {
        throw new IllegalArgumentException("checkIns must have distinct instants: " + sorted.get(i).at());
      }
    }
    checkIns = List.copyOf(sorted);
  }

  /**
   * A builder of the key result {@code id}:
   * {@code KeyResult.builder("KR-1").title("Segment revenue").team("growth").metric(Metric.increase(1.2, 2.0))}.
   * Nothing is checked before {@link Builder#build} (or the build of the objective or cycle it goes into), which
   * lists every problem.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this key result's fields, check-ins and result. */
  public Builder toBuilder() {
    Builder b = new Builder(id).title(title).owner(owner).team(team).weight(weight).tags(tags).metric(metric)
        .plan(plan);
    for (CheckIn c : checkIns) {
      b.checkIn(c);
    }
    return result == null ? b : b.result(result);
  }

  /**
   * This key result with {@code checkIn} added, replacing one at the same instant (the later is kept, as the JSON
   * reader keeps it); this value is unchanged.
   *
   * @throws InvalidCycleException when the check-in breaks a rule, naming it
   *     ({@code KR-7.checkIns[3]: value must be 0 or 1 for direction achieve: 0.5})
   */
  public KeyResult withCheckIn(CheckIn checkIn) {
    return toBuilder().replaceCheckIn(checkIn).build();
  }

  /**
   * The value this key result ended its cycle at: {@code result.finalValue} where the document gives it; else, when
   * {@code fromLastCheckIn}, its latest check-in's value (a history exported from an OKR tool, where the last
   * check-in is the result); else, or without check-ins, null. Whether that value meets the target is
   * {@code metric().isMet(outcome)}.
   */
  public Double outcome(boolean fromLastCheckIn) {
    if (result != null) {
      return result.finalValue();
    }
    return fromLastCheckIn && !checkIns.isEmpty() ? Double.valueOf(checkIns.get(checkIns.size() - 1).value()) : null;
  }

  /**
   * Builds a {@link KeyResult} field by field, as {@code okr-cycle/1} writes one. {@link #build} checks every rule the
   * JSON reader checks (the metric's, the plan's, each check-in's against the metric) and lists every problem at
   * once, each naming the key result and its field ({@code KR-7.metric: target must differ from baseline (both 5.0)});
   * an {@link Objective.Builder} or {@link OkrCycle.Builder} it is given to checks it again within the cycle. The
   * weight is 1 and the plan linear unless set; the title is the id when none is set.
   *
   * <p>Not thread-safe: use a builder from one thread. What it builds is immutable and thread-safe; a builder handed
   * to another builder is copied, so changing it afterwards changes nothing built from the other.
   */
  public static final class Builder {
    private final String id;
    private String title;
    private String owner;
    private String team;
    private Double weight;
    private List<String> tags;
    private Metric.Builder metric;
    private String planShape;
    private List<Map<String, Object>> planPoints;
    private final List<CheckIn.Builder> checkIns = new ArrayList<>();
    private Double finalValue;
    private Double selfScore;
    private boolean hasResult;

    private Builder(String id) {
      this.id = id;
    }

    /** Its display title (the id when null). */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The owner's name, or null. */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /** The owning team's id; within an objective, the objective's team when not set. */
    public Builder team(String team) {
      this.team = team;
      return this;
    }

    /** Its weight within its objective, 0 to {@link KeyResult#MAX_WEIGHT} (1 when not set). */
    public Builder weight(double weight) {
      this.weight = weight;
      return this;
    }

    /** Free tags. */
    public Builder tags(String... tags) {
      return tags(Arrays.asList(tags));
    }

    /** Free tags (a copy is kept). */
    public Builder tags(List<String> tags) {
      this.tags = tags == null ? null : new ArrayList<>(tags);
      return this;
    }

    /** What it measures, as a builder ({@code Metric.increase(1200, 1500).unit("signups")}); a copy is kept. */
    public Builder metric(Metric.Builder metric) {
      this.metric = metric == null ? null : metric.copy();
      return this;
    }

    /** What it measures ({@code Metric.achieve()}). */
    public Builder metric(Metric metric) {
      this.metric = metric == null ? null : metric.toBuilder();
      return this;
    }

    /** Its plan: a named shape. */
    public Builder plan(PlanShape shape) {
      this.planShape = shape == null ? null : shape.jsonName();
      this.planPoints = null;
      return this;
    }

    /** Its plan ({@link Plan#LINEAR} when null). */
    public Builder plan(Plan plan) {
      planPoints = null;
      planShape = null;
      if (plan instanceof Plan.Points p) {
        for (PlanPoint point : p.points()) {
          planPoint(point.date(), point.value());
        }
      } else if (plan != null) {
        planShape = plan.shapeName();
      }
      return this;
    }

    /**
     * Adds a point to a plan through explicit points: {@code value} (in the metric's unit) expected at the start of
     * {@code date} in the cycle's zone. The first point replaces a named shape.
     */
    public Builder planPoint(LocalDate date, double value) {
      if (planPoints == null) {
        planPoints = new ArrayList<>();
      }
      planShape = "points";
      Map<String, Object> point = Built.object();
      Built.put(point, "date", date);
      point.put("value", value);
      planPoints.add(point);
      return this;
    }

    /** Adds a check-in of {@code value} at {@code at}. */
    public Builder checkIn(Instant at, double value) {
      return checkIn(CheckIn.builder(at, value));
    }

    /**
     * Adds a check-in of {@code value} at the start of {@code day} in the cycle's zone, as a date in
     * {@code okr-cycle/1} reads (in UTC when the key result is built on its own, outside a cycle).
     */
    public Builder checkIn(LocalDate day, double value) {
      return checkIn(new CheckIn.Builder(day, value));
    }

    /**
     * Adds a check-in; a copy is kept. Of two at one instant the later added is kept, as the JSON reader keeps the
     * later of two in a document (and warns, here in the log); problems name check-ins by the order they were added
     * ({@code KR-1.checkIns[2]}).
     */
    public Builder checkIn(CheckIn.Builder checkIn) {
      checkIns.add(Objects.requireNonNull(checkIn, "checkIn must not be null").copy());
      return this;
    }

    /** Adds a check-in; see {@link #checkIn(CheckIn.Builder)}. */
    public Builder checkIn(CheckIn checkIn) {
      return checkIn(checkIn.toBuilder());
    }

    /** Adds a check-in after removing any at the same instant. */
    Builder replaceCheckIn(CheckIn checkIn) {
      Objects.requireNonNull(checkIn, "checkIn must not be null");
      checkIns.removeIf(c -> checkIn.at().equals(c.at()));
      return checkIn(checkIn);
    }

    /** The value reached at cycle end (a historical cycle), with no self score. */
    public Builder result(double finalValue) {
      return result(finalValue, null);
    }

    /** The value reached at cycle end and the owner's score of it (0..1, or null). */
    public Builder result(double finalValue, Double selfScore) {
      this.finalValue = finalValue;
      this.selfScore = selfScore;
      this.hasResult = true;
      return this;
    }

    /** The value reached at cycle end, or null for none. */
    public Builder result(Result result) {
      return result == null ? noResult() : result(result.finalValue(), result.selfScore());
    }

    private Builder noResult() {
      finalValue = null;
      selfScore = null;
      hasResult = false;
      return this;
    }

    String id() {
      return id;
    }

    Builder copy() {
      Builder b = new Builder(id).title(title).owner(owner).team(team).tags(tags).metric(metric);
      b.weight = weight;
      b.planShape = planShape;
      b.planPoints = planPoints == null ? null : new ArrayList<>(planPoints);
      for (CheckIn.Builder c : checkIns) {
        b.checkIns.add(c.copy());
      }
      b.finalValue = finalValue;
      b.selfScore = selfScore;
      b.hasResult = hasResult;
      return b;
    }

    Map<String, Object> tree() {
      Map<String, Object> t = Built.object();
      Built.put(t, "id", id);
      Built.put(t, "title", title);
      Built.put(t, "owner", owner);
      Built.put(t, "team", team);
      Built.put(t, "weight", weight);
      Built.put(t, "tags", tags == null ? null : new ArrayList<Object>(tags));
      Built.put(t, "metric", metric == null ? null : metric.tree());
      if (planShape != null) {
        Map<String, Object> plan = Built.object();
        plan.put("shape", planShape);
        Built.put(plan, "points", planPoints == null ? null : new ArrayList<Object>(planPoints));
        t.put("plan", plan);
      }
      List<Object> list = new ArrayList<>();
      for (CheckIn.Builder c : checkIns) {
        list.add(c.tree());
      }
      t.put("checkIns", list);
      if (hasResult) {
        Map<String, Object> result = Built.object();
        result.put("finalValue", finalValue);
        Built.put(result, "selfScore", selfScore);
        t.put("result", result);
      }
      return t;
    }

    /** Names this key result at {@code path} in a tree, under {@code parent}. */
    void names(Built.Names names, String path, String parent) {
      names.add(path, id, parent);
    }

    /**
     * The key result; it must name its team (within an objective it may take the objective's).
     *
     * @throws InvalidCycleException listing every problem, each naming the key result and its field
     */
    public KeyResult build() {
      Built.Names names = new Built.Names("keyResult");
      names(names, "", null);
      return Built.read(CycleValidation.Element.KEY_RESULT, tree(), names, KeyResult.class);
    }
  }

  /** An {@code achieve} key result reports only 0 (not done) or 1 (done). */
  private static void requireAccepted(Metric metric, double value, String name) {
    if (metric.direction() == Direction.ACHIEVE && !(value == 0.0 || value == 1.0)) {
      throw new IllegalArgumentException(name + " must be 0 or 1 for direction achieve: " + value);
    }
  }

  /** The check-ins at or before {@code asOf}, in time order. */
  public List<CheckIn> checkInsAsOf(Instant asOf) {
    int n = 0;
    while (n < checkIns.size() && !checkIns.get(n).at().isAfter(asOf)) {
      n++;
    }
    return checkIns.subList(0, n);
  }

  /** The latest check-in at or before {@code asOf}, or empty. */
  public Optional<CheckIn> latestCheckIn(Instant asOf) {
    List<CheckIn> seen = checkInsAsOf(asOf);
    return seen.isEmpty() ? Optional.empty() : Optional.of(seen.get(seen.size() - 1));
  }

  /** The expected progress at {@code at} in {@code cycle} under this key result's plan. */
  public double expectedProgress(Cycle cycle, Instant at) {
    return plan.expectedProgress(metric, cycle, at);
  }
}
