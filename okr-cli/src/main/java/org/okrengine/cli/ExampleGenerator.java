package org.okrengine.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.DependencyKind;
import org.okrengine.model.Direction;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanPoint;
import org.okrengine.model.PlanShape;
import org.okrengine.model.Result;
import org.okrengine.model.Team;
import org.okrengine.model.json.CycleJson;

/**
 * Generates the bundled example data: Acme Analytics, a 300-person company with six teams, in Q3 2026 (the current
 * cycle, check-ins over all 13 weeks, no results yet) and Q2 2026 (finished, with results). Deterministic for a seed.
 *
 * <p>The story of Q3: the Support team stalls from week 5 (values flat, confidence falling, "hiring" named as the
 * blocker week after week); the availability key result fed by Datadog stops receiving data after week 7; and Data
 * Platform's event pipeline (I-3) misses its 5 Aug milestone, which blocks Product's analytics module (KR-7), which
 * Growth's self-serve dashboards (KR-3) need by 15 Aug.
 *
 * <p>Percentages declare their physical bounds ({@code min} 0, {@code max} 100) and counts theirs ({@code min} 0);
 * generated values never cross them.
 */
public final class ExampleGenerator {
  /** The seed the bundled files were generated with. */
  public static final long DEFAULT_SEED = 20260701L;

  private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

  private ExampleGenerator() {}

  /** How one key result behaves in the generated data. */
  private record Spec(String id, String objective, String title, String owner, String team, Metric metric,
      Plan plan, double pace, boolean snapshot, int cadence, String source, int stallDay, int stopDay,
      List<String> tags) {}

  /** Writes {@code acme-2026-q3.json} and {@code acme-2026-q2.json} into {@code dir}. */
  public static void write(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    try (Writer w = Files.newBufferedWriter(dir.resolve("acme-2026-q3.json"), StandardCharsets.UTF_8)) {
      CycleJson.withDefaults().write(currentCycle(seed), w);
    }
    try (Writer w = Files.newBufferedWriter(dir.resolve("acme-2026-q2.json"), StandardCharsets.UTF_8)) {
      CycleJson.withDefaults().write(previousCycle(seed), w);
    }
  }

