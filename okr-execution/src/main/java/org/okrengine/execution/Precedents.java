package org.okrengine.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.PrecedentSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "What has worked before in situations like this?": for a key result, the key results of earlier cycles that stood
 * where it stands now, how they ended, and what the ones that met their target had more often than the ones that
 * missed ({@link PrecedentSummary}). Only facts the history records are counted (named blockers gone, check-in
 * cadence, upstream milestones delivered, the owner's confidence), and figures are given only when at least
 * {@link PrecedentSummary#MIN_SIMILAR} earlier key results are similar; otherwise the sentence says there is not
 * enough history. Deterministic: the same history, cycle and instant give an equal summary. Immutable and thread-safe.
 *
 * <p>Work: {@link #of} keeps at most {@link #MAX_CASES} key results with an outcome (the first, in the order given;
 * the rest are counted in {@link #skipped()} and logged); each summary compares the key result with every kept one of
 * the same direction and unit once, so it costs time linear in the history kept.
 */
public final class Precedents {
  /*
   * Similar. Every earlier key result is looked at the same point of its own cycle as the key result asked about: the
   * same elapsed fraction f (so "week 8 of 13" meets week 8 of 13, and a sprint meets a quarter at the same share of
   * its time). Only key results of the same direction and unit (trimmed, case ignored) are compared, and only those
   * with an outcome (result.finalValue). Their distance (Situation holds the features):
   *
   *   d = w * sqrt((dGap / 0.10)^2 + (dTrend / 0.10)^2 + (dSilence / 0.10)^2)
   *
   * gap = progress minus planned progress at f (progress clamped to [-1, 2]; 0 without a check-in), trend = the gap's
   * change since f/2, silence = days since the latest check-in over the cycle's length; w = 0.5 for the same team,
   * 1 for another. Similar means d <= 1: within 10 points of gap, of trend and of silence (about 9 days of a quarter),
   * or twice that for the same team. A key result of the cycle asked about is never its own precedent: earlier key
   * results of a cycle with the same id are left out.
   *
   * Outcome: met = the final value meets the target (Metric.isMet). Interval: Wilson score at 90% (z = 1.6449), the
   * one okr plan gives, chosen over Jeffreys for its closed form; it keeps within [0, 1] and is not degenerate at 0
   * or n of n.
   */
  /** The most key results with an outcome kept from a history: 100,000. */
  public static final int MAX_CASES = 100_000;
  /** The nearest earlier key results a summary lists: 5. */
  public static final int MAX_NEAREST = 5;
  /** The similarity radius: the largest distance of a similar key result. */
  public static final double RADIUS = 1.0;
  /** The factor by which the distance of a key result of the same team is multiplied: 0.5. */
  public static final double SAME_TEAM_WEIGHT = 0.5;
  /** The scale of each feature: a difference this large alone makes a distance of 1. */
  static final double SCALE = 0.10;

  private static final Logger LOG = LoggerFactory.getLogger(Precedents.class);

  /** A similar earlier key result: its index in the cases and its distance. */
  private record Hit(int index, double distance) {}

  /** One earlier key result with an outcome. */
  private record Past(OkrCycle okr, KeyResult kr, String kind, boolean met, double finalProgress) {}

  private final List<Past> cases;
  private final long skipped;

  private Precedents(List<Past> cases, long skipped) {
    this.cases = cases;
    this.skipped = skipped;
  }

  /**
   * The precedents of {@code history}: its key results with an outcome ({@code result}), at most
   * {@link #MAX_CASES} of them, in the order given (cycles, then document order).
   *
   * @throws NullPointerException when {@code history} or a cycle in it is null
   */
  public static Precedents of(List<OkrCycle> history) {
    Objects.requireNonNull(history, "history must not be null");
    List<Past> cases = new ArrayList<>();
    long skipped = 0;
    for (OkrCycle okr : history) {
      Objects.requireNonNull(okr, "history must not hold null");
      for (KeyResult kr : okr.keyResults()) {
        if (kr.result() == null) {
          continue;
        }
        if (cases.size() >= MAX_CASES) {
          skipped++;
          continue;
        }
        Metric m = kr.metric();
        double fin = kr.result().finalValue();
        cases.add(new Past(okr, kr, kind(m), m.isMet(fin), m.progress(fin)));
      }
    }
    if (skipped > 0) {
      LOG.warn("history holds more than {} key results with an outcome; {} were left out", MAX_CASES, skipped);
    }
    return new Precedents(List.copyOf(cases), skipped);
  }

  /** The earlier key results with an outcome kept. */
  public int size() {
    return cases.size();
  }

  /** The key results with an outcome beyond {@link #MAX_CASES}, left out. */
  public long skipped() {
    return skipped;
  }

  /**
   * What happened to the earlier key results that stood where key result {@code keyResultId} of {@code cycle} stands
   * at {@code asOf} (at the same elapsed fraction of their own cycles), whatever its status.
   *
   * @throws IllegalArgumentException when {@code cycle} has no key result {@code keyResultId}
   */
  public PrecedentSummary find(OkrCycle cycle, String keyResultId, Instant asOf) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(asOf, "asOf must not be null");
    KeyResult kr = cycle.keyResult(keyResultId).orElseThrow(() -> new IllegalArgumentException(
        "keyResultId must name a key result of cycle " + cycle.cycle().id() + ": " + keyResultId));
    return find(cycle, kr, cycle.cycle().elapsedFraction(asOf), new double[cases.size()][]);
  }

  /**
   * {@code report} of {@code cycle} with the precedents of every key result that needs attention (at risk, off track
   * or stale); the other key results keep none.
   *
   * @throws IllegalArgumentException when the report is not of {@code cycle} (another id, or a key result it lacks)
   */
  public CycleReport addTo(OkrCycle cycle, CycleReport report) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(report, "report must not be null");
    if (!report.cycleId().equals(cycle.cycle().id())) {
      throw new IllegalArgumentException("report must be of cycle " + cycle.cycle().id() + ": " + report.cycleId());
    }
    double f = cycle.cycle().elapsedFraction(report.asOf());
    double[][] memo = new double[cases.size()][];
    List<KeyResultReport> rows = new ArrayList<>(report.keyResults().size());
    for (KeyResultReport row : report.keyResults()) {
      if (!row.status().needsAttention()) {
        rows.add(row);
        continue;
      }
      KeyResult kr = cycle.keyResult(row.id()).orElseThrow(() -> new IllegalArgumentException(
          "report must be of cycle " + cycle.cycle().id() + ": it has no key result " + row.id()));
      rows.add(row.withPrecedents(find(cycle, kr, f, memo)));
    }
    return new CycleReport(report.cycleId(), report.asOf(), rows, report.cascades(), report.escalations(),
        report.sourceHealth(), report.objectives(), report.summary(), report.model(), report.escalationGroups(),
        report.teams(), report.changes());
  }

  private static String kind(Metric m) {
    String unit = m.unit() == null ? "" : m.unit().strip().toLowerCase(Locale.ROOT);
    return m.direction().jsonName() + "|" + unit;
  }

  /** The summary at fraction {@code f}; {@code memo[i]} caches case i's features at {@code f}. */
  private PrecedentSummary find(OkrCycle cycle, KeyResult kr, double f, double[][] memo) {
    double[] here = Situation.features(cycle.cycle(), kr, f);
    String kind = kind(kr.metric());
    String cycleId = cycle.cycle().id();
    int pool = 0;
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Past p = cases.get(i);
      if (!p.kind().equals(kind) || p.okr().cycle().id().equals(cycleId)) {
        continue;
      }
      pool++;
      if (memo[i] == null) {
        memo[i] = Situation.features(p.okr().cycle(), p.kr(), f);
      }
      double d = distance(here, memo[i], p.kr().team().equals(kr.team()));
      if (d <= RADIUS) {
        hits.add(new Hit(i, d));
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::distance).thenComparingInt(Hit::index));
    int similar = hits.size();
    int sameTeam = 0;
    int recovered = 0;
    int[][] factorCounts = new int[Situation.FACTORS.size()][2];
    List<Double> missedProgress = new ArrayList<>();
    List<PrecedentSummary.Case> nearest = new ArrayList<>();
    for (Hit h : hits) {
      Past p = cases.get(h.index());
      if (p.kr().team().equals(kr.team())) {
        sameTeam++;
      }
      if (p.met()) {
        recovered++;
      } else {
        missedProgress.add(p.finalProgress());
      }
      boolean[] has = Situation.factors(p.okr(), p.kr(), f);
      for (int k = 0; k < has.length; k++) {
        if (has[k]) {
          factorCounts[k][p.met() ? 0 : 1]++;
        }
      }
      if (nearest.size() < MAX_NEAREST) {
        nearest.add(new PrecedentSummary.Case(p.okr().cycle().id(), p.kr().id(), p.kr().team(), h.distance(),
            p.met(), p.finalProgress()));
      }
    }
    Cycle c = cycle.cycle();
    if (similar < PrecedentSummary.MIN_SIMILAR) {
      return new PrecedentSummary(f, pool, similar, sameTeam, null, null, null, null, List.of(), nearest,
          PrecedentSentences.notEnough(c, kr, f, pool, similar));
    }
    double[] ci = wilson(recovered, similar);
    Double median = missedProgress.isEmpty() ? null : median(missedProgress);
    List<PrecedentSummary.Factor> factors = new ArrayList<>();
    for (int k = 0; k < factorCounts.length; k++) {
      factors.add(new PrecedentSummary.Factor(Situation.FACTORS.get(k), factorCounts[k][0], factorCounts[k][1]));
    }
    String sentence = PrecedentSentences.enough(c, f, here[0], similar, sameTeam, recovered, ci, median, factors);
    return new PrecedentSummary(f, pool, similar, sameTeam, recovered, ci[0], ci[1], median, factors, nearest,
        sentence);
  }

  /** The distance between two feature vectors ({@link Situation#features}). */
  static double distance(double[] a, double[] b, boolean sameTeam) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double z = (a[k] - b[k]) / SCALE;
      s += z * z;
    }
    return (sameTeam ? SAME_TEAM_WEIGHT : 1.0) * Math.sqrt(s);
  }

  /**
   * The 90% Wilson score interval of {@code x} successes in {@code n} trials, as {@code okr plan} gives it
   * ({@link TargetRealism.Counts}): (x + z^2/2 -+ z * sqrt(x(n-x)/n + z^2/4)) / (n + z^2), z = 1.6449; exactly 0 at
   * x = 0 and 1 at x = n; {0, 1} when n is 0.
   */
  static double[] wilson(int x, int n) {
    if (n == 0) {
      return new double[] {0.0, 1.0};
    }
    TargetRealism.Counts c = TargetRealism.Counts.of(n, x);
    return new double[] {c.low(), c.high()};
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
