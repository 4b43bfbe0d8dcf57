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
}