  /** The current cycle, Q3 2026. */
  public static OkrCycle currentCycle(long seed) {
    Cycle cycle = new Cycle("2026-Q3", "Q3 2026", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), OSLO);
    return build(cycle, seed, false);
  }

  /** The previous cycle, Q2 2026, with results. */
  public static OkrCycle previousCycle(long seed) {
    Cycle cycle = new Cycle("2026-Q2", "Q2 2026", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), OSLO);
    return build(cycle, seed ^ 0x5DEECE66DL, true);
  }

  private static List<Team> teams() {
    return List.of(new Team("company", "Acme Analytics", null), new Team("eng", "Engineering", "company"),
        new Team("data", "Data Platform", "eng"), new Team("platform", "Platform", "eng"),
        new Team("product", "Product", "company"), new Team("growth", "Growth", "company"),
        new Team("sales", "Sales", "company"), new Team("support", "Customer Support", "company"));
  }

  private static Metric inc(double b, double t, String unit) {
    return new Metric(b, t, Direction.INCREASE, unit);
  }

  private static Metric dec(double b, double t, String unit) {
    return new Metric(b, t, Direction.DECREASE, unit);
  }

  /** {@code m} as a percentage: physically within 0..100. */
  private static Metric percent(Metric m) {
    return new Metric(m.baseline(), m.target(), m.direction(), m.unit(), 0.0, 100.0, null);
  }

  /** {@code m} as a count or an amount (money, a duration): physically not below 0. */
  private static Metric count(Metric m) {
    return new Metric(m.baseline(), m.target(), m.direction(), m.unit(), 0.0, null, null);
  }

  private static List<Spec> specs(Cycle c, boolean previous) {
    Plan lin = Plan.of(PlanShape.LINEAR);
    Plan s = Plan.of(PlanShape.S_CURVE);
    Plan front = Plan.of(PlanShape.FRONT_LOADED);
    Plan back = Plan.of(PlanShape.BACK_LOADED);
    LocalDate st = c.start();
    Plan lighthouse = new Plan.Points(List.of(new PlanPoint(st.plusDays(30), 0), new PlanPoint(st.plusDays(60), 1),
        new PlanPoint(st.plusDays(80), 2), new PlanPoint(c.end(), 3)));
    Plan render = new Plan.Points(List.of(new PlanPoint(st.plusDays(20), 1700), new PlanPoint(st.plusDays(55), 1100),
        new PlanPoint(c.end(), 900)));
    int stall = previous ? -1 : 35;
    int stop = previous ? -1 : 49;
    List<Spec> l = new ArrayList<>();
    l.add(new Spec("KR-1", "O-1", "Segment revenue from 1.2M to 2.0M EUR", "maria", "growth", count(inc(1.2, 2.0, "M EUR")),
        lin, 0.85, false, 7, "salesforce", -1, -1, List.of("revenue")));
    l.add(new Spec("KR-2", "O-1", "Trial-to-paid conversion from 8% to 12%", "maria", "growth",
        percent(inc(8, 12, "%")), s, 1.05, true, 14, null, -1, -1, List.of("conversion")));
    l.add(new Spec("KR-3", "O-1", "Launch self-serve finance dashboards", "tomas", "growth",
        new Metric(0.0, 1.0, Direction.ACHIEVE, null), lin, previous ? 1.2 : 0.0, false, 14, null, -1, -1,
        List.of("launch")));
    l.add(new Spec("KR-4", "O-2", "Cut blended CAC from 420 to 320 EUR", "jonas", "growth", count(dec(420, 320, "EUR")), front,
        0.9, true, 14, null, -1, -1, List.of("efficiency")));
    l.add(new Spec("KR-5", "O-2", "Reach 1,500 qualified signups", "jonas", "growth", count(inc(0, 1500, "signups")),
        back, 1.1, false, 7, "hubspot", -1, -1, List.of("acquisition")));
    l.add(new Spec("KR-30", "O-2", "Grow organic visits from 80k to 120k a month", "jonas", "growth",
        count(inc(80, 120, "k visits")), lin, 0.95, true, 14, null, -1, -1, List.of("acquisition")));
    l.add(new Spec("KR-6", "O-3", "Weekly active analysts from 2,000 to 3,500", "li", "product",
        count(inc(2000, 3500, "users")), lin, 0.8, true, 7, "mixpanel", -1, -1, List.of("adoption")));
    l.add(new Spec("KR-7", "O-3", "Analytics module generally available", "li", "product",
        new Metric(0.0, 1.0, Direction.ACHIEVE, null), lin, previous ? 1.0 : 0.0, false, 14, null, -1, -1,
        List.of("launch")));
    l.add(new Spec("KR-8", "O-3", "Median report render time from 1,800 to 900 ms", "wei", "product",
        count(dec(1800, 900, "ms")), render, 1.05, true, 7, "datadog", -1, -1, List.of("performance")));
    l.add(new Spec("KR-9", "O-4", "Keep NPS above 40", "li", "product", new Metric(42.0, 40, Direction.MAINTAIN_ABOVE,
        "NPS"), lin, 1.0, true, 21, null, -1, -1, List.of("satisfaction")));
    l.add(new Spec("KR-10", "O-4", "Crash-free sessions at or above 99.5%", "wei", "product",
        percent(new Metric(null, 99.5, Direction.MAINTAIN_ABOVE, "%")), lin, 1.0, true, 7, "sentry", -1, -1,
        List.of("quality")));
    l.add(new Spec("KR-11", "O-5", "Pipeline freshness p95 from 90 to 15 minutes", "arjun", "data",
        count(dec(90, 15, "min")), s, 0.55, true, 7, null, -1, -1, List.of("reliability")));
    l.add(new Spec("KR-12", "O-5", "Self-served datasets from 12 to 40", "arjun", "data",
        count(inc(12, 40, "datasets")), lin, 0.75, false, 14, null, -1, -1, List.of("adoption")));
    l.add(new Spec("KR-13", "O-5", "Warehouse cost per query from 0.042 to 0.030 EUR", "ines", "data",
        count(dec(0.042, 0.030, "EUR")), lin, 1.1, true, 14, null, -1, -1, List.of("cost")));
    l.add(new Spec("KR-28", "O-5", "Data contracts adopted by 8 teams", "ines", "data", count(inc(0, 8, "teams")),
        front, 0.9, false, 14, null, -1, -1, List.of("adoption")));
    l.add(new Spec("KR-14", "O-6", "Availability at or above 99.9%", "sofia", "platform",
        percent(new Metric(99.95, 99.9, Direction.MAINTAIN_ABOVE, "%")), lin, 1.0, true, 7, "datadog", -1, stop,
        List.of("reliability")));
    l.add(new Spec("KR-15", "O-6", "p99 API latency at or below 400 ms", "sofia", "platform",
        new Metric(380.0, 400, Direction.MAINTAIN_BELOW, "ms"), lin, 1.0, true, 7, "datadog", -1, -1,
        List.of("performance")));
    l.add(new Spec("KR-16", "O-6", "Deploys per week from 8 to 20", "kai", "platform", count(inc(8, 20, "deploys")),
        front, 1.15, true, 7, "github", -1, -1, List.of("delivery")));
    l.add(new Spec("KR-29", "O-6", "At most 2 sev-1 incidents", "kai", "platform",
        count(new Metric(null, 2, Direction.MAINTAIN_BELOW, "incidents")), lin, 1.0, false, 14, "pagerduty", -1, -1,
        List.of("reliability")));
    l.add(new Spec("KR-17", "O-7", "Enterprise pipeline from 3.0M to 6.0M EUR", "emma", "sales", count(inc(3, 6, "M EUR")),
        lin, 1.0, false, 7, "salesforce", -1, -1, List.of("revenue")));
    l.add(new Spec("KR-18", "O-7", "Win rate from 18% to 25%", "emma", "sales", percent(inc(18, 25, "%")), lin, 0.7,
        true, 14, "salesforce", -1, -1, List.of("revenue")));
    l.add(new Spec("KR-19", "O-7", "Sales cycle from 74 to 60 days", "oliver", "sales", count(dec(74, 60, "days")), back, 0.8,
        true, 14, null, -1, -1, List.of("efficiency")));
    l.add(new Spec("KR-20", "O-8", "Sign 3 lighthouse customers", "emma", "sales", count(inc(0, 3, "customers")),
        lighthouse, 1.0, false, 14, null, -1, -1, List.of("revenue")));
    l.add(new Spec("KR-21", "O-8", "12 reference calls held", "oliver", "sales", count(inc(0, 12, "calls")), lin, 1.3,
        false, 14, null, -1, -1, List.of("marketing")));
    l.add(new Spec("KR-22", "O-9", "First response time from 9 to 2 hours", "noah", "support", count(dec(9, 2, "h")), lin,
        0.9, true, 7, "zendesk", stall, -1, List.of("responsiveness")));
    l.add(new Spec("KR-23", "O-9", "Ticket backlog from 340 to 100", "noah", "support", count(dec(340, 100, "tickets")),
        lin, 0.9, true, 7, "zendesk", stall, -1, List.of("responsiveness")));
    l.add(new Spec("KR-24", "O-9", "CSAT from 82% to 90%", "amira", "support", percent(inc(82, 90, "%")), s, 0.9, true,
        14, "zendesk", stall, -1, List.of("satisfaction")));
    l.add(new Spec("KR-25", "O-10", "Help-centre deflection from 12% to 30%", "amira", "support",
        percent(inc(12, 30, "%")), back, 0.9, true, 14, null, stall, -1, List.of("self-service")));
    l.add(new Spec("KR-26", "O-10", "Rewrite 120 help-centre articles", "amira", "support",
        count(inc(0, 120, "articles")), lin, 0.9, false, 7, null, stall, -1, List.of("self-service")));
    l.add(new Spec("KR-27", "O-10", "Support chatbot live", "noah", "support",
        new Metric(0.0, 1.0, Direction.ACHIEVE, null), lin, previous ? 1.0 : 0.0, false, 21, null, -1, -1,
        List.of("launch")));
    return l;
  }

  private record ObjectiveSpec(String id, String title, String team, String owner, String parent, Commitment c) {}

  private static List<ObjectiveSpec> objectives() {
    return List.of(
        new ObjectiveSpec("O-1", "Become the preferred analytics partner for mid-market finance", "growth", "maria",
            null, Commitment.ASPIRATIONAL),
        new ObjectiveSpec("O-2", "Make acquisition efficient", "growth", "jonas", null, Commitment.COMMITTED),
        new ObjectiveSpec("O-3", "Ship the analytics module customers ask for", "product", "li", "O-1",
            Commitment.COMMITTED),
        new ObjectiveSpec("O-4", "Keep customers delighted while we ship", "product", "li", null,
            Commitment.COMMITTED),
        new ObjectiveSpec("O-5", "A data platform other teams can build on", "data", "arjun", "O-3",
            Commitment.COMMITTED),
        new ObjectiveSpec("O-6", "Reliable foundations", "platform", "sofia", null, Commitment.COMMITTED),
        new ObjectiveSpec("O-7", "Grow the enterprise pipeline", "sales", "emma", null, Commitment.COMMITTED),
        new ObjectiveSpec("O-8", "Land lighthouse customers in finance", "sales", "emma", "O-1",
            Commitment.ASPIRATIONAL),
        new ObjectiveSpec("O-9", "Customers get answers fast", "support", "noah", null, Commitment.COMMITTED),
        new ObjectiveSpec("O-10", "Self-service that works", "support", "amira", null, Commitment.ASPIRATIONAL));
  }

  private static final String[] NOTES_GOOD = {"on plan", "good week", "two wins this week",
    "ahead of where we expected", "steady progress", "new campaign is working", "shipped the last blocker"};
  private static final String[] NOTES_MEH = {"slower than hoped", "a deal slipped to next week",
    "holidays slowed us down", "waiting on a review", "mixed week"};
  private static final String[] NOTES_STALL = {"team is swamped with tickets", "still no new hires",
    "everyone on the queue, no time for improvements", "hiring freeze for support roles",
    "two people out sick, backlog growing"};

  private static OkrCycle build(Cycle cycle, long seed, boolean previous) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Spec> specs = specs(cycle, previous);
    List<Objective> objectives = new ArrayList<>();
    for (ObjectiveSpec os : objectives()) {
      List<KeyResult> krs = new ArrayList<>();
      for (Spec sp : specs) {
        if (sp.objective().equals(os.id())) {
          krs.add(keyResult(sp, cycle, rnd.split(), previous));
        }
      }
      objectives.add(new Objective(os.id(), os.title(), os.team(), os.owner(), os.parent(), os.c(), krs));
    }
    LocalDate s = cycle.start();
    List<Initiative> initiatives = List.of(
        new Initiative("I-1", "Finance landing pages", "growth", "tomas", List.of("KR-5"), List.of(
            new Milestone("M-1", "Pages live", s.plusDays(19), s.plusDays(17)),
            new Milestone("M-2", "Paid campaign", s.plusDays(50), s.plusDays(52)))),
        new Initiative("I-2", "Analytics module", "product", "li", List.of("KR-7", "KR-6"), List.of(
            new Milestone("M-3", "Beta", s.plusDays(31), s.plusDays(35)),
            new Milestone("M-4", "General availability", s.plusDays(76), previous ? s.plusDays(74) : null))),
        new Initiative("I-3", "Event pipeline v2", "data", "arjun", List.of("KR-11", "KR-12"), List.of(
            new Milestone("M-5", "Schema registry", s.plusDays(14), s.plusDays(13)),
            new Milestone("M-6", "Streaming ingestion", s.plusDays(35), previous ? s.plusDays(33) : null),
            new Milestone("M-7", "Historical backfill", s.plusDays(62), previous ? s.plusDays(60) : null))),
        new Initiative("I-4", "Multi-region failover", "platform", "kai", List.of("KR-14"), List.of(
            new Milestone("M-8", "Second region live", s.plusDays(60), s.plusDays(58)))),
        new Initiative("I-5", "Enterprise sales playbook", "sales", "oliver", List.of("KR-17", "KR-18"), List.of(
            new Milestone("M-9", "Playbook published", s.plusDays(30), s.plusDays(29)))),
        new Initiative("I-6", "Support hiring", "support", "noah", List.of("KR-22", "KR-23"), List.of(
            new Milestone("M-10", "Two agents hired", s.plusDays(30), previous ? s.plusDays(28) : null))),
        new Initiative("I-7", "Help-centre rewrite", "support", "amira", List.of("KR-25", "KR-26"), List.of(
            new Milestone("M-11", "Top 50 articles rewritten", s.plusDays(45), previous ? s.plusDays(44) : null))),
        new Initiative("I-8", "Render engine rewrite", "product", "wei", List.of("KR-8"), List.of(
            new Milestone("M-12", "New engine default", s.plusDays(55), s.plusDays(50)))),
        new Initiative("I-9", "Self-serve onboarding", "growth", "tomas", List.of("KR-3"), List.of(
            new Milestone("M-13", "Onboarding flow live", s.plusDays(71), previous ? s.plusDays(70) : null))));
    List<Dependency> deps = List.of(
        new Dependency("I-3", "KR-7", DependencyKind.BLOCKS, s.plusDays(40), "the module reads the new event stream"),
        new Dependency("KR-7", "KR-3", DependencyKind.BLOCKS, s.plusDays(45),
            "finance dashboards are built on the analytics module"),
        new Dependency("M-6", "I-2", DependencyKind.BLOCKS, s.plusDays(38), "GA needs streaming ingestion"),
        new Dependency("KR-12", "KR-6", DependencyKind.CONTRIBUTES, null, "datasets bring analysts"),
        new Dependency("KR-17", "KR-1", DependencyKind.CONTRIBUTES, null, null),
        new Dependency("I-6", "KR-22", DependencyKind.BLOCKS, s.plusDays(31), "response times need more agents"),
        new Dependency("I-4", "I-3", DependencyKind.SHARES_RESOURCE, null, "both lean on the two SREs"));
    return OkrCycle.of(cycle, teams(), objectives, initiatives, deps);
  }

  private static KeyResult keyResult(Spec sp, Cycle cycle, SplittableRandom rnd, boolean previous) {
    Metric m = sp.metric();
    double days = cycle.lengthDays();
    List<CheckIn> checkIns = new ArrayList<>();
    int day = 2 + rnd.nextInt(5);
    double value = m.baselineOrTarget();
    double stalledAt = Double.NaN;
    double confidence = 0.7;
    int n = 0;
    while (day < days - 1) {
      if (sp.stopDay() >= 0 && day > sp.stopDay()) {
        break;
      }
      double x = day / days;
      boolean stalled = sp.stallDay() >= 0 && day > sp.stallDay();
      if (m.direction().isMaintain()) {
        double spread = Math.abs(m.target() - m.baselineOrTarget());
        spread = spread > 0 ? spread : Math.max(0.05, Math.abs(m.target()) * 0.002);
        double centre = m.baseline() != null ? m.baseline() : m.target() + (m.direction() == Direction.MAINTAIN_ABOVE
            ? 2 * spread : -0.5 * spread);
        value = centre + rnd.nextDouble(-1.2, 1.2) * spread;
        if (sp.id().equals("KR-29")) {
          value = Math.min(3, n / 5);
        }
      } else if (m.direction() == Direction.ACHIEVE) {
        value = sp.pace() >= 1 && x > 0.75 ? 1.0 : 0.0;
      } else if (stalled) {
        if (Double.isNaN(stalledAt)) {
          stalledAt = value;
        }
        value = stalledAt + (sp.snapshot() ? rnd.nextDouble(-0.02, 0.02) * (m.target() - m.baseline()) : 0);
      } else {
        double planned = sp.plan().expectedProgress(m, cycle, cycle.startInstant().plusSeconds(day * 86_400L));
        double noise = sp.snapshot() ? rnd.nextDouble(-0.06, 0.06) : rnd.nextDouble(-0.02, 0.03);
        double progress = Math.max(sp.snapshot() ? -0.1 : 0, planned * sp.pace() + noise);
        double next = m.valueAt(progress);
        value = sp.snapshot() ? next : (m.progress(next) >= m.progress(value) ? next : value);
      }
      value = m.clamp(round(value, m)); // never past a physical bound: 100% at most, a count at least 0
      double p = m.progress(value);
      boolean stalledNow = stalled || (sp.stopDay() >= 0 && day > sp.stopDay() - 7);
      confidence = Math.max(0.1, Math.min(0.95, stalled ? confidence - 0.08 : 0.45 + 0.4 * Math.min(1, p / Math
          .max(0.05, x)) + rnd.nextDouble(-0.05, 0.05)));
      String note;
      List<String> blockers = List.of();
      if (stalled) {
        note = NOTES_STALL[rnd.nextInt(NOTES_STALL.length)];
        blockers = List.of("hiring");
      } else if (sp.id().equals("KR-11") && day > 28) {
        note = "waiting for streaming ingestion from the pipeline project";
        blockers = List.of("data-pipeline");
      } else if (sp.id().equals("KR-7") && !previous && day > 30) {
        note = "blocked on the event pipeline; GA date at risk";
        blockers = List.of("data-pipeline");
      } else if (sp.id().equals("KR-1") && day > 40 && rnd.nextInt(3) == 0) {
        note = "pricing approval still pending for two deals";
        blockers = List.of("pricing-approval");
      } else {
        note = p >= x ? NOTES_GOOD[rnd.nextInt(NOTES_GOOD.length)] : NOTES_MEH[rnd.nextInt(NOTES_MEH.length)];
      }
      if (stalledNow && !stalled && sp.stopDay() >= 0) {
        note = "automatic update";
      }
      Instant at = cycle.startInstant().plusSeconds(day * 86_400L + (7 + rnd.nextInt(10)) * 3_600L
          + rnd.nextInt(60) * 60L);
      String source = sp.source();
      boolean manual = source == null || rnd.nextInt(6) == 0 && sp.stopDay() < 0;
      checkIns.add(new CheckIn(at, value, manual ? Math.round(confidence * 100) / 100.0 : null,
          manual ? note : (sp.stopDay() >= 0 ? null : note), blockers, manual ? null : source));
      n++;
      int gap = sp.cadence() + rnd.nextInt(-2, 3);
      if (rnd.nextInt(8) == 0) {
        gap = Math.max(2, gap / 2);
      }
      day += Math.max(2, gap);
    }
    Result result = null;
    if (previous) {
      double last = checkIns.isEmpty() ? m.baselineOrTarget() : checkIns.get(checkIns.size() - 1).value();
      double fin = m.direction() == Direction.ACHIEVE ? (sp.pace() >= 1 ? 1 : 0) : last;
      double self = Math.round(Math.min(1, Math.max(0, m.score(fin) + rnd.nextDouble(-0.1, 0.2))) * 10) / 10.0;
      result = new Result(fin, self);
    }
    return new KeyResult(sp.id(), sp.title(), sp.owner(), sp.team(), 1.0, sp.tags(), m, sp.plan(), checkIns, result);
  }

  /** Units counted in whole things: a deal is signed or not, a dataset published or not, so their values step. */
  private static final Set<String> WHOLE = Set.of("signups", "users", "datasets", "teams", "deploys", "incidents",
      "customers", "calls", "tickets", "articles");

  private static double round(double v, Metric m) {
    if (m.unit() != null && WHOLE.contains(m.unit())) {
      return Math.round(v);
    }
    double span = Math.abs(m.target() - m.baselineOrTarget());
    double scale = span >= 100 ? 1 : span >= 10 ? 10 : span >= 1 ? 100 : 10_000;
    return Math.round(v * scale) / scale;
  }

  /** Regenerates the example files: {@code ExampleGenerator [DIR [SEED]]}. */
  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "examples"), args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED);
  }
}
