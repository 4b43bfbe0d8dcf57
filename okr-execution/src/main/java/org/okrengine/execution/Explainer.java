package org.okrengine.execution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Cause;
import org.okrengine.model.Dependency;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Milestone;
import org.okrengine.model.NodeKind;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PrecedentSummary;
import org.okrengine.model.Status;
import org.okrengine.model.TeamSummary;
import org.okrengine.model.internal.Lateness;

/**
 * Builds an {@link Explanation} from a report and its cycle. Late: a cascade source of the report (its slip), a
 * milestone open past its due date, an initiative with such a milestone; the walk upstream follows the latest late
 * item a key result, initiative or milestone needs (directed dependencies, and for a key result the initiatives that
 * contribute to it), as the status rule's upstream step does. Stateless and thread-safe.
 */
final class Explainer {
  private final OkrCycle cycle;
  private final CycleReport report;
  private final LocalDate today;
  /** Whether the cycle is over: the steps then say where each late item was when it ended (Lateness). */
  private final boolean over;
  private final Map<String, KeyResultReport> rows = new HashMap<>();
  private final List<Explanation.Step> steps = new ArrayList<>();

  private Explainer(OkrCycle cycle, CycleReport report) {
    this.cycle = cycle;
    this.report = report;
    // milestones' days past due are counted as the report counts lateness: to the day the cycle ended at the latest
    this.today = Insights.countedDay(cycle.cycle(), report.asOf());
    this.over = Insights.over(cycle.cycle(), report.asOf());
    for (KeyResultReport r : report.keyResults()) {
      rows.put(r.id(), r);
    }
  }

  static Explanation explain(OkrCycle cycle, CycleReport report, String id) {
    NodeKind kind = cycle.kindOf(id).orElseThrow(() -> new IllegalArgumentException(
        "id must name an objective, key result, team, initiative or milestone of cycle " + cycle.cycle().id()
            + ": " + id));
    Explainer e = new Explainer(cycle, report);
    switch (kind) {
      case KEY_RESULT -> e.keyResult(id);
      case OBJECTIVE -> e.objective(id);
      case TEAM -> e.team(id);
      case INITIATIVE -> e.initiative(id);
      default -> e.milestone(id);
    }
    return new Explanation(cycle.cycle().id(), id, kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        report.asOf(), e.steps);
  }

  // ---- subjects

  private void keyResult(String id) {
    KeyResultReport row = rows.get(id);
    step(id, statusLine(row), keyResultEvidence(row));
    // an owner who doubts a key result on track, as the report's sentence says it (Insights.ownerDoubts)
    cycle.keyResult(id).ifPresent(kr -> {
      String doubt = Insights.ownerDoubts(kr, row.status(), report.asOf(), over);
      if (doubt != null) {
        double confidence = kr.latestCheckIn(report.asOf()).orElseThrow().confidence();
        step(id, doubt, Map.of("confidence", confidence));
      }
    });
    Set<String> chain = new LinkedHashSet<>();
    chain.add(id);
    walk(id, chain);
    for (Cause c : row.causes()) {
      if (c.code().equals("upstream-late") && chain.contains(c.subject())) {
        continue;
      }
      step(c.subject() == null ? id : c.subject(), c.sentence(), c.evidence());
    }
    escalations(chain);
    PrecedentSummary p = row.precedents();
    if (p != null) {
      Map<String, Double> ev = new LinkedHashMap<>();
      ev.put("pool", (double) p.pool());
      ev.put("similar", (double) p.similar());
      if (p.enough()) {
        ev.put("recovered", (double) p.recovered());
        ev.put("recoveredLow", p.recoveredLow());
        ev.put("recoveredHigh", p.recoveredHigh());
      }
      step(id, p.sentence(), ev);
    }
  }

  private void objective(String id) {
    ObjectiveSummary o = null;
    for (ObjectiveSummary s : report.objectives()) {
      if (s.id().equals(id)) {
        o = s;
      }
    }
    Map<String, Double> ev = new LinkedHashMap<>();
    String sentence;
    if (o == null) {
      sentence = name(id) + " has no summary in this report.";
    } else {
      ev.put("keyResults", (double) o.keyResults());
      ev.put("needAttention", (double) o.needAttention());
      put(ev, "progress", o.progress());
      ev.put("expectedProgress", o.expectedProgress());
      put(ev, "probability", o.probability());
      // after the cycle's end the commitment was met or not (it read "It has a 0% chance of meeting its commitment")
      sentence = o.summary() + (o.probability() == null ? ""
          : Insights.over(cycle.cycle(), report.asOf())
              ? (o.probability() >= 0.5 ? " It met its commitment." : " It did not meet its commitment.")
          : " It has " + Insights.aPct(o.probability()) + " chance of meeting its commitment.");
    }
    step(id, sentence, ev);
    for (KeyResult kr : cycle.objective(id).orElseThrow().keyResults()) {
      brief(kr.id());
    }
  }

