package org.okrengine.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.okrengine.model.CheckIn;

/**
 * The http-json source and its presets against the JDK's HTTP server. The answers are shaped as the vendors'
 * documentation shows them (labelled at each), with numbers of our own; no public recordings were used.
 */
class HttpJsonSourceTest {
  private static final Instant AS_OF = Instant.parse("2026-08-01T00:00:00Z");

  /** Salesforce, "OAuth 2.0 Client Credentials Flow for Server-to-Server Integration": the token response. */
  private static final String SF_TOKEN = """
      {"access_token": "00DB0000000TfcR!AQQAQFhoK8vTMg_rKA.esrJ2bCs.OOIjJgl.9Cx6O7KqjZmHMLOyVb.U61BU9tm4xRusf7",
       "signature": "d/SxeYBxH0GSVko0HMgcUxuZy0PA2cDDz1u7g7JtDHw=", "scope": "api",
       "instance_url": "https://yourInstance.my.salesforce.com",
       "id": "https://login.salesforce.com/id/00DB0000000TfcRMAS/005B0000005Bk90IAC",
       "token_type": "Bearer", "issued_at": "1558553873237"}
      """;
  /** Salesforce REST API Developer Guide, "Execute a SOQL Query": a COUNT() query answers totalSize, no records. */
  private static final String SF_COUNT = "{\"totalSize\": 14, \"done\": true, \"records\": []}";
  /** The same guide: an aggregate query answers AggregateResult records with expr0. */
  private static final String SF_SUM = """
      {"totalSize": 1, "done": true,
       "records": [{"attributes": {"type": "AggregateResult"}, "expr0": 1234500.0}]}
      """;
  /** HubSpot CRM API, "Search the CRM": total, results and paging.next.after. */
  private static final String HS_SEARCH = """
      {"total": 42, "results": [{"id": "512", "properties": {"dealname": "Acme renewal", "dealstage": "closedwon",
       "createdate": "2026-07-02T09:00:00.000Z", "hs_object_id": "512"}, "createdAt": "2026-07-02T09:00:00.000Z",
       "updatedAt": "2026-07-20T09:00:00.000Z", "archived": false}], "paging": {"next": {"after": "1"}}}
      """;

