package org.okrengine.retro;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collector;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retrospective of one or many cycles: completion, self-report calibration, execution patterns, blockers,
 * forecast accountability and recommendations ({@link RetroReport}). Configured with {@code with...} copy methods.
 *
 * <p>A key result's final value is its {@code result.finalValue}; where it has none, its last check-in's value when
 * {@link #withScoreFromLastCheckIn} allows it (the default: a cycle analysed at its end before results are entered);
 * otherwise it is unscored. Its score is the metric's score of that value, rounded to 0.000001; a hit is a final
 * value that meets the target.
 *
 * <p>Every figure is kept as integer counts and sums (or multisets whose medians do not depend on order), so
 * {@link Accumulator}s of any split of the input merge into exactly the same report. Immutable and thread-safe;
 * accumulators are not, but merge.
 */
public final class Retrospective {
  private static final Logger LOG = LoggerFactory.getLogger(Retrospective.class);
  /** Scores are kept in millionths. */
  static final int SCORE_SCALE = 1_000_000;
  /** Confidence is kept in ten-thousandths. */
  static final int CONFIDENCE_SCALE = 10_000;
  private static final int BINS = 10;
  private static final long WEEK_SECONDS = 7 * 86_400L;
  private static final Retrospective DEFAULTS =
      new Retrospective(EnumSet.allOf(Grouping.class), Forecaster.withDefaults(), true);

  private final Set<Grouping> groupings;
  private final Forecaster forecaster;
  private final boolean scoreFromLastCheckIn;

  private Retrospective(Set<Grouping> groupings, Forecaster forecaster, boolean scoreFromLastCheckIn) {
    this.groupings = Collections.unmodifiableSet(EnumSet.copyOf(groupings));
    this.forecaster = forecaster;
    this.scoreFromLastCheckIn = scoreFromLastCheckIn;
  }

  /** Every grouping, forecast replay with the default forecaster, last check-in as final value where no result. */
  public static Retrospective withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy breaking completion down by {@code groupings} only (team trends, calibration, cadence and forecast
   * accountability are always by team too).
   *
   * @throws IllegalArgumentException when empty
   */
  public Retrospective withGroupings(Set<Grouping> groupings) {
    if (groupings.isEmpty()) {
      throw new IllegalArgumentException("groupings must not be empty");
    }
    return new Retrospective(groupings, forecaster, scoreFromLastCheckIn);
  }

  /** A copy replaying forecasts with {@code forecaster}. */
  public Retrospective withForecaster(Forecaster forecaster) {
    return new Retrospective(groupings, Objects.requireNonNull(forecaster, "forecaster must not be null"),
        scoreFromLastCheckIn);
  }

  /** A copy without forecast accountability (no weekly replay: much faster). */
  public Retrospective withoutForecasts() {
    return new Retrospective(groupings, null, scoreFromLastCheckIn);
  }

  /** A copy that does ({@code true}) or does not score key results without a result from their last check-in. */
  public Retrospective withScoreFromLastCheckIn(boolean allowed) {
    return new Retrospective(groupings, forecaster, allowed);
  }

  /** The groupings of the completion breakdown. */
  public Set<Grouping> groupings() {
    return groupings;
  }

  /** Whether forecasts are replayed. */
  public boolean replaysForecasts() {
    return forecaster != null;
  }

  /** The retrospective of {@code cycles}. */
  public RetroReport run(Iterable<OkrCycle> cycles) {
    Accumulator acc = newAccumulator();
    for (OkrCycle c : cycles) {
      acc.add(c);
    }
    return acc.report();
  }

  /** A collector for (parallel) streams of cycles: accumulators per part, merged, then the report. */
  public Collector<OkrCycle, Accumulator, RetroReport> collector() {
    return Collector.of(this::newAccumulator, Accumulator::add, Accumulator::merge, Accumulator::report);
  }

  /** A new empty accumulator with this retrospective's settings. */
  public Accumulator newAccumulator() {
    return new Accumulator(this);
  }

  /**
   * Running totals of a retrospective: add cycles, merge accumulators of other parts (in any order), then take the
   * report. Mutable; not thread-safe (one per thread, then merge).
   */
  // the fields typed Map are HashMaps and EnumMaps, which serialize (toBytes)
  @SuppressWarnings("serial")
  public static final class Accumulator implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Not in the bytes: {@link #mergeBytes} checks the settings written before the state, then uses its own. */
    private transient Retrospective settings;
    private long cycles;
    private long keyResults;
    private long fromResults;
    private long fromCheckIn;
    private long unscored;
    private final GroupAcc overall = new GroupAcc();
    private final Map<Grouping, Map<String, GroupAcc>> groups = new EnumMap<>(Grouping.class);
    /** The groupings asked for, and their maps, as arrays for the per-key-result loop. */
    private final Grouping[] active;
    private final List<Map<String, GroupAcc>> activeMaps = new ArrayList<>();
    private final ObjAcc[] objectives = {new ObjAcc(), new ObjAcc()};
    private final Map<String, Map<String, TrendAcc>> trends = new HashMap<>();
    private final CalAcc calibration = new CalAcc();
    private final Map<String, CalAcc> calibrationByTeam = new HashMap<>();
    private final CadAcc cadence = new CadAcc();
    private final Map<String, CadAcc> cadenceByTeam = new HashMap<>();
    private final GroupAcc[] shapes = new GroupAcc[TrajectoryShape.values().length];
    private final Map<String, BlockerAcc> blockers = new HashMap<>();
    private final FcAcc forecasts = new FcAcc();
    private final Map<String, FcAcc> forecastsByTeam = new HashMap<>();
    private final Map<String, String> teamNames = new HashMap<>();
    private final Map<String, TeamAcc> teamCache = new HashMap<>();
    private String lastTeamId;
    private TeamAcc lastTeam;
    private int[] gaps = new int[16];
    private final String[] lastKeys = new String[Grouping.values().length];
    private final GroupAcc[] lastGroups = new GroupAcc[Grouping.values().length];
    private String[] blockerTags = new String[4];
    private long[] blockerFirst = new long[4];
    private long[] blockerLast = new long[4];
    private int[] blockerMentions = new int[4];

    private Accumulator(Retrospective settings) {
      this.settings = settings;
      for (Grouping g : settings.groupings) {
        groups.put(g, new HashMap<>());
      }
      groups.put(Grouping.TEAM, new HashMap<>()); // always: the team recommendations need it
      active = settings.groupings.toArray(new Grouping[0]);
      for (Grouping g : active) {
        activeMaps.add(groups.get(g));
      }
      for (int i = 0; i < shapes.length; i++) {
        shapes[i] = new GroupAcc();
      }
    }

    /** Adds every key result of {@code cycle}. */
    public Accumulator add(OkrCycle cycle) {
      Objects.requireNonNull(cycle, "cycle must not be null");
      cycles++;
      Cycle c = cycle.cycle();
      for (Team t : cycle.teams()) {
        teamNames.merge(t.id(), t.name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
      Instant[] weekly = settings.forecaster == null ? new Instant[0] : weeklyInstants(c);
      Span span = new Span(c);
      for (Objective o : cycle.objectives()) {
        String objectiveKey = groups.containsKey(Grouping.OBJECTIVE) ? c.id() + "/" + o.id() : null;
        double weighted = 0;
        double weights = 0;
        long plain = 0;
        int scoredKrs = 0;
        for (KeyResult kr : o.keyResults()) {
          int score = addKeyResult(cycle, c, span, o, objectiveKey, kr, weekly);
          if (score >= 0) {
            scoredKrs++;
            weighted += kr.weight() * score;
            weights += kr.weight();
            plain += score;
          }
        }
        ObjAcc oa = objectives[o.commitment().ordinal()];
        oa.objectives++;
        if (scoredKrs > 0) {
          double s = weights > 0 ? weighted / weights : plain / (double) scoredKrs;
          oa.add((int) Math.round(s), o.commitment());
        }
      }
      return this;
    }

    /** Adds one key result; returns its score in millionths, or -1 when unscored. */
    private int addKeyResult(OkrCycle cycle, Cycle c, Span span, Objective o, String objectiveKey, KeyResult kr,
        Instant[] weekly) {
      keyResults++;
      Metric metric = kr.metric();
      List<CheckIn> checkIns = kr.checkIns();
      double finalValue = 0;
      int score = -1;
      if (kr.result() != null) {
        finalValue = kr.result().finalValue();
        fromResults++;
      } else if (settings.scoreFromLastCheckIn && !checkIns.isEmpty()) {
        finalValue = checkIns.get(checkIns.size() - 1).value();
        fromCheckIn++;
      } else {
        unscored++;
        finalValue = Double.NaN;
      }
      boolean scored = !Double.isNaN(finalValue);
      boolean hit = false;
      if (scored) {
        score = (int) Math.round(metric.score(finalValue) * SCORE_SCALE);
        hit = metric.isMet(finalValue);
      }
      Commitment commitment = o.commitment();
      String team = kr.team();
      TeamAcc t = team(team);
      overall.add(score, hit, commitment);
      for (int gi = 0; gi < active.length; gi++) {
        Map<String, GroupAcc> m = activeMaps.get(gi);
        switch (active[gi]) {
          case TEAM:
            t.completion.add(score, hit, commitment);
            break;
          case OBJECTIVE:
            cached(gi, m, objectiveKey).add(score, hit, commitment);
            break;
          case OWNER:
            if (kr.owner() != null) {
              cached(gi, m, kr.owner()).add(score, hit, commitment);
            }
            break;
          case TAG:
            for (int i = 0; i < kr.tags().size(); i++) {
              group(m, kr.tags().get(i)).add(score, hit, commitment);
            }
            break;
          case DIRECTION:
            cached(gi, m, metric.direction().jsonName()).add(score, hit, commitment);
            break;
          case UNIT:
            if (metric.unit() != null) {
              cached(gi, m, metric.unit()).add(score, hit, commitment);
            }
            break;
          default:
            cached(gi, m, commitment.jsonName()).add(score, hit, commitment);
            break;
        }
      }
      t.trend(span).add(score, hit);
      if (scored) {
        for (int i = 0; i < checkIns.size(); i++) {
          CheckIn ci = checkIns.get(i);
          if (ci.confidence() != null) {
            int conf = (int) Math.round(ci.confidence() * CONFIDENCE_SCALE);
            calibration.confidence(conf, hit);
            t.calibration.confidence(conf, hit);
          }
        }
        if (kr.result() != null && kr.result().selfScore() != null) {
          double self = Math.max(-1e6, Math.min(1e6, kr.result().selfScore()));
          long selfMicro = Math.round(self * SCORE_SCALE);
          calibration.self(selfMicro, score);
          t.calibration.self(selfMicro, score);
        }
      }
      cadence(span, kr, cadence, t.cadence);
      shapes[Trajectories.classify(kr, c, span).ordinal()].add(score, hit, commitment);
      blockers(kr, scored, hit);
      if (scored && weekly.length > 0) {
        replay(cycle, c, kr, weekly, hit, t.forecasts);
      }
      return score;
    }

    /** The accumulators of team {@code team}, created on first use. */
    private TeamAcc team(String team) {
      if (team.equals(lastTeamId)) {
        return lastTeam;
      }
      TeamAcc t = teamCache.get(team);
      if (t == null) {
        t = new TeamAcc(group(groups.get(Grouping.TEAM), team),
            calibrationByTeam.computeIfAbsent(team, k -> new CalAcc()),
            cadenceByTeam.computeIfAbsent(team, k -> new CadAcc()),
            forecastsByTeam.computeIfAbsent(team, k -> new FcAcc()),
            trends.computeIfAbsent(team, k -> new HashMap<>()));
        teamCache.put(team, t);
      }
      lastTeamId = team;
      lastTeam = t;
      return t;
    }

    /** The group {@code key} of grouping number {@code gi}, remembering the last one (neighbours share keys). */
    private GroupAcc cached(int gi, Map<String, GroupAcc> m, String key) {
      String last = lastKeys[gi];
      if (key == last || key.equals(last)) {
        return lastGroups[gi];
      }
      GroupAcc g = group(m, key);
      lastKeys[gi] = key;
      lastGroups[gi] = g;
      return g;
    }

    private static GroupAcc group(Map<String, GroupAcc> m, String key) {
      GroupAcc g = m.get(key);
      if (g == null) {
        g = new GroupAcc();
        m.put(key, g);
      }
      return g;
    }

    /** Adds the cadence of {@code kr} to both accumulators; times in whole seconds. */
    private void cadence(Span span, KeyResult kr, CadAcc all, CadAcc team) {
      List<CheckIn> checkIns = kr.checkIns();
      int n = checkIns.size();
      if (gaps.length < n) {
        gaps = new int[n * 2];
      }
      long longest = 0;
      long previous = span.startSec;
      int lastWeek = -1;
      int weeksSeen = 0;
      long before = 0;
      for (int i = 0; i < n; i++) {
        long at = checkIns.get(i).at().getEpochSecond();
        if (i > 0) {
          gaps[i - 1] = (int) Math.min(Integer.MAX_VALUE, (at - before + 1800) / 3600);
        }
        before = at;
        if (at >= span.startSec && at < span.endSec) {
          longest = Math.max(longest, at - previous);
          previous = at;
          int week = (int) ((at - span.startSec) / WEEK_SECONDS);
          if (week != lastWeek) {
            weeksSeen++;
            lastWeek = week;
          }
        }
      }
      longest = Math.max(longest, span.endSec - previous);
      all.add(span, kr.id(), n, gaps, weeksSeen, longest);
      team.add(span, kr.id(), n, gaps, weeksSeen, longest);
    }

    private void blockers(KeyResult kr, boolean scored, boolean hit) {
      List<CheckIn> checkIns = kr.checkIns();
      int distinct = 0;
      for (int i = 0; i < checkIns.size(); i++) {
        CheckIn ci = checkIns.get(i);
        List<String> bs = ci.blockers();
        for (int j = 0; j < bs.size(); j++) {
          String b = bs.get(j);
          long at = ci.at().getEpochSecond();
          int k = 0;
          while (k < distinct && !blockerTags[k].equals(b)) {
            k++;
          }
          if (k == distinct) {
            if (distinct == blockerTags.length) {
              blockerTags = Arrays.copyOf(blockerTags, distinct * 2);
              blockerFirst = Arrays.copyOf(blockerFirst, distinct * 2);
              blockerLast = Arrays.copyOf(blockerLast, distinct * 2);
              blockerMentions = Arrays.copyOf(blockerMentions, distinct * 2);
            }
            blockerTags[k] = b;
            blockerFirst[k] = at;
            blockerMentions[k] = 0;
            distinct++;
          }
          blockerLast[k] = at;
          blockerMentions[k]++;
        }
      }
      for (int k = 0; k < distinct; k++) {
        BlockerAcc b = blockers.get(blockerTags[k]);
        if (b == null) {
          b = new BlockerAcc();
          blockers.put(blockerTags[k], b);
        }
        long seconds = blockerLast[k] - blockerFirst[k];
        b.keyResults++;
        b.mentions += blockerMentions[k];
        b.seconds += seconds;
        b.maxSeconds = Math.max(b.maxSeconds, seconds);
        long[] count = b.teams.get(kr.team());
        if (count == null) {
          b.teams.put(kr.team(), new long[] {1});
        } else {
          count[0]++;
        }
        if (scored) {
          if (hit) {
            b.hits++;
          } else {
            b.misses++;
          }
        }
        blockerTags[k] = null;
      }
    }

    private static Instant[] weeklyInstants(Cycle c) {
      Instant start = c.startInstant();
      Instant end = c.endInstant();
      List<Instant> out = new ArrayList<>();
      for (int k = 1;; k++) {
        Instant at = start.plusSeconds(k * WEEK_SECONDS);
        if (!at.isBefore(end)) {
          break;
        }
        out.add(at);
      }
      return out.toArray(new Instant[0]);
    }

    private void replay(OkrCycle cycle, Cycle c, KeyResult kr, Instant[] weekly, boolean hit, FcAcc team) {
      Instant end = c.endInstant();
      var milestones = cycle.milestonesOf(kr.id());
      int first = -1;
      int runStart = -1;
      boolean gap = false;
      boolean last = false;
      List<Status> statuses = settings.forecaster.statuses(kr, c, Arrays.asList(weekly), milestones);
      for (int k = 0; k < weekly.length; k++) {
        Status s = statuses.get(k);
        if (s == Status.AT_RISK || s == Status.OFF_TRACK) {
          if (first < 0) {
            first = k;
          }
          if (!last) {
            runStart = k;
          }
          last = true;
        } else if (s == Status.ON_TRACK || s == Status.ACHIEVED) {
          gap |= last;
          last = false;
        } // stale, not-started, no-data: neither raise nor clear a flag
      }
      int firstAhead = first < 0 ? -1 : (int) Duration.between(weekly[first], end).getSeconds();
      int runAhead = last ? (int) Duration.between(weekly[runStart], end).getSeconds() : -1;
      forecasts.add(hit, first >= 0, last, first >= 0 && !gap, firstAhead, runAhead);
      team.add(hit, first >= 0, last, first >= 0 && !gap, firstAhead, runAhead);
    }

    /** Adds everything {@code other} has seen; both must come from retrospectives with the same settings. */
    public Accumulator merge(Accumulator other) {
      if (!settings.groupings.equals(other.settings.groupings)
          || (settings.forecaster == null) != (other.settings.forecaster == null)
          || settings.scoreFromLastCheckIn != other.settings.scoreFromLastCheckIn) {
        throw new IllegalArgumentException("other must come from a retrospective with the same settings");
      }
      teamCache.clear();
      Arrays.fill(lastKeys, null);
      Arrays.fill(lastGroups, null);
      lastTeamId = null;
      lastTeam = null;
      cycles += other.cycles;
      keyResults += other.keyResults;
      fromResults += other.fromResults;
      fromCheckIn += other.fromCheckIn;
      unscored += other.unscored;
      overall.merge(other.overall);
      for (Map.Entry<Grouping, Map<String, GroupAcc>> e : other.groups.entrySet()) {
        mergeMap(groups.get(e.getKey()), e.getValue(), k -> new GroupAcc(), GroupAcc::merge);
      }
      for (int i = 0; i < objectives.length; i++) {
        objectives[i].merge(other.objectives[i]);
      }
      for (Map.Entry<String, Map<String, TrendAcc>> e : other.trends.entrySet()) {
        Map<String, TrendAcc> mine = trends.computeIfAbsent(e.getKey(), k -> new HashMap<>());
        for (Map.Entry<String, TrendAcc> t : e.getValue().entrySet()) {
          TrendAcc theirs = t.getValue();
          mine.computeIfAbsent(t.getKey(), k -> new TrendAcc(theirs.cycleId, theirs.start)).merge(theirs);
        }
      }
      calibration.merge(other.calibration);
      mergeMap(calibrationByTeam, other.calibrationByTeam, k -> new CalAcc(), CalAcc::merge);
      cadence.merge(other.cadence);
      mergeMap(cadenceByTeam, other.cadenceByTeam, k -> new CadAcc(), CadAcc::merge);
      for (int i = 0; i < shapes.length; i++) {
        shapes[i].merge(other.shapes[i]);
      }
      mergeMap(blockers, other.blockers, k -> new BlockerAcc(), BlockerAcc::merge);
      forecasts.merge(other.forecasts);
      mergeMap(forecastsByTeam, other.forecastsByTeam, k -> new FcAcc(), FcAcc::merge);
      for (Map.Entry<String, String> e : other.teamNames.entrySet()) {
        teamNames.merge(e.getKey(), e.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
      return this;
    }

    /**
     * Everything this accumulator has seen, as bytes for another process to {@linkplain #mergeBytes merge} (for
     * example a distributed job's partitions): merging the bytes gives what merging this accumulator would.
     */
    public byte[] toBytes() {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeUTF(settingsKey(settings));
        out.writeObject(this);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e); // writing to memory does not fail
      }
      return bytes.toByteArray();
    }

    /**
     * Adds everything an accumulator written by {@link #toBytes} had seen; it must come from a retrospective with the
     * same settings.
     *
     * @throws IllegalArgumentException when the bytes are not an accumulator of the same settings
     */
    public Accumulator mergeBytes(byte[] bytes) {
      Accumulator other;
      try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
        if (!in.readUTF().equals(settingsKey(settings))) {
          throw new IllegalArgumentException("bytes must come from a retrospective with the same settings");
        }
        other = (Accumulator) in.readObject();
      } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
        throw new IllegalArgumentException("not the bytes of a retrospective accumulator: " + e, e);
      }
      other.settings = settings;
      return merge(other);
    }

    private static String settingsKey(Retrospective s) {
      return new java.util.TreeSet<>(s.groupings) + " forecasts=" + (s.forecaster != null) + " lastCheckIn="
          + s.scoreFromLastCheckIn;
    }

    private static <T> void mergeMap(Map<String, T> mine, Map<String, T> theirs, Function<String, T> create,
        java.util.function.BiConsumer<T, T> merge) {
      for (Map.Entry<String, T> e : theirs.entrySet()) {
        merge.accept(mine.computeIfAbsent(e.getKey(), create), e.getValue());
      }
    }

    /** The report so far. */
    public RetroReport report() {
      List<Breakdown> breakdowns = new ArrayList<>();
      for (Map.Entry<Grouping, Map<String, GroupAcc>> e : groups.entrySet()) {
        if (!settings.groupings.contains(e.getKey())) {
          continue;
        }
        List<GroupStats> list = new ArrayList<>();
        for (Map.Entry<String, GroupAcc> g : new TreeMap<>(e.getValue()).entrySet()) {
          list.add(g.getValue().stats(g.getKey()));
        }
        breakdowns.add(new Breakdown(e.getKey(), list));
      }
      List<ObjectiveStats> objectiveStats = new ArrayList<>();
      for (Commitment cm : Commitment.values()) {
        objectiveStats.add(objectives[cm.ordinal()].stats(cm));
      }
      List<TeamTrend> trendList = new ArrayList<>();
      for (Map.Entry<String, Map<String, TrendAcc>> e : new TreeMap<>(trends).entrySet()) {
        List<TrendPoint> points = new ArrayList<>();
        Double previous = null;
        for (TrendAcc t : new TreeMap<>(e.getValue()).values()) {
          Double mean = t.scored == 0 ? null : t.sum / (double) t.scored / SCORE_SCALE;
          Double change = mean == null || previous == null ? null : mean - previous;
          points.add(new TrendPoint(t.cycleId, t.start, t.keyResults, t.scored, t.hits, mean, change));
          previous = mean;
        }
        trendList.add(new TeamTrend(e.getKey(), points));
      }
      List<CalibrationStats> calByTeam = new ArrayList<>();
      for (Map.Entry<String, CalAcc> e : new TreeMap<>(calibrationByTeam).entrySet()) {
        calByTeam.add(e.getValue().stats(e.getKey()));
      }
      List<CadenceStats> cadByTeam = new ArrayList<>();
      for (Map.Entry<String, CadAcc> e : new TreeMap<>(cadenceByTeam).entrySet()) {
        cadByTeam.add(e.getValue().stats(e.getKey()));
      }
      List<GroupStats> shapeStats = new ArrayList<>();
      for (TrajectoryShape s : TrajectoryShape.values()) {
        shapeStats.add(shapes[s.ordinal()].stats(s.jsonName()));
      }
      List<BlockerStats> blockerStats = new ArrayList<>();
      for (Map.Entry<String, BlockerAcc> e : blockers.entrySet()) {
        blockerStats.add(e.getValue().stats(e.getKey()));
      }
      blockerStats.sort((a, b) -> a.keyResults() != b.keyResults() ? Long.compare(b.keyResults(), a.keyResults())
          : a.mentions() != b.mentions() ? Long.compare(b.mentions(), a.mentions()) : a.tag().compareTo(b.tag()));
      ForecastAccountability fc = settings.forecaster == null ? null : forecasts.stats(null);
      List<ForecastAccountability> fcByTeam = new ArrayList<>();
      if (settings.forecaster != null) {
        for (Map.Entry<String, FcAcc> e : new TreeMap<>(forecastsByTeam).entrySet()) {
          fcByTeam.add(e.getValue().stats(e.getKey()));
        }
      }
      GroupStats overallStats = overall.stats("all");
      Map<String, GroupStats> byTeam = new TreeMap<>();
      for (Map.Entry<String, GroupAcc> e : groups.get(Grouping.TEAM).entrySet()) {
        byTeam.put(e.getKey(), e.getValue().stats(e.getKey()));
      }
      CalibrationStats cal = calibration.stats(null);
      CadenceStats cad = cadence.stats(null);
      List<Recommendation> recs = Recommendations.of(new TreeMap<>(teamNames), byTeam, objectiveStats, calByTeam,
          cadByTeam, shapeStats, blockerStats, fc);
      LOG.debug("retrospective of {} cycles, {} key results, {} recommendations", cycles, keyResults, recs.size());
      return new RetroReport(cycles, keyResults, fromResults, fromCheckIn, unscored, overallStats, breakdowns,
          objectiveStats, trendList, cal, calByTeam, cad, cadByTeam, shapeStats, blockerStats, fc, fcByTeam, recs);
    }
  }

  static Double ratio(long part, long whole) {
    return whole == 0 ? null : part / (double) whole;
  }

  static Double mean(long sum, long count, double scale) {
    return count == 0 ? null : sum / (double) count / scale;
  }

  /** Completion sums of one group. */
  static final class GroupAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long keyResults;
    long scored;
    long hits;
    long sum;
    long low;
    long middle;
    long high;
    long committed;
    long committedMet;
    long aspirational;
    long aspirationalMet;
    long aspirationalSum;
    final IntList scores = new IntList();

    void add(int score, boolean hit, Commitment commitment) {
      keyResults++;
      if (score < 0) {
        return;
      }
      scored++;
      hits += hit ? 1 : 0;
      sum += score;
      scores.add(score);
      if (score < 400_000) {
        low++;
      } else if (score < 700_000) {
        middle++;
      } else {
        high++;
      }
      if (commitment == Commitment.COMMITTED) {
        committed++;
        committedMet += score >= SCORE_SCALE ? 1 : 0;
      } else {
        aspirational++;
        aspirationalMet += score >= 700_000 ? 1 : 0;
        aspirationalSum += score;
      }
    }

    void merge(GroupAcc o) {
      keyResults += o.keyResults;
      scored += o.scored;
      hits += o.hits;
      sum += o.sum;
      low += o.low;
      middle += o.middle;
      high += o.high;
      committed += o.committed;
      committedMet += o.committedMet;
      aspirational += o.aspirational;
      aspirationalMet += o.aspirationalMet;
      aspirationalSum += o.aspirationalSum;
      scores.addAll(o.scores);
    }

    GroupStats stats(String key) {
      return new GroupStats(key, keyResults, scored, hits, ratio(hits, scored), mean(sum, scored, SCORE_SCALE),
          scores.median(SCORE_SCALE), low, middle, high, committed, committedMet, aspirational, aspirationalMet,
          mean(aspirationalSum, aspirational, SCORE_SCALE));
    }
  }

  /** Objective scores of one commitment. */
  static final class ObjAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long objectives;
    long scored;
    long sum;
    long met;
    final IntList scores = new IntList();

    void add(int score, Commitment c) {
      scored++;
      sum += score;
      scores.add(score);
      met += score >= Math.round(c.expectedScore() * SCORE_SCALE) ? 1 : 0;
    }

    void merge(ObjAcc o) {
      objectives += o.objectives;
      scored += o.scored;
      sum += o.sum;
      met += o.met;
      scores.addAll(o.scores);
    }

    ObjectiveStats stats(Commitment c) {
      return new ObjectiveStats(c.jsonName(), c.expectedScore(), objectives, scored, mean(sum, scored, SCORE_SCALE),
          scores.median(SCORE_SCALE), met);
    }
  }

  /** One team in one cycle. */
  static final class TrendAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final String cycleId;
    final LocalDate start;
    long keyResults;
    long scored;
    long hits;
    long sum;

    TrendAcc(String cycleId, LocalDate start) {
      this.cycleId = cycleId;
      this.start = start;
    }

    void add(int score, boolean hit) {
      keyResults++;
      if (score >= 0) {
        scored++;
        sum += score;
        hits += hit ? 1 : 0;
      }
    }

    void merge(TrendAcc o) {
      keyResults += o.keyResults;
      scored += o.scored;
      sum += o.sum;
      hits += o.hits;
    }
  }

  /** Calibration sums. */
  static final class CalAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long n;
    long confidenceSum;
    long hits;
    long brierSum;
    final long[] binCount = new long[BINS];
    final long[] binConfidence = new long[BINS];
    final long[] binHits = new long[BINS];
    long selfScored;
    long selfSum;
    long actualSum;

    void confidence(int conf, boolean hit) {
      n++;
      confidenceSum += conf;
      long y = hit ? CONFIDENCE_SCALE : 0;
      brierSum += (conf - y) * (conf - y);
      hits += hit ? 1 : 0;
      int bin = Math.min(BINS - 1, conf * BINS / CONFIDENCE_SCALE);
      binCount[bin]++;
      binConfidence[bin] += conf;
      binHits[bin] += hit ? 1 : 0;
    }

    void self(long selfMicro, int score) {
      selfScored++;
      selfSum += selfMicro;
      actualSum += score;
    }

    void merge(CalAcc o) {
      n += o.n;
      confidenceSum += o.confidenceSum;
      hits += o.hits;
      brierSum += o.brierSum;
      for (int i = 0; i < BINS; i++) {
        binCount[i] += o.binCount[i];
        binConfidence[i] += o.binConfidence[i];
        binHits[i] += o.binHits[i];
      }
      selfScored += o.selfScored;
      selfSum += o.selfSum;
      actualSum += o.actualSum;
    }

    CalibrationStats stats(String team) {
      List<ConfidenceBin> bins = new ArrayList<>();
      for (int i = 0; i < BINS; i++) {
        bins.add(new ConfidenceBin(i / (double) BINS, (i + 1) / (double) BINS, binCount[i],
            mean(binConfidence[i], binCount[i], CONFIDENCE_SCALE), ratio(binHits[i], binCount[i])));
      }
      Double meanConfidence = mean(confidenceSum, n, CONFIDENCE_SCALE);
      Double hitRate = ratio(hits, n);
      Double over = n == 0 ? null : (confidenceSum - hits * (double) CONFIDENCE_SCALE) / n / CONFIDENCE_SCALE;
      Double brier = mean(brierSum, n, (double) CONFIDENCE_SCALE * CONFIDENCE_SCALE);
      Double meanSelf = mean(selfSum, selfScored, SCORE_SCALE);
      Double meanActual = mean(actualSum, selfScored, SCORE_SCALE);
      Double gap = selfScored == 0 ? null : (selfSum - actualSum) / (double) selfScored / SCORE_SCALE;
      return new CalibrationStats(team, n, brier, meanConfidence, hitRate, over, selfScored, meanSelf, meanActual,
          gap, bins);
    }
  }

  /** Cadence sums. */
  static final class CadAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long keyResults;
    long withoutCheckIns;
    long checkIns;
    final LongHistogram gapHours = new LongHistogram();
    long weeks;
    long weeksWithCheckIn;
    long longest = -1;
    String longestCycle;
    String longestKeyResult;

    void add(Span span, String kr, int checkIns, int[] gaps, int weeksSeen, long longestSeconds) {
      keyResults++;
      weeks += span.weeks;
      this.checkIns += checkIns;
      if (checkIns == 0) {
        withoutCheckIns++;
      }
      for (int i = 0; i < checkIns - 1; i++) {
        gapHours.add(gaps[i]);
      }
      weeksWithCheckIn += weeksSeen;
      silence(longestSeconds, span.id, kr);
    }

    void silence(long seconds, String cycle, String kr) {
      if (seconds > longest || (seconds == longest && (cycle.compareTo(longestCycle) < 0
          || (cycle.equals(longestCycle) && kr.compareTo(longestKeyResult) < 0)))) {
        longest = seconds;
        longestCycle = cycle;
        longestKeyResult = kr;
      }
    }

    void merge(CadAcc o) {
      keyResults += o.keyResults;
      withoutCheckIns += o.withoutCheckIns;
      checkIns += o.checkIns;
      gapHours.merge(o.gapHours);
      weeks += o.weeks;
      weeksWithCheckIn += o.weeksWithCheckIn;
      if (o.longest >= 0) {
        silence(o.longest, o.longestCycle, o.longestKeyResult);
      }
    }

    CadenceStats stats(String team) {
      return new CadenceStats(team, keyResults, withoutCheckIns, checkIns, gapHours.median(24),
          weeks, weeksWithCheckIn, ratio(weeksWithCheckIn, weeks),
          longest < 0 ? null : longest / Cycle.SECONDS_PER_DAY, longestCycle, longestKeyResult);
    }
  }

  /** One blocker tag. */
  // the fields typed Map are HashMaps and EnumMaps, which serialize (toBytes)
  @SuppressWarnings("serial")
  static final class BlockerAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    long keyResults;
    long mentions;
    long seconds;
    long maxSeconds;
    long hits;
    long misses;
    final Map<String, long[]> teams = new HashMap<>();

    void merge(BlockerAcc o) {
      keyResults += o.keyResults;
      mentions += o.mentions;
      seconds += o.seconds;
      maxSeconds = Math.max(maxSeconds, o.maxSeconds);
      hits += o.hits;
      misses += o.misses;
      o.teams.forEach((k, v) -> teams.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }

    BlockerStats stats(String tag) {
      List<TeamCount> t = new ArrayList<>();
      teams.forEach((k, v) -> t.add(new TeamCount(k, v[0])));
      t.sort((a, b) -> a.keyResults() != b.keyResults() ? Long.compare(b.keyResults(), a.keyResults())
          : a.team().compareTo(b.team()));
      return new BlockerStats(tag, keyResults, mentions, seconds / (double) keyResults / Cycle.SECONDS_PER_DAY,
          maxSeconds / Cycle.SECONDS_PER_DAY, t, hits, misses, ratio(misses, hits + misses));
    }
  }

  /** Forecast accountability sums. */
  static final class FcAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final double WEEK = WEEK_SECONDS;
    long keyResults;
    long misses;
    long missesFlagged;
    long missesToTheEnd;
    long missesWithoutGap;
    long firstAheadSum;
    final IntList firstAhead = new IntList();
    final IntList runAhead = new IntList();
    long hits;
    long hitsFlagged;
    long hitsAtLast;

    void add(boolean hit, boolean flagged, boolean atLast, boolean withoutGap, int firstAheadSeconds,
        int runAheadSeconds) {
      keyResults++;
      if (hit) {
        hits++;
        hitsFlagged += flagged ? 1 : 0;
        hitsAtLast += atLast ? 1 : 0;
        return;
      }
      misses++;
      if (flagged) {
        missesFlagged++;
        firstAheadSum += firstAheadSeconds;
        firstAhead.add(firstAheadSeconds);
      }
      if (atLast) {
        missesToTheEnd++;
        runAhead.add(runAheadSeconds);
      }
      missesWithoutGap += withoutGap ? 1 : 0;
    }

    void merge(FcAcc o) {
      keyResults += o.keyResults;
      misses += o.misses;
      missesFlagged += o.missesFlagged;
      missesToTheEnd += o.missesToTheEnd;
      missesWithoutGap += o.missesWithoutGap;
      firstAheadSum += o.firstAheadSum;
      firstAhead.addAll(o.firstAhead);
      runAhead.addAll(o.runAhead);
      hits += o.hits;
      hitsFlagged += o.hitsFlagged;
      hitsAtLast += o.hitsAtLast;
    }

    ForecastAccountability stats(String team) {
      return new ForecastAccountability(team, keyResults, misses, missesFlagged, missesToTheEnd, missesWithoutGap,
          firstAhead.median(WEEK), mean(firstAheadSum, missesFlagged, WEEK), runAhead.median(WEEK), hits,
          hitsFlagged, hitsAtLast, ratio(hitsFlagged, hits));
    }
  }

  /** A cycle's bounds in epoch seconds, computed once per cycle. */
  static final class Span {
    final String id;
    final long startSec;
    final long endSec;
    final double length;
    final int weeks;
    final String trendKey;
    final LocalDate start;

    Span(Cycle c) {
      id = c.id();
      start = c.start();
      startSec = c.startInstant().getEpochSecond();
      endSec = c.endInstant().getEpochSecond();
      length = endSec - startSec;
      weeks = (int) Math.max(1, (endSec - startSec + WEEK_SECONDS - 1) / WEEK_SECONDS);
      trendKey = start + "|" + id;
    }

    /** The elapsed fraction (0..1, clamped) of the cycle at {@code at}. */
    double fraction(Instant at) {
      double f = (at.getEpochSecond() - startSec + at.getNano() / 1e9) / length;
      return f <= 0 ? 0 : f >= 1 ? 1 : f;
    }
  }

  /** The per-team accumulators, found with one lookup. */
  // the fields typed Map are HashMaps and EnumMaps, which serialize (toBytes)
  @SuppressWarnings("serial")
  static final class TeamAcc implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final GroupAcc completion;
    final CalAcc calibration;
    final CadAcc cadence;
    final FcAcc forecasts;
    final Map<String, TrendAcc> trends;
    private String lastTrendKey;
    private TrendAcc lastTrend;

    TeamAcc(GroupAcc completion, CalAcc calibration, CadAcc cadence, FcAcc forecasts, Map<String, TrendAcc> trends) {
      this.completion = completion;
      this.calibration = calibration;
      this.cadence = cadence;
      this.forecasts = forecasts;
      this.trends = trends;
    }

    TrendAcc trend(Span span) {
      if (span.trendKey.equals(lastTrendKey)) {
        return lastTrend;
      }
      lastTrend = trends.computeIfAbsent(span.trendKey, k -> new TrendAcc(span.id, span.start));
      lastTrendKey = span.trendKey;
      return lastTrend;
    }
  }
}
