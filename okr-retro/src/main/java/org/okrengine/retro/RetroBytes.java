package org.okrengine.retro;

import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.CRC32C;

/**
 * The byte format of a retrospective accumulator, version 1: what {@link Retrospective.Accumulator#toBytes} writes
 * and {@link Retrospective.Accumulator#mergeBytes} reads.
 */
final class RetroBytes {
  /*
   * Layout (big-endian):
   *
   *   int   magic 0x4F4B5252, "OKRR"
   *   int   version, 1
   *   int   the groupings asked for, bit (1 << ordinal): team 1, objective 2, owner 4, tag 8, direction 16, unit 32,
   *         commitment 64
   *   byte  flags: 1 = forecasts replayed, 2 = key results without a result scored from their last check-in
   *   the sections, in the order of Retrospective.Accumulator's array (totals, team names, completion, objectives,
   *         trends, calibration, cadence, shapes, blockers, forecasts), each an int length and that many bytes
   *   int   CRC-32C of every byte before it
   *
   * Inside a section: counts and sums are longs; a string is an int count of UTF-16 units and the units, two bytes
   * each (exact for any string); a map is an int count and its entries in ascending order of key; a multiset (scores,
   * gaps, seconds ahead) is written in ascending order. So equal accumulators write equal bytes, whatever order
   * they were added and merged in. A completion group is its key results' count and their packed scores (score in
   * millionths << 2 | hit << 1 | committed, GroupAcc). Figures over every key result are not written: they are the
   * teams' merged. Any change of layout or meaning, including a reordering of Grouping, takes a new version number.
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
  static final int VERSION = 1;
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
    for (Section<?> s : sections) {
      int at = out.beginPart();
      s.write(out);
      out.endPart(at);
    }
    out.writeInt(out.crc32c());
    return out.toByteArray();
  }

  /**
   * Reads {@code bytes} into {@code sections} (new, empty ones of an accumulator of {@code settings}).
   *
   * @throws IllegalArgumentException naming what is wrong with the bytes
   */
  static void read(byte[] bytes, Retrospective settings, Section<?>[] sections, String[] names) {
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
    int groupings = header.readInt();
    int flags = header.readByte();
    if (groupings != groupingBits(settings.groupings()) || flags != flags(settings)) {
      throw new IllegalArgumentException("bytes must come from a retrospective with the same settings ("
          + describe(groupingBits(settings.groupings()), flags(settings)) + "): " + describe(groupings, flags));
    }
    ByteReader body = new ByteReader(bytes, HEADER, n - CHECKSUM);
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
