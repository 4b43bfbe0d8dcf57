package org.okrengine.execution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

/**
 * Whether a cycle's targets are realistic, at planning time: for each key result, the chance of its target from how
 * far its team, and teams like it, got against their targets in earlier cycles ({@link TargetHistory}), the target
 * that would have had a 70% chance, and whether it asks for more than the team has ever moved. Only baselines and
 * targets are read: check-ins of the cycle, if any, are counted and ignored. Stateless and thread-safe.
 */
public final class TargetRealism {
  /*
   * The rule, in one place (docs/FORMAT.md, okr-plan/1, says the same for readers).
   *
   * Increase and decrease key results. A finished key result's final progress r = (final - baseline) / (target -
   * baseline) is the share of what it asked that it got (1 = met, 0.8 = four fifths of the way, below 0 = went
   * backwards). The chance of a new target is read from the distribution of r: the team's own key results (all its
   * increase and decrease key results: r has no unit) mixed with a pool of teams like it, the team's weighted nT /
   * (nT + K), K prior key results estimated from the history (below; with K = 5 a team with 5 counts half, with 20
   * four fifths; with none, the pool alone). The pool is every team's key results (the team's own included) of the
   * same direction and unit when there are at least 5 of them, else of the same direction, else every increase and
   * decrease key result: "teams like it" are those that asked for the same kind of thing. The chance is the mixture's
   * share of r >= 1 (met), the pool's share Jeffreys-smoothed, (hits + 1/2) / (n + 1), so that no chance is 0 or 1;
   * the 70% target is baseline + q (target - baseline) with q the largest r that the mixture reaches or passes with
   * weight 0.7 (a weighted empirical quantile), brought within the metric's bounds. This assumes a team gets the same
   * share of what it asks whatever it asks, so a bigger ask does not lower the chance: the record check is there for
   * that. The record: the move the target asks for relative to the baseline's size, |target - baseline| / |baseline|,
   * against the largest move toward its target any of the team's key results of the same direction made, (final -
   * baseline) / |baseline|; with a baseline of 0 both in the unit, over the team's key results of the same direction
   * and unit. Beyond it, the target is flagged.
   *
   * Achieve and maintain key results: the share of the team's key results of the kind (achieve; maintain-above and
   * maintain-below together, held at cycle end as the retrospective counts it) that met their target, shrunk the
   * same way toward every team's: (hits + K p) / (n + K), p the share over all teams (Jeffreys-smoothed, as above).
   * The team's counts come with a Wilson 90% interval.
   *
   * K, the pool's weight in key results, is estimated from the history by the method of moments of the
   * beta-binomial (empirical Bayes): over the J teams with n_j key results of the kind (increase and decrease
   * together; achieve; maintain), h_j met, N = sum n_j, p = sum h_j / N, the spread of the teams' true shares is
   * tau^2 = (sum n_j (h_j / n_j - p)^2 - (J - 1) p (1 - p)) / (N - sum n_j^2 / N), and K = p (1 - p) / tau^2 - 1,
   * kept within [1, 1000]. Teams that differ no more than chance does get K = 1000 (the pool decides); teams that
   * differ a lot get a small K (their own record decides). With fewer than 2 teams, or every key result met or none,
   * K = 5. Measured on the TAWOS quarters of ../shared/data walking forward (TargetRealismCalibrationTest): with a
   * fixed K = 5 the chances scored Brier 0.2598 against 0.2512 for the running base rate, worse, because those
   * projects' hit rates differ no more than chance; the estimate fixes that.
   *
   * Too little: with fewer than 5 comparable key results in the whole history (increase or decrease; or of the
   * kind), no number is given, only a sentence saying so.
   *
   * Every figure is a function of counts and sorted values, so the order of the history does not change a bit of
   * the output.
   */

