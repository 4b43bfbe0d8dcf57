package org.okrengine.retro;

/** How many cycles and key results were read, and how the key results were scored. */
final class TotalsSection implements Section<TotalsSection> {
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
  public void write(ByteWriter out) {
    out.writeLong(cycles);
    out.writeLong(keyResults);
    out.writeLong(fromResults);
    out.writeLong(fromCheckIn);
    out.writeLong(unscored);
  }

  @Override
  public void read(ByteReader in) {
    cycles = in.readCount("cycles");
    keyResults = in.readCount("keyResults");
    fromResults = in.readCount("scoredFromResults");
    fromCheckIn = in.readCount("scoredFromLastCheckIn");
    unscored = in.readCount("unscored");
    in.check(fromResults + fromCheckIn + unscored == keyResults,
        "keyResults must be the sum of those scored from results, from check-ins and unscored");
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
