package org.okrengine.execution;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.okrengine.forecast.Forecast;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Status;

/**
 * Plain English sentences about a key result, built only from numbers the engine computed. Stateless and
 * thread-safe.
 */
final class Insights {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
  /** An instant in the cycle's zone, as the page's header and the grounded prompt name it: {@code 2026-08-19 00:00}. */
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

  private Insights() {}

  /**
   * Whether {@code cycle} is over at {@code asOf} (at or after its end): the outcome of each key result is then known
   * (the forecaster's rule, {@code Forecaster.forecast} and {@code Kernel.over}), and a sentence says where it ended,
   * met or not, never where it is forecast to land. The one test the sentences, the summary, the page, the charts,
   * {@code okr explain} and the grounded prompt use.
   */
  static boolean over(Cycle cycle, Instant asOf) {
    return !asOf.isBefore(cycle.endInstant());
  }

  /**
   * The day lateness and runs of statuses are counted to at {@code asOf}: its date in the cycle's zone, but no later
   * than the day the cycle ended on (the date of its end instant): after the end nothing moves any more, so a report
   * of a finished cycle says the same whatever day it is run (an initiative "58 days late" at the end stays so, an
   * escalation's run and level stop growing).
   */
  static LocalDate countedDay(Cycle cycle, Instant asOf) {
    LocalDate day = cycle.dateOf(asOf);
    LocalDate end = cycle.dateOf(cycle.endInstant());
    return day.isAfter(end) ? end : day;
  }

  /**
   * The sentence of {@code kr}'s forecast {@code f}; {@code atRiskBelow} is the probability below which the forecaster
   * puts a key result that went backwards behind its plan at risk (its on-track threshold), named where such a key
   * result is still on track.
   */
  static String sentence(KeyResult kr, Forecast f, Cycle cycle, double atRiskBelow) {
    return sentence(kr, f, cycle, atRiskBelow, false);
  }

  /**
   * As {@link #sentence(KeyResult, Forecast, Cycle, double)}; {@code over}: the forecast instant is at or after the
   * cycle's end, when the latest check-in is the outcome (the forecaster's rule), so the sentence says where the key
   * result ended instead of where it is forecast to land.
   */
  static String sentence(KeyResult kr, Forecast f, Cycle cycle, double atRiskBelow, boolean over) {
    return sentence(kr, f, cycle, atRiskBelow, over, true);
  }

  /**
   * As {@link #sentence(KeyResult, Forecast, Cycle, double, boolean)}; {@code milestones}: whether milestones inform
   * an achieve key result's chance (the forecaster's Laplace rule), which its sentence then names beside the time
   * left.
   */
  static String sentence(KeyResult kr, Forecast f, Cycle cycle, double atRiskBelow, boolean over,
      boolean milestones) {
    return sentence(kr, f, cycle, atRiskBelow, over, milestones, null);
  }

  /**
   * As {@link #sentence(KeyResult, Forecast, Cycle, double, boolean, boolean)}; {@code last}: the latest check-in's
   * value up to the instant analysed (null: unknown, the landing stands for it), which a maintain key result's
   * sentence names as its last value or where it is now: its landing is held within the metric's bounds before the
   * end, and a value beyond them read "its last value, 100%, was 0.5% above" (or "it is at 100% now") beside the
   * row's "1.5 above 99.5" (the value, 101%).
   */
  static String sentence(KeyResult kr, Forecast f, Cycle cycle, double atRiskBelow, boolean over,
      boolean milestones, Double last) {
    return sentence(kr, f, cycle, atRiskBelow, over, milestones, last, null);
  }

  /** The owner's confidence at or below which an on-track key result's sentence says the owner doubts it. */
  static final double DOUBT = 0.3;

  /**
   * For a key result on track by its forecast whose latest check-in up to {@code asOf} gives a confidence of at most
   * {@link #DOUBT}, the sentence that says so ("Its owner's confidence on 18 Feb was 5%."): the model's weight on
   * confidence is the history's (0 in the shipped model), and a manager should see the owner disagree; else null
   * (also after the cycle's end, when the outcome is known).
   */
  static String ownerDoubts(KeyResult kr, Status status, Instant asOf, boolean over) {
    if (over || status != Status.ON_TRACK) {
      return null;
    }
    CheckIn last = kr.latestCheckIn(asOf).orElse(null);
    if (last == null || last.confidence() == null || last.confidence() > DOUBT) {
      return null;
    }
    return "Its owner's confidence at the last check-in was " + pct(last.confidence()) + ".";
  }

