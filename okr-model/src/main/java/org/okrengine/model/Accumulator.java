package org.okrengine.model;

/**
 * Running totals of a batch computation over many items (cycles) that split, travel and merge exactly: feed each part
 * of the input to its own accumulator ({@link #add}), combine them in any order and any tree ({@link #merge}, or
 * {@link #mergeBytes} for an accumulator of another process), then take the {@link #report}. The same items give
 * the same report however they were split. The backtest ({@code Backtest.Accumulator}) and the retrospective
 * ({@code Retrospective.Accumulator}) implement it; a distributed engine runs either through this contract alone
 * (a backtest that detects when its results were taken decides that first, over all the items, and is then given it:
 * {@code ResultTimingEvidence}, whose parts add up, and {@code Backtest.withResultTiming}).
 *
 * <p>Every implementation also has a static {@code fromBytes(byte[])}: a new accumulator holding what the bytes hold,
 * with the settings written in them. {@link #toBytes} writes every setting that decides what {@link #add} and
 * {@link #report} compute (an accumulator's bytes are its whole configuration), so another process needs nothing
 * but the bytes of an empty accumulator to compute exactly what this one would.
 *
 * <p>Implementations are mutable and not thread-safe: use one per thread or partition, then merge.
 *
 * @param <T> what is added (a cycle)
 * @param <R> the report
 * @param <A> the implementing type itself
 */
public interface Accumulator<T, R, A extends Accumulator<T, R, A>> {
  /**
   * Adds one item.
   *
   * @return this accumulator
   */
  A add(T item);

  /**
   * Adds everything {@code other} has seen.
   *
   * @return this accumulator
   * @throws IllegalArgumentException when {@code other} has other settings
   */
  A merge(A other);

  /**
   * Everything this accumulator has seen, with its settings, in the implementation's explicit, versioned byte format
   * (never Java serialisation). Accumulators with the same settings that have seen the same items write the same
   * bytes, whatever order they were added and merged in.
   */
  byte[] toBytes();

  /**
   * Adds everything an accumulator written by {@link #toBytes} had seen; its settings must be this one's. The bytes
   * are read in full before anything is added: refused bytes leave this accumulator unchanged.
   *
   * @return this accumulator
   * @throws IllegalArgumentException when the bytes are not of this kind, of another format version, corrupt, or of
   *     other settings, naming which
   */
  A mergeBytes(byte[] bytes);

  /** The report of everything seen so far; the accumulator stays usable. */
  R report();
}
