package org.okrengine.retro;

import static org.okrengine.retro.Figures.mean;
import static org.okrengine.retro.Figures.ratio;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Status;

/**
 * Forecast accountability over every key result and by team: each scored key result's status replayed weekly
 * (7, 14, ... days after the start, before the end) with the retrospective's forecaster, as {@code okr analyze}
 * gives it from the forecast on that day (the forecaster's own rules: probability thresholds, staleness, achieved;
 * not the engine's upstream-late and late-for-need-by rules, which need the dependency graph and can only add
 * at-risk flags), then how early the misses were flagged and how often the hits were. Empty when the retrospective
 * does not replay forecasts.
 */
final class ForecastsSection implements Section<ForecastsSection> {
  /** Null when forecasts are not replayed. */
  private final Forecaster forecaster;
  /** By team; over every key result it is the teams' merged (each key result has one team). */
  final Map<String, FcAcc> byTeam = new HashMap<>();

  ForecastsSection(Forecaster forecaster) {
    this.forecaster = forecaster;
  }

  @Override
  public void add(CycleFacts f) {
    if (forecaster == null) {
      return;
    }
    Instant[] weekly = weeklyInstants(f.cycle);
    for (int i = 0; i < f.size; i++) {
      KeyResult kr = f.keyResults[i];
      FcAcc team = byTeam.computeIfAbsent(kr.team(), k -> new FcAcc());
      if (f.scores[i] >= 0 && weekly.length > 0) {
        replay(f, kr, weekly, f.hits[i], team);
      }
    }
  }

  private static Instant[] weeklyInstants(Cycle c) {
    Instant start = c.startInstant();
    Instant end = c.endInstant();
    List<Instant> out = new ArrayList<>();
    for (int k = 1;; k++) {
      Instant at = start.plusSeconds(k * Span.WEEK_SECONDS);
      if (!at.isBefore(end)) {
        break;
      }
      out.add(at);
    }
    return out.toArray(new Instant[0]);
  }

  private void replay(CycleFacts f, KeyResult kr, Instant[] weekly, boolean hit, FcAcc team) {
    Instant end = f.cycle.endInstant();
    var milestones = f.okrCycle.milestonesOf(kr.id());
    int first = -1;
    int runStart = -1;
    boolean gap = false;
    boolean last = false;
    // the forecaster as okr analyze forecasts with it on that day: the value at the cycle's end, even for a key
    // result scored from its last check-in (forecasting that check-in instead, as the backtest does, flagged key
    // results the manager was shown on track: KR-4 of the example on 23 Sep, 33% at its last check-in, 57% at the end)
    List<Status> statuses = forecaster.statuses(kr, f.cycle, Arrays.asList(weekly), milestones);
    for (int k = 0; k < weekly.length; k++) {
      Status s = statuses.get(k);
      if (s == Status.AT_RISK || s == Status.OFF_TRACK) {
        if (first < 0) {
          first = k;
        }
        if (!last) {
          runStart = k;
        }
        last = true;
      } else if (s == Status.ON_TRACK || s == Status.ACHIEVED) {
        gap |= last;
        last = false;
      } // stale, not-started, no-data: neither raise nor clear a flag
    }
    int firstAhead = first < 0 ? -1 : (int) Duration.between(weekly[first], end).getSeconds();
    int runAhead = last ? (int) Duration.between(weekly[runStart], end).getSeconds() : -1;
    team.add(hit, first >= 0, last, first >= 0 && !gap, firstAhead, runAhead);
  }

  @Override
  public void merge(ForecastsSection o) {
    o.byTeam.forEach((team, theirs) -> byTeam.computeIfAbsent(team, k -> new FcAcc()).merge(theirs));
  }

  @Override
  public void write(ByteWriter out) {
    out.writeMap(byTeam, FcAcc::write);
  }

  @Override
  public void read(ByteReader in) {
    in.readMap("forecasts by team", 9 * 8 + 8, byTeam, (r, team, what) -> {
      FcAcc f = new FcAcc();
      f.read(r, what);
      return f;
    });
  }