  /** The calendar days a value must have stood unchanged to be said to stand ({@link #flatSince}): two weeks. */
  static final int FLAT_DAYS = 14;

  /**
   * The instant of the first of the latest check-ins {@code seen} (sorted) that all have the latest one's value, where
   * there are at least two of them and they span at least {@link #FLAT_DAYS} calendar days of the cycle's zone: the
   * value has stood still since then. Null otherwise.
   */
  static Instant flatSince(Cycle cycle, List<CheckIn> seen) {
    int n = seen.size();
    if (n < 2) {
      return null;
    }
    double v = seen.get(n - 1).value();
    int first = n - 1;
    while (first > 0 && seen.get(first - 1).value() == v) {
      first--;
    }
    return first < n - 1 && cycle.calendarDaysBetween(seen.get(first).at(), seen.get(n - 1).at()) >= FLAT_DAYS
        ? seen.get(first).at() : null;
  }

  /**
   * As {@link #sentence(KeyResult, Forecast, Cycle, double, boolean, boolean, Double)}; {@code flatSince}: where the
   * value has stood still ({@link #flatSince}; null: it has not), a key result the forecast has moving toward its
   * target is said to stand at its value since then ("has stood at 15 widgets since 7 Jan"), not to move at a share of
   * the pace it needs; the forecast's figures are the same.
   */
  static String sentence(KeyResult kr, Forecast f, Cycle cycle, double atRiskBelow, boolean over,
      boolean milestones, Double last, Instant flatSince) {
    return sentence(kr, f, cycle, atRiskBelow, over, milestones, last, flatSince, f.status(), null);
  }

  /**
   * As {@link #sentence(KeyResult, Forecast, Cycle, double, boolean, boolean, Double, Instant)}; {@code status}: the
   * key result's status as reported (the forecast's, or at risk where a late item it needs puts it so): only an
   * on-track one's sentence says why a chance below one half is on track ({@link #whyOnTrack}); {@code today}: the
   * day analysed (null: unknown), on or before which a forecast completion is not named ("reaching it around 24 Sep"
   * on 24 Sep for a key result not at its target: a completion is never before the forecast instant, so one the
   * model puts behind it reads as the day analysed).
   */
  static String sentence(KeyResult kr, Forecast f, Cycle cycle, double atRiskBelow, boolean over,
      boolean milestones, Double last, Instant flatSince, Status status, LocalDate today) {
    return sentence(kr, f, cycle, atRiskBelow, over, milestones, last, flatSince, status, today, null);
  }

