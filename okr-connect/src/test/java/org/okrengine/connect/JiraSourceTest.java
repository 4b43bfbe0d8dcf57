package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;

/**
 * The jira source against the JDK's HTTP server replaying the answers in src/test/resources/org/okrengine/connect/jira
 * (see the README there for where their shape comes from).
 *
 * <p>The three issues, and the cycle T-1 (starts 2026-07-01 in Europe/Oslo, 2026-06-30T22:00Z), observed weekly up
 * to 2026-07-20T00:00Z: at 06-30T22:00Z, 07-07T22:00Z and 07-14T22:00Z. Times in the answers are +0200.
 * <ul>
 *   <li>DATA-1 (5 points): created 06-20, In Progress 07-03, Done 07-10: done at the third instant only.
 *   <li>DATA-2 (3 points): created 07-02, Done 07-05: not created at the first, done at the second and third.
 *   <li>DATA-3 (8 points, 13 until 07-05): Done 06-25, back to In Review 07-12: done at the first and second.
 * </ul>
 * Count done: 1, 2, 2. Sum of points done, each issue's points as they stood then: 13, 3 + 8 = 11, 5 + 3 = 8 (with
 * DATA-3's current 8 points throughout it would be 8, 11, 8). The points' change is an item with a fieldId in the
 * Cloud answers; in the Data Center ones it has only the field's name, which the search's {@code names} gives.
 */
class JiraSourceTest {
  private static final Instant AS_OF = Instant.parse("2026-07-20T00:00:00Z");
  private static final Instant W0 = Instant.parse("2026-06-30T22:00:00Z");
  private static final Instant W1 = Instant.parse("2026-07-07T22:00:00Z");
  private static final Instant W2 = Instant.parse("2026-07-14T22:00:00Z");

  private HttpServer server;
  private final Map<String, Deque<Answer>> answers = new HashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

