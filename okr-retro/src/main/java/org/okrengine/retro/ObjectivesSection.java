package org.okrengine.retro;

import static org.okrengine.retro.CycleFacts.SCORE_SCALE;
import static org.okrengine.retro.Figures.mean;

import org.okrengine.model.Commitment;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Objective;

/**
 * Objectives by commitment. An objective's score is the weighted mean of its scored key results' scores (the plain
 * mean where their weights add up to 0); an objective without a scored key result is counted but not scored.
 */
final class ObjectivesSection implements Section<ObjectivesSection> {
  private static final long serialVersionUID = 1L;
  /** By {@link Commitment} ordinal. */
  final ObjAcc[] byCommitment = {new ObjAcc(), new ObjAcc()};

  @Override
  public void add(CycleFacts f) {
    int i = 0;
    for (Objective o : f.okrCycle.objectives()) {
      int n = o.keyResults().size();
      double weighted = 0;
      double weights = 0;
      long plain = 0;
      int scored = 0;
      for (int k = i; k < i + n; k++) {
        int score = f.scores[k];
        if (score >= 0) {
          KeyResult kr = f.keyResults[k];
          scored++;
          weighted += kr.weight() * score;
          weights += kr.weight();
          plain += score;
        }
      }
      i += n;
      ObjAcc oa = byCommitment[o.commitment().ordinal()];
      oa.objectives++;
      if (scored > 0) {
        double s = weights > 0 ? weighted / weights : plain / (double) scored;
        oa.add((int) Math.round(s), o.commitment());
      }
    }
  }

  @Override
  public void merge(ObjectivesSection o) {
    for (int i = 0; i < byCommitment.length; i++) {
      byCommitment[i].merge(o.byCommitment[i]);
    }
  }

  @Override
  public void report(ReportParts r) {
    for (Commitment c : Commitment.values()) {
      r.objectives.add(byCommitment[c.ordinal()].stats(c));
    }
  }

  /** Objective scores of one commitment. */
  static final class ObjAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long objectives;
    long scored;
    long sum;
    long met;
    final IntList scores = new IntList();

    void add(int score, Commitment c) {
      scored++;
      sum += score;
      scores.add(score);
      met += score >= Math.round(c.expectedScore() * SCORE_SCALE) ? 1 : 0;
    }

    void merge(ObjAcc o) {
      objectives += o.objectives;
      scored += o.scored;
      sum += o.sum;
      met += o.met;
      scores.addAll(o.scores);
    }

    ObjectiveStats stats(Commitment c) {
      return new ObjectiveStats(c.jsonName(), c.expectedScore(), objectives, scored, mean(sum, scored, SCORE_SCALE),
          scores.median(SCORE_SCALE), met);
    }
  }
}
