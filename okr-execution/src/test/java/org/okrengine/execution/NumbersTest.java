package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.CycleReport;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.Team;

class NumbersTest {
  @Test
  void value_rules() {
    Metric eur = Metric.of(0, 1, "M EUR");
    assertThat(Numbers.value(2.0, eur)).isEqualTo("2 M EUR");
    assertThat(Numbers.value(1.25, eur)).isEqualTo("1.25 M EUR");
    assertThat(Numbers.value(1.54, eur)).isEqualTo("1.54 M EUR");
    // one decimal from 100
    assertThat(Numbers.value(123.45, eur)).isEqualTo("123.5 M EUR");
    assertThat(Numbers.value(658.2, null)).isEqualTo("658.2");
    // two decimals from 1 to 100: an uptime of 99.93% is not 99.9%
    assertThat(Numbers.value(99.93, Metric.of(99, 99.95, "%"))).isEqualTo("99.93%");
    assertThat(Numbers.value(11.38, Metric.of(8, 12, "%"))).isEqualTo("11.38%");
    // at least two significant digits below 1
    assertThat(Numbers.value(0.5, null)).isEqualTo("0.5");
    assertThat(Numbers.value(0.48, null)).isEqualTo("0.48");
    assertThat(Numbers.value(0.042, Metric.of(0.042, 0.03, "EUR"))).isEqualTo("0.042 EUR");
    assertThat(Numbers.value(0.0042, null)).isEqualTo("0.0042");
    // scientific notation from 10 million and below 0.001
    assertThat(Numbers.value(1.2e8, null)).isEqualTo("1.20e+08");
    assertThat(Numbers.value(0.0001, Metric.of(0, 1, "%"))).isEqualTo("0.000100%");
    assertThat(Numbers.value(-1e15, null)).isEqualTo("-1.00e+15");
    assertThat(Numbers.value(-0.0, null)).isEqualTo("0");
    assertThat(Numbers.value(-0.0001, null)).isEqualTo("-0.000100");
    assertThat(Numbers.value(Double.NaN, null)).isEqualTo("–");
    assertThat(Numbers.value(Double.NEGATIVE_INFINITY, null)).isEqualTo("–");
  }

  @Test
  void percent_rules() {
    assertThat(Numbers.percent(0.34)).isEqualTo("34%");
    assertThat(Numbers.percent(-0.004)).isEqualTo("0%");
    assertThat(Numbers.percent(12.5)).isEqualTo("1,250%");
    assertThat(Numbers.percent(9_999.99)).isEqualTo("999,999%");
    assertThat(Numbers.percent(9_999.995)).isEqualTo(">999,999%");
    assertThat(Numbers.percent(-9_999.995)).isEqualTo("<-999,999%");
    // the model's largest progress, 1e15 / 1e-9, and what rounding it to a long used to give
    assertThat(Numbers.percent(1e15 / Metric.MIN_SPAN)).isEqualTo(">999,999%");
    assertThat(Numbers.percent(-1e15 / Metric.MIN_SPAN)).isEqualTo("<-999,999%");
    assertThat(Numbers.percent(Double.MAX_VALUE)).isEqualTo(">999,999%");
    assertThat(Numbers.percent(Double.NEGATIVE_INFINITY)).isEqualTo("<-999,999%");
    assertThat(Numbers.percent(Double.NaN)).isEqualTo("–");
  }

  @Test
  void days_rules() {
    assertThat(Numbers.days(1)).isEqualTo("1 day");
    assertThat(Numbers.days(14)).isEqualTo("14 days");
    assertThat(Numbers.days(2.46)).isEqualTo("2.5 days");
    // rounds to one decimal before it chooses the word (was "1.0 days")
    assertThat(Numbers.days(1.04)).isEqualTo("1 day");
    assertThat(Numbers.days(0.01)).isEqualTo("0 days");
    assertThat(Numbers.days(-0.01)).isEqualTo("0 days");
  }

