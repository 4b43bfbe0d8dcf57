package org.okrengine.model;

import static org.okrengine.model.internal.Checks.outsideWindow;
import static org.okrengine.model.internal.Checks.requireDate;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireInstant;
import static org.okrengine.model.internal.Checks.requireWellFormed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A period of OKRs, from {@code start} to {@code end} (local dates in {@code zone}, both inclusive), and the one place
 * where the library turns local dates into instants.
 *
 * <p>The cycle begins at the start of {@code start} in {@code zone} and ends at the start of the day after {@code end}
 * (exclusive), so a cycle across a daylight-saving change is an hour shorter or longer than its days times 24 hours.
 * Fractions of the cycle are fractions of that real duration. Immutable and thread-safe.
 *
 * @param id unique id, for example {@code 2026-Q3}
 * @param name display name
 * @param start first day, inclusive, from {@link #MIN_DATE} to {@link #MAX_DATE}
 * @param end last day, inclusive, not before {@code start}, at most {@link #MAX_LENGTH_DAYS} days from it (both
 *     included), from {@link #MIN_DATE} to {@link #MAX_DATE}
 * @param zone the zone the dates are in (normalized: a fixed zone such as {@code UTC} becomes its offset)
 * @param checkInEveryDays the check-in cadence agreed for the cycle, in days, or null when none was agreed; a key
 *     result too young to have a rhythm of its own is stale after twice this much silence. Above 0, at most
 *     {@link #MAX_LENGTH_DAYS}
 */
public record Cycle(String id, String name, LocalDate start, LocalDate end, ZoneId zone, Double checkInEveryDays) {
  /** Seconds in a day, the unit of every "days" figure the library reports. */
  public static final double SECONDS_PER_DAY = 86_400.0;
  /** The earliest date of a cycle, milestone, need-by date or plan point: 1900-01-01. */
  public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
  /** The latest date of a cycle, milestone, need-by date or plan point: 2200-12-31. */
  public static final LocalDate MAX_DATE = LocalDate.of(2200, 12, 31);
  /** The most days a cycle spans, its start and end included: 1098 (3 * 366). */
  public static final int MAX_LENGTH_DAYS = 3 * 366;

  /**
   * Validates; a null {@code name} becomes the id, a null {@code zone} becomes UTC.
   *
   * @throws IllegalArgumentException when the id is blank, a date lies outside {@link #MIN_DATE} to
   *     {@link #MAX_DATE}, {@code end} is before {@code start}, or the cycle spans more than
   *     {@link #MAX_LENGTH_DAYS} days
   * @throws NullPointerException when the id or a date is null
   */
  public Cycle {
    requireId(id, "id");
    name = name == null ? id : requireWellFormed(name, "name");
    requireDate(start, "start");
    requireDate(end, "end");
    zone = zone == null ? ZoneOffset.UTC : zone.normalized();
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end must not be before start: " + end + " < " + start);
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    if (days > MAX_LENGTH_DAYS) {
      throw new IllegalArgumentException("end must make a cycle of at most " + MAX_LENGTH_DAYS + " days: " + days
          + " days (" + start + " to " + end + ")");
    }
    if (checkInEveryDays != null && !(checkInEveryDays > 0 && checkInEveryDays <= MAX_LENGTH_DAYS)) {
      throw new IllegalArgumentException("checkInEveryDays must be above 0 and at most " + MAX_LENGTH_DAYS + ": "
          + checkInEveryDays);
    }
  }

  /** A cycle without an agreed check-in cadence (the constructor before {@code checkInEveryDays}). */
  public Cycle(String id, String name, LocalDate start, LocalDate end, ZoneId zone) {
    this(id, name, start, end, zone, null);
  }

  /** A copy with the agreed check-in cadence {@code days} (null for none). */
  public Cycle withCheckInEveryDays(Double days) {
    return new Cycle(id, name, start, end, zone, days);
  }

  /** A cycle in UTC named after its id. */
  public static Cycle of(String id, LocalDate start, LocalDate end) {
    return new Cycle(id, id, start, end, ZoneOffset.UTC);
  }

  /** The instant the cycle begins: the start of {@code start} in {@code zone}. */
  public Instant startInstant() {
    return instantOf(start);
  }

  /** The instant the cycle ends (exclusive): the start of the day after {@code end} in {@code zone}. */
  public Instant endInstant() {
    return instantOf(end.plusDays(1));
  }

  /** The start of {@code date} in the cycle's zone (the first valid instant of that day across a gap). */
  public Instant instantOf(LocalDate date) {
    if (zone instanceof ZoneOffset offset) {
      // a fixed offset: midnight at that offset, as atStartOfDay gives, without building a ZonedDateTime
      return Instant.ofEpochSecond(date.toEpochDay() * 86_400L - offset.getTotalSeconds());
    }
    return date.atStartOfDay(zone).toInstant();
  }

  /** The local date of {@code instant} in the cycle's zone. */
  public LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, zone);
  }

  /** The cycle's real length in days (86,400 s each). */
  public double lengthDays() {
    return daysBetween(startInstant(), endInstant());
  }

  /**
   * The fraction of the cycle elapsed at {@code instant}: 0 at the start, 1 at the end, clamped to [0, 1] outside.
   */
  public double elapsedFraction(Instant instant) {
    double f = daysBetween(startInstant(), instant) / lengthDays();
    return Math.min(1.0, Math.max(0.0, f));
  }

  /** The instant at fraction {@code fraction} (0..1) of the cycle's real duration. */
  public Instant instantAtFraction(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be within 0..1: " + fraction);
    }
    Instant s = startInstant();
    long seconds = Duration.between(s, endInstant()).getSeconds();
    return s.plusMillis(Math.round(seconds * 1000.0 * fraction));
  }

  /** Whether {@code instant} falls within the cycle (start inclusive, end exclusive). */
  public boolean contains(Instant instant) {
    return !instant.isBefore(startInstant()) && instant.isBefore(endInstant());
  }

  /**
   * The earliest instant a check-in of this cycle may have, and an analysis of it: one cycle length (its real
   * duration) before {@link #startInstant}. A baseline measured before the start is legitimate.
   */
  public Instant windowStart() {
    Instant s = startInstant();
    return s.minus(Duration.between(s, endInstant()));
  }

  /**
   * The latest instant a check-in of this cycle may have, and an analysis of it: one cycle length after
   * {@link #endInstant}.
   */
  public Instant windowEnd() {
    Instant e = endInstant();
    return e.plus(Duration.between(startInstant(), e));
  }

  /**
   * Returns {@code asOf} when the cycle can be analysed at it: within [{@link #windowStart}, {@link #windowEnd}], as
   * its check-ins are, and within the dates a document may hold ({@link #MIN_DATE} to {@link #MAX_DATE}, in UTC). An
   * analysis at any such instant does work bounded by the cycle's length.
   *
   * @throws IllegalArgumentException when {@code asOf} lies outside, naming the range and the instant
   * @throws NullPointerException when {@code asOf} is null
   */
  public Instant requireAnalysable(Instant asOf) {
    Objects.requireNonNull(asOf, "asOf must not be null");
    String outside = outsideWindow(this, asOf);
    if (outside != null) {
      throw new IllegalArgumentException("asOf " + outside);
    }
    return requireInstant(asOf, "asOf");
  }

  /**
   * Days from {@code from} to {@code to} on the wall clock of the cycle's zone (fractional; negative when {@code to}
   * is earlier): a calendar day is one day even when a daylight-saving change makes it 23 or 25 hours long. The unit of
   * every day count a report writes (days since a check-in, days silent, weeks a blocker was named); in a zone of
   * fixed offset it equals {@link #daysBetween}.
   */
  public double calendarDaysBetween(Instant from, Instant to) {
    if (zone instanceof ZoneOffset) {
      return daysBetween(from, to);
    }
    Duration d = Duration.between(LocalDateTime.ofInstant(from, zone), LocalDateTime.ofInstant(to, zone));
    return (d.getSeconds() + d.getNano() / 1e9) / SECONDS_PER_DAY;
  }

  /**
   * The weeks the cycle is said to have ("week 8 of 13"): its calendar days ({@link #calendarDaysBetween} from start
   * to end) over 7, rounded, at least 1: 13 for a quarter of 90 to 92 days.
   */
  public long weeks() {
    return Math.max(1, Math.round(calendarDaysBetween(startInstant(), endInstant()) / 7));
  }

  /**
   * The week of the cycle {@code instant} falls in, 1 to {@link #weeks()}: its whole calendar days since the start
   * over 7, plus 1 (the 1st to the 7th day: week 1), within that range. By calendar days, as every day count of a
   * report: by elapsed time, 19 Mar in New York, 77 days after 1 Jan but an hour short of it across the change to
   * summer time, was in week 11 instead of 12.
   */
  public long weekOf(Instant instant) {
    double days = Math.max(0, calendarDaysBetween(startInstant(), instant));
    return Math.max(1, Math.min(weeks(), (long) Math.floor(days / 7) + 1));
  }

  /** Whole calendar days from {@code from} to {@code to} ({@link #calendarDaysBetween}, rounded down). */
  public long wholeCalendarDaysBetween(Instant from, Instant to) {
    return (long) Math.floor(calendarDaysBetween(from, to));
  }

  /**
   * The instant {@code days} calendar days before {@code at} in the cycle's zone: the same wall-clock time that many
   * dates earlier (across a daylight-saving change, not {@code days} times 86,400 s).
   */
  public Instant calendarDaysBefore(Instant at, long days) {
    return at.atZone(zone).minusDays(days).toInstant();
  }

  /** Days (86,400 s each, fractional) from {@code from} to {@code to}; negative when {@code to} is earlier. */
  public static double daysBetween(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return (d.getSeconds() + d.getNano() / 1e9) / SECONDS_PER_DAY;
  }
}
