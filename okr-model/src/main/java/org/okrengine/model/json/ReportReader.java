package org.okrengine.model.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.ForecastModelInfo;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.PrecedentSummary;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Problem;
import org.okrengine.model.Reason;
import org.okrengine.model.ReportChanges;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Status;
import org.okrengine.model.TeamSummary;
import org.okrengine.model.json.JsonTree.Obj;

/**
 * Turns the tree of an {@code okr-report/1} document back into a {@link CycleReport}, collecting every problem with
 * its JSON path; unknown fields are ignored. One instance per document; not thread-safe.
 */
final class ReportReader extends TreeReader {
  ReportReader(List<Problem> parseProblems) {
    problems.addAll(parseProblems);
  }

  /** The report, or null when there were problems (then listed in {@link #problems}). */
  CycleReport read(Object root) {
    if (!(root instanceof Obj doc)) {
      problems.add(problem(JsonPath.ROOT, "document must be an object"));
      return null;
    }
    String format = requiredString(doc, "format", JsonPath.ROOT);
    if (format != null && !format.equals(ReportJson.FORMAT)) {
      problems.add(problem(JsonPath.ROOT.field("format"),
          "unknown format \"" + format + "\" (expected \"" + ReportJson.FORMAT + "\")"));
      return null;
    }
    int before = problems.size();
    String cycleId = requiredId(doc, "cycleId", JsonPath.ROOT);
    Instant asOf = requiredInstant(doc, "asOf", JsonPath.ROOT, null);
    Obj m = optionalObject(doc, "model", JsonPath.ROOT);
    ForecastModelInfo model = m == null ? null : model(m, JsonPath.ROOT.field("model"));
    List<?> krs = requiredArray(doc, "keyResults", JsonPath.ROOT);
    List<KeyResultReport> keyResults =
        krs == null ? List.of() : list(doc, "keyResults", JsonPath.ROOT, this::keyResult);
    List<CascadeSummary> cascades = list(doc, "cascades", JsonPath.ROOT, this::cascade);
    List<EscalationSummary> escalations = list(doc, "escalations", JsonPath.ROOT, this::escalation);
    // optional: reports written before it existed have none
    List<EscalationGroup> groups = list(doc, "escalationGroups", JsonPath.ROOT, this::escalationGroup);
    List<SourceHealthSummary> sourceHealth = list(doc, "sourceHealth", JsonPath.ROOT, this::sourceHealth);
    List<ObjectiveSummary> objectives = list(doc, "objectives", JsonPath.ROOT, this::objective);
    // optional: reports written before they existed have no roll-ups and no changes
    List<TeamSummary> teams = list(doc, "teams", JsonPath.ROOT, this::team);
    Obj c = optionalObject(doc, "changes", JsonPath.ROOT);
    ReportChanges changes = c == null ? null : changes(c, JsonPath.ROOT.field("changes"));
    String summary = optionalString(doc, "summary", JsonPath.ROOT);
    if (problems.size() > before) {
      return null;
    }
    return build(JsonPath.ROOT, () -> new CycleReport(cycleId, asOf, keyResults, cascades, escalations, sourceHealth,
        objectives, summary, model, groups, teams, changes));
  }

  private ForecastModelInfo model(Obj o, JsonPath p) {
    int before = problems.size();
    String name = requiredId(o, "name", p);
    String method = requiredId(o, "method", p);
    String fittedOn = optionalId(o, "fittedOn", p);
    String at = optionalString(o, "forecastAt", p);
    if (at != null && !at.equals("end") && !at.equals("last-check-in")) {
      problems.add(problem(p.field("forecastAt"), "must be \"end\" or \"last-check-in\": \"" + at + "\""));
    }
    boolean atLastCheckIn = "last-check-in".equals(at);
    return problems.size() == before ? build(p, () -> new ForecastModelInfo(name, method, fittedOn, atLastCheckIn))
        : null;
  }

