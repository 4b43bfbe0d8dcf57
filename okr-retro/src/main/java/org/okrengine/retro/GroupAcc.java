package org.okrengine.retro;

import static org.okrengine.retro.CycleFacts.SCORE_SCALE;
import static org.okrengine.retro.Figures.mean;
import static org.okrengine.retro.Figures.ratio;

import org.okrengine.model.Commitment;

/** The completion totals of one group of key results (a team, a tag, a shape, ...): {@link GroupStats}. */
final class GroupAcc {
  /** The fewest bytes a group takes in an accumulator's bytes: 12 longs and its scores' count. */
  static final int MIN_BYTES = 12 * 8 + 4;

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

  void write(ByteWriter out) {
    out.writeLong(keyResults);
    out.writeLong(scored);
    out.writeLong(hits);
    out.writeLong(sum);
    out.writeLong(low);
    out.writeLong(middle);
    out.writeLong(high);
    out.writeLong(committed);
    out.writeLong(committedMet);
    out.writeLong(aspirational);
    out.writeLong(aspirationalMet);
    out.writeLong(aspirationalSum);
    scores.write(out);
  }

  /** A group read from what {@link #write} wrote. */
  static GroupAcc readNew(ByteReader in, String what) {
    GroupAcc g = new GroupAcc();
    g.read(in, what);
    return g;
  }

  /** Reads what {@link #write} wrote into this empty group, checking that the counts agree with the scores. */
  void read(ByteReader in, String what) {
    keyResults = in.readCount(what + " keyResults");
    scored = in.readCount(what + " scored");
    hits = in.readCount(what + " hits");
    sum = in.readCount(what + " sum");
    low = in.readCount(what + " low");
    middle = in.readCount(what + " middle");
    high = in.readCount(what + " high");
    committed = in.readCount(what + " committed");
    committedMet = in.readCount(what + " committedMet");
    aspirational = in.readCount(what + " aspirational");
    aspirationalMet = in.readCount(what + " aspirationalMet");
    aspirationalSum = in.readCount(what + " aspirationalSum");
    scores.read(in, what + " scores", 0, SCORE_SCALE);
    if (!(scores.size() == scored && scored <= keyResults && hits <= scored && scores.sum() == sum
        && scores.countBelow(400_000) == low && scores.countBelow(700_000) == low + middle
        && low + middle + high == scored && committed + aspirational == scored && committedMet <= committed
        && aspirationalMet <= aspirational && aspirationalSum <= sum)) {
      throw in.corrupt(what + " has counts that do not agree with its " + scores.size() + " scores");
    }
  }
}
