package org.okrengine.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/*
 * Jira's search answers the issues as they are now; the value week by week is rebuilt from each issue's changelog.
 * An issue counts at instant t when it was created by t and its status at t is in the bound status category: the
 * status set by the last status change at or before t, or, before its first change, the status that change left
 * (fromString), or, without changes, its current status. A status's category comes from the issues' current
 * statuses (status.statusCategory.key); a status met only in changelogs is looked up in /rest/api/{2|3}/status,
 * fetched once when needed. The sum measure adds, over the issues counted at t, the field's value at t, rebuilt from
 * the same changelogs as the status: the value set by the last change of the field at or before t, or, before its
 * first change, the value that change replaced (fromString; empty for no estimate, which adds 0), or, without
 * changes, its current value. A change item is the field's when its fieldId is the configured field, or, on servers
 * whose items carry no fieldId, when its field is the name the search's "names" (expand=names) gives the configured
 * field. Observations fall on the cycle's start and every 7 days after it, up to as-of.
 *
 * Data Center pages with startAt and total; Cloud's /rest/api/3/search/jql with nextPageToken (and isLast), having no
 * total. Both stop at maxPages pages or maxRows issues, failing rather than truncating a count. An issue whose
 * changelog the search gives only in part (changelog.total above the histories given; Cloud caps it) has its whole
 * changelog fetched from /rest/api/{2|3}/issue/KEY/changelog, paged by startAt (values, isLast, total), within the
 * same maxPages; a changelog that still comes back short fails the binding rather than rebuild weeks from part of it.
 */
