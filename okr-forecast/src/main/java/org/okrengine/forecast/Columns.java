package org.okrengine.forecast;

import static org.okrengine.forecast.Kernel.*;

import java.lang.ref.SoftReference;

/**
 * The figures of many key results, a column per slot (struct of arrays), so that the stages of the plan-prior
 * method run as short loops over the columns that the JIT compiles to vector instructions. The inputs are read
 * from the caller's arrays; a single forecast keeps them in the input columns (LENGTH, AS_OF, BASELINE, TARGET)
 * and {@link #offsets}. Mutable: one per thread. (Part of the kernel: {@link Kernel}.)
 */
final class Columns {
  final double[][] col;
  final int[] offsets;
  /** The key results of a run whose predictive needs its rare step (PlanPriorStages.predictive), by index. */
  final int[] rare;
  /** One key result's slots, for the methods that run key result by key result. */
  final double[] slots = new double[SLOTS];
  /**
   * Whether the last {@link Kernel#outcomeX} took every outcome at the end (its OUTCOME_X column then left as it was:
   * read {@link #outcomeX(int)}).
   */
  boolean outcomeAtEnd = true;

  /** Entry {@code j}'s cycle fraction of the outcome ({@link Kernel#outcomeX}). */
  double outcomeX(int j) {
    return outcomeAtEnd ? 1.0 : col[OUTCOME_X][j];
  }

  Columns(int capacity) {
    col = new double[COLUMNS][capacity];
    offsets = new int[capacity + 1];
    rare = new int[capacity];
  }

  /**
   * The flags every method shares for entry {@code j}, after {@link Kernel#common} ({@link Kernel#commonFlags});
   * the required rate set to 0 where there is none, and no completion yet (-1).
   */
  int commonFlags(int j) {
    double[][] c = col;
    int f = Kernel.commonFlags(c[COUNT][j], c[FIRST_MET_X][j], c[LAST_X][j], c[REMAINING][j], c[LAST_Y][j]);
    if ((f & HAS_REQUIRED) == 0) {
      c[REQUIRED][j] = 0;
    }
    c[COMPLETION][j] = -1;
    c[COMPLETION_85][j] = -1;
    return f;
  }

  /** Growable room for the check-ins of a replay's prefixes laid end to end. */
  double[] times = new double[0];
  double[] values = new double[0];

  private static final ThreadLocal<SoftReference<Columns>> SINGLE = new ThreadLocal<>();
  private static final ThreadLocal<SoftReference<Columns>> CHUNK_COLUMNS = new ThreadLocal<>();

  /**
   * This thread's columns for one key result, reused from one forecast to the next (softly held, as Jackson holds
   * its buffers, so that a class loader can still be collected).
   */
  static Columns single() {
    return reuse(SINGLE, 1);
  }

  /** This thread's columns for {@link #CHUNK} key results, reused likewise; not to be used by two callers at once. */
  static Columns chunk() {
    return reuse(CHUNK_COLUMNS, CHUNK);
  }

  private static Columns reuse(ThreadLocal<SoftReference<Columns>> local, int capacity) {
    SoftReference<Columns> ref = local.get();
    Columns c = ref == null ? null : ref.get();
    if (c == null) {
      c = new Columns(capacity);
      local.set(new SoftReference<>(c));
    }
    return c;
  }

  /** Makes room for {@code points} check-ins in {@link #times} and {@link #values}. */
  void ensurePoints(int points) {
    if (times.length < points) {
      times = new double[Math.max(points, 2 * times.length)];
      values = new double[times.length];
    }
  }

  /** Entry {@code j} of the scanned and common columns (the slots the methods read) into {@link #slots}. */
  void toSlots(int j) {
    double[][] c = col;
    double[] s = slots;
    s[LAST_X] = c[LAST_X][j];
    s[LAST_Y] = c[LAST_Y][j];
    s[SUM_S] = c[SUM_S][j];
    s[SUM_SQUARES] = c[SUM_SQUARES][j];
    s[INCREMENTS] = c[INCREMENTS][j];
    s[FIRST_MET_X] = c[FIRST_MET_X][j];
    s[BACKWARD] = c[BACKWARD][j];
    s[COUNT] = c[COUNT][j];
    s[INV_LENGTH] = c[INV_LENGTH][j];
    s[INV_HALF_SPAN] = c[INV_HALF_SPAN][j];
    s[RATE] = c[RATE][j];
    s[REQUIRED] = c[REQUIRED][j];
    s[FLAGS] = c[FLAGS][j];
    s[COMPLETION] = c[COMPLETION][j];
    s[COMPLETION_85] = c[COMPLETION_85][j];
  }

  /** A method's results in {@link #slots} into entry {@code j} of the columns. */
  void fromSlots(int j) {
    double[][] c = col;
    double[] s = slots;
    c[MEAN][j] = s[MEAN];
    c[LOW][j] = s[LOW];
    c[HIGH][j] = s[HIGH];
    c[PROBABILITY][j] = s[PROBABILITY];
    c[RATE][j] = s[RATE];
    c[REQUIRED][j] = s[REQUIRED];
    c[COMPLETION][j] = s[COMPLETION];
    c[COMPLETION_85][j] = s[COMPLETION_85];
    c[FLAGS][j] = s[FLAGS];
    c[SCALE][j] = s[SCALE];
    c[DF][j] = s[DF];
  }
}