  /** The name of the JSON format of a {@link Review}. */
  public static final String FORMAT = "okr-plan/1";
  /** The fewest comparable key results in the history for a number: 5. */
  public static final int MIN_KEY_RESULTS = 5;
  /**
   * How many key results the pool counts as against the team's own (the shrinkage's prior weight) when the history
   * cannot estimate it (fewer than 2 teams, or every key result met or none): 5.
   */
  public static final double PRIOR_KEY_RESULTS = 5;
  /** The smallest estimated prior weight: 1 key result. */
  public static final double MIN_PRIOR = 1;
  /** The largest estimated prior weight: 1000 key results. */
  public static final double MAX_PRIOR = 1000;
  /** The chance of the suggested target: 0.7. */
  public static final double CHANCE = 0.7;
  /** The two-sided normal quantile of the 90% Wilson interval: 1.6448536269514722 (qnorm(0.95) in R). */
  static final double Z90 = 1.6448536269514722;

  private TargetRealism() {}

  /**
   * The team's or the pool's key results.
   *
   * @param keyResults how many
   * @param hits how many met their target
   * @param low the Wilson 90% interval's lower end of the share met, or null without key results
   * @param high its upper end, or null
   */
  public record Counts(int keyResults, int hits, Double low, Double high) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException when {@code hits} is not within [0, keyResults] or an end is not within 0..1,
     *     naming it
     */
    public Counts {
      if (!(hits >= 0 && hits <= keyResults)) {
        throw new IllegalArgumentException("hits must be within [0, keyResults = " + keyResults + "]: " + hits);
      }
      JsonNumbers.requireUnit(low, "low");
      JsonNumbers.requireUnit(high, "high");
    }

