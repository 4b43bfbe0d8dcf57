package org.okrengine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.deps.Cascade;
import org.okrengine.model.Cause;
import org.okrengine.model.Commitment;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.Status;
import org.okrengine.model.Team;
import org.okrengine.model.internal.Lateness;

/**
 * Objective and company summaries, built only from the report's own numbers. Stateless and thread-safe.
 *
 * <p>An objective's progress is the weighted mean of its key results' progress (each clamped to 0..1) over those with
 * a check-in; its planned progress the weighted mean of what their plans expect (equal weights when all weights are
 * 0); both over its key results with a way to go (increase or decrease) where it has one with a check-in
 * ({@link #anyReach}), its maintain and achieve key results counted apart ({@link #together}). The company summary counts statuses; names the late item that the most key results needing attention trace
 * back to (the source of a cascade that reaches them and that no other cascade reaches); the team with the largest
 * share (at least half, of at least two key results) needing attention, with its longest-named blocker; the broken
 * data connections; and the escalations per level.
 */
final class Summaries {
  private Summaries() {}

  static List<ObjectiveSummary> objectives(OkrCycle okr, Map<String, KeyResultReport> rows) {
    return objectives(okr, rows, Map.of(), false);
  }

  /**
   * The objective summaries with each objective's probability of meeting its commitment from {@code odds};
   * {@code over}: the cycle is over at the rows' instant, so a threshold held or a thing done is the outcome's
   * ({@link #met}), and each sentence says in the past tense what the key results came to ("3 of 3 key results missed
   * their targets (3 off track)", "KR-1 (...) ended furthest behind"; it read "need attention", "is furthest behind").
   */
  static List<ObjectiveSummary> objectives(OkrCycle okr, Map<String, KeyResultReport> rows,
      Map<String, ObjectiveOdds> odds, boolean over) {
    List<ObjectiveSummary> out = new ArrayList<>();
    for (Objective o : okr.objectives()) {
      ObjectiveOdds chance = odds.get(o.id());
      ObjectiveSummary summary = objective(o, rows, over);
      summary = chance == null ? summary : summary.withProbability(chance.probability());
      out.add(over && chance != null ? unknownIfStale(o, rows, summary) : summary);
    }
    return out;
  }

  /**
   * After the cycle's end, {@code s} of objective {@code o} without a probability, its sentence saying why, where its
   * stale key results leave whether it met its commitment unknown: a stale key result whose outcome met its target
   * is not known to have kept it ({@link #met}), so a committed objective whose other key results met theirs, or an
   * aspirational one whose weighted score reaches 0.7 with those stale key results at their targets but not without
   * them (at 0), is neither met nor missed. A stale key result whose outcome fell short (its final value, else its
   * last check-in) missed, as its probability of target 0 and the row's "met no" have it: it leaves nothing open. It
   * read "Commitment (every key result at target): met." beside "2 of 2 key results were stale".
   * A key result without any check-in up to the end and without a {@code result.finalValue} ({@code no-data}) is
   * open as a stale one that met its target is: nothing is known of where it ended.
   */
  private static ObjectiveSummary unknownIfStale(Objective o, Map<String, KeyResultReport> rows, ObjectiveSummary s) {
    List<String> stale = new ArrayList<>();
    List<String> silent = new ArrayList<>();
    boolean othersMet = true;
    double total = o.totalWeight();
    int n = o.keyResults().size();
    double high = 0;
    double low = 0;
    for (KeyResult kr : o.keyResults()) {
      KeyResultReport r = rows.get(kr.id());
      // open only where its outcome met the target: a stale key result whose outcome (its final value, else its last
      // check-in) falls short missed it by the outcome rule, its probability of target 0, and is scored so (a
      // committed objective read "Whether it met its commitment is not known: KR-X (...) was stale" beside KR-X's
      // "met no")
      boolean quiet = r.status() == Status.STALE
          && (r.forecast() == null || r.forecast().probabilityOfTarget() >= 1);
      // without any check-in up to the end and without a result.finalValue nothing is known of where it ended (its
      // probability is its model's base rate): open too, might have ended anywhere from nothing to its target (O-N1
      // read "Commitment (every key result at target): met." beside KR-X's "met unknown")
      boolean none = r.status() == Status.NO_DATA && kr.result() == null;
      if (quiet) {
        stale.add(Causes.name(kr.id(), kr.title()));
      } else if (none) {
        silent.add(Causes.name(kr.id(), kr.title()));
      } else {
        othersMet &= met(r, true);
      }
      double w = total > 0 ? kr.weight() / total : 1.0 / n;
      double score = r.forecast() == null ? 0 : kr.metric().score(r.forecast().landingValue());
      // a stale key result might have ended anywhere from nothing to its target: the score's bounds
      high += quiet || none ? w : w * score;
      low += quiet || none ? 0 : w * score;
    }
    boolean unknown = !(stale.isEmpty() && silent.isEmpty()) && (o.commitment() == Commitment.ASPIRATIONAL
        ? high >= CommitmentKernel.ASPIRATIONAL_SCORE - 1e-12 && low < CommitmentKernel.ASPIRATIONAL_SCORE - 1e-12
        : othersMet);
    if (!unknown) {
      return s;
    }
    return new ObjectiveSummary(s.id(), s.title(), s.team(), s.keyResults(), s.needAttention(), s.progress(),
        s.expectedProgress(), s.summary() + " Whether it met its commitment is not known: "
            + (stale.isEmpty() ? "" : Insights.join(stale) + (stale.size() == 1 ? " was" : " were") + " stale")
            + (stale.isEmpty() || silent.isEmpty() ? "" : " and ")
            + (silent.isEmpty() ? "" : Insights.join(silent) + " had"
                + " no check-in and no final value")
            + " when the cycle ended.", null);
  }