  private void team(String id) {
    TeamSummary t = null;
    for (TeamSummary s : report.teams()) {
      if (s.id().equals(id)) {
        t = s;
      }
    }
    String teamName = cycle.team(id).orElseThrow().name();
    String who = teamName.equals(id) ? id : id + " (" + teamName + ")";
    Map<String, Double> ev = new LinkedHashMap<>();
    if (t == null) {
      step(id, who + " has no key results of its own.", ev);
      return;
    }
    ev.put("keyResults", (double) t.keyResults());
    ev.put("needAttention", (double) t.needAttention());
    put(ev, "progress", t.progress());
    ev.put("expectedProgress", t.expectedProgress());
    List<KeyResultReport> teamRows = new ArrayList<>();
    for (KeyResult kr : cycle.keyResultsOfTeam(id)) {
      teamRows.add(rows.get(kr.id()));
    }
    boolean ended = Insights.over(cycle.cycle(), report.asOf());
    // after the end, as the text report's team line: missed or stale (it read "2 of 3 key results need attention")
    step(id, who + ": " + t.needAttention() + " of " + t.keyResults() + (t.keyResults() == 1 ? " key result " : " key results ")
        + (ended ? (t.needAttention() == 1 ? "was" : "were") + " missed or stale"
            : (t.needAttention() == 1 ? "needs" : "need") + " attention")
        + Summaries.together(teamRows, t.progress(), t.expectedProgress(), ended)
        + ".", ev);
    for (KeyResult kr : cycle.keyResultsOfTeam(id)) {
      brief(kr.id());
    }
  }

  private void initiative(String id) {
    Initiative in = cycle.initiative(id).orElseThrow();
    double slip = slip(id);
    Map<String, Double> ev = new LinkedHashMap<>();
    ev.put("slipDays", slip);
    step(id, slip > 0 ? name(id) + " " + Lateness.phrase(cycle, id, slip, Numbers.days(slip), report.asOf()) + "."
        : over ? name(id) + " was on time: no open milestone was past due when the cycle ended."
        : name(id) + " is on time: no open milestone is past due.", ev);
    boolean own = false;
    for (Milestone m : in.milestones()) {
      if (late(m)) {
        milestoneStep(id, m);
        own = true;
      }
    }
    Set<String> chain = new LinkedHashSet<>();
    chain.add(id);
    if (!own) {
      walk(id, chain);
    }
    downstream(id);
    escalations(chain);
  }

  private void milestone(String id) {
    Milestone m = cycle.milestone(id).orElseThrow();
    String of = cycle.initiativeOf(id).orElseThrow().id();
    Map<String, Double> ev = new LinkedHashMap<>();
    if (late(m)) {
      milestoneStep(of, m);
    } else {
      ev.put("daysPastDue", 0.0);
      step(id, name(id) + " of " + name(of) + (!Snapshot.openOn(m, today) ? " was completed on "
          + Insights.DAY.format(m.completed()) + "." : " is due " + Insights.DAY.format(m.due()) + ", not past due."),
          ev);
    }
    Set<String> chain = new LinkedHashSet<>();
    chain.add(id);
    walk(id, chain);
    downstream(id);
    escalations(chain);
  }

  // ---- pieces

