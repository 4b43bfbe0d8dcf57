package org.okrengine.retro;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Result;

/**
 * What every section needs of one cycle, read from the model's objects once: its bounds; for each key result
 * (objective by objective, in order) its objective, score and hit; and its check-ins as primitive columns. One per
 * accumulator, refilled for each cycle.
 */
final class CycleFacts {
  /*
   * The sections used to walk each key result's check-ins (objects: an Instant, a boxed confidence, a list) four
   * times over, each walk chasing the same pointers; the first walk paid the cache misses. Here they are read once,
   * in the order they lie in memory, into columns the sections then scan: epoch seconds and nanoseconds, the value,
   * the confidence already rounded to ten-thousandths. Only the blockers section goes back to the objects, and only
   * to the check-ins that name a blocker.
   */
  /** Scores are kept in millionths. */
  static final int SCORE_SCALE = 1_000_000;
  /** Confidence is kept in ten-thousandths. */
  static final int CONFIDENCE_SCALE = 10_000;
  /** Read in place of a missing confidence (the result is then dropped for -1). */
  private static final Double NO_CONFIDENCE = 0.0;
  /** In {@link #selfScores}: no self score. */
  static final long NO_SELF_SCORE = Long.MIN_VALUE;
  /** Self scores are clamped to +-this before they are summed. */
  static final double MAX_SELF_SCORE = 1e6;

  OkrCycle okrCycle;
  Cycle cycle;
  Span span;
  /** The number of key results; the per-key-result arrays below hold at least this many. */
  int size;
  KeyResult[] keyResults = new KeyResult[32];
  Objective[] objectives = new Objective[32];
  /** The score in millionths (0 to 1,000,000), or -1 when unscored. */
  int[] scores = new int[32];
  boolean[] hits = new boolean[32];
  /** The score {@link GroupAcc#pack packed} with the hit and the commitment, or -1 when unscored. */
  int[] packed = new int[32];
  /** Whether the final value came from {@code result.finalValue} (else the last check-in, or none). */
  boolean[] fromResult = new boolean[32];
  /** The result's self score in millionths, clamped to +-{@link #MAX_SELF_SCORE}, or {@link #NO_SELF_SCORE}. */
  long[] selfScores = new long[32];
  /**
   * Key result {@code i}'s check-ins that name a blocker are {@code blocked[blockedFrom[i]]} to
   * {@code blocked[blockedFrom[i + 1] - 1]}, as indices into the columns below.
   */
  int[] blockedFrom = new int[33];
  int[] blocked = new int[16];
  /** Key result {@code i}'s check-ins are {@code from[i]} to {@code from[i + 1] - 1} in the columns below. */
  int[] from = new int[33];
  long[] atSeconds = new long[256];
  int[] atNanos = new int[256];
  double[] values = new double[256];
  /** The confidence in ten-thousandths (0 to 10,000), or -1 when none was given. */
  int[] confidences = new int[256];

  /**
   * Key result {@code i}'s team as an index into {@link #teamIds}: teams are numbered in the order this object first
   * met them, so that the sections keep their per-team totals in arrays by that number, found without a look-up by
   * string (they still keep them in maps by id too, for merging and for the bytes).
   */
  int[] teams = new int[32];
  /** The ids of the teams met so far, by number; the first {@link #teamCount}. */
  String[] teamIds = new String[16];
  int teamCount;
  private final HashMap<String, Integer> teamNumbers = new HashMap<>();
  /** The last team id looked up and its number: neighbouring key results mostly share a team. */
  private String lastTeam;
  private int lastTeamNumber;

  /** The spans of recent cycles, by their hash: companies share quarters, and equal cycles have equal spans. */
  private final Span[] spans = new Span[256];

  /** Refills these facts with {@code okrCycle}'s. */
  void fill(OkrCycle okrCycle, boolean scoreFromLastCheckIn) {
    this.okrCycle = okrCycle;
    cycle = okrCycle.cycle();
    // the hash's high bits mixed in: the low bits of a cycle's hash differ little from one quarter to the next (40
    // quarters fell into 4 of 64 slots, so every cycle built its span again); 256 slots keep most of 40 quarters
    int h = cycle.hashCode() * 0x9E3779B9;
    int slot = (h ^ h >>> 16) & (spans.length - 1);
    span = spans[slot];
    if (span == null || !span.cycle.equals(cycle)) {
      span = new Span(cycle);
      spans[slot] = span;
    }
    size = 0;
    from[0] = 0;
    blockedFrom[0] = 0;
    for (Objective o : okrCycle.objectives()) {
      List<KeyResult> krs = o.keyResults();
      for (int i = 0; i < krs.size(); i++) {
        add(o, krs.get(i), scoreFromLastCheckIn);
      }
    }
  }

