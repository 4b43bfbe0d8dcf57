package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;
import org.okrengine.forecast.Hyperparameters;
import org.okrengine.forecast.ResultTiming;
import org.okrengine.model.OkrCycle;

/**
 * Accumulators shipped as bytes (as a distributed job does) merge to the same okr-retro/1 bytes, and bytes that are
 * not an accumulator's are refused with a message, without running anything they name or allocating what a forged
 * length claims (hardening issue, item 11).
 */
class BytesTest {
  private static final List<OkrCycle> CYCLES = cycles();
  private static final Retrospective RETRO = Retrospective.withDefaults();

  private static List<OkrCycle> cycles() {
    List<OkrCycle> all = new ArrayList<>(Fixtures.random(43, 120));
    all.add(Fixtures.cycleA());
    all.add(Fixtures.cycleB());
    return all;
  }

  @Test
  void partsThroughBytes_sameJson() {
    Retrospective retro = Retrospective.withDefaults().withGroupings(EnumSet.allOf(Grouping.class));
    String whole = RetroJson.write(retro.run(CYCLES));
    Retrospective.Accumulator[] parts = {retro.newAccumulator(), retro.newAccumulator(), retro.newAccumulator()};
    for (int i = 0; i < CYCLES.size(); i++) {
      parts[(i * 7) % 3].add(CYCLES.get(i));
    }
    Retrospective.Accumulator total = retro.newAccumulator();
    total.mergeBytes(parts[2].toBytes());
    total.mergeBytes(retro.newAccumulator().mergeBytes(parts[0].toBytes()).mergeBytes(parts[1].toBytes()).toBytes());
    assertThat(RetroJson.write(total.report())).isEqualTo(whole);
  }

  @Test
  void addAfterMerging_sameJsonAsOnePass() {
    // the sections find a team's totals by a number the accumulator gives each team id it meets; cycles added after a
    // merge (of bytes or of an accumulator) must add to the merged totals of the same teams, not to totals of their own
    Retrospective retro = Retrospective.withDefaults().withoutForecasts().withGroupings(EnumSet.allOf(Grouping.class));
    String whole = RetroJson.write(retro.run(CYCLES));
    int third = CYCLES.size() / 3;
    Retrospective.Accumulator acc = retro.newAccumulator();
    CYCLES.subList(0, third).forEach(acc::add);
    Retrospective.Accumulator middle = retro.newAccumulator();
    CYCLES.subList(third, 2 * third).forEach(middle::add);
    acc.mergeBytes(middle.toBytes());
    Retrospective.Accumulator late = retro.newAccumulator();
    late.add(CYCLES.get(2 * third));
    acc.merge(late);
    CYCLES.subList(2 * third + 1, CYCLES.size()).forEach(acc::add);
    assertThat(RetroJson.write(acc.report())).isEqualTo(whole);
    Retrospective.Accumulator fromBytes = Retrospective.Accumulator.fromBytes(middle.toBytes());
    CYCLES.subList(0, third).forEach(fromBytes::add);
    CYCLES.subList(2 * third, CYCLES.size()).forEach(fromBytes::add);
    assertThat(RetroJson.write(fromBytes.report())).isEqualTo(whole);
  }

  @Test
  void mergeBytes_roundTrip_equalsMergingTheAccumulator() {
    Random r = new Random(5);
    for (Retrospective retro : List.of(RETRO, RETRO.withoutForecasts().withScoreFromLastCheckIn(false)
        .withGroupings(EnumSet.of(Grouping.TAG, Grouping.OWNER)))) {
      Retrospective.Accumulator part = retro.newAccumulator();
      for (OkrCycle c : CYCLES) {
        if (r.nextBoolean()) {
          part.add(c);
        }
      }
      byte[] bytes = part.toBytes();
      Retrospective.Accumulator viaBytes = retro.newAccumulator().add(Fixtures.cycleA()).mergeBytes(bytes);
      Retrospective.Accumulator direct = retro.newAccumulator().add(Fixtures.cycleA()).merge(part);
      assertThat(RetroJson.write(viaBytes.report())).isEqualTo(RetroJson.write(direct.report()));
      assertThat(viaBytes.toBytes()).isEqualTo(direct.toBytes());
      assertThat(retro.newAccumulator().mergeBytes(bytes).toBytes()).isEqualTo(bytes); // read, written: the same
    }
  }

