package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.json.CycleJson;

/**
 * A thousand key results, each bound to its own Jira Data Center search on the local replay server (two pages and
 * the status list each: 3,000 requests), synced and merged into the cycle's text. The okr-connect issue asks for
 * under 10 s; the bound here is looser so that a loaded build machine does not fail it, and the time measured is in
 * the README.
 */
class ScaleTest {
  static final int KEY_RESULTS = 1000;

  @Test
  void sync_thousandJiraBindings_allMerged() throws IOException {
    byte[] page1 = fixture("dc-search-page-1.json");
    byte[] page2 = fixture("dc-search-page-2.json");
    byte[] status = fixture("status.json");
    AtomicInteger requests = new AtomicInteger();
    // the JDK server otherwise waits for delayed acknowledgements (Nagle) on every small answer: 40 ms each
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      String q = exchange.getRequestURI().getQuery();
      byte[] body = exchange.getRequestURI().getPath().endsWith("/status") ? status
          : q.endsWith("startAt=0") ? page1 : page2;
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
    try {
      StringBuilder cycle = new StringBuilder("{\"format\": \"okr-cycle/1\", \"cycle\": {\"id\": \"S\", \"start\": "
          + "\"2026-07-01\", \"end\": \"2026-09-30\", \"zone\": \"Europe/Oslo\"}, \"teams\": [{\"id\": \"t\", "
          + "\"name\": \"T\"}], \"objectives\": [{\"id\": \"O\", \"title\": \"O\", \"team\": \"t\", \"keyResults\": [");
      StringBuilder sources = new StringBuilder("{\"format\": \"okr-sources/1\", \"bindings\": [");
      for (int i = 0; i < KEY_RESULTS; i++) {
        cycle.append(i == 0 ? "" : ", ").append("{\"id\": \"KR-").append(i).append("\", \"title\": \"K\", "
            + "\"team\": \"t\", \"metric\": {\"baseline\": 0, \"target\": 3, \"direction\": \"increase\"}}");
        sources.append(i == 0 ? "" : ", ").append("{\"keyResult\": \"KR-").append(i).append("\", \"kind\": "
            + "\"jira\", \"query\": {\"api\": \"datacenter\", \"baseUrl\": \"http://127.0.0.1:")
            .append(server.getAddress().getPort()).append("\", \"jql\": \"project = P").append(i).append("\"}}");
      }
      String text = cycle.append("]}]}").toString();
      OkrCycle parsed = CycleJson.withDefaults().read(text).cycle();
      Sources s = SourcesJson.read(sources.append("]}").toString(), Path.of("/tmp"));

      long start = System.nanoTime();
      SyncResult r = Connector.withDefaults().sync(parsed, s, Instant.parse("2026-07-20T00:00:00Z"));
      String merged = CycleDocument.withCheckIns(text, r.additions());
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(r.failed()).isZero();
      assertThat(r.addedCount()).isEqualTo(KEY_RESULTS * 3); // three weekly values each (JiraSourceTest)
      assertThat(requests.get()).isEqualTo(KEY_RESULTS * 3);
      assertThat(CycleJson.withDefaults().read(merged).cycle().keyResults().stream()
          .mapToInt(k -> k.checkIns().size()).sum()).isEqualTo(KEY_RESULTS * 3);
      assertThat(seconds).as("seconds to sync %d key results", KEY_RESULTS).isLessThan(60);
      System.out.printf("ScaleTest: %d key results, %d requests, %d check-ins in %.2f s%n", KEY_RESULTS,
          requests.get(), r.addedCount(), seconds);
    } finally {
      server.stop(0);
    }
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = ScaleTest.class.getResourceAsStream("jira/" + name)) {
      return in.readAllBytes();
    }
  }
}
