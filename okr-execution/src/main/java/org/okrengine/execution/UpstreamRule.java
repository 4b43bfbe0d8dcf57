package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.okrengine.deps.NodeRisk;
import org.okrengine.forecast.Forecast;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Milestone;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Reason;
import org.okrengine.model.Status;
import org.okrengine.model.internal.Lateness;

/**
 * The status rule's last step: a key result whose needed upstream work is late cannot be on track. Needed upstream
 * work is what it depends on directly ({@code blocks} and {@code contributes} dependencies whose downstream it is,
 * on a key result, an initiative or a milestone) and the initiatives that contribute to it. Late: an initiative with
 * a milestone past due and open, a milestone past due and open, a key result forecast to complete after its need-by
 * date (the slips of the cascade analysis). Stateless and thread-safe.
 *
 * <p>Its own need-by date too: a key result that another needs by a date before the cycle's end, and that the cascade
 * analysis finds late for it (not done on a day past that date, or forecast to complete after it), cannot be on track
 * either. The status's probability judges its own target by the cycle's end, which says nothing of the earlier date
 * (Snapshot); a row "KR-1 on-track" beside the cascade "KR-1 is 24 days late; KR-2 needs it by 1 May" contradicted
 * itself, while KR-2 was at risk because of it. Being late for what others need of it is a fact of the key result
 * itself (its owner is who can act), not a forecast of its target, so the row says so: at risk, with the reason
 * {@code late-for-need-by} and a sentence naming whom it is late for, before what its own numbers say ("on track for
 * its own target" would hide the date already missed; escalations, which replay the forecast's statuses, are
 * unchanged: the cascade escalates the lateness itself).
 */
final class UpstreamRule {
  private UpstreamRule() {}

  /** The late upstream item a key result needs; {@code slipDays} whole days late. */
  record Late(String id, double slipDays) {}

  /** The status, reasons and sentence of a key result after the rule. */
  record Outcome(Status status, List<Reason> reasons, String sentence) {}

  /**
   * The latest of the needed upstream items of {@code kr} that are late on {@code today}, or null. Ties go to the
   * first in document order (dependencies, then contributing initiatives).
   */
  static Late latestNeeded(OkrCycle cycle, KeyResult kr, Map<String, NodeRisk> risks, LocalDate today) {
    Late late = null;
    for (Dependency d : cycle.dependenciesOf(kr.id())) {
      if (d.kind().isDirected()) {
        late = later(late, d.upstream(), slip(cycle, d.upstream(), risks, today));
      }
    }
    for (Initiative i : cycle.initiativesOf(kr.id())) {
      late = later(late, i.id(), slip(cycle, i.id(), risks, today));
    }
    return late;
  }

  /**
   * Applies the rule to {@code kr} forecast as {@code f} with the {@code sentence} the forecast gives: an on-track key
   * result whose needed upstream item is late becomes at risk, with the reason {@code upstream-late} (evidence
   * {@code slipDays}) and a sentence that names the item first; one late for its own need-by date (see the class)
   * becomes at risk too, with the reason {@code late-for-need-by} (evidence {@code slipDays}, after
   * {@code upstream-late} where both apply) and a sentence naming the key result that needs it and the date.
   */
  static Outcome apply(OkrCycle cycle, KeyResult kr, Forecast f, String sentence, Map<String, NodeRisk> risks,
      LocalDate today, Instant asOf) {
    if (f.status() != Status.ON_TRACK) {
      return new Outcome(f.status(), f.reasons(), sentence);
    }
    Late late = latestNeeded(cycle, kr, risks, today);
    NodeRisk own = risks.get(kr.id());
    Dependency need = own == null ? null : Lateness.neededBy(cycle, kr.id());
    if (late == null && need == null) {
      return new Outcome(f.status(), f.reasons(), sentence);
    }
    List<Reason> reasons = new ArrayList<>(f.reasons());
    String why = "";
    if (need != null) {
      // late for a key result that needs it by an earlier date than the cycle's end: a fact of this one, named first
      reasons.add(0, Reason.of("late-for-need-by", "slipDays", own.slipDays()));
      why = Causes.name(kr.id(), kr.title()) + " "
          + Lateness.phrase(cycle, kr.id(), own.slipDays(), Numbers.days(own.slipDays()), asOf) + " for "
          + Causes.name(cycle, need.downstream()) + ", which needs it by " + Insights.DAY.format(need.needBy())
          + ", so " + kr.id() + " is at risk however likely its own target is. ";
    }
    if (late != null) {
      reasons.add(0, Reason.of("upstream-late", "slipDays", late.slipDays()));
      String phrase = Lateness.phrase(cycle, late.id(), late.slipDays(), Numbers.days(late.slipDays()), asOf);
      why = (onlyContributes(cycle, late.id(), kr.id())
          // a soft link (docs/FORMAT.md: upstream's progress feeds downstream's), not a hard need: said as such
          ? Causes.name(kr.id(), kr.title()) + " counts on a contribution from " + Causes.name(cycle, late.id())
              + ", which " + phrase + ", so " + kr.id() + " is at risk though its own numbers alone would have it "
              + "on track. "
          : Causes.name(kr.id(), kr.title()) + " needs " + Causes.name(cycle, late.id()) + ", which " + phrase
              + ", so it is at risk whatever its own numbers say. ") + why;
    }
    return new Outcome(Status.AT_RISK, List.copyOf(reasons), why + sentence);
  }

  /**
   * Whether {@code downstream} draws on {@code upstream} only through a declared {@code contributes} dependency (its
   * progress feeds downstream's), with no {@code blocks} one between them: a soft link, which the sentences do not
   * call a need ("KR-2 needs KR-1 ..., so it is at risk whatever its own numbers say" read as a hard dependency). A
   * contributing initiative is not a declared dependency: false.
   */
  static boolean onlyContributes(OkrCycle cycle, String upstream, String downstream) {
    boolean contributes = false;
    for (Dependency d : cycle.dependenciesOf(downstream)) {
      if (d.upstream().equals(upstream)) {
        if (d.kind() == DependencyKind.BLOCKS) {
          return false;
        }
        contributes |= d.kind() == DependencyKind.CONTRIBUTES;
      }
    }
    return contributes;
  }

  private static Late later(Late best, String id, double slip) {
    if (slip > 0 && (best == null || slip > best.slipDays())) {
      return new Late(id, slip);
    }
    return best;
  }

  /** Days {@code id} is late on {@code today}: from the cascade analysis's slips, or a milestone's due date. */
  private static double slip(OkrCycle cycle, String id, Map<String, NodeRisk> risks, LocalDate today) {
    NodeRisk r = risks.get(id);
    if (r != null) {
      return r.slipDays();
    }
    Milestone m = cycle.milestone(id).orElse(null);
    return m == null ? 0 : Snapshot.daysPastDue(m, today);
  }
}