  record Answer(int status, String body, String retryAfter) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(path + "?" + exchange.getRequestURI().getQuery());
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      Deque<Answer> q = answers.get(path);
      Answer a = q == null || q.isEmpty() ? new Answer(404, "{\"errorMessages\":[\"not found\"]}", null)
          : q.size() == 1 ? q.peek() : q.poll();
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      if (a.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String fixture(String name) {
    try (InputStream in = JiraSourceTest.class.getResourceAsStream("jira/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void answer(String path, Answer... a) {
    answers.computeIfAbsent(path, k -> new ArrayDeque<>()).addAll(List.of(a));
  }

  private static Answer ok(String fixture) {
    return new Answer(200, fixture(fixture), null);
  }

  private SyncResult sync(String api, String extraQuery, String extra) {
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"source\": \"jira\", \"kind\": \"jira\", \"credentials\": {\"user\": \"JIRA_USER\", \"token\": "
        + "\"JIRA_TOKEN\"}, \"query\": {\"api\": \"" + api + "\", \"baseUrl\": \"http://127.0.0.1:"
        + server.getAddress().getPort() + "\", \"jql\": \"project = DATA\"" + extraQuery + "}" + extra + "}]}",
        Path.of("/tmp"));
    return Connector.withDefaults()
        .withEnvironment(n -> n.equals("JIRA_USER") ? "maria@example.com" : "ATATT-secret-token-42")
        .withSleeper(waits::add)
        .sync(Fixtures.cycle(), s, AS_OF);
  }

  private static List<Object> values(SyncResult r) {
    assertThat(r.outcomes().get(0).error()).isNull();
    return r.outcomes().get(0).added().stream().map(c -> (Object) (c.at() + "=" + c.value())).toList();
  }

  @Test
  void dataCenter_pagesByStartAt_countsDoneWeekByWeek() {
    answer("/rest/api/2/search", ok("dc-search-page-1.json"), ok("dc-search-page-2.json"));
    answer("/rest/api/2/status", ok("status.json"));
    SyncResult r = sync("datacenter", "", "");
    assertThat(values(r)).containsExactly(W0 + "=1.0", W1 + "=2.0", W2 + "=2.0");
    assertThat(r.outcomes().get(0).added()).extracting(CheckIn::source).containsOnly("jira");
    assertThat(requests).containsExactly(
        "/rest/api/2/search?jql=project = DATA&maxResults=100&fields=status,created&expand=changelog&startAt=0",
        "/rest/api/2/search?jql=project = DATA&maxResults=100&fields=status,created&expand=changelog&startAt=2",
        "/rest/api/2/status?null");
    assertThat(authorizations).containsOnly("Basic " + Base64.getEncoder().encodeToString(
        "maria@example.com:ATATT-secret-token-42".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void cloud_pagesByNextPageToken_sumsStoryPoints() {
    answer("/rest/api/3/search/jql", ok("cloud-search-jql-page-1.json"), ok("cloud-search-jql-page-2.json"));
    answer("/rest/api/3/status", ok("status.json"));
    SyncResult r = sync("cloud", ", \"measure\": \"sum\", \"field\": \"customfield_10016\"", "");
    assertThat(values(r)).containsExactly(W0 + "=13.0", W1 + "=11.0", W2 + "=8.0");
    assertThat(requests.get(0)).isEqualTo("/rest/api/3/search/jql?jql=project = DATA&maxResults=100"
        + "&fields=status,created,customfield_10016&expand=changelog,names");
    assertThat(requests.get(1)).endsWith("&nextPageToken=EgQIlMIC");
  }

  @Test
  void dataCenter_sumsStoryPointsAsTheyStood_changeItemsNamedByTheSearchNames() {
    answer("/rest/api/2/search", ok("dc-search-page-1.json"), ok("dc-search-page-2.json"));
    answer("/rest/api/2/status", ok("status.json"));
    SyncResult r = sync("datacenter", ", \"measure\": \"sum\", \"field\": \"customfield_10016\"", "");
    assertThat(values(r)).containsExactly(W0 + "=13.0", W1 + "=11.0", W2 + "=8.0");
    assertThat(requests.get(0)).isEqualTo("/rest/api/2/search?jql=project = DATA&maxResults=100"
        + "&fields=status,created,customfield_10016&expand=changelog,names&startAt=0");
  }

  /**
   * DATA-3's changelog as a server that caps it in a search gives it: its first history of 3 (Jira Cloud's search
   * gives a capped number per issue). The rest comes from /rest/api/3/issue/DATA-3/changelog, shaped as Atlassian's
   * documentation of "Get changelogs" shows it (startAt, maxResults, total, isLast, values).
   */
  @Test
  void changelogCutShortByTheSearch_theWholeOneIsFetched_shortStillFails() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode page2 = (com.fasterxml.jackson.databind.node.ObjectNode)
        m.readTree(fixture("cloud-search-jql-page-2.json"));
    com.fasterxml.jackson.databind.node.ObjectNode log = (com.fasterxml.jackson.databind.node.ObjectNode)
        page2.path("issues").get(0).path("changelog");
    com.fasterxml.jackson.databind.node.ArrayNode all = ((com.fasterxml.jackson.databind.node.ArrayNode)
        log.get("histories")).deepCopy();
    assertThat(all).hasSize(3);
    log.put("maxResults", 1).put("total", 3);
    ((com.fasterxml.jackson.databind.node.ArrayNode) log.get("histories")).remove(2);
    ((com.fasterxml.jackson.databind.node.ArrayNode) log.get("histories")).remove(1);
    String cut = m.writeValueAsString(page2);
    String first = "{\"self\": \"x\", \"maxResults\": 2, \"startAt\": 0, \"total\": 3, \"isLast\": false, "
        + "\"values\": [" + all.get(0) + ", " + all.get(1) + "]}";
    String second = "{\"self\": \"x\", \"maxResults\": 2, \"startAt\": 2, \"total\": 3, \"isLast\": true, "
        + "\"values\": [" + all.get(2) + "]}";
    answer("/rest/api/3/search/jql", ok("cloud-search-jql-page-1.json"), new Answer(200, cut, null));
    answer("/rest/api/3/status", ok("status.json"));
    answer("/rest/api/3/issue/DATA-3/changelog", new Answer(200, first, null), new Answer(200, second, null));
    SyncResult r = sync("cloud", ", \"measure\": \"sum\", \"field\": \"customfield_10016\"", "");
    // the same sums as with the whole changelog in the search (the class's Javadoc): 13, 11, 8
    assertThat(values(r)).containsExactly(W0 + "=13.0", W1 + "=11.0", W2 + "=8.0");
    assertThat(requests).contains("/rest/api/3/issue/DATA-3/changelog?maxResults=100&startAt=0",
        "/rest/api/3/issue/DATA-3/changelog?maxResults=100&startAt=2");

    // a changelog that still comes back short: the binding fails rather than rebuild weeks from part of it
    answers.clear();
    answer("/rest/api/3/search/jql", ok("cloud-search-jql-page-1.json"), new Answer(200, cut, null));
    answer("/rest/api/3/status", ok("status.json"));
    answer("/rest/api/3/issue/DATA-3/changelog", new Answer(200, first.replace("\"isLast\": false", "\"isLast\": true"),
        null));
    SyncResult shortLog = sync("cloud", ", \"measure\": \"sum\", \"field\": \"customfield_10016\"", "");
    assertThat(shortLog.outcomes().get(0).error()).isEqualTo("issue DATA-3: its changelog gave 2 of the 3 changes the"
        + " search counted; its status and value week by week cannot be rebuilt from part of them");
    assertThat(shortLog.outcomes().get(0).added()).isEmpty();
  }

  @Test
  void storyPointsInAChangelog_emptyIsNoEstimate_textIsAnError() throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(JiraSource.points(m.readTree("\"5.5\""), "A-1", "customfield_10016")).isEqualTo(5.5);
    assertThat(JiraSource.points(m.readTree("\"\""), "A-1", "customfield_10016")).isZero();
    assertThat(JiraSource.points(null, "A-1", "customfield_10016")).isZero();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JiraSource.points(m.readTree("\"large\""), "A-1",
        "customfield_10016")).isInstanceOf(SourceException.class)
        .hasMessage("issue A-1: a change of field customfield_10016 in its changelog is not a number: \"large\"");
  }

  @Test
  void inProgressCategory_andMaxPages() {
    answer("/rest/api/2/search", ok("dc-search-page-1.json"), ok("dc-search-page-2.json"));
    answer("/rest/api/2/status", ok("status.json"));
    // indeterminate: DATA-1 from 07-03 to 07-10, DATA-3 from 07-12: 0 at W0, 1 at W1, 1 at W2
    assertThat(values(sync("datacenter", ", \"statusCategory\": \"indeterminate\"", "")))
        .containsExactly(W0 + "=0.0", W1 + "=1.0", W2 + "=1.0");
    answers.clear();
    answer("/rest/api/2/search", ok("dc-search-page-1.json"), ok("dc-search-page-2.json"));
    assertThat(sync("datacenter", "", ", \"maxPages\": 1").outcomes().get(0).error())
        .isEqualTo("more than 1 pages of issues (maxPages)");
  }

  @Test
  void unauthorized_failsAtOnce_withoutTheToken() {
    answer("/rest/api/2/search", new Answer(401, "{\"errorMessages\":[\"You are not authenticated. "
        + "Authentication required to perform this operation.\"],\"errors\":{}}", null));
    String error = sync("datacenter", "", "").outcomes().get(0).error();
    assertThat(error).isEqualTo("HTTP 401 Unauthorized from http://127.0.0.1:" + server.getAddress().getPort()
        + "/rest/api/2/search (check the credentials' environment variables)");
    assertThat(requests).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void basicHeaderEchoedInAnAnswer_redactedInTheErrorAndTheSourcesHealth() {
    // a server that echoes the Authorization header it got (here as the summed field's value): the Base64 of
    // user:token is as secret as the token, and the error goes into the cycle file's sources section
    String basic = Base64.getEncoder().encodeToString(
        "maria@example.com:ATATT-secret-token-42".getBytes(StandardCharsets.UTF_8));
    answer("/rest/api/2/search", new Answer(200, "{\"startAt\": 0, \"maxResults\": 100, \"total\": 1, \"issues\": [{"
        + "\"key\": \"DATA-1\", \"fields\": {\"status\": {\"name\": \"Done\", \"statusCategory\": {\"key\": \"done\"}},"
        + " \"created\": \"2026-06-01T00:00:00.000+0000\", \"customfield_10016\": \"Basic " + basic + "\"}}]}", null));
    SyncResult r = sync("datacenter", ", \"measure\": \"sum\", \"field\": \"customfield_10016\"", "");
    assertThat(r.outcomes().get(0).error())
        .isEqualTo("issue DATA-1: field customfield_10016 is not a number: \"Basic ***\"");
    assertThat(r.health(List.of(), AS_OF).get(0).lastError()).doesNotContain(basic).contains("Basic ***");
  }

  @Test
  void gone_saysToUseTheCloudSearch() {
    answer("/rest/api/2/search", new Answer(410, "{\"errorMessages\":[\"The requested API has been removed. "
        + "Please migrate to the /rest/api/3/search/jql API.\"],\"errors\":{}}", null));
    assertThat(sync("datacenter", "", "").outcomes().get(0).error()).endsWith("/rest/api/2/search (the endpoint "
        + "was removed; for Jira Cloud use \"api\": \"cloud\", /rest/api/3/search/jql)").startsWith("HTTP 410 Gone");
  }

  @Test
  void tooManyRequests_waitsRetryAfter_thenSucceeds() {
    answer("/rest/api/2/search", new Answer(429, "", "2"), new Answer(503, "", null), ok("dc-search-page-1.json"),
        ok("dc-search-page-2.json"));
    answer("/rest/api/2/status", ok("status.json"));
    assertThat(values(sync("datacenter", "", ""))).hasSize(3);
    // Retry-After: 2 seconds, then the backoff of the second try (0.5 s * 2)
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1000));
  }

  @Test
  void serverErrors_retriedThenFail_retryAfterBeyondTimeout_failsAtOnce() {
    answer("/rest/api/2/search", new Answer(502, "<html>Bad Gateway</html>", null));
    assertThat(sync("datacenter", "", ", \"retries\": 2").outcomes().get(0).error()).isEqualTo(
        "HTTP 502 Bad Gateway from http://127.0.0.1:" + server.getAddress().getPort() + "/rest/api/2/search (3 tries)");
    assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    answers.clear();
    waits.clear();
    answer("/rest/api/2/search", new Answer(429, "", "3600"));
    assertThat(sync("datacenter", "", "").outcomes().get(0).error()).endsWith("/rest/api/2/search; Retry-After 3600 "
        + "is beyond the timeout of 30 s");
    assertThat(waits).isEmpty();
  }

  @Test
  void malformedAnswers_fail() {
    answer("/rest/api/2/search", new Answer(200, "<html>login</html>", null));
    assertThat(sync("datacenter", "", "").outcomes().get(0).error()).isEqualTo("the answer from http://127.0.0.1:"
        + server.getAddress().getPort() + "/rest/api/2/search is not JSON");
    answers.clear();
    answer("/rest/api/2/search", new Answer(200, "{\"total\": 0}", null));
    assertThat(sync("datacenter", "", "").outcomes().get(0).error()).endsWith("has no issues array");
  }

  @Test
  void retryAfter_httpDate_andSeconds() {
    assertThat(Http.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(Http.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO); // in the past
    assertThat(Http.retryAfter("soon")).isNull();
  }
}
