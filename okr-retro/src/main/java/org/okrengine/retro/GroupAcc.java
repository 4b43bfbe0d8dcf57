package org.okrengine.retro;

import static org.okrengine.retro.CycleFacts.SCORE_SCALE;

import java.util.List;
import org.okrengine.model.Commitment;

/** The completion totals of one group of key results (a team, a tag, a shape, ...): {@link GroupStats}. */
final class GroupAcc {
  /*
   * A group keeps its key results' count and, for each scored one, one int: the score in millionths shifted left by
   * two, whether it hit in bit 1 and whether its objective is committed in bit 0 (see pack). Every other figure
   * (hits, the mean, the bands, the commitments met) is counted from these ints when the report is taken, in one pass,
   * and the median score is the median of the ints shifted back: the shift keeps their order by score. A key result
   * costs each of the nine or so groups it belongs to one int appended, rather than a dozen counters updated.
   *
   * A key result of an objective that declares no commitment (Objective.commitmentDeclared) is packed as committed, as
   * the engine treats it, and counted in undeclared besides (and in undeclaredFull where it scores 1.0): the report
   * takes them out of the committed figures. Bytes written before these counts existed have none: their undeclared
   * key results stay counted as committed.
   */
  /** The fewest bytes a group takes in an accumulator's bytes: its count and its scores' count. */
  static final int MIN_BYTES = 8 + 4;
  /** The largest packed score: 1.0, hit, committed. */
  static final int MAX_PACKED = SCORE_SCALE << 2 | 3;
  private static final int LOW = 400_000;
  private static final int HIGH = 700_000;

  long keyResults;
  /** The scored key results, packed. */
  final IntList scores = new IntList();
  /** Of the scored key results, those of objectives that declare no commitment (packed as committed). */
  long undeclared;
  /** Of those, the ones scoring 1.0. */
  long undeclaredFull;

  /** A score of {@code score} millionths (0 to 1,000,000, or -1 when unscored), packed for {@link #add}; -1 stays. */
  static int pack(int score, boolean hit, Commitment commitment) {
    return score < 0 ? -1 : score << 2 | (hit ? 2 : 0) | (commitment == Commitment.COMMITTED ? 1 : 0);
  }

  /** Adds a key result with the {@link #pack packed} score {@code packed} (-1 when unscored) of a declared commitment. */
  void add(int packed) {
    keyResults++;
    if (packed >= 0) {
      scores.add(packed);
    }
  }

  /**
   * Adds a key result with the {@link #pack packed} score {@code packed} (-1 when unscored); {@code undeclared} when
   * its objective declares no commitment (packed as committed).
   */
  void add(int packed, boolean undeclared) {
    add(packed);
    if (undeclared && packed >= 0) {
      this.undeclared++;
      undeclaredFull += packed >>> 2 == SCORE_SCALE ? 1 : 0;
    }
  }

  void merge(GroupAcc o) {
    keyResults += o.keyResults;
    scores.addAll(o.scores);
    undeclared += o.undeclared;
    undeclaredFull += o.undeclaredFull;
  }

  /** The figures of this group, named {@code key}; its median in {@code r}'s scratch. */
  GroupStats stats(String key, ReportParts r) {
    int n = scores.size();
    int[] v = scores.array();
    // simple loops of int sums over the packed scores, which the JIT turns into vector instructions; without
    // branches (scores are random, branches on them mispredicted): for 0 <= a, b < 2^31, (a - b) >>> 31 is 1 when
    // a < b, else 0
    int hits = 0;
    int committed = 0;
    int low = 0;
    int high = 0;
    int committedMet = 0;
    int aspirationalMet = 0;
    for (int i = 0; i < n; i++) {
      int x = v[i];
      int score = x >>> 2;
      int c = x & 1;
      int isHigh = (HIGH - 1 - score) >>> 31;
      hits += (x >>> 1) & 1;
      committed += c;
      low += (score - LOW) >>> 31;
      high += isHigh;
      committedMet += c & ((SCORE_SCALE - 1 - score) >>> 31);
      aspirationalMet += (c ^ 1) & isHigh;
    }
    long sum = 0;
    long aspirationalSum = 0;
    for (int i = 0; i < n; i++) {
      int x = v[i];
      sum += x >>> 2;
      aspirationalSum += (x >>> 2) & ((x & 1) - 1); // the score when bit 0 is clear, else 0
    }
    long aspirational = n - committed;
    // undeclared key results are packed as committed: out of the committed figures, counted apart
    return new GroupStats(key, keyResults, n, hits, Figures.ratio(hits, n), Figures.mean(sum, n, SCORE_SCALE),
        scores.median(SCORE_SCALE, 2, r.scratch(n)), low, n - low - high, high, committed - undeclared,
        committedMet - undeclaredFull, aspirational, aspirationalMet,
        Figures.mean(aspirationalSum, aspirational, SCORE_SCALE), undeclared);
  }

