package org.okrengine.spark;

import java.io.Serializable;
import org.okrengine.model.OkrCycle;

/** What one partition (or a merge of several) found: the accumulator's bytes and counts of lines. */
final class Partial implements Serializable {
  private static final long serialVersionUID = 2L;

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

  static Partial empty(Kernel<?, ?> kernel) {
    return new Partial(kernel.empty(), 0, 0, 0, 0);
  }

  static <A extends org.okrengine.model.Accumulator<OkrCycle, R, A>, R> Partial merge(Kernel<A, R> kernel, Partial a,
      Partial b) {
    byte[] state = kernel.fromBytes(a.state).mergeBytes(b.state).toBytes();
    return new Partial(state, a.lines + b.lines, a.cycles + b.cycles, a.rejected + b.rejected,
        a.warnings + b.warnings);
  }
}
