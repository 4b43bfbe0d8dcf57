package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceStatus;
import org.okrengine.model.json.CycleJson;

/** The sources' health a sync records: from real failures, short and stable, written only when it changed. */
class SourceHealthRecordTest {
  private static final Instant AS_OF = Instant.parse("2026-08-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2026-08-13T07:30:00Z");
  private static final Instant T2 = Instant.parse("2026-08-14T07:30:00Z");
  private static final Instant T3 = Instant.parse("2026-08-15T07:30:00Z");

  private static SourceOutcome ok(String source) {
    return new SourceOutcome("bindings[0]", "KR-1", source, "csv", List.of(), 0, List.of(), null);
  }

  private static SourceOutcome failed(String source, String reason) {
    return failed(source, "KR-1", reason);
  }

  private static SourceOutcome failed(String source, String keyResult, String reason) {
    return new SourceOutcome("bindings[0]", keyResult, source, "csv", List.of(), 0, List.of(), "long: " + reason,
        reason);
  }

  @Test
  void health_failurePersists_sinceKept_recovery_okSinceThenWithTheErrorItRecoveredFrom() {
    List<SourceStatus> first = new SyncResult(List.of(failed("jira", "401 Unauthorized"), ok("sheet")))
        .health(List.of(), T1);
    assertThat(first).containsExactly(SourceStatus.failing("jira", T1, "401 Unauthorized", List.of("KR-1")),
        SourceStatus.ok("sheet", T1));
    List<SourceStatus> second = new SyncResult(List.of(failed("jira", "401 Unauthorized"), ok("sheet")))
        .health(first, T2);
    assertThat(second).isEqualTo(first);
    List<SourceStatus> otherError = new SyncResult(List.of(failed("jira", "java.net.ConnectException"),
        ok("sheet"))).health(first, T2);
    assertThat(otherError.get(0)).isEqualTo(SourceStatus.failing("jira", T1, "java.net.ConnectException",
        List.of("KR-1")));
    List<SourceStatus> otherKeyResult = new SyncResult(List.of(failed("jira", "KR-2", "401 Unauthorized"),
        ok("sheet"))).health(first, T2);
    assertThat(otherKeyResult.get(0)).isEqualTo(SourceStatus.failing("jira", T1, "401 Unauthorized",
        List.of("KR-2")));
    List<SourceStatus> recovered = new SyncResult(List.of(ok("jira"), ok("sheet"))).health(second, T3);
    assertThat(recovered).containsExactly(new SourceStatus("jira", SourceStatus.State.OK, T3, "401 Unauthorized"),
        SourceStatus.ok("sheet", T1));
    assertThat(new SyncResult(List.of(ok("jira"), ok("sheet"))).health(recovered, T3.plusSeconds(60)))
        .isEqualTo(recovered);
  }

  @Test
  void health_oneOfASourcesBindingsFails_sourceFailingWithTheFirstFailure_unsyncedSourcesKept() {
    SourceStatus old = SourceStatus.ok("prometheus", T1);
    List<SourceStatus> h = new SyncResult(List.of(ok("jira"), failed("jira", "KR-4", "400 Bad Request"),
        failed("jira", "KR-2", "404 Not Found"), failed("jira", "KR-4", "404 Not Found"))).health(List.of(old), T2);
    assertThat(h).containsExactly(old, SourceStatus.failing("jira", T2, "400 Bad Request", List.of("KR-4", "KR-2")));
  }

