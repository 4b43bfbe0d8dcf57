package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;
import org.okrengine.model.CycleReport;
import org.okrengine.model.Direction;
import org.okrengine.model.KeyResult;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Result;
import org.okrengine.model.Team;

/**
 * A key result whose outcome can only be a whole number (a count of customers, calls, articles: its baseline, target
 * and check-ins all whole) has its forecast written in whole numbers on the page: the example's KR-20 read "lands 2.3
 * customers (80%: 1 – 4.38 customers)" and KR-21 "lands 15.48 calls (80%: 11.45 – 19.52 calls)". The interval's whole
 * numbers are those within it, so it says the same of a whole-number outcome as the interval it comes from: an outcome
 * of 1 to 4 customers lies in [1, 4.38] and one of 5 does not. The JSON keeps the numbers.
 */
class WholeNumberForecastTest {
  static final Metric CUSTOMERS = new Metric(0.0, 3, Direction.INCREASE, "customers");
  static final Metric CALLS = new Metric(0.0, 12, Direction.INCREASE, "calls");
  static final Metric INCIDENTS = new Metric(null, 2, Direction.MAINTAIN_BELOW, "incidents");
  static final Metric CONVERSION = new Metric(8.0, 12, Direction.INCREASE, "%");

  /** Weekly check-ins from 7 Jan with these values, in FlatValueTest's cycle (Q1 2027). */
  static KeyResult kr(String id, Metric m, double... values) {
    List<CheckIn> c = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      c.add(new CheckIn(FlatValueTest.CYCLE.instantOf(LocalDate.of(2027, 1, 7).plusDays(7L * i)), values[i], null,
          null, List.of(), null));
    }
    return new KeyResult(id, "Key result " + id, null, "t", 1.0, List.of(), m, Plan.LINEAR, c, null);
  }

  @Test
  void whole_onlyWhereBaselineTargetAndEveryCheckInSoFarAreWhole() {
    var asOf = FlatValueTest.CYCLE.instantOf(LocalDate.of(2027, 2, 10));
    assertThat(Numbers.whole(kr("KR-1", CUSTOMERS, 0, 1, 1, 1), asOf)).isTrue();
    // a conversion reported to the hundredth of a point is not a count
    assertThat(Numbers.whole(kr("KR-2", CONVERSION, 8.5, 9.13, 9.2), asOf)).isFalse();
    // a check-in after the report's date does not decide how the report reads (7 Jan + 6 weeks = 18 Feb)
    assertThat(Numbers.whole(kr("KR-3", CUSTOMERS, 0, 1, 1, 1, 1, 1, 1.5), asOf)).isTrue();
    // nothing measured yet: nothing says the values are whole
    assertThat(Numbers.whole(kr("KR-4", CUSTOMERS), asOf)).isFalse();
    // a baseline or target that is not whole, or a few-level key result (its levels read as such), or done-or-not
    assertThat(Numbers.whole(kr("KR-5", new Metric(0.5, 3, Direction.INCREASE, "customers"), 1, 2), asOf)).isFalse();
    assertThat(Numbers.whole(kr("KR-6", new Metric(0.0, 1, Direction.ACHIEVE, null), 0, 0), asOf)).isFalse();
    // whole check-ins of a unit that counts nothing: a revenue checked in in whole millions (3, 4, 5 M EUR) can end
    // at 6.5, a latency at 412.5 ms; without a unit nothing says what is counted (the reviewer's "3 – 6 M EUR" for an
    // interval of 2.99 to 6.71)
    assertThat(Numbers.whole(kr("KR-7", new Metric(1.0, 6, Direction.INCREASE, "M EUR"), 3, 4, 5), asOf)).isFalse();
    assertThat(Numbers.whole(kr("KR-8", new Metric(1800.0, 900, Direction.DECREASE, "ms"), 1500, 1320), asOf))
        .isFalse();
    assertThat(Numbers.whole(kr("KR-9", new Metric(0.0, 12, Direction.INCREASE, null), 3, 5), asOf)).isFalse();
    assertThat(Numbers.whole(kr("KR-10", new Metric(74.0, 60, Direction.DECREASE, "days"), 72, 70), asOf)).isTrue();
  }

  @Test
  void wholeInterval_theWholeNumbersWithinTheInterval() {
    // 1 – 4.38 holds 1, 2, 3 and 4; the low end 0.9999999999999893 (a held end a hair below where the key result
    // stands, Kernel.hold) is 1
    assertThat(Numbers.wholeInterval(0.9999999999999893, 4.376221849428238, CUSTOMERS)).containsExactly(1, 4);
    assertThat(Numbers.wholeInterval(11.45, 19.52, CALLS)).containsExactly(12, 19);
    // between two whole numbers: the two around it, the high end kept short of the target it falls short of
    assertThat(Numbers.wholeInterval(5.2, 5.8, CALLS)).containsExactly(5, 6);
    assertThat(Numbers.wholeInterval(2.2, 2.8, CUSTOMERS)).containsExactly(2, 2);
    // a maintain-below threshold of 2 incidents: 2.2 – 2.4 is wholly above it, so never "2"
    assertThat(Numbers.wholeInterval(2.2, 2.4, INCIDENTS)).containsExactly(3, 3);
  }

  @Test
  void wholeLanding_nearest_butNeverTheTargetWhereShortOfIt() {
    assertThat(Numbers.landingValue(2.3, CUSTOMERS, true)).isEqualTo("2 customers");
    assertThat(Numbers.landingValue(15.48, CALLS, true)).isEqualTo("15 calls");
    // a half rounds up, as the page's decimals do (Numbers.number: half up)
    assertThat(Numbers.landingValue(2.5, CALLS, true)).isEqualTo("3 calls");
    // 2.7 short of 3: the nearest whole number, 3, would read as the target met
    assertThat(Numbers.landingValue(2.7, CUSTOMERS, true)).isEqualTo("2 customers");
    assertThat(Numbers.landingValue(1.2, CUSTOMERS, true)).isEqualTo("1 customer");
    assertThat(Numbers.landingValue(2.4, INCIDENTS, true)).isEqualTo("3 incidents");
    assertThat(Numbers.landingValue(1.6, INCIDENTS, true)).isEqualTo("2 incidents");
    // not whole: as before
    assertThat(Numbers.landingValue(2.3, CUSTOMERS, false)).isEqualTo("2.3 customers");
  }

  @Test
  void page_writesACountsForecastInWholeNumbers_theJsonKeepsTheNumbers() {
    // three customers to sign; one signed in week 3 of 13, nothing since, as of 17 Feb (week 7)
    KeyResult customers = kr("KR-20", CUSTOMERS, 0, 0, 1, 1, 1, 1);
    KeyResult conversion = kr("KR-2", CONVERSION, 8.4, 8.9, 9.13, 9.5, 9.9, 10.2);
    OkrCycle okr = OkrCycle.of(FlatValueTest.CYCLE, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(customers, conversion))));
    CycleReport report = ExecutionEngine.withDefaults().analyze(okr,
        FlatValueTest.CYCLE.instantOf(LocalDate.of(2027, 2, 17)));
    KeyResultReport r = report.keyResults().get(0);
    PredictionInterval iv = r.forecast().interval();
    // the forecast itself is not whole (the JSON's numbers are the forecaster's)
    assertThat(r.forecast().landingValue()).isNotEqualTo(Math.rint(r.forecast().landingValue()));
    assertThat(iv.high()).isNotEqualTo(Math.rint(iv.high()));
    String html = HtmlReportWriter.write(okr, report);
    String landing = Numbers.number(Numbers.wholeLanding(r.forecast().landingValue(), CUSTOMERS));
    double[] ends = Numbers.wholeInterval(iv.low(), iv.high(), CUSTOMERS);
    String interval = Numbers.number(ends[0]) + " – " + Numbers.value(ends[1], CUSTOMERS);
    assertThat(html).contains("· lands " + Numbers.value(Numbers.wholeLanding(r.forecast().landingValue(), CUSTOMERS),
        CUSTOMERS) + " (80%: " + interval + ")");
    assertThat(html).contains("<td class=\"n\">" + interval + "</td>");
    assertThat(landing).doesNotContain(".");
    // the table's landing reads as its interval beside it and its chart do, in customers: it read the landing's
    // progress, "77%" (2.3 of 3), beside "1 – 4 customers" and the chart's "lands 2 customers" (67%)
    String row = html.substring(html.indexOf("\">KR-20</a> Key result KR-20"));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row).contains("<td class=\"n\">" + Numbers.value(Numbers.wholeLanding(r.forecast().landingValue(),
        CUSTOMERS), CUSTOMERS) + "</td><td class=\"n\">" + interval + "</td>")
        .doesNotContain(Numbers.landingPercent(r.forecast().landingProgress()) + "</td>");
    // the conversion's, a share, reads as its progress as before
    String conversionRow = html.substring(html.indexOf("\">KR-2</a> Key result KR-2"));
    assertThat(conversionRow.substring(0, conversionRow.indexOf("</tr>")))
        .contains("<td class=\"n\">" + Numbers.landingPercent(report.keyResults().get(1).forecast().landingProgress())
            + "</td>");
    // the conversion, reported in hundredths of a point, keeps its decimals
    KeyResultReport c = report.keyResults().get(1);
    assertThat(html).contains("· lands " + Numbers.landingValue(c.forecast().landingValue(), CONVERSION) + " (80%: ");
    assertThat(Numbers.landingValue(c.forecast().landingValue(), CONVERSION)).contains(".");
  }

  @Test
  void aResultInDecimals_isNoCount_andTheOutcomeReadsAsGiven() {
    // first response kept at or below 30 minutes, checked in in whole minutes (28, 31, 29, 27), ended at 30.4: the
    // outcome given says the values are not whole, and the page's table read it "31 minutes" (30.4 rounded to 30,
    // then kept on the side of the threshold it is on) beside the chart's "ended at 30.4 minutes"
    Metric response = new Metric(null, 30, Direction.MAINTAIN_BELOW, "minutes");
    KeyResult checkedIn = kr("KR-3", response, 28, 31, 29, 27);
    KeyResult ended = new KeyResult("KR-3", "First response at most 30 minutes", null, "t", 1.0, List.of(),
        response, Plan.LINEAR, checkedIn.checkIns(), new Result(30.4, null));
    var afterEnd = FlatValueTest.CYCLE.instantOf(LocalDate.of(2027, 4, 5));
    assertThat(Numbers.whole(checkedIn, afterEnd)).isTrue();
    assertThat(Numbers.whole(ended, afterEnd)).isFalse();
    OkrCycle okr = OkrCycle.of(FlatValueTest.CYCLE, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(ended))));
    String html = HtmlReportWriter.write(okr, ExecutionEngine.withDefaults().analyze(okr, afterEnd));
    assertThat(html).contains("ended at 30.4 minutes").contains("<td class=\"n\">30.4 minutes</td>")
        .doesNotContain("<td class=\"n\">31 minutes</td>");
  }

  @Test
  void aLargeCountShortOfItsTarget_neverReadsAsIt() {
    // downloads from 10 to 20 million: a landing of 19,990,000 is 10,000 short, and three significant digits
    // (values from 10 million are in scientific notation) write it "2.00e+07", the target's figure; landingValue
    // writes the digits that tell it apart, rounded away from the target: 1.999e+07
    Metric downloads = new Metric(10_000_000.0, 20_000_000, Direction.INCREASE, "downloads");
    assertThat(Numbers.landingValue(19_990_000, downloads)).isEqualTo("1.999e+07 downloads");
    assertThat(Numbers.landingValue(19_990_000.4, downloads, true)).isEqualTo("1.999e+07 downloads");
    assertThat(Html.interval(new PredictionInterval(0.8, 15_200_000.4, 19_990_000.6), downloads, true))
        .isEqualTo("1.52e+07 – 1.999e+07 downloads");
    // a billionth of 1e12 is 1,000: an end 5 short of a whole number is no hair from it, and the whole numbers
    // within [4e11, 999,999,999,995.5] end at 999,999,999,995 (the target, 1e12, is not among them)
    Metric requests = new Metric(0.0, 1e12, Direction.INCREASE, "requests");
    assertThat(Numbers.wholeInterval(4e11, 999_999_999_995.5, requests)).containsExactly(4e11, 999_999_999_995.0);
    assertThat(Numbers.wholeInterval(4e11 - 0.5, 5e11, requests)).containsExactly(4e11, 5e11);
  }

  @Test
  void aPercentage_isNoCount_evenCheckedInInWholePoints() {
    // a renewal rate kept at or above 90%, checked in in whole points: a share of renewals lands anywhere between
    // (88.43% of the renewals due), so the whole points within its interval (89 – 97%, of 88.43 – 97.57%) leave out
    // outcomes the interval holds, 88.5% among them, below the threshold
    Metric renewal = new Metric(null, 90, Direction.MAINTAIN_ABOVE, "%");
    KeyResult rate = kr("KR-C5", renewal, 92, 91, 93, 92, 91, 92, 93);
    var asOf = FlatValueTest.CYCLE.instantOf(LocalDate.of(2027, 3, 1));
    assertThat(Numbers.whole(rate, asOf)).isFalse();
    assertThat(Numbers.whole(kr("KR-C5", new Metric(null, 90, Direction.MAINTAIN_ABOVE, "percent"), 92, 91), asOf))
        .isFalse();
    OkrCycle okr = OkrCycle.of(FlatValueTest.CYCLE, List.of(Team.of("t")),
        List.of(new Objective("O-1", null, "t", null, null, null, List.of(rate))));
    CycleReport report = ExecutionEngine.withDefaults().analyze(okr, asOf);
    PredictionInterval iv = report.keyResults().get(0).forecast().interval();
    assertThat(HtmlReportWriter.write(okr, report)).contains("<td class=\"n\">" + Html.interval(iv, renewal, false)
        + "</td>");
    assertThat(Html.interval(iv, renewal, false)).contains(".");
  }
}
