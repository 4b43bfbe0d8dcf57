package org.okrengine.retro;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The rules that turn a retrospective's figures into recommendations, each with the numbers that triggered it. */
final class Recommendations {
  /** A team needs at least this many scored key results to be judged. */
  static final int MIN_TEAM_KEY_RESULTS = 2;
  /** A team hitting fewer than this share of its key results gets a recommendation. */
  static final double LOW_HIT_RATE = 0.5;
  /** ... and whose median score is below this (outside the 0.7-1.0 band). */
  static final double LOW_MEDIAN = 0.7;
  /** At most this many teams get their own recommendation, worst median score first. */
  static final int MAX_TEAMS = 5;
  /** A median gap between check-ins longer than this many days is too slow. */
  static final double SLOW_CADENCE_DAYS = 10;
  /** Aspirational objectives averaging at least this were not bold enough. */
  static final double TIMID_ASPIRATIONAL = 0.85;
  /** Aspirational objectives averaging below this were out of reach. */
  static final double UNREACHABLE_ASPIRATIONAL = 0.4;
  /** Committed objectives should meet their expectation at least this often. */
  static final double COMMITTED_MET = 0.8;
  /** Confidence off the hit rate by this much or more (over at least 5 check-ins) is miscalibrated. */
  static final double MISCALIBRATED = 0.2;
  static final int MIN_CONFIDENCE_CHECK_INS = 5;
  /** Self scores above the results' scores by this much or more are inflated. */
  static final double INFLATED = 0.2;
  /** A blocker on at least 2 key results that missed at least half the time. */
  static final double BLOCKER_MISS_RATE = 0.5;
  static final int MAX_BLOCKERS = 3;
  /** Flags are worth acting on where a hit is flagged at most this share as often as a miss ({@link #separates}). */
  static final double SEPARATION = 0.5;
  /** At least this many key results of one bad shape. */
  static final int MIN_SHAPE = 2;

  private Recommendations() {}

  /**
   * The recommendations; {@code teamNames} names each team in the messages by id ({@link RetroReport#teamLabels()}:
   * the tables' names), a team missing from it by its id.
   */
  static List<Recommendation> of(Map<String, String> teamNames, Map<String, GroupStats> byTeam,
      List<ObjectiveStats> objectives, List<CalibrationStats> calibration, List<CadenceStats> cadence,
      List<GroupStats> shapes, List<BlockerStats> blockers, ForecastAccountability forecasts) {
    return of(teamNames, byTeam, objectives, calibration, cadence, shapes, blockers, forecasts, true);
  }

  /**
   * The recommendations, as above; {@code scoresFromLastCheckIn} says why a team's unscored key results are
   * ({@link Retrospective#scoresFromLastCheckIn}): they never checked in (true), or have no result (false).
   */
  static List<Recommendation> of(Map<String, String> teamNames, Map<String, GroupStats> byTeam,
      List<ObjectiveStats> objectives, List<CalibrationStats> calibration, List<CadenceStats> cadence,
      List<GroupStats> shapes, List<BlockerStats> blockers, ForecastAccountability forecasts,
      boolean scoresFromLastCheckIn) {
    return of(teamNames, byTeam, objectives, calibration, cadence, shapes, blockers, forecasts, scoresFromLastCheckIn,
        Map.of());
  }

