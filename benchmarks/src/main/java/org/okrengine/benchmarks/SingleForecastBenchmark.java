package org.okrengine.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.okrengine.forecast.Forecast;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.Forecaster;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One 13-check-in forecast through the object API ({@link Forecaster#forecast}), per method. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class SingleForecastBenchmark {
  @Param({"linear-pace", "ols-trend", "random-walk-drift", "plan-prior-bayes", "damped-trend", "movement-aware"})
  String method;

  Forecaster forecaster;
  KeyResult keyResult;
  Cycle cycle;
  Instant asOf;

  @Setup
  public void setUp() {
    forecaster = Forecaster.withDefaults().withMethod(ForecastMethod.fromId(method).orElseThrow());
    cycle = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));
    ForecastData d = new ForecastData(1, 7);
    List<CheckIn> checkIns = new ArrayList<>();
    for (int k = 0; k < ForecastData.CHECK_INS; k++) {
      checkIns.add(CheckIn.of(cycle.startInstant().plusSeconds(Math.round(d.times[k] * 86_400)), d.values[k]));
    }
    keyResult = new KeyResult("KR-1", null, null, "t", 1, List.of(), Metric.of(0, 100, null), null, checkIns, null);
    asOf = cycle.startInstant().plusSeconds(Math.round(d.asOfDays[0] * 86_400));
  }

  @Benchmark
  public Forecast forecast() {
    return forecaster.forecast(keyResult, cycle, asOf);
  }
}
