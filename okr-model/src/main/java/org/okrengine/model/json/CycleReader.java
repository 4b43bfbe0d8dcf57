package org.okrengine.model.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Direction;
import org.okrengine.model.Initiative;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanPoint;
import org.okrengine.model.PlanShape;
import org.okrengine.model.Problem;
import org.okrengine.model.Result;
import org.okrengine.model.SourceStatus;
import org.okrengine.model.Team;
import org.okrengine.model.internal.Checks;
import org.okrengine.model.internal.CycleValidation;
import org.okrengine.model.internal.ReferenceCheck;
import org.okrengine.model.json.JsonTree.Obj;

/**
 * Turns the tree of one {@code okr-cycle/1} document into a validated {@link OkrCycle}, collecting every problem with
 * its JSON path, and the warnings. One instance per document; not thread-safe.
 *
 * <p>Each element is checked field by field; an element is built only when its own fields had no problem, and the
 * rest of the document is still checked, so one pass lists every problem. Ids and references are fed to
 * {@link ReferenceCheck} straight from the tree, with the paths {@link OkrCycle#of} uses, so its messages are the same.
 */
final class CycleReader extends TreeReader {
  private static final Set<String> ROOT_FIELDS =
      Set.of("format", "cycle", "teams", "objectives", "initiatives", "dependencies", "sources");
  private static final Set<String> CYCLE_FIELDS = Set.of("id", "name", "start", "end", "zone", "checkInEveryDays");
  private static final Set<String> TEAM_FIELDS = Set.of("id", "name", "parent");
  private static final Set<String> OBJECTIVE_FIELDS =
      Set.of("id", "title", "team", "owner", "parent", "commitment", "keyResults");
  private static final Set<String> KEY_RESULT_FIELDS =
      Set.of("id", "title", "owner", "team", "weight", "tags", "metric", "plan", "checkIns", "result");
  private static final Set<String> METRIC_FIELDS =
      Set.of("baseline", "target", "direction", "unit", "min", "max", "levels");
  private static final Set<String> PLAN_FIELDS = Set.of("shape", "points");
  private static final Set<String> POINT_FIELDS = Set.of("date", "value");
  private static final Set<String> CHECK_IN_FIELDS =
      Set.of("at", "value", "confidence", "note", "blockers", "source");
  private static final Set<String> RESULT_FIELDS = Set.of("finalValue", "selfScore");
  private static final Set<String> INITIATIVE_FIELDS =
      Set.of("id", "title", "team", "owner", "keyResults", "milestones");
  private static final Set<String> MILESTONE_FIELDS = Set.of("id", "title", "due", "completed");
  private static final Set<String> DEPENDENCY_FIELDS = Set.of("upstream", "downstream", "kind", "needBy", "note");
  private static final Set<String> SOURCE_FIELDS = Set.of("name", "state", "since", "lastError", "keyResults");

  /** The shape name of a plan through explicit points ({@link Plan.Points#shapeName}). */
  private static final String POINTS = "points";

  private static final Set<NodeKind> TEAM = EnumSet.of(NodeKind.TEAM);
  private static final Set<NodeKind> KEY_RESULT = EnumSet.of(NodeKind.KEY_RESULT);

  private final ReferenceCheck refs = new ReferenceCheck();
  private Cycle cycle;
  private ZoneId zone = ZoneOffset.UTC;

  /**
   * What reading one document gave.
   *
   * @param cycle the cycle, or null when there are errors
   * @param errors every problem (empty when {@code cycle} is present)
   * @param warnings what was tolerated
   */
  record Outcome(OkrCycle cycle, List<Problem> errors, List<Problem> warnings) {
    Outcome {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }

    static Outcome failed(List<Problem> errors) {
      return new Outcome(null, errors, List.of());
    }

    ParsedCycle toParsed() {
      if (cycle == null) {
        throw new InvalidCycleException(errors);
      }
      return new ParsedCycle(cycle, warnings);
    }

    JsonLine toLine(long lineNumber) {
      return new JsonLine(lineNumber, cycle, errors, warnings);
    }
  }

