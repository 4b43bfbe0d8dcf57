package org.okrengine.connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * One GET with the binding's limits: a timeout on the connection and on the whole request, retries of what may pass
 * (connection refused or reset, timeouts, 429, 500, 502, 503, 504) with exponential backoff from 0.5 s, and a
 * Retry-After (seconds or an HTTP date) honoured when it is at most the binding's timeout; a longer one fails at once
 * rather than hold the sync. 401, 403, 404 and 410 fail at once with what they mean. A body is capped at 64 MiB.
 * Messages carry the status and the URL's path, never a header or a credential.
 */
/** An HTTP GET or POST with timeouts, retries and a body cap, for the HTTP sources. Immutable and thread-safe. */
final class Http {
  private static final Logger LOG = LoggerFactory.getLogger(Http.class);
  static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
  static final long BACKOFF_MILLIS = 500;

  /** Waits between tries; tests record instead of sleeping. */
  interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final HttpClient client;
  private final Limits limits;
  private final Sleeper sleeper;

  private Http(HttpClient client, Limits limits, Sleeper sleeper) {
    this.client = client;
    this.limits = limits;
    this.sleeper = sleeper;
  }

  /** A client for {@code binding}: its timeout, proxy and trust store (TLS verification always on). */
  static Http of(Binding binding, FetchContext context, Sleeper sleeper) throws SourceException {
    ClientKey key = new ClientKey(binding.limits().timeout(), binding.network(),
        context.credential("trustStorePassword"));
    HttpClient client = CLIENTS.get(key);
    if (client == null) {
      client = client(binding, context);
      HttpClient raced = CLIENTS.putIfAbsent(key, client);
      client = raced != null ? raced : client;
    }
    return new Http(client, binding.limits(), sleeper);
  }

  /** What makes two clients differ. The password only tells trust stores apart; it is never printed. */
  private record ClientKey(Duration connectTimeout, Network network, String trustStorePassword) {
    @Override
    public String toString() {
      return "ClientKey[" + connectTimeout + ", " + network + "]";
    }
  }

  /*
   * One client per setting for the life of the JVM: a client holds a selector thread and a connection pool, and
   * Java 17's HttpClient cannot be closed; a client per fetch cost a thread and a new connection each time. The
   * settings in use are few (one per distinct timeout, proxy and trust store in the sources file).
   */
  private static final java.util.concurrent.ConcurrentMap<ClientKey, HttpClient> CLIENTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static HttpClient client(Binding binding, FetchContext context) throws SourceException {
    HttpClient.Builder b = HttpClient.newBuilder()
        .connectTimeout(binding.limits().timeout())
        .followRedirects(HttpClient.Redirect.NEVER);
    Network n = binding.network();
    if (n.proxyHost() != null) {
      b.proxy(ProxySelector.of(new InetSocketAddress(n.proxyHost(), n.proxyPort())));
    }
    if (n.trustStore() != null) {
      b.sslContext(sslContext(n, context.credential("trustStorePassword")));
    }
    return b.build();
  }

  private static SSLContext sslContext(Network n, String password) throws SourceException {
    try (InputStream in = java.nio.file.Files.newInputStream(n.trustStore())) {
      KeyStore ks = KeyStore.getInstance(n.trustStoreType());
      ks.load(in, password == null ? null : password.toCharArray());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new SourceException("cannot load the trust store " + n.trustStore() + ": " + e.getClass().getSimpleName());
    }
  }

  /**
   * The body of a 200 answer to GET {@code uri} with {@code headers}.
   *
   * @throws SourceException when every try failed, or at once for an answer that will not change
   */
  String get(URI uri, Map<String, String> headers) throws SourceException {
    return send(uri, headers, null, null);
  }

  /**
   * The body of a 200 answer to POST {@code uri} with {@code body} of {@code contentType}; retried as {@link #get}.
   *
   * @throws SourceException when every try failed, or at once for an answer that will not change
   */
  String post(URI uri, Map<String, String> headers, String body, String contentType) throws SourceException {
    return send(uri, headers, body, contentType);
  }

  private String send(URI uri, Map<String, String> headers, String post, String contentType)
      throws SourceException {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(limits.timeout())
          .header("Accept", "application/json, text/csv, */*");
      if (post == null) {
        rb.GET();
      } else {
        rb.POST(HttpRequest.BodyPublishers.ofString(post, StandardCharsets.UTF_8)).header("Content-Type", contentType);
      }
      headers.forEach(rb::header);
      Duration wait;
      String failure;
      String reason;
      try {
        HttpResponse<InputStream> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = r.statusCode();
        if (status == 200) {
          return body(r, uri);
        }
        r.body().close();
        reason = status + (reason(status).isEmpty() ? "" : " " + reason(status));
        failure = "HTTP " + reason + " from " + where(uri);
        if (!(status == 429 || status == 500 || status == 502 || status == 503 || status == 504)) {
          throw new SourceException(failure + hint(status), reason, null);
        }
        wait = backoff(attempt);
        String after = r.headers().firstValue("Retry-After").orElse(null);
        if (after != null) {
          Duration asked = retryAfter(after);
          if (asked == null || asked.compareTo(limits.timeout()) > 0) {
            throw new SourceException(failure + "; Retry-After " + after + " is beyond the timeout of "
                + limits.timeout().toSeconds() + " s", reason, null);
          }
          wait = asked;
        }
      } catch (HttpTimeoutException e) {
        failure = "no answer from " + where(uri) + " within " + limits.timeout().toSeconds() + " s";
        reason = e.getClass().getName();
        wait = backoff(attempt);
      } catch (ConnectException e) {
        failure = "cannot connect to " + uri.getHost() + ":" + port(uri) + " (connection refused)";
        reason = e.getClass().getName();
        wait = backoff(attempt);
      } catch (IOException e) {
        failure = e.getClass().getSimpleName() + " talking to " + where(uri);
        reason = e.getClass().getName();
        wait = backoff(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceException("interrupted");
      }
      if (attempt >= limits.retries()) {
        throw new SourceException(failure + (limits.retries() == 0 ? "" : " (" + (attempt + 1) + " tries)"), reason,
            null);
      }
      LOG.debug("{}; trying again in {} ms", failure, wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SourceException("interrupted");
      }
    }
  }

  private static String body(HttpResponse<InputStream> r, URI uri) throws IOException, SourceException {
    try (InputStream in = r.body()) {
      byte[] bytes = in.readNBytes((int) MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new SourceException("the answer from " + where(uri) + " is larger than " + MAX_BODY_BYTES
            + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  static Duration backoff(int attempt) {
    return Duration.ofMillis(BACKOFF_MILLIS << Math.min(attempt, 6));
  }

  /** A Retry-After value: delay seconds or an HTTP date; null when it is neither. */
  static Duration retryAfter(String value) {
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The URL without its query (which may hold a search that is nobody's business in a log). */
  static String where(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> " (check the credentials' environment variables)";
      case 403 -> " (the account lacks permission)";
      case 410 -> " (the endpoint was removed; for Jira Cloud use \"api\": \"cloud\", /rest/api/3/search/jql)";
      default -> "";
    };
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 410 -> "Gone";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