  /**
   * The recommendations, as above; {@code agreedCheckInDays} gives a team's agreed check-in cadence in days (the
   * cycles' {@code checkInEveryDays}) where it has one: a struggling team is measured against it and asked to keep to
   * it, and a team without one against {@value #SLOW_CADENCE_DAYS} days and asked to check in weekly.
   */
  static List<Recommendation> of(Map<String, String> teamNames, Map<String, GroupStats> byTeam,
      List<ObjectiveStats> objectives, List<CalibrationStats> calibration, List<CadenceStats> cadence,
      List<GroupStats> shapes, List<BlockerStats> blockers, ForecastAccountability forecasts,
      boolean scoresFromLastCheckIn, Map<String, Double> agreedCheckInDays) {
    List<Recommendation> out = new ArrayList<>();
    List<GroupStats> struggling = new ArrayList<>();
    for (GroupStats t : byTeam.values()) {
      if (t.scored() >= MIN_TEAM_KEY_RESULTS && t.hitRate() < LOW_HIT_RATE && t.medianScore() < LOW_MEDIAN) {
        struggling.add(t);
      }
    }
    struggling.sort(Comparator.comparing(GroupStats::medianScore).thenComparing(GroupStats::key));
    for (int i = 0; i < struggling.size() && i < MAX_TEAMS; i++) {
      GroupStats t = struggling.get(i);
      String name = teamNames.getOrDefault(t.key(), t.key());
      CadenceStats c = find(cadence, t.key());
      Double gap = c == null ? null : c.medianGapDays();
      long unscored = t.keyResults() - t.scored();
      // a team's unscored key results are said, not hidden: "hit 1 of 3 KRs" read as if it had 3 where it had 4
      String head = unscored == 0
          ? String.format(Locale.ROOT, "%s hit %d of %d KRs, median score %.2f", name, t.hits(), t.scored(),
              t.medianScore())
          : String.format(Locale.ROOT, "%s hit %d of %d scored KRs (%d more %s), median score %.2f", name, t.hits(),
              t.scored(), unscored, scoresFromLastCheckIn ? "never checked in" : "without a result", t.medianScore());
      List<Evidence> ev = new ArrayList<>(List.of(new Evidence("hits", t.hits()),
          new Evidence("scored", t.scored()), new Evidence("medianScore", t.medianScore())));
      if (unscored > 0) {
        ev.add(new Evidence("unscored", unscored));
      }
      Double agreed = agreedCheckInDays.get(t.key());
      if (agreed != null) {
        ev.add(new Evidence("agreedCheckInEveryDays", agreed));
      }
      if (agreed != null && (gap == null || gap > agreed)) {
        if (gap != null) {
          ev.add(new Evidence("medianGapDays", gap));
        }
        out.add(new Recommendation("keep-agreed-cadence", t.key(), head + (gap == null
            ? String.format(Locale.ROOT, ", and checked in less than twice per KR against every %s days agreed",
                days(agreed))
            : String.format(Locale.ROOT, ", and checked in every %.0f days against the %s agreed", gap, days(agreed)))
            + ": keep to the agreed rhythm.", ev));
      } else if (gap == null) {
        out.add(new Recommendation("check-in-weekly", t.key(),
            head + ", and checked in less than twice per KR: move to weekly check-ins.", ev));
      } else if (agreed == null && gap > SLOW_CADENCE_DAYS) {
        ev.add(new Evidence("medianGapDays", gap));
        out.add(new Recommendation("check-in-weekly", t.key(), head
            + String.format(Locale.ROOT, ", and checked in every %.0f days: move to weekly check-ins.", gap), ev));
      } else {
        ev.add(new Evidence("medianGapDays", gap));
        out.add(new Recommendation("reduce-scope", t.key(), head + String.format(Locale.ROOT,
            " while checking in every %.0f days: set fewer or smaller targets and find what blocked them.", gap),
            ev));
      }
    }
    if (struggling.size() > MAX_TEAMS) {
      int more = struggling.size() - MAX_TEAMS;
      out.add(new Recommendation("more-teams", null, String.format(Locale.ROOT,
          "%d more %s with a median score below %.2f: see the completion by team.", more,
          more == 1 ? "team hit fewer than half of its KRs" : "teams hit fewer than half of their KRs", LOW_MEDIAN),
          List.of(new Evidence("teams", more))));
    }
    for (ObjectiveStats o : objectives) {
      if (o.scored() == 0) {
        continue;
      }
      if (o.commitment().equals("aspirational")) {
        List<Evidence> ev = List.of(new Evidence("objectives", o.scored()), new Evidence("meanScore", o.meanScore()));
        if (o.meanScore() >= TIMID_ASPIRATIONAL) {
          out.add(new Recommendation("bolder-aspirational-targets", null, String.format(Locale.ROOT,
              "Aspirational objectives averaged %.2f: set bolder targets.", o.meanScore()), ev));
        } else if (o.meanScore() < UNREACHABLE_ASPIRATIONAL) {
          out.add(new Recommendation("reachable-aspirational-targets", null, String.format(Locale.ROOT,
              "Aspirational objectives averaged %.2f, far below the 0.7 they aim for: set reachable targets or "
                  + "staff them.", o.meanScore()), ev));
        }
      } else if (o.metExpectation() < COMMITTED_MET * o.scored()) {
        out.add(new Recommendation("keep-commitments", null, String.format(Locale.ROOT,
            "Committed objectives met %d of %d (all are expected to): commit only to what the teams control, "
                + "or make the rest aspirational.", o.metExpectation(), o.scored()),
            List.of(new Evidence("met", o.metExpectation()), new Evidence("objectives", o.scored()))));
      }
    }
    for (CalibrationStats c : calibration) {
      if (c.checkInsWithConfidence() >= MIN_CONFIDENCE_CHECK_INS && Math.abs(c.overconfidence()) >= MISCALIBRATED) {
        String name = teamNames.getOrDefault(c.team(), c.team());
        boolean over = c.overconfidence() > 0;
        out.add(new Recommendation(over ? "temper-confidence" : "trust-progress", c.team(), String.format(Locale.ROOT,
            "%s reported confidence %.2f on average where reality was %.2f (Brier %.2f over %d check-ins): %s",
            name, c.meanConfidence(), c.hitRate(), c.brier(), c.checkInsWithConfidence(),
            over ? "base each confidence on progress against the plan, not hope."
                : "the team is under-confident; raise confidence when progress is on plan."),
            List.of(new Evidence("meanConfidence", c.meanConfidence()), new Evidence("hitRate", c.hitRate()),
                new Evidence("brier", c.brier()), new Evidence("checkIns", c.checkInsWithConfidence()))));
      }
      if (c.selfScored() >= MIN_TEAM_KEY_RESULTS && c.selfScoreGap() >= INFLATED) {
        String name = teamNames.getOrDefault(c.team(), c.team());
        out.add(new Recommendation("score-from-results", c.team(), String.format(Locale.ROOT,
            "%s scored itself %.2f on average where the results scored %.2f: score from the final values.",
            name, c.meanSelfScore(), c.meanScore()),
            List.of(new Evidence("meanSelfScore", c.meanSelfScore()), new Evidence("meanScore", c.meanScore()),
                new Evidence("keyResults", c.selfScored()))));
      }
    }
    int shown = 0;
    for (BlockerStats b : blockers) {
      if (shown < MAX_BLOCKERS && b.keyResults() >= 2 && b.misses() >= 2 && b.missRate() >= BLOCKER_MISS_RATE) {
        shown++;
        out.add(new Recommendation("resolve-blocker", b.tag(), String.format(Locale.ROOT,
            "'%s' blocked %d KRs (%s) for %.0f days on average and %d of them missed: escalate it within two weeks "
                + "or plan around it.", b.tag(), b.keyResults(), teams(b, teamNames), b.meanDays(), b.misses()),
            List.of(new Evidence("keyResults", b.keyResults()), new Evidence("meanDays", b.meanDays()),
                new Evidence("misses", b.misses()))));
      }
    }
    shape(out, shapes.get(TrajectoryShape.BACK_LOADED.ordinal()), "plan-milestones",
        "%d KRs were back-loaded (a late hockey stick) and %d of them hit: plan monthly milestones and check "
            + "progress against them.");
    shape(out, shapes.get(TrajectoryShape.FRONT_LOADED_STALLED.ordinal()), "follow-through",
        "%d KRs started fast then stalled and %d of them hit: review the second half of the plan at mid-cycle.");
    shape(out, shapes.get(TrajectoryShape.FLAT.ordinal()), "staff-or-drop",
        "%d KRs never moved from the baseline and %d of them hit: staff them or drop them.");
    if (forecasts != null && forecasts.misses() >= 2 && forecasts.missesFlagged() * 2 >= forecasts.misses()
        && forecasts.medianWeeksAheadFirstFlag() != null && separates(forecasts)) {
      out.add(new Recommendation("act-on-flags", null, String.format(Locale.ROOT,
          "The forecaster flagged %d of %d misses, a median %.1f weeks before the end (and %d of %d %s): act on "
              + "at-risk flags at the weekly review.", forecasts.missesFlagged(), forecasts.misses(),
          forecasts.medianWeeksAheadFirstFlag(), forecasts.hitsFlagged(), forecasts.hits(),
          forecasts.hits() == 1 ? "hit" : "hits"),
          List.of(new Evidence("missesFlagged", forecasts.missesFlagged()),
              new Evidence("misses", forecasts.misses()),
              new Evidence("medianWeeksAheadFirstFlag", forecasts.medianWeeksAheadFirstFlag()),
              new Evidence("hitsFlagged", forecasts.hitsFlagged()), new Evidence("hits", forecasts.hits()))));
    }
    return out;
  }