  private static ObjectiveSummary objective(Objective o, Map<String, KeyResultReport> rows, boolean over) {
    int n = o.keyResults().size();
    if (n == 0) {
      return new ObjectiveSummary(o.id(), o.title(), o.team(), 0, 0, null, 0.0,
          Causes.name(o.id(), o.title()) + " has no key results.");
    }
    // a mixed objective's progress and plan are those of its key results with a way to go (a maintain one counted 0
    // or 1 of the way, an achieve one too: "50% of the way" meant little); the others are counted in the sentence
    List<KeyResultReport> own = o.keyResults().stream().map(kr -> rows.get(kr.id())).toList();
    boolean reachOnly = anyReach(own);
    // equal weights where those counted weigh nothing together (all of them 0, though a maintain one beside them
    // weighs 1: the plan was 0 / 0)
    double countedWeight = 0;
    double largest = 0;
    double largestWithProgress = 0;
    boolean anyProgress = false;
    for (KeyResult kr : o.keyResults()) {
      KeyResultReport r = rows.get(kr.id());
      if (reachOnly && !isReach(r)) {
        continue;
      }
      countedWeight += kr.weight();
      largest = Math.max(largest, kr.weight());
      if (r.progress() != null) {
        anyProgress = true;
        largestWithProgress = Math.max(largestWithProgress, kr.weight());
      }
    }
    boolean equal = !(countedWeight > 0);
    if (equal) {
      largest = 1.0;
      largestWithProgress = anyProgress ? 1.0 : 0.0;
    }
    // weights times a power of two that brings the largest near 1: exact, so the means are as without it, but a
    // weight as small as Double.MIN_VALUE times a progress no longer rounds to 0 (an objective at 0% wrongly)
    double scale = powerOfTwoScale(largest);
    double scaleWithProgress = powerOfTwoScale(largestWithProgress);
    double w = 0;
    double wp = 0;
    double p = 0;
    double e = 0;
    int attention = 0;
    // without any check-in for longer than the stale limit from the start: needs attention as a stale one does
    int never = 0;
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    KeyResultReport behind = null;
    for (KeyResult kr : o.keyResults()) {
      KeyResultReport r = rows.get(kr.id());
      double weight = equal ? 1.0 : kr.weight();
      boolean counted = !reachOnly || isReach(r);
      w += counted ? weight * scale : 0;
      e += counted ? weight * scale * r.expectedProgress() : 0;
      if (r.progress() != null && counted) {
        wp += weight * scaleWithProgress;
        p += weight * scaleWithProgress * Math.max(0, Math.min(1, r.progress()));
      }
      counts.merge(r.status(), 1, Integer::sum);
      never += r.silentSinceStart() ? 1 : 0;
      if (r.needsAttention()) {
        attention++;
        // only a key result with a way to go can be behind on it (a maintain one keeps a threshold, an achieve one
        // is done or not: "0% against 72%" said nothing)
        if (r.progress() != null && isReach(r) && (behind == null
            || r.expectedProgress() - r.progress() > behind.expectedProgress() - behind.progress())) {
          behind = r;
        }
      }
    }
    Double progress = wp > 0 ? p / wp : null;
    double expected = e / w;
    String head = Causes.name(o.id(), o.title()) + ": ";
    String krs = n == 1 ? "key result" : "key results";
    StringBuilder sb = new StringBuilder(head);
    if (over) {
      // once the cycle is over the statuses are outcomes: what they came to, not what needs attention
      // ("2 of 4 key results missed their targets and 1 was stale"; after the end no status is at risk)
      // one without a check-in at all counted apart, "had no data" as the company's sentence and its row say (it
      // was counted stale: "4 of 4 key results were stale" beside a row "no-data")
      int stale = counts.getOrDefault(Status.STALE, 0);
      int missed = attention - stale - never;
      if (attention == 0) {
        sb.append(n == 1 ? "its key result did not miss its target (" : "none of its " + n + " " + krs
            + " missed its target (").append(counts(counts, false)).append(")");
      } else {
        sb.append(ofAll(outcomeParts(missed, stale, "", never), n));
      }
    } else if (attention == 0) {
      sb.append(n == 1 ? "its key result does not need attention (" : "none of its " + n + " " + krs
          + " needs attention (").append(counts(counts, false)).append(")");
    } else {
      sb.append(attention).append(" of ").append(n).append(' ').append(krs)
          .append(attention == 1 ? " needs" : " need").append(" attention (").append(counts(counts, true))
          .append(never == 0 ? "" : (attention > never ? ", " : "") + never + " without a check-in since the start")
          .append(")");
    }
    sb.append(together(own, progress, expected, over));
    sb.append('.');
    if (behind != null && behind.expectedProgress() > behind.progress() && attention > 1) {
      sb.append(' ').append(Causes.name(behind.id(), behind.title())).append(over ? " ended furthest behind ("
          : " is furthest behind (")
          .append(Insights.pct(behind.progress()))
          .append(" against ").append(Insights.pct(behind.expectedProgress())).append(").");
    }
    return new ObjectiveSummary(o.id(), o.title(), o.team(), n, attention, progress, expected, sb.toString());
  }