  private HttpServer server;
  private final Map<String, String> answers = new HashMap<>();
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
          + (exchange.getRequestURI().getQuery() == null ? "" : "?" + exchange.getRequestURI().getQuery())
          + " auth=" + exchange.getRequestHeaders().getFirst("Authorization") + " body=" + body);
      String a = answers.get(exchange.getRequestURI().getPath());
      byte[] out = (a == null ? "{\"message\": \"not found\"}" : a).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(a == null ? 404 : 200, out.length);
      try (OutputStream o = exchange.getResponseBody()) {
        o.write(out);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private SourceOutcome sync(String query, String credentials) {
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-2\", "
        + "\"source\": \"crm\", \"kind\": \"http-json\", \"query\": {" + query + "}, \"credentials\": {"
        + credentials + "}}]}", Path.of("/tmp"));
    Map<String, String> env = Map.of("SF_ID", "3MVG9-client-id", "SF_SECRET", "sf-secret-99", "HS_TOKEN",
        "pat-na1-hs-secret");
    return Connector.withDefaults().withEnvironment(env::get).withSleeper(d -> { })
        .sync(Fixtures.cycle(), s, AS_OF).outcomes().get(0);
  }

  @Test
  void salesforce_clientCredentialsThenSoql_totalSize() {
    answers.put("/services/oauth2/token", SF_TOKEN);
    answers.put("/services/data/v62.0/query", SF_COUNT);
    SourceOutcome o = sync("\"preset\": \"salesforce\", \"instanceUrl\": \"" + base() + "\", \"soql\": "
        + "\"SELECT COUNT() FROM Opportunity WHERE IsWon = true\"", "\"clientId\": \"SF_ID\", "
        + "\"clientSecret\": \"SF_SECRET\"");
    assertThat(o.error()).isNull();
    assertThat(o.added()).containsExactly(new CheckIn(AS_OF, 14, null, null, List.of(), "crm"));
    assertThat(seen).containsExactly(
        "POST /services/oauth2/token auth=null body=grant_type=client_credentials&client_id=3MVG9-client-id"
            + "&client_secret=sf-secret-99",
        "GET /services/data/v62.0/query?q=SELECT COUNT() FROM Opportunity WHERE IsWon = true auth=Bearer "
            + "00DB0000000TfcR!AQQAQFhoK8vTMg_rKA.esrJ2bCs.OOIjJgl.9Cx6O7KqjZmHMLOyVb.U61BU9tm4xRusf7 body=");
  }

  @Test
  void salesforce_aggregate_byPointer_scaled() {
    answers.put("/services/oauth2/token", SF_TOKEN);
    answers.put("/services/data/v61.0/query", SF_SUM);
    Sources s = SourcesJson.read("{\"format\": \"okr-sources/1\", \"bindings\": [{\"keyResult\": \"KR-1\", "
        + "\"kind\": \"http-json\", \"value\": {\"scale\": 0.000001}, \"query\": {\"preset\": \"salesforce\", "
        + "\"instanceUrl\": \"" + base() + "\", \"apiVersion\": \"v61.0\", \"soql\": \"SELECT SUM(Amount) FROM "
        + "Opportunity WHERE IsWon = true\", \"pointer\": \"/records/0/expr0\"}, \"credentials\": {\"clientId\": "
        + "\"SF_ID\", \"clientSecret\": \"SF_SECRET\"}}]}", Path.of("/tmp"));
    SourceOutcome o = Connector.withDefaults().withEnvironment(n -> "x").sync(Fixtures.cycle(), s, AS_OF)
        .outcomes().get(0);
    // 1234500.0 EUR * 0.000001 = 1.2345 M EUR
    assertThat(o.added()).extracting(CheckIn::value).containsExactly(1234500.0 * 0.000001);
  }

  @Test
  void hubspot_crmSearch_total() {
    answers.put("/crm/v3/objects/deals/search", HS_SEARCH);
    SourceOutcome o = sync("\"preset\": \"hubspot\", \"baseUrl\": \"" + base() + "\", \"object\": \"deals\", "
        + "\"filters\": [{\"propertyName\": \"dealstage\", \"operator\": \"EQ\", \"value\": \"closedwon\"}]",
        "\"token\": \"HS_TOKEN\"");
    assertThat(o.added()).extracting(CheckIn::value).containsExactly(42.0);
    assertThat(seen).containsExactly("POST /crm/v3/objects/deals/search auth=Bearer pat-na1-hs-secret body="
        + "{\"filterGroups\":[{\"filters\":[{\"propertyName\":\"dealstage\",\"operator\":\"EQ\",\"value\":"
        + "\"closedwon\"}]}],\"limit\":1}");
  }

  @Test
  void plain_getOrPost_pointer_andFailures() {
    answers.put("/metrics", "{\"data\": {\"active\": \"17.5\", \"name\": \"x\"}}");
    assertThat(sync("\"url\": \"" + base() + "/metrics\", \"pointer\": \"/data/active\"", "").added())
        .extracting(CheckIn::value).containsExactly(17.5);
    assertThat(sync("\"url\": \"" + base() + "/metrics\", \"pointer\": \"/data/name\"", "").error())
        .isEqualTo("the answer from " + base() + "/metrics has no number at /data/name: \"x\"");
    assertThat(sync("\"url\": \"" + base() + "/metrics\", \"pointer\": \"/nothing\", \"body\": {\"q\": 1}", "")
        .error()).isEqualTo("the answer from " + base() + "/metrics has no number at /nothing");
    assertThat(seen.get(seen.size() - 1)).isEqualTo("POST /metrics auth=null body={\"q\":1}");
    assertThat(sync("\"url\": \"" + base() + "/gone\", \"pointer\": \"/x\"", "").error())
        .isEqualTo("HTTP 404 Not Found from " + base() + "/gone");
    assertThat(sync("\"preset\": \"hubspot\", \"baseUrl\": \"" + base() + "\", \"object\": \"deals\"", "").error())
        .isEqualTo("needs credentials.token (the name of its environment variable)");
  }

  @Test
  void badQueries_listed() {
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(InvalidSourcesException.class,
        () -> SourcesJson.read("""
            {"format": "okr-sources/1", "bindings": [
              {"keyResult": "A", "kind": "http-json", "query": {"url": "https://x.example/m", "pointer": "data"}},
              {"keyResult": "B", "kind": "http-json", "query": {"preset": "stripe"}},
              {"keyResult": "C", "kind": "http-json", "query": {"preset": "hubspot", "object": "deals; drop",
               "filters": {}}},
              {"keyResult": "D", "kind": "http-json", "query": {"preset": "salesforce",
               "instanceUrl": "https://acme.my.salesforce.com", "soql": "SELECT COUNT() FROM Lead",
               "apiVersion": "62"}}
            ]}
            """, Path.of("/tmp"))).problems()).hasToString("[bindings[0].query.pointer: must be a JSON Pointer "
        + "starting with /: \"data\", bindings[1].query.preset: must be salesforce or hubspot: \"stripe\", "
        + "bindings[2].query.object: must be a CRM object name such as deals: \"deals; drop\", "
        + "bindings[2].query.filters: must be an array of HubSpot search filters: {}, "
        + "bindings[3].query.apiVersion: must look like v62.0: \"62\"]");
  }
}
