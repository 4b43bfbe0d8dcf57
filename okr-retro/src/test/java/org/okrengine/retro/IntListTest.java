package org.okrengine.retro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quickselect against a sort, on random lists with many ties; medians of even and odd sizes. */
class IntListTest {
  @Test
  void select_equalsSortedRank() {
    Random r = new Random(3);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + r.nextInt(300);
      int[] a = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(trial % 2 == 0 ? 5 : 1000); // few distinct values: many ties
      }
      int[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = r.nextInt(n);
      assertThat(IntList.select(a.clone(), k)).isEqualTo(sorted[k]);
    }
  }

  @Test
  void median_evenOddEmpty() {
    IntList l = new IntList();
    assertThat(l.median(1)).isNull();
    l.add(3);
    assertThat(l.median(1)).isEqualTo(3.0);
    l.add(1);
    assertThat(l.median(2)).isEqualTo(1.0); // (1 + 3) / 2 / 2
    IntList m = new IntList();
    for (int i = 0; i < 9; i++) {
      m.add(9 - i);
    }
    l.addAll(m); // 3 1 9 8 7 6 5 4 3 2 1 -> sorted 1 1 2 3 3 [4] 5 6 7 8 9
    assertThat(l.median(1)).isEqualTo(4.0);
  }
}