  /**
   * As {@link #sentence(KeyResult, Forecast, Cycle, double, boolean, boolean, Double, Instant, Status, LocalDate)};
   * {@code lastCheckIn}: where the forecast is of the key result's value at its expected last check-in (a model whose
   * history took its results there), that check-in's expected day ({@code Forecaster.expectedLastCheckIn}); null where
   * it is of the value at the cycle's end. An achieve or maintain key result's chance is then said to be of that check-in
   * ("a 35% chance of being done by its last check-in (expected around 26 Sep)"), not of the end ("by 30 Sep").
   */
  static String sentence(KeyResult kr, Forecast f, Cycle cycle, double atRiskBelow, boolean over,
      boolean milestones, Double last, Instant flatSince, Status status, LocalDate today, LocalDate lastCheckIn) {
    Metric m = kr.metric();
    String why = over || status != Status.ON_TRACK || f.status() != Status.ON_TRACK ? ""
        : whyOnTrack(f.probabilityOfTarget(), atRiskBelow);
    String id = Causes.name(kr.id(), kr.title());
    switch (f.status()) {
      case NO_DATA:
        // after the end nothing more will come: no "yet", and no outcome to name (its forecast is its model's base
        // rate, which read "ended at 100%" beside "met no")
        // one whose result.finalValue is given ended there (it read "nothing is known of where it ended" beside its
        // probability of target 0 and landing value 3 of 10)
        if (over && kr.result() != null) {
          return id + " had no check-in when the cycle ended on " + DAY.format(cycle.end()) + "; its final value, "
              + Numbers.reading(kr.result().finalValue(), m) + ", " + (m.isMet(kr.result().finalValue())
                  ? "met" : "fell short of") + " its target of " + Numbers.reading(m.target(), m) + ".";
        }
        return over ? id + " had no check-in when the cycle ended on " + DAY.format(cycle.end())
            + ", so nothing is known of where it ended."
            : id + " has no check-in yet, so nothing is known about it beyond its plan.";
      case NOT_STARTED:
        return f.progress() == null
            ? id + " starts with the cycle on " + DAY.format(cycle.start()) + "."
            : id + " has not moved from its baseline yet; the plan expects " + pct(f.expectedProgress()) + " by now.";
      case ACHIEVED:
        if (m.direction().isMaintain()) { // only once the cycle is over: the threshold was kept to the end
          return endedAt(id, kr, f);
        }
        return f.completionDate() != null
            ? id + " met its target of " + Numbers.reading(m.target(), m) + " on " + DAY.format(f.completionDate()) + "."
            : id + " has met its target of " + Numbers.reading(m.target(), m) + ".";
      case STALE: {
        // after the end the silence is counted to the end (README, "How a status is decided"): said so, in the past
        // ("has had no check-in for 19 days; ... planned for now" read the same months later)
        String silent = over ? " had had no check-in for " + f.daysSinceCheckIn() + " days when the cycle ended"
            : " has had no check-in for " + f.daysSinceCheckIn() + " days";
        if (m.direction() == Direction.ACHIEVE) {
          return id + silent + "; it was not done then.";
        }
        if (m.direction().isMaintain()) {
          double value = last != null ? last : f.landingValue();
          return id + silent + "; its last value, " + Numbers.reading(value, m) + ", was " + side(m, value) + ".";
        }
        return id + silent + "; its last value was " + pct(f.progress()) + " of the way, against "
            + pct(f.expectedProgress()) + (over ? " planned by the end." : " planned for now.");
      }
      default:
        break;
    }
    if (over) {
      if (m.direction() == Direction.ACHIEVE) {
        return id + " was not done when the cycle ended on " + DAY.format(cycle.end()) + ".";
      }
      if (m.direction().isMaintain()) {
        return endedAt(id, kr, f);
      }
      if (f.probabilityOfTarget() < 1) {
        // the landing is the outcome: the result where the document gives one, else the last check-in
        return id + " ended the cycle short of its target: " + Numbers.landingReading(f.landingValue(), m)
            + (kr.result() != null ? " as its result, " : " at its last check-in, ")
            + lands(m.progress(f.landingValue())) + " of the way to " + Numbers.reading(m.target(), m) + ".";
      }
    }
    if (m.direction() == Direction.ACHIEVE) {
      // the chance falls as the time runs out (Forecaster.notDoneYet): the sentence names the time left beside the
      // milestones, which it named alone where there were none
      return id + " is not done yet; " + (milestones ? "judging by its milestones so far and the time left, it has "
          : "with the time left it has ") + aPct(f.probabilityOfTarget()) + " chance of being done by "
          + (lastCheckIn != null ? "its last check-in" + expectedAround(lastCheckIn, today) : DAY.format(cycle.end()))
          + why + ".";
    }
    if (m.direction().isMaintain()) {
      // the metric's own test (Metric.isMet): the threshold itself keeps it, "at or above", as explain and the
      // key-result table say (it read "a 5% chance of ending the cycle above level 2" of "at or above level 2")
      String side = m.direction() == Direction.MAINTAIN_ABOVE ? "at or above " : "at or below ";
      double now = last != null ? last : f.landingValue(); // its latest value, not the landing held within bounds
      return id + " has " + aPct(f.probabilityOfTarget()) + (lastCheckIn != null ? " chance of being " + side
          + Numbers.reading(m.target(), m) + " at its last check-in" + expectedAround(lastCheckIn, today)
          : " chance of ending the cycle " + side + Numbers.reading(m.target(), m))
          + why + "; it is at " + Numbers.reading(now, m) + " now, " + side(m, now) + ".";
    }
    String chance = " (" + aPct(f.probabilityOfTarget()) + " chance of reaching " + Numbers.reading(m.target(), m) + ")";
    // silent for more than SILENT_DAYS: the pace as of the latest check-in, which the forecast is made from (the
    // forecast's ratio counts the pace needed from the day analysed as if the value had stood still since then)
    CheckIn then = silentCheckIn(kr, f, cycle, today);
    Double ratio = then == null ? f.velocityRatio() : ratioAt(kr, f, cycle, then);
    String when = then == null ? null : "when it last checked in, on " + DAY.format(cycle.dateOf(then.at())) + " ("
        + f.daysSinceCheckIn() + " days ago),";
    if (ratio != null && ratio < 1 && ratio > 0 && f.progress() != null && f.progress() >= f.expectedProgress()
        && f.status().needsAttention()) {
      // on or ahead of a plan that asks for more later (back-loaded): say why the forecast disagrees with the plan
      return id + " is on its plan (" + pct(f.progress()) + " against " + pct(f.expectedProgress())
          + " planned for now), but " + (when == null ? "the plan asks for " : when + " the plan asked for ")
          + pct(1 - f.progress()) + " more by "
          + DAY.format(cycle.end()) + ", " + Numbers.times(1 / ratio) + " its weekly pace so far; it is forecast "
          + "to land at " + lands(f.landingProgress()) + chance + ".";
    }
    // the landing is the forecaster's (its pace and the plan's, weighed by the evidence), not the pace so far carried
    // forward: the sentence says "forecast", never "at that pace" (which read 59% where the pace gave 13%). Moving
    // toward the target: a positive ratio (a decreasing key result moves toward it with a falling value, a negative
    // velocity; one rising away from its target read "moving at -5% of the weekly pace it needs"); one that went
    // backwards since its previous check-in is said to, below
    if (ratio != null && ratio < 1 && ratio > 0 && !f.hasReason("regressing")) {
      // ", not 100%" only where the landing falls short of it (a forecast that weighs the plan can land at or
      // beyond 100% while the pace so far is short: "land at 103%, not 100%" read as a contradiction); one just
      // short reads "99.6%, not 100%" (Numbers.landingPercent), never "100%"
      return id + moving(m, ratio, flatSince, last, cycle, when) + " and is forecast to land at "
          + lands(f.landingProgress()) + (f.landingProgress() < 1 ? ", not 100%" : "") + chance + why + ".";
    }
    if (f.hasReason("regressing")) {
      String back = id + " went backwards since its previous check-in and is at " + pct(f.progress()) + " of the way";
      if (status == Status.ON_TRACK && f.status() == Status.ON_TRACK && f.progress() != null
          && f.progress() < f.expectedProgress()) {
        // behind its plan and going backwards, yet on track: the status rests on the probability alone; say so
        return back + " against " + pct(f.expectedProgress()) + " planned for now; it is forecast to land at "
            + lands(f.landingProgress()) + chance + ", not low enough to be at risk (below " + pct(atRiskBelow) + ").";
      }
      return back + "; it is forecast to land at " + lands(f.landingProgress()) + chance + why + ".";
    }
    if (ratio != null && ratio >= 1) {
      // named only within the cycle: below a one half chance the median completion is after the end (the first day
      // after it where the trajectory said within), and "land at 95% (a 43% chance ...), reaching it around 5 Apr"
      // for a cycle ending on 31 Mar read as reaching the target it is forecast to fall short of
      LocalDate done = f.completionDate() != null && (today == null || f.completionDate().isAfter(today))
          && !f.completionDate().isAfter(cycle.end()) ? f.completionDate() : null;
      return id + moving(m, ratio, flatSince, last, cycle, when) + " and is forecast to land at "
          + lands(f.landingProgress()) + chance + (done != null ? ", reaching it around " + DAY.format(done) : "")
          + why + ".";
    }
    return id + " is at " + pct(f.progress()) + " against " + pct(f.expectedProgress())
        + " planned for now and is forecast to land at " + lands(f.landingProgress()) + chance + why + ".";
  }

