package org.okrengine.forecast;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * The settings part of a backtest accumulator's bytes, format version 5: what {@link Backtest.Accumulator#toBytes}
 * writes first, {@link Backtest.Accumulator#fromBytes} rebuilds the backtest from, and
 * {@link Backtest.Accumulator#mergeBytes} compares with its own; and the checksum that ends them.
 */
final class BacktestBytes {
  /*
   * Layout (big-endian, java.io.DataOutput):
   *
   *   int     magic 0x4F4B5205 ("OKR" and the version, 5); earlier versions are refused, naming theirs (version 4,
   *           0x4F4B5204, had no checksum: of the single bits flipped in an accumulator of the acme-2026-q2 example,
   *           34,188 of 147,256 were read, 26,998 of them into another report, some into other origins; version 3,
   *           0x4F4B5203, had no count of key results scored from their last check-in and no count of the intervals
   *           with a width, so its width sums held a 0 for each interval of a key result without a span; version 2,
   *           0x4F4B5202, had no outcome setting; version 1, 0x4F4B5201, no forecaster settings)
   *   int     count of origins, then each a double (fractions of the cycle, ascending, within (0, 1))
   *   int     count of methods, then each method's id as a string
   *   double  the forecaster's stale days (Forecaster.staleAfterDays)
   *   double  its on-track threshold, off-track threshold and agreed cadence in days (three doubles)
   *   string  the forecaster's model, its okr-forecast-model/1 document (ForecastModel.toJson)
   *   byte    bit 0: key results without a result are scored against their last check-in (version 3); bit 1: the
   *           forecaster forecasts every key result's value at its last check-in (Forecaster.withOutcomeFromLastCheckIn;
   *           since 2026-12-05, a byte of 0 or 1 reading as before); bit 2: the results are last check-ins
   *           (ResultTiming.LAST_CHECK_IN: every key result forecast at its expected last check-in; since 2026-12-06)
   *   then the body, Backtest.Accumulator's: long cycles, long key results, long key results scored against their
   *           last check-in for want of a result (at most the key results; version 4), then the sums of each method
   *           at each origin, methods in the backtest's order, origins ascending; each: longs n, intervals, covered,
   *           intervals with a width (of a key result whose |target - baseline| is above 0; version 4), misses,
   *           misses flagged, hits, hits flagged; exact sums Brier, log loss, width (over the intervals with a
   *           width), absolute error; then per probability bin (ten) a long count, a long hits and an exact sum of
   *           the probabilities
   *   int     CRC-32C of every byte before it (version 5), checked before anything else is read but the magic number
   *
   * A string is an int count of UTF-16 units and the units, two bytes each (DataOutput.writeUTF stops at 64 KB).
   * The forecaster's method and level are not written: the backtest scores every method it names, with 80% intervals.
   */
  static final int MAGIC = 0x4F4B5205;
  /** The magic number of version 4, which had no checksum. */
  static final int MAGIC_V4 = 0x4F4B5204;
  /** The bytes of the checksum that ends an accumulator's bytes. */
  static final int CHECKSUM = 4;
  /**
   * The magic number of version 3, which had no count of key results from last check-ins nor of intervals with a
   * width.
   */
  static final int MAGIC_V3 = 0x4F4B5203;
  /** The magic number of version 2, which had no outcome setting. */
  static final int MAGIC_V2 = 0x4F4B5202;
  /** The magic number of version 1, which had no forecaster settings. */
  static final int MAGIC_V1 = 0x4F4B5201;

  private BacktestBytes() {}

  /** {@code bytes} (an accumulator's settings and body) followed by their CRC-32C, the bytes of version 5. */
  static byte[] sealed(byte[] bytes) {
    byte[] out = Arrays.copyOf(bytes, bytes.length + CHECKSUM);
    int crc = crc(bytes, bytes.length);
    for (int k = 0; k < CHECKSUM; k++) {
      out[bytes.length + k] = (byte) (crc >>> (24 - 8 * k)); // big-endian, as DataOutput writes an int
    }
    return out;
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /** The settings part of the bytes of {@code backtest}'s accumulators. */
  static byte[] settings(Backtest backtest) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      double[] origins = backtest.origins();
      out.writeInt(origins.length);
      for (double o : origins) {
        out.writeDouble(o);
      }
      out.writeInt(backtest.methods().size());
      for (ForecastMethod m : backtest.methods()) {
        writeString(out, m.id());
      }
      Forecaster f = backtest.forecaster();
      out.writeDouble(f.staleAfterDays());
      out.writeDouble(f.onTrackProbability());
      out.writeDouble(f.offTrackProbability());
      out.writeDouble(f.cadenceDays());
      writeString(out, f.model().toJson());
      // bit 2 (4): the results are last check-ins (an accumulator with ResultTiming.DETECT forecasts as END: written
      // so)
      // bit 1 (2): the forecaster was told to forecast every key result at its last check-in (a model's own timing
      // is in its document, and a backtest forecasts by the timing of its cycles whatever the model's)
      out.writeByte((backtest.outcomeFromLastCheckIn() ? 1 : 0) | (f.outcomeFromLastCheckInGiven() ? 2 : 0)
          | (backtest.resultTiming() == ResultTiming.LAST_CHECK_IN ? 4 : 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * The settings at the start of {@code bytes}.
   *
   * @param settings a copy of the settings part
   * @param origins the origins
   * @param methods the methods
   * @param staleAfterDays the forecaster's stale days
   * @param onTrack the forecaster's on-track threshold
   * @param offTrack the forecaster's off-track threshold
   * @param cadenceDays the forecaster's agreed cadence in days (0: none)
   * @param model the model's okr-forecast-model/1 document
   * @param outcomeFromLastCheckIn whether key results without a result are scored against their last check-in
   * @param forecastAtLastCheckIn whether the forecaster forecasts every key result's value at its last check-in
   * @param resultsAtLastCheckIn whether the results are last check-ins ({@link ResultTiming#LAST_CHECK_IN}; else
   *     {@link ResultTiming#END})
   */
  record Header(byte[] settings, double[] origins, List<ForecastMethod> methods, double staleAfterDays,
      double onTrack, double offTrack, double cadenceDays, String model, boolean outcomeFromLastCheckIn,
      boolean forecastAtLastCheckIn, boolean resultsAtLastCheckIn) {
    /**
     * The backtest of these settings.
     *
     * @throws IllegalArgumentException when a setting is out of range or the model does not read
     */
    Backtest backtest() {
      Forecaster forecaster;
      try {
        forecaster = Forecaster.withDefaults().withModel(ForecastModel.fromJson(model))
            .withStaleAfterDays(staleAfterDays).withCadenceDays(cadenceDays);
        // bit 1 is written only for a forecaster told so: one not told keeps its model's resultTiming (told false,
        // not told and a model's timing all score alike: a backtest forecasts by the timing of its cycles)
        if (forecastAtLastCheckIn) {
          forecaster = forecaster.withOutcomeFromLastCheckIn(true);
        }
        // thresholds of their own only where they differ from the model's, so that the forecaster still takes a
        // later model's (Forecaster.withModel) as the one written did
        if (onTrack != forecaster.onTrackProbability() || offTrack != forecaster.offTrackProbability()) {
          forecaster = forecaster.withThresholds(onTrack, offTrack);
        }
      } catch (InvalidModelException e) {
        throw new IllegalArgumentException("backtest accumulator bytes must hold a valid forecast model: "
            + e.getMessage(), e);
      }
      return Backtest.withDefaults().withOrigins(origins).withMethods(methods).withForecaster(forecaster)
          .withOutcomeFromLastCheckIn(outcomeFromLastCheckIn)
          .withResultTiming(resultsAtLastCheckIn ? ResultTiming.LAST_CHECK_IN : ResultTiming.END);
    }
  }

  /**
   * Reads the settings at the start of {@code bytes}, after checking their magic number and checksum.
   *
   * @throws IllegalArgumentException when they are not a backtest accumulator's, of another version, truncated or
   *     damaged
   */
  static Header read(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes must not be null");
    int n = bytes.length;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, Math.max(0, n - CHECKSUM)))) {
      int magic = n >= 4 ? ((bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8
          | (bytes[3] & 0xFF)) : 0;
      if (magic == MAGIC_V1 || magic == MAGIC_V2 || magic == MAGIC_V3 || magic == MAGIC_V4) {
        throw new IllegalArgumentException("backtest accumulator bytes must be of format version 5: version "
            + (magic & 0xFF));
      }
      if (magic != MAGIC) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "bytes must begin with the magic number "
            + "0x%08X of a backtest accumulator: %s", MAGIC, n < 4 ? n + " bytes"
            : String.format(Locale.ROOT, "0x%08X", magic)));
      }
      if (n < 4 + CHECKSUM) {
        throw new IllegalArgumentException("backtest accumulator bytes must hold at least " + (4 + CHECKSUM)
            + " bytes (magic number and checksum): " + n);
      }
      int expected = crc(bytes, n - CHECKSUM);
      int found = (bytes[n - 4] & 0xFF) << 24 | (bytes[n - 3] & 0xFF) << 16 | (bytes[n - 2] & 0xFF) << 8
          | (bytes[n - 1] & 0xFF);
      if (found != expected) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "backtest accumulator bytes must end with the "
            + "CRC-32C of what precedes it (0x%08X); they are truncated or damaged: 0x%08X", expected, found));
      }
      in.readInt(); // the magic number, checked above
      int origins = count(in, 8, "origins");
      double[] o = new double[origins];
      for (int k = 0; k < origins; k++) {
        o[k] = in.readDouble();
      }
      List<ForecastMethod> methods = new ArrayList<>();
      for (int i = count(in, 4, "methods"); i > 0; i--) {
        String id = readString(in);
        methods.add(ForecastMethod.fromId(id).orElseThrow(() -> new IllegalArgumentException(
            "backtest accumulator bytes must name known methods: '" + id + "'")));
      }
      double stale = in.readDouble();
      double onTrack = in.readDouble();
      double offTrack = in.readDouble();
      double cadence = in.readDouble();
      String model = readString(in);
      int flag = in.readUnsignedByte();
      if (flag > 7) {
        throw new IllegalArgumentException("backtest accumulator bytes must hold 0 to 7 for the outcome settings: "
            + flag);
      }
      boolean fromLastCheckIn = (flag & 1) != 0;
      int length = n - CHECKSUM - in.available();
      return new Header(Arrays.copyOf(bytes, length), o, methods, stale, onTrack, offTrack, cadence, model,
          fromLastCheckIn, (flag & 2) != 0, (flag & 4) != 0);
    } catch (IOException e) {
      throw new IllegalArgumentException("backtest accumulator bytes are truncated or corrupt: " + e, e);
    }
  }

  /** The settings of {@code settings} (a settings part) in words, for messages. */
  static String describe(byte[] settings) {
    Header h = read(sealed(settings)); // a settings part alone, as bytes of an accumulator with an empty body
    String model;
    try {
      model = ForecastModel.fromJson(h.model()).name();
    } catch (InvalidModelException e) {
      model = "an invalid model";
    }
    return "origins " + Arrays.toString(h.origins()) + ", methods "
        + h.methods().stream().map(ForecastMethod::id).collect(Collectors.joining(", ", "[", "]"))
        + ", stale after " + h.staleAfterDays() + " days, thresholds " + h.onTrack() + " and " + h.offTrack()
        + (h.cadenceDays() > 0 ? ", cadence " + h.cadenceDays() + " days" : "") + ", model " + model
        + (h.outcomeFromLastCheckIn() ? ", outcomes from last check-ins" : "")
        + (h.forecastAtLastCheckIn() ? ", forecasts at last check-ins" : "")
        + (h.resultsAtLastCheckIn() ? ", results taken at last check-ins" : "");
  }

  private static int count(DataInputStream in, int bytesEach, String what) throws IOException {
    int n = in.readInt();
    if (!(n >= 0 && (long) n * bytesEach <= in.available())) {
      throw new IllegalArgumentException("backtest accumulator bytes must hold a count of " + what + " within what "
          + "is left: " + n);
    }
    return n;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    out.writeInt(s.length());
    out.writeChars(s);
  }

  private static String readString(DataInputStream in) throws IOException {
    int n = count(in, 2, "string units");
    char[] c = new char[n];
    for (int i = 0; i < n; i++) {
      c[i] = in.readChar();
    }
    return new String(c);
  }
}
