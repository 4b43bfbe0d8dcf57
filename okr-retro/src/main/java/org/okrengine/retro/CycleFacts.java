package org.okrengine.retro;

import java.util.Arrays;
import java.util.List;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;

/**
 * What every section needs of one cycle, worked out once: its bounds and, for each key result (objective by
 * objective, in order), its objective, score and hit. One per accumulator, refilled for each cycle.
 */
final class CycleFacts {
  /** Scores are kept in millionths. */
  static final int SCORE_SCALE = 1_000_000;

  OkrCycle okrCycle;
  Cycle cycle;
  Span span;
  /** The number of key results; the arrays below hold at least this many. */
  int size;
  KeyResult[] keyResults = new KeyResult[32];
  Objective[] objectives = new Objective[32];
  /** The score in millionths (0 to 1,000,000), or -1 when unscored. */
  int[] scores = new int[32];
  boolean[] hits = new boolean[32];
  /** Whether the final value came from {@code result.finalValue} (else the last check-in, or none). */
  boolean[] fromResult = new boolean[32];

  /** Refills these facts with {@code okrCycle}'s. */
  void fill(OkrCycle okrCycle, boolean scoreFromLastCheckIn) {
    this.okrCycle = okrCycle;
    cycle = okrCycle.cycle();
    span = new Span(cycle);
    size = 0;
    for (Objective o : okrCycle.objectives()) {
      List<KeyResult> krs = o.keyResults();
      for (int i = 0; i < krs.size(); i++) {
        add(o, krs.get(i), scoreFromLastCheckIn);
      }
    }
  }

  private void add(Objective o, KeyResult kr, boolean scoreFromLastCheckIn) {
    if (size == keyResults.length) {
      int n = size * 2;
      keyResults = Arrays.copyOf(keyResults, n);
      objectives = Arrays.copyOf(objectives, n);
      scores = Arrays.copyOf(scores, n);
      hits = Arrays.copyOf(hits, n);
      fromResult = Arrays.copyOf(fromResult, n);
    }
    List<CheckIn> checkIns = kr.checkIns();
    double finalValue;
    if (kr.result() != null) {
      finalValue = kr.result().finalValue();
    } else if (scoreFromLastCheckIn && !checkIns.isEmpty()) {
      finalValue = checkIns.get(checkIns.size() - 1).value();
    } else {
      finalValue = Double.NaN;
    }
    int score = -1;
    boolean hit = false;
    if (!Double.isNaN(finalValue)) {
      Metric metric = kr.metric();
      score = (int) Math.round(metric.score(finalValue) * SCORE_SCALE);
      hit = metric.isMet(finalValue);
    }
    keyResults[size] = kr;
    objectives[size] = o;
    scores[size] = score;
    hits[size] = hit;
    fromResult[size] = kr.result() != null;
    size++;
  }

  /** Drops the references to the last cycle. */
  void clear() {
    Arrays.fill(keyResults, 0, size, null);
    Arrays.fill(objectives, 0, size, null);
    okrCycle = null;
    cycle = null;
    span = null;
    size = 0;
  }
}
