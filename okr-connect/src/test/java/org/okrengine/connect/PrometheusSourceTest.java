package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.okrengine.model.CheckIn;

/**
 * The prometheus source against a real Prometheus server (Debian's {@code prometheus} package: /usr/bin/prometheus
 * and promtool), started by the test on a database back-filled with promtool from OpenMetrics samples: two series
 * {@code okr_signups{team="growth"}} = h and {@code okr_signups{team="sales"}} = 2 h, where h is the number of
 * hours since 2026-07-01T00:00Z, one sample an hour through July 2026. Skipped, saying so, without the binaries.
 */
class PrometheusSourceTest {
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final Instant JULY_1 = Instant.parse("2026-07-01T00:00:00Z");

  @TempDir
  static Path dir;
  private static Process server;
  private static int port;

  @BeforeAll
  static void startPrometheus() throws Exception {
    assumeTrue(Files.isExecutable(PROMETHEUS) && Files.isExecutable(PROMTOOL),
        "prometheus or promtool is not installed (apt-get install prometheus; .ci/run does): the prometheus "
            + "source's test against a real server is skipped");
    StringBuilder om = new StringBuilder("# TYPE okr_signups gauge\n");
    for (int h = 0; h < 31 * 24; h++) {
      long t = JULY_1.getEpochSecond() + h * 3600L;
      om.append("okr_signups{team=\"growth\"} ").append(h).append(' ').append(t).append('\n');
      om.append("okr_signups{team=\"sales\"} ").append(2 * h).append(' ').append(t).append('\n');
    }
    om.append("# EOF\n");
    Files.writeString(dir.resolve("samples.om"), om);
    Path data = dir.resolve("data");
    run(PROMTOOL.toString(), "tsdb", "create-blocks-from", "openmetrics", dir.resolve("samples.om").toString(),
        data.toString());
    Files.writeString(dir.resolve("prometheus.yml"), "global:\n  scrape_interval: 1m\n");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    server = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + data, "--storage.tsdb.retention.time=100y",
        "--web.listen-address=127.0.0.1:" + port)
        .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
    HttpClient client = HttpClient.newHttpClient();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/-/ready")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > until || !server.isAlive()) {
        throw new IllegalStateException("prometheus did not get ready: " + Files.readString(dir.resolve(
            "prometheus.log")));
      }
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stopPrometheus() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
  }

  private static SourceOutcome sync(String promql, String step) {
    return sync(promql, step, "");
  }

  private static SourceOutcome sync(String promql, String step, String extra) {
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"source\": \"prometheus\", \"kind\": \"prometheus\", \"query\": {\"baseUrl\": \"http://127.0.0.1:" + port
        + "\", \"promql\": \"" + promql.replace("\"", "\\\"") + "\", \"step\": \"" + step + "\"}" + extra + "}]}",
        Path.of("/tmp"));
    return Connector.withDefaults().sync(Fixtures.cycle(), s, Instant.parse("2026-07-05T00:00:00Z")).outcomes()
        .get(0);
  }

  private static double hours(Instant t) {
    return Duration.between(JULY_1, t).toHours();
  }

  @Test
  void queryRange_daily_fromCycleStartToAsOf() {
    SourceOutcome o = sync("okr_signups{team=\"growth\"}", "1d");
    assertThat(o.error()).isNull();
    // evaluated at 22:00Z each day from 2026-06-30 (the cycle's start in Oslo): the first has no sample yet
    Instant d1 = Instant.parse("2026-07-01T22:00:00Z");
    assertThat(o.added()).extracting(CheckIn::at, CheckIn::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple(d1, hours(d1)),
        org.assertj.core.groups.Tuple.tuple(d1.plus(Duration.ofDays(1)), hours(d1) + 24),
        org.assertj.core.groups.Tuple.tuple(d1.plus(Duration.ofDays(2)), hours(d1) + 48),
        org.assertj.core.groups.Tuple.tuple(d1.plus(Duration.ofDays(3)), hours(d1) + 72));
  }

  @Test
  void queryRange_aggregated_andTwoSeriesRefused_andBadQuery() {
    Instant d1 = Instant.parse("2026-07-01T22:00:00Z");
    // growth h plus sales 2 h
    assertThat(sync("sum(okr_signups)", "1d").added()).extracting(CheckIn::value).startsWith(3 * hours(d1));
    assertThat(sync("okr_signups", "1d").error()).isEqualTo("the query gives 2 series; aggregate them to one "
        + "(sum(...), avg(...)) or narrow the labels");
    assertThat(sync("sum(okr_signups", "1d").error()).isEqualTo("HTTP 400 Bad Request from http://127.0.0.1:"
        + port + "/api/v1/query_range");
    // 2026-06-30T22:00Z to 2026-07-05T00:00Z is 98 hours: 98 * 60 + 1 evaluations a minute apart
    assertThat(sync("okr_signups{team=\"growth\"}", "1m", ", \"maxRows\": 5000").error()).isEqualTo((98 * 60 + 1)
        + " steps of 60 s from the cycle's start to as-of are more than 5000 (maxRows); use a longer step");
    List<CheckIn> hourly = sync("okr_signups{team=\"growth\"}", "6h").added();
    // every 6 h from 2026-06-30T22:00Z (no sample yet) to 07-04T22:00Z: 04, 10, 16 and 22 h on each of 1 to 4 July
    assertThat(hourly).hasSize(4 * 4);
    assertThat(hourly.get(0).at()).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
  }
}