  /**
   * Whether the flags told the misses from the hits: there were hits, and a hit was flagged at most half as often as a
   * miss ({@code hitsFlagged / hits <= SEPARATION * missesFlagged / misses}, so a flag at least doubles the odds of a
   * miss). "3 of 4 misses (and 3 of 3 hits)" does not: acting on such flags acts on every key result.
   */
  static boolean separates(ForecastAccountability f) {
    return f.hits() > 0 && f.hitsFlagged() * f.misses() <= SEPARATION * f.missesFlagged() * f.hits();
  }

  private static void shape(List<Recommendation> out, GroupStats s, String code, String format) {
    if (s.keyResults() >= MIN_SHAPE && s.hits() * 2 < s.scored()) {
      out.add(new Recommendation(code, null, String.format(Locale.ROOT, format, s.keyResults(), s.hits()),
          List.of(new Evidence("keyResults", s.keyResults()), new Evidence("hits", s.hits()))));
    }
  }

  private static String teams(BlockerStats b, Map<String, String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < b.teams().size() && i < 3; i++) {
      sb.append(i == 0 ? "" : ", ").append(names.getOrDefault(b.teams().get(i).team(), b.teams().get(i).team()));
    }
    if (b.teams().size() > 3) {
      sb.append(" and ").append(b.teams().size() - 3).append(" more");
    }
    return sb.toString();
  }

  /** Days as a whole number where they are one ("14"), else as written ("3.5"). */
  private static String days(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static CadenceStats find(List<CadenceStats> list, String team) {
    for (CadenceStats c : list) {
      if (c.team().equals(team)) {
        return c;
      }
    }
    return null;
  }
}
