package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;

/**
 * A scenario beside the baseline: the cycle changed by slips and target changes, analysed again, each key result's and
 * objective's probability and status side by side, and the escalations that are new or raised. Stateless and
 * thread-safe.
 */
public final class WhatIf {
  /** The name of the JSON format of a {@link Comparison}. */
  public static final String FORMAT = "okr-whatif/1";

  private WhatIf() {}

  /** A change to a cycle. */
  public sealed interface Change permits Slip, Target {
    /** The id changed. */
    String id();
  }

  /**
   * A slip: an initiative's open milestones, or one open milestone, due {@code days} later (earlier when negative).
   *
   * @param id an initiative's or milestone's id
   * @param days whole days, not 0
   */
  public record Slip(String id, int days) implements Change {}

  /**
   * A target change: a key result's metric with {@code target} in place of its target.
   *
   * @param id a key result's id
   * @param target the new target
   */
  public record Target(String id, double target) implements Change {}

  /**
   * One key result's or objective's probability and status, baseline then scenario.
   *
   * @param id the id
   * @param title its title
   * @param baselineProbability the probability in the baseline (of target; for an objective of its commitment), or
   *     null when unknown
   * @param probability the same in the scenario
   * @param baselineStatus the status in the baseline (an objective: how many key results need attention, as
   *     {@code 2 of 3 need attention})
   * @param status the same in the scenario
   */
  public record Row(String id, String title, Double baselineProbability, Double probability, String baselineStatus,
      String status) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException when a probability is not within 0..1, naming it
     */
    public Row {
      Objects.requireNonNull(id, "id must not be null");
      Objects.requireNonNull(baselineStatus, "baselineStatus must not be null");
      Objects.requireNonNull(status, "status must not be null");
      JsonNumbers.requireUnit(baselineProbability, "baselineProbability");
      JsonNumbers.requireUnit(probability, "probability");
    }
  }

  /**
   * The comparison.
   *
   * @param cycleId the cycle's id
   * @param asOf the instant of both analyses
   * @param changes the changes applied, in order
   * @param keyResults every key result, in document order
   * @param objectives every objective, in document order
   * @param escalations escalations of the scenario that are new or at a higher level than in the baseline
   * @param baselineLevels the baseline's level of each of those escalations' subjects (0 when it had none)
   * @param notes sentences on how the changes were judged where that is not plain from the rows (a slip of a
   *     milestone already past due, a blocker landing after the cycle's end), in the order of the changes; often
   *     empty
   */
  public record Comparison(String cycleId, Instant asOf, List<Change> changes, List<Row> keyResults,
      List<Row> objectives, List<EscalationSummary> escalations, List<Integer> baselineLevels, List<String> notes) {
    /**
     * Validates and copies the lists.
     *
     * @throws IllegalArgumentException when {@code baselineLevels} does not hold one level for each escalation, below
     *     its level (and 0 or above)
     */
    public Comparison {
      changes = List.copyOf(changes);
      keyResults = List.copyOf(keyResults);
      objectives = List.copyOf(objectives);
      escalations = List.copyOf(escalations);
      baselineLevels = List.copyOf(baselineLevels);
      notes = List.copyOf(notes);
      // toJson pairs them: one more escalation than levels threw IndexOutOfBoundsException there
      if (baselineLevels.size() != escalations.size()) {
        throw new IllegalArgumentException("baselineLevels must hold one level per escalation (" + escalations.size()
            + "): " + baselineLevels.size());
      }
      for (int i = 0; i < baselineLevels.size(); i++) {
        int was = baselineLevels.get(i);
        if (!(was >= 0 && was < escalations.get(i).level())) {
          throw new IllegalArgumentException("baselineLevels[" + i + "] must be within [0, the escalation's level "
              + escalations.get(i).level() + "): " + was);
        }
      }
    }

    /** A comparison without notes. */
    public Comparison(String cycleId, Instant asOf, List<Change> changes, List<Row> keyResults,
        List<Row> objectives, List<EscalationSummary> escalations, List<Integer> baselineLevels) {
      this(cycleId, asOf, changes, keyResults, objectives, escalations, baselineLevels, List.of());
    }

    /** The {@code okr-whatif/1} document, pretty-printed, ending in a line break. */
    public String toJson() {
      List<String> cs = new ArrayList<>();
      for (Change c : changes) {
        cs.add(c instanceof Slip s ? "{\"slip\": " + FreeText.quote(s.id()) + ", \"days\": " + s.days() + "}"
            : "{\"target\": " + FreeText.quote(c.id()) + ", \"value\": "
                + JsonNumbers.number(((Target) c).target()) + "}");
      }
      List<String> es = new ArrayList<>();
      for (int i = 0; i < escalations.size(); i++) {
        EscalationSummary e = escalations.get(i);
        es.add("\n    {\"subject\": " + FreeText.quote(e.subject()) + ", \"baselineLevel\": " + baselineLevels.get(i)
            + ", \"level\": " + e.level() + ", \"to\": " + FreeText.quote(e.to()) + ",\n     \"reason\": "
            + FreeText.sentence(e.reason()) + "}");
      }
      return "{\n  \"format\": " + FreeText.quote(FORMAT) + ",\n  \"cycle\": " + FreeText.quote(cycleId) + ",\n  \"asOf\": "
          + FreeText.quote(asOf.toString()) + ",\n  \"changes\": [" + String.join(", ", cs) + "],\n"
          + "  \"keyResults\": [" + rows(keyResults) + "\n  ],\n  \"objectives\": [" + rows(objectives)
          + "\n  ],\n  \"escalations\": [" + String.join(",", es) + (es.isEmpty() ? "]" : "\n  ]")
          + (notes.isEmpty() ? "" : ",\n  \"notes\": [" + notes.stream().map(n -> "\n    " + FreeText.sentence(n))
              .collect(java.util.stream.Collectors.joining(",")) + "\n  ]") + "\n}\n";
    }

    private static String rows(List<Row> rows) {
      List<String> out = new ArrayList<>();
      for (Row r : rows) {
        out.add("\n    {\"id\": " + FreeText.quote(r.id()) + ", \"title\": " + FreeText.quote(r.title())
            + ", \"baselineProbability\": " + JsonNumbers.number(r.baselineProbability()) + ", \"probability\": "
            + JsonNumbers.number(r.probability()) + ", \"baselineStatus\": " + FreeText.quote(r.baselineStatus())
            + ", \"status\": " + FreeText.quote(r.status()) + "}");
      }
      return String.join(",", out);
    }
  }

  /** What is wrong with {@code change} on {@code cycle}: one sentence each, empty when it applies. */
  public static List<String> problems(OkrCycle cycle, Change change) {
    Objects.requireNonNull(change, "change must not be null");
    List<String> out = new ArrayList<>();
    NodeKind kind = cycle.kindOf(change.id()).orElse(null);
    if (change instanceof Slip s) {
      if (kind == null) {
        out.add("no initiative or milestone " + s.id() + " in cycle " + cycle.cycle().id());
      } else if (kind != NodeKind.INITIATIVE && kind != NodeKind.MILESTONE) {
        out.add(s.id() + " is " + article(kind) + ": a slip applies to an initiative or a milestone");
      } else if (open(cycle, s.id()).isEmpty()) {
        out.add(s.id() + " has no open milestone to move");
      } else {
        for (Milestone m : open(cycle, s.id())) {
          String outside = outsideDates(m, s.days());
          if (outside != null) {
            out.add(outside);
          }
        }
      }
      if (s.days() == 0) {
        out.add("the slip must not be 0 days");
      }
    } else {
      Target t = (Target) change;
      if (kind == null) {
        out.add("no key result " + t.id() + " in cycle " + cycle.cycle().id());
      } else if (kind != NodeKind.KEY_RESULT) {
        out.add(t.id() + " is " + article(kind) + ": a target applies to a key result");
      } else {
        Metric m = cycle.keyResult(t.id()).orElseThrow().metric();
        if (m.target() == t.target()) {
          out.add("the target of " + t.id() + " is already " + Numbers.number(t.target()));
        } else {
          try {
            retarget(m, t.target());
          } catch (IllegalArgumentException e) {
            out.add(e.getMessage());
          }
        }
      }
    }
    return out;
  }

  /**
   * {@code cycle} with {@code changes} applied in order.
   *
   * @throws IllegalArgumentException when a change has {@linkplain #problems problems}, listing every one
   */
  public static OkrCycle apply(OkrCycle cycle, List<? extends Change> changes) {
    return apply(cycle, changes, null, new HashMap<>());
  }

  /**
   * {@link #apply(OkrCycle, List)}, judged on {@code today} when not null: an open milestone already past due that
   * day and slipped later keeps its due date (a slip cannot make it less late), and the day the slip puts it on goes
   * into {@code lands}, by id.
   */
  private static OkrCycle apply(OkrCycle cycle, List<? extends Change> changes, LocalDate today,
      Map<String, LocalDate> lands) {
    List<String> all = new ArrayList<>();
    for (Change c : changes) {
      all.addAll(problems(cycle, c));
    }
    if (!all.isEmpty()) {
      throw new IllegalArgumentException("changes must apply: " + String.join("; ", all));
    }
    // summed in longs: two slips of a milestone (one of its own, one of its initiative) add up
    Map<String, Long> slips = new HashMap<>();
    Map<String, Double> targets = new HashMap<>();
    for (Change c : changes) {
      if (c instanceof Slip s) {
        List<String> ids = cycle.kindOf(s.id()).orElseThrow() == NodeKind.MILESTONE ? List.of(s.id())
            : open(cycle, s.id()).stream().map(Milestone::id).toList();
        for (String m : ids) {
          slips.merge(m, (long) s.days(), Long::sum);
        }
      } else {
        targets.put(c.id(), ((Target) c).target());
      }
    }
    // each slip fits the dates (problems), their sum too
    for (Map.Entry<String, Long> e : slips.entrySet()) {
      String outside = outsideDates(cycle.milestone(e.getKey()).orElseThrow(), e.getValue());
      if (outside != null) {
        all.add(outside + " after its slips");
      }
    }
    if (!all.isEmpty()) {
      throw new IllegalArgumentException("changes must apply: " + String.join("; ", all));
    }
    List<Objective> objectives = new ArrayList<>();
    for (Objective o : cycle.objectives()) {
      List<KeyResult> krs = new ArrayList<>();
      for (KeyResult k : o.keyResults()) {
        Double t = targets.get(k.id());
        krs.add(t == null ? k : new KeyResult(k.id(), k.title(), k.owner(), k.team(), k.weight(), k.tags(),
            retarget(k.metric(), t), k.plan(), k.checkIns(), k.result()));
      }
      objectives.add(new Objective(o.id(), o.title(), o.team(), o.owner(), o.parent(), o.commitment(), krs,
          o.commitmentDeclared()));
    }
    List<Initiative> initiatives = new ArrayList<>();
    for (Initiative i : cycle.initiatives()) {
      List<Milestone> ms = new ArrayList<>();
      for (Milestone m : i.milestones()) {
        Long d = slips.get(m.id());
        if (d != null && d > 0 && today != null && Snapshot.daysPastDue(m, today) > 0) {
          // already past due on the day judged: slipped later it is no less late (moved, it read "not due yet": the
          // missed milestone left the achieve forecast's count and the initiative was no longer late)
          lands.put(m.id(), m.due().plusDays(d));
          ms.add(m);
        } else {
          ms.add(d == null ? m : new Milestone(m.id(), m.title(), m.due().plusDays(d), m.completed()));
        }
      }
      initiatives.add(new Initiative(i.id(), i.title(), i.team(), i.owner(), i.keyResults(), ms));
    }
    try {
      return OkrCycle.of(cycle.cycle(), cycle.teams(), objectives, initiatives, cycle.dependencies(), cycle.sources());
    } catch (InvalidCycleException e) {
      throw new IllegalArgumentException("changes must leave a valid cycle: " + e.getMessage(), e);
    }
  }

  /**
   * The baseline and the scenario of {@code changes} analysed by {@code engine} at {@code asOf}, side by side. A later
   * slip never makes anything more likely: an open milestone already past due on the day of {@code asOf} keeps its
   * due date in the scenario (it is as late as it is; {@link Comparison#notes} says so), and lands on the day the
   * slip puts it on; one landing after the cycle's end leaves the key results it blocks no chance in the cycle
   * (reason {@code blocked-past-cycle-end}).
   *
   * @throws IllegalArgumentException when a change does not apply, listing every problem
   */
  public static Comparison compare(ExecutionEngine engine, OkrCycle cycle, Instant asOf,
      List<? extends Change> changes) {
    LocalDate today = Insights.countedDay(cycle.cycle(), asOf);
    Map<String, LocalDate> lands = new java.util.LinkedHashMap<>();
    OkrCycle changed = apply(cycle, changes, today, lands);
    CycleReport base = engine.analyze(cycle, asOf, null);
    CycleReport now = engine.analyzeScenario(changed, asOf, lands);
    List<Row> krs = new ArrayList<>();
    for (int i = 0; i < base.keyResults().size(); i++) {
      KeyResultReport a = base.keyResults().get(i);
      KeyResultReport b = now.keyResults().get(i);
      krs.add(new Row(a.id(), a.title(), a.forecast() == null ? null : a.forecast().probabilityOfTarget(),
          b.forecast() == null ? null : b.forecast().probabilityOfTarget(), a.status().jsonName(),
          b.status().jsonName()));
    }
    List<Row> objectives = new ArrayList<>();
    for (int i = 0; i < base.objectives().size(); i++) {
      ObjectiveSummary a = base.objectives().get(i);
      ObjectiveSummary b = now.objectives().get(i);
      objectives.add(new Row(a.id(), a.title(), a.probability(), b.probability(), attention(a), attention(b)));
    }
    Map<String, Integer> levels = new HashMap<>();
    for (EscalationSummary e : base.escalations()) {
      levels.merge(e.subject(), e.level(), Math::max);
    }
    List<EscalationSummary> raised = new ArrayList<>();
    List<Integer> before = new ArrayList<>();
    for (EscalationSummary e : now.escalations()) {
      int was = levels.getOrDefault(e.subject(), 0);
      if (e.level() > was) {
        raised.add(e);
        before.add(was);
      }
    }
    return new Comparison(cycle.cycle().id(), asOf, List.copyOf(changes), krs, objectives, raised, before,
        notes(cycle, changed, today, lands, base, now));
  }

  /**
   * Why a slip moved less than it seems it should: each milestone already past due that a slip kept as late as it
   * is, each milestone landing after the cycle's end, and the key results that cannot be done in the cycle because
   * of it in the scenario and could in the baseline.
   */
  private static List<String> notes(OkrCycle cycle, OkrCycle changed, LocalDate today, Map<String, LocalDate> lands,
      CycleReport base, CycleReport now) {
    List<String> out = new ArrayList<>();
    LocalDate end = cycle.cycle().end();
    for (Map.Entry<String, LocalDate> e : lands.entrySet()) {
      Milestone m = cycle.milestone(e.getKey()).orElseThrow();
      long late = Snapshot.daysPastDue(m, today);
      out.add(Causes.name(m.id(), m.title()) + " was due " + Insights.DAY.format(m.due()) + " and is still open on "
          + Insights.DAY.format(today) + ", " + Numbers.days(late) + " past due: slipped to "
          + Insights.DAY.format(e.getValue()) + " it is no less late, so the scenario keeps it " + Numbers.days(late)
          + " past due" + (e.getValue().isAfter(end) ? ", landing on " + Insights.DAY.format(e.getValue())
              + ", after the cycle's end (" + Insights.DAY.format(end) + ")" : "") + ".");
    }
    for (Initiative i : changed.initiatives()) {
      for (Milestone m : i.milestones()) {
        Milestone was = cycle.milestone(m.id()).orElseThrow();
        if (!m.due().equals(was.due()) && m.due().isAfter(end) && Snapshot.openOn(m, today)) {
          out.add(Causes.name(m.id(), m.title()) + " is now due " + Insights.DAY.format(m.due())
              + ", after the cycle's end (" + Insights.DAY.format(end) + ").");
        }
      }
    }
    List<String> blocked = new ArrayList<>();
    for (int i = 0; i < now.keyResults().size(); i++) {
      if (hasReason(now.keyResults().get(i), Snapshot.BLOCKED_PAST_END)
          && !hasReason(base.keyResults().get(i), Snapshot.BLOCKED_PAST_END)) {
        blocked.add(now.keyResults().get(i).id());
      }
    }
    if (!blocked.isEmpty()) {
      out.add(Insights.join(blocked) + (blocked.size() == 1 ? " is" : " are") + " blocked by work that then lands after "
          + "the cycle's end, so " + (blocked.size() == 1 ? "it" : "they") + " cannot be done in the cycle: "
          + "probability of target 0.");
    }
    return out;
  }

  private static boolean hasReason(KeyResultReport r, String code) {
    return r.reasons().stream().anyMatch(x -> x.code().equals(code));
  }

  private static String attention(ObjectiveSummary o) {
    return o.needAttention() + " of " + o.keyResults() + " need attention";
  }

  private static Metric retarget(Metric m, double target) {
    return new Metric(m.baseline(), target, m.direction(), m.unit(), m.min(), m.max(), m.levels());
  }

  /**
   * Why {@code m} cannot be due {@code days} later: its new due date outside {@link Cycle#MIN_DATE} to
   * {@link Cycle#MAX_DATE}, naming both; null when it can.
   */
  private static String outsideDates(Milestone m, long days) {
    long day = m.due().toEpochDay() + days;
    if (day >= Cycle.MIN_DATE.toEpochDay() && day <= Cycle.MAX_DATE.toEpochDay()) {
      return null;
    }
    // the date where LocalDate holds it (some slips of two billion days each may add up beyond it)
    String when = Math.abs(day) <= LocalDate.MAX.toEpochDay() ? "on " + LocalDate.ofEpochDay(day)
        : days + " days after " + m.due();
    return m.id() + " would be due " + when + ", outside " + Cycle.MIN_DATE + ".." + Cycle.MAX_DATE;
  }

  private static List<Milestone> open(OkrCycle cycle, String id) {
    List<Milestone> ms = cycle.milestone(id).map(List::of)
        .orElseGet(() -> cycle.initiative(id).map(Initiative::milestones).orElse(List.of()));
    return ms.stream().filter(m -> !m.isCompleted()).toList();
  }

  private static String article(NodeKind kind) {
    return switch (kind) {
      case KEY_RESULT -> "a key result";
      case OBJECTIVE -> "an objective";
      case TEAM -> "a team";
      case INITIATIVE -> "an initiative";
      default -> "a milestone";
    };
  }
}