  void write(ByteWriter out) {
    out.writeLong(keyResults);
    scores.write(out);
  }

  /** A group read from what {@link #write} wrote. */
  static GroupAcc readNew(ByteReader in, String what) {
    GroupAcc g = new GroupAcc();
    g.read(in, what);
    return g;
  }

  /**
   * After a section's groups, where one of {@code groups} (in the order they were written) has undeclared key results:
   * a byte 1, then each one's undeclared counts in that order; nothing where none has, so that the bytes are those
   * written before the counts existed.
   */
  static void writeUndeclared(ByteWriter out, List<GroupAcc> groups) {
    boolean any = false;
    for (GroupAcc g : groups) {
      any |= g.undeclared > 0;
    }
    if (any) {
      out.writeByte(1);
      for (GroupAcc g : groups) {
        g.writeUndeclared(out);
      }
    }
  }

  /**
   * Reads what {@link #writeUndeclared(ByteWriter, List)} wrote, if anything, into {@code groups} as read; {@code
   * whats} names them, {@code section} their section. Bytes written before the counts existed have none: their
   * undeclared key results stay counted as committed.
   */
  static void readUndeclared(ByteReader in, List<GroupAcc> groups, List<String> whats, String section) {
    if (in.position() == in.limit()) {
      return;
    }
    in.check(in.readByte() == 1, section + ": the byte after the groups must be 1 (their undeclared counts follow)");
    boolean any = false;
    for (int i = 0; i < groups.size(); i++) {
      groups.get(i).readUndeclared(in, whats.get(i));
      any |= groups.get(i).undeclared > 0;
    }
    in.check(any, section + ": undeclared counts are written only where a group has some");
  }

  /** Writes the undeclared counts, after every group's {@link #write} (RetroBytes). */
  void writeUndeclared(ByteWriter out) {
    out.writeLong(undeclared);
    out.writeLong(undeclaredFull);
  }

  /**
   * Reads what {@link #writeUndeclared} wrote into this group read by {@link #read}: no more than its scores packed
   * as committed, scoring 1.0 and below it.
   */
  void readUndeclared(ByteReader in, String what) {
    long u = in.readCount(what + " undeclared");
    long full = in.readCount(what + " undeclared scoring 1.0");
    int[] v = scores.array();
    long committedFull = 0;
    long committed = 0;
    for (int i = 0; i < scores.size(); i++) {
      committed += v[i] & 1;
      committedFull += (v[i] & 1) == 1 && v[i] >>> 2 == SCORE_SCALE ? 1 : 0;
    }
    in.check(full <= u && full <= committedFull && u - full <= committed - committedFull, what + " has "
        + u + " undeclared key results, " + full + " of them scoring 1.0, beyond its " + committed + " scores packed "
        + "as committed, " + committedFull + " of them 1.0");
    undeclared = u;
    undeclaredFull = full;
  }

  /** Reads what {@link #write} wrote into this empty group. */
  void read(ByteReader in, String what) {
    keyResults = in.readCount(what + " keyResults");
    scores.read(in, what + " scores", 0, MAX_PACKED);
    in.check(scores.size() <= keyResults, what + " has more scores than key results");
  }
}