  /**
   * Whether {@code r} has a way to go (increase or decrease, {@link org.okrengine.model.Direction#isReach}; one without
   * a metric counts as such): the key results a roll-up's progress and plan are over when it has any.
   */
  static boolean isReach(KeyResultReport r) {
    return r.metric() == null || r.metric().direction().isReach();
  }

  /**
   * Whether a roll-up of {@code rows} takes its progress and plan over its key results with a way to go only: it has
   * one with progress. A maintain key result (kept at a threshold) or an achieve one (done or not) would count 0 or 1
   * of the way; without any with a way to go the roll-up is over all, as before, and its sentence counts thresholds
   * held and key results done instead ({@link #together}).
   */
  static boolean anyReach(List<KeyResultReport> rows) {
    for (KeyResultReport r : rows) {
      if (r.progress() != null && isReach(r)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How {@link #together} names the key results with a way to go (increase or decrease, {@link #isReach}) beside
   * others: by their kind, which a key result that reached its target keeps ("with a way to go" read as those short
   * of it).
   */
  private static final String FROM_TO = "measured from a baseline to a target";

  /**
   * The roll-up's clause: {@code ; together 38% of the way against 58% planned}, {@code progress} and {@code expected}
   * over the key results with a way to go ({@link #anyReach}); where some keep a threshold (maintain) or are done or
   * not (achieve) it says which it is over ({@link #FROM_TO}, reached or not) and counts those: {@code ; the 2 key
   * results measured from a baseline to a target are together 90% of the way against 100% planned; 0 of 1 is done},
   * {@code ; the key result measured from a baseline to a target is 100% of the way against 100% planned; 3 of 3 hold
   * their thresholds}. Where every key
   * result with a value keeps a threshold, how many hold it: {@code ; 1 of 2 key results holds its threshold} (a mean
   * of 0s and 1s read as "50% of the way against 100% planned" says something else); empty without values.
   * {@code over}: held and done are the outcome's ({@link #met}), in the past tense ({@code 2 of 2 key results held
   * their thresholds}, {@code 0 of 1 was done}).
   */
  static String together(List<KeyResultReport> rows, Double progress, double expected, boolean over) {
    if (progress == null) {
      return "";
    }
    Tally t = Tally.of(rows, over);
    List<String> parts = new ArrayList<>();
    boolean alone = t.reach == 0 && (t.maintain == 0 || t.achieve == 0); // one kind only: "of 2 key results"
    if (t.reach > 0) {
      String way = Insights.pct(progress) + " of the way against " + Insights.pct(expected) + " planned";
      // named by what they are, not by what is left of them: "the 3 key results with a way to go are together 92% of
      // the way" counted two that had reached their targets (a reader took it for those not there yet); the number
      // is over all of them, reached or not (leaving the reached ones out would lower it as each reaches its target)
      parts.add(t.maintain + t.achieve == 0 ? "together " + way : t.reach == 1 ? "the key result " + FROM_TO
          + (over ? " ended " : " is ") + way : "the " + t.reach + " key results " + FROM_TO
          + (over ? " ended together " : " are together ") + way);
    }
    // once the cycle is over, in the past tense (was "2 of 2 key results hold their thresholds" of an ended cycle)
    if (t.maintain > 0) {
      parts.add(t.held + " of " + t.maintain + (alone ? (t.maintain == 1 ? " key result" : " key results") : "")
          + " " + hold(t.held, t.maintain, over)
          + (t.held == 1 || t.maintain == 1 ? " its threshold" : " their thresholds"));
    }
    if (t.achieve > 0) {
      parts.add(t.done + " of " + t.achieve + (alone ? (t.achieve == 1 ? " key result" : " key results") : "")
          + (t.done == 1 || t.achieve == 1 ? (over ? " was done" : " is done") : over ? " were done" : " are done"));
    }
    // nothing to say where every key result with a value was stale after the end (it read "were stale; .")
    return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
  }

  /**
   * The verb of "{@code held} of {@code maintain} ... their thresholds": while the cycle runs in the present tense, a
   * count of one singular ({@code 1 of 2 holds}, {@code 0 of 1 holds}, {@code 2 of 3 hold}); once it is over
   * ({@code over}) {@code held}, the outcome. The text's roll-up and the page's cell both say it so (the page's cell
   * read "1 of 2 held" of a running cycle beside the text's "1 of 2 key results holds its threshold").
   */
  static String hold(int held, int maintain, boolean over) {
    return over ? "held" : held == 1 || maintain == 1 ? "holds" : "hold";
  }

  /**
   * For a roll-up without any key result with a way to go ({@link #anyReach} false), what its key results with a
   * value came to, for a table's cell: {@code 1 of 2 holds} (thresholds kept; {@code 1 of 2 held} once the cycle is
   * over, {@link #hold}), {@code 0 of 1 done}, both joined by a comma; null where some key result has a way to go (its
   * progress against plan says it) or none has a value; {@code over}: held and done are the outcome's ({@link #met}).
   */
  static String keptOrDone(List<KeyResultReport> rows, boolean over) {
    Tally t = Tally.of(rows, over);
    if (t.reach > 0) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (t.maintain > 0) {
      parts.add(t.held + " of " + t.maintain + " " + hold(t.held, t.maintain, over));
    }
    if (t.achieve > 0) {
      parts.add(t.done + " of " + t.achieve + " done");
    }
    return parts.isEmpty() ? null : String.join(", ", parts);
  }

  /**
   * A roll-up's key results with a value, by kind: with a way to go ({@link #isReach}), keeping a threshold (and how
   * many hold it) and done or not (and how many are done), held and done judged by {@link #met}; once the cycle is
   * over a stale key result that keeps a threshold or is done or not is left out (not known either way).
   */
  private record Tally(int reach, int maintain, int held, int achieve, int done) {
    static Tally of(List<KeyResultReport> rows, boolean over) {
      int reach = 0;
      int maintain = 0;
      int held = 0;
      int achieve = 0;
      int done = 0;
      for (KeyResultReport r : rows) {
        if (r.progress() == null) {
          continue;
        }
        if (over && r.status() == Status.STALE && !isReach(r)) {
          // after the end a stale key result is neither held nor broken, done nor not done: not known ("0 of 2
          // key results held their thresholds" read as two broken of two stale)
          continue;
        }
        if (isReach(r)) {
          reach++;
        } else if (r.metric().direction().isMaintain()) {
          maintain++;
          held += met(r, over) ? 1 : 0;
        } else {
          achieve++;
          done += met(r, over) ? 1 : 0;
        }
      }
      return new Tally(reach, maintain, held, achieve, done);
    }
  }

  /**
   * Whether key result {@code r} holds its threshold or is done: by its latest value while the cycle runs; once it is
   * over ({@code over}) by its outcome, as its status and the page's "Met" column judge it (a probability of target of
   * 1: {@code result.finalValue} where the document gives it, else the latest check-in). A result below a threshold
   * whose last check-in was above it was counted held beside its off-track status. A stale key result is not known to
   * have met it (its latest check-in is older than its rhythm allows: whether a threshold held since is not known), as
   * the summary counts it ("1 was stale; 8 met theirs"); KR-14 of the example, silent since 13 Aug at 99.93% of a 99.9%
   * threshold, was counted among "3 of 3 hold their thresholds".
   */
  static boolean met(KeyResultReport r, boolean over) {
    if (over && r.forecast() != null) {
      return r.forecast().probabilityOfTarget() >= 1 && r.status() != Status.STALE;
    }
    return r.value() != null && r.metric() != null && r.metric().isMet(r.value());
  }

  /** 2^-e for the binary exponent e of {@code largest} (2^1023 for a subnormal one); 1 for 0. */
  private static double powerOfTwoScale(double largest) {
    return largest > 0 ? Math.scalb(1.0, -Math.getExponent(largest)) : 1.0;
  }

  /** {@code 2 off track, 1 at risk}: the statuses that need attention, or (when {@code attention} is false) all. */
  private static String counts(Map<Status, Integer> counts, boolean attention) {
    List<String> parts = new ArrayList<>();
    for (Status s : List.of(Status.OFF_TRACK, Status.AT_RISK, Status.STALE, Status.ON_TRACK, Status.ACHIEVED,
        Status.NOT_STARTED, Status.NO_DATA)) {
      Integer c = counts.get(s);
      if (c != null && (!attention || s.needsAttention())) {
        parts.add(c + " " + Insights.statusName(s));
      }
    }
    return String.join(", ", parts);
  }

  static String company(OkrCycle okr, Instant asOf, List<KeyResultReport> rows, Cascades cascades,
      List<SourceHealthSummary> sources, List<EscalationSummary> escalations) {
    int n = rows.size();
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    List<KeyResultReport> attention = new ArrayList<>();
    int never = 0;
    for (KeyResultReport r : rows) {
      counts.merge(r.status(), 1, Integer::sum);
      never += r.silentSinceStart() ? 1 : 0;
      if (r.needsAttention()) {
        attention.add(r);
      }
    }
    List<String> sentences = new ArrayList<>();
    // once the cycle is over the statuses are outcomes (the forecaster's rule): the summary says so first
    String asOfText = "As of " + Insights.DAY.format(okr.cycle().dateOf(asOf)) + ", "
        + (Insights.over(okr.cycle(), asOf) ? "the cycle is over: " : "");
    if (n == 0) {
      return asOfText + "the cycle has no key results.";
    }
    // once the cycle is over, its statuses are outcomes and said as such
    int staleMet = 0;
    for (KeyResultReport r : rows) {
      staleMet += r.status() == Status.STALE && r.forecast() != null && r.forecast().probabilityOfTarget() >= 1 ? 1 : 0;
    }
    String outcomes = Insights.over(okr.cycle(), asOf) ? outcomes(counts, n, staleMet) : null;
    List<String> bad = new ArrayList<>();
    for (Status s : List.of(Status.OFF_TRACK, Status.AT_RISK, Status.STALE)) {
      Integer c = counts.get(s);
      if (c != null) {
        bad.add(bad.isEmpty() ? c + " of " + n + " key results " + (c == 1 ? "is " : "are ") + Insights.statusName(s)
            : c + " " + Insights.statusName(s));
      }
    }
    if (never > 0) {
      // no check-in at all for longer than a stale key result's silence: needs attention as one does
      bad.add(bad.isEmpty() ? never + " of " + n + " key results " + (never == 1 ? "has" : "have")
          + " had no check-in since the start" : never + " without a check-in since the start");
    }
    List<String> good = new ArrayList<>();
    for (Status s : List.of(Status.ON_TRACK, Status.ACHIEVED, Status.NOT_STARTED, Status.NO_DATA)) {
      Integer c = counts.get(s);
      if (s == Status.NO_DATA && c != null) {
        c = c == never ? null : c - never;
      }
      if (c != null) {
        good.add(c + " " + (s == Status.NO_DATA ? "without data" : Insights.statusName(s)));
      }
    }
    if (outcomes != null) {
      sentences.add(asOfText + outcomes);
    } else if (bad.isEmpty()) {
      sentences.add(asOfText + "none of the " + n + " key results needs attention (" + String.join(", ", good)
          + ").");
    } else {
      sentences.add(asOfText + Insights.join(bad) + (good.isEmpty() ? "" : "; " + Insights.join(good)) + ".");
    }
    String trace = traceBack(okr, attention, cascades, asOf);
    if (trace != null) {
      sentences.add(trace);
    }
    String team = team(okr, rows, Insights.over(okr.cycle(), asOf));
    if (team != null) {
      sentences.add(team);
    }
    sentences.addAll(silent(okr, asOf, rows));
    for (SourceHealthSummary s : sources) {
      sentences.add("The " + s.source() + " data connection is broken"
          + (s.failing() ? " (" + s.lastError() + " on every sync since " + Insights.DAY.format(s.failingSince())
              + ")" : "") + ": "
          + Insights.join(Causes.names(okr, s.keyResults()))
          + (s.keyResults().size() == 1 ? " has" : " have") + " had no value from it"
          + (s.lastValueOn() == null ? "" : " since " + Insights.DAY.format(s.lastValueOn())) + ".");
    }
    if (!escalations.isEmpty()) {
      Map<String, Integer> byLevel = new LinkedHashMap<>();
      for (EscalationSummary e : escalations) {
        byLevel.merge(e.to() + " (level " + e.level() + ")", 1, Integer::sum);
      }
      List<String> parts = new ArrayList<>();
      for (Map.Entry<String, Integer> e : byLevel.entrySet()) {
        parts.add(e.getValue() + " to " + e.getKey());
      }
      sentences.add("Escalated: " + Insights.join(parts) + ".");
    }
    return String.join(" ", sentences);
  }

  /**
   * The statuses of a cycle that is over, as outcomes: {@code 21 of 30 key results missed their targets and 1 was
   * stale (it ended meeting its target); 8 met theirs.} (off track is a miss once the outcome is known, achieved a
   * hit); null when a status other than those, stale and no data is among {@code counts} (none is, by the
   * forecaster's rule once the cycle is over). {@code staleMet} of the stale key results ended meeting their targets
   * by their outcomes (their final value, else their last check-in), as each one's row says it ("met yes (as of its
   * last check-in, 47 days before the end)"): said beside them (a quarter read "3 of 6 key results were stale; 3 met
   * theirs." beside four rows "met yes", as if three had met).
   */
  static String outcomes(Map<Status, Integer> counts, int n, int staleMet) {
    int missed = counts.getOrDefault(Status.OFF_TRACK, 0);
    int stale = counts.getOrDefault(Status.STALE, 0);
    int met = counts.getOrDefault(Status.ACHIEVED, 0);
    int noData = counts.getOrDefault(Status.NO_DATA, 0);
    if (missed + stale + met + noData != n) {
      return null;
    }
    List<String> bad = outcomeParts(missed, stale, stale > 0 ? staleEnded(stale, staleMet) : "", noData);
    if (bad.isEmpty()) {
      return (n == 1 ? "its key result met its target." : "all " + n + " key results met their targets.");
    }
    // beside stale key results that ended meeting their targets, the achieved ones are the others
    String other = staleMet > 0 ? " other" : "";
    return ofAll(bad, n) + (met == 0 ? (staleMet > 0 ? "; no other met its target." : "; none met its target.")
        : met == 1 ? "; 1" + other + " met its target." : "; " + met + other + "s met theirs.");
  }

  /**
   * What the key results that did not meet their targets came to, once the cycle is over: "2 missed their targets",
   * "1 was stale" (then {@code staleSuffix}), "1 had no data"; the counts that are 0 left out.
   */
  static List<String> outcomeParts(int missed, int stale, String staleSuffix, int noData) {
    List<String> parts = new ArrayList<>();
    if (missed > 0) {
      parts.add(missed + (missed == 1 ? " missed its target" : " missed their targets"));
    }
    if (stale > 0) {
      parts.add(stale + (stale == 1 ? " was stale" : " were stale") + staleSuffix);
    }
    if (noData > 0) {
      parts.add(noData + " had no data");
    }
    return parts;
  }

  /**
   * {@code parts} ("2 missed their targets", "1 was stale") joined, the first count followed by how many key results
   * there are: "2 of 4 key results missed their targets and 1 was stale".
   */
  static String ofAll(List<String> parts, int n) {
    String first = parts.get(0);
    int space = first.indexOf(' ');
    List<String> out = new ArrayList<>(parts);
    out.set(0, first.substring(0, space) + " of " + n + (n == 1 ? " key result" : " key results")
        + first.substring(space));
    return Insights.join(out);
  }

  /**
   * How {@code stale} stale key results ended, {@code met} of them meeting their targets: " (it ended missing its
   * target)".
   */
  static String staleEnded(int stale, int met) {
    if (stale == 1) {
      return met == 1 ? " (it ended meeting its target)" : " (it ended missing its target)";
    }
    if (met == 0) {
      return " (none ended meeting its target)";
    }
    if (met == stale) {
      return " (all " + stale + " ended meeting their targets)";
    }
    return " (of those, " + met + (met == 1 ? " ended meeting its target" : " ended meeting their targets") + " and "
        + (stale - met) + " did not)";
  }

  /**
   * What a team's {@code attention} key results came to once the cycle is over, {@code stale} of them stale and
   * {@code never} without any check-in: {@code was stale}, {@code missed their targets or were stale}, {@code were
   * stale or had no data}, as the company's sentence counts them ({@link #outcomes}).
   */
  private static String teamOutcome(int attention, int stale, int never) {
    boolean one = attention == 1;
    List<String> kinds = new ArrayList<>();
    if (attention - stale - never > 0) {
      kinds.add(one ? "missed its target" : "missed their targets");
    }
    if (stale > 0) {
      kinds.add(one ? "was stale" : "were stale");
    }
    if (never > 0) {
      kinds.add("had no data");
    }
    return kinds.size() == 1 ? kinds.get(0)
        : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.get(kinds.size() - 1);
  }

  /**
   * The root cascade that reaches the most key results needing attention at {@code asOf}, as a sentence; null when
   * none. Once the cycle is over, those are the key results that missed or were stale, and the root is said where it
   * ended ({@link Lateness}).
   */
  private static String traceBack(OkrCycle okr, List<KeyResultReport> attention, Cascades cascades, Instant asOf) {
    Set<String> needing = new HashSet<>();
    for (KeyResultReport r : attention) {
      needing.add(r.id());
    }
    List<Cascade> roots = new ArrayList<>();
    for (Cascade c : cascades) {
      if (!cascades.reached(c.source())) {
        roots.add(c);
      }
    }
    Map<String, Integer> counts = cascades.countReached(roots, needing);
    Cascade best = null;
    int bestCount = 0;
    for (Cascade c : roots) {
      int count = counts.get(c.source());
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    if (best == null) {
      return null;
    }
    String days = Numbers.days(best.slipDays());
    if (!Insights.over(okr.cycle(), asOf)) {
      return bestCount + " of the " + attention.size() + " that need attention " + (bestCount == 1 ? "traces" : "trace")
          + " back to " + Causes.name(okr, best.source()) + ", "
          + Lateness.late(okr, best.source(), best.slipDays(), days, asOf) + ".";
    }
    boolean stale = false;
    for (KeyResultReport r : attention) {
      stale |= r.status() == Status.STALE;
    }
    return bestCount + " of the " + attention.size() + (stale ? " that missed or were stale " : " that missed ")
        + (bestCount == 1 ? "traces" : "trace") + " back to " + Causes.name(okr, best.source()) + ", which "
        + Lateness.phrase(okr, best.source(), best.slipDays(), days, asOf) + ".";
  }

  /**
   * Silence told once: when at least three quarters of the organisation's key results (two or more, of more than one
   * team) are stale, one sentence for all; otherwise one per team with at least two key results, three quarters of
   * them stale. Each says since when all of them have been silent (the latest of their last check-ins) and the usual
   * gap between check-ins (the median over the group's key results' gaps up to {@code asOf}).
   */
  static List<String> silent(OkrCycle okr, Instant asOf, List<KeyResultReport> rows) {
    Map<String, List<KeyResultReport>> byTeam = new LinkedHashMap<>();
    int stale = 0;
    for (KeyResultReport r : rows) {
      byTeam.computeIfAbsent(r.team(), k -> new ArrayList<>()).add(r);
      stale += r.status() == Status.STALE || r.silentSinceStart() ? 1 : 0;
    }
    if (byTeam.size() > 1 && stale >= 2 && 4 * stale >= 3 * rows.size()) {
      String s = silentSentence(okr, asOf, rows, "Across the organisation, ", "the usual gap is ");
      return s == null ? List.of() : List.of(s);
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<KeyResultReport>> e : byTeam.entrySet()) {
      List<KeyResultReport> team = e.getValue();
      long quiet = team.stream().filter(r -> r.status() == Status.STALE || r.silentSinceStart()).count();
      if (team.size() >= 2 && 4 * quiet >= 3L * team.size()) {
        String name = okr.team(e.getKey()).map(Team::name).orElse(e.getKey());
        String s = silentSentence(okr, asOf, team, name + ": ", "the team's usual gap is ");
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static String silentSentence(OkrCycle okr, Instant asOf, List<KeyResultReport> group, String lead,
      String gapLead) {
    Instant since = null;
    int quiet = 0;
    List<Double> gaps = new ArrayList<>();
    for (KeyResultReport r : group) {
      List<CheckIn> seen = okr.keyResult(r.id()).map(k -> k.checkInsAsOf(asOf)).orElse(List.of());
      for (int i = 1; i < seen.size(); i++) {
        gaps.add(okr.cycle().calendarDaysBetween(seen.get(i - 1).at(), seen.get(i).at()));
      }
      if (r.status() == Status.STALE && !seen.isEmpty()) {
        quiet++;
        Instant last = seen.get(seen.size() - 1).at();
        since = since == null || last.isAfter(since) ? last : since;
      } else if (r.silentSinceStart()) {
        // none at all: silent since the start, longer than those heard of since
        quiet++;
      }
    }
    if (quiet == 0) {
      return null;
    }
    String s = lead + quiet + " of " + group.size() + " key results without a check-in since "
        + (since == null ? "the cycle started" : Insights.DAY.format(okr.cycle().dateOf(since)));
    if (!gaps.isEmpty()) {
      gaps.sort(null);
      int h = gaps.size() / 2;
      double median = gaps.size() % 2 == 1 ? gaps.get(h) : (gaps.get(h - 1) + gaps.get(h)) / 2;
      s += "; " + gapLead + gapWords(median);
    }
    return s + ".";
  }

  /** A gap in words: whole weeks from 7 days ({@code 4 weeks}, {@code 1 week}), days below. */
  static String gapWords(double days) {
    if (days >= 6.5) {
      long weeks = Math.round(days / 7);
      return weeks == 1 ? "1 week" : weeks + " weeks";
    }
    return Numbers.days(days);
  }

  /**
   * The team with the largest share of key results needing attention (at least half, at least two key results; null if
   * none), and the blocker its owners named longest; once the cycle is {@code over}, in the past tense ("all 6 key results missed their targets", "had been named").
   */
  private static String team(OkrCycle okr, List<KeyResultReport> rows, boolean over) {
    // per team: key results, those needing attention, those stale
    Map<String, int[]> byTeam = new LinkedHashMap<>();
    Map<String, String> blocker = new HashMap<>();
    Map<String, Double> blockerWeeks = new HashMap<>();
    for (Team t : okr.teams()) {
      byTeam.put(t.id(), new int[4]);
    }
    for (KeyResultReport r : rows) {
      int[] c = byTeam.computeIfAbsent(r.team(), k -> new int[4]);
      c[0]++;
      if (r.needsAttention()) {
        c[1]++;
        c[2] += r.status() == Status.STALE ? 1 : 0;
        // none at all: apart, "had no data" (it was counted stale: "all 4 key results were stale" beside a no-data row)
        c[3] += r.silentSinceStart() ? 1 : 0;
        for (Cause cause : r.causes()) {
          if (cause.code().equals("blocker-named")) {
            double weeks = cause.evidence().get("weeks");
            if (weeks > blockerWeeks.getOrDefault(r.team(), 0.0)) {
              blockerWeeks.put(r.team(), weeks);
              blocker.put(r.team(), cause.subject());
            }
          }
        }
      }
    }
    String best = null;
    double bestShare = 0;
    for (Map.Entry<String, int[]> e : byTeam.entrySet()) {
      int[] c = e.getValue();
      if (c[0] < 2) {
        continue;
      }
      double share = (double) c[1] / c[0];
      if (share >= 0.5 && (share > bestShare || share == bestShare && c[1] > byTeam.get(best)[1])) {
        best = e.getKey();
        bestShare = share;
      }
    }
    if (best == null) {
      return null;
    }
    int[] c = byTeam.get(best);
    String name = okr.team(best).map(Team::name).orElse(best);
    String s = name + ": " + (c[1] == c[0] ? (c[0] == 2 ? "both" : "all " + c[0]) : c[1] + " of its " + c[0])
        + " key results "
        // one of two ("at least half"): "1 of its 2 key results was stale" (it read "were stale")
        + (!over ? (c[1] == 1 ? "needs attention" : "need attention") : teamOutcome(c[1], c[2], c[3]));
    if (blocker.containsKey(best)) {
      double weeks = blockerWeeks.get(best);
      s += ", and \"" + blocker.get(best) + (over ? "\" had been" : "\" has been") + " named as the blocker for "
          + (weeks == 1 ? "1 week" : (long) weeks + " weeks") + (over ? " when the cycle ended" : "");
    }
    return s + ".";
  }
}
