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
      int[] b = a.clone();
      assertThat(IntList.select(b, n, k)).isEqualTo(sorted[k]);
      for (int i = k + 1; i < n; i++) {
        assertThat(b[i]).as("after rank %d", k).isGreaterThanOrEqualTo(sorted[k]); // what median relies on
      }
    }
  }

  @Test
  void median_equalsSortedList() {
    Random r = new Random(4);
    for (int trial = 0; trial < 300; trial++) {
      IntList l = new IntList();
      int n = 1 + r.nextInt(400);
      int[] a = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(trial % 3 == 0 ? 3 : 1_000_001);
        l.add(a[i]);
      }
      Arrays.sort(a);
      assertThat(l.median(1, new int[n + trial])).isEqualTo((a[(n - 1) / 2] + (long) a[n / 2]) / 2.0);
    }
  }

  @Test
  void median_longLists_byCountingEqualsSortedList() {
    // at and above IntList.COUNTED: one value, few values, a million-score range with a heavy top (as scores of 1.0),
    // the whole int range; even and odd lengths; shifted as GroupAcc's packed scores are
    Random r = new Random(6);
    int[] bounds = {1, 3, 4_000_004, Integer.MAX_VALUE};
    for (int trial = 0; trial < 40; trial++) {
      int n = IntList.COUNTED + r.nextInt(3 * IntList.COUNTED);
      int bound = bounds[trial % bounds.length];
      int shift = trial % 3;
      IntList l = new IntList();
      int[] a = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(4) == 0 ? bound - 1 : r.nextInt(bound);
        l.add(a[i]);
      }
      for (int i = 0; i < n; i++) {
        a[i] >>>= shift;
      }
      Arrays.sort(a);
      assertThat(l.median(1, shift, new int[n])).as("trial %d, n %d", trial, n)
          .isEqualTo(((long) a[(n - 1) / 2] + a[n / 2]) / 2.0);
    }
  }

  @Test
  void sort_shortAndLongLists_equalJdkSort() {
    Random r = new Random(10);
    int[] bounds = {1, 5, 2048, 4_000_004, Integer.MAX_VALUE};
    for (int trial = 0; trial < 30; trial++) {
      int n = trial % 2 == 0 ? r.nextInt(100) : IntList.COUNTED + r.nextInt(20_000);
      IntList l = new IntList();
      int[] a = new int[n];
      for (int i = 0; i < n; i++) {
        a[i] = r.nextInt(bounds[trial % bounds.length]);
        l.add(a[i]);
      }
      Arrays.sort(a);
      l.sort();
      assertThat(Arrays.copyOf(l.array(), l.size())).as("trial %d", trial).isEqualTo(a);
      l.add(7); // still a list after sorting
      assertThat(l.size()).isEqualTo(n + 1);
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
