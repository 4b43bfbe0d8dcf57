package org.okrengine.retro;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.CRC32C;
import org.okrengine.forecast.ForecastMethod;
import org.okrengine.forecast.ForecastModel;
import org.okrengine.forecast.Forecaster;

/**
 * The byte format of a retrospective accumulator, version 2: what {@link Retrospective.Accumulator#toBytes} writes,
 * {@link Retrospective.Accumulator#mergeBytes} reads and {@link Retrospective.Accumulator#fromBytes} rebuilds the
 * retrospective from.
 */
final class RetroBytes {
  /*
   * Layout (big-endian):
   *
   *   int   magic 0x4F4B5252, "OKRR"
   *   int   version, 2 (version 1 had no forecaster part)
   *   int   the groupings asked for, bit (1 << ordinal): team 1, objective 2, owner 4, tag 8, direction 16, unit 32,
   *         commitment 64
   *   byte  flags: 1 = forecasts replayed, 2 = key results without a result scored from their last check-in
   *   the forecaster of the replay, an int length and that many bytes (none without a replay): its method's id (a
   *         string), its interval level, its stale days, its on-track and off-track thresholds and its agreed
   *         cadence in days (each a double as its IEEE 754 bits, a long), its model's okr-forecast-model/1 document
   *         (a string), then a byte 1 where it forecasts the value at the last check-in
   *         (Forecaster.withOutcomeFromLastCheckIn, or its model's resultTiming; nothing where it does not): every
   *         setting of the forecaster. Read back, it is told so only where its model does not say the same.
   *   the sections, in the order of Retrospective.Accumulator's array (totals, team names, completion, objectives,
   *         trends, calibration, cadence, shapes, blockers, forecasts), each an int length and that many bytes
   *   int   CRC-32C of every byte before it
   *
   * Inside a section: counts and sums are longs; a string is an int count of UTF-16 units and the units, two bytes
   * each (exact for any string); a map is an int count and its entries in ascending order of key; a multiset (scores,
   * gaps, seconds ahead) is written in ascending order. So equal accumulators write equal bytes, whatever order
   * they were added and merged in. A completion group is its key results' count and their packed scores (score in
   * millionths << 2 | hit << 1 | committed, GroupAcc; an objective that declares no commitment is packed as
   * committed). Where a group of the completion or shapes section has key results of objectives that declare no
   * commitment, the section ends with a byte 1 and, for every group of it in the order written, two longs: how many
   * of its scored key results those are, and how many of them score 1.0 (GroupAcc.writeUndeclared; nothing where no
   * group has one, so those bytes are the ones written before the counts existed, which read as before: their
   * undeclared key results counted as committed). Figures over every key result are not written: they are the
   * teams' merged. The cadence section ends, where a team's cycles agree a check-in cadence, with a byte 1 and, for
   * every team in the order written, the largest agreed checkInEveryDays of its cycles as a double's bits (0 for
   * none); nothing where no team has one, so bytes written before read as before (none agreed). Any change of layout or meaning, including a reordering of Grouping, takes a new version number.
   *
   * Reading checks, in this order: the magic number, the length of header and checksum, the version, the checksum
   * (accidental damage), the settings, then every field: no count or length may claim more than the bytes left could
   * hold, so what is allocated stays within a small multiple of the input's length however a length is forged;
   * counts are not negative and agree with one another (sums with their multisets, bins with their totals); keys
   * are distinct and sorted; each section is read whole and nothing is left over. The bytes are read into a new
   * accumulator and merged only once all of them are read: refused bytes leave the accumulator as it was. No
   * class is named or loaded by the bytes: nothing but these fields is ever read.
   */
  static final int MAGIC = 0x4F4B5252;
  static final int VERSION = 2;
  /** Magic, version, groupings and flags. */
  static final int HEADER = 13;
  static final int CHECKSUM = 4;
  private static final int FORECASTS = 1;
  private static final int LAST_CHECK_IN = 2;

  private RetroBytes() {}

  /** The bytes of {@code sections}, those of an accumulator of {@code settings}. */
  static byte[] write(Retrospective settings, Section<?>[] sections) {
    ByteWriter out = new ByteWriter();
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeInt(groupingBits(settings.groupings()));
    out.writeByte(flags(settings));
    int forecaster = out.beginPart();
    writeForecaster(out, settings.forecaster());
    out.endPart(forecaster);
    for (Section<?> s : sections) {
      int at = out.beginPart();
      s.write(out);
      out.endPart(at);
    }
    out.writeInt(out.crc32c());
    return out.toByteArray();
  }

