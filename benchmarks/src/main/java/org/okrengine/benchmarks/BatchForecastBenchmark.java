package org.okrengine.benchmarks;

import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.okrengine.forecast.BatchForecaster;
import org.okrengine.forecast.Forecaster;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The forecasting core in batch: 1,048,576 key results with 13 irregular check-ins each, every output, one thread.
 * Scores are per key result ({@code OperationsPerInvocation}); so is {@code gc.alloc.rate.norm} under
 * {@code -prof gc}. {@code reference} is the straightforward version a Java developer would write: Commons Math's
 * {@code SimpleRegression} plus a {@code TDistribution} per forecast, on the first 65,536 key results.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class BatchForecastBenchmark {
  static final int KRS = 1 << 20;
  static final int REFERENCE_KRS = 1 << 16;

  ForecastData data;
  BatchForecaster movementAware;
  BatchForecaster planPrior;
  BatchForecaster ols;
  BatchForecaster.Output out;

  @Setup(Level.Trial)
  public void setUp() {
    data = new ForecastData(KRS, 42);
    movementAware = BatchForecaster.of(Forecaster.withDefaults());
    planPrior = BatchForecaster.of(
        Forecaster.withDefaults().withMethod(org.okrengine.forecast.ForecastMethod.PLAN_PRIOR_BAYES));
    ols = BatchForecaster.of(Forecaster.withDefaults().withMethod(org.okrengine.forecast.ForecastMethod.OLS_TREND));
    out = new BatchForecaster.Output(KRS);
  }

  /** The default method (movement-aware: the plan-prior trajectory and the logistic stage), all outputs. */
  @Benchmark
  @OperationsPerInvocation(KRS)
  public void batchDefault(Blackhole bh) {
    movementAware.forecast(KRS, data.offsets, data.times, data.values, data.lengthDays, data.asOfDays, data.baselines,
        data.targets, out);
    bh.consume(out);
  }

  /** The plan-prior method alone (the default before movement-aware), all outputs. */
  @Benchmark
  @OperationsPerInvocation(KRS)
  public void batchPlanPrior(Blackhole bh) {
    planPrior.forecast(KRS, data.offsets, data.times, data.values, data.lengthDays, data.asOfDays, data.baselines,
        data.targets, out);
    bh.consume(out);
  }

  /** OLS trend through the same kernel, all outputs. */
  @Benchmark
  @OperationsPerInvocation(KRS)
  public void batchOls(Blackhole bh) {
    ols.forecast(KRS, data.offsets, data.times, data.values, data.lengthDays, data.asOfDays, data.baselines,
        data.targets, out);
    bh.consume(out);
  }

  /** The reference: SimpleRegression and a TDistribution per key result. */
  @Benchmark
  @OperationsPerInvocation(REFERENCE_KRS)
  public void reference(Blackhole bh) {
    for (int i = 0; i < REFERENCE_KRS; i++) {
      SimpleRegression reg = new SimpleRegression();
      for (int k = data.offsets[i]; k < data.offsets[i + 1]; k++) {
        reg.addData(data.times[k], data.values[k]);
      }
      double at = data.lengthDays[i];
      double landing = reg.predict(at);
      long n = reg.getN();
      double xbar = 0;
      for (int k = data.offsets[i]; k < data.offsets[i + 1]; k++) {
        xbar += data.times[k];
      }
      xbar /= n;
      double se = Math.sqrt(reg.getMeanSquareError() * (1 + 1.0 / n + (at - xbar) * (at - xbar)
          / reg.getXSumSquares()));
      TDistribution t = new TDistribution(n - 2);
      double q = t.inverseCumulativeProbability(0.9);
      double p = 1 - t.cumulativeProbability((data.targets[i] - landing) / se);
      bh.consume(landing - q * se);
      bh.consume(landing + q * se);
      bh.consume(p);
      bh.consume(reg.getSlope() * 7);
    }
  }
}
