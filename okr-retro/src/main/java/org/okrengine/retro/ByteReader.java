package org.okrengine.retro;

import java.util.Map;

/**
 * Reads the big-endian bytes of a retrospective accumulator ({@link RetroBytes}) from an array, refusing with an
 * {@link IllegalArgumentException} whatever does not fit: a read past the end, a negative count, a length or count
 * claiming more than the bytes left could hold (so nothing is allocated beyond a small multiple of the input).
 */
final class ByteReader {
  private final byte[] bytes;
  private int at;
  private final int end;

  ByteReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.at = from;
    this.end = to;
  }

  int readByte() {
    need(1);
    return bytes[at++] & 0xFF;
  }

  int readInt() {
    need(4);
    int v = (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
        | (bytes[at + 3] & 0xFF);
    at += 4;
    return v;
  }

  long readLong() {
    long hi = readInt();
    return hi << 32 | (readInt() & 0xFFFF_FFFFL);
  }

  /** A count or sum that cannot be negative. */
  long readCount(String what) {
    long v = readLong();
    if (v >= 0) {
      return v;
    }
    throw corrupt(what + " must not be negative: " + v + " at byte " + (at - 8));
  }

  /** A long within {@code [min, max]}. */
  long readLong(String what, long min, long max) {
    long v = readLong();
    if (v >= min && v <= max) {
      return v;
    }
    throw corrupt(what + " must be within [" + min + ", " + max + "]: " + v + " at byte " + (at - 8));
  }

  /**
   * A number of items of at least {@code bytesEach} bytes each: refused when negative or when the bytes left could
   * not hold that many.
   */
  int readSize(String what, int bytesEach) {
    int n = readInt();
    if (n >= 0 && (long) n * bytesEach <= end - at) {
      return n;
    }
    throw corrupt(what + " " + n + " at byte " + (at - 4) + " must be between 0 and what the " + (end - at)
        + " bytes left can hold (" + bytesEach + " bytes each)");
  }

  String readString(String what) {
    int n = readSize(what + " length", 2);
    char[] chars = new char[n];
    for (int i = 0; i < n; i++) {
      chars[i] = (char) ((bytes[at] & 0xFF) << 8 | (bytes[at + 1] & 0xFF));
      at += 2;
    }
    return new String(chars);
  }

  /** A map's key: strictly after {@code previous} (null for the first), as the writer sorts them. */
  String readKey(String what, String previous) {
    int from = at;
    String key = readString(what);
    if (previous == null || key.compareTo(previous) > 0) {
      return key;
    }
    throw corrupt(what + " at byte " + from + " must come after the one before it (keys are distinct and sorted)");
  }

  /** Reads the value of a map's {@code key}; {@code what} names it in messages. */
  interface ValueReader<V> {
    V read(ByteReader in, String key, String what);
  }

  /**
   * Reads a map {@link ByteWriter#writeMap} wrote into {@code into}: keys distinct and ascending, each value of at
   * least {@code valueBytes} bytes.
   */
  <V> void readMap(String what, int valueBytes, Map<String, V> into, ValueReader<V> value) {
    int n = readSize(what + " entries", 4 + valueBytes);
    String previous = null;
    for (int i = 0; i < n; i++) {
      String entry = what + " entry " + i;
      String key = readKey(entry + " key", previous);
      into.put(key, value.read(this, key, entry));
      previous = key;
    }
  }

  /** Refuses the bytes unless {@code ok}: a field that contradicts another. */
  void check(boolean ok, String what) {
    if (!ok) {
      throw corrupt(what + " (before byte " + at + ")");
    }
  }

  /** The next {@code length}-prefixed part, as a reader of its own; this reader moves past it. */
  ByteReader part(String what) {
    int n = readSize(what + " length", 1);
    ByteReader part = new ByteReader(bytes, at, at + n);
    at += n;
    return part;
  }

  /** Checks that everything was read. */
  void end(String what) {
    if (at != end) {
      throw corrupt(what + " has " + (end - at) + " bytes left over at byte " + at);
    }
  }

  int position() {
    return at;
  }

  /** Where this reader's bytes end (exclusive). */
  int limit() {
    return end;
  }

  private void need(int n) {
    if (end - at < n) {
      throw corrupt("a field at byte " + at + " needs " + n + " bytes, " + (end - at) + " are left");
    }
  }

  IllegalArgumentException corrupt(String detail) {
    return new IllegalArgumentException("corrupt retrospective accumulator bytes: " + detail);
  }
}