  /** The forecaster part's content for {@code forecaster} (empty for null: no replay). */
  static byte[] forecasterPart(Forecaster forecaster) {
    ByteWriter out = new ByteWriter();
    writeForecaster(out, forecaster);
    return out.toByteArray();
  }

  private static void writeForecaster(ByteWriter out, Forecaster f) {
    if (f == null) {
      return;
    }
    out.writeString(f.method().id());
    out.writeLong(Double.doubleToLongBits(f.level()));
    out.writeLong(Double.doubleToLongBits(f.staleAfterDays()));
    out.writeLong(Double.doubleToLongBits(f.onTrackProbability()));
    out.writeLong(Double.doubleToLongBits(f.offTrackProbability()));
    out.writeLong(Double.doubleToLongBits(f.cadenceDays()));
    out.writeString(f.model().toJson());
    if (f.outcomeFromLastCheckIn()) {
      out.writeByte(1);
    }
  }

  /** The forecaster a forecaster part holds (null when empty). */
  private static Forecaster readForecaster(ByteReader in) {
    if (in.position() == in.limit()) {
      return null;
    }
    String id = in.readString("forecaster method");
    ForecastMethod method = ForecastMethod.fromId(id).orElse(null);
    in.check(method != null, "forecaster method '" + id + "' must be a known method");
    double level = Double.longBitsToDouble(in.readLong());
    double stale = Double.longBitsToDouble(in.readLong());
    double onTrack = Double.longBitsToDouble(in.readLong());
    double offTrack = Double.longBitsToDouble(in.readLong());
    double cadence = Double.longBitsToDouble(in.readLong());
    String json = in.readString("forecaster model");
    boolean atLastCheckIn = false;
    if (in.position() < in.limit()) {
      in.check(in.readByte() == 1, "the forecaster's last byte must be 1 (it forecasts at the last check-in)");
      atLastCheckIn = true;
    }
    in.end("the forecaster");
    try {
      Forecaster f = Forecaster.withDefaults().withMethod(method).withLevel(level).withStaleAfterDays(stale)
          .withCadenceDays(cadence).withModel(ForecastModel.fromJson(json));
      // told where to forecast only where the model's resultTiming does not say the same, so that the forecaster
      // still takes a later model's timing (Forecaster.withModel) as the one written did, as with the thresholds
      if (f.outcomeFromLastCheckIn() != atLastCheckIn) {
        f = f.withOutcomeFromLastCheckIn(atLastCheckIn);
      }
      // thresholds of their own only where they differ from the model's, so that the forecaster still takes a later
      // model's (Forecaster.withModel) as the one written did
      return onTrack == f.onTrackProbability() && offTrack == f.offTrackProbability() ? f
          : f.withThresholds(onTrack, offTrack);
    } catch (IllegalArgumentException e) { // InvalidModelException too
      throw new IllegalArgumentException("corrupt retrospective accumulator bytes: the forecaster: " + e.getMessage(),
          e);
    }
  }

  /**
   * The retrospective whose accumulators wrote {@code bytes}: groupings, flags and forecaster as written.
   *
   * @throws IllegalArgumentException naming what is wrong with the bytes
   */
  static Retrospective settingsOf(byte[] bytes) {
    ByteReader body = checked(bytes);
    ByteReader header = new ByteReader(bytes, 8, HEADER);
    int groupings = header.readInt();
    int flags = header.readByte();
    Set<Grouping> set = EnumSet.noneOf(Grouping.class);
    for (Grouping g : Grouping.values()) {
      if ((groupings & 1 << g.ordinal()) != 0) {
        set.add(g);
      }
    }
    if (set.isEmpty() || groupingBits(set) != groupings || (flags & ~(FORECASTS | LAST_CHECK_IN)) != 0) {
      throw new IllegalArgumentException("retrospective accumulator bytes must hold known settings: "
          + describe(groupings, flags));
    }
    Forecaster forecaster = readForecaster(body.part("the forecaster"));
    if ((forecaster != null) != ((flags & FORECASTS) != 0)) {
      throw new IllegalArgumentException("corrupt retrospective accumulator bytes: the forecaster must be written "
          + "exactly when forecasts are replayed");
    }
    Retrospective r = Retrospective.withDefaults().withGroupings(set)
        .withScoreFromLastCheckIn((flags & LAST_CHECK_IN) != 0);
    return forecaster == null ? r.withoutForecasts() : r.withForecaster(forecaster);
  }

