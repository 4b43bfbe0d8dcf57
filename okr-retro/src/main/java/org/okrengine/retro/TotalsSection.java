package org.okrengine.retro;

/** How many cycles and key results were read, and how the key results were scored. */
final class TotalsSection implements Section<TotalsSection> {
  private static final long serialVersionUID = 1L;
  long cycles;
  long keyResults;
  long fromResults;
  long fromCheckIn;
  long unscored;

  @Override
  public void add(CycleFacts f) {
    cycles++;
    keyResults += f.size;
    for (int i = 0; i < f.size; i++) {
      if (f.fromResult[i]) {
        fromResults++;
      } else if (f.scores[i] >= 0) {
        fromCheckIn++;
      } else {
        unscored++;
      }
    }
  }

  @Override
  public void merge(TotalsSection o) {
    cycles += o.cycles;
    keyResults += o.keyResults;
    fromResults += o.fromResults;
    fromCheckIn += o.fromCheckIn;
    unscored += o.unscored;
  }

  @Override
  public void report(ReportParts r) {
    r.cycles = cycles;
    r.keyResults = keyResults;
    r.scoredFromResults = fromResults;
    r.scoredFromLastCheckIn = fromCheckIn;
    r.unscored = unscored;
  }
}
