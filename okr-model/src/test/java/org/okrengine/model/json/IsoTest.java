package org.okrengine.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-07-08T09:00:00Z", "2026-07-08T09:00:00.5Z", "2026-07-08T09:00:00.123456789Z",
      "2026-07-08T09:00:00.000+02:00", "2026-07-08T23:59:59-05:30", "2024-02-29T00:00:00+18:00",
      "0000-01-01T00:00:00-18:00", "2026-07-08T09:00Z", "2026-07-08t09:00:00z", "+12026-07-08T09:00:00Z",
      "2026-07-08T09:00:00+02:00:30", "2026-07-08T09:00:00-00:00",
      "2026-07-08T09:00:00.Z"})
  void instant_validText_sameAsJavaTime(String text) {
    assertThat(Iso.instant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T09:00:00Z", "2026-07-08T24:00:00Z", "2026-07-08T09:60:00Z",
      "2026-07-08T09:00:60Z", "2026-07-08T09:00:00", "2026-07-08T09:00:00+19:00",
      "2026-07-08T09:00:00.1234567891Z", "2026-07-08T09:0a:00Z", "2026-07-08", "",
      "2026-07-08T09:00:00ZZ", "2026-07-08T09:00:00+18:01"})
  void instant_invalidText_throwsLikeJavaTime(String text) {
    assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Iso.instant(text)).isInstanceOf(DateTimeException.class);
  }

  /**
   * An offset of hours alone, which java.time reads, is refused as the format and the schema refuse it (Z or hh:mm,
   * seconds optional, as RFC 3339): a vendor's schema check and the reader agree (a reviewer's find).
   */
  @ParameterizedTest
  @ValueSource(strings = {"2026-07-08T09:00:00+02", "2026-07-08T09:00:00.5-05", "2026-07-08T09:00+00"})
  void instant_offsetOfHoursAlone_refused(String text) {
    assertThat(OffsetDateTime.parse(text)).isNotNull();
    assertThatThrownBy(() -> Iso.instant(text)).isInstanceOf(DateTimeException.class)
        .hasMessage("offset must be Z or +hh:mm: " + text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-07-08", "2024-02-29", "0000-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01"})
  void date_validText_sameAsJavaTime(String text) {
    assertThat(Iso.date(text)).isEqualTo(LocalDate.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-13-01", "2026-02-29", "2026-00-10", "2026-7-08", "2026/07/08", "20260708",
      "2026-07-0a", "2026-07-08T00:00:00Z"})
  void date_invalidText_throwsLikeJavaTime(String text) {
    assertThatThrownBy(() -> LocalDate.parse(text)).isInstanceOf(DateTimeException.class);
    assertThatThrownBy(() -> Iso.date(text)).isInstanceOf(DateTimeException.class);
  }
}