  /**
   * {@code  (expected around 26 Sep)}: the expected day of a key result's last check-in, where its forecast is taken,
   * after the day analysed {@code today}; empty on or before it (a silent key result whose expected last check-in has
   * passed: "expected around 12 Sep" on 20 Sep read as a date to come) and with the day unknown.
   */
  private static String expectedAround(LocalDate lastCheckIn, LocalDate today) {
    return today != null && lastCheckIn.isAfter(today) ? " (expected around " + DAY.format(lastCheckIn) + ")" : "";
  }

  /**
   * Why a key result on track by its forecast is so with a chance of target below one half, which beside "forecast to
   * land at 82%, not 100% (a 38% chance ...)" read as a contradiction: the status rests on the probability not being
   * low enough to be at risk ({@code , not low enough to be at risk (below 37%)}; early in the cycle, where the
   * threshold is lower, {@code , not low enough to be at risk this early in the cycle}). Empty from one half up.
   */
  static String whyOnTrack(double probability, double atRiskBelow) {
    if (!(probability < 0.5)) {
      return "";
    }
    return probability >= atRiskBelow ? ", not low enough to be at risk (below " + pct(atRiskBelow) + ")"
        : ", not low enough to be at risk this early in the cycle";
  }

  /**
   * " is moving at 83% of the weekly pace it needs", or where the value stood still " has stood at 15 since 7 Jan";
   * {@code when} (non-null for a key result silent for more than {@link #SILENT_DAYS}): the ratio is the pace as of
   * its latest check-in ({@link #ratioAt}), " was moving at 96% of the weekly pace it needed when it last checked in,
   * on 21 Feb (36 days ago),".
   */
  private static String moving(Metric m, double ratio, Instant flatSince, Double last, Cycle cycle, String when) {
    return flatSince != null && last != null
        ? " has stood at " + Numbers.reading(last, m) + " since " + DAY.format(cycle.dateOf(flatSince))
        : when == null ? " is moving at " + pct(ratio) + " of the weekly pace it needs"
        : " was moving at " + pct(ratio) + " of the weekly pace it needed " + when;
  }

