package org.okrengine.execution;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.okrengine.forecast.Forecast;
import org.okrengine.model.Cycle;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Status;

/**
 * Plain English sentences about a key result, built only from numbers the engine computed. Stateless and
 * thread-safe.
 */
final class Insights {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private Insights() {}

  static String sentence(KeyResult kr, Forecast f, Cycle cycle) {
    Metric m = kr.metric();
    String id = kr.id();
    switch (f.status()) {
      case NO_DATA:
        return id + " has no check-in yet, so nothing is known about it beyond its plan.";
      case NOT_STARTED:
        return f.progress() == null
            ? id + " starts with the cycle on " + DAY.format(cycle.start()) + "."
            : id + " has not moved from its baseline yet; the plan expects " + pct(f.expectedProgress()) + " by now.";
      case ACHIEVED:
        return f.completionDate() != null
            ? id + " met its target of " + value(m.target(), m) + " on " + DAY.format(f.completionDate()) + "."
            : id + " has met its target of " + value(m.target(), m) + ".";
      case STALE:
        return id + " has had no check-in for " + f.daysSinceCheckIn() + " days; its last value was "
            + pct(f.progress()) + " of the way, against " + pct(f.expectedProgress()) + " planned for now.";
      default:
        break;
    }
    if (m.direction() == Direction.ACHIEVE) {
      return id + " is not done yet; judging by its milestones so far it has " + aPct(f.probabilityOfTarget())
          + " chance of being done by " + DAY.format(cycle.end()) + ".";
    }
    if (m.direction().isMaintain()) {
      String side = m.direction() == Direction.MAINTAIN_ABOVE ? "above " : "below ";
      return id + " has " + aPct(f.probabilityOfTarget()) + " chance of ending the cycle " + side
          + value(m.target(), m) + "; it is at " + value(f.landingValue(), m) + " now.";
    }
    String chance = " (" + aPct(f.probabilityOfTarget()) + " chance of reaching " + value(m.target(), m) + ")";
    Double ratio = f.velocityRatio();
    if (ratio != null && ratio < 1 && f.actualVelocityPerWeek() != null && f.actualVelocityPerWeek() > 0) {
      return id + " is moving at " + pct(ratio) + " of the weekly pace it needs; if nothing changes it will land at "
          + pct(f.landingProgress()) + ", not 100%" + chance + ".";
    }
    if (f.hasReason("regressing")) {
      return id + " went backwards since its previous check-in and is at " + pct(f.progress())
          + " of the way; it is forecast to land at " + pct(f.landingProgress()) + chance + ".";
    }
    if (ratio != null && ratio >= 1) {
      LocalDate done = f.completionDate();
      return id + " is moving at " + pct(ratio) + " of the weekly pace it needs and is forecast to land at "
          + pct(f.landingProgress()) + chance + (done != null ? ", reaching it around " + DAY.format(done) : "")
          + ".";
    }
    return id + " is at " + pct(f.progress()) + " against " + pct(f.expectedProgress())
        + " planned for now and is forecast to land at " + pct(f.landingProgress()) + chance + ".";
  }

  /** The status in words: {@code at risk}, {@code off track}, ... */
  static String statusName(Status s) {
    return s.jsonName().replace('-', ' ');
  }

  /** Days as words: {@code 1 day}, {@code 14 days}, {@code 2.5 days}. */
  static String days(double days) {
    String n = Math.rint(days) == days ? String.format(Locale.ROOT, "%.0f", days)
        : String.format(Locale.ROOT, "%.1f", days);
    return n.equals("1") ? "1 day" : n + " days";
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

  static String pct(Double fraction) {
    if (fraction == null) {
      return "an unknown share";
    }
    return Math.round(fraction * 100) + "%";
  }

  static String value(double v, Metric m) {
    String n;
    double a = Math.abs(v);
    if (a != 0 && (a >= 1e7 || a < 1e-3)) {
      n = String.format(Locale.ROOT, "%.3g", v);
    } else if (Math.rint(v) == v) {
      n = String.format(Locale.ROOT, "%.0f", v);
    } else {
      n = String.format(Locale.ROOT, a >= 100 ? "%.1f" : "%.2f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return m.unit() == null || m.unit().isBlank() ? n : n + (m.unit().startsWith("%") ? "" : " ") + m.unit();
  }
}
