package org.okrengine.retro;

import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.CRC32C;

/** Big-endian bytes of a retrospective accumulator ({@link RetroBytes}), written into a growing array. */
final class ByteWriter {
  /** The largest array the JVM reliably allocates. */
  private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;
  private byte[] bytes = new byte[256];
  private int size;

  void writeByte(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
  }

  void writeInt(int v) {
    ensure(4);
    putInt(size, v);
    size += 4;
  }

  void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  /** A string as its length in UTF-16 units and the units: exact for any string, unpaired surrogates too. */
  void writeString(String s) {
    writeInt(s.length());
    ensure(2 * s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      bytes[size++] = (byte) (c >>> 8);
      bytes[size++] = (byte) c;
    }
  }

  /** A map as its size and its entries in ascending order of key, each value written by {@code value}. */
  <V> void writeMap(Map<String, V> map, BiConsumer<V, ByteWriter> value) {
    String[] keys = map.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    writeInt(keys.length);
    for (String k : keys) {
      writeString(k);
      value.accept(map.get(k), this);
    }
  }

  /** Starts a length-prefixed part: returns where its length goes, for {@link #endPart}. */
  int beginPart() {
    writeInt(0);
    return size - 4;
  }

  /** Writes the length of the part begun at {@code at}. */
  void endPart(int at) {
    putInt(at, size - at - 4);
  }

  /** The CRC-32C of everything written so far. */
  int crc32c() {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, size);
    return (int) crc.getValue();
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void putInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  private void ensure(int n) {
    if (n <= bytes.length - size) {
      return;
    }
    long needed = (long) size + n;
    if (needed > MAX_LENGTH) {
      throw new IllegalStateException("the accumulator's bytes would exceed " + MAX_LENGTH + " bytes: " + needed);
    }
    bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_LENGTH, Math.max(needed, 2L * bytes.length)));
  }
}
