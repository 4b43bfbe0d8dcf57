package org.okrengine.retro;

import static org.okrengine.retro.CycleFacts.SCORE_SCALE;
import static org.okrengine.retro.Figures.mean;
import static org.okrengine.retro.Figures.ratio;

import org.okrengine.model.Commitment;

/** The completion totals of one group of key results (a team, a tag, a shape, ...): {@link GroupStats}. */
final class GroupAcc implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  long keyResults;
  long scored;
  long hits;
  long sum;
  long low;
  long middle;
  long high;
  long committed;
  long committedMet;
  long aspirational;
  long aspirationalMet;
  long aspirationalSum;
  final IntList scores = new IntList();

  /** Adds a key result scoring {@code score} millionths (-1 when unscored). */
  void add(int score, boolean hit, Commitment commitment) {
    keyResults++;
    if (score < 0) {
      return;
    }
    scored++;
    hits += hit ? 1 : 0;
    sum += score;
    scores.add(score);
    if (score < 400_000) {
      low++;
    } else if (score < 700_000) {
      middle++;
    } else {
      high++;
    }
    if (commitment == Commitment.COMMITTED) {
      committed++;
      committedMet += score >= SCORE_SCALE ? 1 : 0;
    } else {
      aspirational++;
      aspirationalMet += score >= 700_000 ? 1 : 0;
      aspirationalSum += score;
    }
  }

  void merge(GroupAcc o) {
    keyResults += o.keyResults;
    scored += o.scored;
    hits += o.hits;
    sum += o.sum;
    low += o.low;
    middle += o.middle;
    high += o.high;
    committed += o.committed;
    committedMet += o.committedMet;
    aspirational += o.aspirational;
    aspirationalMet += o.aspirationalMet;
    aspirationalSum += o.aspirationalSum;
    scores.addAll(o.scores);
  }

  GroupStats stats(String key) {
    return new GroupStats(key, keyResults, scored, hits, ratio(hits, scored), mean(sum, scored, SCORE_SCALE),
        scores.median(SCORE_SCALE), low, middle, high, committed, committedMet, aspirational, aspirationalMet,
        mean(aspirationalSum, aspirational, SCORE_SCALE));
  }
}
