package org.okrengine.spark;

import java.io.Serializable;
import org.okrengine.model.OkrCycle;

/**
 * What a job computes, in the form a cluster needs: an accumulator per partition, fed the partition's cycles, shipped
 * as bytes and merged (exactly, so in any order and any tree of merges), then the report. Serializable: the settings
 * travel to the executors, each builds its own accumulators there.
 *
 * @param <A> the accumulator
 * @param <R> the report
 */
interface Kernel<A, R> extends Serializable {
  A newAccumulator();

  void add(A acc, OkrCycle cycle);

  byte[] toBytes(A acc);

  void mergeBytes(A acc, byte[] bytes);

  R report(A acc);

  /** The report's JSON, byte for byte what the okr command writes. */
  String json(R report);

  /** A short name for the summary and the application ({@code backtest}, {@code retro}). */
  String name();
}
