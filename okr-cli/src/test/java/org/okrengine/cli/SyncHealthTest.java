package org.okrengine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.SourceStatus;
import org.okrengine.model.json.CycleJson;

/**
 * {@code okr sync} keeps the sources' health in the cycle file from what really happened: a source at a closed port
 * fails with {@code java.net.ConnectException}, the failure persisting leaves the file byte for byte, and the source
 * working again is recorded as ok.
 */
class SyncHealthTest {
  @TempDir
  Path dir;
  Path cycle;
  Path sources;

  @BeforeEach
  void copyExample() throws Exception {
    Files.copy(OkrTest.ROOT.resolve("examples/sync/acme-growth-2026-q3.json"), dir.resolve("cycle.json"));
    Files.copy(OkrTest.ROOT.resolve("examples/sync/conversion.csv"), dir.resolve("conversion.csv"));
    cycle = dir.resolve("cycle.json");
    sources = dir.resolve("sources.json");
  }

  /** bi-export reads the example's CSV file; jira (a CSV export over HTTP) is at {@code port}. */
  private void bind(int port) throws Exception {
    Files.writeString(sources, """
        {"format": "okr-sources/1", "bindings": [
          {"keyResult": "KR-2", "source": "bi-export", "kind": "csv",
           "query": {"file": "conversion.csv", "timeColumn": "measured_at", "valueColumn": "trial_to_paid_pct"}},
          {"keyResult": "KR-1", "source": "jira", "kind": "csv", "retries": 0, "timeoutSeconds": 5,
           "query": {"url": "http://127.0.0.1:%d/revenue.csv", "timeColumn": "t", "valueColumn": "v"}}
        ]}
        """.formatted(port));
  }

  private OkrTest.Run sync() {
    return OkrTest.run("sync", cycle.toString(), "--sources", sources.toString(), "--as-of", "2026-09-30");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void closedPort_failingWithConnectException_persistingByteIdentical_recoveryOk() throws Exception {
    bind(closedPort());
    Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    OkrTest.Run first = sync();
    Instant after = Instant.now();
    assertThat(first.code()).isEqualTo(3);
    OkrCycle c1 = CycleJson.withDefaults().read(cycle).cycle();
    SourceStatus jira = c1.source("jira").orElseThrow();
    assertThat(jira.state()).isEqualTo(SourceStatus.State.FAILING);
    assertThat(jira.lastError()).isEqualTo("java.net.ConnectException");
    assertThat(jira.keyResults()).containsExactly("KR-1");
    assertThat(jira.since()).isBetween(before, after);
    SourceStatus bi = c1.source("bi-export").orElseThrow();
    assertThat(bi).isEqualTo(SourceStatus.ok("bi-export", jira.since()));
    assertThat(first.out()).contains("source jira: failing since " + jira.since() + ": java.net.ConnectException\n")
        .doesNotContain("source bi-export");
    String text = Files.readString(cycle);
    assertThat(text).endsWith("""
          "sources": [
            {
              "name": "bi-export",
              "state": "ok",
              "since": "%s"
            },
            {
              "name": "jira",
              "state": "failing",
              "since": "%s",
              "lastError": "java.net.ConnectException",
              "keyResults": [
                "KR-1"
              ]
            }
          ]
        }
        """.formatted(bi.since(), jira.since()));

    Thread.sleep(1100); // a later second, so that a since rewritten by the second run would show
    OkrTest.Run second = sync();
    assertThat(second.code()).isEqualTo(3);
    assertThat(second.out()).endsWith("okr sync: nothing new; " + cycle + " unchanged\n")
        .doesNotContain("source jira");
    assertThat(Files.readString(cycle)).isEqualTo(text);

    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/revenue.csv", ex -> {
      byte[] b = "t,v\n2026-09-28T08:00:00Z,1.74\n".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    server.start();
    try {
      bind(server.getAddress().getPort());
      Instant recoveredAfter = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      OkrTest.Run third = sync();
      assertThat(third.err()).isEmpty();
      assertThat(third.code()).isEqualTo(0);
      OkrCycle c3 = CycleJson.withDefaults().read(cycle).cycle();
      SourceStatus recovered = c3.source("jira").orElseThrow();
      assertThat(recovered.state()).isEqualTo(SourceStatus.State.OK);
      assertThat(recovered.since()).isAfterOrEqualTo(recoveredAfter).isAfter(jira.since());
      assertThat(recovered.lastError()).isEqualTo("java.net.ConnectException");
      assertThat(recovered.keyResults()).isEmpty();
      assertThat(c3.source("bi-export").orElseThrow()).isEqualTo(bi);
      assertThat(third.out()).contains("source jira: working again since " + recovered.since()
          + " (it had failed: java.net.ConnectException)\n").contains("okr sync: 1 new check-in written to ");
      String recoveredText = Files.readString(cycle);
      OkrTest.Run fourth = sync();
      assertThat(fourth.code()).isEqualTo(0);
      assertThat(Files.readString(cycle)).isEqualTo(recoveredText);
      assertThat(c3.keyResult("KR-1").orElseThrow().checkIns()).last()
          .extracting(org.okrengine.model.CheckIn::value, org.okrengine.model.CheckIn::source)
          .containsExactly(1.74, "jira");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void failureOnly_noNewCheckIn_healthWrittenAndSaidSo() throws Exception {
    // every value of bi-export already in the cycle: the only change is the failing source
    Files.writeString(dir.resolve("conversion.csv"), "measured_at,trial_to_paid_pct\n2026-07-05T07:21:00Z,7.79\n");
    bind(closedPort());
    OkrTest.Run r = sync();
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).endsWith("okr sync: no new check-in; the sources' health written to " + cycle + "\n");
    assertThat(CycleJson.withDefaults().read(cycle).cycle().sources()).extracting(SourceStatus::name,
        SourceStatus::state).containsExactly(org.assertj.core.groups.Tuple.tuple("bi-export", SourceStatus.State.OK),
        org.assertj.core.groups.Tuple.tuple("jira", SourceStatus.State.FAILING));
    assertThat(List.of(r.err())).containsExactly(
        "okr sync: 1 of 2 sources failed (see above); the others were merged\n");
  }
}