  /**
   * days and percent write what String.format(Locale.ROOT, "%.1f") and "%,d" wrote before they stopped calling it:
   * ties on the shortest decimal (0.15 is 0.2, though 0.15 * 10 rounds to 1), every magnitude, both signs.
   */
  @Test
  void daysAndPercent_writeWhatTheFormatterWrote() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(17);
    for (int i = 0; i < 200_000; i++) {
      double d = switch (i % 4) {
        case 0 -> random.nextDouble(-200, 200);
        case 1 -> Math.round(random.nextDouble(-4_000, 4_000)) / 20.0; // ties at one decimal
        case 2 -> Math.round(random.nextDouble(-4_000, 4_000)) / 100.0;
        default -> Double.longBitsToDouble(random.nextLong());
      };
      if (!Double.isFinite(d)) {
        continue;
      }
      String n = String.format(java.util.Locale.ROOT, "%.1f", d);
      n = n.endsWith(".0") ? n.substring(0, n.length() - 2) : n;
      n = n.equals("-0") ? "0" : n;
      assertThat(Numbers.days(d)).as("days(%s)", d).isEqualTo(n.equals("1") ? "1 day" : n + " days");
      double fraction = d / 100;
      if (Math.abs(fraction * 100) < 999_999.5) {
        assertThat(Numbers.percent(fraction)).as("percent(%s)", fraction)
            .isEqualTo(String.format(java.util.Locale.ROOT, "%,d%%", Math.round(fraction * 100)));
      }
    }
    assertThat(Numbers.days(0.15)).isEqualTo("0.2 days");
    assertThat(Numbers.percent(-1_234.5678)).isEqualTo("-123,457%");
  }

  /**
   * number writes what String.format(Locale.ROOT, "%,.Nf") with trailing zeros and point removed wrote before it
   * stopped calling it: ties on the shortest decimal, values from 0.001 to 10 million of both signs, whole numbers.
   */
  @Test
  void number_writesWhatTheFormatterWrote() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(23);
    for (int i = 0; i < 300_000; i++) {
      double d = switch (i % 6) {
        case 0 -> random.nextDouble(-1_000, 1_000);
        case 1 -> Math.round(random.nextDouble(-4e6, 4e6)) / 200.0; // ties at two decimals
        case 2 -> Math.round(random.nextDouble(-4e5, 4e5)) / 20.0; // ties at one decimal, from 100
        case 3 -> Math.round(random.nextDouble(-1e7, 1e7)); // whole
        case 4 -> Math.copySign(Math.pow(10, random.nextDouble(-3, 7)), random.nextDouble() - 0.5);
        default -> Math.round(random.nextDouble(-2e4, 2e4)) / 20_000.0; // below 1, ties at four decimals
      };
      double a = Math.abs(d);
      String n;
      if (a == 0 || a >= 1e7 || a < 1e-3) {
        continue; // "0" and the %.3g branch: unchanged
      } else if (Math.rint(d) == d) {
        n = String.format(java.util.Locale.ROOT, "%,.0f", d);
      } else {
        // below 1, three significant digits (two until 2026-12-04: 0.0301 read "0.03", as its target 0.03 did)
        int decimals = a >= 100 ? 1 : a >= 1 ? 2 : Math.max(2, 2 - (int) Math.floor(Math.log10(a)));
        n = String.format(java.util.Locale.ROOT, "%,." + decimals + "f", d).replaceAll("0+$", "")
            .replaceAll("\\.$", "");
      }
      assertThat(Numbers.number(d)).as("number(%s)", d).isEqualTo(n.equals("-0") ? "0" : n);
    }
    assertThat(Numbers.number(1_234_567.891)).isEqualTo("1,234,567.9");
    assertThat(Numbers.number(-1_234.05)).isEqualTo("-1,234.1"); // one decimal from 100, half up
    assertThat(Numbers.number(-999.96)).isEqualTo("-1,000");
    assertThat(Numbers.number(0.0015)).isEqualTo("0.0015");
    assertThat(Numbers.number(0.0301)).isEqualTo("0.0301"); // the example's KR-13 at its last check-in; target 0.03
    assertThat(Numbers.number(0.042)).isEqualTo("0.042");
    assertThat(Numbers.number(0.31)).isEqualTo("0.31");
    assertThat(Numbers.number(0.3184)).isEqualTo("0.318");
  }

  @Test
  void sentencesPromptAndPage_printAValueAlike() {
    // target 123.45 M EUR met by a check-in of 130.25: sentences said 123.5 and 130.3, the page 123 and 130
    Cycle q = Cycle.of("Q", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 29));
    Instant day10 = q.startInstant().plusSeconds(10 * 86_400L);
    KeyResult kr = new KeyResult("KR-1", "Revenue", null, "growth", 1.0, List.of(), Metric.of(100, 123.45, "M EUR"),
        Plan.LINEAR, List.of(CheckIn.of(day10, 130.25)), null);
    OkrCycle c = OkrCycle.of(q, List.of(Team.of("growth")), List.of(new Objective("O-1", "Grow", "growth", null,
        null, null, List.of(kr))));
    CycleReport r = ExecutionEngine.withDefaults().analyze(c, day10.plusSeconds(86_400));
    assertThat(r.keyResults().get(0).insight()).isEqualTo("KR-1 (Revenue) met its target of 123.5 M EUR on 11 Jul.");
    String page = HtmlReportWriter.write(c, r);
    assertThat(page).contains("100 M EUR → 123.5 M EUR · now 130.3 M EUR")
        .contains("<title>target 123.5 M EUR</title>")
        .contains(Html.esc(r.keyResults().get(0).insight()));
  }

  @Test
  void value_countOfOne_pluralUnitInTheSingular_abbreviationsAsTheyAre() {
    // "1 incidents below the threshold of 2 incidents" on the example's KR-29 at the cycle's end
    org.okrengine.model.Metric incidents = org.okrengine.model.Metric.of(5, 2, "incidents");
    assertThat(Numbers.value(1, incidents)).isEqualTo("1 incident");
    assertThat(Numbers.value(2, incidents)).isEqualTo("2 incidents");
    assertThat(Numbers.value(1.5, incidents)).isEqualTo("1.5 incidents");
    assertThat(Numbers.value(-1, incidents)).isEqualTo("-1 incident");
    assertThat(Numbers.value(1, org.okrengine.model.Metric.of(0, 9, "replies"))).isEqualTo("1 reply");
    for (String unit : new String[] {"ms", "NPS", "EUR", "%", "h", "min", "k visits", "status", "business",
        "analysis", "bus", "Ops"}) {
      assertThat(Numbers.singular(unit)).as(unit).isEqualTo(unit);
    }
    assertThat(Numbers.singular("days")).isEqualTo("day");
    assertThat(Numbers.singular("deploys")).isEqualTo("deploy");
    // the review's list: "1 sery", "1 new", "1 boxe" before these rules
    for (String unit : new String[] {"series", "news", "species", "movies", "analytics", "ties"}) {
      assertThat(Numbers.singular(unit)).as(unit).isEqualTo(unit);
    }
    assertThat(Numbers.singular("stories")).isEqualTo("story");
    // an abbreviation ending in s is no plural ("1 mbp" before); people are counted one person at a time
    assertThat(Numbers.singular("mbps")).isEqualTo("mbps");
    assertThat(Numbers.singular("kbps")).isEqualTo("kbps");
    assertThat(Numbers.singular("iops")).isEqualTo("iops"); // "1 iop" before
    assertThat(Numbers.singular("gflops")).isEqualTo("gflops");
    assertThat(Numbers.singular("people")).isEqualTo("person");
    assertThat(Numbers.plural("person")).isEqualTo("people");
    assertThat(Numbers.value(1, Metric.of(0, 9, "people"))).isEqualTo("1 person");
    // a plural without an s stays one ("3 peoples" before)
    assertThat(Numbers.value(3, Metric.of(0, 9, "people"))).isEqualTo("3 people");
    assertThat(Numbers.plural("children")).isEqualTo("children");
    assertThat(Numbers.value(3, Metric.of(0, 9, "person"))).isEqualTo("3 people");
    assertThat(Numbers.value(1, Metric.of(0, 9, "mbps"))).isEqualTo("1 mbps");
    assertThat(Numbers.singular("boxes")).isEqualTo("box");
    assertThat(Numbers.singular("batches")).isEqualTo("batch");
    assertThat(Numbers.singular("processes")).isEqualTo("process");
    assertThat(Numbers.singular("releases")).isEqualTo("release");
  }

  @Test
  void value_countOtherThanOne_unitInTheSingularTakesItsPlural_abbreviationsAndMassNounsAsTheyAre() {
    // "3 level", "0 deal", "1.5 release" before: a unit written in the singular was printed after any number
    assertThat(Numbers.value(3, org.okrengine.model.Metric.of(1, 4, "level"))).isEqualTo("3 levels");
    assertThat(Numbers.value(1, org.okrengine.model.Metric.of(1, 4, "level"))).isEqualTo("1 level");
    assertThat(Numbers.value(0, org.okrengine.model.Metric.of(0, 3, "deal"))).isEqualTo("0 deals");
    assertThat(Numbers.value(1.5, org.okrengine.model.Metric.of(0, 3, "release"))).isEqualTo("1.5 releases");
    assertThat(Numbers.value(-2, org.okrengine.model.Metric.of(0, 3, "release"))).isEqualTo("-2 releases");
    assertThat(Numbers.plural("story")).isEqualTo("stories");
    assertThat(Numbers.plural("survey")).isEqualTo("surveys");
    assertThat(Numbers.plural("batch")).isEqualTo("batches");
    assertThat(Numbers.plural("hour")).isEqualTo("hours");
    for (String unit : new String[] {"deals", "incidents", "status", "series", "analytics", "ms", "h", "%", "USD",
        "k€", "NPS", "EUR", "M EUR", "k visits", "min", "bug", "sqft", "Level", "p95", "check-in", "revenue",
        "uptime", "percent", "rating", "score", "data", "quiz", "leaf", "life"}) {
      assertThat(Numbers.plural(unit)).as(unit).isEqualTo(unit);
    }
    // every plural this makes is one singular takes back
    for (String unit : new String[] {"level", "deal", "release", "story", "batch", "hour", "ticket", "survey"}) {
      assertThat(Numbers.singular(Numbers.plural(unit))).as(unit).isEqualTo(unit);
    }
  }
}
