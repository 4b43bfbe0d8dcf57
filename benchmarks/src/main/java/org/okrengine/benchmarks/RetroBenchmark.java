package org.okrengine.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Commitment;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanShape;
import org.okrengine.model.Result;
import org.okrengine.model.Team;
import org.okrengine.retro.RetroReport;
import org.okrengine.retro.Retrospective;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The retrospective of 1,000,000 synthetic key-result cycles on one thread: 40,000 company quarters (1,000 companies
 * over 40 quarters) of 5 teams with 5 key results each, 4 to 13 irregular check-ins per key result (half with a
 * confidence, one in ten with a blocker), a final value and a self score, seeded. {@code retro} is the whole
 * retrospective with every grouping and the weekly forecast replay; {@code retroWithoutForecasts} skips the replay
 * ({@link Retrospective#withoutForecasts()}). Scores are seconds per retrospective of the million. The heap is touched
 * before the first iteration ({@code -XX:+AlwaysPreTouch}): without it the collector's first use of a region costs
 * the kernel's zeroing of its pages inside whichever iteration reaches it, which made stretches of iterations 1.2 to
 * 2.2 s among ones of 0.9 (system time 26% in such an iteration, 0 to 9% in the others; benchmarks/README.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class RetroBenchmark {
  /** Key results generated: 40,000 cycles of 25. */
  public static final int KEY_RESULTS = 1_000_000;

  List<OkrCycle> cycles;

  @Setup(Level.Trial)
  public void setUp() {
    cycles = generate(new SplittableRandom(2026), KEY_RESULTS / 25);
  }

  /** {@code n} company quarters of 5 teams, 5 objectives and 25 key results each. */
  static List<OkrCycle> generate(SplittableRandom rnd, int n) {
    String[] tags = {"revenue", "growth", "quality", "cost", "launch", "adoption", "reliability", "hiring"};
    String[] blockers = {"hiring", "legal", "data-pipeline", "budget", "vendor", "priorities"};
    PlanShape[] shapes = PlanShape.values();
    List<OkrCycle> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int quarter = i % 40;
      LocalDate start = LocalDate.of(2016 + quarter / 4, 1 + 3 * (quarter % 4), 1);
      Cycle cycle = Cycle.of(start.getYear() + "-Q" + (1 + quarter % 4), start, start.plusMonths(3).minusDays(1));
      String company = "c" + (i / 40);
      List<Team> teams = new ArrayList<>();
      List<Objective> objectives = new ArrayList<>();
      long startSec = cycle.startInstant().getEpochSecond();
      long length = cycle.endInstant().getEpochSecond() - startSec;
      for (int t = 0; t < 5; t++) {
        String team = company + "-t" + t;
        teams.add(Team.of(team));
        List<KeyResult> krs = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
          double target = 10 + rnd.nextInt(990);
          double pace = rnd.nextDouble() * 1.4; // share of the target reached by the end
          int checks = 4 + rnd.nextInt(10);
          List<CheckIn> checkIns = new ArrayList<>(checks);
          for (int c = 0; c < checks; c++) {
            double x = (c + 0.5 + rnd.nextDouble() * 0.5) / checks;
            double value = Math.round(target * pace * x * (0.8 + 0.4 * rnd.nextDouble()));
            Double confidence = rnd.nextBoolean() ? Math.round(rnd.nextDouble() * 100) / 100.0 : null;
            List<String> b = rnd.nextInt(10) == 0 ? List.of(blockers[rnd.nextInt(blockers.length)]) : List.of();
            checkIns.add(new CheckIn(Instant.ofEpochSecond(startSec + (long) (x * (length - 1))), value, confidence,
                null, b, null));
          }
          double finalValue = Math.round(target * pace * (0.9 + 0.2 * rnd.nextDouble()));
          krs.add(new KeyResult("KR-" + t + "-" + k, null, "owner" + rnd.nextInt(8), team, 1.0,
              List.of(tags[rnd.nextInt(tags.length)]), Metric.of(0, target, "u" + rnd.nextInt(4)),
              Plan.of(shapes[rnd.nextInt(shapes.length)]), checkIns,
              new Result(finalValue, Math.round(rnd.nextDouble() * 10) / 10.0)));
        }
        objectives.add(new Objective("O-" + t, null, team, null, null,
            rnd.nextInt(3) == 0 ? Commitment.ASPIRATIONAL : Commitment.COMMITTED, krs));
      }
      out.add(OkrCycle.of(cycle, teams, objectives));
    }
    return out;
  }

  @Benchmark
  public RetroReport retro() {
    return Retrospective.withDefaults().run(cycles);
  }

  @Benchmark
  public RetroReport retroWithoutForecasts() {
    return Retrospective.withDefaults().withoutForecasts().run(cycles);
  }
}
