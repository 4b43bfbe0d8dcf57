package org.okrengine.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/*
 * GET {base}/api/v1/query_range?query=...&start=...&end=...&step=... with start the cycle's start and end as-of, both
 * in Unix seconds. Prometheus evaluates the query at start, start + step, ... and answers, for a "matrix", each series
 * with its [time, "value"] pairs; an evaluation without a sample within its lookback (5 minutes by default) is left
 * out, so silence stays silence. More than one series is a failure: which one is the key result's would be a guess.
 * The number of points is capped by maxRows (Prometheus itself refuses more than 11,000 per series). "NaN", "+Inf"
 * and "-Inf" values are left out. A bearer token (credentials.token) or Basic user and password are sent when given.
 */
/** The {@code prometheus} source. Stateless and thread-safe. */
final class PrometheusSource implements Source {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Http.Sleeper sleeper;

  PrometheusSource(Http.Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public List<Observation> fetch(Binding binding, FetchContext context) throws SourceException {
    Query.Prometheus q = (Query.Prometheus) binding.query();
    long points = (context.upTo().getEpochSecond() - context.from().getEpochSecond()) / q.stepSeconds() + 1;
    if (points > binding.limits().maxRows()) {
      throw new SourceException(points + " steps of " + q.stepSeconds() + " s from the cycle's start to as-of are "
          + "more than " + binding.limits().maxRows() + " (maxRows); use a longer step");
    }
    String base = q.baseUrl().toString().replaceAll("/+$", "");
    URI uri = URI.create(base + "/api/v1/query_range?query=" + enc(q.promql()) + "&start="
        + context.from().getEpochSecond() + "&end=" + context.upTo().getEpochSecond() + "&step=" + q.stepSeconds());
    String body = Http.of(binding, context, sleeper).get(uri, headers(context));
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SourceException("the answer from " + Http.where(uri) + " is not JSON");
    }
    if (!"success".equals(root.path("status").asText())) {
      throw new SourceException("Prometheus answered " + root.path("errorType").asText("an error") + ": "
          + root.path("error").asText(""));
    }
    JsonNode result = root.path("data").path("result");
    if (!"matrix".equals(root.path("data").path("resultType").asText()) || !result.isArray()) {
      throw new SourceException("the answer from " + Http.where(uri) + " is not a matrix");
    }
    if (result.size() > 1) {
      throw new SourceException("the query gives " + result.size() + " series; aggregate them to one (sum(...), "
          + "avg(...)) or narrow the labels");
    }
    List<Observation> out = new ArrayList<>();
    for (JsonNode series : result) {
      for (JsonNode pair : series.path("values")) {
        double at = pair.path(0).asDouble(Double.NaN);
        double v;
        try {
          v = Double.parseDouble(pair.path(1).asText(""));
        } catch (NumberFormatException e) {
          throw new SourceException("a value of the answer is not a number: " + pair);
        }
        if (Double.isFinite(at) && Double.isFinite(v)) {
          Instant t = Instant.ofEpochMilli(Math.round(at * 1000));
          if (context.wants(t)) {
            out.add(new Observation(t, binding.value().apply(v)));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, String> headers(FetchContext context) {
    String token = context.credential("token");
    if (token != null) {
      return Map.of("Authorization", "Bearer " + token);
    }
    String user = context.credential("user");
    String password = context.credential("password");
    if (user != null && password != null) {
      return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return Map.of();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