  /** Each late item upstream of {@code from}, latest first, until one late for its own reason. */
  private void walk(String from, Set<String> chain) {
    String at = from;
    while (true) {
      String next = latestNeeded(at, chain);
      if (next == null) {
        return;
      }
      chain.add(next);
      double slip = slip(next);
      Map<String, Double> ev = new LinkedHashMap<>();
      ev.put("slipDays", slip);
      for (CascadeSummary c : report.cascades()) {
        if (c.source().equals(next) && c.probabilityOfMiss() != null) {
          ev.put("probabilityOfMiss", c.probabilityOfMiss());
        }
      }
      // a declared contributes link is a soft one (its progress feeds this one's), not a need: said as UpstreamRule does
      String link = UpstreamRule.onlyContributes(cycle, next, at)
          ? (over ? " counted on a contribution from " : " counts on a contribution from ")
          : (over ? " needed " : " needs ");
      String sentence = name(at) + link + name(next) + ", which "
          + Lateness.phrase(cycle, next, slip, Numbers.days(slip), report.asOf()) + ".";
      KeyResultReport row = rows.get(next);
      if (row != null) {
        sentence += " " + statusLine(row);
        ev.putAll(keyResultEvidence(row));
      }
      step(next, sentence, ev);
      NodeKind kind = cycle.kindOf(next).orElseThrow();
      if (kind == NodeKind.MILESTONE) {
        return;
      }
      if (kind == NodeKind.INITIATIVE) {
        Milestone latest = null;
        for (Milestone m : cycle.initiative(next).orElseThrow().milestones()) {
          if (late(m) && (latest == null || Snapshot.daysPastDue(m, today) > Snapshot.daysPastDue(latest, today))) {
            latest = m;
          }
        }
        if (latest != null) {
          chain.add(latest.id());
          milestoneStep(next, latest);
          return;
        }
      }
      at = next;
    }
  }

  /** The latest late item {@code id} needs that is not yet in {@code chain}, or null; ties to document order. */
  private String latestNeeded(String id, Set<String> chain) {
    List<String> needed = new ArrayList<>();
    for (Dependency d : cycle.dependenciesOf(id)) {
      if (d.kind().isDirected()) {
        needed.add(d.upstream());
      }
    }
    if (cycle.kindOf(id).orElseThrow() == NodeKind.KEY_RESULT) {
      for (Initiative i : cycle.initiativesOf(id)) {
        needed.add(i.id());
      }
    }
    String best = null;
    double bestSlip = 0;
    for (String n : needed) {
      double s = slip(n);
      if (s > bestSlip && !chain.contains(n)) {
        best = n;
        bestSlip = s;
      }
    }
    return best;
  }

  private void milestoneStep(String initiative, Milestone m) {
    Map<String, Double> ev = new LinkedHashMap<>();
    ev.put("daysPastDue", (double) Snapshot.daysPastDue(m, today));
    step(m.id(), name(initiative) + (over ? " was" : " is") + " late for its own reason: its milestone " + name(m.id()) + " was due "
        + Insights.DAY.format(m.due()) + (over ? " and was still open when the cycle ended, " : " and is still open, ")
        + Numbers.days(Snapshot.daysPastDue(m, today)) + " past due.", ev);
  }

  /** What {@code id} holds up downstream: its cascade, or that nothing waits on it. */
  private void downstream(String id) {
    for (CascadeSummary c : report.cascades()) {
      if (c.source().equals(id)) {
        Map<String, Double> ev = new LinkedHashMap<>();
        ev.put("slipDays", c.slipDays());
        put(ev, "probabilityOfMiss", c.probabilityOfMiss());
        ev.put("affected", (double) c.affectedCount());
        step(id, c.reason() == null ? name(id) + " holds up " + String.join(", ", c.affected()) + "." : c.reason(),
            ev);
        return;
      }
    }
    if (!cycle.dependents(id).isEmpty()) {
      step(id, "Nothing downstream of " + name(id) + " is held up by it now.", Map.of());
    }
  }

  /** The escalations of the items in {@code chain} and the groups holding them, in the report's order. */
  private void escalations(Set<String> chain) {
    for (EscalationSummary e : report.escalations()) {
      if (chain.contains(e.subject())) {
        step(e.subject(), e.reason() == null ? name(e.subject()) + " is escalated to " + e.to() + "." : e.reason(),
            Map.of("level", (double) e.level()));
      }
    }
    Set<EscalationGroup> seen = new HashSet<>();
    for (EscalationGroup g : report.escalationGroups()) {
      for (String s : g.subjects()) {
        if (chain.contains(s) && seen.add(g)) {
          step(g.cause(), g.reason(), Map.of("level", (double) g.level(), "subjects", (double) g.subjects().size()));
        }
      }
    }
  }

  /** A key result in one or two sentences, when it needs attention: its status and its first cause. */
  private void brief(String id) {
    KeyResultReport row = rows.get(id);
    if (!row.needsAttention()) {
      return;
    }
    String sentence = statusLine(row);
    if (!row.causes().isEmpty()) {
      sentence += " " + row.causes().get(0).sentence();
    }
    step(id, sentence, keyResultEvidence(row));
  }

