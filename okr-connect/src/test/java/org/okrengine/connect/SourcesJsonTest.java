package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.okrengine.model.Problem;

class SourcesJsonTest {
  @Test
  void read_everyKind_givesTheBindings() {
    Sources s = SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-1", "source": "finance", "kind": "csv",
           "query": {"file": "revenue.csv", "timeColumn": "date", "valueColumn": "eur", "dateFormat": "dd.MM.yyyy",
                     "zone": "Europe/Oslo", "delimiter": ";"},
           "value": {"scale": 0.000001}},
          {"keyResult": "KR-2", "kind": "sql",
           "query": {"url": "jdbc:h2:mem:x", "sql": "select at, v from t where at <= ?", "parameters": ["upTo"]},
           "credentials": {"user": "DB_USER", "password": "DB_PASSWORD"}, "timeoutSeconds": 5, "retries": 0},
          {"keyResult": "KR-3", "kind": "jira",
           "query": {"api": "cloud", "baseUrl": "https://example.atlassian.net", "jql": "project = DATA",
                     "measure": "sum", "field": "customfield_10016"},
           "credentials": {"user": "JIRA_USER", "token": "JIRA_TOKEN"},
           "proxy": {"host": "proxy.example.com", "port": 3128},
           "trustStore": {"path": "ca.p12", "passwordEnv": "TS_PASSWORD"}, "maxPages": 3, "maxRows": 250}
        ]}
        """, Path.of("/etc/okr"));
    assertThat(s.bindings()).hasSize(3);
    Binding csv = s.bindings().get(0);
    assertThat(csv.source()).isEqualTo("finance");
    assertThat(csv.query()).isEqualTo(new Query.Csv(Path.of("/etc/okr/revenue.csv"), null, "date", "eur",
        "dd.MM.yyyy", ZoneId.of("Europe/Oslo"), ';'));
    assertThat(csv.value()).isEqualTo(new ValueMapping(0.000001, 0));
    assertThat(csv.limits()).isEqualTo(Limits.DEFAULT);
    Binding sql = s.bindings().get(1);
    assertThat(sql.source()).isEqualTo("sql"); // the kind when no name is given
    assertThat(sql.query()).isEqualTo(new Query.Sql("jdbc:h2:mem:x", "select at, v from t where at <= ?", true,
        List.of("upTo")));
    assertThat(sql.credentials()).isEqualTo(Map.of("user", "DB_USER", "password", "DB_PASSWORD"));
    assertThat(sql.limits()).isEqualTo(new Limits(Duration.ofSeconds(5), 0, 100_000, 100));
    Binding jira = s.bindings().get(2);
    assertThat(jira.query()).isEqualTo(new Query.Jira(true, URI.create("https://example.atlassian.net"),
        "project = DATA", "done", "customfield_10016"));
    assertThat(jira.network()).isEqualTo(new Network("proxy.example.com", 3128, Path.of("/etc/okr/ca.p12"),
        "PKCS12", "TS_PASSWORD"));
    assertThat(jira.limits()).isEqualTo(new Limits(Duration.ofSeconds(30), 3, 250, 3));
  }

  @Test
  void read_badDocument_listsEveryProblemWithPathAndValue() {
    assertThatThrownBy(() -> SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-1", "kind": "excel", "query": {}},
          {"keyResult": "", "kind": "csv", "query": {"file": "a.csv", "url": "https://x.example/a.csv",
           "timeColumn": "t", "valueColumn": "v", "zone": "Mars/Olympus", "delimiter": ";;"},
           "timeoutSeconds": 0, "timeoutSecond": 5, "value": {"scale": 0}},
          {"keyResult": "KR-3", "kind": "sql", "query": {"url": "jdbc:postgresql://db/x?password=hunter2",
           "sql": "select 1", "shape": "table", "parameters": ["now"]},
           "credentials": {"password": "hunter2 is my password"}},
          {"keyResult": "KR-4", "kind": "jira", "query": {"api": "server", "baseUrl": "http://jira.example.com",
           "jql": "x", "measure": "sum"}},
          {"keyResult": "KR-5", "kind": "jira", "query": {"api": "cloud",
           "baseUrl": "https://me:secret@example.atlassian.net", "jql": "x", "statusCategory": "closed"}}
        ]}
        """, Path.of("/tmp")))
        .isInstanceOfSatisfying(InvalidSourcesException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("bindings[0].kind", "unknown kind \"excel\" (expected one of: csv, sql, jira, http-json, prometheus)"),
            new Problem("bindings[1].timeoutSecond", "unknown field"),
            new Problem("bindings[1].keyResult", "must be a non-empty string: \"\""),
            new Problem("bindings[1].query", "has both \"file\" and \"url\"; give one"),
            new Problem("bindings[1].query.zone", "unknown zone: \"Mars/Olympus\""),
            new Problem("bindings[1].query.delimiter", "must be one character: \";;\""),
            new Problem("bindings[1].value.scale", "must be a finite number, not 0: 0"),
            new Problem("bindings[1].timeoutSeconds", "must be a whole number within 1..600: 0"),
            new Problem("bindings[2].query.url", "must not hold a password; name its environment variable in "
                + "credentials.password"),
            new Problem("bindings[2].query.shape", "must be series or value: \"table\""),
            new Problem("bindings[2].query.parameters[0]", "must be \"from\" or \"upTo\": \"now\""),
            new Problem("bindings[2].credentials.password", "must be the NAME of an environment variable "
                + "(letters, digits, _), not the secret itself (value not shown)"),
            new Problem("bindings[3].query.api", "must be cloud or datacenter: \"server\""),
            new Problem("bindings[3].query.baseUrl", "must be https (plain http only to this machine): "
                + "\"http://jira.example.com\""),
            new Problem("bindings[3].query.field", "must name the field to sum (for example customfield_10016) "
                + "with measure sum"),
            new Problem("bindings[4].query.baseUrl", "must not hold a user or password; name environment "
                + "variables in credentials (value not shown)"),
            new Problem("bindings[4].query.statusCategory", "must be new, indeterminate or done: \"closed\"")));
  }

  @Test
  void read_unpairedSurrogateOrNoBreakSpace_refused() {
    // the escape of a lone surrogate: text no UTF-8 file can hold; a name of U+00A0, white space to the schema's \S
    assertThatThrownBy(() -> SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-\\ud800", "kind": "csv", "query": {"file": "a\\udc00.csv", "timeColumn": "t",
           "valueColumn": "v"}}
        ]}
        """, Path.of("/tmp")))
        .isInstanceOfSatisfying(InvalidSourcesException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("bindings[0].keyResult", "contains an unpaired surrogate (\\ud800)"),
            new Problem("bindings[0].query.file", "contains an unpaired surrogate (\\udc00)")));
    assertThatThrownBy(() -> SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "\u00a0", "kind": "csv", "query": {"file": "b.csv", "timeColumn": "t", "valueColumn": "v"}}
        ]}
        """, Path.of("/tmp")))
        .isInstanceOfSatisfying(InvalidSourcesException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("bindings[0].keyResult", "must be a non-empty string: \"\u00a0\"")));
  }

  @Test
  void read_fileNameNoPathCanHold_aProblemAtItsField() {
    // a NUL (escaped in the JSON) is a valid JSON string and matches the schema, but no file name holds it: it was
    // Path.resolve's InvalidPathException, no problem at all (okr sync: "internal error", exit 1)
    assertThatThrownBy(() -> SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-1", "kind": "csv", "query": {"file": "conv\\u0000ersion.csv", "timeColumn": "t",
           "valueColumn": "v"}},
          {"keyResult": "KR-3", "kind": "jira",
           "query": {"api": "cloud", "baseUrl": "https://example.atlassian.net", "jql": "project = DATA"},
           "credentials": {"user": "JIRA_USER", "token": "JIRA_TOKEN"},
           "trustStore": {"path": "ca\\u0000.p12", "passwordEnv": "TS_PASSWORD"}}
        ]}
        """, Path.of("/tmp")))
        .isInstanceOfSatisfying(InvalidSourcesException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("bindings[0].query.file", "not a file name: \"conv\u0000ersion.csv\""),
            new Problem("bindings[1].trustStore.path", "not a file name: \"ca\u0000.p12\"")));
  }

  @Test
  void read_prometheus_stepInUnits() {
    Sources s = SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "A", "kind": "prometheus", "query": {"baseUrl": "https://prom.example.com",
           "promql": "avg_over_time(up[1d])", "step": "6h"}},
          {"keyResult": "B", "kind": "prometheus", "query": {"baseUrl": "https://prom.example.com", "promql": "up"}}
        ]}
        """, Path.of("/tmp"));
    assertThat(s.bindings()).extracting(Binding::query).containsExactly(
        new Query.Prometheus(URI.create("https://prom.example.com"), "avg_over_time(up[1d])", 6 * 3600),
        new Query.Prometheus(URI.create("https://prom.example.com"), "up", 24 * 3600));
    assertThatThrownBy(() -> SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [{"keyResult": "A", "kind": "prometheus",
          "query": {"baseUrl": "https://prom.example.com", "promql": "up", "step": "30s"}}]}
        """, Path.of("/tmp"))).hasMessage("1 problem in the sources:\nbindings[0].query.step: must be a whole number "
        + "of m, h, d or w (1d, 6h, 1w), at least 1m: \"30s\"");
  }

  @Test
  void read_secretsNeverEchoed() {
    assertThatThrownBy(() -> SourcesJson.read("""
        {"format": "okr-sources/1", "bindings": [{"keyResult": "K", "kind": "jira",
          "query": {"api": "cloud", "baseUrl": "https://me:s3cr3t@x.atlassian.net", "jql": "x"},
          "credentials": {"token": "ATATT3xFfGF0s3cr3t-token"}}]}
        """, Path.of("/tmp"))).hasMessageNotContaining("s3cr3t");
  }

  @Test
  void readFile_bytesThatAreNotUtf8_areAProblemAtTheirLineAndColumn(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path f = dir.resolve("sources.json");
    byte[] head = "{\"format\": \"okr-sources/1\",\n \"bindings\": [\"x".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 4);
    bytes[head.length] = (byte) 0xC0; // an overlong encoding of '/'
    bytes[head.length + 1] = (byte) 0xAF;
    bytes[head.length + 2] = '"';
    bytes[head.length + 3] = ']';
    java.nio.file.Files.write(f, bytes);
    // before: read as U+FFFD, and the bad bytes went on into the document
    // the 17th character of line 2: a space, "bindings" (10), a colon, a space, [, " and x are 16
    assertThatThrownBy(() -> SourcesJson.read(f)).isInstanceOf(InvalidSourcesException.class)
        .hasMessage("1 problem in the sources:\nline 2, column 17: invalid UTF-8: bytes C0");
    assertThat(SourcesJson.utf8("\ufeffok\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("ok\u00e9");
  }

  @Test
  void read_wrongFormatOrMalformed_saysSo() {
    assertThatThrownBy(() -> SourcesJson.read("{\"format\": \"okr-sources/2\", \"bindings\": []}", Path.of("/")))
        .hasMessage("1 problem in the sources:\nformat: must be \"okr-sources/1\": \"okr-sources/2\"");
    assertThatThrownBy(() -> SourcesJson.read("{\"format\": \"okr-sources/1\",", Path.of("/")))
        .isInstanceOf(InvalidSourcesException.class).hasMessageStartingWith("1 problem in the sources:\nline 1, column 28: "
            + "unexpected end-of-input");
    assertThatThrownBy(() -> SourcesJson.read("{\"format\": \"okr-sources/1\"}", Path.of("/")))
        .hasMessage("1 problem in the sources:\nbindings: must be an array: missing");
    assertThatThrownBy(() -> SourcesJson.read("[]", Path.of("/")))
        .hasMessage("1 problem in the sources:\nmust be a JSON object");
  }
}
