package org.okrengine.model.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * ISO-8601 parsing with a fast path for the shapes writers use ({@code 2026-07-08}, {@code 2026-07-08T09:00:00Z},
 * {@code 2026-07-08T09:00:00.250+02:00}); anything else goes to {@code java.time}'s parsers, so the accepted texts
 * and the results are exactly theirs, but for an instant's offset, which must be Z or hh:mm as the schema says.
 * Stateless and thread-safe.
 */
final class Iso {
  private Iso() {}

  /**
   * The date of {@code yyyy-mm-dd}, as {@link LocalDate#parse}.
   *
   * @throws DateTimeException when it is not a valid date
   */
  static LocalDate date(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 2);
      int d = digits(s, 8, 2);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d); // throws for month 13, February 30, ...
      }
    }
    return LocalDate.parse(s);
  }

  /**
   * The instant of a date-time with offset, as {@code OffsetDateTime.parse(s).toInstant()}.
   *
   * @throws DateTimeException when it is not a valid date-time with offset
   */
  static Instant instant(String s) {
    Instant fast = fastInstant(s);
    if (fast != null) {
      return fast;
    }
    // java.time also reads an offset of hours alone (+05) or without its colon (+0530); the format, as RFC 3339,
    // writes Z or hh:mm (seconds optional), and so does the schema
    if (!OFFSET.matcher(s).find()) {
      throw new DateTimeException("offset must be Z or +hh:mm: " + s);
    }
    return OffsetDateTime.parse(s).toInstant();
  }

  /** How an instant's text must end: Z, or a sign, hours and minutes (and seconds) with colons. */
  private static final Pattern OFFSET = Pattern.compile("(?:[Zz]|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)$");

  /** The instant of {@code yyyy-mm-ddThh:mm:ss[.f{1,9}](Z|+hh:mm|-hh:mm)}, or null for any other shape. */
  private static Instant fastInstant(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (hour < 0 || minute < 0 || second < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    int offsetSeconds;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offsetSeconds = 0;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || oh > 18 || om > 59 || (oh == 18 && om > 0)) {
        return null;
      }
      offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return null;
    }
    try {
      LocalDate date = date(s.substring(0, 10));
      LocalTime time = LocalTime.of(hour, minute, second);
      long epochSecond = date.toEpochDay() * 86_400L + time.toSecondOfDay() - offsetSeconds;
      return Instant.ofEpochSecond(epochSecond, nanos);
    } catch (DateTimeException e) {
      return null; // let java.time report it
    }
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
