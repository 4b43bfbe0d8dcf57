package org.okrengine.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  static double exact(List<Double> values) {
    BigDecimal sum = BigDecimal.ZERO;
    for (double v : values) {
      sum = sum.add(new BigDecimal(v));
    }
    // BigDecimal.doubleValue of the exact sum, rounded to nearest (enough digits that the rounding is the last one)
    return new BigDecimal(sum.toString(), MathContext.UNLIMITED).doubleValue();
  }

  static double sum(List<Double> values) {
    ExactSum s = new ExactSum();
    values.forEach(s::add);
    return s.value();
  }

  @Test
  void matchesTheRoundedExactSum_inAnyOrder() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int trial = 0; trial < 200; trial++) {
      List<Double> values = new ArrayList<>();
      int n = 1 + rnd.nextInt(300);
      for (int i = 0; i < n; i++) {
        double v = switch (trial % 4) {
          case 0 -> rnd.nextDouble();
          case 1 -> rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-20, 20));
          case 2 -> -Math.log(rnd.nextDouble(0.001, 0.999));
          default -> Double.longBitsToDouble(rnd.nextLong()) / 1e10; // anything finite, subnormals included
        };
        if (Double.isFinite(v)) {
          values.add(v);
        }
      }
      double expected = exact(values);
      assertThat(sum(values)).isEqualTo(expected);
      Collections.shuffle(values, new Random(trial));
      assertThat(sum(values)).isEqualTo(expected);
    }
  }

  @Test
  void cancellationAndTinyValues() {
    assertThat(sum(List.of(1e308, 1e308, -1e308, -1e308, 1.0))).isEqualTo(1.0);
    assertThat(sum(List.of(1e308, 1e308))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(sum(List.of(Double.MIN_VALUE, Double.MIN_VALUE))).isEqualTo(2 * Double.MIN_VALUE);
    assertThat(sum(List.of(0.1, 0.2, -0.3))).isEqualTo(exact(List.of(0.1, 0.2, -0.3)));
    assertThat(sum(List.of(-0.5, -0.25))).isEqualTo(-0.75);
    assertThat(sum(List.of())).isEqualTo(0.0);
    assertThat(sum(List.of(1.0, -1.0))).isEqualTo(0.0);
  }

  @Test
  void nonFiniteValuesActLikeADoubleSum() {
    assertThat(sum(List.of(1.0, Double.NaN))).isNaN();
    assertThat(sum(List.of(1.0, Double.POSITIVE_INFINITY))).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(sum(List.of(1.0, Double.NEGATIVE_INFINITY))).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(sum(List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))).isNaN();
  }

  @Test
  void mergeAndBytesGiveTheSameSum() throws IOException {
    SplittableRandom rnd = new SplittableRandom(2);
    ExactSum all = new ExactSum();
    ExactSum a = new ExactSum();
    ExactSum b = new ExactSum();
    for (int i = 0; i < 10_000; i++) {
      double v = rnd.nextDouble(-1, 1) * Math.pow(2, rnd.nextInt(-60, 60));
      all.add(v);
      (i % 3 == 0 ? a : b).add(v);
    }
    b.add(Double.POSITIVE_INFINITY);
    all.add(Double.POSITIVE_INFINITY);
    ExactSum merged = new ExactSum();
    merged.merge(b);
    merged.merge(a);
    assertThat(merged.value()).isEqualTo(all.value());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      a.writeTo(out);
      new ExactSum().writeTo(out);
    }
    ExactSum read = new ExactSum();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read.mergeFrom(in);
      read.mergeFrom(in);
    }
    read.merge(b);
    assertThat(read.value()).isEqualTo(all.value());

    byte[] corrupt = {0, 60, 0, 20};
    assertThatThrownBy(() -> new ExactSum().mergeFrom(new DataInputStream(new ByteArrayInputStream(corrupt))))
        .isInstanceOf(IOException.class);
  }
}