  /**
   * The whole calendar days of silence (the forecast's {@code daysSinceCheckIn}) beyond which a key result's pace is
   * stated as of its latest check-in, not as of the day analysed: a key result silent for more than two weeks. The
   * forecast's pace needed ({@code requiredVelocityPerWeek}) is the way left at the latest check-in over the time left
   * from the day analysed, so with no news it rose every day ("moving at 10% of the weekly pace it needs" 36 days
   * after a check-in at 96%), while the landing and the chance beside it are forecast from that check-in.
   */
  static final int SILENT_DAYS = 14;

  /**
   * The latest check-in of {@code kr} up to the day analysed {@code today} where its forecast {@code f} has been
   * silent for more than {@link #SILENT_DAYS}; else null (also with the day unknown). With that much silence no
   * check-in falls on the day analysed, so the latest before the day's start is the latest up to the instant analysed.
   */
  private static CheckIn silentCheckIn(KeyResult kr, Forecast f, Cycle cycle, LocalDate today) {
    if (today == null || f.daysSinceCheckIn() == null || f.daysSinceCheckIn() <= SILENT_DAYS) {
      return null;
    }
    return kr.latestCheckIn(cycle.instantOf(today)).orElse(null);
  }

  /**
   * The velocity ratio of forecast {@code f} as it stood at check-in {@code c}: its pace so far (the forecast's
   * {@code actualVelocityPerWeek}, from the check-ins up to {@code c}) over the pace needed then, the way left at
   * {@code c} over the cycle's time left after it (from its start at the earliest), in the units of
   * {@code requiredVelocityPerWeek}: the ratio an analysis at {@code c} gave. Null where the forecast has no ratio.
   */
  static Double ratioAt(KeyResult kr, Forecast f, Cycle cycle, CheckIn c) {
    Double actual = f.actualVelocityPerWeek();
    if (f.velocityRatio() == null || actual == null) {
      return null;
    }
    Instant from = c.at().isBefore(cycle.startInstant()) ? cycle.startInstant() : c.at();
    double required = (kr.metric().target() - c.value()) / (Cycle.daysBetween(from, cycle.endInstant()) / 7.0);
    double r = actual / required;
    return Double.isFinite(r) ? r : null;
  }

  /**
   * Where maintain key result {@code kr} ended a cycle that is over, against its threshold, and where that outcome
   * comes from, as the forecaster takes it: {@code its result} (the document's {@code result.finalValue}), else
   * {@code its last check-in}.
   */
  private static String endedAt(String id, KeyResult kr, Forecast f) {
    Metric m = kr.metric();
    return id + " ended the cycle at " + Numbers.landingReading(f.landingValue(), m) + ", " + side(m, f.landingValue())
        + " ("
        + (kr.result() != null ? "its result" : "its last check-in") + ").";
  }