  private CycleReader() {}

  /**
   * Validates the tree of one document.
   *
   * @param root what {@link JsonTree#parse} returned (not null)
   * @param parseProblems what parsing found (duplicate keys), listed first
   */
  static Outcome read(Object root, List<Problem> parseProblems) {
    CycleReader reader = new CycleReader();
    reader.problems.addAll(parseProblems);
    return reader.document(root);
  }

  /**
   * Validates one element of a cycle on its own, as {@link #read} validates it within a document, with paths from the
   * element: no cycle is known, so a check-in's date is a day in UTC and no check-in is judged against a window, and
   * references are not resolved. A key result must name its team (within a document it may take its objective's).
   */
  static CycleValidation.Outcome readElement(CycleValidation.Element element, Obj tree) {
    CycleReader reader = new CycleReader();
    JsonPath root = JsonPath.ROOT;
    Object value;
    switch (element) {
      case OBJECTIVE:
        value = reader.objective(tree, root);
        break;
      case KEY_RESULT:
        value = reader.keyResult(tree, root, null);
        if (value == null && reader.problems.isEmpty()) {
          reader.problems.add(problem(root.field("team"), "missing"));
        }
        break;
      case METRIC:
        value = reader.metric(tree, root);
        break;
      case CHECK_IN:
        value = reader.checkIn(tree, root, null);
        break;
      case INITIATIVE:
        value = reader.initiative(tree, root);
        break;
      default:
        Outcome o = read(tree, List.of());
        return new CycleValidation.Outcome(o.cycle(), o.errors(), o.warnings());
    }
    if (!reader.problems.isEmpty()) {
      value = null;
    } else if (value == null) {
      reader.problems.add(problem(root, "invalid")); // not reached: a null element always comes with its problem
    }
    return new CycleValidation.Outcome(value, reader.problems, reader.warnings);
  }

  private Outcome document(Object root) {
    if (!(root instanceof Obj doc)) {
      problems.add(problem(JsonPath.ROOT, "document must be an object"));
      return Outcome.failed(problems);
    }
    Object format = doc.get("format");
    if (format == null) {
      problems.add(problem(JsonPath.ROOT.field("format"), "missing"));
    } else if (!(format instanceof String f)) {
      problems.add(problem(JsonPath.ROOT.field("format"), "must be a string"));
    } else if (!f.equals(CycleJson.FORMAT)) {
      // another format's document is not ours to judge field by field
      problems.add(problem(JsonPath.ROOT.field("format"),
          "unknown format \"" + f + "\" (expected \"" + CycleJson.FORMAT + "\")"));
      return Outcome.failed(problems);
    }
    unknownFields(doc, JsonPath.ROOT, ROOT_FIELDS);
    Obj c = requiredObject(doc, "cycle", JsonPath.ROOT);
    if (c != null) {
      cycle(c);
    }
    List<Team> teams = list(doc, "teams", JsonPath.ROOT, this::team);
    List<Objective> objectives = list(doc, "objectives", JsonPath.ROOT, this::objective);
    List<Initiative> initiatives = list(doc, "initiatives", JsonPath.ROOT, this::initiative);
    List<Dependency> dependencies = list(doc, "dependencies", JsonPath.ROOT, this::dependency);
    List<SourceStatus> sources = sources(doc);
    problems.addAll(refs.problems());
    if (!problems.isEmpty()) {
      return new Outcome(null, problems, warnings);
    }
    try {
      return new Outcome(OkrCycle.of(cycle, teams, objectives, initiatives, dependencies, sources), List.of(),
          warnings);
    } catch (InvalidCycleException e) {
      return new Outcome(null, e.problems(), warnings);
    } catch (IllegalArgumentException | NullPointerException e) {
      return new Outcome(null, List.of(problem(JsonPath.ROOT, message(e))), warnings);
    }
  }

