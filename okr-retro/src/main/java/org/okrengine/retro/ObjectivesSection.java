package org.okrengine.retro;

import static org.okrengine.retro.CycleFacts.SCORE_SCALE;
import static org.okrengine.retro.Figures.mean;

import org.okrengine.model.Commitment;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Objective;

/**
 * Objectives by declared commitment: one that declares none ({@link Objective#commitmentDeclared}) is judged by no
 * commitment and not counted. An objective's score is the weighted mean of its scored key results' scores (the plain
 * mean where their weights add up to 0); an objective without a scored key result is counted but not scored.
 */
final class ObjectivesSection implements Section<ObjectivesSection> {
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
      if (!o.commitmentDeclared()) {
        continue;
      }
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
  public void write(ByteWriter out) {
    for (ObjAcc o : byCommitment) {
      o.write(out);
    }
  }

  @Override
  public void read(ByteReader in) {
    for (Commitment c : Commitment.values()) {
      byCommitment[c.ordinal()].read(in, c.jsonName() + " objectives");
    }
  }

  @Override
  public void report(ReportParts r) {
    for (Commitment c : Commitment.values()) {
      r.objectives.add(byCommitment[c.ordinal()].stats(c, r));
    }
  }

  /** Objective scores of one commitment. */
  static final class ObjAcc {
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

    void write(ByteWriter out) {
      out.writeLong(objectives);
      out.writeLong(scored);
      out.writeLong(sum);
      out.writeLong(met);
      scores.write(out);
    }

    void read(ByteReader in, String what) {
      objectives = in.readCount(what + " objectives");
      scored = in.readCount(what + " scored");
      sum = in.readCount(what + " sum");
      met = in.readCount(what + " met");
      scores.read(in, what + " scores", 0, SCORE_SCALE);
      in.check(scores.size() == scored && scored <= objectives && met <= scored && scores.sum() == sum,
          what + " has counts that do not agree with its " + scores.size() + " scores");
    }

    ObjectiveStats stats(Commitment c, ReportParts r) {
      return new ObjectiveStats(c.jsonName(), c.expectedScore(), objectives, scored, mean(sum, scored, SCORE_SCALE),
          scores.median(SCORE_SCALE, r.scratch(scores.size())), met);
    }
  }
}