  /**
   * Where a maintain key result's {@code value} is against its threshold, by how much: {@code 2 incidents below the
   * threshold of 2 incidents} (at 0), {@code 0.3 points above the threshold of 99.5%}, {@code at the threshold of 40
   * NPS}; the difference as {@link Numbers#difference} writes it, in percentage points for a metric in percent (it
   * read "10% above the threshold of 50%" of 60%, as if 55%). The sentences' words and the page's progress cell.
   */
  static String side(Metric m, double value) {
    double gap = value - m.target();
    if (gap == 0) {
      return "at the threshold of " + Numbers.reading(m.target(), m);
    }
    return Numbers.difference(Math.abs(gap), m) + (gap > 0 ? " above " : " below ") + "the threshold of "
        + Numbers.reading(m.target(), m);
  }

  /**
   * Where key result {@code r} stands, for a sentence: {@code 32% of the way against 53% planned}; for a maintain key
   * result, which has no way to go, where its latest value is against its threshold
   * ({@code 0.31 NPS below the threshold of 40 NPS}); for an achieve key result {@code done} or {@code not done}.
   * Null without a value.
   */
  static String standing(KeyResultReport r) {
    Metric m = r.metric();
    if (m != null && m.direction().isMaintain()) {
      return r.value() == null ? null : side(m, r.value());
    }
    if (m != null && m.direction() == Direction.ACHIEVE) {
      // done or not: a percentage of the way, or of a plan, means nothing for it
      return r.value() == null ? null : m.isMet(r.value()) ? "done" : "not done";
    }
    return r.progress() == null ? null
        : Numbers.percent(r.progress()) + " of the way against " + Numbers.percent(r.expectedProgress()) + " planned";
  }

  /**
   * Where key result {@code r}'s forecast lands, for a sentence: {@code forecast to land at 82%}; for a maintain key
   * result {@code forecast to end the cycle 0.31 NPS below the threshold of 40 NPS}, or with {@code atLastCheckIn} (the
   * forecast is of the value at the key result's expected last check-in: a model whose history took its results
   * there) {@code forecast to stand 0.31 NPS below the threshold of 40 NPS at its last check-in}. Null without a
   * forecast, and for an achieve key result (done or not: its probability says it).
   */
  static String landing(KeyResultReport r, boolean atLastCheckIn) {
    ForecastSummary f = r.forecast();
    if (f == null) {
      return null;
    }
    Metric m = r.metric();
    if (m != null && m.direction() == Direction.ACHIEVE) {
      return null; // done or not: its probability says it
    }
    if (m != null && m.direction().isMaintain()) {
      return atLastCheckIn ? "forecast to stand " + side(m, f.landingValue()) + " at its last check-in"
          : "forecast to end the cycle " + side(m, f.landingValue());
    }
    return "forecast to land at " + Numbers.landingPercent(f.landingProgress());
  }

  /**
   * Whether key result {@code r}, stale when its cycle ended, is judged by its last check-in, so said with how long
   * before the end that was: its outcome (the forecast's landing value once the cycle is over) is that check-in's value,
   * as where the document gives no {@code result.finalValue}. False where a final value decides ({@link
   * KeyResultReport#finalValue}), equal to the last check-in or not: KR-2 of
   * a sales quarter, 11 of 10 on 20 Oct and a final value of 3, read "not met as of its last check-in, 72 days before
   * the end", as if 11 had missed.
   */
  static boolean byLastCheckIn(KeyResultReport r) {
    // decided by whether a final value was given (the evidence finalValue of its reason stale), not by comparing the
    // outcome with the last check-in: a final value equal to it (3 and 3) read "as of its last check-in"
    return r.outcomeByLastCheckIn();
  }