  private void cycle(Obj o) {
    JsonPath p = JsonPath.ROOT.field("cycle");
    int before = problems.size();
    unknownFields(o, p, CYCLE_FIELDS);
    String id = requiredId(o, "id", p);
    String name = optionalString(o, "name", p);
    LocalDate start = requiredDate(o, "start", p);
    LocalDate end = requiredDate(o, "end", p);
    ZoneId z = optionalZone(o, "zone", p);
    if (z != null) {
      zone = z;
    }
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(problem(p.field("end"), "must not be before start (" + end + " < " + start + ")"));
    } else if (start != null && end != null && ChronoUnit.DAYS.between(start, end) + 1 > Cycle.MAX_LENGTH_DAYS) {
      problems.add(problem(p.field("end"), "must make a cycle of at most " + Cycle.MAX_LENGTH_DAYS + " days: "
          + (ChronoUnit.DAYS.between(start, end) + 1) + " days (" + start + " to " + end + ")"));
    }
    Double every = optionalNumber(o, "checkInEveryDays", p);
    if (every != null && !(every > 0 && every <= Cycle.MAX_LENGTH_DAYS)) {
      problems.add(problem(p.field("checkInEveryDays"), "must be above 0 and at most " + Cycle.MAX_LENGTH_DAYS
          + ": " + every));
    }
    if (problems.size() == before) {
      cycle = build(p, () -> new Cycle(id, name, start, end, zone, every));
    }
  }

  private Team team(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, TEAM_FIELDS);
    String id = requiredId(o, "id", p);
    String name = optionalString(o, "name", p);
    String parent = optionalId(o, "parent", p);
    declare(NodeKind.TEAM, id, p.field("id"));
    refs.parent(NodeKind.TEAM, id, parent, p.field("parent").toString());
    return problems.size() == before ? build(p, () -> new Team(id, name, parent)) : null;
  }

  private Objective objective(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, OBJECTIVE_FIELDS);
    String id = requiredId(o, "id", p);
    String title = optionalString(o, "title", p); // the id when absent, as for every other item
    String team = requiredId(o, "team", p);
    String owner = optionalString(o, "owner", p);
    String parent = optionalId(o, "parent", p);
    Commitment commitment = optionalEnum(o, "commitment", p, "commitment", Commitment.values(),
        Commitment::jsonName, Commitment::fromJsonName);
    declare(NodeKind.OBJECTIVE, id, p.field("id"));
    refer(p.field("team"), team, TEAM);
    refs.parent(NodeKind.OBJECTIVE, id, parent, p.field("parent").toString());
    List<KeyResult> keyResults = list(o, "keyResults", p, (kr, kp) -> keyResult(kr, kp, team));
    return problems.size() == before
        ? build(p, () -> new Objective(id, title, team, owner, parent, commitment, keyResults, commitment != null))
        : null;
  }

  private KeyResult keyResult(Obj o, JsonPath p, String objectiveTeam) {
    int before = problems.size();
    unknownFields(o, p, KEY_RESULT_FIELDS);
    String id = requiredId(o, "id", p);
    String title = optionalString(o, "title", p);
    String owner = optionalString(o, "owner", p);
    String ownTeam = optionalId(o, "team", p);
    Double weight = optionalNumber(o, "weight", p);
    if (weight != null && !(weight >= 0)) {
      problems.add(problem(p.field("weight"), "must not be negative: " + weight));
    } else if (weight != null && !(weight <= KeyResult.MAX_WEIGHT)) {
      problems.add(problem(p.field("weight"), "must not be above 1e6: " + weight));
    }
    List<String> tags = stringList(o, "tags", p);
    declare(NodeKind.KEY_RESULT, id, p.field("id"));
    refer(p.field("team"), ownTeam, TEAM);
    Obj m = requiredObject(o, "metric", p);
    Metric metric = m == null ? null : metric(m, p.field("metric"));
    Obj pl = optionalObject(o, "plan", p);
    Plan plan = pl == null ? Plan.LINEAR : plan(pl, p.field("plan"));
    List<CheckIn> checkIns = checkIns(o, p, metric);
    Obj r = optionalObject(o, "result", p);
    Result result = r == null ? null : result(r, p.field("result"), metric);
    String team = ownTeam != null ? ownTeam : objectiveTeam;
    if (problems.size() > before || team == null) {
      return null;
    }
    double w = weight == null ? 1.0 : weight;
    return build(p, () -> new KeyResult(id, title, owner, team, w, tags, metric, plan, checkIns, result));
  }

  private Metric metric(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, METRIC_FIELDS);
    Double baseline = magnitude(optionalNumber(o, "baseline", p), p.field("baseline"));
    Double target = magnitude(optionalNumber(o, "target", p), p.field("target"));
    Direction direction = requiredEnum(o, "direction", p, "direction", Direction.values(), Direction::jsonName,
        Direction::fromJsonName);
    String unit = optionalString(o, "unit", p);
    Double min = magnitude(optionalNumber(o, "min", p), p.field("min"));
    Double max = magnitude(optionalNumber(o, "max", p), p.field("max"));
    List<Double> levels = levels(o, p);
    if (direction == Direction.ACHIEVE) {
      baseline = isAbsent(o, "baseline") ? Double.valueOf(0.0) : baseline;
      target = isAbsent(o, "target") ? Double.valueOf(1.0) : target;
      if (baseline != null && baseline != 0.0) {
        problems.add(problem(p.field("baseline"), "must be 0 for direction achieve: " + baseline));
        baseline = null; // not judged further
      }
      if (target != null && target != 1.0) {
        problems.add(problem(p.field("target"), "must be 1 for direction achieve: " + target));
        target = null;
      }
    } else {
      if (target == null && isAbsent(o, "target")) {
        problems.add(problem(p.field("target"), "missing"));
      }
      if (direction != null && !direction.isMaintain() && baseline == null && isAbsent(o, "baseline")) {
        problems.add(problem(p.field("baseline"), "missing (required for " + direction.jsonName() + ")"));
      }
    }
    if (baseline != null && target != null && baseline.doubleValue() == target.doubleValue()) {
      problems.add(problem(p.field("target"), "must differ from baseline (both " + target + ")"));
    } else if (baseline != null && target != null && !(Math.abs(target - baseline) >= Metric.MIN_SPAN)) {
      problems.add(problem(p.field("target"),
          "must differ from baseline by at least 1e-9: " + target + " (baseline " + baseline + ")"));
    } else if (baseline != null && target != null && direction != null
        && Checks.wrongSide(direction, baseline, target) != null) {
      // a decrease with its target above its baseline counted its progress upward: 9.6 h against a target of 9.5 h
      // (baseline 9 h) read 120%, achieved
      problems.add(problem(p.field("target"), Checks.wrongSide(direction, baseline, target)));
    }
    boolean bounded = true;
    if (min != null && max != null && !(min < max)) {
      problems.add(problem(p.field("min"), "must be below max (" + min + " >= " + max + ")"));
      bounded = false; // the values are not judged against bounds that contradict each other
    }
    if (bounded) {
      within(baseline, p.field("baseline"), min, max);
      within(target, p.field("target"), min, max);
      if (levels != null) {
        for (int i = 0; i < levels.size(); i++) {
          within(levels.get(i), p.field("levels").at(i), min, max);
        }
      }
    }
    if (levels != null) {
      double first = levels.get(0);
      double last = levels.get(levels.size() - 1);
      withinLevels(baseline, p.field("baseline"), first, last);
      withinLevels(target, p.field("target"), first, last);
    }
    if (problems.size() > before) {
      return null;
    }
    Double b = baseline;
    double t = target;
    return build(p, () -> new Metric(b, t, direction, unit, min, max, levels));
  }

  /**
   * The optional {@code levels} of a metric: null when absent, or when not a valid list of levels (then every
   * problem is recorded: not an array, too few or too many, an element not a finite number, not strictly ascending).
   */
  private List<Double> levels(Obj o, JsonPath p) {
    List<?> items = optionalArray(o, "levels", p);
    if (items == null) {
      return null;
    }
    JsonPath lp = p.field("levels");
    int before = problems.size();
    if (!(items.size() >= Metric.MIN_LEVELS && items.size() <= Metric.MAX_LEVELS)) {
      problems.add(problem(lp,
          "must hold " + Metric.MIN_LEVELS + " to " + Metric.MAX_LEVELS + " values: " + items.size()));
    }
    List<Double> out = new ArrayList<>(items.size());
    Double previous = null;
    for (int i = 0; i < items.size(); i++) {
      JsonPath ip = lp.at(i);
      Object item = items.get(i);
      if (item == JsonTree.NULL) {
        problems.add(problem(ip, "must not be null"));
      }
      Double level = magnitude(number(item == JsonTree.NULL ? null : item, ip), ip);
      if (level != null) {
        if (previous != null && !(level > previous)) {
          problems.add(problem(ip, "must be above levels[" + (i - 1) + "] (" + level + " <= " + previous + ")"));
        }
        out.add(level);
      }
      previous = level;
    }
    return problems.size() == before ? out : null;
  }

  /**
   * {@code value} when it is null or within +-{@link Metric#MAX_MAGNITUDE}; otherwise null, after recording the
   * problem at {@code path}.
   */
  private Double magnitude(Double value, JsonPath path) {
    if (value == null || (value >= -Metric.MAX_MAGNITUDE && value <= Metric.MAX_MAGNITUDE)) {
      return value;
    }
    problems.add(problem(path, "must be within " + Checks.MAGNITUDE_RANGE + ": " + value));
    return null;
  }

  /** Records a problem when {@code value} (if any) lies outside [min, max]. */
  private void within(Double value, JsonPath path, Double min, Double max) {
    if (value == null) {
      return;
    }
    if (min != null && !(value >= min)) {
      problems.add(problem(path, "must not be below min (" + value + " < " + min + ")"));
    } else if (max != null && !(value <= max)) {
      problems.add(problem(path, "must not be above max (" + value + " > " + max + ")"));
    }
  }

  /** Records a problem when {@code value} (if any) lies outside [first level, last level]. */
  private void withinLevels(Double value, JsonPath path, double first, double last) {
    if (value == null) {
      return;
    }
    if (!(value >= first)) {
      problems.add(problem(path, "must not be below the first level (" + value + " < " + first + ")"));
    } else if (!(value <= last)) {
      problems.add(problem(path, "must not be above the last level (" + value + " > " + last + ")"));
    }
  }

  /** Records a problem when {@code metric} is {@code achieve} and {@code value} is neither 0 (not done) nor 1. */
  private void requireAchieveValue(Metric metric, double value, JsonPath path) {
    if (metric.direction() == Direction.ACHIEVE && !(value == 0.0 || value == 1.0)) {
      problems.add(problem(path, "must be 0 or 1 for direction achieve: " + value));
    }
  }

  /**
   * Warns when a measured {@code value} lies outside the metric's bounds, or is not one of its levels: the value is
   * kept as given.
   */
  private void warnIfImpossible(Metric metric, double value, JsonPath path) {
    if (metric.min() != null && !(value >= metric.min())) {
      warnings.add(problem(path, "below the metric's min (" + value + " < " + metric.min() + ")"));
    } else if (metric.max() != null && !(value <= metric.max())) {
      warnings.add(problem(path, "above the metric's max (" + value + " > " + metric.max() + ")"));
    } else if (metric.isOrdinal() && !isLevel(metric, value)) {
      warnings.add(problem(path, "not one of the metric's levels (" + value + " not in " + levels(metric) + ")"));
    }
  }

  /** Whether {@code value} equals one of the levels ({@code ==}, so that -0.0 is the level 0.0). */
  private static boolean isLevel(Metric metric, double value) {
    for (double level : metric.levels()) {
      if (level == value) {
        return true;
      }
    }
    return false;
  }

  private static String levels(Metric metric) {
    StringBuilder sb = new StringBuilder();
    for (Double level : metric.levels()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(level);
    }
    return sb.toString();
  }

  private Plan plan(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, PLAN_FIELDS);
    String shapeName = requiredString(o, "shape", p);
    boolean noPoints = isAbsent(o, "points");
    if (shapeName == null) {
      return null;
    }
    if (shapeName.equals(POINTS)) {
      if (o.get("points") == null) {
        problems.add(problem(p.field("points"), "missing"));
        return null;
      }
      List<PlanPoint> list = planPoints(o, p);
      return list != null && problems.size() == before ? build(p, () -> new Plan.Points(list)) : null;
    }
    Optional<PlanShape> shape = PlanShape.fromJsonName(shapeName);
    if (shape.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (PlanShape s : PlanShape.values()) {
        names.add(s.jsonName());
      }
      names.add(POINTS);
      problems.add(problem(p.field("shape"),
          "unknown shape \"" + shapeName + "\" (expected one of: " + String.join(", ", names) + ")"));
      return null;
    }
    if (!noPoints) {
      problems.add(problem(p.field("points"), "only allowed with shape \"points\""));
      return null;
    }
    return Plan.of(shape.get());
  }

  private List<PlanPoint> planPoints(Obj o, JsonPath p) {
    JsonPath lp = p.field("points");
    List<?> items = requiredArray(o, "points", p);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      problems.add(problem(lp, "must not be empty"));
      return null;
    }
    Map<LocalDate, Integer> seen = new LinkedHashMap<>();
    List<PlanPoint> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonPath ip = lp.at(i);
      Obj pt = asObject(items.get(i), ip);
      if (pt == null) {
        continue;
      }
      int before = problems.size();
      unknownFields(pt, ip, POINT_FIELDS);
      LocalDate date = requiredDate(pt, "date", ip);
      Double value = magnitude(requiredNumber(pt, "value", ip), ip.field("value"));
      if (date != null) {
        Integer first = seen.putIfAbsent(date, i);
        if (first != null) {
          problems.add(problem(ip.field("date"), "same date as points[" + first + "] (" + date + ")"));
        }
      }
      if (problems.size() == before) {
        PlanPoint point = build(ip, () -> new PlanPoint(date, value));
        if (point != null) {
          out.add(point);
        }
      }
    }
    return out;
  }

  /** The check-ins; {@code metric} (null when invalid) judges their values for warnings. */
  private List<CheckIn> checkIns(Obj o, JsonPath p, Metric metric) {
    JsonPath lp = p.field("checkIns");
    List<?> items = optionalArray(o, "checkIns", p);
    if (items == null) {
      return List.of();
    }
    // the later of two check-ins at one instant wins; the map keeps the index of the one kept
    Map<Instant, Integer> indexAt = new LinkedHashMap<>();
    Map<Instant, CheckIn> byInstant = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      JsonPath ip = lp.at(i);
      Obj c = asObject(items.get(i), ip);
      if (c == null) {
        continue;
      }
      CheckIn checkIn = checkIn(c, ip, metric);
      if (checkIn == null) {
        continue;
      }
      Instant at = checkIn.at();
      Integer earlier = indexAt.put(at, i);
      if (earlier != null) {
        warnings.add(problem(ip.field("at"),
            "same instant as checkIns[" + earlier + "] (" + at + "); the later one is kept"));
      }
      byInstant.put(at, checkIn);
    }
    return new ArrayList<>(byInstant.values());
  }

  /** One check-in, or null after recording its problems; {@code metric} (null when invalid) judges its value. */
  private CheckIn checkIn(Obj c, JsonPath ip, Metric metric) {
    int before = problems.size();
    unknownFields(c, ip, CHECK_IN_FIELDS);
    Instant at = requiredInstant(c, "at", ip);
    String outside = at != null && cycle != null ? Checks.outsideWindow(cycle, at) : null;
    if (outside != null) {
      problems.add(problem(ip.field("at"), outside));
    }
    Double value = magnitude(requiredNumber(c, "value", ip), ip.field("value"));
    Double confidence = optionalNumber(c, "confidence", ip);
    if (confidence != null && !(confidence >= 0 && confidence <= 1)) {
      problems.add(problem(ip.field("confidence"), "must be within 0..1: " + confidence));
    }
    String note = optionalString(c, "note", ip);
    List<String> blockers = stringList(c, "blockers", ip);
    String source = optionalString(c, "source", ip);
    if (value != null && metric != null) {
      requireAchieveValue(metric, value, ip.field("value"));
    }
    if (problems.size() > before) {
      return null;
    }
    CheckIn checkIn = build(ip, () -> new CheckIn(at, value, confidence, note, blockers, source));
    if (checkIn != null && metric != null) {
      warnIfImpossible(metric, value, ip.field("value"));
    }
    return checkIn;
  }

  /** The result; {@code metric} (null when invalid) judges its final value for warnings. */
  private Result result(Obj o, JsonPath p, Metric metric) {
    int before = problems.size();
    unknownFields(o, p, RESULT_FIELDS);
    Double finalValue = magnitude(requiredNumber(o, "finalValue", p), p.field("finalValue"));
    Double selfScore = optionalNumber(o, "selfScore", p);
    if (selfScore != null && !(selfScore >= 0 && selfScore <= 1)) {
      problems.add(problem(p.field("selfScore"), "must be within 0..1: " + selfScore));
    }
    if (finalValue != null && metric != null) {
      requireAchieveValue(metric, finalValue, p.field("finalValue"));
    }
    if (problems.size() > before) {
      return null;
    }
    Result result = build(p, () -> new Result(finalValue, selfScore));
    if (result != null && metric != null) {
      warnIfImpossible(metric, finalValue, p.field("finalValue"));
    }
    return result;
  }

  private Initiative initiative(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, INITIATIVE_FIELDS);
    String id = requiredId(o, "id", p);
    String title = optionalString(o, "title", p);
    String team = requiredId(o, "team", p);
    String owner = optionalString(o, "owner", p);
    List<String> keyResults = stringList(o, "keyResults", p);
    declare(NodeKind.INITIATIVE, id, p.field("id"));
    refer(p.field("team"), team, TEAM);
    if (keyResults != null) {
      for (int k = 0; k < keyResults.size(); k++) {
        refer(p.field("keyResults").at(k), keyResults.get(k), KEY_RESULT);
      }
    }
    List<Milestone> milestones = list(o, "milestones", p, this::milestone);
    return problems.size() == before
        ? build(p, () -> new Initiative(id, title, team, owner, keyResults, milestones))
        : null;
  }

  private Milestone milestone(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, MILESTONE_FIELDS);
    String id = requiredId(o, "id", p);
    String title = optionalString(o, "title", p);
    LocalDate due = requiredDate(o, "due", p);
    LocalDate completed = optionalDate(o, "completed", p);
    declare(NodeKind.MILESTONE, id, p.field("id"));
    return problems.size() == before ? build(p, () -> new Milestone(id, title, due, completed)) : null;
  }

  private Dependency dependency(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, DEPENDENCY_FIELDS);
    String upstream = requiredId(o, "upstream", p);
    String downstream = requiredId(o, "downstream", p);
    DependencyKind kind = requiredEnum(o, "kind", p, "kind", DependencyKind.values(), DependencyKind::jsonName,
        DependencyKind::fromJsonName);
    LocalDate needBy = optionalDate(o, "needBy", p);
    String note = optionalString(o, "note", p);
    refs.dependency(p.toString(), upstream, downstream);
    if (problems.size() > before || upstream == null || upstream.equals(downstream)) {
      return null; // a self-dependency is reported by the reference check
    }
    return build(p, () -> new Dependency(upstream, downstream, kind, needBy, note));
  }

  /** The sources' health (optional); two entries of one name are a problem at the later one's name. */
  private List<SourceStatus> sources(Obj doc) {
    List<SourceStatus> sources = list(doc, "sources", JsonPath.ROOT, this::source);
    // the raw value: list(...) has already told when it is not an array
    if (optional(doc, "sources") instanceof List<?> items) {
      Map<String, Integer> first = new LinkedHashMap<>();
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof Obj o && o.get("name") instanceof String name && !Checks.isBlank(name)) {
          Integer earlier = first.putIfAbsent(name, i);
          if (earlier != null) {
            problems.add(problem(JsonPath.ROOT.field("sources").at(i).field("name"),
                "duplicate source \"" + name + "\" (also sources[" + earlier + "])"));
          }
        }
      }
    }
    return sources;
  }

  private SourceStatus source(Obj o, JsonPath p) {
    int before = problems.size();
    unknownFields(o, p, SOURCE_FIELDS);
    String name = requiredId(o, "name", p);
    SourceStatus.State state = requiredEnum(o, "state", p, "state", SourceStatus.State.values(),
        SourceStatus.State::jsonName, SourceStatus.State::fromJsonName);
    Instant since = requiredInstant(o, "since", p, null);
    if (since != null && !Checks.isSupported(since)) {
      problems.add(problem(p.field("since"), "must be within " + Checks.DATE_RANGE + " (UTC): " + since));
    }
    String lastError = optionalId(o, "lastError", p);
    if (state == SourceStatus.State.FAILING && lastError == null && isAbsent(o, "lastError")) {
      problems.add(problem(p.field("lastError"), "missing (required when state is failing)"));
    }
    List<String> keyResults = stringList(o, "keyResults", p);
    if (keyResults != null) {
      for (int k = 0; k < keyResults.size(); k++) {
        JsonPath kp = p.field("keyResults").at(k);
        if (Checks.isBlank(keyResults.get(k))) {
          problems.add(problem(kp, "must not be blank"));
        } else if (keyResults.indexOf(keyResults.get(k)) < k) {
          problems.add(problem(kp, "repeats \"" + keyResults.get(k) + "\" (also keyResults["
              + keyResults.indexOf(keyResults.get(k)) + "])"));
        } else {
          refer(kp, keyResults.get(k), KEY_RESULT);
        }
      }
      if (state == SourceStatus.State.OK && !keyResults.isEmpty()) {
        problems.add(problem(p.field("keyResults"), "must be empty when state is ok: " + keyResults));
      }
    }
    if (problems.size() > before) {
      return null;
    }
    List<String> krs = keyResults == null ? List.of() : keyResults;
    return build(p, () -> new SourceStatus(name, state, since, lastError, krs));
  }

  private void declare(NodeKind kind, String id, JsonPath path) {
    if (id != null) {
      refs.declare(kind, id, path.toString());
    }
  }

  private void refer(JsonPath path, String id, Set<NodeKind> allowed) {
    if (id != null) {
      refs.refer(path.toString(), id, allowed);
    }
  }

  /**
   * The instant at {@code key} (with offset, or a date in the cycle's zone), or null; one whose date in UTC lies
   * outside {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE} is a problem.
   */
  private Instant requiredInstant(Obj o, String key, JsonPath p) {
    Instant at = requiredInstant(o, key, p,
        date -> cycle != null ? cycle.instantOf(date) : date.atStartOfDay(zone).toInstant());
    if (at != null && !Checks.isSupported(at)) {
      problems.add(problem(p.field(key), "must be within " + Checks.DATE_RANGE + " (UTC): " + at));
      return null;
    }
    return at;
  }

  /** Every date of the document lies within {@link Cycle#MIN_DATE} to {@link Cycle#MAX_DATE}. */
  @Override
  LocalDate date(String s, JsonPath path) {
    LocalDate date = super.date(s, path);
    if (date != null && !Checks.isSupported(date)) {
      problems.add(problem(path, "must be within " + Checks.DATE_RANGE + ": " + date));
      return null;
    }
    return date;
  }

  private ZoneId optionalZone(Obj o, String key, JsonPath p) {
    String s = optionalString(o, key, p);
    if (s == null) {
      return null;
    }
    if (s.equals("UTC")) {
      return ZoneOffset.UTC; // the default zone; written back as "UTC"
    }
    try {
      return ZoneId.of(s);
    } catch (DateTimeException e) {
      problems.add(problem(p.field(key), "unknown zone \"" + s + "\""));
      return null;
    }
  }
}