  private KeyResultReport keyResult(Obj o, JsonPath p) {
    int before = problems.size();
    String id = requiredId(o, "id", p);
    String title = optionalString(o, "title", p);
    String objective = optionalString(o, "objective", p);
    String team = optionalString(o, "team", p);
    Status status = requiredEnum(o, "status", p, "status", Status.values(), Status::jsonName, Status::fromJsonName);
    Double value = optionalNumber(o, "value", p);
    Double progress = optionalNumber(o, "progress", p);
    Double expected = requiredNumber(o, "expectedProgress", p);
    Integer days = integer(optional(o, "daysSinceCheckIn"), p.field("daysSinceCheckIn"));
    Obj f = optionalObject(o, "forecast", p);
    ForecastSummary forecast = f == null ? null : forecast(f, p.field("forecast"));
    List<Reason> reasons = reasons(o, p);
    String insight = optionalString(o, "insight", p);
    List<Cause> causes = list(o, "causes", p, this::cause);
    String owner = optionalString(o, "owner", p);
    Obj m = optionalObject(o, "metric", p);
    Metric metric = m == null ? null : metric(m, p.field("metric"));
    // optional: only reports made with a history of earlier cycles have them
    Obj pr = optionalObject(o, "precedents", p);
    PrecedentSummary precedents = pr == null ? null : precedents(pr, p.field("precedents"));
    if (problems.size() > before) {
      return null;
    }
    return build(p, () -> new KeyResultReport(id, title, objective, team, status, value, progress, expected, days,
        forecast, reasons, insight, causes, metric, owner, precedents));
  }

  private PrecedentSummary precedents(Obj o, JsonPath p) {
    int before = problems.size();
    Double fraction = requiredNumber(o, "fraction", p);
    Integer pool = integer(required(o, "pool", p), p.field("pool"));
    Integer similar = integer(required(o, "similar", p), p.field("similar"));
    Integer sameTeam = integer(required(o, "sameTeam", p), p.field("sameTeam"));
    Integer recovered = integer(optional(o, "recovered"), p.field("recovered"));
    Double low = optionalNumber(o, "recoveredLow", p);
    Double high = optionalNumber(o, "recoveredHigh", p);
    Double missed = optionalNumber(o, "missedMedianProgress", p);
    required(o, "factors", p); // required, as nearest: empty where there are none
    List<PrecedentSummary.Factor> factors = list(o, "factors", p, (f, fp) -> {
      int b = problems.size();
      String code = requiredId(f, "code", fp);
      Integer r = integer(required(f, "recovered", fp), fp.field("recovered"));
      Integer mi = integer(required(f, "missed", fp), fp.field("missed"));
      return problems.size() == b ? build(fp, () -> new PrecedentSummary.Factor(code, r, mi)) : null;
    });
    required(o, "nearest", p);
    List<PrecedentSummary.Case> nearest = list(o, "nearest", p, (c, cp) -> {
      int b = problems.size();
      String cycleId = requiredId(c, "cycleId", cp);
      String keyResult = requiredId(c, "keyResult", cp);
      String team = requiredId(c, "team", cp);
      Double distance = requiredNumber(c, "distance", cp);
      Object met = required(c, "met", cp);
      if (met != null && !(met instanceof Boolean)) {
        problems.add(problem(cp.field("met"), "must be true or false"));
      }
      Double fin = requiredNumber(c, "finalProgress", cp);
      return problems.size() == b ? build(cp, () -> new PrecedentSummary.Case(cycleId, keyResult, team, distance,
          (Boolean) met, fin)) : null;
    });
    String sentence = requiredId(o, "sentence", p);
    if (problems.size() > before) {
      return null;
    }
    return build(p, () -> new PrecedentSummary(fraction, pool, similar, sameTeam, recovered, low, high, missed,
        factors, nearest, sentence));
  }