  @Override
  public void report(ReportParts r) {
    if (forecaster == null) {
      return;
    }
    FcAcc overall = new FcAcc();
    byTeam.values().forEach(overall::merge);
    r.forecasts = overall.stats(null, r);
    for (Map.Entry<String, FcAcc> e : new TreeMap<>(byTeam).entrySet()) {
      r.forecastsByTeam.add(e.getValue().stats(e.getKey(), r));
    }
  }

  /** Forecast accountability sums of all key results or one team's; times in seconds before the cycle's end. */
  static final class FcAcc {
    private static final double WEEK = Span.WEEK_SECONDS;
    long keyResults;
    long misses;
    long missesFlagged;
    long missesToTheEnd;
    long missesWithoutGap;
    long firstAheadSum;
    final IntList firstAhead = new IntList();
    final IntList runAhead = new IntList();
    long hits;
    long hitsFlagged;
    long hitsAtLast;

    void add(boolean hit, boolean flagged, boolean atLast, boolean withoutGap, int firstAheadSeconds,
        int runAheadSeconds) {
      keyResults++;
      if (hit) {
        hits++;
        hitsFlagged += flagged ? 1 : 0;
        hitsAtLast += atLast ? 1 : 0;
        return;
      }
      misses++;
      if (flagged) {
        missesFlagged++;
        firstAheadSum += firstAheadSeconds;
        firstAhead.add(firstAheadSeconds);
      }
      if (atLast) {
        missesToTheEnd++;
        runAhead.add(runAheadSeconds);
      }
      missesWithoutGap += withoutGap ? 1 : 0;
    }

    void merge(FcAcc o) {
      keyResults += o.keyResults;
      misses += o.misses;
      missesFlagged += o.missesFlagged;
      missesToTheEnd += o.missesToTheEnd;
      missesWithoutGap += o.missesWithoutGap;
      firstAheadSum += o.firstAheadSum;
      firstAhead.addAll(o.firstAhead);
      runAhead.addAll(o.runAhead);
      hits += o.hits;
      hitsFlagged += o.hitsFlagged;
      hitsAtLast += o.hitsAtLast;
    }

    void write(ByteWriter out) {
      out.writeLong(keyResults);
      out.writeLong(misses);
      out.writeLong(missesFlagged);
      out.writeLong(missesToTheEnd);
      out.writeLong(missesWithoutGap);
      out.writeLong(firstAheadSum);
      firstAhead.write(out);
      runAhead.write(out);
      out.writeLong(hits);
      out.writeLong(hitsFlagged);
      out.writeLong(hitsAtLast);
    }

    void read(ByteReader in, String what) {
      keyResults = in.readCount(what + " keyResults");
      misses = in.readCount(what + " misses");
      missesFlagged = in.readCount(what + " missesFlagged");
      missesToTheEnd = in.readCount(what + " missesFlaggedToTheEnd");
      missesWithoutGap = in.readCount(what + " missesFlaggedWithoutGap");
      firstAheadSum = in.readCount(what + " firstAheadSum");
      firstAhead.read(in, what + " first flags", 0, Integer.MAX_VALUE);
      runAhead.read(in, what + " last runs", 0, Integer.MAX_VALUE);
      hits = in.readCount(what + " hits");
      hitsFlagged = in.readCount(what + " hitsFlagged");
      hitsAtLast = in.readCount(what + " hitsFlaggedAtLastForecast");
      in.check(hits + misses == keyResults && firstAhead.size() == missesFlagged && runAhead.size() == missesToTheEnd
          && missesWithoutGap <= missesFlagged && firstAhead.sum() == firstAheadSum && hitsFlagged <= hits
          && hitsAtLast <= hitsFlagged, what + " has counts that contradict each other");
    }

    ForecastAccountability stats(String team, ReportParts r) {
      return new ForecastAccountability(team, keyResults, misses, missesFlagged, missesToTheEnd, missesWithoutGap,
          firstAhead.median(WEEK, r.scratch(firstAhead.size())), mean(firstAheadSum, missesFlagged, WEEK),
          runAhead.median(WEEK, r.scratch(runAhead.size())), hits,
          hitsFlagged, hitsAtLast, ratio(hitsFlagged, hits));
    }
  }
}