  @Test
  void sync_closedPort_failsWithConnectException_http401_withStatusAndReason() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] b = "{\"errorMessages\":[\"token tok-123456 rejected\"]}".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(401, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      String sources = """
          {"format": "okr-sources/1", "bindings": [
            {"keyResult": "KR-1", "source": "sheet", "kind": "csv", "retries": 0,
             "query": {"url": "http://127.0.0.1:%d/a.csv", "timeColumn": "t", "valueColumn": "v"}},
            {"keyResult": "KR-2", "source": "jira", "kind": "jira", "retries": 0,
             "query": {"api": "datacenter", "baseUrl": "http://127.0.0.1:%d", "jql": "project = X"},
             "credentials": {"user": "JIRA_USER", "token": "JIRA_TOKEN"}}
          ]}
          """.formatted(closed, server.getAddress().getPort());
      SyncResult r = Connector.withDefaults().withEnvironment(n -> n.equals("JIRA_TOKEN") ? "tok-123456" : "me")
          .sync(Fixtures.cycle(), Fixtures.sources(sources), AS_OF);
      assertThat(r.outcomes().get(0).error()).contains("cannot connect to 127.0.0.1:" + closed);
      assertThat(r.outcomes().get(0).reason()).isEqualTo("java.net.ConnectException");
      assertThat(r.outcomes().get(1).reason()).isEqualTo("401 Unauthorized");
      assertThat(r.health(List.of(), T1)).containsExactly(
          SourceStatus.failing("sheet", T1, "java.net.ConnectException", List.of("KR-1")),
          SourceStatus.failing("jira", T1, "401 Unauthorized", List.of("KR-2")));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void reason_holdsNoSecret() {
    Source s = (b, c) -> {
      throw new SourceException("refused", "403 for " + c.credential("token"), null);
    };
    String two = """
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-1", "source": "finance", "kind": "csv",
           "query": {"file": "a.csv", "timeColumn": "t", "valueColumn": "v"}, "credentials": {"token": "FIN"}}]}
        """;
    SyncResult r = Connector.withDefaults().withEnvironment(n -> "tok-123456").withSource("csv", s)
        .sync(Fixtures.cycle(), Fixtures.sources(two), AS_OF);
    assertThat(r.outcomes().get(0).reason()).isEqualTo("403 for ***");
  }

  @Test
  void withSources_addsTheSectionAtTheEnd_updatesInPlaceKeepingUnknownFields_unchangedTextWhenEqual() {
    OkrCycle cycle = Fixtures.cycle();
    String text = Fixtures.CYCLE;
    assertThat(CycleDocument.withSources(text, List.of(), List.of())).isSameAs(text);
    List<SourceStatus> failing = List.of(SourceStatus.failing("jira", T1, "401 Unauthorized", List.of("KR-2")));
    String one = CycleDocument.withSources(text, cycle.sources(), failing);
    assertThat(one).endsWith("""
          ],
          "sources": [
            {
              "name": "jira",
              "state": "failing",
              "since": "2026-08-13T07:30:00Z",
              "lastError": "401 Unauthorized",
              "keyResults": [
                "KR-2"
              ]
            }
          ]
        }
        """).contains("\"vendorExtension\": {\n    \"kept\": true\n  }").contains("\"value\": 1.10");
    OkrCycle read = CycleJson.withDefaults().read(one).cycle();
    assertThat(read.sources()).isEqualTo(failing);
    assertThat(CycleDocument.withSources(one, read.sources(), failing)).isSameAs(one);
    // a field a newer producer added to an entry survives the update; the entry stays where it was
    String extended = one.replace("\"lastError\": \"401 Unauthorized\",",
        "\"lastError\": \"401 Unauthorized\",\n      \"probe\": \"v2\",");
    List<SourceStatus> recovered = List.of(new SourceStatus("jira", SourceStatus.State.OK, T2, "401 Unauthorized"),
        SourceStatus.ok("sheet", T2));
    String after = CycleDocument.withSources(extended, read.sources(), recovered);
    assertThat(after).contains("""
            {
              "name": "jira",
              "state": "ok",
              "since": "2026-08-14T07:30:00Z",
              "lastError": "401 Unauthorized",
              "probe": "v2"
            },
            {
              "name": "sheet",
              "state": "ok",
              "since": "2026-08-14T07:30:00Z"
            }
        """);
    assertThat(CycleJson.withDefaults().read(after).cycle().sources()).isEqualTo(recovered);
  }

  @Test
  void withCheckIns_documentWithSources_sectionRoundTripsByteForByte() throws IOException {
    String one = CycleDocument.withSources(Fixtures.CYCLE, List.of(),
        List.of(SourceStatus.failing("jira", T1, "401 Unauthorized")));
    assertThat(CycleDocument.rewrite(one)).isEqualTo(one);
    String more = CycleDocument.withCheckIns(one, java.util.Map.of("KR-2",
        List.of(org.okrengine.model.CheckIn.of(Instant.parse("2026-07-13T00:00:00Z"), 7))));
    assertThat(more.substring(more.indexOf("\"sources\""))).isEqualTo(one.substring(one.indexOf("\"sources\"")));
  }
}
