package org.okrengine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceHealthSummary;

/**
 * Broken data connections. A key result is fed by the integration ({@link CheckIn#source()}) of its latest check-in
 * that has one. That integration is silent for it when the days from its last value to the analysed instant (or the
 * cycle's end, if earlier) exceed {@code max(MIN_SILENT_DAYS, 2 x the median gap between its values)}; with fewer
 * than two values the gap is taken as {@value #DEFAULT_GAP_DAYS} days. When an integration is silent for every key
 * result it feeds, one entry covers them all; otherwise each silent key result has its own. Stateless and thread-safe.
 */
final class SourceHealth {
  /** The shortest silence that counts, in days. */
  static final double MIN_SILENT_DAYS = 7.0;
  /** The gap assumed with fewer than two values, in days. */
  static final double DEFAULT_GAP_DAYS = 7.0;

  private SourceHealth() {}

  /** One key result's feed. */
  record Feed(KeyResult keyResult, String source, CheckIn last, double gapDays, double silentDays, boolean silent,
      boolean manualSince) {}

  static List<Feed> feeds(OkrCycle okr, Instant asOf) {
    Cycle cycle = okr.cycle();
    Instant end = asOf.isAfter(cycle.endInstant()) ? cycle.endInstant() : asOf;
    List<Feed> out = new ArrayList<>();
    for (KeyResult kr : okr.keyResults()) {
      List<CheckIn> seen = kr.checkInsAsOf(asOf);
      String source = null;
      for (int i = seen.size() - 1; i >= 0 && source == null; i--) {
        source = seen.get(i).source();
      }
      if (source == null) {
        continue;
      }
      List<Instant> times = new ArrayList<>();
      boolean manualSince = false;
      for (CheckIn c : seen) {
        if (source.equals(c.source())) {
          times.add(c.at());
          manualSince = false;
        } else {
          manualSince = true;
        }
      }
      double gap = medianGap(times);
      CheckIn last = null;
      for (CheckIn c : seen) {
        if (source.equals(c.source())) {
          last = c;
        }
      }
      double silent = Cycle.daysBetween(last.at(), end);
      boolean broken = silent > Math.max(MIN_SILENT_DAYS, 2 * gap);
      out.add(new Feed(kr, source, last, gap, silent, broken, manualSince));
    }
    return out;
  }

  static double medianGap(List<Instant> times) {
    if (times.size() < 2) {
      return DEFAULT_GAP_DAYS;
    }
    double[] gaps = new double[times.size() - 1];
    for (int i = 1; i < times.size(); i++) {
      gaps[i - 1] = Cycle.daysBetween(times.get(i - 1), times.get(i));
    }
    Arrays.sort(gaps);
    int m = gaps.length / 2;
    return gaps.length % 2 == 1 ? gaps[m] : (gaps[m - 1] + gaps[m]) / 2;
  }

  static List<SourceHealthSummary> summaries(OkrCycle okr, Instant asOf) {
    Cycle cycle = okr.cycle();
    Map<String, List<Feed>> bySource = new LinkedHashMap<>();
    for (Feed f : feeds(okr, asOf)) {
      bySource.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(f);
    }
    // entries in document order of their first key result
    List<SourceHealthSummary> out = new ArrayList<>();
    Map<String, Boolean> whole = new LinkedHashMap<>();
    for (Map.Entry<String, List<Feed>> e : bySource.entrySet()) {
      whole.put(e.getKey(), e.getValue().stream().allMatch(Feed::silent));
    }
    java.util.Set<String> wholeDone = new java.util.HashSet<>();
    for (KeyResult kr : okr.keyResults()) {
      for (Map.Entry<String, List<Feed>> e : bySource.entrySet()) {
        for (Feed f : e.getValue()) {
          if (f.keyResult() != kr || !f.silent()) {
            continue;
          }
          String source = e.getKey();
          if (whole.get(source)) {
            if (wholeDone.add(source)) {
              out.add(wholeSource(cycle, source, e.getValue()));
            }
          } else {
            out.add(single(cycle, f));
          }
        }
      }
    }
    return out;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static SourceHealthSummary single(Cycle cycle, Feed f) {
    KeyResult kr = f.keyResult();
    int silent = (int) Math.floor(f.silentDays());
    String reason = Causes.name(kr.id(), kr.title()) + " gets its values from " + f.source()
        + ", which sent the last one ("
        + Numbers.value(f.last().value(), kr.metric()) + ") on " + Insights.DAY.format(cycle.dateOf(f.last().at()))
        + " and nothing for " + Numbers.days(silent) + ", though it used to send one every "
        + Numbers.days(round1(f.gapDays())) + ": the data connection looks broken"
        + (f.manualSince() ? " (values have been entered by hand since)." : ", so nobody knows the status of "
        + kr.id() + ".");
    return new SourceHealthSummary(f.source(), List.of(kr.id()), false, cycle.dateOf(f.last().at()), silent,
        round1(f.gapDays()), reason);
  }

  private static SourceHealthSummary wholeSource(Cycle cycle, String source, List<Feed> feeds) {
    List<String> ids = new ArrayList<>();
    List<String> named = new ArrayList<>();
    Instant last = null;
    double silent = Double.MAX_VALUE;
    List<Double> gaps = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    for (Feed f : feeds) {
      ids.add(f.keyResult().id());
      named.add(Causes.name(f.keyResult().id(), f.keyResult().title()));
      if (f.manualSince()) {
        manual.add(f.keyResult().id());
      }
      if (last == null || f.last().at().isAfter(last)) {
        last = f.last().at();
      }
      silent = Math.min(silent, f.silentDays());
      gaps.add(f.gapDays());
    }
    gaps.sort(null);
    double gap = round1(gaps.get(gaps.size() / 2));
    int days = (int) Math.floor(silent);
    String what = ids.size() == 1 ? "the only key result it feeds, " + named.get(0) + ","
        : "any of the " + ids.size() + " key results it feeds (" + Insights.join(named) + ")";
    String reason = source + " has sent nothing for " + what + " since " + Insights.DAY.format(cycle.dateOf(last))
        + " (" + Numbers.days(days) + "; it used to send one every " + Numbers.days(gap)
        + "): the data connection is broken" + (manual.isEmpty() ? ", so nobody knows the status of "
        + (ids.size() == 1 ? ids.get(0) : "those key results") + "."
        : " (values have been entered by hand since for " + Insights.join(manual) + ").");
    return new SourceHealthSummary(source, ids, true, cycle.dateOf(last), days, gap, reason);
  }
}
