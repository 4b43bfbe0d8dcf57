package org.okrengine.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.okrengine.model.Metric;
import org.okrengine.model.PredictionInterval;

/** The HTML page's escaping and numbers. */
class HtmlTest {
  @Test
  void num_notFiniteOrHuge_clampedToZeroOrAMillion() {
    assertThat(Html.num(Double.NaN)).isEqualTo("0");
    assertThat(Html.num(Double.POSITIVE_INFINITY)).isEqualTo("0");
    assertThat(Html.num(1e300)).isEqualTo("1000000");
    assertThat(Html.num(-1e300)).isEqualTo("-1000000");
  }

  @Test
  void num_ordinary_oneDecimalNoNegativeZero() {
    assertThat(Html.num(-0.01)).isEqualTo("0");
    assertThat(Html.num(12.345)).isEqualTo("12.3");
    assertThat(Html.num(64)).isEqualTo("64");
  }

  @Test
  void esc_nullAndSurrogatePairs_keptOrEmpty() {
    assertThat(Html.esc(null)).isEmpty();
    assertThat(Html.esc("a\uD83D\uDE00b\tc")).isEqualTo("a\uD83D\uDE00b\tc");
  }

  @Test
  void esc_markupCharacters_characterReferences() {
    assertThat(Html.esc("<a href=\"x\">R&D's</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
  }

  @Test
  void esc_controlsAndBidi_replaced() {
    // terminal escapes, line separators and bidirectional overrides (which reorder what is shown) are replaced
    assertThat(Html.esc("\u001b[31m\u0007\u2028\u202eevil\u2066\ufeff"))
        .isEqualTo("\ufffd[31m\ufffd\ufffd\ufffdevil\ufffd\ufffd");
    assertThat(Html.esc("\ufffe\uffff\uD800x")).isEqualTo("\ufffd\ufffd\ufffdx");
  }

  @Test
  void truncate_longerThanMax_ellipsisWithinMax() {
    assertThat(Html.truncate("abcdef", 6)).isEqualTo("abcdef");
    assertThat(Html.truncate("abcdefg", 6)).isEqualTo("abcde…");
    // a surrogate pair counts as one code point and is never cut in half
    assertThat(Html.truncate("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("\uD83D\uDE00…");
  }

  @Test
  void interval_unitOnTheHighEndOnly() {
    Metric m = Metric.of(0, 10, "%");
    assertThat(Html.interval(new PredictionInterval(0.8, 2, 4.5), m, false)).isEqualTo("2 – 4.5%");
    // a range up to 1 is no count of one: "0.6 – 1 deal" and "0 – 1 incident" before
    assertThat(Html.interval(new PredictionInterval(0.8, 0.6, 1), Metric.of(0, 3, "deals"), false))
        .isEqualTo("0.6 – 1 deals");
    assertThat(Html.interval(new PredictionInterval(0.8, 0, 1), Metric.of(5, 2, "incidents"), false))
        .isEqualTo("0 – 1 incidents");
    assertThat(Html.interval(new PredictionInterval(0.8, 2, 5), Metric.of(0, 3, "deal"), false))
        .isEqualTo("2 – 5 deals");
  }

  @Test
  void resource_css_inlinedOnceWithoutFinalLineEnd() {
    String css = Html.resource("report.css");
    assertThat(css).startsWith("body{").endsWith(".ok{color:#17603a}").doesNotContain("\r");
  }

  @Test
  void resource_missing_throws() {
    assertThatThrownBy(() -> Html.resource("no-such.css")).isInstanceOf(IllegalStateException.class)
        .hasMessage("resource missing: no-such.css");
  }
}
