package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.okrengine.deps.Cascade;
import org.okrengine.forecast.Forecast;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Cause;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Reason;
import org.okrengine.model.Status;
import org.okrengine.model.internal.Lateness;

/**
 * The likely causes of a key result's trouble, each with its evidence and a sentence, ranked. Only numbers computed
 * here from the check-ins, the forecast, the cascades and the source health are used.
 *
 * <p>The causes and how each is scored (the weight of its kind times its strength, 0..1); highest score first, ties
 * in the order below:
 * <ul>
 *   <li>{@code source-silent} (1.0): the integration that feeds it has gone silent (see {@link SourceHealth}).</li>
 *   <li>{@code upstream-late} (0.5 + 0.5 x the probability it misses because of the upstream item): a cascade from a
 *       late item reaches it (the sentence names the forecast's own chance of a miss too where the dependency's is
 *       larger: see {@link #upstreamMiss}); one cause per cascade, for at most the
 *       {@value org.okrengine.deps.Cascade#MAX_CASCADES_PER_ITEM} cascades most likely to make it miss.</li>
 *   <li>{@code blocker-named} (0.9 x weeks / 4, at most 0.9): the latest check-in names a blocker that the check-ins
 *       before it named without a break, at least twice in all; weeks from the first naming to the instant.</li>
 *   <li>{@code silent} (0.85 x days / 28, at most 0.85): the key result is stale, silent for longer than its own
 *       rhythm allows (the forecaster's stale rule: twice its usual gap between check-ins, at least 14 days), and no
 *       silent integration is to blame. Evidence: {@code daysSinceCheckIn} and {@code staleAfterDays}.</li>
 *   <li>{@code pace-fell} (0.8 x (1 - recent / earlier pace)): for key results that move from a baseline to a
 *       target, the pace over the last {@value #RECENT_DAYS} days (from the last check-in at or before the window's
 *       start to the latest) is under half the pace from the cycle's start (at the baseline) to that check-in, and
 *       the key result did not go back (below). Where it gained nothing in the window the sentence names the pace to
 *       its last gain and that day ("moved 8.24 articles a week until 31 Jul, has not gained since"), the day the
 *       key result sentence's "has stood at 36 articles since 31 Jul" names.</li>
 *   <li>{@code confidence-falling} (0.7 x drop / 0.4, at most 0.7): the owner's latest confidence is at least
 *       {@value #CONFIDENCE_DROP} below the highest in the last {@value #CONFIDENCE_DAYS} days and not above the one
 *       before it.</li>
 *   <li>{@code values-backwards} (0.6 x drop / 0.1, at most 0.6): the latest value is further from the target than
 *       the best value of the cycle so far by at least a tenth of the way (it went back: then no {@code pace-fell}),
 *       or than the best value of the last {@value #RECENT_DAYS} days by at least 2% of the way.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class Causes {
  static final int RECENT_DAYS = 21;
  static final int CONFIDENCE_DAYS = 42;
  static final double CONFIDENCE_DROP = 0.15;
  /** The part of the way a value must have lost from the best of the last {@value #RECENT_DAYS} days: 2%. */
  static final double BACKWARDS = 0.02;
  /**
   * The part of the way a value must have lost from the best of the cycle so far to be said to have gone back (not
   * to have slowed): a tenth, where the {@code values-backwards} score reaches its most.
   */
  static final double WENT_BACK = 0.1;

  private Causes() {}

  private record Scored(Cause cause, double score, int kind) {}

  static List<Cause> of(OkrCycle okr, KeyResult kr, Forecast f, Instant asOf, Cascades cascades,
      List<SourceHealth.Feed> feeds) {
    Cycle cycle = okr.cycle();
    Metric m = kr.metric();
    String id = kr.id();
    List<CheckIn> seen = kr.checkInsAsOf(asOf);
    List<Scored> out = new ArrayList<>();
    boolean sourceSilent = false;
    for (SourceHealth.Feed feed : feeds) {
      if (feed.keyResult() == kr && feed.silent()) {
        sourceSilent = true;
        int days = (int) Math.floor(feed.silentDays());
        out.add(new Scored(new Cause("source-silent", feed.source(), Map.of("silentDays", (double) days,
            "expectedEveryDays", Math.round(feed.gapDays() * 10) / 10.0),
            "Its data connection (" + feed.source() + ") has sent nothing for " + Numbers.days(days)
                + ", since " + Insights.DAY.format(cycle.dateOf(feed.last().at())) + "."), 1.0, 0));
      }
    }
    boolean over = Insights.over(cycle, asOf);
    for (Cascades.Held h : cascades.holding(id)) {
      Cascade c = h.cascade();
      double miss = h.missProbability();
      double slip = h.slipAt();
      out.add(new Scored(new Cause("upstream-late", c.source(), Map.of("slipDays", c.slipDays(),
          "slipDaysHere", slip, "probabilityOfMiss", miss),
          "Upstream, " + name(okr, c.source()) + " " + Lateness.phrase(okr, c.source(), c.slipDays(), Numbers.days(c.slipDays()), asOf)
              // after the end the outcome is known: no chance of missing is left to name (it read "leaves KR-1 a
              // 50% chance of missing" beside "ended the cycle short of its target"), and the item is said where it
              // ended ("KR-17 (...) had not met its target when the cycle ended", was "is 1 day late")
              + (over ? "."
                  : "; " + upstreamMiss(name(kr.id(), kr.title()), miss, f == null ? null : 1 - f.probabilityOfTarget()))),
          0.5 + 0.5 * miss, 1));
    }
    blocker(cycle, id, seen, asOf, over, out);
    Double staleAfter = staleAfterDays(f);
    if (!sourceSilent && staleAfter != null && f.daysSinceCheckIn() != null) {
      int days = f.daysSinceCheckIn();
      out.add(new Scored(new Cause("silent", null, Map.of("daysSinceCheckIn", (double) days, "staleAfterDays",
          staleAfter), name(kr.id(), kr.title()) + (over ? " had had" : " has had") + " no check-in for " + days
              + " days (the last on " + Insights.DAY.format(cycle.dateOf(seen.get(seen.size() - 1).at()))
              + (over ? ") when the cycle ended" : ")") + ", longer than the "
              + Numbers.days(staleAfter) + " its rhythm of check-ins allows."),
          0.85 * Math.min(1, days / 28.0), 3));
    }
    Reason never = silentSinceStart(f);
    if (!sourceSilent && never != null) {
      // no check-in at all, for longer than the stale limit counted from the cycle's start: as silent as a stale one
      double days = never.evidence().get("daysSinceStart");
      double limit = never.evidence().get("staleAfterDays");
      out.add(new Scored(new Cause("silent", null, Map.of("daysSinceStart", days, "staleAfterDays", limit),
          name(kr.id(), kr.title()) + (over ? " had had" : " has had") + " no check-in since the cycle started on "
              + Insights.DAY.format(cycle.start()) + " (" + Numbers.days(days) + (over ? ") when the cycle ended" : ")")
              + ", longer than the " + Numbers.days(limit) + " its agreed rhythm of check-ins allows."),
          0.85 * Math.min(1, days / 28.0), 3));
    }
    boolean moves = !m.direction().isMaintain() && m.direction() != Direction.ACHIEVE && m.baseline() != null;
    if (moves) {
      if (!backwards(cycle, kr, seen, asOf, over, out)) {
        paceFell(cycle, kr, seen, asOf, out);
      }
    }
    confidence(cycle, seen, asOf, out);
    out.sort(Comparator.comparingDouble((Scored s) -> -s.score).thenComparingInt(s -> s.kind));
    List<Cause> causes = new ArrayList<>();
    for (Scored s : out) {
      causes.add(s.cause);
    }
    return causes;
  }

  /**
   * The tail of the {@code upstream-late} sentence: {@code that leaves KR-11 a 32% chance of missing because of it},
   * a part of the miss its forecast gives. The cascade judges the dependency alone, the forecast the key result's own
   * numbers; where the dependency's chance of a miss is the larger (as a percentage), saying it "leaves" that chance
   * would contradict the forecast printed beside it, so both are named:
   * {@code judged by that dependency alone, KR-22 would have an 84% chance of missing, more than the 79% its own
   * numbers give}.
   */
  static String upstreamMiss(String who, double miss, Double ownMiss) {
    if (ownMiss != null && Math.round(miss * 100) > Math.round(ownMiss * 100)) {
      return "judged by that dependency alone, " + who + " would have " + Insights.aPct(miss)
          + " chance of missing, more than the " + Numbers.percent(ownMiss) + " its own numbers give.";
    }
    return "that leaves " + who + " " + Insights.aPct(miss) + " chance of missing because of it.";
  }

  /**
   * The reason {@code no-check-ins} of {@code f} when it has been silent since the cycle's start for longer than the
   * stale limit (its evidence {@code daysSinceStart} above {@code staleAfterDays}), else null.
   */
  static Reason silentSinceStart(Forecast f) {
    if (f == null || f.status() != Status.NO_DATA) {
      return null;
    }
    for (Reason r : f.reasons()) {
      if (r.code().equals("no-check-ins")) {
        Double days = r.evidence().get("daysSinceStart");
        Double limit = r.evidence().get("staleAfterDays");
        return days != null && limit != null && days > limit ? r : null;
      }
    }
    return null;
  }

  /** The silence after which the forecaster called {@code f} stale, or null when it is not stale. */
  static Double staleAfterDays(Forecast f) {
    if (f.status() != Status.STALE) {
      return null;
    }
    for (Reason r : f.reasons()) {
      if (r.code().equals("stale")) {
        return r.evidence().get("staleAfterDays");
      }
    }
    return null;
  }

  /**
   * An item as a sentence names it the first time: {@code KR-3 (Cut onboarding time)}, the id alone when the item
   * (an initiative, key result, milestone or objective) has no title or its title is its id, or it is not in the
   * cycle. Later mentions in the same sentence use the id alone.
   */
  static String name(OkrCycle okr, String id) {
    String title = okr.initiative(id).map(i -> i.title())
        .or(() -> okr.keyResult(id).map(k -> k.title()))
        .or(() -> okr.milestone(id).map(x -> x.title()))
        .or(() -> okr.objective(id).map(o -> o.title()))
        .orElse(null);
    return name(id, title);
  }

  /** {@code id (title)}, or the id alone when {@code title} is null, blank or the id itself. */
  static String name(String id, String title) {
    return title == null || title.isBlank() || title.equals(id) ? id : id + " (" + title + ")";
  }

  /** {@link #name(OkrCycle, String)} of each of {@code ids}. */
  static List<String> names(OkrCycle okr, List<String> ids) {
    List<String> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(name(okr, id));
    }
    return out;
  }

  /** {@code over}: the cycle is over ({@code asOf} is its end), when the sentence is in the past tense. */
  private static void blocker(Cycle cycle, String id, List<CheckIn> seen, Instant asOf, boolean over,
      List<Scored> out) {
    if (seen.isEmpty()) {
      return;
    }
    CheckIn latest = seen.get(seen.size() - 1);
    for (String tag : latest.blockers()) {
      int first = seen.size() - 1;
      while (first > 0 && seen.get(first - 1).blockers().contains(tag)) {
        first--;
      }
      int count = seen.size() - first;
      if (count < 2) {
        continue;
      }
      double weeks = Math.floor(cycle.calendarDaysBetween(seen.get(first).at(), asOf) / 7);
      if (weeks < 1) {
        continue;
      }
      out.add(new Scored(new Cause("blocker-named", tag, Map.of("weeks", weeks, "checkIns", (double) count),
          "\"" + tag + (over ? "\" had been" : "\" has been") + " named as a blocker in " + count
              + " check-ins in a row over " + (weeks == 1 ? "1 week" : (long) weeks + " weeks") + ", since "
              + Insights.DAY.format(cycle.dateOf(seen.get(first).at())) + (over ? ", when the cycle ended." : ".")),
          0.9 * Math.min(1, weeks / 4), 2));
    }
  }

  /**
   * The check-in of {@code seen} at which the key result first reached the furthest it has been toward its target:
   * its last gain, after which nothing went further; null when no check-in went past the baseline.
   */
  static CheckIn lastGain(Metric m, List<CheckIn> seen) {
    CheckIn gain = null;
    double best = 0; // progress at the baseline
    for (CheckIn c : seen) {
      double p = m.progress(c.value());
      if (p > best) {
        best = p;
        gain = c;
      }
    }
    return gain;
  }

  private static void paceFell(Cycle cycle, KeyResult kr, List<CheckIn> seen, Instant asOf, List<Scored> out) {
    if (seen.size() < 2) {
      return;
    }
    Metric m = kr.metric();
    Instant split = cycle.calendarDaysBefore(asOf, RECENT_DAYS);
    int k = -1;
    for (int i = 0; i < seen.size(); i++) {
      if (!seen.get(i).at().isAfter(split)) {
        k = i;
      }
    }
    if (k < 0 || k == seen.size() - 1) {
      return;
    }
    CheckIn mid = seen.get(k);
    CheckIn last = seen.get(seen.size() - 1);
    double earlyWeeks = Cycle.daysBetween(cycle.startInstant(), mid.at()) / 7;
    double lateWeeks = Cycle.daysBetween(mid.at(), last.at()) / 7;
    if (earlyWeeks < 1 || lateWeeks < 1) {
      return;
    }
    double early = m.progress(mid.value()) / earlyWeeks;
    double late = (m.progress(last.value()) - m.progress(mid.value())) / lateWeeks;
    if (!(early > 0) || late >= 0.5 * early) {
      return;
    }
    double span = Math.abs(m.target() - m.baseline());
    // a key result of declared levels moves a whole level at a time: a weekly rate ("moved 0.179 level a week until
    // 9 Feb") read as fractions of a level each week; the levels it went between are said instead, from the baseline
    // to the value at the split, and the value it reached since
    boolean levels = m.isOrdinal();
    CheckIn gain = lastGain(m, seen);
    String text;
    if (late <= 0 && gain != null) {
      // nothing gained in the window: the sentence is anchored at the last gain, the day the key result reached the
      // value it holds, which the headline's "has stood at level 2 since 3 Feb" names too (it read "to level 2 by
      // 3 Mar, has not gained since; its last gain was on 3 Feb": the split's check-in, not the gain)
      double gainWeeks = Cycle.daysBetween(cycle.startInstant(), gain.at()) / 7;
      text = levels || gainWeeks < 1
          ? " went from " + Numbers.reading(m.baseline(), m) + " at the start to " + Numbers.reading(gain.value(), m)
              + " by " + Insights.DAY.format(cycle.dateOf(gain.at())) + ", has not gained since"
          : " moved " + Numbers.difference(m.progress(gain.value()) / gainWeeks * span, m) + " a week until "
              + Insights.DAY.format(cycle.dateOf(gain.at())) + ", has not gained since";
    } else {
      String head = levels
          ? " went from " + Numbers.reading(m.baseline(), m) + " at the start to " + Numbers.reading(mid.value(), m)
              + " by " + Insights.DAY.format(cycle.dateOf(mid.at()))
          : " moved " + Numbers.difference(early * span, m) + " a week until "
              + Insights.DAY.format(cycle.dateOf(mid.at()));
      // where the value gained in the window but has stood still since (as the headline says, "has stood at 36
      // articles since 31 Jul"), the weekly rate over the window read as a slow gain still going on ("only 2.49
      // articles a week since", 9 articles over the 3.6 weeks from 23 Jul): the value reached and the day are said
      Instant flat = Insights.flatSince(cycle, seen);
      if (late <= 0) {
        text = head + ", has not gained since";
      } else if (gain != null && gain.at().isAfter(mid.at()) && flat != null && !flat.isBefore(gain.at())) {
        text = head + ", only to " + Numbers.reading(gain.value(), m) + " by "
            + Insights.DAY.format(cycle.dateOf(gain.at())) + ", and has not gained since";
      } else {
        text = head + (levels ? ", only to " + Numbers.reading(last.value(), m) + " since"
            : ", only " + Numbers.difference(late * span, m) + " a week since");
      }
    }
    out.add(new Scored(new Cause("pace-fell", null, Map.of("earlierProgressPerWeek", early,
        "recentProgressPerWeek", late),
        "The pace fell: " + name(kr.id(), kr.title()) + text + "."),
        0.8 * Math.min(1, 1 - late / early), 4));
  }

  /**
   * The {@code values-backwards} cause. Where the latest value is further from the target than the best value any
   * earlier check-in of the cycle reached, by at least {@value #WENT_BACK} of the way, the key result went back, said
   * with the values and their days from the latest check-in at the best value to the latest ("KR-4 (...) went back:
   * from 97.5% on 2 Feb to 91% on 16 Mar, below its 92% baseline"; the lowest value between is named too where the
   * latest has come back from it by at least {@value #BACKWARDS} of the way), and {@code true} is returned: it did not
   * merely slow, so no {@code pace-fell} is said ("has not gained since" read as a stall). Else, where the latest value
   * is further from the target than the best of the last {@value #RECENT_DAYS} days by at least {@value #BACKWARDS} of
   * the way, "Its values went backwards, from 12 on 22 Jul to 7 on 29 Jul.", and {@code false}.
   */
  private static boolean backwards(Cycle cycle, KeyResult kr, List<CheckIn> seen, Instant asOf, boolean over,
      List<Scored> out) {
    if (seen.size() < 2) {
      return false;
    }
    Metric m = kr.metric();
    CheckIn last = seen.get(seen.size() - 1);
    int peak = 0;
    for (int i = 1; i < seen.size() - 1; i++) {
      if (m.progress(seen.get(i).value()) >= m.progress(seen.get(peak).value())) {
        peak = i;
      }
    }
    CheckIn top = seen.get(peak);
    double fell = m.progress(top.value()) - m.progress(last.value());
    if (fell >= WENT_BACK) {
      CheckIn low = null;
      for (int i = peak + 1; i < seen.size() - 1; i++) {
        if (low == null || m.progress(seen.get(i).value()) < m.progress(low.value())) {
          low = seen.get(i);
        }
      }
      String baseline = m.progress(last.value()) < 0
          ? ", " + (m.direction() == Direction.DECREASE ? "above" : "below") + " its "
              + Numbers.reading(m.baseline(), m) + " baseline"
          : "";
      String to = low != null && m.progress(last.value()) - m.progress(low.value()) >= BACKWARDS
          ? Numbers.reading(low.value(), m) + " on " + Insights.DAY.format(cycle.dateOf(low.at()))
              + (over ? ", and had come back to " : ", and has come back to ") + Numbers.reading(last.value(), m)
              + " by " + Insights.DAY.format(cycle.dateOf(last.at())) + baseline
          : Numbers.reading(last.value(), m) + " on " + Insights.DAY.format(cycle.dateOf(last.at())) + baseline;
      out.add(new Scored(new Cause("values-backwards", null, Map.of("fromValue", top.value(), "toValue",
          last.value(), "progressLost", fell),
          name(kr.id(), kr.title()) + " went back: from " + Numbers.reading(top.value(), m) + " on "
              + Insights.DAY.format(cycle.dateOf(top.at())) + " to " + to + "."),
          0.6 * Math.min(1, fell / 0.1), 6));
      return true;
    }
    Instant from = cycle.calendarDaysBefore(asOf, RECENT_DAYS);
    CheckIn best = null;
    for (int i = 0; i < seen.size() - 1; i++) {
      CheckIn c = seen.get(i);
      if (!c.at().isBefore(from) && (best == null || m.progress(c.value()) > m.progress(best.value()))) {
        best = c;
      }
    }
    if (best == null) {
      return false;
    }
    double drop = m.progress(best.value()) - m.progress(last.value());
    if (drop < BACKWARDS) {
      return false;
    }
    out.add(new Scored(new Cause("values-backwards", null, Map.of("fromValue", best.value(), "toValue",
        last.value(), "progressLost", drop),
        "Its values went backwards, from " + Numbers.reading(best.value(), m) + " on "
            + Insights.DAY.format(cycle.dateOf(best.at())) + " to " + Numbers.reading(last.value(), m) + " on "
            + Insights.DAY.format(cycle.dateOf(last.at())) + "."),
        0.6 * Math.min(1, drop / 0.1), 6));
    return false;
  }

  private static void confidence(Cycle cycle, List<CheckIn> seen, Instant asOf, List<Scored> out) {
    List<CheckIn> rated = new ArrayList<>();
    for (CheckIn c : seen) {
      if (c.confidence() != null) {
        rated.add(c);
      }
    }
    if (rated.size() < 2) {
      return;
    }
    CheckIn last = rated.get(rated.size() - 1);
    CheckIn before = rated.get(rated.size() - 2);
    Instant from = cycle.calendarDaysBefore(asOf, CONFIDENCE_DAYS);
    CheckIn peak = null;
    for (int i = 0; i < rated.size() - 1; i++) {
      CheckIn c = rated.get(i);
      if (!c.at().isBefore(from) && (peak == null || c.confidence() > peak.confidence())) {
        peak = c;
      }
    }
    if (peak == null || last.confidence() > before.confidence()) {
      return;
    }
    double drop = peak.confidence() - last.confidence();
    if (drop < CONFIDENCE_DROP - 1e-9) {
      return;
    }
    LocalDate peakDay = cycle.dateOf(peak.at());
    out.add(new Scored(new Cause("confidence-falling", null, Map.of("fromConfidence", peak.confidence(),
        "toConfidence", last.confidence()),
        "The owner's confidence fell from " + Insights.pct(peak.confidence()) + " on " + Insights.DAY.format(peakDay)
            + " to " + Insights.pct(last.confidence()) + " on " + Insights.DAY.format(cycle.dateOf(last.at())) + "."),
        0.7 * Math.min(1, drop / 0.4), 5));
  }
}