  /**
   * Where key result {@code r} ended, once the cycle is over ({@link #over}), and whether it met its target:
   * {@code ended at 81%, not met}; for a maintain key result {@code ended 0.03 points above the threshold of 99.9%,
   * met}; for an achieve key result {@code done} or {@code not done}. Met as the JSON's probability of target has it
   * (1 or 0, the outcome's) and the text's and the page's "Met" columns; a stale key result without a final value of
   * its own is judged by its last check-in ({@link #byLastCheckIn}), said so with how long before the end it was: {@code ended at 20%, not met as of its last check-in, 77
   * days before the end} (it read "not known to have been met" beside the JSON's 0). Null without a forecast.
   */
  static String ended(KeyResultReport r) {
    ForecastSummary f = r.forecast();
    if (f == null) {
      return null;
    }
    Metric m = r.metric();
    boolean met = f.probabilityOfTarget() >= 1;
    // a stale key result's outcome is its last check-in (README, "How the forecast works"): met or not as that has
    // it, with how long before the end it was (nothing was heard of it for longer than its rhythm allows)
    String asOfLast = byLastCheckIn(r)
        ? " as of its last check-in, " + Numbers.days(r.daysSinceCheckIn()) + " before the end" : "";
    if (r.status() == Status.NO_DATA && r.finalValue() == null) {
      // no check-in up to the end: no outcome (its forecast is its model's base rate: "ended at 100%, not met")
      return "no check-in, not known to have been " + (m != null && m.direction() == Direction.ACHIEVE ? "done"
          : "met");
    }
    if (m != null && m.direction() == Direction.ACHIEVE) {
      return (met ? "done" : "not done") + asOfLast;
    }
    return (m != null && m.direction().isMaintain() ? "ended " + side(m, f.landingValue())
        : "ended at " + Numbers.landingPercent(f.landingProgress()))
        + (met ? ", met" : ", not met") + asOfLast;
  }

  /**
   * Whether key result {@code r}'s probability of target is the chance that the target it has met holds to the end: a
   * reach key result (increase, decrease) achieved before the cycle is over, whose probability the forecaster gives as
   * the model's chance that a met target still stands at the end (0.98, say), not 1. Beside "achieved", "a 98% chance
   * of reaching its target" read as a contradiction; the outputs say "a 98% chance it holds to the end" instead. The
   * number and the JSON field ({@code probabilityOfTarget}) are as they were. After the end the probability is the
   * outcome (1), and the outputs say "ended" and "met" instead.
   */
  static boolean metAndHolds(KeyResultReport r, boolean over) {
    return !over && r.forecast() != null && r.status() == Status.ACHIEVED
        && (r.metric() == null || r.metric().direction().isReach());
  }

  /**
   * What key result {@code r}'s probability of target is the chance of: {@code reaching its target}; for a maintain
   * key result {@code ending the cycle at or above 40 NPS} (at or below, for one kept below its threshold), for an
   * achieve one {@code being done by the cycle's end}; with {@code atLastCheckIn} (the probability is of the value at
   * the key result's expected last check-in: a model whose history took its results there) {@code being at or above
   * 40 NPS at its last check-in}, {@code being done by its last check-in}.
   */
  static String chanceOf(KeyResultReport r, boolean atLastCheckIn) {
    Metric m = r.metric();
    if (m != null && m.direction().isMaintain()) {
      String side = (m.direction() == Direction.MAINTAIN_ABOVE ? "at or above " : "at or below ")
          + Numbers.reading(m.target(), m);
      return atLastCheckIn ? "being " + side + " at its last check-in" : "ending the cycle " + side;
    }
    if (m != null && m.direction() == Direction.ACHIEVE) {
      return atLastCheckIn ? "being done by its last check-in" : "being done by the cycle's end";
    }
    return "reaching its target";
  }

  /**
   * To where a met target's chance to hold runs ({@link #metAndHolds}): {@code  chance it holds to the end}, or
   * {@code  chance it holds to its last check-in} where the forecast is of the value at the key result's expected last
   * check-in.
   */
  static String holdsTo(boolean atLastCheckIn) {
    return atLastCheckIn ? " chance it holds to its last check-in" : " chance it holds to the end";
  }

  /** The status in words: {@code at risk}, {@code off track}, ... */
  static String statusName(Status s) {
    return s.jsonName().replace('-', ' ');
  }

  /** {@code A}, {@code A and B}, {@code A, B and C}. */
  static String join(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** {@code a 16% chance} or {@code an 84% chance}: the article that goes before {@link #pct}. */
  static String aPct(Double fraction) {
    String p = pct(fraction);
    return (p.startsWith("8") || p.equals("11%") || p.equals("18%") ? "an " : "a ") + p;
  }

  /**
   * A landing's progress as a percentage ({@link Numbers#landingPercent}: one short of the target never reads
   * {@code 100%}).
   */
  static String lands(double progress) {
    return Numbers.landingPercent(progress);
  }

  /** A fraction as a percentage ({@link Numbers#percent}); {@code an unknown share} when null. */
  static String pct(Double fraction) {
    return fraction == null ? "an unknown share" : Numbers.percent(fraction);
  }
}