  private String statusLine(KeyResultReport row) {
    // "is without data" (it read "is no data")
    StringBuilder s = new StringBuilder(name(row.id())).append(" is ")
        .append(row.status() == Status.NO_DATA ? "without data" : row.status().jsonName().replace('-', ' '));
    if (row.status() == Status.ON_TRACK && row.progress() != null && row.progress() < row.expectedProgress()
        && Summaries.isReach(row)) {
      s.append(" although behind its plan"); // on track by its probability, not by its plan
    }
    Double p = row.forecast() == null ? null : row.forecast().probabilityOfTarget();
    if (p != null && Insights.over(cycle.cycle(), report.asOf())) {
      // the cycle is over: where it ended (the outcome: the document's result where it gives one, which the latest
      // check-in, the standing, need not be) and whether that met the target; no chance "of ending the cycle"
      return s.append("; the cycle is over: ").append(Insights.ended(row)).append('.').toString();
    }
    String standing = Insights.standing(row);
    // at risk for being late for a key result that needs it by an earlier date (UpstreamRule): said first, as the
    // report's sentence does (it read "is at risk: not done, a 64% chance of being done by the cycle's end" alone,
    // the chance of its own target, which is why it was on track)
    String forNeed = lateForNeedBy(row);
    if (forNeed != null) {
      s.append(": ").append(forNeed).append(';');
    }
    if (standing != null) {
      s.append(forNeed != null ? " " : ": ").append(standing);
    }
    if (p != null) {
      // achieved before the end: the chance the met target holds ("is achieved: ..., a 98% chance of reaching its
      // target" read as a contradiction)
      s.append(standing != null ? ", " : forNeed != null ? " " : ": ").append(Insights.aPct(p))
          .append(Insights.metAndHolds(row, false) ? Insights.holdsTo(BurnUpChart.atLastCheckIn(report))
              : " chance of " + Insights.chanceOf(row, BurnUpChart.atLastCheckIn(report)));
    }
    return s.append('.').toString();
  }

  /**
   * "9 days late for KR-2 (...), which needs it by 1 May" for a row at risk with the reason {@code late-for-need-by};
   * null otherwise.
   */
  private String lateForNeedBy(KeyResultReport row) {
    for (org.okrengine.model.Reason r : row.reasons()) {
      Double slip = r.evidence().get("slipDays");
      Dependency need = Lateness.neededBy(cycle, row.id());
      if (r.code().equals("late-for-need-by") && slip != null && need != null) {
        return Lateness.late(cycle, row.id(), slip, Numbers.days(slip), report.asOf()) + " for "
            + name(need.downstream()) + ", which needs it by " + Insights.DAY.format(need.needBy());
      }
    }
    return null;
  }

  private static Map<String, Double> keyResultEvidence(KeyResultReport row) {
    Map<String, Double> ev = new LinkedHashMap<>();
    put(ev, "progress", row.progress());
    ev.put("expectedProgress", row.expectedProgress());
    put(ev, "probabilityOfTarget", row.forecast() == null ? null : row.forecast().probabilityOfTarget());
    return ev;
  }

  /** Whole days {@code id} is late: its cascade's slip, a milestone's days past due, an initiative's latest. */
  private double slip(String id) {
    for (CascadeSummary c : report.cascades()) {
      if (c.source().equals(id)) {
        return c.slipDays();
      }
    }
    double worst = 0;
    List<Milestone> ms = cycle.milestone(id).map(List::of)
        .orElseGet(() -> cycle.initiative(id).map(Initiative::milestones).orElse(List.of()));
    for (Milestone m : ms) {
      if (late(m)) {
        worst = Math.max(worst, Snapshot.daysPastDue(m, today));
      }
    }
    return worst;
  }

  private boolean late(Milestone m) {
    return Snapshot.daysPastDue(m, today) > 0;
  }

  private String name(String id) {
    if (cycle.objective(id).isPresent()) {
      String t = cycle.objective(id).get().title();
      return t.equals(id) ? id : id + " (" + t + ")";
    }
    return Causes.name(cycle, id);
  }

  private String title(String id) {
    return cycle.initiative(id).map(Initiative::title)
        .or(() -> cycle.keyResult(id).map(KeyResult::title))
        .or(() -> cycle.milestone(id).map(Milestone::title))
        .or(() -> cycle.objective(id).map(o -> o.title()))
        .or(() -> cycle.team(id).map(t -> t.name()))
        .orElse(null);
  }

  private void step(String subject, String sentence, Map<String, Double> evidence) {
    steps.add(new Explanation.Step(subject, title(subject), sentence, evidence));
  }

  private static void put(Map<String, Double> ev, String key, Double v) {
    if (v != null) {
      ev.put(key, v);
    }
  }
}
