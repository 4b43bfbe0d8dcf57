package org.okrengine.retro;

/**
 * One section of a retrospective's running totals (completion, calibration, cadence, ...). The
 * {@link Retrospective.Accumulator} hands every cycle to each section, merges them section by section and assembles
 * the report from their parts. Every figure is an integer count or sum, or a multiset whose median does not depend on
 * order, so sections of any split of the input merge into exactly the same report. Mutable; not thread-safe.
 *
 * @param <S> the section's own type, which it merges with
 */
interface Section<S extends Section<S>> extends java.io.Serializable {
  /** Adds the key results of one cycle. */
  void add(CycleFacts cycle);

  /** Adds everything {@code other}, a section of a retrospective with the same settings, has seen. */
  void merge(S other);

  /** Puts this section's part of the report into {@code report}. */
  void report(ReportParts report);
}
