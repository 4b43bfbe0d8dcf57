package org.okrengine.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/*
 * One number per sync, observed at as-of: the APIs these presets serve answer the state now, not a history.
 * Salesforce: an OAuth 2.0 client-credentials token from {instance}/services/oauth2/token (client id and secret from
 * the environment, form-encoded in the body, never in the URL), then GET {instance}/services/data/{version}/query?q=
 * SOQL with the bearer token; COUNT() queries answer totalSize (the default pointer), aggregates answer
 * records[0].expr0 (pointer /records/0/expr0). totalSize counts every match whatever the page size, so no page after
 * the first is fetched. HubSpot: POST {base}/crm/v3/objects/{object}/search with the filters in one filter group and
 * limit 1, bearer token (a private app's); the answer's total counts every match, again without paging.
 */
/** The {@code http-json} source, with the Salesforce and HubSpot presets. Stateless and thread-safe. */
final class HttpJsonSource implements Source {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Http.Sleeper sleeper;

  HttpJsonSource(Http.Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public List<Observation> fetch(Binding binding, FetchContext context) throws SourceException {
    Query.HttpJson q = (Query.HttpJson) binding.query();
    Http http = Http.of(binding, context, sleeper);
    String body;
    switch (q.preset()) {
      case "salesforce" -> {
        String token = salesforceToken(http, q.url(), context);
        URI uri = URI.create(q.url() + "?q=" + enc(q.body()));
        body = http.get(uri, Map.of("Authorization", "Bearer " + token));
      }
      case "hubspot" -> {
        String token = require(context, "token");
        ObjectNode search = MAPPER.createObjectNode();
        search.putArray("filterGroups").addObject().set("filters", parse(q.body(), q.url()));
        search.put("limit", 1);
        body = http.post(q.url(), Map.of("Authorization", "Bearer " + token), search.toString(),
            "application/json");
      }
      default -> {
        String token = context.credential("token");
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        body = q.body() == null ? http.get(q.url(), headers) : http.post(q.url(), headers, q.body(), "application/json");
      }
    }
    JsonNode v = parse(body, q.url()).at(q.pointer());
    if (!v.isNumber() && !(v.isTextual() && isNumber(v.textValue()))) {
      throw new SourceException("the answer from " + Http.where(q.url()) + " has no number at " + q.pointer()
          + (v.isMissingNode() ? "" : ": " + abbreviate(v.toString())));
    }
    double raw = v.isNumber() ? v.doubleValue() : Double.parseDouble(v.textValue());
    return List.of(new Observation(context.upTo(), binding.value().apply(raw)));
  }

  private static String salesforceToken(Http http, URI query, FetchContext context) throws SourceException {
    String id = require(context, "clientId");
    String secret = require(context, "clientSecret");
    String instance = query.toString().substring(0, query.toString().indexOf("/services/data/"));
    URI tokenUri = URI.create(instance + "/services/oauth2/token");
    String form = "grant_type=client_credentials&client_id=" + enc(id) + "&client_secret=" + enc(secret);
    JsonNode answer = parse(http.post(tokenUri, Map.of(), form, "application/x-www-form-urlencoded"), tokenUri);
    JsonNode token = answer.get("access_token");
    if (token == null || !token.isTextual()) {
      throw new SourceException("the answer from " + Http.where(tokenUri) + " has no access_token");
    }
    return token.textValue();
  }

  private static String require(FetchContext context, String name) throws SourceException {
    String v = context.credential(name);
    if (v == null) {
      throw new SourceException("needs credentials." + name + " (the name of its environment variable)");
    }
    return v;
  }

  private static JsonNode parse(String body, URI uri) throws SourceException {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SourceException("the answer from " + Http.where(uri) + " is not JSON");
    }
  }

  private static boolean isNumber(String s) {
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
