package org.okrengine.retro;

/**
 * One section of a retrospective's running totals (completion, calibration, cadence, ...). The
 * {@link Retrospective.Accumulator} hands every cycle to each section, merges them section by section, writes and
 * reads each as its part of the bytes ({@link RetroBytes}) and assembles the report from their parts. Every figure
 * is an integer count or sum, or a multiset whose median does not depend on order, so sections of any split of the
 * input merge into exactly the same report. Mutable; not thread-safe.
 *
 * @param <S> the section's own type, which it merges with
 */
interface Section<S extends Section<S>> {
  /** Adds the key results of one cycle. */
  void add(CycleFacts cycle);

  /** Adds everything {@code other}, a section of a retrospective with the same settings, has seen. */
  void merge(S other);

  /** Writes everything this section has seen; equal sections write equal bytes (maps by key, multisets sorted). */
  void write(ByteWriter out);

  /**
   * Reads what {@link #write} wrote into this empty section, checking every count and length.
   *
   * @throws IllegalArgumentException naming the first field that does not fit
   */
  void read(ByteReader in);

  /** Puts this section's part of the report into {@code report}. */
  void report(ReportParts report);
}
