package org.okrengine.connect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.okrengine.model.Problem;
import org.okrengine.model.internal.Checks;

/**
 * Reads {@code okr-sources/1} documents (specified in {@code docs/FORMAT.md}). Stateless and thread-safe.
 *
 * <p>Reading checks the whole document and lists every problem with its JSON path and value
 * ({@code bindings[1].timeoutSeconds: must be within 1..600: 0}); unknown fields are errors, so that a misspelt
 * limit is not silently ignored. Credentials are names of environment variables; a URL that holds a user or
 * password, or a JDBC URL with a password, is refused.
 */
public final class SourcesJson {
  /** The format this class reads. */
  public static final String FORMAT = "okr-sources/1";

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> ROOT = Set.of("format", "bindings");
  private static final Set<String> BINDING = Set.of("keyResult", "source", "kind", "query", "value", "credentials",
      "timeoutSeconds", "retries", "maxRows", "maxPages", "proxy", "trustStore");
  private static final Set<String> CSV = Set.of("file", "url", "timeColumn", "valueColumn", "dateFormat", "zone",
      "delimiter");
  private static final Set<String> SQL = Set.of("url", "sql", "shape", "parameters");
  private static final Set<String> JIRA = Set.of("api", "baseUrl", "jql", "statusCategory", "measure", "field");
  private static final Set<String> HTTP_JSON = Set.of("preset", "url", "body", "pointer", "instanceUrl", "soql",
      "apiVersion", "baseUrl", "object", "filters");
  private static final Set<String> VALUE = Set.of("scale", "offset");
  private static final Set<String> PROXY = Set.of("host", "port");
  private static final Set<String> TRUST = Set.of("path", "type", "passwordEnv");
  private static final List<String> KINDS = List.of("csv", "sql", "jira", "http-json", "prometheus");
  private static final Set<String> PROMETHEUS = Set.of("baseUrl", "promql", "step");
  private static final Pattern STEP = Pattern.compile("(\\d{1,6})([mhdw])");
  private static final Pattern API_VERSION = Pattern.compile("v\\d{2,3}\\.\\d");
  private static final Pattern OBJECT = Pattern.compile("[A-Za-z0-9_]+");

  private SourcesJson() {}

