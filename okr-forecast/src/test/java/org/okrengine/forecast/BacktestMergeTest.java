package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.JsonLine;

/**
 * Accumulators of any split of the input, merged in any order (directly or through their bytes), give exactly the
 * report of one pass: what a distributed backtest needs to write the same JSON as one machine.
 */
class BacktestMergeTest {
  static List<OkrCycle> input() {
    String dir = System.getProperty("okr.shared.data");
    Path d = dir == null ? null : Path.of(dir);
    if (d == null || !Files.isDirectory(d)) {
      System.err.println("../shared/data is absent: split test on synthetic history only");
      return BacktestTest.HISTORY;
    }
    List<OkrCycle> out = new ArrayList<>();
    for (String f : List.of("tawos-quarterly-throughput.jsonl", "tse2017-sprints.jsonl")) {
      out.addAll(BacktestRealDataTest.read(d.resolve(f)));
    }
    return out;
  }

  static BacktestReport split(Backtest bt, List<OkrCycle> cycles, int parts, long seed, boolean viaBytes) {
    List<OkrCycle> shuffled = new ArrayList<>(cycles);
    Collections.shuffle(shuffled, new Random(seed));
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Backtest.Accumulator> accs = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      accs.add(bt.newAccumulator());
    }
    for (OkrCycle c : shuffled) {
      accs.get(rnd.nextInt(parts)).add(c);
    }
    Collections.reverse(accs);
    Backtest.Accumulator total = bt.newAccumulator();
    for (Backtest.Accumulator a : accs) {
      if (viaBytes) {
        total.mergeBytes(a.toBytes());
      } else {
        total.merge(a);
      }
    }
    return total.report();
  }

  @Test
  void anySplitMergesToTheSingleRun() {
    List<OkrCycle> cycles = input();
    Backtest bt = Backtest.withDefaults();
    // an accumulator forecasts results at the end (it cannot see the cycles first); these cycles' results were taken
    // there (ResultTimingEvidence), so the run detects the same, and adds its evidence
    BacktestReport run = bt.run(cycles);
    assertThat(run.resultTiming()).isEqualTo(ResultTiming.END);
    BacktestReport one = run.withEvidence(null);
    assertThat(split(bt, cycles, 3, 1, false)).isEqualTo(one);
    assertThat(split(bt, cycles, 16, 2, true)).isEqualTo(one);
    assertThat(split(bt, cycles, 7, 3, true)).isEqualTo(one);
    // a tree of merges, as Spark's treeReduce does
    Backtest.Accumulator left = bt.newAccumulator();
    Backtest.Accumulator right = bt.newAccumulator();
    for (int i = cycles.size() - 1; i >= 0; i--) {
      (i % 2 == 0 ? left : right).add(cycles.get(i));
    }
    assertThat(bt.newAccumulator().mergeBytes(right.mergeBytes(left.toBytes()).toBytes()).report()).isEqualTo(one);
  }

  @Test
  void weeklyAndOneMethodToo() {
    List<OkrCycle> cycles = BacktestTest.HISTORY;
    Backtest bt = Backtest.withDefaults().withWeeklyOrigins().withMethods(List.of(ForecastMethod.OLS_TREND));
    assertThat(split(bt, cycles, 5, 4, true)).isEqualTo(bt.run(cycles).withEvidence(null));
  }

  @Test
  void bytesOfAnotherBacktestAreRejected() {
    byte[] weekly = Backtest.withDefaults().withWeeklyOrigins().newAccumulator().toBytes();
    Backtest.Accumulator acc = Backtest.withDefaults().newAccumulator();
    assertThatThrownBy(() -> acc.mergeBytes(weekly)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acc.mergeBytes(new byte[] {1, 2, 3, 4})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> acc.mergeBytes(new byte[] {0x4F, 0x4B, 0x52})).isInstanceOf(IllegalArgumentException.class);
    byte[] good = Backtest.withDefaults().newAccumulator().toBytes();
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> acc.mergeBytes(trailing)).isInstanceOf(IllegalArgumentException.class);
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
    assertThatThrownBy(() -> acc.mergeBytes(truncated)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Bytes damaged in one place under a checksum written anew (forged, or damaged before it was computed): a NaN count
   * in a sum, or a count below 0, is refused (it was merged: the report read brier NaN, or cycles
   * -9223372036854775807), and the accumulator is left as it was.
   */
  @Test
  void damagedBytes_refusedNamingWhat() throws IOException {
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE)).withOrigins(0.5);
    Backtest.Accumulator scored = bt.newAccumulator();
    BacktestTest.HISTORY.forEach(scored::add);
    byte[] good = scored.toBytes();
    int body = BacktestBytes.read(good).settings().length;
    // the body (version 5): long cycles, long key results, long key results from last check-ins, then the one Sums:
    // eight longs (n, intervals, covered, widths, misses, missesFlagged, hits, hitsFlagged), then brier, an exact
    // sum: short bottom, short count, count limbs, then long NaN count (ExactSum.writeTo)
    int sums = body + 3 * 8;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(good.clone());
    int brier = sums + 8 * 8;
    int nanAt = brier + 4 + 8 * b.getShort(brier + 2);
    assertThat(b.getLong(nanAt)).isZero();
    b.putLong(nanAt, 1);
    Backtest.Accumulator acc = bt.newAccumulator();
    BacktestReport before = acc.report();
    assertThatThrownBy(() -> acc.mergeBytes(resealed(b))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt accumulator bytes: linear-pace at 0.5: sums out of range (brier NaN");
    java.nio.ByteBuffer c = java.nio.ByteBuffer.wrap(good.clone());
    c.putLong(body, Long.MIN_VALUE + 1);
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(resealed(c))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cycles -9223372036854775807");
    // one more hit than there are forecasts
    java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(good.clone());
    d.putLong(sums + 6 * 8, d.getLong(sums + 6 * 8) + 1);
    assertThatThrownBy(() -> acc.mergeBytes(resealed(d))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counts that do not add up");
    // more intervals with a width than intervals
    java.nio.ByteBuffer e = java.nio.ByteBuffer.wrap(good.clone());
    e.putLong(sums + 3 * 8, e.getLong(sums + 8) + 1);
    assertThatThrownBy(() -> acc.mergeBytes(resealed(e))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("counts that do not add up").hasMessageContaining(", widths ");
    assertThat(acc.report()).isEqualTo(before);
    assertThat(bt.newAccumulator().mergeBytes(good).report()).isEqualTo(scored.report());
  }

  /**
   * A damaged count of key results, the second long of the body, is refused: every key result scored is forecast
   * once by each method at each origin, so it equals each score's n (it was merged: the report read 2^56 more key
   * results than its scores' n, and the text printed them).
   */
  @Test
  void damagedKeyResultCount_refused() {
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE, ForecastMethod.OLS_TREND))
        .withOrigins(0.25, 0.5);
    Backtest.Accumulator scored = bt.newAccumulator();
    BacktestTest.HISTORY.forEach(scored::add);
    long keyResults = scored.report().keyResults();
    assertThat(scored.report().scores()).allSatisfy(s -> assertThat(s.n()).isEqualTo(keyResults));
    byte[] good = scored.toBytes();
    int body = BacktestBytes.read(good).settings().length;
    // the body: long cycles, long key results, ...; one byte of the key results damaged (its top byte set to 1)
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(good.clone());
    assertThat(b.getLong(body + 8)).isEqualTo(keyResults);
    b.put(body + 8, (byte) 1);
    Backtest.Accumulator acc = bt.newAccumulator();
    BacktestReport before = acc.report();
    assertThatThrownBy(() -> acc.mergeBytes(resealed(b))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("corrupt accumulator bytes: linear-pace at 0.25: n " + keyResults
            + " where the key results scored are " + ((1L << 56) + keyResults));
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(resealed(b))).isInstanceOf(IllegalArgumentException.class);
    assertThat(acc.report()).isEqualTo(before);
    // the accumulator's own bytes, and an empty one's, still merge
    assertThat(bt.newAccumulator().mergeBytes(good).mergeBytes(bt.newAccumulator().toBytes()).report())
        .isEqualTo(scored.report());
  }

  /**
   * Adds {@code amount} (at least the sum's lowest limb's unit) to the exact sum written at {@code at} (short bottom,
   * short count, then count limbs, each a long holding 32 bits at 2^(32 * index - 1074): ExactSum.writeTo), through
   * its top limb, which {@code mergeFrom} adds as it is (the carries come on reading).
   */
  static void addToSum(java.nio.ByteBuffer b, int at, double amount) {
    int bottom = b.getShort(at);
    int count = b.getShort(at + 2);
    int top = bottom + count - 1;
    int topAt = at + 4 + 8 * (count - 1);
    b.putLong(topAt, b.getLong(topAt) + (long) Math.ceil(Math.scalb(amount, 1074 - 32 * top)));
  }

  /** Where the exact sum after the one at {@code at} begins: its limbs, then three longs (NaN, +inf, -inf). */
  static int nextSum(java.nio.ByteBuffer b, int at) {
    return at + 4 + 8 * b.getShort(at + 2) + 3 * 8;
  }

  /**
   * Damages no earlier check saw, each refused, every problem listed in the one message: key results scored without
   * a cycle (cycles 0; an accumulator counts every cycle added, so key results need at least one), a log-loss sum
   * above n times 6.908 (each term is at most -ln 0.001 = 6.9078, probabilities clipped to [0.001, 0.999]) and a
   * negative count of NaNs inside an exact sum (every term added is finite, so any count is damage; a negative one
   * did not show in the sum's value), and bins whose hits do not add up to the hits. All were merged before.
   */
  @Test
  void damagedCyclesLogLossAndSpecialCounts_refusedListingEveryProblem() {
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE)).withOrigins(0.5);
    Backtest.Accumulator scored = bt.newAccumulator();
    BacktestTest.HISTORY.forEach(scored::add);
    long keyResults = scored.report().keyResults();
    MethodScore pace = scored.report().scores().get(0);
    assertThat(pace.logLoss()).isLessThan(1); // well below the bound: the damage below is what lifts it above
    byte[] good = scored.toBytes();
    int body = BacktestBytes.read(good).settings().length;
    // the body: cycles, key results, from last check-ins, then the one Sums (eight longs, then the exact sums brier,
    // log loss, width, error; see damagedBytes_refusedNamingWhat)
    int brier = body + 3 * 8 + 8 * 8;
    int logLoss = nextSum(java.nio.ByteBuffer.wrap(good), brier);
    Backtest.Accumulator acc = bt.newAccumulator();
    BacktestReport before = acc.report();

    java.nio.ByteBuffer noCycle = java.nio.ByteBuffer.wrap(good.clone());
    noCycle.putLong(body, 0);
    assertThatThrownBy(() -> acc.mergeBytes(resealed(noCycle))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("corrupt accumulator bytes: cycles 0, key results " + keyResults + ", of them from last "
            + "check-ins 0");

    // the log-loss sum lifted by 6.5 n: about (logLoss + 6.5) n, above 6.908 n, finite and not negative
    java.nio.ByteBuffer loss = java.nio.ByteBuffer.wrap(good.clone());
    addToSum(loss, logLoss, 6.5 * keyResults);
    assertThatThrownBy(() -> acc.mergeBytes(resealed(loss))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("corrupt accumulator bytes: linear-pace at 0.5: sums out of range (brier ")
        .hasMessageEndingWith(" for n " + keyResults + ")");

    // a Brier sum above n was refused already (b <= n), and still is
    java.nio.ByteBuffer brierHigh = java.nio.ByteBuffer.wrap(good.clone());
    addToSum(brierHigh, brier, keyResults);
    assertThatThrownBy(() -> acc.mergeBytes(resealed(brierHigh))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("corrupt accumulator bytes: linear-pace at 0.5: sums out of range (brier ");

    // a count of NaNs of -1 in the Brier sum, with cycles 0: both listed
    java.nio.ByteBuffer both = java.nio.ByteBuffer.wrap(good.clone());
    int nanAt = brier + 4 + 8 * both.getShort(brier + 2);
    both.putLong(nanAt, -1);
    both.putLong(body, 0);
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(resealed(both))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("corrupt accumulator bytes: cycles 0, key results " + keyResults + ", of them from last "
            + "check-ins 0; linear-pace at 0.5: brier sum holding NaN -1, +Infinity 0, -Infinity 0");
    // a count of +Infinity of -1 in the log loss, alone
    java.nio.ByteBuffer inf = java.nio.ByteBuffer.wrap(good.clone());
    inf.putLong(nextSum(inf, logLoss) - 16, -1);
    assertThatThrownBy(() -> acc.mergeBytes(resealed(inf))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("corrupt accumulator bytes: linear-pace at 0.5: log loss sum holding NaN 0, +Infinity -1, "
            + "-Infinity 0");

    // one more hit in a bin that has a miss: within the bin's count, but the bins' hits no longer add up to the hits
    java.nio.ByteBuffer bin = java.nio.ByteBuffer.wrap(good.clone());
    int at = nextSum(bin, nextSum(bin, nextSum(bin, logLoss))); // after log loss: width, error, then the bins
    while (bin.getLong(at + 8) >= bin.getLong(at)) { // each bin: long count, long hits, an exact sum
      at = nextSum(bin, at + 16);
    }
    bin.putLong(at + 8, bin.getLong(at + 8) + 1);
    assertThatThrownBy(() -> acc.mergeBytes(resealed(bin))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("corrupt accumulator bytes: linear-pace at 0.5: counts that do not add up (n "
            + keyResults).hasMessageContaining(", hits in bins " + (pace.reliability().stream()
            .filter(r -> r.count() > 0).mapToLong(r -> Math.round(r.hitRate() * r.count())).sum() + 1) + ", ");

    assertThat(acc.report()).isEqualTo(before);
    assertThat(bt.newAccumulator().mergeBytes(good).report()).isEqualTo(scored.report());
  }

  /**
   * The accumulators real histories give are never refused: every cycle of the shared families (or the synthetic
   * history without them) scored in an accumulator of its own (many score no key result: cycles 1, key results 0),
   * each merged through its bytes, gives the single run.
   */
  @Test
  void everyCycleAlone_mergedThroughBytes_isTheSingleRun() {
    List<OkrCycle> cycles = input();
    for (Backtest bt : List.of(Backtest.withDefaults().withResultTiming(ResultTiming.END),
        Backtest.withDefaults().withWeeklyOrigins().withMethods(List.of(ForecastMethod.MOVEMENT_AWARE))
            .withOutcomeFromLastCheckIn(true).withResultTiming(ResultTiming.LAST_CHECK_IN))) {
      Backtest.Accumulator total = bt.newAccumulator();
      for (OkrCycle c : cycles) {
        total.mergeBytes(bt.newAccumulator().add(c).toBytes());
      }
      assertThat(total.report()).isEqualTo(bt.run(cycles));
    }
  }

  /** The ids of ForecastMethod.values(), in order. */
  static final String EVERY_METHOD = "[linear-pace, ols-trend, random-walk-drift, plan-prior-bayes, damped-trend, "
      + "movement-aware]";

  /**
   * A forecaster unlike the default in every setting a backtest carries: its model, stale days, thresholds and
   * cadence.
   */
  static Forecaster custom() {
    ForecastModel model = ForecastModel.defaults().withName("custom")
        .withHyperparameters(new Hyperparameters(1.3, 0.3, 0.04, 0.0, 1.0));
    return Forecaster.withDefaults().withModel(model).withStaleAfterDays(3).withThresholds(0.6, 0.2)
        .withCadenceDays(10);
  }

  @Test
  void fromBytes_customForecaster_carriesEverySetting() {
    List<OkrCycle> cycles = BacktestTest.HISTORY;
    Backtest bt = Backtest.withDefaults().withWeeklyOrigins().withMethods(List.of(ForecastMethod.PLAN_PRIOR_BAYES,
        ForecastMethod.OLS_TREND)).withForecaster(custom());
    BacktestReport expected = bt.run(cycles).withEvidence(null);
    assertThat(expected).isNotEqualTo(Backtest.withDefaults().withWeeklyOrigins().withMethods(bt.methods())
        .run(cycles)); // the settings matter
    // an empty accumulator's bytes are the whole configuration: another process computes the same from them alone
    Backtest.Accumulator rebuilt = Backtest.Accumulator.fromBytes(bt.newAccumulator().toBytes());
    cycles.forEach(rebuilt::add);
    assertThat(rebuilt.report()).isEqualTo(expected);
    assertThat(rebuilt.toBytes()).isEqualTo(bt.newAccumulator().mergeBytes(rebuilt.toBytes()).toBytes());
    assertThat(Backtest.Accumulator.fromBytes(rebuilt.toBytes()).report()).isEqualTo(expected);
  }

  @Test
  void fromBytes_thresholdsOfTheModel_stillFollowALaterModel() {
    // a forecaster whose thresholds come from its model takes a later model's, before and after its bytes
    Forecaster f = Forecaster.withDefaults().withModel(ForecastModel.defaults().withAtRiskBelow(0.42));
    Backtest bt = Backtest.withDefaults().withForecaster(f);
    Forecaster rebuilt = BacktestBytes.read(bt.newAccumulator().toBytes()).backtest().forecaster();
    assertThat(rebuilt.onTrackProbability()).isEqualTo(0.42);
    ForecastModel later = ForecastModel.defaults().withAtRiskBelow(0.25);
    assertThat(f.withModel(later).onTrackProbability()).isEqualTo(0.25);
    assertThat(rebuilt.withModel(later).onTrackProbability()).isEqualTo(0.25);
    // thresholds of its own stay its own
    Forecaster own = BacktestBytes.read(Backtest.withDefaults().withForecaster(custom()).newAccumulator().toBytes())
        .backtest().forecaster();
    assertThat(own.withModel(later).onTrackProbability()).isEqualTo(0.6);
  }

  @Test
  void mergeBytes_anotherForecaster_refusedNamingBoth() {
    byte[] customBytes = Backtest.withDefaults().withForecaster(custom()).newAccumulator().toBytes();
    Backtest.Accumulator acc = Backtest.withDefaults().newAccumulator();
    assertThatThrownBy(() -> acc.mergeBytes(customBytes)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bytes must come from a backtest with the same settings (origins [0.25, 0.5, 0.75], methods "
            + EVERY_METHOD + ", stale after 14.0 days, thresholds 0.37 and 0.15, model okr-default-2): origins [0.25, "
            + "0.5, 0.75], methods " + EVERY_METHOD + ", stale after 3.0 days, thresholds 0.6 and 0.2, cadence 10.0 "
            + "days, model custom");
    assertThatThrownBy(() -> acc.merge(Backtest.Accumulator.fromBytes(customBytes)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("other must come from a backtest "
            + "with the same settings");
  }

  @Test
  void fromBytes_versionOneToFourOrNotABacktest_exactMessages() {
    byte[] v1 = {0x4F, 0x4B, 0x52, 0x01, 0, 0, 0, 0};
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(v1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backtest accumulator bytes must be of format version 5: version 1");
    byte[] v2 = {0x4F, 0x4B, 0x52, 0x02, 0, 0, 0, 0};
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(v2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backtest accumulator bytes must be of format version 5: version 2");
    // versions 3 and 4's bytes as they were: an empty default accumulator's (without its checksum), under their
    // magic numbers (0x4F4B5203, 0x4F4B5204)
    for (int version = 3; version <= 4; version++) {
      byte[] old = Backtest.withDefaults().newAccumulator().toBytes();
      byte[] bytes = java.util.Arrays.copyOf(old, old.length - BacktestBytes.CHECKSUM);
      bytes[3] = (byte) version;
      assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("backtest accumulator bytes must be of format version 5: version " + version);
      assertThatThrownBy(() -> Backtest.withDefaults().newAccumulator().mergeBytes(bytes))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("backtest accumulator bytes must be of format version 5: version " + version);
    }
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(new byte[] {1, 2, 3, 4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bytes must begin with the magic number 0x4F4B5205 of a backtest accumulator: 0x01020304");
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(new byte[] {0x4F, 0x4B}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bytes must begin with the magic number 0x4F4B5205 of a backtest accumulator: 2 bytes");
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(new byte[] {0x4F, 0x4B, 0x52, 0x05, 0x7F}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backtest accumulator bytes must hold at least 8 bytes (magic number and checksum): 5");
    // a count beyond the bytes, under a checksum that holds (bytes forged whole): refused by the count's own check
    byte[] forged = BacktestBytes.sealed(new byte[] {0x4F, 0x4B, 0x52, 0x05, 0x7F, 0, 0, 0});
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(forged)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backtest accumulator bytes must hold a count of origins within what is left: 2130706432");
  }

  /**
   * Version 5 ends with a CRC-32C of what precedes it: every single bit flipped in an accumulator's bytes is refused,
   * and the accumulator merged into is left as it was. Version 4 had none: of the 147,256 single-bit flips of an
   * accumulator of the acme-2026-q2 example, 34,188 were read, 26,998 into another report (a reviewer's count), some
   * into other origins, so the corruption changed the backtest itself.
   */
  @Test
  void everySingleBitFlipped_isRefused_theAccumulatorUnchanged() {
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE)).withOrigins(0.5);
    Backtest.Accumulator scored = bt.newAccumulator();
    BacktestTest.HISTORY.forEach(scored::add);
    byte[] good = scored.toBytes();
    Backtest.Accumulator acc = bt.newAccumulator();
    BacktestTest.HISTORY.forEach(acc::add);
    BacktestReport before = acc.report();
    int refused = 0;
    for (int bit = 0; bit < good.length * 8; bit++) {
      byte[] flipped = good.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      try {
        acc.mergeBytes(flipped);
      } catch (IllegalArgumentException e) {
        refused++;
      }
    }
    assertThat(refused).isEqualTo(good.length * 8);
    assertThat(acc.report()).isEqualTo(before);
    // a cut short one too, by any number of bytes
    for (int cut = 1; cut < good.length; cut++) {
      byte[] shorter = java.util.Arrays.copyOf(good, good.length - cut);
      assertThatThrownBy(() -> acc.mergeBytes(shorter)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(acc.report()).isEqualTo(before);
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(java.util.Arrays.copyOf(good, good.length - 1)))
        .hasMessageStartingWith("backtest accumulator bytes must end with the CRC-32C of what precedes it (0x");
  }

  /** {@code b}'s bytes, damaged past the checksum's reach: their checksum written anew over what they now hold. */
  static byte[] resealed(java.nio.ByteBuffer b) {
    byte[] bytes = b.array();
    return BacktestBytes.sealed(java.util.Arrays.copyOf(bytes, bytes.length - BacktestBytes.CHECKSUM));
  }

  /**
   * The count of key results scored from their last check-in and the intervals with a width travel in the bytes
   * (version 4): a history of uptime quarters (BacktestTest.uptime: "M" with a span, its twin "N" without), half of
   * it exported without results, split in two halves whose bytes merge to the report of the whole: 20 of the 40
   * cycles' 40 key results (the "M" and "N" of cycles 0 to 19) scored from their last check-in, and width80 over the
   * 40 "M" forecasts at each origin, as in the whole.
   */
  @Test
  void bytes_carryTheCountFromLastCheckIns_andTheWidths_mergingHalvesToTheWhole() {
    List<OkrCycle> uptime = BacktestTest.uptime(40, 11, true);
    List<OkrCycle> cycles = new ArrayList<>();
    for (int i = 0; i < uptime.size(); i++) {
      OkrCycle c = uptime.get(i);
      if (i < 20) {
        List<KeyResult> krs = new ArrayList<>();
        for (KeyResult kr : c.keyResults()) {
          krs.add(new KeyResult(kr.id(), null, null, "t", 1, List.of(), kr.metric(), null, kr.checkIns(), null));
        }
        c = OkrCycle.of(c.cycle(), c.teams(), List.of(new Objective(c.objectives().get(0).id(), null, "t", null,
            null, null, krs)));
      }
      cycles.add(c);
    }
    Backtest bt = Backtest.withDefaults().withMethods(List.of(ForecastMethod.LINEAR_PACE, ForecastMethod.OLS_TREND))
        .withOutcomeFromLastCheckIn(true).withResultTiming(ResultTiming.END);
    BacktestReport whole = bt.run(cycles);
    assertThat(whole.keyResults()).isEqualTo(80);
    assertThat(whole.keyResultsFromLastCheckIn()).isEqualTo(40);
    Backtest.Accumulator first = bt.newAccumulator();
    Backtest.Accumulator second = bt.newAccumulator();
    cycles.subList(0, 30).forEach(first::add);
    cycles.subList(30, 40).forEach(second::add);
    // the first half (cycles 0 to 29) holds the 40 key results without a result; the second none
    assertThat(Backtest.Accumulator.fromBytes(first.toBytes()).report().keyResultsFromLastCheckIn()).isEqualTo(40);
    assertThat(Backtest.Accumulator.fromBytes(second.toBytes()).report().keyResultsFromLastCheckIn()).isZero();
    BacktestReport merged = Backtest.Accumulator.fromBytes(second.toBytes()).mergeBytes(first.toBytes()).report();
    assertThat(merged).isEqualTo(whole);
    assertThat(merged.keyResultsFromLastCheckIn()).isEqualTo(40);
    MethodScore pace = merged.score(ForecastMethod.LINEAR_PACE, 0.5).orElseThrow();
    assertThat(pace.intervals80()).isEqualTo(80);
    // the width of the 40 "M"s alone (exact sums: the same number to the last bit), as the same cycles without the
    // twins score it
    List<OkrCycle> withoutTwins = cycles.stream().map(c -> OkrCycle.of(c.cycle(), c.teams(), List.of(new Objective(
        c.objectives().get(0).id(), null, "t", null, null, null, List.of(c.keyResults().get(0)))))).toList();
    MethodScore alone = bt.run(withoutTwins).score(ForecastMethod.LINEAR_PACE, 0.5).orElseThrow();
    assertThat(alone.intervals80()).isEqualTo(40);
    assertThat(pace.width80()).isPositive().isEqualTo(alone.width80());
    // a round trip is the same bytes
    assertThat(Backtest.Accumulator.fromBytes(first.toBytes()).toBytes()).isEqualTo(first.toBytes());
    // a count of key results from last check-ins above the key results is refused (cycles, key results, then it;
    // the second accumulator holds 10 cycles of two key results each), with the other counts the bytes hold
    byte[] forged = second.toBytes();
    int at = BacktestBytes.read(forged).settings().length + 16;
    forged[at + 7] = 21;
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(resealed(java.nio.ByteBuffer.wrap(forged))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("corrupt accumulator bytes: cycles 10, key results 20, of them from last check-ins 21");
  }

  @Test
  void outcomeFromLastCheckIn_travelsInTheBytes_andOnlyMergesWithItsLike() {
    Backtest lastCheckIn = Backtest.withDefaults().withOutcomeFromLastCheckIn(true);
    byte[] bytes = lastCheckIn.newAccumulator().toBytes();
    assertThat(Backtest.Accumulator.fromBytes(bytes).toBytes()).isEqualTo(bytes);
    assertThatThrownBy(() -> Backtest.withDefaults().newAccumulator().mergeBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(", model okr-default-2, outcomes from "
            + "last check-ins");
    // the flags are one byte after the model: anything above 7 there is refused
    byte[] forged = bytes.clone();
    int flagAt = BacktestBytes.read(bytes).settings().length - 1;
    forged[flagAt] = 8;
    assertThatThrownBy(() -> Backtest.Accumulator.fromBytes(resealed(java.nio.ByteBuffer.wrap(forged))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backtest accumulator bytes must hold 0 to 7 for the outcome settings: 8");
  }

  @Test
  void resultsAtLastCheckIn_travelInTheBytes_andDetectIsWrittenAsEnd() {
    Backtest atLast = Backtest.withDefaults().withResultTiming(ResultTiming.LAST_CHECK_IN);
    byte[] bytes = atLast.newAccumulator().toBytes();
    Backtest.Accumulator rebuilt = Backtest.Accumulator.fromBytes(bytes);
    assertThat(rebuilt.toBytes()).isEqualTo(bytes);
    assertThat(BacktestBytes.read(bytes).backtest().resultTiming()).isEqualTo(ResultTiming.LAST_CHECK_IN);
    assertThatThrownBy(() -> Backtest.withDefaults().newAccumulator().mergeBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(", model okr-default-2, results taken "
            + "at last check-ins");
    // an accumulator forecasts DETECT as END (it cannot see the cycles first), and its bytes say so
    assertThat(Backtest.withDefaults().newAccumulator().toBytes())
        .isEqualTo(Backtest.withDefaults().withResultTiming(ResultTiming.END).newAccumulator().toBytes());
    assertThat(BacktestBytes.read(Backtest.withDefaults().newAccumulator().toBytes()).backtest().resultTiming())
        .isEqualTo(ResultTiming.END);
  }

  @Test
  void aForecasterThatForecastsAtTheLastCheckIn_travelsInTheBytes() {
    // a forecaster's own setting, not only the backtest's: a Spark job rebuilds the backtest from the bytes
    Backtest atLast = Backtest.withDefaults()
        .withForecaster(Forecaster.withDefaults().withOutcomeFromLastCheckIn(true));
    byte[] bytes = atLast.newAccumulator().toBytes();
    assertThat(BacktestBytes.read(bytes).backtest().forecaster().outcomeFromLastCheckIn()).isTrue();
    assertThat(BacktestBytes.read(Backtest.withDefaults().newAccumulator().toBytes()).backtest().forecaster()
        .outcomeFromLastCheckIn()).isFalse();
    assertThat(Backtest.Accumulator.fromBytes(bytes).toBytes()).isEqualTo(bytes);
    assertThatThrownBy(() -> Backtest.withDefaults().newAccumulator().mergeBytes(bytes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(", forecasts at last check-ins");
  }
}
