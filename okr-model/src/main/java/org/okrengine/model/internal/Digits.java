package org.okrengine.model.internal;

/**
 * Whole numbers written for people, shared by the modules that write sentences. Not API: the package is exported only
 * to the engine's own modules. Stateless and thread-safe.
 */
public final class Digits {
  private Digits() {}

  /**
   * {@code n} with a comma between groups of three digits, as {@code String.format(Locale.ROOT, "%,d", n)} writes it,
   * without a formatter per call (that call took a tenth of the analysis of a long chain's sentences).
   */
  public static String grouped(long n) {
    return grouped(Long.toString(n));
  }

  /**
   * {@code plain}, a number written as an optional minus, digits and an optional point and decimals (as
   * {@code Long.toString} or {@code BigDecimal.toPlainString} write it), with a comma between groups of three digits
   * of its whole part, as {@code %,d} and {@code %,.Nf} group them.
   */
  public static String grouped(String plain) {
    int sign = plain.startsWith("-") ? 1 : 0;
    int point = plain.indexOf('.');
    int len = (point < 0 ? plain.length() : point) - sign;
    if (len <= 3) {
      return plain;
    }
    int head = sign + (len - 1) % 3 + 1;
    StringBuilder out = new StringBuilder(plain.length() + len / 3);
    out.append(plain, 0, head);
    for (int i = head; i < sign + len; i += 3) {
      out.append(',').append(plain, i, i + 3);
    }
    return out.append(plain, sign + len, plain.length()).toString();
  }
}
