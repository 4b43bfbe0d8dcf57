package org.okrengine.spark;

import java.io.Serializable;
import org.okrengine.model.Accumulator;
import org.okrengine.model.OkrCycle;

/**
 * What a job computes, in the form a cluster needs: the bytes of an empty accumulator (which carry every setting of
 * the backtest or retrospective, so nothing is rebuilt from defaults on an executor), the accumulator's
 * {@code fromBytes}, and the report's JSON. Each partition rebuilds an accumulator from the bytes, adds its cycles and
 * ships its bytes; they merge exactly, in any order and any tree of merges. Serializable: only these bytes travel.
 *
 * @param <A> the accumulator
 * @param <R> the report
 */
interface Kernel<A extends Accumulator<OkrCycle, R, A>, R> extends Serializable {
  /** The bytes of an empty accumulator with the job's settings. */
  byte[] empty();

  /** A new accumulator holding what {@code bytes} hold, settings and all. */
  A fromBytes(byte[] bytes);

  /** The report's JSON, byte for byte what the okr command writes. */
  String json(R report);

  /** A short name for the summary and the application ({@code backtest}, {@code retro}). */
  String name();

  /** The merged accumulator's report as the job gives it (what the driver knew before the run added; as is here). */
  default R finish(R report) {
    return report;
  }
}