  @Test
  void toBytes_anySplitAnyMergeOrder_sameBytes() {
    byte[] whole = RETRO.newAccumulator().merge(accumulatorOf(CYCLES)).toBytes();
    Random r = new Random(9);
    for (int trial = 0; trial < 4; trial++) {
      List<OkrCycle> shuffled = new ArrayList<>(CYCLES);
      Collections.shuffle(shuffled, r);
      List<Retrospective.Accumulator> parts = new ArrayList<>();
      for (int p = 0; p < 2 + trial; p++) {
        parts.add(RETRO.newAccumulator());
      }
      shuffled.forEach(c -> parts.get(r.nextInt(parts.size())).add(c));
      Retrospective.Accumulator merged = RETRO.newAccumulator();
      parts.forEach(p -> merged.mergeBytes(p.toBytes()));
      assertThat(merged.toBytes()).as("trial %d", trial).isEqualTo(whole);
    }
  }

  @Test
  void mergeBytes_javaSerialisedPayload_refusedUnread() throws IOException {
    // what toBytes wrote before, the settings then an object: an object whose readObject runs code
    ByteArrayOutputStream java = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(java)) {
      out.writeUTF("[TEAM, OBJECTIVE, OWNER, TAG, DIRECTION, UNIT, COMMITMENT] forecasts=true lastCheckIn=true");
      out.writeObject(new Gadget());
    }
    Gadget.ran = false;
    assertThatThrownBy(() -> RETRO.newAccumulator().mergeBytes(java.toByteArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bytes must begin with the magic number 0x4F4B5252 of a retrospective accumulator: 0xACED0005");
    assertThat(Gadget.ran).as("the payload's readObject ran").isFalse();
  }

  @Test
  void mergeBytes_notAnAccumulatorsBytes_exactMessages() {
    byte[] good = accumulatorOf(CYCLES).toBytes();
    assertRefused(new byte[0], "bytes must begin with the magic number 0x4F4B5252 of a retrospective accumulator: "
        + "0 bytes");
    assertRefused(new byte[] {0x4F, 0x4B, 0x52}, "bytes must begin with the magic number 0x4F4B5252 of a "
        + "retrospective accumulator: 3 bytes");
    assertRefused(new byte[] {1, 2, 3, 4, 5}, "bytes must begin with the magic number 0x4F4B5252 of a "
        + "retrospective accumulator: 0x01020304");
    assertRefused(Arrays.copyOf(good, 16), "retrospective accumulator bytes must hold at least 17 bytes (header "
        + "and checksum): 16");
    byte[] version1 = good.clone();
    version1[7] = 1;
    assertRefused(version1, "retrospective accumulator bytes must be of format version 2: version 1");
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x10;
    assertThatThrownBy(() -> RETRO.newAccumulator().mergeBytes(flipped)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("retrospective accumulator bytes must end with the CRC-32C of what precedes it (0x")
        .hasMessageContaining("); they are truncated or damaged: 0x");
    byte[] noForecasts = RETRO.withoutForecasts().withGroupings(EnumSet.of(Grouping.TAG)).newAccumulator()
        .toBytes();
    assertRefused(noForecasts, "bytes must come from a retrospective with the same settings (groupings [team, "
        + "objective, owner, tag, direction, unit, commitment], forecasts replayed, last check-ins scored, "
        + "forecaster movement-aware at level 0.8, stale after 14.0 days, thresholds 0.37 and 0.15, model "
        + "okr-default-2): groupings [tag], forecasts not replayed, last check-ins scored");
    byte[] otherForecaster = RETRO.withForecaster(Forecaster.withDefaults().withStaleAfterDays(7)).newAccumulator()
        .toBytes();
    assertRefused(otherForecaster, "bytes must come from a retrospective with the same settings (groupings [team, "
        + "objective, owner, tag, direction, unit, commitment], forecasts replayed, last check-ins scored, "
        + "forecaster movement-aware at level 0.8, stale after 14.0 days, thresholds 0.37 and 0.15, model "
        + "okr-default-2): groupings [team, objective, owner, tag, direction, unit, commitment], forecasts replayed, "
        + "last check-ins scored, forecaster movement-aware at level 0.8, stale after 7.0 days, thresholds 0.37 and "
        + "0.15, model okr-default-2");
  }

  @Test
  void mergeBytes_everyTruncation_refusedAccumulatorUnchanged() {
    byte[] good = accumulatorOf(CYCLES.subList(0, 20)).toBytes();
    Retrospective.Accumulator acc = RETRO.newAccumulator().add(Fixtures.cycleA());
    byte[] before = acc.toBytes();
    for (int n = 0; n < good.length; n++) {
      byte[] cut = Arrays.copyOf(good, n);
      assertThatThrownBy(() -> acc.mergeBytes(cut)).as("%d of %d bytes", n, good.length)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(acc.toBytes()).isEqualTo(before);
  }

  @Test
  void mergeBytes_forgedLengthOfTheFirstSection_exactMessage() {
    Retrospective retro = RETRO.withoutForecasts();
    byte[] good = retro.newAccumulator().add(Fixtures.cycleA()).toBytes();
    int first = RetroBytes.HEADER + 4; // after the forecaster part, empty without a replay
    byte[] forged = withChecksum(put(good, first, Integer.MAX_VALUE));
    assertThatThrownBy(() -> retro.newAccumulator().mergeBytes(forged)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("corrupt retrospective accumulator bytes: section totals length 2147483647 at byte " + first
            + " must be between 0 and what the " + (forged.length - first - 4 - RetroBytes.CHECKSUM)
            + " bytes left can hold (1 bytes each)");
    byte[] forgedForecaster = withChecksum(put(accumulatorOf(CYCLES).toBytes(), RetroBytes.HEADER,
        Integer.MAX_VALUE));
    assertRefused(forgedForecaster, "corrupt retrospective accumulator bytes: the forecaster length 2147483647 at "
        + "byte 13 must be between 0 and what the " + (forgedForecaster.length - RetroBytes.HEADER - 4
        - RetroBytes.CHECKSUM) + " bytes left can hold (1 bytes each)");
  }

  /**
   * A retrospective unlike the defaults in every setting: two groupings, last check-ins not scored, and a replay
   * with another method, level, stale days and model.
   */
  static Retrospective custom() {
    ForecastModel model = ForecastModel.defaults().withName("custom")
        .withHyperparameters(new Hyperparameters(1.3, 0.3, 0.04, 0.0, 1.0));
    return Retrospective.withDefaults().withGroupings(EnumSet.of(Grouping.TAG, Grouping.OWNER))
        .withScoreFromLastCheckIn(false).withForecaster(Forecaster.withDefaults()
            .withMethod(ForecastMethod.PLAN_PRIOR_BAYES).withLevel(0.9).withStaleAfterDays(3).withThresholds(0.6, 0.2)
            .withCadenceDays(10).withModel(model));
  }

  @Test
  void fromBytes_thresholdsOfTheModel_stillFollowALaterModel() {
    Retrospective retro = Retrospective.withDefaults().withForecaster(Forecaster.withDefaults()
        .withModel(ForecastModel.defaults().withAtRiskBelow(0.42)));
    Forecaster rebuilt = RetroBytes.settingsOf(retro.newAccumulator().toBytes()).forecaster();
    assertThat(rebuilt.onTrackProbability()).isEqualTo(0.42);
    assertThat(rebuilt.withModel(ForecastModel.defaults().withAtRiskBelow(0.25)).onTrackProbability())
        .isEqualTo(0.25);
    // thresholds of its own (0.6) stay its own
    Forecaster own = RetroBytes.settingsOf(custom().newAccumulator().toBytes()).forecaster();
    assertThat(own.withModel(ForecastModel.defaults().withAtRiskBelow(0.25)).onTrackProbability()).isEqualTo(0.6);
  }

  /**
   * A replay whose forecaster forecasts at the last check-in because its model says so (a model fitted on an OKR
   * tool's export, ForecastModel.resultTiming), not because it was told: rebuilt from the bytes, it still takes a later
   * model's timing as the one written does (as its thresholds do, above), and bytes of two such accumulators merge.
   */
  @Test
  void fromBytes_timingOfTheModel_stillFollowsALaterModel() {
    ForecastModel export = ForecastModel.defaults().withResultTiming(ResultTiming.LAST_CHECK_IN);
    Retrospective retro = Retrospective.withDefaults().withForecaster(Forecaster.withDefaults().withModel(export));
    Forecaster written = retro.forecaster();
    Forecaster rebuilt = RetroBytes.settingsOf(retro.newAccumulator().toBytes()).forecaster();
    assertThat(rebuilt.outcomeFromLastCheckIn()).isTrue();
    // the shipped model forecasts at the end: so does the written forecaster with it, and so must the rebuilt one
    // (it forecast at the last check-in whatever the model, as if told so)
    assertThat(written.withModel(ForecastModel.defaults()).outcomeFromLastCheckIn()).isFalse();
    assertThat(rebuilt.withModel(ForecastModel.defaults()).outcomeFromLastCheckIn()).isFalse();
    // told the end despite its model: that stays told
    Forecaster toldEnd = RetroBytes.settingsOf(Retrospective.withDefaults().withForecaster(Forecaster.withDefaults()
        .withModel(export).withOutcomeFromLastCheckIn(false)).newAccumulator().toBytes()).forecaster();
    assertThat(toldEnd.outcomeFromLastCheckIn()).isFalse();
    assertThat(toldEnd.withModel(export).outcomeFromLastCheckIn()).isFalse();
    // the same replay from bytes, and two halves' bytes merged: the report of one pass
    String once = RetroJson.write(retro.run(CYCLES));
    Retrospective.Accumulator a = retro.newAccumulator();
    Retrospective.Accumulator b = retro.newAccumulator();
    for (int i = 0; i < CYCLES.size(); i++) {
      (i % 2 == 0 ? a : b).add(CYCLES.get(i));
    }
    assertThat(RetroJson.write(Retrospective.Accumulator.fromBytes(a.toBytes()).mergeBytes(b.toBytes()).report()))
        .isEqualTo(once);
  }

  @Test
  void fromBytes_aForecasterAtTheLastCheckIn_travels_andOlderBytesReadAsBefore() {
    Retrospective atLast = Retrospective.withDefaults().withForecaster(Forecaster.withDefaults()
        .withOutcomeFromLastCheckIn(true));
    byte[] bytes = atLast.newAccumulator().toBytes();
    assertThat(RetroBytes.settingsOf(bytes).forecaster().outcomeFromLastCheckIn()).isTrue();
    // the flag is one byte more in the forecaster's part: without it, the bytes are those written before it existed
    assertThat(RETRO.newAccumulator().toBytes().length).isEqualTo(bytes.length - 1);
    assertThat(RetroBytes.settingsOf(RETRO.newAccumulator().toBytes()).forecaster().outcomeFromLastCheckIn())
        .isFalse();
    Retrospective.Accumulator rebuilt = Retrospective.Accumulator.fromBytes(bytes);
    CYCLES.forEach(rebuilt::add);
    assertThat(RetroJson.write(rebuilt.report())).isEqualTo(RetroJson.write(atLast.run(CYCLES)));
    // the forecaster part's last byte, when there is one, must be 1
    int length = java.nio.ByteBuffer.wrap(bytes, RetroBytes.HEADER, 4).getInt();
    int flagAt = RetroBytes.HEADER + 4 + length - 1;
    assertThat(bytes[flagAt]).isEqualTo((byte) 1);
    byte[] forged = bytes.clone();
    forged[flagAt] = 2;
    assertThatThrownBy(() -> Retrospective.Accumulator.fromBytes(withChecksum(forged)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt retrospective accumulator bytes: the "
            + "forecaster's last byte must be 1 (it forecasts at the last check-in) (before byte " + (flagAt + 1) + ")");
  }

  /**
   * Key results of objectives that declare no commitment travel apart: the completion and shapes sections end with a
   * byte 1 and each group's undeclared counts, so a report merged from bytes counts them as the direct run does.
   * Bytes written before the counts existed ({@code undeclared-before-counts.bin}, written at dc32a64 by
   * {@code UNDECLARED.newAccumulator().add(Fixtures.undeclared()).toBytes()}) read as they did, their undeclared key
   * results counted as committed, and are written back the same; forged counts are refused.
   */
  @Test
  void undeclaredCommitments_travel_andOlderBytesReadAsBefore() throws IOException {
    List<OkrCycle> cycles = List.of(Fixtures.undeclared(), Fixtures.cycleB());
    Retrospective.Accumulator merged = UNDECLARED.newAccumulator();
    for (OkrCycle c : cycles) {
      merged.mergeBytes(UNDECLARED.newAccumulator().add(c).toBytes());
    }
    RetroReport direct = UNDECLARED.run(cycles);
    assertThat(RetroJson.write(merged.report())).isEqualTo(RetroJson.write(direct));
    assertThat(direct.overall().undeclared()).isEqualTo(3);

    byte[] old;
    try (InputStream in = BytesTest.class.getResourceAsStream("undeclared-before-counts.bin")) {
      old = in.readAllBytes();
    }
    Retrospective.Accumulator fromOld = Retrospective.Accumulator.fromBytes(old);
    GroupStats all = fromOld.report().overall();
    // as before the counts: KR-1, KR-2 and KR-5 (undeclared) committed with KR-3; KR-1 and KR-3 score 1.0
    assertThat(List.of(all.committed(), all.committedMet(), all.aspirational(), all.undeclared()))
        .containsExactly(4L, 2L, 1L, 0L);
    assertThat(fromOld.toBytes()).isEqualTo(old);
    Retrospective.Accumulator mixed = UNDECLARED.newAccumulator().mergeBytes(old).add(Fixtures.undeclared());
    assertThat(List.of(mixed.report().overall().committed(), mixed.report().overall().undeclared()))
        .containsExactly(4L + 1, 3L); // the old bytes' 4 as they were, and the cycle added now: 1 committed, 3 not

    byte[] now = UNDECLARED.newAccumulator().add(Fixtures.undeclared()).toBytes();
    int groups = UNDECLARED.run(List.of(Fixtures.undeclared())).breakdowns().stream()
        .mapToInt(b -> b.groups().size()).sum();
    int shapes = TrajectoryShape.values().length;
    assertThat(now.length).isEqualTo(old.length + 2 + 16 * (groups + shapes)); // a byte 1 and two longs a group
    int shapesEnd = sectionEnd(now, 7);
    int one = shapesEnd - 1 - 16 * shapes;
    assertThat(now[one]).isEqualTo((byte) 1);
    byte[] two = now.clone();
    two[one] = 2;
    assertThatThrownBy(() -> UNDECLARED.newAccumulator().mergeBytes(withChecksum(two)))
        .hasMessageContaining("shapes: the byte after the groups must be 1 (their undeclared counts follow)");
    byte[] zeros = now.clone();
    Arrays.fill(zeros, one + 1, shapesEnd, (byte) 0);
    assertThatThrownBy(() -> UNDECLARED.newAccumulator().mergeBytes(withChecksum(zeros)))
        .hasMessageContaining("shapes: undeclared counts are written only where a group has some");
    byte[] beyond = now.clone();
    for (int i = one + 1; i < shapesEnd; i += 16) {
      beyond[i + 7] = 9; // 9 undeclared key results in every shape
    }
    assertThatThrownBy(() -> UNDECLARED.newAccumulator().mergeBytes(withChecksum(beyond)))
        .hasMessageContaining("undeclared key results, ").hasMessageContaining("beyond its");
  }

  private static final Retrospective UNDECLARED = Retrospective.withDefaults().withoutForecasts()
      .withGroupings(EnumSet.allOf(Grouping.class));

  /** Where section {@code index} (0 the totals) of {@code bytes} ends. */
  private static int sectionEnd(byte[] bytes, int index) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes);
    int at = RetroBytes.HEADER;
    at += 4 + b.getInt(at); // the forecaster
    for (int i = 0; i <= index; i++) {
      at += 4 + b.getInt(at);
    }
    return at;
  }

  @Test
  void fromBytes_customSettings_carriesEverySetting() {
    for (Retrospective retro : List.of(custom(), custom().withoutForecasts(), RETRO)) {
      String expected = RetroJson.write(retro.run(CYCLES));
      // an empty accumulator's bytes are the whole configuration: another process computes the same from them alone
      Retrospective.Accumulator rebuilt = Retrospective.Accumulator.fromBytes(retro.newAccumulator().toBytes());
      CYCLES.forEach(rebuilt::add);
      assertThat(RetroJson.write(rebuilt.report())).isEqualTo(expected);
      assertThat(Retrospective.Accumulator.fromBytes(rebuilt.toBytes()).toBytes()).isEqualTo(rebuilt.toBytes());
      assertThat(retro.newAccumulator().merge(rebuilt).toBytes()).isEqualTo(rebuilt.toBytes());
    }
    // the settings matter: the defaults give another report on the same cycles
    assertThat(RetroJson.write(custom().run(CYCLES))).isNotEqualTo(RetroJson.write(RETRO
        .withGroupings(EnumSet.of(Grouping.TAG, Grouping.OWNER)).withForecaster(custom().forecaster().withModel(
            ForecastModel.defaults())).run(CYCLES)));
  }

  @Test
  void fromBytes_unknownSettings_refused() {
    byte[] bytes = RETRO.withoutForecasts().newAccumulator().toBytes();
    byte[] noGrouping = withChecksum(put(bytes, 8, 0));
    assertThatThrownBy(() -> Retrospective.Accumulator.fromBytes(noGrouping))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("retrospective accumulator bytes must hold known "
            + "settings: groupings [], forecasts not replayed, last check-ins scored");
    byte[] unknownGrouping = withChecksum(put(bytes, 8, 1 << 9));
    assertThatThrownBy(() -> Retrospective.Accumulator.fromBytes(unknownGrouping))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("retrospective accumulator bytes must hold known "
            + "settings: groupings [unknown bits 0x200], forecasts not replayed, last check-ins scored");
    byte[] replayWithoutForecaster = bytes.clone();
    replayWithoutForecaster[12] |= 1;
    assertThatThrownBy(() -> Retrospective.Accumulator.fromBytes(withChecksum(replayWithoutForecaster)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("corrupt retrospective accumulator bytes: the "
            + "forecaster must be written exactly when forecasts are replayed");
  }

  @Test
  void mergeBytes_anyFieldForgedHuge_mergedOrRefusedWithoutLargeAllocation() {
    // every 4 bytes of the body set to 0x7FFFFFFF in turn, the checksum made to match (as an attacker would): a length
    // or count among them claims 2 billion items; nothing may allocate for them
    // (a small accumulator, of every section, with blockers, gaps and trends: each forgery costs a merge and a report)
    Retrospective retro = RETRO.withoutForecasts().withGroupings(EnumSet.of(Grouping.TAG));
    byte[] good = retro.newAccumulator().add(Fixtures.cycleA()).add(Fixtures.cycleB()).toBytes();
    int refused = 0;
    for (int at = RetroBytes.HEADER; at + 4 <= good.length - RetroBytes.CHECKSUM; at++) {
      byte[] forged = withChecksum(put(good, at, Integer.MAX_VALUE));
      Retrospective.Accumulator acc = retro.newAccumulator();
      boolean[] ok = {true};
      long bytes = Allocation.of(() -> {
        try {
          acc.mergeBytes(forged).report();
        } catch (IllegalArgumentException e) {
          ok[0] = false;
        }
      });
      assertThat(bytes).as("forged int at byte %d", at).isLessThan(16L * good.length + (1 << 20));
      refused += ok[0] ? 0 : 1;
    }
    assertThat(refused).isGreaterThan((good.length - RetroBytes.HEADER) / 2); // most forgeries contradict something
  }

  private static Retrospective.Accumulator accumulatorOf(List<OkrCycle> cycles) {
    Retrospective.Accumulator acc = RETRO.newAccumulator();
    cycles.forEach(acc::add);
    return acc;
  }

  private static void assertRefused(byte[] bytes, String message) {
    assertThatThrownBy(() -> RETRO.newAccumulator().mergeBytes(bytes)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static byte[] put(byte[] bytes, int at, int v) {
    byte[] out = bytes.clone();
    out[at] = (byte) (v >>> 24);
    out[at + 1] = (byte) (v >>> 16);
    out[at + 2] = (byte) (v >>> 8);
    out[at + 3] = (byte) v;
    return out;
  }

  /** {@code bytes} with their last four bytes replaced by the CRC-32C of the rest. */
  static byte[] withChecksum(byte[] bytes) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    return put(bytes, bytes.length - 4, (int) crc.getValue());
  }

  /** A class whose deserialisation runs code, as gadgets do. */
  static final class Gadget implements Serializable {
    private static final long serialVersionUID = 1L;
    static volatile boolean ran;

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      ran = true;
    }
  }
}