/** The {@code jira} source. Stateless and thread-safe. */
final class JiraSource implements Source {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int PAGE = 100;
  private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ",
      Locale.ROOT);
  private final Http.Sleeper sleeper;

  JiraSource(Http.Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  /**
   * One issue as needed: created, the current status and category, status changes in time order, the summed field's
   * current value, and its changes in time order ({@code valueAt}, the value before the first one, the value each set).
   */
  record Issue(String key, Instant created, String status, List<Instant> changedAt, List<String> from,
      List<String> to, double value, List<Instant> valueAt, double valueBefore, List<Double> valueTo) {
    Issue(String key, Instant created, String status, List<Instant> changedAt, List<String> from, List<String> to,
        double value) {
      this(key, created, status, changedAt, from, to, value, List.of(), value, List.of());
    }

    /** The summed field's value at {@code t}. */
    double valueAt(Instant t) {
      if (valueAt.isEmpty()) {
        return value;
      }
      double v = valueBefore;
      for (int i = 0; i < valueAt.size() && !valueAt.get(i).isAfter(t); i++) {
        v = valueTo.get(i);
      }
      return v;
    }

    String statusAt(Instant t) {
      String s = changedAt.isEmpty() ? status : from.get(0);
      for (int i = 0; i < changedAt.size() && !changedAt.get(i).isAfter(t); i++) {
        s = to.get(i);
      }
      return s;
    }
  }

  @Override
  public List<Observation> fetch(Binding binding, FetchContext context) throws SourceException {
    Query.Jira q = (Query.Jira) binding.query();
    Http http = Http.of(binding, context, sleeper);
    Map<String, String> headers = headers(context);
    Map<String, String> categories = new HashMap<>();
    List<Issue> issues = search(http, headers, q, binding.limits(), categories);
    boolean looked = false;
    for (Issue i : issues) {
      for (String s : i.to()) {
        if (!categories.containsKey(s) && !looked) {
          statuses(http, headers, q, categories);
          looked = true;
        }
      }
      if (!i.from().isEmpty() && !categories.containsKey(i.from().get(0)) && !looked) {
        statuses(http, headers, q, categories);
        looked = true;
      }
    }
    List<Observation> out = new ArrayList<>();
    for (Instant t = context.from(); !t.isAfter(context.upTo());
        t = t.atZone(context.zone()).plusDays(7).toInstant()) {
      double v = 0;
      for (Issue i : issues) {
        if (!i.created().isAfter(t) && q.statusCategory().equals(categories.get(i.statusAt(t)))) {
          v += q.sumField() == null ? 1 : i.valueAt(t);
        }
      }
      out.add(new Observation(t, binding.value().apply(v)));
    }
    return out;
  }

  static Map<String, String> headers(FetchContext context) {
    String user = context.credential("user");
    String token = context.credential("token");
    if (token == null) {
      return Map.of();
    }
    if (user == null) {
      return Map.of("Authorization", "Bearer " + token);
    }
    return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + token).getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Issue> search(Http http, Map<String, String> headers, Query.Jira q, Limits limits,
      Map<String, String> categories) throws SourceException {
    List<Issue> issues = new ArrayList<>();
    String fields = "status,created" + (q.sumField() == null ? "" : "," + q.sumField());
    String base = q.baseUrl().toString().replaceAll("/+$", "");
    // with a summed field, the search also names the fields, so that change items without a fieldId can be matched
    String common = "jql=" + enc(q.jql()) + "&maxResults=" + PAGE + "&fields=" + enc(fields) + "&expand="
        + (q.sumField() == null ? "changelog" : enc("changelog,names"));
    String[] fieldName = {null};
    int startAt = 0;
    String token = null;
    for (int page = 0; ; page++) {
      if (page >= limits.maxPages()) {
        throw new SourceException("more than " + limits.maxPages() + " pages of issues (maxPages)");
      }
      URI uri = URI.create(q.cloud()
          ? base + "/rest/api/3/search/jql?" + common + (token == null ? "" : "&nextPageToken=" + enc(token))
          : base + "/rest/api/2/search?" + common + "&startAt=" + startAt);
      JsonNode body = json(http.get(uri, headers), uri);
      JsonNode list = body.path("issues");
      if (!list.isArray()) {
        throw new SourceException("the answer from " + Http.where(uri) + " has no issues array");
      }
      if (fieldName[0] == null && q.sumField() != null && body.path("names").path(q.sumField()).isTextual()) {
        fieldName[0] = body.path("names").path(q.sumField()).asText();
      }
      for (JsonNode i : list) {
        issues.add(issue(i, q, categories, fieldName[0], key -> changelog(http, headers, q, limits, key)));
        if (issues.size() > limits.maxRows()) {
          throw new SourceException("more than " + limits.maxRows() + " issues (maxRows)");
        }
      }
      if (q.cloud()) {
        JsonNode next = body.get("nextPageToken");
        if (next == null || next.isNull() || body.path("isLast").asBoolean(false) || list.isEmpty()) {
          return issues;
        }
        token = next.asText();
      } else {
        startAt += list.size();
        if (list.isEmpty() || startAt >= body.path("total").asInt(0)) {
          return issues;
        }
      }
    }
  }

  private static void statuses(Http http, Map<String, String> headers, Query.Jira q, Map<String, String> categories)
      throws SourceException {
    String base = q.baseUrl().toString().replaceAll("/+$", "");
    URI uri = URI.create(base + (q.cloud() ? "/rest/api/3/status" : "/rest/api/2/status"));
    JsonNode list = json(http.get(uri, headers), uri);
    for (JsonNode s : list) {
      String key = s.path("statusCategory").path("key").asText(null);
      if (s.hasNonNull("name") && key != null) {
        categories.putIfAbsent(s.get("name").asText(), key);
      }
    }
  }

  /** Fetches an issue's whole changelog: its histories, oldest first as Jira lists them. */
  interface Changelog {
    List<JsonNode> of(String key) throws SourceException;
  }

  /** The whole changelog of issue {@code key}, paged by startAt. */
  private static List<JsonNode> changelog(Http http, Map<String, String> headers, Query.Jira q, Limits limits,
      String key) throws SourceException {
    String base = q.baseUrl().toString().replaceAll("/+$", "") + (q.cloud() ? "/rest/api/3" : "/rest/api/2")
        + "/issue/" + enc(key) + "/changelog?maxResults=" + PAGE + "&startAt=";
    List<JsonNode> all = new ArrayList<>();
    for (int page = 0; ; page++) {
      if (page >= limits.maxPages()) {
        throw new SourceException("issue " + key + ": more than " + limits.maxPages()
            + " pages of changelog (maxPages)");
      }
      URI uri = URI.create(base + all.size());
      JsonNode body = json(http.get(uri, headers), uri);
      JsonNode values = body.path("values");
      if (!values.isArray()) {
        throw new SourceException("the answer from " + Http.where(uri) + " has no values array");
      }
      values.forEach(all::add);
      long total = body.path("total").asLong(-1);
      if (values.isEmpty() || body.path("isLast").asBoolean(false) || total >= 0 && all.size() >= total) {
        return all;
      }
    }
  }

  private static Issue issue(JsonNode i, Query.Jira q, Map<String, String> categories, String fieldName,
      Changelog changelog) throws SourceException {
    String key = i.path("key").asText("?");
    JsonNode fields = i.path("fields");
    String status = fields.path("status").path("name").asText(null);
    JsonNode cat = fields.path("status").path("statusCategory");
    // some servers and recordings give the category's name only
    String category = cat.path("key").asText(switch (cat.path("name").asText("")) {
      case "To Do" -> "new";
      case "In Progress" -> "indeterminate";
      case "Done" -> "done";
      default -> null;
    });
    if (status == null) {
      throw new SourceException("issue " + key + " has no fields.status.name");
    }
    if (category != null) {
      categories.putIfAbsent(status, category);
    }
    Instant created = time(fields.path("created").asText(null), key + " fields.created");
    List<Instant[]> order = new ArrayList<>();
    List<String[]> moves = new ArrayList<>();
    List<Instant> valueOrder = new ArrayList<>();
    List<double[]> valueMoves = new ArrayList<>();
    // a server may cap the changelog a search gives (Cloud does); rebuilt from part of the changes, the status and
    // value at an instant would be silently wrong, so the whole changelog is fetched, and a short one fails
    List<JsonNode> histories = new ArrayList<>();
    i.path("changelog").path("histories").forEach(histories::add);
    JsonNode total = i.path("changelog").path("total");
    if (total.isIntegralNumber() && total.asLong() > histories.size()) {
      histories = changelog.of(key);
      if (total.asLong() > histories.size()) {
        throw new SourceException("issue " + key + ": its changelog gave " + histories.size() + " of the "
            + total.asLong() + " changes the search counted; its status and value week by week cannot be rebuilt "
            + "from part of them");
      }
    }
    for (JsonNode h : histories) {
      for (JsonNode item : h.path("items")) {
        if (q.sumField() != null && (item.has("fieldId") ? q.sumField().equals(item.path("fieldId").asText())
            : fieldName != null && fieldName.equals(item.path("field").asText()))) {
          valueOrder.add(time(h.path("created").asText(null), key + " changelog created"));
          valueMoves.add(new double[] {points(item.get("fromString"), key, q.sumField()),
              points(item.get("toString"), key, q.sumField())});
        }
        if ("status".equals(item.path("field").asText())) {
          order.add(new Instant[] {time(h.path("created").asText(null), key + " changelog created")});
          moves.add(new String[] {item.path("fromString").asText(null), item.path("toString").asText(null)});
        }
      }
    }
    Integer[] idx = new Integer[order.size()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = k;
    }
    java.util.Arrays.sort(idx, (a, b) -> order.get(a)[0].compareTo(order.get(b)[0]));
    List<Instant> at = new ArrayList<>();
    List<String> from = new ArrayList<>();
    List<String> to = new ArrayList<>();
    for (Integer k : idx) {
      at.add(order.get(k)[0]);
      from.add(moves.get(k)[0]);
      to.add(moves.get(k)[1]);
    }
    double value = 0;
    if (q.sumField() != null) {
      JsonNode v = fields.get(q.sumField());
      if (v != null && !v.isNull()) {
        if (!v.isNumber()) {
          throw new SourceException("issue " + key + ": field " + q.sumField() + " is not a number: " + v);
        }
        value = v.doubleValue();
      }
    }
    Integer[] vidx = new Integer[valueOrder.size()];
    for (int k = 0; k < vidx.length; k++) {
      vidx[k] = k;
    }
    java.util.Arrays.sort(vidx, (a, b) -> valueOrder.get(a).compareTo(valueOrder.get(b)));
    List<Instant> valueAt = new ArrayList<>();
    List<Double> valueTo = new ArrayList<>();
    for (Integer k : vidx) {
      valueAt.add(valueOrder.get(k));
      valueTo.add(valueMoves.get(k)[1]);
    }
    double before = vidx.length == 0 ? value : valueMoves.get(vidx[0])[0];
    return new Issue(key, created, status, at, from, to, value, valueAt, before, valueTo);
  }

  /** A changelog's value of the summed field: its text as a number, 0 when empty (no estimate). */
  static double points(JsonNode text, String key, String field) throws SourceException {
    String s = text == null || text.isNull() ? "" : text.asText().strip();
    if (s.isEmpty()) {
      return 0;
    }
    try {
      double v = Double.parseDouble(s);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SourceException("issue " + key + ": a change of field " + field + " in its changelog is not a number: \""
        + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"");
  }

  static Instant time(String s, String what) throws SourceException {
    if (s == null) {
      throw new SourceException(what + " is missing");
    }
    try {
      return ZonedDateTime.parse(s, JIRA_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e2) {
        throw new SourceException(what + " is not a Jira time: \"" + s + "\"");
      }
    }
  }

  private static JsonNode json(String body, URI uri) throws SourceException {
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SourceException("the answer from " + Http.where(uri) + " is not JSON");
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
