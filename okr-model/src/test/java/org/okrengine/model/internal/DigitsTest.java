package org.okrengine.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Digits}: moved here from okr-deps' CascadeScratch and okr-execution's Numbers, which held copies. */
class DigitsTest {
  /** Grouped as String.format(Locale.ROOT, "%,d") groups them (which the sentences no longer call). */
  @Test
  void counts_groupedAsTheFormatterDid() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    List<Long> values = new ArrayList<>(List.of(0L, 7L, 999L, 1_000L, 12_345L, 999_999L, 1_000_000L, -1L, -1_000L,
        -123_456_789L, Long.MAX_VALUE, Long.MIN_VALUE));
    for (int i = 0; i < 10_000; i++) {
      values.add(random.nextLong() >> random.nextInt(64));
    }
    for (long n : values) {
      assertThat(Digits.grouped(n)).as("%d", n).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", n));
    }
    assertThat(Digits.grouped(1_234_567)).isEqualTo("1,234,567");
  }

  /** Decimals' whole parts grouped as String.format(Locale.ROOT, "%,.Nf") groups them; the decimals kept as they are. */
  @Test
  void decimals_groupedAsTheFormatterDid() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(6);
    for (int i = 0; i < 10_000; i++) {
      double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12));
      int decimals = 1 + random.nextInt(4);
      String plain = java.math.BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_UP)
          .toPlainString();
      assertThat(Digits.grouped(plain)).as(plain).isEqualTo(String.format(java.util.Locale.ROOT, "%,." + decimals
          + "f", new java.math.BigDecimal(plain)));
    }
    assertThat(Digits.grouped("-1234567.25")).isEqualTo("-1,234,567.25");
    assertThat(Digits.grouped("-123.5")).isEqualTo("-123.5");
    assertThat(Digits.grouped("1000")).isEqualTo("1,000");
  }
}