    static Counts of(int n, int hits) {
      if (n == 0) {
        return new Counts(0, 0, null, null);
      }
      double z2 = Z90 * Z90;
      double p = (double) hits / n;
      double centre = (hits + z2 / 2) / (n + z2);
      double half = Z90 * Math.sqrt(p * (1 - p) * n + z2 / 4) / (n + z2);
      // the ends are exactly 0 and 1 when no or every key result met (rounding would leave 0.9999999999999999)
      return new Counts(n, hits, hits == 0 ? 0.0 : Math.max(0, centre - half),
          hits == n ? 1.0 : Math.min(1, centre + half));
    }
  }

  /**
   * The move a target asks for beside the most the team has moved.
   *
   * @param relative whether both are relative to the baseline's size (else in the metric's unit, for a baseline of 0)
   * @param asked |target - baseline|, relative or in the unit
   * @param reached the largest move toward its target of the team's comparable key results, the same way
   * @param beyond whether {@code asked} is more than {@code reached}
   */
  public record Record(boolean relative, double asked, double reached, boolean beyond) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException when a move is not finite, naming it
     */
    public Record {
      JsonNumbers.requireFinite(asked, "asked");
      JsonNumbers.requireFinite(reached, "reached");
    }
  }

  /**
   * One key result's answer.
   *
   * @param id its id
   * @param title its title
   * @param team its team's id
   * @param direction its direction
   * @param baseline its baseline, or null (maintain without one)
   * @param target its target
   * @param probability the chance of its target, or null when the history has too little
   * @param targetAt70 for increase and decrease: the target with a 70% chance, in the metric's unit; else null
   * @param prior the pool's weight in key results (K), estimated from the history; null when no number is given
   * @param teamWeight the team's weight against the pool, n / (n + K), or null when no number is given
   * @param teamMedianProgress for increase and decrease: the median final progress of the team's key results, or
   *     null without any
   * @param teamCounts the team's comparable key results (increase and decrease, or of the kind) and how many met
   * @param group the pool's description, as {@code all teams' increase key results in M EUR}
   * @param pool the pool's key results and how many met
   * @param record the move asked beside the team's largest, or null when the team has none comparable (and for
   *     achieve and maintain)
   * @param sentence the answer in plain sentences (the teams' titles and units as given)
   */
  public record Row(String id, String title, String team, Direction direction, Double baseline, double target,
      Double probability, Double targetAt70, Double prior, Double teamWeight, Double teamMedianProgress,
      Counts teamCounts,
      String group, Counts pool, Record record, String sentence) {
    /**
     * Validates: what {@link Review#toJson} writes (a row built with a chance of NaN was taken, and the document then
     * failed with "v must be finite: NaN", naming no field).
     *
     * @throws IllegalArgumentException when a number is not finite or a chance or weight not within 0..1, naming it
     * @throws NullPointerException when a field the document requires is null
     */
    public Row {
      Objects.requireNonNull(id, "id must not be null");
      Objects.requireNonNull(title, "title must not be null");
      Objects.requireNonNull(team, "team must not be null");
      Objects.requireNonNull(direction, "direction must not be null");
      JsonNumbers.requireFinite(baseline, "baseline");
      JsonNumbers.requireFinite(target, "target");
      JsonNumbers.requireUnit(probability, "probability");
      JsonNumbers.requireFinite(targetAt70, "targetAt70");
      JsonNumbers.requireFinite(prior, "prior");
      JsonNumbers.requireUnit(teamWeight, "teamWeight");
      JsonNumbers.requireFinite(teamMedianProgress, "teamMedianProgress");
      Objects.requireNonNull(teamCounts, "teamCounts must not be null");
      Objects.requireNonNull(group, "group must not be null");
      Objects.requireNonNull(pool, "pool must not be null");
      Objects.requireNonNull(sentence, "sentence must not be null");
    }

    /** A row without the pool's weight ({@code prior} null), the constructor before {@code prior}. */
    public Row(String id, String title, String team, Direction direction, Double baseline, double target,
        Double probability, Double targetAt70, Double teamWeight, Double teamMedianProgress, Counts teamCounts,
        String group, Counts pool, Record record, String sentence) {
      this(id, title, team, direction, baseline, target, probability, targetAt70, null, teamWeight,
          teamMedianProgress, teamCounts, group, pool, record, sentence);
    }
  }

  /**
   * The answer for a cycle.
   *
   * @param cycleId the cycle's id
   * @param historyCycles the cycles of the history
   * @param historyKeyResults the history's key results with a result
   * @param withoutResult the history's key results without one, left out
   * @param checkIns the check-ins of the cycle, ignored
   * @param keyResults every key result, in document order
   */
  public record Review(String cycleId, int historyCycles, int historyKeyResults, int withoutResult, int checkIns,
      List<Row> keyResults) {
    /** Copies the list. */
    public Review {
      keyResults = List.copyOf(keyResults);
    }

    /** The sentence about the check-ins, or null when the cycle has none. */
    public String checkInNote() {
      return checkIns == 0 ? null : "The cycle has " + checkIns + (checkIns == 1 ? " check-in" : " check-ins")
          + "; this answer works from the baselines and targets only, as at planning time.";
    }

    /** The {@code okr-plan/1} document, pretty-printed, ending in a line break. */
    public String toJson() {
      List<String> rows = new ArrayList<>();
      for (Row r : keyResults) {
        String record = r.record() == null ? "null" : "{\"scale\": " + (r.record().relative() ? "\"relative\""
            : "\"unit\"") + ", \"asked\": " + JsonNumbers.number(r.record().asked()) + ", \"reached\": "
            + JsonNumbers.number(r.record().reached()) + ", \"beyond\": " + r.record().beyond() + "}";
        rows.add("\n    {\"id\": " + FreeText.quote(r.id()) + ", \"title\": " + FreeText.quote(r.title())
            + ", \"team\": " + FreeText.quote(r.team()) + ", \"direction\": " + FreeText.quote(r.direction().jsonName())
            + ", \"baseline\": " + JsonNumbers.number(r.baseline()) + ", \"target\": " + JsonNumbers.number(r.target())
            + ",\n     \"probability\": " + JsonNumbers.number(r.probability()) + ", \"targetAt70\": "
            + JsonNumbers.number(r.targetAt70()) + ", \"prior\": " + JsonNumbers.number(r.prior())
            + ", \"teamWeight\": " + JsonNumbers.number(r.teamWeight())
            + ", \"teamMedianProgress\": " + JsonNumbers.number(r.teamMedianProgress())
            + ",\n     \"teamCounts\": " + counts(r.teamCounts()) + ", \"group\": " + FreeText.quote(r.group())
            + ", \"pool\": " + counts(r.pool()) + ",\n     \"record\": " + record + ",\n     \"sentence\": "
            + FreeText.sentence(r.sentence()) + "}");
      }
      return "{\n  \"format\": " + FreeText.quote(FORMAT) + ",\n  \"cycle\": " + FreeText.quote(cycleId)
          + ",\n  \"history\": {\"cycles\": " + historyCycles + ", \"keyResults\": " + historyKeyResults
          + ", \"withoutResult\": " + withoutResult + "},\n  \"checkIns\": " + checkIns + ",\n  \"rule\": {"
          + "\"minKeyResults\": " + MIN_KEY_RESULTS + ", \"priorKeyResults\": " + JsonNumbers.number(PRIOR_KEY_RESULTS)
          + ", \"chance\": " + JsonNumbers.number(CHANCE) + "},\n  \"keyResults\": [" + String.join(",", rows)
          + (rows.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    }

    private static String counts(Counts c) {
      return "{\"keyResults\": " + c.keyResults() + ", \"hits\": " + c.hits() + ", \"low\": "
          + JsonNumbers.number(c.low()) + ", \"high\": " + JsonNumbers.number(c.high()) + "}";
    }
  }

  /** Each key result of {@code cycle} judged against {@code history}. */
  public static Review review(OkrCycle cycle, TargetHistory history) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    Objects.requireNonNull(history, "history must not be null");
    List<Row> rows = new ArrayList<>();
    List<TargetHistory.Fact> reaches = new ArrayList<>();
    List<TargetHistory.Fact> achieves = new ArrayList<>();
    List<TargetHistory.Fact> maintains = new ArrayList<>();
    for (TargetHistory.Fact f : history.facts()) {
      (f.direction().isReach() ? reaches : f.direction() == Direction.ACHIEVE ? achieves : maintains).add(f);
    }
    double reachPrior = prior(reaches);
    double achievePrior = prior(achieves);
    double maintainPrior = prior(maintains);
    int checkIns = 0;
    for (KeyResult kr : cycle.keyResults()) {
      checkIns += kr.checkIns().size();
      Direction d = kr.metric().direction();
      String teamName = cycle.team(kr.team()).map(Team::name).orElse(kr.team());
      rows.add(d.isReach() ? reach(kr, teamName, reaches, reachPrior)
          : rate(kr, teamName, d == Direction.ACHIEVE ? achieves : maintains, d == Direction.ACHIEVE ? achievePrior
              : maintainPrior));
    }
    return new Review(cycle.cycle().id(), history.cycles(), history.keyResults(), history.withoutResult(), checkIns,
        rows);
  }

  /**
   * The beta-binomial prior weight K of {@code facts} grouped by team, by the method of moments (see the block
   * comment); {@link #PRIOR_KEY_RESULTS} when it cannot be estimated. Teams are taken in sorted order.
   */
  static double prior(List<TargetHistory.Fact> facts) {
    java.util.TreeMap<String, int[]> teams = new java.util.TreeMap<>();
    int hits = 0;
    for (TargetHistory.Fact f : facts) {
      int[] c = teams.computeIfAbsent(f.team(), t -> new int[2]);
      c[0]++;
      c[1] += f.hit() ? 1 : 0;
      hits += f.hit() ? 1 : 0;
    }
    int total = facts.size();
    if (teams.size() < 2 || hits == 0 || hits == total) {
      return PRIOR_KEY_RESULTS;
    }
    double p = (double) hits / total;
    double spread = 0;
    double squares = 0;
    for (int[] c : teams.values()) {
      double d = (double) c[1] / c[0] - p;
      spread += c[0] * d * d;
      squares += (double) c[0] * c[0];
    }
    double tau2 = (spread - (teams.size() - 1) * p * (1 - p)) / (total - squares / total);
    if (!(tau2 > 0)) {
      return MAX_PRIOR;
    }
    return Math.max(MIN_PRIOR, Math.min(MAX_PRIOR, p * (1 - p) / tau2 - 1));
  }

  private static Row reach(KeyResult kr, String teamName, List<TargetHistory.Fact> facts, double prior) {
    Metric m = kr.metric();
    double b = m.baseline();
    double t = m.target();
    String unit = TargetHistory.unit(m);
    List<TargetHistory.Fact> all = new ArrayList<>();
    List<TargetHistory.Fact> sameDirection = new ArrayList<>();
    List<TargetHistory.Fact> sameUnit = new ArrayList<>();
    List<TargetHistory.Fact> team = new ArrayList<>();
    for (TargetHistory.Fact f : facts) {
      if (!f.direction().isReach()) {
        continue;
      }
      all.add(f);
      if (f.team().equals(kr.team())) {
        team.add(f);
      }
      if (f.direction() == m.direction()) {
        sameDirection.add(f);
        if (f.unit().equals(unit)) {
          sameUnit.add(f);
        }
      }
    }
    String dir = m.direction().jsonName();
    List<TargetHistory.Fact> pool;
    String group;
    if (sameUnit.size() >= MIN_KEY_RESULTS) {
      pool = sameUnit;
      group = "all teams' " + dir + " key results" + (unit.isEmpty() ? " without a unit" : " in " + m.unit().trim());
    } else if (sameDirection.size() >= MIN_KEY_RESULTS) {
      pool = sameDirection;
      group = "all teams' " + dir + " key results";
    } else {
      pool = all;
      group = "all teams' increase or decrease key results";
    }
    double[] teamValues = progress(team);
    double[] poolValues = progress(pool);
    Counts teamCounts = Counts.of(team.size(), hits(team));
    Counts poolCounts = Counts.of(pool.size(), hits(pool));
    Double median = teamValues.length == 0 ? null : median(teamValues);
    Record record = record(kr, team);
    String head = head(kr, teamName);
    if (all.size() < MIN_KEY_RESULTS) {
      String s = head + ": not enough history to give a chance: the history holds " + all.size()
          + " increase or decrease key " + (all.size() == 1 ? "result" : "results")
          + " with an outcome, and at least " + MIN_KEY_RESULTS + " are needed.";
      return new Row(kr.id(), kr.title(), kr.team(), m.direction(), b, t, null, null, null, null, median, teamCounts,
          group, poolCounts, record, s + recordSentence(record, m));
    }
    double w = team.size() / (team.size() + prior);
    double p = chance(teamCounts, poolCounts, w);
    double q = quantile(teamValues, poolValues, w, CHANCE);
    double at70 = m.clamp(b + q * (t - b));
    StringBuilder s = new StringBuilder(head).append(": a ").append(Numbers.percent(p))
        .append(" chance of reaching ").append(Numbers.reading(t, m)).append(" from ").append(Numbers.reading(b, m))
        .append(". ");
    if (team.isEmpty()) {
      s.append("The team has no increase or decrease key result in the history, so this is from ").append(group)
          .append(": ").append(poolCounts.hits()).append(" of ").append(pool.size()).append(" reached the target.");
    } else {
      s.append("The team reached the target on ").append(teamCounts.hits()).append(" of its ").append(team.size())
          .append(team.size() == 1 ? " increase or decrease key result" : " increase or decrease key results")
          .append(" (90%: ").append(Numbers.percent(teamCounts.low())).append('-')
          .append(Numbers.percent(teamCounts.high())).append(") and got ").append(Numbers.percent(median))
          .append(" of the way at the median; weighted ").append(Numbers.percent(w)).append(" against ")
          .append(group).append(", ").append(poolCounts.hits()).append(" of ").append(pool.size())
          .append(" reached.");
    }
    // a count of things (a whole baseline and target in a unit that counts: 3 customers from 0) gets a whole target,
    // rounded toward the baseline so its chance is 70% or more (it read "2.01 customers would have had a 70%
    // chance"); a unit that is a symbol or a mass noun (h, M EUR, %, revenue) keeps its decimals, a word in the
    // plural or the singular ("65 days", "3 deal") is taken as a count alike (Numbers.counts: "deal" kept "1.5 deal"
    // where "deals" said "1 deal ... or more"); a rounding that lands on the baseline keeps the decimals ("0.6
    // deals", never "0 deals" nor a "1 deal" with less than a 70% chance); the exact value stays in targetAt70
    double said = at70;
    if (q > 0 && whole(b) && whole(t) && Math.abs(at70) < 1e15 && m.unit() != null && Numbers.counts(m.unit())) {
      double rounded = t > b ? Math.floor(at70) : Math.ceil(at70);
      said = rounded != b && rounded != at70 ? rounded : at70;
    }
    // where 70% of the like key results reached the whole way (or more, and the metric's bound stops it there), the
    // target itself is the 70% one: said so, and "or more", beside the head's chance (it read "a 79% chance of
    // reaching 45% ... 45% would have had a 70% chance")
    boolean itself = said == t;
    s.append(' ').append(Numbers.value(said, m)).append(itself ? ", the target itself," : "")
        .append(" would have had a 70% chance").append(said != at70 || itself ? " or more" : "");
    s.append(q <= 0 ? " (no move from the baseline, or a step back)." : ".");
    s.append(recordSentence(record, m));
    return new Row(kr.id(), kr.title(), kr.team(), m.direction(), b, t, p, at70, prior, w, median, teamCounts, group,
        poolCounts, record, s.toString());
  }

  private static Row rate(KeyResult kr, String teamName, List<TargetHistory.Fact> facts, double prior) {
    Metric m = kr.metric();
    boolean achieve = m.direction() == Direction.ACHIEVE;
    int n = 0;
    int h = 0;
    int teamN = 0;
    int teamH = 0;
    for (TargetHistory.Fact f : facts) {
      if (achieve ? f.direction() == Direction.ACHIEVE : f.direction().isMaintain()) {
        n++;
        h += f.hit() ? 1 : 0;
        if (f.team().equals(kr.team())) {
          teamN++;
          teamH += f.hit() ? 1 : 0;
        }
      }
    }
    String kind = achieve ? "achieve" : "maintain";
    String group = "all teams' " + kind + " key results";
    Counts teamCounts = Counts.of(teamN, teamH);
    Counts pool = Counts.of(n, h);
    String head = head(kr, teamName);
    if (n < MIN_KEY_RESULTS) {
      return new Row(kr.id(), kr.title(), kr.team(), m.direction(), m.baseline(), m.target(), null, null, null, null,
          null,
          teamCounts, group, pool, null, head + ": not enough history to give a chance: the history holds " + n + " "
          + kind + " key " + (n == 1 ? "result" : "results") + " with an outcome, and at least " + MIN_KEY_RESULTS
          + " are needed.");
    }
    double w = teamN / (teamN + prior);
    double p = chance(teamCounts, pool, w);
    String verb = achieve ? "achieved" : "held (at cycle end)";
    String s = head + ": a " + Numbers.percent(p) + " chance, from how often the team " + verb + " its " + kind
        + " key results: " + (teamN == 0 ? "it has none in the history, so this is " + group + ": " + h + " of " + n
        + "." : teamH + " of " + teamN + " (90%: " + Numbers.percent(teamCounts.low()) + "-"
        + Numbers.percent(teamCounts.high()) + "), weighted " + Numbers.percent(w) + " against " + group + ", " + h
        + " of " + n + ".");
    return new Row(kr.id(), kr.title(), kr.team(), m.direction(), m.baseline(), m.target(), p, null, prior, w, null,
        teamCounts, group, pool, null, s);
  }

  private static boolean whole(double v) {
    return v == Math.rint(v);
  }

  private static String head(KeyResult kr, String teamName) {
    return kr.id() + (kr.title().equals(kr.id()) ? "" : " (" + kr.title() + ")") + ", of " + teamName;
  }

  private static Record record(KeyResult kr, List<TargetHistory.Fact> team) {
    Metric m = kr.metric();
    double b = m.baseline();
    boolean relative = b != 0;
    double asked = relative ? Math.abs(m.target() - b) / Math.abs(b) : Math.abs(m.target() - b);
    String unit = TargetHistory.unit(m);
    double reached = Double.NEGATIVE_INFINITY;
    for (TargetHistory.Fact f : team) {
      if (f.direction() != m.direction()) {
        continue;
      }
      double move = relative ? f.relativeMove() : f.unit().equals(unit) ? f.absoluteMove() : Double.NaN;
      if (move > reached) {
        reached = move;
      }
    }
    if (reached == Double.NEGATIVE_INFINITY) {
      return null;
    }
    // a baseline so small (1e-320) that a move relative to it overflows: the largest double, which compares and reads
    // as the overflow did (">999,999%") and is finite, as Record requires
    asked = Math.min(asked, Double.MAX_VALUE);
    reached = Math.min(reached, Double.MAX_VALUE);
    return new Record(relative, asked, reached, asked > reached);
  }

  private static String recordSentence(Record r, Metric m) {
    if (r == null || !r.beyond()) {
      return "";
    }
    String dir = (m.direction() == Direction.INCREASE ? "an " : "a ") + m.direction().jsonName();
    return r.relative()
        ? " Beyond the team's record: it asks for a move of " + Numbers.percent(r.asked()) + " of the baseline, and "
            + "the most the team moved " + dir + " key result was " + Numbers.percent(r.reached()) + "."
        : " Beyond the team's record: it asks for a move of " + Numbers.difference(r.asked(), m) + ", and the most "
            + "the team moved " + dir + " key result in that unit was " + Numbers.difference(r.reached(), m) + ".";
  }

  private static double[] progress(List<TargetHistory.Fact> facts) {
    double[] v = new double[facts.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = facts.get(i).progress();
    }
    Arrays.sort(v);
    return v;
  }

  private static int hits(List<TargetHistory.Fact> facts) {
    int h = 0;
    for (TargetHistory.Fact f : facts) {
      h += f.hit() ? 1 : 0;
    }
    return h;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * sorted[n / 2 - 1] + 0.5 * sorted[n / 2];
  }

  /**
   * The team's share met weighted {@code w} against the pool's, Jeffreys-smoothed ((hits + 1/2) / (n + 1)): the
   * shrunk estimate (hits + K p) / (n + K) written as a mixture.
   */
  static double chance(Counts team, Counts pool, double w) {
    double own = team.keyResults() == 0 ? 0 : w * team.hits() / team.keyResults();
    return own + (1 - w) * (pool.hits() + 0.5) / (pool.keyResults() + 1);
  }

  /** How many of the ascending {@code sorted} are at least {@code v}. */
  private static int atLeast(double[] sorted, double v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return sorted.length - lo;
  }

  /** The mixture's weight at or above {@code v}: the team's share {@code w}, the pool's {@code 1 - w}. */
  static double share(double[] team, double[] pool, double w, double v) {
    double own = team.length == 0 ? 0 : w * atLeast(team, v) / team.length;
    return own + (1 - w) * atLeast(pool, v) / pool.length;
  }

  /** The largest value of either array that the mixture reaches or passes with weight at least {@code chance}. */
  static double quantile(double[] team, double[] pool, double w, double chance) {
    double[] values = new double[team.length + pool.length];
    System.arraycopy(team, 0, values, 0, team.length);
    System.arraycopy(pool, 0, values, team.length, pool.length);
    Arrays.sort(values);
    for (int i = values.length - 1; i >= 0; i--) {
      if (share(team, pool, w, values[i]) >= chance - 1e-12) {
        return values[i];
      }
    }
    return values[0];
  }
}