  /** A key result's metric as okr-cycle/1 writes it; its rules are the record's (a violation is one problem). */
  private Metric metric(Obj o, JsonPath p) {
    int before = problems.size();
    Double baseline = optionalNumber(o, "baseline", p);
    Double target = requiredNumber(o, "target", p);
    Direction direction = requiredEnum(o, "direction", p, "direction", Direction.values(), Direction::jsonName,
        Direction::fromJsonName);
    String unit = optionalString(o, "unit", p);
    Double min = optionalNumber(o, "min", p);
    Double max = optionalNumber(o, "max", p);
    List<?> items = optionalArray(o, "levels", p);
    List<Double> levels = null;
    if (items != null) {
      levels = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        Double level = number(items.get(i), p.field("levels").at(i));
        if (level != null) {
          levels.add(level);
        }
      }
    }
    if (problems.size() > before) {
      return null;
    }
    List<Double> lv = levels;
    return build(p, () -> new Metric(baseline, target, direction, unit, min, max, lv));
  }

  private Map<String, Double> evidence(Obj r, JsonPath rp) {
    Map<String, Double> evidence = new LinkedHashMap<>();
    Obj e = optionalObject(r, "evidence", rp);
    if (e != null) {
      for (String name : e.fields().keySet()) {
        Double v = number(JsonTree.NULL == e.get(name) ? null : e.get(name), rp.field("evidence").field(name));
        if (v != null) {
          evidence.put(name, v);
        }
      }
    }
    return evidence;
  }

  private Cause cause(Obj o, JsonPath p) {
    int before = problems.size();
    String code = requiredId(o, "code", p);
    String subject = optionalId(o, "subject", p);
    Map<String, Double> evidence = evidence(o, p);
    String sentence = requiredId(o, "sentence", p);
    return problems.size() == before ? build(p, () -> new Cause(code, subject, evidence, sentence)) : null;
  }

  private SourceHealthSummary sourceHealth(Obj o, JsonPath p) {
    int before = problems.size();
    String source = requiredId(o, "source", p);
    List<String> krs = stringList(o, "keyResults", p);
    Object whole = optional(o, "wholeSource");
    if (whole != null && !(whole instanceof Boolean)) {
      problems.add(problem(p.field("wholeSource"), "must be true or false"));
    }
    LocalDate last = isAbsent(o, "lastValueOn") && !isAbsent(o, "lastError") ? null
        : requiredDate(o, "lastValueOn", p);
    Integer silent = integer(required(o, "silentDays", p), p.field("silentDays"));
    Double every = requiredNumber(o, "expectedEveryDays", p);
    String reason = requiredId(o, "reason", p);
    LocalDate failingSince = optionalDate(o, "failingSince", p);
    String lastError = optionalId(o, "lastError", p);
    if ((failingSince == null) != (lastError == null) && problems.size() == before) {
      problems.add(problem(p.field(failingSince == null ? "failingSince" : "lastError"),
          "missing (failingSince and lastError come together)"));
    }
    if (problems.size() > before) {
      return null;
    }
    return build(p, () -> new SourceHealthSummary(source, krs == null ? List.of() : krs, Boolean.TRUE.equals(whole),
        last, silent, every, reason, failingSince, lastError));
  }

  private ObjectiveSummary objective(Obj o, JsonPath p) {
    int before = problems.size();
    String id = requiredId(o, "id", p);
    String title = optionalString(o, "title", p);
    String team = requiredId(o, "team", p);
    Integer count = integer(required(o, "keyResults", p), p.field("keyResults"));
    Integer attention = integer(required(o, "needAttention", p), p.field("needAttention"));
    Double progress = optionalNumber(o, "progress", p);
    Double expected = requiredNumber(o, "expectedProgress", p);
    Double probability = optionalNumber(o, "probability", p);
    String summary = requiredId(o, "summary", p);
    if (problems.size() > before) {
      return null;
    }
    return build(p, () -> new ObjectiveSummary(id, title, team, count, attention, progress, expected, summary,
        probability));
  }

  private TeamSummary team(Obj o, JsonPath p) {
    int before = problems.size();
    String id = requiredId(o, "id", p);
    String name = optionalString(o, "name", p);
    Integer count = integer(required(o, "keyResults", p), p.field("keyResults"));
    Integer attention = integer(required(o, "needAttention", p), p.field("needAttention"));
    Double progress = optionalNumber(o, "progress", p);
    Double expected = requiredNumber(o, "expectedProgress", p);
    List<String> owners = stringList(o, "owners", p);
    if (problems.size() > before) {
      return null;
    }
    return build(p, () -> new TeamSummary(id, name, count, attention, progress, expected,
        owners == null ? List.of() : owners));
  }

  private ReportChanges changes(Obj o, JsonPath p) {
    int before = problems.size();
    Instant since = requiredInstant(o, "since", p, null);
    List<ReportChanges.StatusChange> statuses = list(o, "statusChanges", p, (s, sp) -> {
      int b = problems.size();
      String subject = requiredId(s, "subject", sp);
      String title = optionalString(s, "title", sp);
      Status from = requiredEnum(s, "from", sp, "status", Status.values(), Status::jsonName, Status::fromJsonName);
      Status to = requiredEnum(s, "to", sp, "status", Status.values(), Status::jsonName, Status::fromJsonName);
      boolean quiet = optionalFlag(s, "withoutCheckIn", sp);
      return problems.size() == b
          ? build(sp, () -> new ReportChanges.StatusChange(subject, title, from, to, quiet)) : null;
    });
    List<ReportChanges.NewEscalation> escalations = list(o, "newEscalations", p, (e, ep) -> {
      int b = problems.size();
      String subject = requiredId(e, "subject", ep);
      String title = optionalString(e, "title", ep);
      Integer level = integer(required(e, "level", ep), ep.field("level"));
      String to = optionalString(e, "to", ep);
      Integer fromLevel = integer(optional(e, "fromLevel"), ep.field("fromLevel"));
      return problems.size() == b
          ? build(ep, () -> new ReportChanges.NewEscalation(subject, title, level, to, fromLevel)) : null;
    });
    List<ReportChanges.ProbabilityMove> moves = list(o, "probabilityMoves", p, (m, mp) -> {
      int b = problems.size();
      String subject = requiredId(m, "subject", mp);
      String title = optionalString(m, "title", mp);
      Double from = requiredNumber(m, "from", mp);
      Double to = requiredNumber(m, "to", mp);
      boolean quiet = optionalFlag(m, "withoutCheckIn", mp);
      return problems.size() == b
          ? build(mp, () -> new ReportChanges.ProbabilityMove(subject, title, from, to, quiet)) : null;
    });
    // optional: reports written before it have none
    List<ReportChanges.DroppedEscalation> dropped = list(o, "droppedEscalations", p, (d, dp) -> {
      int b = problems.size();
      String subject = requiredId(d, "subject", dp);
      String title = optionalString(d, "title", dp);
      Integer fromLevel = integer(required(d, "fromLevel", dp), dp.field("fromLevel"));
      String fromTo = optionalString(d, "fromTo", dp);
      Integer level = integer(optional(d, "level"), dp.field("level"));
      String to = optionalString(d, "to", dp);
      String reason = optionalString(d, "reason", dp);
      return problems.size() == b ? build(dp,
          () -> new ReportChanges.DroppedEscalation(subject, title, fromLevel, fromTo, level, to, reason)) : null;
    });
    if (problems.size() > before) {
      return null;
    }
    return build(p, () -> new ReportChanges(since, statuses, escalations, moves, dropped));
  }

  /**
   * The reasons: from {@code reasonDetails} where given (not absent or null), else from {@code reasons}; {@code reasons}
   * is checked either way (the reason codes, non-blank strings), and beside {@code reasonDetails} must name its codes
   * in their order.
   */
  private List<Reason> reasons(Obj o, JsonPath p) {
    int before = problems.size();
    List<String> codes = stringList(o, "reasons", p);
    if (codes != null) {
      for (int i = 0; i < codes.size(); i++) {
        id(codes.get(i), p.field("reasons").at(i));
      }
    }
    boolean codesRead = codes != null && problems.size() == before;
    if (!isAbsent(o, "reasonDetails")) {
      int detailsBefore = problems.size();
      List<Reason> details = list(o, "reasonDetails", p, (r, rp) -> {
        int b = problems.size();
        String code = requiredId(r, "code", rp);
        Map<String, Double> evidence = evidence(r, rp);
        return problems.size() == b ? build(rp, () -> new Reason(code, evidence)) : null;
      });
      if (codesRead && problems.size() == detailsBefore) {
        List<String> detailCodes = details.stream().map(Reason::code).toList();
        if (!detailCodes.equals(codes)) {
          problems.add(problem(p.field("reasons"), "must be the codes of reasonDetails in their order ("
              + String.join(", ", detailCodes) + "): " + String.join(", ", codes)));
        }
      }
      return details;
    }
    List<Reason> out = new ArrayList<>();
    if (codesRead) {
      for (int i = 0; i < codes.size(); i++) {
        String code = codes.get(i);
        Reason r = build(p.field("reasons").at(i), () -> Reason.of(code));
        if (r != null) {
          out.add(r);
        }
      }
    }
    return out;
  }

  private ForecastSummary forecast(Obj o, JsonPath p) {
    int before = problems.size();
    String method = requiredId(o, "method", p);
    Double landingValue = requiredNumber(o, "landingValue", p);
    Double landingProgress = requiredNumber(o, "landingProgress", p);
    Obj i = optionalObject(o, "interval", p);
    PredictionInterval interval = null;
    if (i != null) {
      JsonPath ip = p.field("interval");
      Double level = requiredNumber(i, "level", ip);
      Double low = requiredNumber(i, "low", ip);
      Double high = requiredNumber(i, "high", ip);
      if (level != null && low != null && high != null) {
        interval = build(ip, () -> new PredictionInterval(level, low, high));
      }
    }
    Double probability = requiredNumber(o, "probabilityOfTarget", p);
    Double required = optionalNumber(o, "requiredVelocityPerWeek", p);
    Double actual = optionalNumber(o, "actualVelocityPerWeek", p);
    Double ratio = optionalNumber(o, "velocityRatio", p);
    LocalDate completion = optionalDate(o, "completionDate", p);
    LocalDate p50 = optionalDate(o, "completionP50", p);
    LocalDate p85 = optionalDate(o, "completionP85", p);
    if (problems.size() > before) {
      return null;
    }
    PredictionInterval in = interval;
    return build(p, () -> new ForecastSummary(method, landingValue, landingProgress, in, probability, required,
        actual, ratio, completion, p50, p85));
  }

  private CascadeSummary cascade(Obj o, JsonPath p) {
    int before = problems.size();
    String source = requiredId(o, "source", p);
    List<String> affected = stringList(o, "affected", p);
    // optional: reports written before it existed list everything reached
    Integer count = integer(optional(o, "affectedCount"), p.field("affectedCount"));
    List<String> teams = stringList(o, "teams", p);
    Double slipDays = requiredNumber(o, "slipDays", p);
    Double probability = optionalNumber(o, "probabilityOfMiss", p);
    String reason = optionalString(o, "reason", p);
    if (problems.size() > before) {
      return null;
    }
    List<String> listed = affected == null ? List.of() : affected;
    return build(p, () -> new CascadeSummary(source, listed, teams == null ? List.of() : teams, slipDays,
        probability, reason, count == null ? listed.size() : count));
  }

  private EscalationSummary escalation(Obj o, JsonPath p) {
    int before = problems.size();
    String subject = requiredId(o, "subject", p);
    Integer level = integer(required(o, "level", p), p.field("level"));
    LocalDate since = requiredDate(o, "since", p);
    String to = optionalString(o, "to", p);
    String reason = optionalString(o, "reason", p);
    if (problems.size() > before) {
      return null;
    }
    return build(p, () -> new EscalationSummary(subject, level, since, to, reason));
  }

  private EscalationGroup escalationGroup(Obj o, JsonPath p) {
    int before = problems.size();
    String kind = requiredId(o, "kind", p);
    String cause = requiredId(o, "cause", p);
    List<String> subjects = stringList(o, "subjects", p);
    Integer level = integer(required(o, "level", p), p.field("level"));
    String to = requiredId(o, "to", p);
    String reason = optionalString(o, "reason", p);
    if (problems.size() > before) {
      return null;
    }
    List<String> s = subjects == null ? List.of() : subjects;
    return build(p, () -> new EscalationGroup(kind, cause, s, level, to, reason == null ? "" : reason));
  }
}
