package org.okrengine.retro;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanShape;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/** Hand-made cycles with known answers, and seeded random ones for the split tests. */
final class Fixtures {
  /** 2026-01-05 to 2026-04-05: 91 days, 13 weeks exactly. */
  static final Cycle A = Cycle.of("A", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 5));
  /** 2026-04-06 to 2026-07-05: 91 days, 13 weeks exactly. */
  static final Cycle B = Cycle.of("B", LocalDate.of(2026, 4, 6), LocalDate.of(2026, 7, 5));

  private Fixtures() {}

  /** A check-in {@code day} days after the start of {@code c}. */
  static CheckIn at(Cycle c, int day, double value, Double confidence, String... blockers) {
    return new CheckIn(c.startInstant().plusSeconds(day * 86_400L), value, confidence, null, List.of(blockers),
        null);
  }

  static KeyResult kr(String id, String team, String owner, double weight, List<String> tags, Metric metric,
      Result result, CheckIn... checkIns) {
    return new KeyResult(id, null, owner, team, weight, tags, metric, Plan.of(PlanShape.LINEAR),
        List.of(checkIns), result);
  }

  static Metric up(double target) {
    return Metric.of(0, target, "pts");
  }

  /**
   * Cycle A: team alpha (O1 committed: KR-1, KR-2; O2 aspirational: KR-3) and team beta with one objective (O3
   * committed: KR-4 without check-ins or result, KR-5 achieve without result).
   */
  static OkrCycle cycleA() {
    KeyResult kr1 = kr("KR-1", "alpha", "ann", 1, List.of("growth"), up(100), Result.of(100),
        at(A, 14, 15, 0.8, "hiring"), at(A, 28, 30, 0.8), at(A, 42, 45, 0.8), at(A, 56, 60, 0.8),
        at(A, 70, 75, 0.8), at(A, 84, 90, 0.8));
    KeyResult kr2 = kr("KR-2", "alpha", "bob", 1, List.of("growth", "cost"), up(100), new Result(45, 0.8),
        at(A, 14, 20, 0.9), at(A, 42, 45, 0.9, "legal"), at(A, 84, 45, null, "legal"));
    KeyResult kr3 = kr("KR-3", "alpha", "ann", 1, List.of(), up(10), Result.of(7));
    KeyResult kr4 = new KeyResult("KR-4", null, null, "beta", 1, List.of(), Metric.of(100, 50, null), null,
        List.of(), null);
    KeyResult kr5 = new KeyResult("KR-5", null, "cid", "beta", 1, List.of(), Metric.achieve(), null,
        List.of(at(A, 30, 0, null), at(A, 60, 1, 0.5)), null);
    return OkrCycle.of(A, List.of(new Team("alpha", "Alpha", null), new Team("beta", "Beta", null)), List.of(
        new Objective("O1", null, "alpha", "ann", null, Commitment.COMMITTED, List.of(kr1, kr2)),
        new Objective("O2", null, "alpha", "ann", null, Commitment.ASPIRATIONAL, List.of(kr3)),
        new Objective("O3", null, "beta", "cid", null, Commitment.COMMITTED, List.of(kr4, kr5))));
  }

  /** Cycle B: team alpha again (O4 committed: KR-6 back-loaded with weight 2, KR-7 flat, KR-8 regressing). */
  static OkrCycle cycleB() {
    KeyResult kr6 = kr("KR-6", "alpha", "ann", 2, List.of("growth"), up(100), Result.of(100),
        at(B, 28, 5, null), at(B, 56, 10, null), at(B, 77, 20, null));
    KeyResult kr7 = kr("KR-7", "alpha", "bob", 1, List.of(), up(100), Result.of(5),
        at(B, 28, 2, null, "budget"), at(B, 56, -3, null));
    KeyResult kr8 = kr("KR-8", "alpha", "bob", 1, List.of(), up(100), Result.of(10),
        at(B, 28, 50, null, "legal"), at(B, 56, 20, null, "legal"));
    return OkrCycle.of(B, List.of(new Team("alpha", "Alpha", null)), List.of(
        new Objective("O4", null, "alpha", "ann", null, Commitment.COMMITTED, List.of(kr6, kr7, kr8))));
  }

  /**
   * Cycle A with objectives that declare no commitment: team alpha (O1 undeclared: KR-1 1.0 tagged growth, KR-2 0.5,
   * KR-9 unscored; O3 committed: KR-3 1.0; O4 aspirational: KR-4 0.8) and team beta (O5 undeclared: KR-5 0.3 with
   * check-ins).
   */
  static OkrCycle undeclared() {
    Objective o1 = new Objective("O1", null, "alpha", null, null, null,
        List.of(kr("KR-1", "alpha", "ann", 1, List.of("growth"), up(100), Result.of(100)),
            kr("KR-2", "alpha", null, 1, List.of(), up(100), Result.of(50)),
            kr("KR-9", "alpha", null, 1, List.of(), up(100), null)));
    Objective o3 = new Objective("O3", null, "alpha", null, null, Commitment.COMMITTED,
        List.of(kr("KR-3", "alpha", "ann", 1, List.of("growth"), up(100), Result.of(100))));
    Objective o4 = new Objective("O4", null, "alpha", null, null, Commitment.ASPIRATIONAL,
        List.of(kr("KR-4", "alpha", null, 1, List.of(), up(100), Result.of(80))));
    Objective o5 = new Objective("O5", null, "beta", null, null, null,
        List.of(kr("KR-5", "beta", null, 1, List.of(), up(100), Result.of(30), at(A, 30, 10, 0.5),
            at(A, 60, 20, 0.5))));
    return OkrCycle.of(A, List.of(Team.of("alpha"), Team.of("beta")), List.of(o1, o3, o4, o5));
  }

  /** {@code n} random cycles of 1 to 6 key results, seeded. */
  static List<OkrCycle> random(long seed, int n) {
    Random r = new Random(seed);
    String[] teams = {"t0", "t1", "t2", "t3"};
    String[] tags = {"x", "y", "z"};
    String[] blockers = {"b0", "b1", "b2"};
    List<OkrCycle> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate start = LocalDate.of(2020, 1, 1).plusMonths(3L * r.nextInt(8));
      Cycle c = Cycle.of("C" + i % 13, start, start.plusDays(60 + r.nextInt(40)));
      List<Objective> objectives = new ArrayList<>();
      int krs = 1 + r.nextInt(6);
      List<KeyResult> list = new ArrayList<>();
      for (int k = 0; k < krs; k++) {
        String team = teams[r.nextInt(teams.length)];
        Direction d = Direction.values()[r.nextInt(Direction.values().length)];
        Metric m = d == Direction.ACHIEVE ? Metric.achieve()
            : d.isMaintain() ? new Metric(r.nextBoolean() ? null : 50.0, 40, d, "u")
            : new Metric(0.0, d == Direction.INCREASE ? 100 : -100, d, r.nextBoolean() ? "u" : null);
        List<CheckIn> cis = new ArrayList<>();
        int nc = r.nextInt(8);
        double v = 0;
        for (int j = 0; j < nc; j++) {
          v += (d == Direction.DECREASE ? -1 : 1) * (r.nextDouble() * 30 - 5);
          double value = d == Direction.ACHIEVE ? (r.nextDouble() < 0.3 ? 1 : 0) : Math.round(v * 100) / 100.0;
          Instant at = c.startInstant().plusSeconds((long) (j + 1) * 9 * 86_400 + r.nextInt(86_400));
          cis.add(new CheckIn(at, value, r.nextBoolean() ? Math.round(r.nextDouble() * 100) / 100.0 : null, null,
              r.nextInt(4) == 0 ? List.of(blockers[r.nextInt(blockers.length)]) : List.of(), null));
        }
        Result res = r.nextInt(5) == 0 ? null : new Result(d == Direction.ACHIEVE ? r.nextInt(2) : v + r.nextDouble()
            * 20, r.nextBoolean() ? Math.round(r.nextDouble() * 10) / 10.0 : null);
        list.add(new KeyResult("KR-" + k, null, r.nextBoolean() ? "o" + r.nextInt(3) : null, team, 1 + r.nextInt(2),
            List.of(tags[r.nextInt(tags.length)]), m, null, cis, res));
      }
      objectives.add(new Objective("O", null, "t0", null, null,
          r.nextBoolean() ? Commitment.COMMITTED : Commitment.ASPIRATIONAL, list));
      List<Team> ts = new ArrayList<>();
      for (String t : teams) {
        ts.add(Team.of(t));
      }
      out.add(OkrCycle.of(c, ts, objectives));
    }
    return out;
  }
}
