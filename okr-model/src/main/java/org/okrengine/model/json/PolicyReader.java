package org.okrengine.model.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.Problem;
import org.okrengine.model.Status;
import org.okrengine.model.json.JsonTree.Obj;

/**
 * Turns the tree of an {@code okr-escalation-policy/1} document into an {@link EscalationPolicy}, collecting every
 * problem with its JSON path. One instance per document; not thread-safe.
 */
final class PolicyReader extends TreeReader {
  private static final Set<String> ROOT_FIELDS = Set.of("format", "levels", "graceDays");
  private static final Set<String> LEVEL_FIELDS = Set.of("level", "to", "statuses", "forDays", "crossTeamCascade",
      "belowProbability", "cascadeForDays");

  PolicyReader(List<Problem> parseProblems) {
    problems.addAll(parseProblems);
  }

  /** The policy, or null when there were problems (then listed in {@link #problems}). */
  EscalationPolicy read(Object root) {
    if (!(root instanceof Obj doc)) {
      problems.add(problem(JsonPath.ROOT, "document must be an object"));
      return null;
    }
    String format = optionalString(doc, "format", JsonPath.ROOT);
    if (format != null && !format.equals(EscalationPolicyJson.FORMAT)) {
      problems.add(problem(JsonPath.ROOT.field("format"),
          "unknown format \"" + format + "\" (expected \"" + EscalationPolicyJson.FORMAT + "\")"));
      return null;
    }
    unknown(doc, JsonPath.ROOT, ROOT_FIELDS);
    // optional: policies written before it existed have no grace period
    Integer grace = integer(optional(doc, "graceDays"), JsonPath.ROOT.field("graceDays"));
    if (grace != null && grace < 0) {
      problems.add(problem(JsonPath.ROOT.field("graceDays"), "must not be negative: " + grace));
    }
    List<?> items = requiredArray(doc, "levels", JsonPath.ROOT);
    if (items != null && items.isEmpty()) {
      problems.add(problem(JsonPath.ROOT.field("levels"), "must hold at least one level"));
    }
    List<EscalationPolicy.Level> levels = list(doc, "levels", JsonPath.ROOT, this::level);
    Integer previous = null;
    for (int i = 0; items != null && i < items.size(); i++) {
      Integer n = items.get(i) instanceof Obj o && o.get("level") instanceof JsonTree.Num num
          && num.value() == Math.rint(num.value()) && Math.abs(num.value()) < 1e9 ? (int) num.value() : null;
      if (n != null && previous != null && n <= previous) {
        problems.add(problem(JsonPath.ROOT.field("levels").at(i).field("level"), "must be greater than the level "
            + "before it (" + previous + "): " + n));
      }
      previous = n != null ? n : previous;
    }
    if (!problems.isEmpty()) {
      return null;
    }
    int graceDays = grace == null ? 0 : grace;
    return build(JsonPath.ROOT, () -> new EscalationPolicy(levels, graceDays));
  }

  private EscalationPolicy.Level level(Obj o, JsonPath p) {
    int before = problems.size();
    unknown(o, p, LEVEL_FIELDS);
    Integer level = integer(required(o, "level", p), p.field("level"));
    if (level != null && level < 1) {
      problems.add(problem(p.field("level"), "must be at least 1: " + level));
    }
    String to = requiredId(o, "to", p);
    List<Status> statuses = null;
    List<?> names = optionalArray(o, "statuses", p);
    if (names != null) {
      statuses = new ArrayList<>();
      if (names.isEmpty()) {
        problems.add(problem(p.field("statuses"), "must name at least one status"));
      }
      for (int i = 0; i < names.size(); i++) {
        JsonPath sp = p.field("statuses").at(i);
        Status s = enumValue(string(names.get(i) == JsonTree.NULL ? null : names.get(i), sp), sp, "status",
            Status.values(), Status::jsonName, Status::fromJsonName);
        if (names.get(i) == JsonTree.NULL) {
          problems.add(problem(sp, "must not be null"));
        }
        if (s != null) {
          statuses.add(s);
        }
      }
    }
    Integer forDays = integer(required(o, "forDays", p), p.field("forDays"));
    if (forDays != null && forDays < 0) {
      problems.add(problem(p.field("forDays"), "must not be negative: " + forDays));
    }
    boolean cascade = optionalFlag(o, "crossTeamCascade", p);
    // optional, both: policies written before them count statuses alone, and a cascade from its first day
    Double below = number(optional(o, "belowProbability"), p.field("belowProbability"));
    if (below != null && !(below > 0 && below <= 1)) {
      problems.add(problem(p.field("belowProbability"), "must be above 0 and at most 1: " + below));
    }
    Integer cascadeDays = integer(optional(o, "cascadeForDays"), p.field("cascadeForDays"));
    if (cascadeDays != null && cascadeDays < 0) {
      problems.add(problem(p.field("cascadeForDays"), "must not be negative: " + cascadeDays));
    } else if (cascadeDays != null && cascadeDays > 0 && !cascade) {
      problems.add(problem(p.field("cascadeForDays"), "needs \"crossTeamCascade\": true: " + cascadeDays));
    }
    if (problems.size() > before) {
      return null;
    }
    List<Status> st = statuses;
    int cd = cascadeDays == null ? 0 : cascadeDays;
    return build(p, () -> new EscalationPolicy.Level(level, to, st, forDays, cascade, below,
        cd));
  }

  private void unknown(Obj o, JsonPath p, Set<String> known) {
    for (String key : o.fields().keySet()) {
      if (!known.contains(key)) {
        problems.add(problem(p.field(key), "unknown field (expected one of: " + String.join(", ",
            known.stream().sorted().toList()) + ")"));
      }
    }
  }
}
