package org.okrengine.execution;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.HashMap;
import java.util.Map;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationPolicy;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.ForecastModelInfo;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.ReportChanges;
import org.okrengine.model.SourceHealthSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analyses a cycle at an instant: for every key result its progress against plan, its forecast, status, reasons, one
 * plain sentence and (when it needs attention) its likely causes ranked with their evidence; the cascades of late items
 * through the dependency graph; the escalations that the {@linkplain #policy() policy} gives when status is replayed
 * over the check-in history; broken data connections; and objective and company summaries: one
 * {@code okr-report/1} report. {@link #groundedPrompt(CycleReport)} turns a report into compact text for a language
 * model; the library itself makes no network calls. Deterministic: the same cycle, instant and configuration give an
 * equal report. Configured with {@code with...} copy methods. Immutable and thread-safe.
 */
public final class ExecutionEngine {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutionEngine.class);
  private static final ExecutionEngine DEFAULTS =
      new ExecutionEngine(Forecaster.withDefaults(), EscalationPolicy.DEFAULT);

  private final Forecaster forecaster;
  private final EscalationPolicy policy;

  private ExecutionEngine(Forecaster forecaster, EscalationPolicy policy) {
    this.forecaster = forecaster;
    this.policy = policy;
  }

  /** The engine with the default forecaster and {@link EscalationPolicy#DEFAULT the default escalation policy}. */
  public static ExecutionEngine withDefaults() {
    return DEFAULTS;
  }

  /** A copy forecasting with {@code forecaster}. */
  public ExecutionEngine withForecaster(Forecaster forecaster) {
    return new ExecutionEngine(Objects.requireNonNull(forecaster, "forecaster must not be null"), policy);
  }

  /** A copy escalating by {@code policy}. */
  public ExecutionEngine withPolicy(EscalationPolicy policy) {
    return new ExecutionEngine(forecaster, Objects.requireNonNull(policy, "policy must not be null"));
  }

  /** The forecaster. */
  public Forecaster forecaster() {
    return forecaster;
  }

  /** The escalation policy. */
  public EscalationPolicy policy() {
    return policy;
  }

  /**
   * The instant to analyse when none is given: now by {@code clock}, but not after the cycle's end instant nor before
   * its start.
   */
  public static Instant defaultAsOf(OkrCycle cycle, Clock clock) {
    Cycle c = cycle.cycle();
    Instant now = clock.instant();
    if (now.isAfter(c.endInstant())) {
      return c.endInstant();
    }
    return now.isBefore(c.startInstant()) ? c.startInstant() : now;
  }

  /**
   * The report of {@code cycle} as of {@code asOf}; only check-ins at or before {@code asOf} count. The report names
   * the forecaster's model and method ({@link CycleReport#model()}). The escalation
   * replay forecasts every key result once per day of the cycle up to {@code asOf}, so the work grows with key
   * results times days. {@code asOf} may lie up to one cycle length before the start or after the end
   * ({@link Cycle#requireAnalysable}), so the work is bounded by the cycle's length.
   *
   * <p>The report's {@linkplain CycleReport#teams() team roll-ups} are filled, and its
   * {@linkplain CycleReport#changes() changes} compare it with the cycle 7 days before {@code asOf} (see
   * {@link #analyze(OkrCycle, Instant, Instant)}; this analyses the cycle a second time, at that instant).
   *
   * @throws IllegalArgumentException when {@code asOf} lies outside {@link Cycle#windowStart} to
   *     {@link Cycle#windowEnd}, naming the range and the instant
   * @throws org.okrengine.deps.DependencyCycleException when dependencies form a cycle, listing every cycle
   */
  public CycleReport analyze(OkrCycle cycle, Instant asOf) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    // checked first: 7 days before an instant far outside the window may not exist (Instant.MIN)
    cycle.cycle().requireAnalysable(asOf);
    return analyze(cycle, asOf, Changes.defaultCompareTo(cycle.cycle(), asOf));
  }

  /**
   * The report of {@code cycle} as of {@code asOf} ({@link #analyze(OkrCycle, Instant)}) with what changed since
   * {@code compareTo} ({@link CycleReport#changes()}): the cycle is analysed at both instants and the reports
   * compared (status changes, new or raised escalations, probabilities of target moved by at least
   * {@link ReportChanges#MIN_PROBABILITY_MOVE}).
   * <ul>
   *   <li>{@code compareTo} before the cycle's start: compared with the start (before it there is nothing to
   *       compare).
   *   <li>{@code asOf} at or before that instant (the cycle's first moments), or {@code compareTo} null: no changes
   *       (null), and no second analysis.
   * </ul>
   *
   * @throws IllegalArgumentException when {@code asOf} lies outside {@link Cycle#windowStart} to
   *     {@link Cycle#windowEnd}, or {@code compareTo} after {@code asOf}, naming the instants
   * @throws org.okrengine.deps.DependencyCycleException when dependencies form a cycle, listing every cycle
   */
  public CycleReport analyze(OkrCycle cycle, Instant asOf, Instant compareTo) {
    Objects.requireNonNull(cycle, "cycle must not be null");
    cycle.cycle().requireAnalysable(asOf);
    if (compareTo != null && compareTo.isAfter(asOf)) {
      throw new IllegalArgumentException("compareTo must not be after asOf (" + asOf + "): " + compareTo);
    }
    DependencyGraph graph = DependencyGraph.of(cycle);
    CycleReport now = report(cycle, graph, asOf, true, Map.of());
    Instant since = compareTo == null ? null : Changes.effective(cycle, asOf, compareTo);
    // the earlier report only lends its statuses, probabilities and escalations to the comparison
    ReportChanges changes = since == null ? null : Changes.between(cycle, policy, forecaster,
        report(cycle, graph, since, false, Map.of()), now);
    return new CycleReport(now.cycleId(), asOf, now.keyResults(), now.cascades(), now.escalations(),
        now.sourceHealth(), now.objectives(), now.summary(), now.model(), now.escalationGroups(),
        TeamRollups.of(cycle, now.keyResults()), changes);
  }

  /**
   * The report of {@code cycle} at {@code asOf} without what changed, open milestones landing on the days of
   * {@code lands} (by id) where not on their due dates: a what-if's scenario ({@link WhatIf#compare}).
   */
  CycleReport analyzeScenario(OkrCycle cycle, Instant asOf, Map<String, LocalDate> lands) {
    cycle.cycle().requireAnalysable(asOf);
    CycleReport now = report(cycle, DependencyGraph.of(cycle), asOf, true, lands);
    return new CycleReport(now.cycleId(), asOf, now.keyResults(), now.cascades(), now.escalations(),
        now.sourceHealth(), now.objectives(), now.summary(), now.model(), now.escalationGroups(),
        TeamRollups.of(cycle, now.keyResults()), null);
  }

  /**
   * The report at {@code asOf} without team roll-ups or changes; without {@code full}, only what a comparison reads
   * (key results' statuses, reasons and forecasts, and the escalations): no causes, cascades' summaries, source
   * health, summary, objectives or escalation groups.
   */
  private CycleReport report(OkrCycle cycle, DependencyGraph graph, Instant asOf, boolean full,
      Map<String, LocalDate> lands) {
    Snapshot now = Snapshot.of(cycle, graph, forecaster, asOf, true, false, lands);
    List<SourceHealth.Feed> feeds = SourceHealth.feeds(cycle, asOf);
    List<KeyResultReport> rows = new ArrayList<>();
    Map<String, KeyResultReport> byId = new HashMap<>();
    LocalDate today = Insights.countedDay(cycle.cycle(), asOf);
    boolean over = Insights.over(cycle.cycle(), asOf);
    // causes (a pace that fell, a blocker named for weeks) are judged up to the cycle's end at the latest: after it
    // nothing moves, and a report of a finished cycle says the same whatever day it is run
    Instant causesAt = over ? cycle.cycle().endInstant() : asOf;
    for (KeyResult kr : cycle.keyResults()) {
      Forecast f = now.forecasts().get(kr.id());
      Double value = kr.latestCheckIn(asOf).map(CheckIn::value).orElse(null);
      String objective = cycle.objectiveOf(kr.id()).orElseThrow().id();
      // the status first (a late item it needs puts an on-track key result at risk, naming it before the sentence):
      // only an on-track one's sentence says why a chance below one half is on track
      UpstreamRule.Outcome o = UpstreamRule.apply(cycle, kr, f, "", now.risks(), today, asOf);
      String sentence = Insights.sentence(kr, f, cycle.cycle(), forecaster.onTrackProbability(), over,
          !cycle.milestonesOf(kr.id()).isEmpty(), value,
          Insights.flatSince(cycle.cycle(), kr.checkInsAsOf(asOf)), o.status(), cycle.cycle().dateOf(asOf),
          // where the forecast is of the value at the expected last check-in, that check-in's day, which it names
          forecaster.outcomeFromLastCheckIn() ? Forecaster.expectedLastCheckIn(kr, cycle.cycle(), asOf) : null);
      Snapshot.Blocked blocked = now.blocked().get(kr.id());
      if (blocked != null) {
        // what blocks it lands after the cycle's end: named before what its own numbers say
        sentence = Causes.name(kr.id(), kr.title()) + " is blocked by " + Causes.name(cycle, blocked.upstream())
            + ", which lands on " + Insights.DAY.format(blocked.lands()) + ", after the cycle's end ("
            + Insights.DAY.format(cycle.cycle().end()) + "), so it cannot be done in the cycle. " + sentence;
      }
      o = new UpstreamRule.Outcome(o.status(), o.reasons(), o.sentence() + sentence);
      String doubt = Insights.ownerDoubts(kr, o.status(), asOf, over);
      if (doubt != null) {
        o = new UpstreamRule.Outcome(o.status(), o.reasons(), o.sentence() + " " + doubt);
      }
      // a key result silent since the start for longer than the stale limit asks for attention as a stale one does
      boolean attention = o.status().needsAttention() || o.status() == Status.NO_DATA
          && Causes.silentSinceStart(f) != null;
      List<Cause> causes = full && attention
          ? Causes.of(cycle, kr, f, causesAt, now.cascades(), feeds) : List.of();
      KeyResultReport row = new KeyResultReport(kr.id(), kr.title(), objective, kr.team(), o.status(), value,
          f.progress(), f.expectedProgress(), f.daysSinceCheckIn(), f.toSummary(), o.reasons(), o.sentence(),
          causes, kr.metric(), kr.owner());
      rows.add(row);
      byId.put(kr.id(), row);
    }
    List<EscalationSummary> escalations = Escalations.replay(cycle, graph, forecaster, policy, asOf, now);
    if (!full) {
      return new CycleReport(cycle.cycle().id(), asOf, rows, List.of(), escalations, List.of(), List.of(), null,
          null, List.of());
    }
    List<CascadeSummary> cascades = new ArrayList<>();
    for (Cascade c : now.cascades()) {
      cascades.add(c.toSummary());
    }
    List<SourceHealthSummary> sources = SourceHealth.summaries(cycle, asOf);
    String summary = Summaries.company(cycle, asOf, rows, now.cascades(), sources, escalations);
    LOG.debug("analysed {} as of {}: {} key results, {} cascades, {} escalations, {} broken sources",
        cycle.cycle().id(), asOf, rows.size(), cascades.size(), escalations.size(), sources.size());
    ForecastModelInfo model = new ForecastModelInfo(forecaster.model().name(), forecaster.method().id(),
        forecaster.describeModel(), forecaster.outcomeFromLastCheckIn());
    return new CycleReport(cycle.cycle().id(), asOf, rows, cascades, escalations, sources,
        Summaries.objectives(cycle, byId, CommitmentSimulation.withDefaults().byObjective(cycle, now.forecasts(),
            now.risks(), now.cascades()), over), summary, model,
        EscalationGroups.of(cycle, asOf, escalations, now.cascades(), byId));
  }

  /**
   * A compact text of the facts in {@code report}, for a vendor to hand to its own language model: the summary, each
   * key result that needs attention with its numbers, insight and causes, the cascades, escalations, broken data
   * connections and objective summaries, headed by an instruction to use only these facts. Every number in it comes
   * from the report. Deterministic; no network call is made.
   *
   * <p>Text from the cycle cannot pose as an instruction: the facts lie between the lines
   * {@code === BEGIN OKR FACTS ===} and {@code === END OKR FACTS ===}; every title, name, note, tag and sentence made
   * from them is a JSON string (double quotes; quotes, backslashes, control characters, U+2028, U+2029,
   * bidirectional controls escaped), so no value holds a line break and none can end the facts; ids appear bare only
   * when they are plain tokens (ASCII letters, digits, {@code .}, {@code _}, {@code -}).
   */
  public static String groundedPrompt(CycleReport report) {
    return Prompt.of(Objects.requireNonNull(report, "report must not be null"));
  }

  /**
   * Whether {@code cycle} is over at {@code asOf} (at or after its end): each key result's outcome is then known, and
   * the report's sentences, the page, {@code okr explain} and {@link #groundedPrompt(OkrCycle, CycleReport)} say where
   * it ended, met or not, instead of a forecast. The one test they use, for a vendor's own outputs (the text report).
   */
  public static boolean isOver(OkrCycle cycle, Instant asOf) {
    return Insights.over(Objects.requireNonNull(cycle, "cycle must not be null").cycle(),
        Objects.requireNonNull(asOf, "asOf must not be null"));
  }

  /**
   * As {@link #groundedPrompt(CycleReport)}, for {@code report} of {@code cycle}: once the cycle is over at the
   * report's instant, each key result's line says where it ended and whether it met its target ("the cycle is over:
   * ended at 81%, not met") instead of a forecast and a probability, as the report's sentences, the text report, the
   * page and {@code okr explain} do; the instant is named in the cycle's zone too ("as of 2026-10-01 00:00
   * Europe/Oslo (2026-09-30T22:00:00Z)"). The one-argument form cannot tell that the cycle is over (a report does not
   * hold the cycle's end or zone): it always writes the forecast, and the instant alone.
   *
   * @throws IllegalArgumentException when the report is not of this cycle (another cycle id, or a key result the
   *     cycle does not have), as {@link HtmlReportWriter#write(OkrCycle, CycleReport)}
   */
  public static String groundedPrompt(OkrCycle cycle, CycleReport report) {
    // another cycle's end and zone would misstate the report: a running cycle's key results "over: ended at 86%"
    HtmlReportWriter.requireReportOf(cycle, report);
    return Prompt.of(report, Insights.over(cycle.cycle(), report.asOf()), cycle.cycle().zone());
  }
}