  /**
   * Checks the magic number, length, version and checksum of {@code bytes}.
   *
   * @return a reader of what follows the header, up to the checksum
   * @throws IllegalArgumentException naming what is wrong with the bytes
   */
  private static ByteReader checked(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes must not be null");
    int n = bytes.length;
    ByteReader header = new ByteReader(bytes, 0, n);
    int magic = n >= 4 ? header.readInt() : 0;
    if (n < 4 || magic != MAGIC) {
      throw new IllegalArgumentException(String.format("bytes must begin with the magic number 0x%08X of a "
          + "retrospective accumulator: %s", MAGIC, n < 4 ? n + " bytes" : String.format("0x%08X", magic)));
    }
    if (n < HEADER + CHECKSUM) {
      throw new IllegalArgumentException("retrospective accumulator bytes must hold at least " + (HEADER + CHECKSUM)
          + " bytes (header and checksum): " + n);
    }
    int version = header.readInt();
    if (version != VERSION) {
      throw new IllegalArgumentException("retrospective accumulator bytes must be of format version " + VERSION
          + ": version " + version);
    }
    int expected = crc(bytes, n - CHECKSUM);
    int found = new ByteReader(bytes, n - CHECKSUM, n).readInt();
    if (found != expected) {
      throw new IllegalArgumentException(String.format("retrospective accumulator bytes must end with the CRC-32C "
          + "of what precedes it (0x%08X); they are truncated or damaged: 0x%08X", expected, found));
    }
    return new ByteReader(bytes, HEADER, n - CHECKSUM);
  }

  /**
   * Reads {@code bytes} into {@code sections} (new, empty ones of an accumulator of {@code settings}).
   *
   * @throws IllegalArgumentException naming what is wrong with the bytes
   */
  static void read(byte[] bytes, Retrospective settings, Section<?>[] sections, String[] names) {
    ByteReader body = checked(bytes);
    ByteReader header = new ByteReader(bytes, 8, HEADER);
    int groupings = header.readInt();
    int flags = header.readByte();
    ByteReader forecaster = body.part("the forecaster");
    byte[] ours = settings.forecasterPart();
    if (groupings != groupingBits(settings.groupings()) || flags != flags(settings)
        || !Arrays.equals(bytes, forecaster.position(), forecaster.limit(), ours, 0, ours.length)) {
      throw new IllegalArgumentException("bytes must come from a retrospective with the same settings ("
          + describe(groupingBits(settings.groupings()), flags(settings)) + describe(settings.forecaster()) + "): "
          + describe(groupings, flags) + describe(readForecaster(forecaster)));
    }
    for (int i = 0; i < sections.length; i++) {
      ByteReader part = body.part("section " + names[i]);
      sections[i].read(part);
      part.end("section " + names[i]);
    }
    body.end("the sections");
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  private static int groupingBits(Set<Grouping> groupings) {
    int bits = 0;
    for (Grouping g : groupings) {
      bits |= 1 << g.ordinal();
    }
    return bits;
  }

  private static int flags(Retrospective settings) {
    return (settings.replaysForecasts() ? FORECASTS : 0) | (settings.scoresFromLastCheckIn() ? LAST_CHECK_IN : 0);
  }

  /** The forecaster in words, after a comma; empty for none. */
  static String describe(Forecaster f) {
    return f == null ? "" : ", forecaster " + f.method().id() + " at level " + f.level() + ", stale after "
        + f.staleAfterDays() + " days, thresholds " + f.onTrackProbability() + " and " + f.offTrackProbability()
        + (f.cadenceDays() > 0 ? ", cadence " + f.cadenceDays() + " days" : "") + ", model " + f.model().name();
  }

  private static String describe(int groupings, int flags) {
    StringJoiner names = new StringJoiner(", ", "groupings [", "]");
    for (Grouping g : Grouping.values()) {
      if ((groupings & 1 << g.ordinal()) != 0) {
        names.add(g.jsonName());
      }
    }
    if ((groupings & -(1 << Grouping.values().length)) != 0) {
      names.add(String.format("unknown bits 0x%X", groupings & -(1 << Grouping.values().length)));
    }
    return names + ", forecasts " + ((flags & FORECASTS) != 0 ? "replayed" : "not replayed") + ", last check-ins "
        + ((flags & LAST_CHECK_IN) != 0 ? "scored" : "not scored")
        + ((flags & ~(FORECASTS | LAST_CHECK_IN)) != 0 ? String.format(", unknown flags 0x%X", flags) : "");
  }
}
