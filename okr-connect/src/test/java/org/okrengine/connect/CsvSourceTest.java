package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.CheckIn;

class CsvSourceTest {
  @TempDir
  Path dir;

  private SyncResult sync(String csv, String query) throws Exception {
    Files.writeString(dir.resolve("data.csv"), csv);
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"source\": \"sheet\", \"kind\": \"csv\", \"query\": {\"file\": \"data.csv\", " + query + "}}]}", dir);
    return Connector.withDefaults().sync(Fixtures.cycle(), s, Instant.parse("2026-08-01T00:00:00Z"));
  }

  @Test
  void fetch_isoDatesInCycleZone_withinCycleUpToAsOf() throws Exception {
    SyncResult r = sync("""
        week,signups,comment
        2026-06-29,1,"before the cycle"
        2026-07-06,12,"first, real week"
        2026-07-13,19.5,
        2026-08-03,40,"after as-of"
        """, "\"timeColumn\": \"week\", \"valueColumn\": \"signups\"");
    // 2026-07-06 00:00 in Europe/Oslo (UTC+2 in summer) is 2026-07-05T22:00Z
    assertThat(r.outcomes().get(0).added()).containsExactly(
        new CheckIn(Instant.parse("2026-07-05T22:00:00Z"), 12, null, null, List.of(), "sheet"),
        new CheckIn(Instant.parse("2026-07-12T22:00:00Z"), 19.5, null, null, List.of(), "sheet"));
  }

  @Test
  void fetch_patternZoneDelimiterAndBom() throws Exception {
    SyncResult r = sync("\uFEFFDato;Verdi\r\n07.07.2026 09:30;3\r\n08.07.2026 09:30;4\r\n",
        "\"timeColumn\": \"Dato\", \"valueColumn\": \"Verdi\", \"dateFormat\": \"dd.MM.yyyy HH:mm\", "
            + "\"zone\": \"UTC\", \"delimiter\": \";\"");
    assertThat(r.outcomes().get(0).added()).extracting(CheckIn::at).containsExactly(
        Instant.parse("2026-07-07T09:30:00Z"), Instant.parse("2026-07-08T09:30:00Z"));
  }

  @Test
  void fetch_badRows_failWithLineAndValue() throws Exception {
    assertThat(sync("t,v\n2026-07-06,12\n2026-07-07,twelve\n", "\"timeColumn\": \"t\", \"valueColumn\": \"v\"")
        .outcomes().get(0).error()).isEqualTo("data.csv: line 3: not a number: \"twelve\"");
    assertThat(sync("t,v\n6 July,12\n", "\"timeColumn\": \"t\", \"valueColumn\": \"v\"")
        .outcomes().get(0).error()).isEqualTo("data.csv: line 2: not a time (ISO-8601 expected): \"6 July\"");
    assertThat(sync("t,v\n2026-07-06,12\n", "\"timeColumn\": \"time\", \"valueColumn\": \"v\"")
        .outcomes().get(0).error()).isEqualTo("data.csv: no column \"time\" in the header (t, v)");
    assertThat(sync("t,v\n\"2026-07-06,12\n", "\"timeColumn\": \"t\", \"valueColumn\": \"v\"")
        .outcomes().get(0).error()).isEqualTo("data.csv: a quoted field is not closed");
    assertThat(sync("", "\"timeColumn\": \"t\", \"valueColumn\": \"v\"")
        .outcomes().get(0).error()).isEqualTo("data.csv: empty (expected a header row)");
  }

  @Test
  void fetch_moreRowsThanMaxRows_failsRatherThanTruncates() throws Exception {
    Files.writeString(dir.resolve("data.csv"), "t,v\n2026-07-06,1\n2026-07-07,2\n2026-07-08,3\n");
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"kind\": \"csv\", \"maxRows\": 2, \"query\": {\"file\": \"data.csv\", \"timeColumn\": \"t\", "
        + "\"valueColumn\": \"v\"}}]}", dir);
    assertThat(Connector.withDefaults().sync(Fixtures.cycle(), s, Instant.parse("2026-08-01T00:00:00Z"))
        .outcomes().get(0).error()).isEqualTo("data.csv: more than 2 rows (maxRows)");
  }

  @Test
  void fetch_missingFile_fails() throws Exception {
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"kind\": \"csv\", \"query\": {\"file\": \"gone.csv\", \"timeColumn\": \"t\", \"valueColumn\": \"v\"}}]}",
        dir);
    assertThat(Connector.withDefaults().sync(Fixtures.cycle(), s, Instant.parse("2026-08-01T00:00:00Z"))
        .outcomes().get(0).error()).isEqualTo("no such file: " + dir.resolve("gone.csv"));
  }
}