  /**
   * Reads the sources file {@code file}; relative names in it resolve against its folder.
   *
   * @throws InvalidSourcesException listing every problem; bytes that are not UTF-8 are one at their line and column
   * @throws IOException when the file cannot be read
   */
  public static Sources read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Path folder = file.toAbsolutePath().getParent();
    return read(utf8(bytes), folder);
  }

  /** {@code bytes} as UTF-8 text, strictly: a malformed or truncated sequence is a problem at its line and column. */
  static String utf8(byte[] bytes) {
    java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    java.nio.charset.CoderResult r = d.decode(in, out, true);
    if (!r.isError()) {
      r = d.flush(out);
    }
    if (r.isError()) {
      int at = in.position();
      out.flip();
      String before = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      StringBuilder hex = new StringBuilder();
      for (int i = at; i < Math.min(bytes.length, at + Math.max(1, r.length())); i++) {
        hex.append(hex.length() == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%02X", bytes[i] & 0xff));
      }
      throw new InvalidSourcesException(List.of(new Problem("line " + line + ", column "
          + (before.length() - lineStart + 1), "invalid UTF-8: bytes " + hex)));
    }
    out.flip();
    String s = out.toString();
    return s.startsWith("\ufeff") ? s.substring(1) : s;
  }

  /**
   * Reads an {@code okr-sources/1} document whose relative names resolve against {@code folder}.
   *
   * @throws InvalidSourcesException listing every problem
   */
  public static Sources read(String json, Path folder) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      // as the other readers word it: Jackson's first line, starting in lower case
      String m = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("malformed json").strip();
      m = m.isEmpty() ? "malformed json" : m.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + m.substring(1);
      throw new InvalidSourcesException(List.of(new Problem(where, m)));
    }
    if (root == null || !root.isObject()) {
      throw new InvalidSourcesException(List.of(new Problem("", "must be a JSON object")));
    }
    unpairedSurrogates(root, "", problems);
    if (!problems.isEmpty()) {
      // such text breaks what is made of it (a path, a URL), so the fields are not judged one by one
      throw new InvalidSourcesException(problems);
    }
    Reader r = new Reader(problems, folder);
    JsonNode format = root.get("format");
    if (format == null || !format.isTextual() || !format.textValue().equals(FORMAT)) {
      problems.add(new Problem("format", "must be \"" + FORMAT + "\": " + (format == null ? "missing" : format)));
      throw new InvalidSourcesException(problems);
    }
    r.unknown(root, "", ROOT);
    List<Binding> bindings = new ArrayList<>();
    JsonNode list = root.get("bindings");
    if (list == null || !list.isArray()) {
      problems.add(new Problem("bindings", "must be an array: " + (list == null ? "missing" : list)));
    } else {
      for (int i = 0; i < list.size(); i++) {
        Binding b = r.binding(list.get(i), "bindings[" + i + "]");
        if (b != null) {
          bindings.add(b);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidSourcesException(problems);
    }
    return new Sources(folder, bindings);
  }

  /**
   * Records every string under {@code node} holding a surrogate that is not half of a pair, which no
   * UTF-8 text can hold (<code>bindings[0].keyResult: contains an unpaired surrogate (&#92;ud800)</code>), as the other
   * readers do. Iterative: the depth is Jackson's to bound.
   */
  private static void unpairedSurrogates(JsonNode root, String rootPath, List<Problem> problems) {
    Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
    todo.push(Map.entry(rootPath, root));
    List<Problem> found = new ArrayList<>();
    while (!todo.isEmpty()) {
      Map.Entry<String, JsonNode> e = todo.pop();
      String p = e.getKey();
      JsonNode n = e.getValue();
      if (n.isTextual()) {
        String bad = Checks.unpairedSurrogateProblem(n.textValue());
        if (bad != null) {
          found.add(new Problem(p, bad));
        }
      } else if (n.isArray()) {
        for (int i = n.size() - 1; i >= 0; i--) {
          todo.push(Map.entry(p + "[" + i + "]", n.get(i)));
        }
      } else if (n.isObject()) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : n.properties()) {
          // a name with one Jackson refuses as malformed
          fields.add(Map.entry(p.isEmpty() ? f.getKey() : p + "." + f.getKey(), f.getValue()));
        }
        for (int i = fields.size() - 1; i >= 0; i--) {
          todo.push(fields.get(i));
        }
      }
    }
    problems.addAll(found);
  }

  /** Reads one document's parts, collecting problems. */
  private static final class Reader {
    private final List<Problem> problems;
    private final Path folder;

    Reader(List<Problem> problems, Path folder) {
      this.problems = problems;
      this.folder = folder;
    }

    Binding binding(JsonNode b, String p) {
      if (!b.isObject()) {
        problems.add(new Problem(p, "must be an object: " + b));
        return null;
      }
      int before = problems.size();
      unknown(b, p, BINDING);
      String keyResult = text(b, p, "keyResult", true);
      String kind = text(b, p, "kind", true);
      if (kind != null && !KINDS.contains(kind)) {
        problems.add(new Problem(p + ".kind", "unknown kind \"" + kind + "\" (expected one of: "
            + String.join(", ", KINDS) + ")"));
        kind = null;
      }
      String source = text(b, p, "source", false);
      Query query = null;
      JsonNode q = b.get("query");
      if (q == null || !q.isObject()) {
        problems.add(new Problem(p + ".query", "must be an object: " + (q == null ? "missing" : q)));
      } else if (kind != null) {
        query = switch (kind) {
          case "csv" -> csv(q, p + ".query");
          case "sql" -> sql(q, p + ".query");
          case "http-json" -> httpJson(q, p + ".query");
          case "prometheus" -> prometheus(q, p + ".query");
          default -> jira(q, p + ".query");
        };
      }
      ValueMapping value = valueMapping(b.get("value"), p + ".value");
      Map<String, String> credentials = credentials(b.get("credentials"), p + ".credentials");
      int timeout = integer(b, p, "timeoutSeconds", 1, 600, 30);
      int retries = integer(b, p, "retries", 0, 10, Limits.DEFAULT.retries());
      int maxRows = integer(b, p, "maxRows", 1, 10_000_000, Limits.DEFAULT.maxRows());
      int maxPages = integer(b, p, "maxPages", 1, 10_000, Limits.DEFAULT.maxPages());
      Network network = network(b, p);
      if (problems.size() > before) {
        return null;
      }
      return new Binding(p, keyResult, source != null ? source : kind, query, value, credentials,
          new Limits(Duration.ofSeconds(timeout), retries, maxRows, maxPages), network);
    }

    /**
     * {@code name} resolved against the sources file's folder, or null after recording the problem at {@code where}
     * when no path of this system can hold it (a NUL, for one).
     */
    private Path resolve(String name, String where) {
      try {
        return folder.resolve(name).normalize();
      } catch (InvalidPathException e) {
        problems.add(new Problem(where, "not a file name: \"" + name + "\""));
        return null;
      }
    }

    private Query.Csv csv(JsonNode q, String p) {
      unknown(q, p, CSV);
      String file = text(q, p, "file", false);
      URI url = url(q, p, "url", false);
      if ((file == null) == (url == null) && !q.has("file") && !q.has("url")) {
        problems.add(new Problem(p, "needs \"file\" or \"url\""));
      } else if (file != null && url != null) {
        problems.add(new Problem(p, "has both \"file\" and \"url\"; give one"));
      }
      String time = text(q, p, "timeColumn", true);
      String value = text(q, p, "valueColumn", true);
      String format = text(q, p, "dateFormat", false);
      if (format != null) {
        try {
          DateTimeFormatter.ofPattern(format, Locale.ROOT);
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(p + ".dateFormat", "not a date pattern (" + e.getMessage() + "): \""
              + format + "\""));
        }
      }
      ZoneId zone = zone(q, p);
      String delimiter = text(q, p, "delimiter", false);
      if (delimiter != null && delimiter.length() != 1) {
        problems.add(new Problem(p + ".delimiter", "must be one character: \"" + delimiter + "\""));
      }
      if (time == null || value == null || (file == null) == (url == null)) {
        return null;
      }
      Path resolved = file == null ? null : resolve(file, p + ".file");
      if (file != null && resolved == null) {
        return null;
      }
      return new Query.Csv(resolved, url, time, value, format, zone,
          delimiter == null || delimiter.length() != 1 ? ',' : delimiter.charAt(0));
    }

    private Query.Sql sql(JsonNode q, String p) {
      unknown(q, p, SQL);
      String url = text(q, p, "url", true);
      if (url != null && !url.startsWith("jdbc:")) {
        problems.add(new Problem(p + ".url", "must start with jdbc: \"" + url + "\""));
      } else if (url != null && url.toLowerCase(Locale.ROOT).contains("password=")) {
        problems.add(new Problem(p + ".url", "must not hold a password; name its environment variable in "
            + "credentials.password"));
      }
      String sql = text(q, p, "sql", true);
      String shape = text(q, p, "shape", false);
      if (shape != null && !shape.equals("series") && !shape.equals("value")) {
        problems.add(new Problem(p + ".shape", "must be series or value: \"" + shape + "\""));
      }
      List<String> parameters = new ArrayList<>();
      JsonNode ps = q.get("parameters");
      if (ps != null && !ps.isArray()) {
        problems.add(new Problem(p + ".parameters", "must be an array: " + ps));
      } else if (ps != null) {
        for (int i = 0; i < ps.size(); i++) {
          JsonNode e = ps.get(i);
          if (e.isTextual() && (e.textValue().equals("from") || e.textValue().equals("upTo"))) {
            parameters.add(e.textValue());
          } else {
            problems.add(new Problem(p + ".parameters[" + i + "]", "must be \"from\" or \"upTo\": " + e));
          }
        }
      }
      if (url == null || sql == null) {
        return null;
      }
      return new Query.Sql(url, sql, !"value".equals(shape), parameters);
    }

    private Query.Jira jira(JsonNode q, String p) {
      unknown(q, p, JIRA);
      String api = text(q, p, "api", true);
      if (api != null && !api.equals("cloud") && !api.equals("datacenter")) {
        problems.add(new Problem(p + ".api", "must be cloud or datacenter: \"" + api + "\""));
      }
      URI base = url(q, p, "baseUrl", true);
      String jql = text(q, p, "jql", true);
      String category = text(q, p, "statusCategory", false);
      if (category != null && !List.of("new", "indeterminate", "done").contains(category)) {
        problems.add(new Problem(p + ".statusCategory", "must be new, indeterminate or done: \"" + category
            + "\""));
      }
      String measure = text(q, p, "measure", false);
      String field = text(q, p, "field", false);
      if (measure != null && !measure.equals("count") && !measure.equals("sum")) {
        problems.add(new Problem(p + ".measure", "must be count or sum: \"" + measure + "\""));
      } else if ("sum".equals(measure) && field == null) {
        problems.add(new Problem(p + ".field", "must name the field to sum (for example customfield_10016) with "
            + "measure sum"));
      } else if (!"sum".equals(measure) && field != null) {
        problems.add(new Problem(p + ".field", "is used only with measure sum: \"" + field + "\""));
      }
      if (api == null || base == null || jql == null) {
        return null;
      }
      return new Query.Jira(api.equals("cloud"), base, jql, category == null ? "done" : category,
          "sum".equals(measure) ? field : null);
    }

    private Query.Prometheus prometheus(JsonNode q, String p) {
      unknown(q, p, PROMETHEUS);
      URI base = url(q, p, "baseUrl", true);
      String promql = text(q, p, "promql", true);
      String step = text(q, p, "step", false);
      long seconds = 86_400;
      if (step != null) {
        java.util.regex.Matcher m = STEP.matcher(step);
        if (m.matches() && Long.parseLong(m.group(1)) > 0) {
          seconds = Long.parseLong(m.group(1)) * switch (m.group(2)) {
            case "m" -> 60L;
            case "h" -> 3_600L;
            case "d" -> 86_400L;
            default -> 604_800L;
          };
        } else {
          problems.add(new Problem(p + ".step", "must be a whole number of m, h, d or w (1d, 6h, 1w), at least 1m: \""
              + step + "\""));
        }
      }
      return base == null || promql == null ? null : new Query.Prometheus(base, promql, seconds);
    }

    private Query.HttpJson httpJson(JsonNode q, String p) {
      unknown(q, p, HTTP_JSON);
      String preset = text(q, p, "preset", false);
      String pointer = text(q, p, "pointer", false);
      if (pointer != null && !pointer.startsWith("/")) {
        problems.add(new Problem(p + ".pointer", "must be a JSON Pointer starting with /: \"" + pointer + "\""));
      }
      if (preset == null) {
        URI url = url(q, p, "url", true);
        if (pointer == null && !q.has("pointer")) {
          problems.add(new Problem(p + ".pointer", "missing"));
        }
        JsonNode body = q.get("body");
        if (body != null && !body.isContainerNode()) {
          problems.add(new Problem(p + ".body", "must be a JSON object or array: " + body));
        }
        return url == null || pointer == null ? null
            : new Query.HttpJson("none", url, body == null ? null : body.toString(), pointer);
      }
      if (preset.equals("salesforce")) {
        URI instance = url(q, p, "instanceUrl", true);
        String soql = text(q, p, "soql", true);
        String version = text(q, p, "apiVersion", false);
        if (version != null && !API_VERSION.matcher(version).matches()) {
          problems.add(new Problem(p + ".apiVersion", "must look like v62.0: \"" + version + "\""));
        }
        if (instance == null || soql == null) {
          return null;
        }
        String base = instance.toString().replaceAll("/+$", "");
        return new Query.HttpJson("salesforce", URI.create(base + "/services/data/"
            + (version == null ? "v62.0" : version) + "/query"), soql, pointer == null ? "/totalSize" : pointer);
      }
      if (preset.equals("hubspot")) {
        URI base = q.has("baseUrl") ? url(q, p, "baseUrl", true) : URI.create("https://api.hubapi.com");
        String object = text(q, p, "object", true);
        if (object != null && !OBJECT.matcher(object).matches()) {
          problems.add(new Problem(p + ".object", "must be a CRM object name such as deals: \"" + object + "\""));
          object = null;
        }
        JsonNode filters = q.get("filters");
        if (filters != null && !filters.isArray()) {
          problems.add(new Problem(p + ".filters", "must be an array of HubSpot search filters: " + filters));
        }
        if (base == null || object == null) {
          return null;
        }
        return new Query.HttpJson("hubspot", URI.create(base.toString().replaceAll("/+$", "") + "/crm/v3/objects/"
            + object + "/search"), filters == null ? "[]" : filters.toString(), pointer == null ? "/total" : pointer);
      }
      problems.add(new Problem(p + ".preset", "must be salesforce or hubspot: \"" + preset + "\""));
      return null;
    }

    private ValueMapping valueMapping(JsonNode v, String p) {
      if (v == null) {
        return ValueMapping.IDENTITY;
      }
      if (!v.isObject()) {
        problems.add(new Problem(p, "must be an object: " + v));
        return null;
      }
      unknown(v, p, VALUE);
      double scale = number(v, p, "scale", 1);
      double offset = number(v, p, "offset", 0);
      if (!(Double.isFinite(scale) && scale != 0)) {
        problems.add(new Problem(p + ".scale", "must be a finite number, not 0: " + v.get("scale")));
        return null;
      }
      return Double.isFinite(offset) ? new ValueMapping(scale, offset) : null;
    }

    private Map<String, String> credentials(JsonNode c, String p) {
      Map<String, String> out = new LinkedHashMap<>();
      if (c == null) {
        return out;
      }
      if (!c.isObject()) {
        problems.add(new Problem(p, "must be an object of environment variable names: " + c));
        return out;
      }
      for (Map.Entry<String, JsonNode> e : c.properties()) {
        JsonNode v = e.getValue();
        if (v.isTextual() && ENV_NAME.matcher(v.textValue()).matches()) {
          out.put(e.getKey(), v.textValue());
        } else {
          // never echo the value: it may be the secret pasted by mistake
          problems.add(new Problem(p + "." + e.getKey(), "must be the NAME of an environment variable "
              + "(letters, digits, _), not the secret itself (value not shown)"));
        }
      }
      return out;
    }

    private Network network(JsonNode b, String p) {
      String host = null;
      int port = 0;
      JsonNode proxy = b.get("proxy");
      if (proxy != null) {
        if (!proxy.isObject()) {
          problems.add(new Problem(p + ".proxy", "must be an object: " + proxy));
        } else {
          unknown(proxy, p + ".proxy", PROXY);
          host = text(proxy, p + ".proxy", "host", true);
          port = integer(proxy, p + ".proxy", "port", 1, 65535, 0);
          if (port == 0 && !proxy.has("port")) {
            problems.add(new Problem(p + ".proxy.port", "missing"));
          }
        }
      }
      Path store = null;
      String type = null;
      String passwordEnv = null;
      JsonNode ts = b.get("trustStore");
      if (ts != null) {
        if (!ts.isObject()) {
          problems.add(new Problem(p + ".trustStore", "must be an object: " + ts));
        } else {
          unknown(ts, p + ".trustStore", TRUST);
          String path = text(ts, p + ".trustStore", "path", true);
          store = path == null ? null : resolve(path, p + ".trustStore.path");
          type = text(ts, p + ".trustStore", "type", false);
          if (type != null && !type.equals("PKCS12") && !type.equals("JKS")) {
            problems.add(new Problem(p + ".trustStore.type", "must be PKCS12 or JKS: \"" + type + "\""));
          }
          type = type == null ? "PKCS12" : type;
          passwordEnv = text(ts, p + ".trustStore", "passwordEnv", false);
          if (passwordEnv != null && !ENV_NAME.matcher(passwordEnv).matches()) {
            problems.add(new Problem(p + ".trustStore.passwordEnv", "must be the NAME of an environment variable "
                + "(letters, digits, _), not the secret itself (value not shown)"));
          }
        }
      }
      if (host == null || port == 0) {
        host = null;
        port = 0;
      }
      return new Network(host, port, store, store == null ? null : type, passwordEnv);
    }

    private URI url(JsonNode o, String p, String name, boolean required) {
      String s = text(o, p, name, required);
      if (s == null) {
        return null;
      }
      URI u;
      try {
        u = new URI(s);
      } catch (URISyntaxException e) {
        problems.add(new Problem(p + "." + name, "not a URL (" + e.getReason() + "): \"" + s + "\""));
        return null;
      }
      if (u.getRawUserInfo() != null) {
        problems.add(new Problem(p + "." + name, "must not hold a user or password; name environment variables "
            + "in credentials (value not shown)"));
        return null;
      }
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        problems.add(new Problem(p + "." + name, "must be an http(s) URL with a host: \"" + s + "\""));
        return null;
      }
      if (scheme.equals("http") && !isLoopback(u.getHost())) {
        problems.add(new Problem(p + "." + name, "must be https (plain http only to this machine): \"" + s
            + "\""));
        return null;
      }
      return u;
    }

    private ZoneId zone(JsonNode q, String p) {
      String z = text(q, p, "zone", false);
      if (z == null) {
        return null;
      }
      try {
        return ZoneId.of(z);
      } catch (DateTimeException e) {
        problems.add(new Problem(p + ".zone", "unknown zone: \"" + z + "\""));
        return null;
      }
    }

    private String text(JsonNode o, String p, String name, boolean required) {
      JsonNode v = o.get(name);
      if (v == null || v.isNull()) {
        if (required) {
          problems.add(new Problem(p + "." + name, "missing"));
        }
        return null;
      }
      if (!v.isTextual() || Checks.isBlank(v.textValue())) {
        problems.add(new Problem(p + "." + name, "must be a non-empty string: " + v));
        return null;
      }
      return v.textValue();
    }

    private int integer(JsonNode o, String p, String name, int min, int max, int fallback) {
      JsonNode v = o.get(name);
      if (v == null) {
        return fallback;
      }
      if (v.canConvertToInt() && v.isIntegralNumber() && v.intValue() >= min && v.intValue() <= max) {
        return v.intValue();
      }
      problems.add(new Problem(p + "." + name, "must be a whole number within " + min + ".." + max + ": " + v));
      return fallback;
    }

    private double number(JsonNode o, String p, String name, double fallback) {
      JsonNode v = o.get(name);
      if (v == null) {
        return fallback;
      }
      if (v.isNumber() && Double.isFinite(v.doubleValue())) {
        return v.doubleValue();
      }
      problems.add(new Problem(p + "." + name, "must be a finite number: " + v));
      return Double.NaN;
    }

    void unknown(JsonNode o, String p, Set<String> known) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!known.contains(f)) {
          problems.add(new Problem(p.isEmpty() ? f : p + "." + f, "unknown field"));
        }
      }
    }
  }

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
  }
}
