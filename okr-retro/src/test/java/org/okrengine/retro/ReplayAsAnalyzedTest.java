package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;

/**
 * The weekly replay flags what {@code okr analyze} showed on those days: the bundled example's third quarter, whose
 * key results have no result and are scored from their last check-in. {@code okr analyze} forecasts each key result
 * with {@link Forecaster#forecast} at the day's start (the engine's {@code Snapshot}); the replay must give the same
 * status, not a forecast of the value at the last check-in (which flagged KR-4, KR-13 and KR-28, never flagged by
 * analyze).
 */
class ReplayAsAnalyzedTest {
  private static OkrCycle example() throws Exception {
    Path root = Path.of(System.getProperty("okr.repo.root", ".."));
    return CycleJson.withDefaults().read(root.resolve("examples").resolve("acme-2026-q3.json")).cycle();
  }

  /** 7, 14, ... days after the start, before the end: the replay's instants (ForecastsSection). */
  private static List<Instant> weekly(Cycle c) {
    List<Instant> out = new ArrayList<>();
    for (Instant at = c.startInstant().plusSeconds(Span.WEEK_SECONDS); at.isBefore(c.endInstant());
        at = at.plusSeconds(Span.WEEK_SECONDS)) {
      out.add(at);
    }
    return out;
  }

  @Test
  void kr4_onTrackWhenAnalyzed_isNoFlag() throws Exception {
    OkrCycle okr = example();
    KeyResult kr4 = okr.keyResults().stream().filter(k -> k.id().equals("KR-4")).findFirst().orElseThrow();
    // okr analyze examples/acme-2026-q3.json --as-of 2026-09-23 --format json: KR-4 "on-track",
    // probabilityOfTarget 0.5680642541680916 (the at-risk threshold is 0.37)
    Instant sep23 = LocalDate.of(2026, 9, 23).atStartOfDay(okr.cycle().zone()).toInstant();
    Forecast asAnalyzed = Forecaster.withDefaults().forecast(kr4, okr.cycle(), sep23, okr.milestonesOf("KR-4"));
    assertThat(asAnalyzed.status()).isEqualTo(Status.ON_TRACK);
    assertThat(asAnalyzed.probabilityOfTarget()).isCloseTo(0.568, within(0.001));
    // a cycle of KR-4 alone: no result, scored from its last check-in (360 EUR against 320: a miss). Its 13 weekly
    // statuses are all on-track as analysed (0.56 on 8 Jul ... 0.57 on 23 Sep, 0.56 on 30 Sep), so no flag; the
    // replay used to forecast the value at its last check-in instead and gave 0.33 on 23 Sep, at risk, "first flag
    // 1.1 weeks ahead"
    Objective o = okr.objectives().stream().filter(x -> x.keyResults().contains(kr4)).findFirst().orElseThrow();
    Objective only = new Objective(o.id(), o.title(), o.team(), o.owner(), null, o.commitment(), List.of(kr4),
        o.commitmentDeclared());
    RetroReport r = Retrospective.withDefaults().run(List.of(OkrCycle.of(okr.cycle(), okr.teams(), List.of(only))));
    assertThat(r.forecasts().misses()).isEqualTo(1);
    assertThat(r.forecasts().missesFlagged()).isZero();
    assertThat(r.forecasts().medianWeeksAheadFirstFlag()).isNull();
  }

  @Test
  void example_everyFlagIsAStatusAnalyzeShowed() throws Exception {
    OkrCycle okr = example();
    Cycle c = okr.cycle();
    List<Instant> weeks = weekly(c);
    assertThat(weeks).hasSize(13); // 8 Jul ... 30 Sep, the end being the start of 1 Oct
    Forecaster f = Forecaster.withDefaults();
    Set<String> flagged = new TreeSet<>();
    Set<String> missesAtLast = new TreeSet<>();
    for (KeyResult kr : okr.keyResults()) {
      boolean on = false;
      for (Instant at : weeks) {
        Status s = f.forecast(kr, c, at, okr.milestonesOf(kr.id())).status();
        if (s == Status.AT_RISK || s == Status.OFF_TRACK) {
          on = true;
          flagged.add(kr.id());
        } else if (s == Status.ON_TRACK || s == Status.ACHIEVED) {
          on = false;
        } // stale and the rest keep the flag as it was (ForecastAccountability)
      }
      double last = kr.checkIns().get(kr.checkIns().size() - 1).value();
      if (on && !kr.metric().isMet(last)) {
        missesAtLast.add(kr.id());
      }
    }
    RetroReport r = Retrospective.withDefaults().run(List.of(okr));
    assertThat(r.forecasts().misses()).isEqualTo(21);
    assertThat(r.forecasts().missesFlagged() + r.forecasts().hitsFlagged()).isEqualTo(flagged.size());
    // okr analyze --as-of every 3 days (1 Jul to 29 Sep) never showed KR-4, KR-13 or KR-28 at risk or off track,
    // and flagged the other 18 misses; the replay said "misses 21: 20 flagged (19 to the end ...)"
    assertThat(flagged).doesNotContain("KR-4", "KR-13", "KR-28");
    assertThat(r.forecasts().missesFlagged()).isEqualTo(18);
    // analyze on 29 Sep: 15 misses at risk or off track, as the replay's last week (30 Sep) leaves them
    assertThat(r.forecasts().missesFlaggedToTheEnd()).isEqualTo(missesAtLast.size()).isEqualTo(15);
  }
}
