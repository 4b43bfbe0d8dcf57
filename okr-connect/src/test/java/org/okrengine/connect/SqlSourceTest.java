package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;

/** The sql source on a real embedded H2 database. */
class SqlSourceTest {
  private static final String URL = "jdbc:h2:mem:sqlsourcetest;DB_CLOSE_DELAY=-1";
  private static Connection keepAlive;

  @BeforeAll
  static void createDatabase() throws Exception {
    keepAlive = DriverManager.getConnection(URL, "sa", "s3cret-pw");
    try (Statement s = keepAlive.createStatement()) {
      s.execute("create table signups (at timestamp with time zone, n int)");
      s.execute("insert into signups values (timestamp with time zone '2026-06-30 12:00:00+00', 1),"
          + " (timestamp with time zone '2026-07-07 12:00:00+00', 10),"
          + " (timestamp with time zone '2026-07-14 12:00:00+00', 25),"
          + " (timestamp with time zone '2026-08-04 12:00:00+00', 60)");
      s.execute("create table local_days (d date, v double)");
      s.execute("insert into local_days values (date '2026-07-07', 0.5)");
    }
  }

  @AfterAll
  static void close() throws Exception {
    keepAlive.close();
  }

  private static SyncResult sync(String query, String extra) {
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"source\": \"warehouse\", \"kind\": \"sql\", \"credentials\": {\"user\": \"DB_USER\", "
        + "\"password\": \"DB_PASSWORD\"}, \"query\": {\"url\": \"" + URL + "\", " + query + "}" + extra + "}]}",
        Path.of("/tmp"));
    return Connector.withDefaults()
        .withEnvironment(name -> switch (name) {
          case "DB_USER" -> "sa";
          case "DB_PASSWORD" -> "s3cret-pw";
          default -> null;
        })
        .sync(Fixtures.cycle(), s, Instant.parse("2026-08-01T00:00:00Z"));
  }

  @Test
  void fetch_series_rowsWithinCycleUpToAsOf() {
    SyncResult r = sync("\"sql\": \"select at, n from signups where at <= ? order by at\", "
        + "\"parameters\": [\"upTo\"]", "");
    assertThat(r.outcomes().get(0).error()).isNull();
    assertThat(r.outcomes().get(0).added()).containsExactly(
        new CheckIn(Instant.parse("2026-07-07T12:00:00Z"), 10, null, null, List.of(), "warehouse"),
        new CheckIn(Instant.parse("2026-07-14T12:00:00Z"), 25, null, null, List.of(), "warehouse"));
  }

  @Test
  void fetch_dateColumn_startOfDayInCycleZone_scaled() {
    SyncResult r = sync("\"sql\": \"select d, v from local_days\"", ", \"value\": {\"scale\": 100}");
    // 2026-07-07 00:00 in Europe/Oslo (UTC+2) is 2026-07-06T22:00Z; 0.5 * 100
    assertThat(r.outcomes().get(0).added()).extracting(CheckIn::at, CheckIn::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-07-06T22:00:00Z"), 50.0));
  }

  @Test
  void fetch_oneValue_observedAtAsOf() {
    SyncResult r = sync("\"sql\": \"select sum(n) from signups where at >= ? and at <= ?\", \"shape\": \"value\", "
        + "\"parameters\": [\"from\", \"upTo\"]", "");
    // the rows of 7 and 14 July: 10 + 25
    assertThat(r.outcomes().get(0).added()).extracting(CheckIn::at, CheckIn::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Instant.parse("2026-08-01T00:00:00Z"), 35.0));
  }

  @Test
  void fetch_badQueryOrShape_failsWithoutThePassword() {
    String error = sync("\"sql\": \"select at, n from no_such_table\"", "").outcomes().get(0).error();
    assertThat(error).startsWith("SQL error 42S02: Table \"NO_SUCH_TABLE\" not found").doesNotContain("s3cret");
    assertThat(sync("\"sql\": \"select n from signups\"", "").outcomes().get(0).error())
        .isEqualTo("the query must return (time, value) rows for shape series: it returns 1 column");
    assertThat(sync("\"sql\": \"select n from signups\", \"shape\": \"value\"", "").outcomes().get(0).error())
        .isEqualTo("the query must return one row of one number for shape value");
    assertThat(sync("\"sql\": \"select at, n from signups\"", ", \"maxRows\": 3").outcomes().get(0).error())
        .isEqualTo("more than 3 rows (maxRows)");
  }

  @Test
  void fetch_wrongPassword_redacted() {
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"kind\": \"sql\", \"credentials\": {\"user\": \"U\", \"password\": \"P\"}, \"query\": {\"url\": "
        + "\"jdbc:h2:mem:sqlsourcetest\", \"sql\": \"select 1\"}}]}", Path.of("/tmp"));
    String error = Connector.withDefaults().withEnvironment(n -> n.equals("U") ? "sa" : "wrong-pw-123")
        .sync(Fixtures.cycle(), s, Instant.parse("2026-08-01T00:00:00Z")).outcomes().get(0).error();
    assertThat(error).startsWith("SQL error 28000: Wrong user name or password").doesNotContain("wrong-pw-123");
  }
}
