package org.okrengine.retro;

import static org.okrengine.retro.CycleFacts.CONFIDENCE_SCALE;
import static org.okrengine.retro.CycleFacts.SCORE_SCALE;
import static org.okrengine.retro.Figures.mean;
import static org.okrengine.retro.Figures.ratio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Self-report calibration over every key result and by team: the check-ins' confidence against whether the key
 * result was hit, and self scores against the results' scores (of scored key results only).
 */
final class CalibrationSection implements Section<CalibrationSection> {
  /** Reliability bins of confidence: [0, 0.1), [0.1, 0.2), ... [0.9, 1.0]. */
  static final int BINS = 10;
  /** By team; over every key result it is the teams' merged (each key result has one team). */
  final Map<String, CalAcc> byTeam = new HashMap<>();
  /** The teams' sums by the facts' team number ({@link CycleFacts#teams}), null where not looked up yet. */
  private CalAcc[] byNumber = new CalAcc[16];

  @Override
  public void add(CycleFacts f) {
    CalAcc[] slots = byNumber = f.teamSlots(byNumber);
    for (int i = 0; i < f.size; i++) {
      CalAcc team = slots[f.teams[i]];
      if (team == null) {
        team = byTeam.computeIfAbsent(f.teamIds[f.teams[i]], k -> new CalAcc());
        slots[f.teams[i]] = team;
      }
      int score = f.scores[i];
      if (score < 0) {
        continue;
      }
      boolean hit = f.hits[i];
      int[] confidences = f.confidences;
      // the key result's totals summed here and added to the team's once, its bins added to directly. Whether a
      // check-in has a confidence is a coin toss from one to the next, so it is not branched on: one without adds 0
      // (to bin 0)
      long y = hit ? CONFIDENCE_SCALE : 0;
      int hitBit = hit ? 1 : 0;
      long n = 0;
      long sum = 0;
      long brier = 0;
      long[] count = team.binCount;
      long[] confidence = team.binConfidence;
      long[] hits = team.binHits;
      for (int c = f.from[i]; c < f.from[i + 1]; c++) {
        int conf = confidences[c];
        int has = ~conf >>> 31; // 1 when conf >= 0, else 0
        int v = conf & -has; // conf, or 0
        long d = (v - y) * has;
        n += has;
        sum += v;
        brier += d * d;
        int bin = Math.min(BINS - 1, v * BINS / CONFIDENCE_SCALE);
        count[bin] += has;
        confidence[bin] += v;
        hits[bin] += has & hitBit;
      }
      team.n += n;
      team.confidenceSum += sum;
      team.brierSum += brier;
      team.hits += hit ? n : 0;
      long self = f.selfScores[i];
      if (self != CycleFacts.NO_SELF_SCORE) {
        team.self(self, score);
      }
    }
  }

  @Override
  public void merge(CalibrationSection o) {
    o.byTeam.forEach((team, theirs) -> byTeam.computeIfAbsent(team, k -> new CalAcc()).merge(theirs));
  }

  @Override
  public void write(ByteWriter out) {
    out.writeMap(byTeam, CalAcc::write);
  }

  @Override
  public void read(ByteReader in) {
    in.readMap("calibration by team", CalAcc.BYTES, byTeam, (r, team, what) -> {
      CalAcc c = new CalAcc();
      c.read(r, what);
      return c;
    });
  }

  @Override
  public void report(ReportParts r) {
    CalAcc overall = new CalAcc();
    byTeam.values().forEach(overall::merge);
    r.calibration = overall.stats(null);
    for (Map.Entry<String, CalAcc> e : new TreeMap<>(byTeam).entrySet()) {
      r.calibrationByTeam.add(e.getValue().stats(e.getKey()));
    }
  }

  /** Calibration sums of all key results or one team's. */
  static final class CalAcc {
    /** The fewest bytes one takes in an accumulator's bytes. */
    static final int BYTES = (7 + 3 * BINS) * 8;
    long n;
    long confidenceSum;
    long hits;
    long brierSum;
    final long[] binCount = new long[BINS];
    final long[] binConfidence = new long[BINS];
    final long[] binHits = new long[BINS];
    long selfScored;
    long selfSum;
    long actualSum;

    void self(long selfMicro, int score) {
      selfScored++;
      selfSum += selfMicro;
      actualSum += score;
    }

    void merge(CalAcc o) {
      n += o.n;
      confidenceSum += o.confidenceSum;
      hits += o.hits;
      brierSum += o.brierSum;
      for (int i = 0; i < BINS; i++) {
        binCount[i] += o.binCount[i];
        binConfidence[i] += o.binConfidence[i];
        binHits[i] += o.binHits[i];
      }
      selfScored += o.selfScored;
      selfSum += o.selfSum;
      actualSum += o.actualSum;
    }

    void write(ByteWriter out) {
      out.writeLong(n);
      out.writeLong(confidenceSum);
      out.writeLong(hits);
      out.writeLong(brierSum);
      for (int i = 0; i < BINS; i++) {
        out.writeLong(binCount[i]);
        out.writeLong(binConfidence[i]);
        out.writeLong(binHits[i]);
      }
      out.writeLong(selfScored);
      out.writeLong(selfSum);
      out.writeLong(actualSum);
    }

    void read(ByteReader in, String what) {
      n = in.readCount(what + " n");
      confidenceSum = in.readCount(what + " confidenceSum");
      hits = in.readCount(what + " hits");
      brierSum = in.readCount(what + " brierSum");
      long count = 0;
      long confidence = 0;
      long binned = 0;
      for (int i = 0; i < BINS; i++) {
        binCount[i] = in.readCount(what + " bin " + i + " count");
        binConfidence[i] = in.readCount(what + " bin " + i + " confidence");
        binHits[i] = in.readCount(what + " bin " + i + " hits");
        in.check(binHits[i] <= binCount[i], what + " bin " + i + " has more hits than check-ins");
        count += binCount[i];
        confidence += binConfidence[i];
        binned += binHits[i];
      }
      selfScored = in.readCount(what + " selfScored");
      selfSum = in.readLong();
      actualSum = in.readCount(what + " actualSum");
      in.check(count == n && confidence == confidenceSum && binned == hits && hits <= n,
          what + " has bins that do not add up to its totals");
    }

    CalibrationStats stats(String team) {
      List<ConfidenceBin> bins = new ArrayList<>();
      for (int i = 0; i < BINS; i++) {
        bins.add(new ConfidenceBin(i / (double) BINS, (i + 1) / (double) BINS, binCount[i],
            mean(binConfidence[i], binCount[i], CONFIDENCE_SCALE), ratio(binHits[i], binCount[i])));
      }
      Double meanConfidence = mean(confidenceSum, n, CONFIDENCE_SCALE);
      Double hitRate = ratio(hits, n);
      Double over = n == 0 ? null : (confidenceSum - hits * (double) CONFIDENCE_SCALE) / n / CONFIDENCE_SCALE;
      Double brier = mean(brierSum, n, (double) CONFIDENCE_SCALE * CONFIDENCE_SCALE);
      Double meanSelf = mean(selfSum, selfScored, SCORE_SCALE);
      Double meanActual = mean(actualSum, selfScored, SCORE_SCALE);
      Double gap = selfScored == 0 ? null : (selfSum - actualSum) / (double) selfScored / SCORE_SCALE;
      return new CalibrationStats(team, n, brier, meanConfidence, hitRate, over, selfScored, meanSelf, meanActual,
          gap, bins);
    }
  }
}
