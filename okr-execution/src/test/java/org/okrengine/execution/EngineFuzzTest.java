package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Direction;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.Initiative;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanPoint;
import org.okrengine.model.PlanShape;
import org.okrengine.model.Result;
import org.okrengine.model.Team;
import org.okrengine.model.json.ReportJson;

/**
 * Fuzz test of the whole engine over numeric and date edge values (hardening issue, item 3): small cycles whose
 * metrics, weights, check-ins, plan points, milestones and need-by dates are drawn from the values at and beyond the
 * model's limits (+-1e308, 5e-324, +-1e15, -0.0, NaN, the years 1900 and 2200) and an as-of instant that may lie far
 * away. Either the model or the engine refuses the input with a documented exception and a message
 * ({@link IllegalArgumentException}, of which {@link InvalidCycleException} is one), or the report's numbers are
 * finite and its JSON, HTML page and grounded prompt hold no NaN, infinity or overflowed long. Without
 * {@code JAZZER_FUZZ} set this runs as a plain test over the seeds in
 * {@code EngineFuzzTestInputs/analyze_edgeValues_refusedOrFinite/}.
 */
class EngineFuzzTest {
  /** The values a number is drawn from most of the time: the model's limits and what lies just beyond them. */
  private static final double[] EDGES = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
      Metric.MIN_SPAN, Metric.MIN_SPAN / 2, 0.5, 1, -1, 100, Metric.MAX_MAGNITUDE, -Metric.MAX_MAGNITUDE,
      Math.nextUp(Metric.MAX_MAGNITUDE), Math.nextDown(Metric.MAX_MAGNITUDE), Metric.MAX_MAGNITUDE - 1e-9,
      KeyResult.MAX_WEIGHT, 1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.1, 1.0 / 3};
  /** Zones at the ends of the offsets and one with daylight saving. */
  private static final ZoneId[] ZONES = {ZoneId.of("UTC"), ZoneId.of("Pacific/Kiritimati"),
      ZoneId.of("Pacific/Pago_Pago"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns")};
  private static final String[] UNITS = {null, "%", "EUR", "ms"};
  private static final long FIRST_DAY = Cycle.MIN_DATE.toEpochDay();
  private static final long LAST_DAY = Cycle.MAX_DATE.toEpochDay();
  /** What a number written for people must never say. */
  private static final String[] BROKEN = {"NaN", "Infinity", "∞", "9223372036854775807", "9223372036854775808",
      "2147483647", "2147483648"};

  @FuzzTest(maxDuration = "600s")
  void analyze_edgeValues_refusedOrFinite(FuzzedDataProvider data) {
    OkrCycle cycle;
    Instant asOf;
    try {
      Cycle c = cycle(data);
      cycle = okrCycle(data, c);
      asOf = instant(data, c);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).as("a refusal names what it refuses").isNotBlank();
      return;
    }
    CycleReport report;
    try {
      report = ExecutionEngine.withDefaults().analyze(cycle, asOf);
    } catch (IllegalArgumentException refused) {
      // the only refusal of a valid cycle is an instant outside its window
      assertThat(refused.getMessage()).startsWith("asOf must be within ").endsWith(": " + asOf);
      assertThat(asOf).matches(a -> a.isBefore(cycle.cycle().windowStart()) || a.isAfter(cycle.cycle().windowEnd())
          || a.isBefore(Cycle.MIN_DATE.atStartOfDay(ZoneId.of("UTC")).toInstant())
          || !a.isBefore(Cycle.MAX_DATE.plusDays(1).atStartOfDay(ZoneId.of("UTC")).toInstant()), "outside");
      return;
    }
    assertFinite(report);
    String json = ReportJson.withDefaults().write(report);
    List<String> texts = new ArrayList<>(List.of(json, HtmlReportWriter.write(cycle, report),
        ExecutionEngine.groundedPrompt(report)));
    texts.add(report.summary());
    for (KeyResultReport r : report.keyResults()) {
      texts.add(r.insight() == null ? "" : r.insight());
      for (Cause c : r.causes()) {
        texts.add(c.sentence());
      }
    }
    for (ObjectiveSummary o : report.objectives()) {
      texts.add(o.summary() == null ? "" : o.summary());
    }
    for (CascadeSummary c : report.cascades()) {
      texts.add(c.reason() == null ? "" : c.reason());
    }
    for (String text : texts) {
      assertThat(text).doesNotContain(BROKEN);
    }
    assertThat(ReportJson.withDefaults().write(ReportJson.withDefaults().read(json))).isEqualTo(json);
  }

  private static void assertFinite(CycleReport report) {
    for (KeyResultReport r : report.keyResults()) {
      String id = r.id();
      if (r.progress() != null) {
        assertThat(r.progress()).as(id + " progress").isFinite();
      }
      // a plan of points may expect a value beyond the baseline or the target: finite, not within [0, 1]
      assertThat(r.expectedProgress()).as(id + " expected progress").isFinite();
      if (r.daysSinceCheckIn() != null) {
        assertThat(r.daysSinceCheckIn()).as(id + " days since check-in").isNotNegative();
      }
      ForecastSummary f = r.forecast();
      if (f != null) {
        assertThat(f.landingValue()).as(id + " landing value").isFinite();
        assertThat(f.landingProgress()).as(id + " landing progress").isFinite();
        unit(f.probabilityOfTarget(), id + " P(target)");
        if (f.interval() != null) {
          assertThat(f.interval().low()).as(id + " low").isFinite();
          assertThat(f.interval().high()).as(id + " high").isFinite().isGreaterThanOrEqualTo(f.interval().low());
        }
        for (Double v : new Double[] {f.requiredVelocityPerWeek(), f.actualVelocityPerWeek(), f.velocityRatio()}) {
          if (v != null) {
            assertThat(v).as(id + " velocity").isFinite();
          }
        }
      }
      for (Cause c : r.causes()) {
        c.evidence().forEach((k, v) -> assertThat(v).as(id + " evidence " + k).isFinite());
      }
    }
    for (ObjectiveSummary o : report.objectives()) {
      if (o.progress() != null) {
        assertThat(o.progress()).as(o.id() + " progress").isFinite();
      }
      assertThat(o.expectedProgress()).as(o.id() + " expected progress").isFinite();
    }
    for (CascadeSummary c : report.cascades()) {
      assertThat(c.slipDays()).as(c.source() + " slip").isFinite();
      if (c.probabilityOfMiss() != null) {
        unit(c.probabilityOfMiss(), c.source() + " P(miss)");
      }
    }
  }

  /** Asserts {@code v} within [0, 1], -0.0 included (a sign no output shows). */
  private static void unit(double v, String what) {
    assertThat(v >= 0 && v <= 1).as(what + " within [0, 1]: " + v).isTrue();
  }

  /** A number: an edge value most of the time, else any double (NaN and infinities included). */
  private static double number(FuzzedDataProvider data) {
    return data.consumeBoolean() ? EDGES[data.consumeInt(0, EDGES.length - 1)] : data.consumeDouble();
  }

  /** A date near the years 1900 or 2200, or anywhere between. */
  private static LocalDate date(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 2)) {
      case 0:
        return LocalDate.ofEpochDay(FIRST_DAY + data.consumeInt(-2, 1200));
      case 1:
        return LocalDate.ofEpochDay(LAST_DAY - data.consumeInt(-2, 1200));
      default:
        return LocalDate.ofEpochDay(data.consumeLong(FIRST_DAY, LAST_DAY));
    }
  }

  private static Cycle cycle(FuzzedDataProvider data) {
    LocalDate start = date(data);
    int days = data.consumeInt(1, Cycle.MAX_LENGTH_DAYS + 1);
    LocalDate end = start.plusDays(days - 1);
    return new Cycle("C", "Cycle", start, end, ZONES[data.consumeInt(0, ZONES.length - 1)]);
  }

  /**
   * An instant near the cycle's window (a fraction of its length from -1.5 to 2.5 lengths from the start), at one
   * of the window's edges or one nanosecond beyond, or far away.
   */
  private static Instant instant(FuzzedDataProvider data, Cycle c) {
    Instant s = c.startInstant();
    long length = c.endInstant().getEpochSecond() - s.getEpochSecond();
    switch (data.consumeInt(0, 6)) {
      case 0:
        return c.windowStart().plusNanos(data.consumeInt(-1, 1));
      case 1:
        return c.windowEnd().plusNanos(data.consumeInt(-1, 1));
      case 2:
        return c.endInstant().plusNanos(data.consumeInt(-1, 1));
      case 3:
        return c.startInstant().plusNanos(data.consumeInt(-1, 1));
      case 4:
        return data.pickValue(new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH,
            Instant.parse("5000-01-01T00:00:00Z"), Instant.parse("1899-12-31T23:59:59.999999999Z"),
            Instant.parse("2201-01-01T00:00:00Z"), Instant.parse("1900-01-01T00:00:00Z")});
      default:
        return s.plusSeconds(data.consumeLong(-3 * length / 2, 5 * length / 2))
            .plusNanos(data.consumeInt(0, 999_999_999));
    }
  }

  private static Metric metric(FuzzedDataProvider data) {
    Direction d = data.pickValue(Direction.values());
    if (d == Direction.ACHIEVE) {
      return Metric.achieve();
    }
    Double baseline = d.isMaintain() && data.consumeBoolean() ? null : number(data);
    double target = number(data);
    String unit = UNITS[data.consumeInt(0, UNITS.length - 1)];
    if (data.consumeInt(0, 3) == 0) {
      Double min = data.consumeBoolean() ? number(data) : null;
      Double max = data.consumeBoolean() ? number(data) : null;
      return new Metric(baseline, target, d, unit, min, max, null);
    }
    return new Metric(baseline, target, d, unit);
  }

  private static Plan plan(FuzzedDataProvider data, Cycle c) {
    if (data.consumeInt(0, 3) > 0) {
      return Plan.of(data.pickValue(PlanShape.values()));
    }
    int n = data.consumeInt(1, 3);
    List<PlanPoint> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate d = data.consumeBoolean() ? date(data) : c.start().plusDays(data.consumeInt(-400, 1500));
      points.add(new PlanPoint(d, number(data)));
    }
    return new Plan.Points(points);
  }

  private static KeyResult keyResult(FuzzedDataProvider data, Cycle c, int k) {
    Metric m = metric(data);
    double weight = data.consumeBoolean() ? 1.0 : number(data);
    Plan plan = plan(data, c);
    int n = data.consumeInt(0, 5);
    List<CheckIn> checkIns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant at = instant(data, c);
      double v = m.direction() == Direction.ACHIEVE ? data.consumeInt(0, 1) : number(data);
      Double confidence = data.consumeBoolean() ? null
          : data.consumeBoolean() ? number(data) : data.consumeProbabilityDouble();
      List<String> blockers = data.consumeBoolean() ? List.of("vendor") : List.of();
      checkIns.add(new CheckIn(at, v, confidence, null, blockers, data.consumeBoolean() ? "crm" : null));
    }
    Result result = data.consumeInt(0, 7) > 0 ? null
        : new Result(number(data), data.consumeBoolean() ? null : number(data));
    return new KeyResult("KR-" + k, "Key result " + k, null, "t", weight, List.of(), m, plan,
        dedupe(checkIns), result);
  }

  /** The check-ins without a second one at the same instant (which the model refuses, as it should). */
  private static List<CheckIn> dedupe(List<CheckIn> checkIns) {
    List<CheckIn> out = new ArrayList<>();
    for (CheckIn c : checkIns) {
      if (out.stream().noneMatch(o -> o.at().equals(c.at()))) {
        out.add(c);
      }
    }
    return out;
  }

  private static OkrCycle okrCycle(FuzzedDataProvider data, Cycle c) {
    int n = data.consumeInt(1, 4);
    List<KeyResult> krs = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      krs.add(keyResult(data, c, k));
    }
    List<Dependency> deps = new ArrayList<>();
    List<Initiative> initiatives = new ArrayList<>();
    if (n > 1 && data.consumeBoolean()) {
      int up = data.consumeInt(0, n - 2);
      int down = data.consumeInt(up + 1, n - 1);
      LocalDate needBy = data.consumeBoolean() ? date(data) : null;
      deps.add(new Dependency("KR-" + up, "KR-" + down, data.pickValue(DependencyKind.values()), needBy, null));
    }
    if (data.consumeBoolean()) {
      LocalDate due = data.consumeBoolean() ? date(data) : c.start().plusDays(data.consumeInt(0, 100));
      LocalDate done = data.consumeBoolean() ? date(data) : null;
      initiatives.add(new Initiative("I-1", "Initiative", "t", null, List.of("KR-0"),
          List.of(new Milestone("M-1", "Milestone", due, done))));
    }
    return OkrCycle.of(c, List.of(Team.of("t")),
        List.of(new Objective("O-1", "Objective", "t", null, null, null, krs)), initiatives, deps);
  }
}