  private void add(Objective o, KeyResult kr, boolean scoreFromLastCheckIn) {
    if (size + 1 == from.length) {
      int n = size * 2;
      keyResults = Arrays.copyOf(keyResults, n);
      objectives = Arrays.copyOf(objectives, n);
      scores = Arrays.copyOf(scores, n);
      hits = Arrays.copyOf(hits, n);
      packed = Arrays.copyOf(packed, n);
      fromResult = Arrays.copyOf(fromResult, n);
      selfScores = Arrays.copyOf(selfScores, n);
      teams = Arrays.copyOf(teams, n);
      blockedFrom = Arrays.copyOf(blockedFrom, n + 1);
      from = Arrays.copyOf(from, n + 1);
    }
    List<CheckIn> checkIns = kr.checkIns();
    int first = from[size];
    int n = checkIns.size();
    if (first + n > atSeconds.length) {
      int length = Math.max(first + n, atSeconds.length * 2);
      atSeconds = Arrays.copyOf(atSeconds, length);
      atNanos = Arrays.copyOf(atNanos, length);
      values = Arrays.copyOf(values, length);
      confidences = Arrays.copyOf(confidences, length);
    }
    int blockers = blockedFrom[size];
    for (int c = 0; c < n; c++) {
      CheckIn ci = checkIns.get(c);
      Instant at = ci.at();
      atSeconds[first + c] = at.getEpochSecond();
      atNanos[first + c] = at.getNano();
      values[first + c] = ci.value();
      // half the check-ins have no confidence, in no order: reading a stand-in's value instead of branching around
      // the read lets the JIT select the result without a branch that would be mispredicted half the time
      Double confidence = ci.confidence();
      int rounded = (int) Math.round((confidence == null ? NO_CONFIDENCE : confidence) * CONFIDENCE_SCALE);
      confidences[first + c] = confidence == null ? -1 : rounded;
      if (!ci.blockers().isEmpty()) {
        if (blockers == blocked.length) {
          blocked = Arrays.copyOf(blocked, blockers * 2);
        }
        blocked[blockers++] = first + c;
      }
    }
    Result result = kr.result();
    double finalValue;
    if (result != null) {
      finalValue = result.finalValue();
    } else if (scoreFromLastCheckIn && n > 0) {
      finalValue = values[first + n - 1];
    } else {
      finalValue = Double.NaN;
    }
    int score = -1;
    boolean hit = false;
    if (!Double.isNaN(finalValue)) {
      Metric metric = kr.metric();
      score = (int) Math.round(metric.score(finalValue) * SCORE_SCALE);
      hit = metric.isMet(finalValue);
    }
    long self = NO_SELF_SCORE;
    if (result != null && result.selfScore() != null) {
      self = Math.round(Math.max(-MAX_SELF_SCORE, Math.min(MAX_SELF_SCORE, result.selfScore())) * SCORE_SCALE);
    }
    keyResults[size] = kr;
    objectives[size] = o;
    scores[size] = score;
    hits[size] = hit;
    packed[size] = GroupAcc.pack(score, hit, o.commitment());
    fromResult[size] = result != null;
    selfScores[size] = self;
    teams[size] = teamNumber(kr.team());
    size++;
    from[size] = first + n;
    blockedFrom[size] = blockers;
  }

  /** The number of team {@code id}, given it on first sight. */
  private int teamNumber(String id) {
    if (id == lastTeam) {
      return lastTeamNumber;
    }
    Integer number = teamNumbers.get(id);
    if (number == null) {
      number = teamCount;
      if (teamCount == teamIds.length) {
        teamIds = Arrays.copyOf(teamIds, teamCount * 2);
      }
      teamIds[teamCount++] = id;
      teamNumbers.put(id, number);
    }
    lastTeam = id;
    lastTeamNumber = number;
    return number;
  }

  /** {@code slots} made at least {@link #teamCount} long (the same array when it is). */
  <T> T[] teamSlots(T[] slots) {
    return slots.length >= teamCount ? slots : Arrays.copyOf(slots, Math.max(teamCount, slots.length * 2));
  }

  /** Drops the references to the last cycle. */
  void clear() {
    Arrays.fill(keyResults, 0, size, null);
    Arrays.fill(objectives, 0, size, null);
    okrCycle = null;
    cycle = null;
    span = null;
    lastTeam = null;
    size = 0;
  }
}
