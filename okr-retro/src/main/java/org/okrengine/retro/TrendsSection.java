package org.okrengine.retro;

import static org.okrengine.retro.CycleFacts.SCORE_SCALE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Each team's completion cycle over cycle, cycles in order of start date (then id). */
final class TrendsSection implements Section<TrendsSection> {
  /** By team, then by {@link Span#trendKey} (start date, then cycle id: their order). */
  final Map<String, Map<String, TrendAcc>> trends = new HashMap<>();
  /** The teams' maps by the facts' team number ({@link CycleFacts#teams}), null where not looked up yet. */
  private final List<Map<String, TrendAcc>> byNumber = new ArrayList<>();

  @Override
  public void add(CycleFacts f) {
    Span span = f.span;
    List<Map<String, TrendAcc>> slots = byNumber;
    while (slots.size() < f.teamCount) {
      slots.add(null);
    }
    int lastTeam = -1;
    TrendAcc last = null;
    for (int i = 0; i < f.size; i++) {
      int team = f.teams[i];
      if (team != lastTeam) {
        Map<String, TrendAcc> byCycle = slots.get(team);
        if (byCycle == null) {
          byCycle = trends.computeIfAbsent(f.teamIds[team], k -> new HashMap<>());
          slots.set(team, byCycle);
        }
        last = byCycle.get(span.trendKey);
        if (last == null) {
          last = new TrendAcc(span.id, span.start);
          byCycle.put(span.trendKey, last);
        }
        lastTeam = team;
      }
      last.add(f.scores[i], f.hits[i]);
    }
  }

  @Override
  public void merge(TrendsSection o) {
    for (Map.Entry<String, Map<String, TrendAcc>> e : o.trends.entrySet()) {
      Map<String, TrendAcc> mine = trends.computeIfAbsent(e.getKey(), k -> new HashMap<>());
      for (Map.Entry<String, TrendAcc> t : e.getValue().entrySet()) {
        TrendAcc theirs = t.getValue();
        mine.computeIfAbsent(t.getKey(), k -> new TrendAcc(theirs.cycleId, theirs.start)).merge(theirs);
      }
    }
  }

  @Override
  public void write(ByteWriter out) {
    out.writeMap(trends, (byCycle, o) -> o.writeMap(byCycle, TrendAcc::write));
  }

  @Override
  public void read(ByteReader in) {
    in.readMap("trends", 4, trends, (r, team, what) -> {
      Map<String, TrendAcc> byCycle = new HashMap<>();
      r.readMap(what + " cycles", 4 + 5 * 8, byCycle, TrendAcc::read);
      return byCycle;
    });
  }

  @Override
  public void report(ReportParts r) {
    for (Map.Entry<String, Map<String, TrendAcc>> e : new TreeMap<>(trends).entrySet()) {
      List<TrendPoint> points = new ArrayList<>();
      Double previous = null;
      for (TrendAcc t : new TreeMap<>(e.getValue()).values()) {
        Double mean = t.scored == 0 ? null : t.sum / (double) t.scored / SCORE_SCALE;
        Double change = mean == null || previous == null ? null : mean - previous;
        points.add(new TrendPoint(t.cycleId, t.start, t.keyResults, t.scored, t.hits, mean, change));
        previous = mean;
      }
      r.trends.add(new TeamTrend(e.getKey(), points));
    }
  }

  /** One team in one cycle. */
  static final class TrendAcc {
    final String cycleId;
    final LocalDate start;
    long keyResults;
    long scored;
    long hits;
    long sum;

    TrendAcc(String cycleId, LocalDate start) {
      this.cycleId = cycleId;
      this.start = start;
    }

    void add(int score, boolean hit) {
      keyResults++;
      if (score >= 0) {
        scored++;
        sum += score;
        hits += hit ? 1 : 0;
      }
    }

    /** Written under its key, {@link Span#trendKey}. */
    void write(ByteWriter out) {
      out.writeString(cycleId);
      out.writeLong(start.toEpochDay());
      out.writeLong(keyResults);
      out.writeLong(scored);
      out.writeLong(hits);
      out.writeLong(sum);
    }

    /** Reads one written under {@code key}, which must be its start date and cycle id. */
    static TrendAcc read(ByteReader in, String key, String what) {
      String cycleId = in.readString(what + " cycle id");
      LocalDate start = LocalDate.ofEpochDay(in.readLong(what + " start", LocalDate.MIN.toEpochDay(),
          LocalDate.MAX.toEpochDay()));
      TrendAcc t = new TrendAcc(cycleId, start);
      t.keyResults = in.readCount(what + " keyResults");
      t.scored = in.readCount(what + " scored");
      t.hits = in.readCount(what + " hits");
      t.sum = in.readCount(what + " sum");
      in.check(key.equals(Span.trendKey(start, cycleId)) && t.scored <= t.keyResults && t.hits <= t.scored
          && t.sum <= t.scored * (long) SCORE_SCALE, what + " does not agree with its key or its counts");
      return t;
    }

    void merge(TrendAcc o) {
      keyResults += o.keyResults;
      scored += o.scored;
      sum += o.sum;
      hits += o.hits;
    }
  }
}
