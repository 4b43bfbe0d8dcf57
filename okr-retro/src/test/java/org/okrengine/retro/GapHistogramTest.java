package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The histogram's median against a plain sort of the same gaps, however they were split and merged. */
class GapHistogramTest {
  @Test
  void median_equalsSortedList_anySplit() {
    Random r = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + r.nextInt(200);
      List<Long> gaps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        // mostly short gaps, some around the dense limit, some as wide as the model allows (79,056 h)
        int kind = r.nextInt(trial % 3 + 2);
        gaps.add(kind == 0 ? r.nextInt(400) : kind == 1 ? GapHistogram.DENSE_HOURS - 3 + r.nextInt(6)
            : (long) r.nextInt(79_057));
      }
      GapHistogram[] parts = {new GapHistogram(), new GapHistogram(), new GapHistogram()};
      for (long g : gaps) {
        parts[r.nextInt(parts.length)].add(g);
      }
      GapHistogram merged = parts[r.nextInt(3)];
      for (GapHistogram p : parts) {
        if (p != merged) {
          merged.merge(p);
        }
      }
      Collections.sort(gaps);
      double expected = (gaps.get((n - 1) / 2) + gaps.get(n / 2)) / 2.0 / 24;
      assertThat(merged.size()).isEqualTo(n);
      assertThat(merged.median(24)).as("trial %d: %s", trial, gaps).isEqualTo(expected);
      assertThat(merged.median(24)).as("taken twice").isEqualTo(expected);
    }
  }

  @Test
  void median_emptyOneAndEdgesOfTheDenseRange() {
    GapHistogram h = new GapHistogram();
    assertThat(h.median(24)).isNull();
    h.add(GapHistogram.DENSE_HOURS - 1);
    assertThat(h.median(1)).isEqualTo(GapHistogram.DENSE_HOURS - 1.0);
    h.add(GapHistogram.DENSE_HOURS);
    assertThat(h.median(1)).isEqualTo(GapHistogram.DENSE_HOURS - 0.5); // (2047 + 2048) / 2
    h.add(0);
    assertThat(h.median(1)).isEqualTo(GapHistogram.DENSE_HOURS - 1.0);
  }

  /** The gaps of {@code h} written to bytes. */
  private static byte[] bytes(GapHistogram h) {
    ByteWriter out = new ByteWriter();
    h.write(out);
    return out.toByteArray();
  }

  @Test
  void countsPast255AndPastIntMax_sameMedianAndBytesAsOneByOne() {
    // 300 gaps of 5 hours pass a byte's 255 in one histogram; 200 + 200 of 7 hours pass it only when merged; 100 of
    // 3 hours and one of 9 stay small. Sorted: 100 x 3, 300 x 5, 400 x 7, 1 x 9: 801 gaps, the median (rank 400) 7 h
    GapHistogram a = new GapHistogram();
    GapHistogram b = new GapHistogram();
    GapHistogram one = new GapHistogram();
    for (int i = 0; i < 300; i++) {
      a.add(5);
      one.add(5);
    }
    for (int i = 0; i < 200; i++) {
      a.add(7);
      b.add(7);
      one.add(7);
      one.add(7);
    }
    for (int i = 0; i < 100; i++) {
      b.add(3);
      one.add(3);
    }
    b.add(9);
    one.add(9);
    a.merge(b);
    assertThat(a.size()).isEqualTo(801);
    assertThat(a.median(1)).isEqualTo(7.0);
    assertThat(bytes(a)).isEqualTo(bytes(one));
    GapHistogram read = new GapHistogram();
    read.read(new ByteReader(bytes(one), 0, bytes(one).length), "gaps");
    assertThat(bytes(read)).isEqualTo(bytes(one));
    // 3,000,000,000 gaps of 2 hours (past Integer.MAX_VALUE), as merged partitions could count: the median moves
    // to 2 h, and the counts, merged either way, are written alike
    ByteWriter many = new ByteWriter();
    many.writeInt(1);
    many.writeInt(2);
    many.writeLong(3_000_000_000L);
    many.writeInt(0);
    byte[] manyBytes = many.toByteArray();
    GapHistogram big = new GapHistogram();
    big.read(new ByteReader(manyBytes, 0, manyBytes.length), "gaps");
    big.merge(one);
    GapHistogram other = new GapHistogram();
    other.read(new ByteReader(bytes(one), 0, bytes(one).length), "gaps");
    GapHistogram big2 = new GapHistogram();
    big2.read(new ByteReader(manyBytes, 0, manyBytes.length), "gaps");
    other.merge(big2);
    assertThat(big.size()).isEqualTo(3_000_000_801L);
    assertThat(big.median(1)).isEqualTo(2.0);
    assertThat(bytes(big)).isEqualTo(bytes(other));
  }

  @Test
  void addGaps_sameAsAddingEachRoundedGap() {
    // times 0, 1799 s, 1800 s, then 300 steps of one hour (past a byte's 255), a jump of 1,000 hours (past the first
    // array's length) and one of 3,000 hours (past the dense range): gaps 0 (1,799 s rounds down), 0, 1 x 300,
    // 1,000 and 3,000 hours, the rounding being (later - earlier + 1800) / 3600
    long[] times = new long[305];
    times[1] = 1799;
    times[2] = 1800;
    for (int i = 3; i < 303; i++) {
      times[i] = times[i - 1] + 3600;
    }
    times[303] = times[302] + 1000 * 3600L;
    times[304] = times[303] + 3000 * 3600L;
    GapHistogram bulk = new GapHistogram();
    bulk.addGaps(times, 0, times.length);
    GapHistogram each = new GapHistogram();
    each.add(0);
    each.add(0);
    for (int i = 0; i < 300; i++) {
      each.add(1);
    }
    each.add(1000);
    each.add(3000);
    assertThat(bulk.size()).isEqualTo(304);
    assertThat(bytes(bulk)).isEqualTo(bytes(each));
    assertThat(bulk.median(1)).isEqualTo(1.0);
    GapHistogram part = new GapHistogram();
    part.addGaps(times, 2, 4); // one gap: 1800 s to 5400 s, 1 hour
    assertThat(part.size()).isEqualTo(1);
    assertThat(part.median(1)).isEqualTo(1.0);
  }
}
