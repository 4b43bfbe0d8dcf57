package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
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
import org.okrengine.model.SourceStatus;

/**
 * Broken data connections. A key result is fed by the integration ({@link CheckIn#source()}) of its latest check-in
 * that has one. That integration is silent for it when the days from its last value to the analysed instant (or the
 * cycle's end, if earlier) exceed {@code max(MIN_SILENT_DAYS, 2 x the median gap between its values)}; with fewer
 * than two values the gap is taken as {@value #DEFAULT_GAP_DAYS} days. When an integration is silent for every key
 * result it feeds, one entry covers them all; otherwise each silent key result has its own.
 *
 * <p>Besides silence, the cycle's record of the sources' health ({@link OkrCycle#sources()}, kept by
 * {@code okr sync}): an integration recorded as failing since an instant no later than the analysed one gets one
 * entry for the key results the record names (or, when it names none, those it fed that have had no value from it
 * since the failures began), silent yet or not, saying the error and since when
 * ({@code jira: 401 Unauthorized on every sync since 13 Aug; KR-3 (Grow weekly active teams) has no value since
 * 2 Aug}), in place of their silence entries; its other key results are judged by silence. Without the record, or
 * with the integration recorded as working, silence alone decides, as before the record existed. Stateless and
 * thread-safe.
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
      double gap = medianGap(cycle, times);
      CheckIn last = null;
      for (CheckIn c : seen) {
        if (source.equals(c.source())) {
          last = c;
        }
      }
      double silent = cycle.calendarDaysBetween(last.at(), end);
      boolean broken = silent > Math.max(MIN_SILENT_DAYS, 2 * gap);
      out.add(new Feed(kr, source, last, gap, silent, broken, manualSince));
    }
    return out;
  }

  static double medianGap(Cycle cycle, List<Instant> times) {
    if (times.size() < 2) {
      return DEFAULT_GAP_DAYS;
    }
    double[] gaps = new double[times.size() - 1];
    for (int i = 1; i < times.size(); i++) {
      gaps[i - 1] = cycle.calendarDaysBetween(times.get(i - 1), times.get(i));
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
    // a failing source's key results: those the record names (their fetch failed on the last sync), else those it
    // fed that have had no value from it since its failures began (one it fed after that has a binding that works)
    Map<String, SourceStatus> failing = new LinkedHashMap<>();
    Map<String, List<KeyResult>> stuck = new LinkedHashMap<>();
    for (SourceStatus s : okr.sources()) {
      if (!s.failing() || s.since().isAfter(asOf)) {
        continue;
      }
      List<Feed> feeds = bySource.getOrDefault(s.name(), List.of());
      List<KeyResult> krs = new ArrayList<>();
      for (KeyResult kr : okr.keyResults()) {
        boolean named = s.keyResults().contains(kr.id());
        boolean without = s.keyResults().isEmpty() && feeds.stream()
            .anyMatch(f -> f.keyResult() == kr && !f.last().at().isAfter(s.since()));
        if (named || without) {
          krs.add(kr);
        }
      }
      if (!krs.isEmpty()) {
        failing.put(s.name(), s);
        stuck.put(s.name(), krs);
      }
    }
    java.util.Set<String> wholeDone = new java.util.HashSet<>();
    for (KeyResult kr : okr.keyResults()) {
      for (Map.Entry<String, List<KeyResult>> e : stuck.entrySet()) {
        if (e.getValue().get(0) == kr) {
          String source = e.getKey();
          out.add(failing(cycle, failing.get(source), e.getValue(), bySource.getOrDefault(source, List.of()), asOf));
        }
      }
      for (Map.Entry<String, List<Feed>> e : bySource.entrySet()) {
        for (Feed f : e.getValue()) {
          String source = e.getKey();
          if (f.keyResult() != kr) {
            continue;
          }
          if (failing.containsKey(source) && stuck.get(source).contains(kr)) {
            continue; // told in the source's failing entry
          } else if (!f.silent()) {
            continue;
          } else if (whole.get(source) && !failing.containsKey(source)) {
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
        + Numbers.reading(f.last().value(), kr.metric()) + ") on " + Insights.DAY.format(cycle.dateOf(f.last().at()))
        + " and nothing for " + Numbers.days(silent) + ", though it used to send one every "
        + Numbers.days(round1(f.gapDays())) + ": the data connection looks broken"
        + (f.manualSince() ? " (values have been entered by hand since)." : ", so nobody knows the status of "
        + kr.id() + ".");
    return new SourceHealthSummary(f.source(), List.of(kr.id()), false, cycle.dateOf(f.last().at()), silent,
        round1(f.gapDays()), reason);
  }

  /**
   * The entry of a source the sources' health records as failing: the error, since when, and each of its key results
   * {@code krs} with the day of its last value from the source, or that it has had none ({@code feeds}: every key
   * result the source feeds).
   */
  private static SourceHealthSummary failing(Cycle cycle, SourceStatus status, List<KeyResult> krs, List<Feed> feeds,
      Instant asOf) {
    List<String> ids = new ArrayList<>();
    List<String> told = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    Instant last = null;
    List<Double> gaps = new ArrayList<>();
    for (KeyResult kr : krs) {
      ids.add(kr.id());
      Feed f = feeds.stream().filter(x -> x.keyResult() == kr).findFirst().orElse(null);
      String name = Causes.name(kr.id(), kr.title());
      if (f == null) {
        told.add(name + " has had no value from it");
        continue;
      }
      told.add(name + " has no value since " + Insights.DAY.format(cycle.dateOf(f.last().at())));
      if (f.manualSince()) {
        manual.add(kr.id());
      }
      if (last == null || f.last().at().isAfter(last)) {
        last = f.last().at();
      }
      gaps.add(f.gapDays());
    }
    gaps.sort(null);
    LocalDate since = cycle.dateOf(status.since());
    Instant end = asOf.isAfter(cycle.endInstant()) ? cycle.endInstant() : asOf;
    // silent from its last value, or, when it never sent one, from the day its failures began
    double silent = Math.max(0, cycle.calendarDaysBetween(last != null ? last : status.since(), end));
    String reason = status.name() + ": " + status.lastError() + " on every sync since " + Insights.DAY.format(since)
        + "; " + Insights.join(told)
        + (manual.isEmpty() ? "" : " (values have been entered by hand since for " + Insights.join(manual) + ")")
        + ".";
    boolean whole = feeds.stream().allMatch(f -> krs.contains(f.keyResult()));
    return new SourceHealthSummary(status.name(), ids, whole, last == null ? null : cycle.dateOf(last),
        (int) Math.floor(silent), gaps.isEmpty() ? DEFAULT_GAP_DAYS : round1(gaps.get(gaps.size() / 2)), reason,
        since, status.lastError());
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
