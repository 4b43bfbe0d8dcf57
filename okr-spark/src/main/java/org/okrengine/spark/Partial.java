package org.okrengine.spark;

import java.io.Serializable;

/** What one partition (or a merge of several) found: the accumulator's bytes and counts of lines. */
final class Partial implements Serializable {
  private static final long serialVersionUID = 1L;

  final byte[] state;
  final long lines;
  final long cycles;
  final long rejected;
  final long warnings;

  Partial(byte[] state, long lines, long cycles, long rejected, long warnings) {
    this.state = state;
    this.lines = lines;
    this.cycles = cycles;
    this.rejected = rejected;
    this.warnings = warnings;
  }

  static <A> Partial empty(Kernel<A, ?> kernel) {
    return new Partial(kernel.toBytes(kernel.newAccumulator()), 0, 0, 0, 0);
  }

  static <A> Partial merge(Kernel<A, ?> kernel, Partial a, Partial b) {
    A acc = kernel.newAccumulator();
    kernel.mergeBytes(acc, a.state);
    kernel.mergeBytes(acc, b.state);
    return new Partial(kernel.toBytes(acc), a.lines + b.lines, a.cycles + b.cycles, a.rejected + b.rejected,
        a.warnings + b.warnings);
  }
}
