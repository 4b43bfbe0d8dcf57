package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Status;
import org.okrengine.model.json.CycleJson;

/**
 * {@link Forecaster#statuses} and {@link Forecaster#replay} give, instant by instant, the status and probability
 * {@link Forecaster#forecast} gives.
 */
class StatusReplayTest {
  /** Every key result of a cycle, daily from two days before its start to two days after its end. */
  static void assertSameAsForecast(Forecaster f, OkrCycle okr) {
    assertSameAsForecast(f, okr, 86_400 - 3_600);
  }

  /** Every key result of a cycle, every {@code stepSeconds} from two days before its start to two after its end. */
  static void assertSameAsForecast(Forecaster f, OkrCycle okr, long stepSeconds) {
    Cycle c = okr.cycle();
    List<Instant> days = new ArrayList<>();
    for (Instant at = c.startInstant().minusSeconds(2 * 86_400); !at.isAfter(c.endInstant().plusSeconds(2 * 86_400));
        at = at.plusSeconds(stepSeconds)) {
      days.add(at);
    }
    for (KeyResult kr : okr.keyResults()) {
      var milestones = okr.milestonesOf(kr.id());
      List<Status> expected = new ArrayList<>();
      for (Instant at : days) {
        expected.add(f.forecast(kr, c, at, milestones).status());
      }
      assertThat(f.statuses(kr, c, days, milestones)).as(okr.cycle().id() + " " + kr.id()).isEqualTo(expected);
      // replay: the same statuses, and the probability forecast() gives, to the last bit, where it forecasts
      List<Forecaster.Replayed> replayed = f.replay(kr, c, days, milestones);
      for (int k = 0; k < days.size(); k++) {
        Forecast one = f.forecast(kr, c, days.get(k), milestones);
        Forecaster.Replayed r = replayed.get(k);
        assertThat(r.status()).isEqualTo(one.status());
        boolean forecasts = !days.get(k).isBefore(c.startInstant()) && one.progress() != null
            && !(one.status() == Status.ACHIEVED);
        if (forecasts) {
          assertThat(r.probabilityOfTarget()).as("%s %s at %s", c.id(), kr.id(), days.get(k))
              .isEqualTo(one.probabilityOfTarget());
        } else {
          assertThat(r.probabilityOfTarget()).as("%s %s at %s", c.id(), kr.id(), days.get(k)).isNull();
        }
      }
      // instants in any order: latest first
      List<Instant> backwards = new ArrayList<>(days);
      java.util.Collections.reverse(backwards);
      List<Status> reversed = new ArrayList<>(expected);
      java.util.Collections.reverse(reversed);
      assertThat(f.statuses(kr, c, backwards, milestones)).isEqualTo(reversed);
    }
  }

  @Test
  void example_everyDirectionAndShape_everyDay() throws Exception {
    Path root = Path.of(System.getProperty("okr.repo.root", ".."));
    for (String name : List.of("acme-2026-q2.json", "acme-2026-q3.json")) {
      OkrCycle okr = CycleJson.withDefaults().read(root.resolve("examples").resolve(name)).cycle();
      assertSameAsForecast(Forecaster.withDefaults(), okr);
      // another method and tighter thresholds go through the same status rule
      assertSameAsForecast(Forecaster.withDefaults().withMethod(ForecastMethod.OLS_TREND)
          .withStaleAfterDays(7).withThresholds(0.7, 0.3), okr);
    }
  }

  @Test
  void example_moreInstantsThanOneRunOfTheKernel() throws Exception {
    // every 5 hours over a quarter: about 450 instants, more than the 256 the kernel's stages take at once
    Path root = Path.of(System.getProperty("okr.repo.root", ".."));
    OkrCycle okr = CycleJson.withDefaults().read(root.resolve("examples").resolve("acme-2026-q3.json")).cycle();
    assertSameAsForecast(Forecaster.withDefaults(), okr, 5 * 3_600);
  }

  @Test
  void realCycles() {
    String dir = System.getProperty("okr.shared.data");
    Path d = dir == null ? null : Path.of(dir);
    Assumptions.assumeTrue(d != null && Files.isDirectory(d),
        "../shared/data is absent (system property okr.shared.data = " + dir + "): real-data replay skipped");
    for (Path file : List.of(d.resolve("tawos-quarterly-throughput.jsonl"), d.resolve("tse2017-sprints.jsonl"))) {
      for (OkrCycle okr : BacktestRealDataTest.read(file).subList(0, 150)) {
        assertSameAsForecast(Forecaster.withDefaults(), okr);
      }
    }
  }

  /**
   * forecast() takes any instant (its Javadoc: it does not check that {@code asOf} falls within the cycle), as
   * statuses() and replay() do: one more than 1e6 days (the kernel's reach, about 2,700 years) from the start, as a
   * year typed 20260 for 2026 is, threw "lengthDays must be within [0.001,
   * 1000000.0], asOfDays and check-in times within +-1000000.0, ..." naming neither the instant nor its field, while
   * replay() gave OFF_TRACK with chance 0 (KR-1 of the Q3 example) at the same instant; and Instant.MIN or
   * Instant.MAX, which no LocalDate holds, threw DateTimeException for an achieve key result (KR-3), which reads the
   * day.
   */
  @Test
  void instantsBeyondTheKernelsReach_forecastAsTheReplayGivesThem() throws Exception {
    Path root = Path.of(System.getProperty("okr.repo.root", ".."));
    OkrCycle okr = CycleJson.withDefaults().read(root.resolve("examples").resolve("acme-2026-q3.json")).cycle();
    Cycle c = okr.cycle();
    Forecaster f = Forecaster.withDefaults();
    // 2026-08-19 with the year mistyped, a year before the kernel's reach, and (with the year mistyped the other way)
    // 1,000 years after it: more than 1e6 days before and after the 2026 start
    List<Instant> far = List.of(Instant.parse("+20260-08-19T00:00:00Z"), Instant.parse("-0800-08-19T00:00:00Z"),
        Instant.parse("5000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX);
    for (KeyResult kr : okr.keyResults()) {
      var milestones = okr.milestonesOf(kr.id());
      List<Forecaster.Replayed> replayed = f.replay(kr, c, far, milestones);
      for (int k = 0; k < far.size(); k++) {
        Forecast one = f.forecast(kr, c, far.get(k), milestones);
        assertThat(one.status()).as("%s at %s", kr.id(), far.get(k)).isEqualTo(replayed.get(k).status());
        if (replayed.get(k).probabilityOfTarget() != null) {
          assertThat(one.probabilityOfTarget()).as("%s at %s", kr.id(), far.get(k))
              .isEqualTo(replayed.get(k).probabilityOfTarget());
        }
        assertThat(one.landingValue()).as("%s at %s", kr.id(), far.get(k)).isFinite();
      }
    }
    // after the end the outcome decides: KR-1 (last check-in 1.8472M EUR on 25 Sep against a target of 2.0M, no result) lands
    // on its last check-in, off track, whether the instant is the day after the end or in the year 20260
    KeyResult kr1 = okr.keyResult("KR-1").orElseThrow();
    Forecast dayAfter = f.forecast(kr1, c, c.endInstant().plusSeconds(86_400));
    Forecast max = f.forecast(kr1, c, far.get(0));
    assertThat(max.status()).isEqualTo(Status.OFF_TRACK).isEqualTo(dayAfter.status());
    assertThat(max.landingValue()).isEqualTo(dayAfter.landingValue())
        .isEqualTo(kr1.checkIns().get(kr1.checkIns().size() - 1).value());
    assertThat(max.probabilityOfTarget()).isEqualTo(0.0);
  }
}
