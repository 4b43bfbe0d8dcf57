package org.okrengine.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.okrengine.model.CheckIn;
import org.okrengine.model.KeyResult;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/*
 * A check-in is identified by its key result and instant. For each binding, in the sources file's order, the
 * observations within [cycle start, as-of] are compared with what the key result holds so far (the cycle's check-ins
 * plus what earlier bindings added): the same instant with the same value is unchanged, with another value a
 * conflict (reported, not applied), a new instant a new check-in. A failing binding is reported and the others go
 * on. Every failure message passes the redactor, which replaces each credential value the binding resolved with ***,
 * before it is logged or returned.
 */
/**
 * Fetches the observations of every binding and turns the new ones into check-ins with {@code source} set.
 * Immutable and thread-safe.
 */
public final class Connector {
  private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
  /** How many bindings are fetched at once by default. */
  public static final int DEFAULT_PARALLELISM = 8;
  private static final Connector DEFAULTS = new Connector(System::getenv, d -> Thread.sleep(d.toMillis()));

  private final UnaryOperator<String> environment;
  private final Http.Sleeper sleeper;
  private final Map<String, Source> sources;
  private final int parallelism;

  private Connector(UnaryOperator<String> environment, Http.Sleeper sleeper) {
    this(environment, sleeper, DEFAULT_PARALLELISM, Map.of("csv", new CsvSource(sleeper), "sql", new SqlSource(),
        "jira", new JiraSource(sleeper), "http-json", new HttpJsonSource(sleeper),
        "prometheus", new PrometheusSource(sleeper)));
  }

  private Connector(UnaryOperator<String> environment, Http.Sleeper sleeper, int parallelism,
      Map<String, Source> sources) {
    this.environment = environment;
    this.sleeper = sleeper;
    this.parallelism = parallelism;
    this.sources = Map.copyOf(sources);
  }

  /** A connector reading credentials from the process environment, with the built-in sources. */
  public static Connector withDefaults() {
    return DEFAULTS;
  }

  /** A copy reading the credentials' environment variables from {@code environment} (name to value, or null). */
  public Connector withEnvironment(UnaryOperator<String> environment) {
    return new Connector(Objects.requireNonNull(environment, "environment must not be null"), sleeper, parallelism,
        sources);
  }

  /** A copy that fetches the bindings of {@code kind} with {@code source}. */
  public Connector withSource(String kind, Source source) {
    Map<String, Source> m = new HashMap<>(sources);
    m.put(Objects.requireNonNull(kind, "kind must not be null"), Objects.requireNonNull(source, "source"));
    return new Connector(environment, sleeper, parallelism, m);
  }

  /**
   * A copy that fetches up to {@code bindings} bindings at once (default {@value #DEFAULT_PARALLELISM}); the
   * outcomes are the same whatever the value.
   *
   * @throws IllegalArgumentException when {@code bindings} is not within 1..64
   */
  public Connector withParallelism(int bindings) {
    if (!(bindings >= 1 && bindings <= 64)) {
      throw new IllegalArgumentException("bindings must be within 1..64: " + bindings);
    }
    return new Connector(environment, sleeper, bindings, sources);
  }

  /** A copy that waits between retries with {@code sleeper} (tests record the waits). */
  Connector withSleeper(Http.Sleeper sleeper) {
    Connector c = new Connector(environment, sleeper);
    Map<String, Source> m = new HashMap<>(c.sources);
    sources.forEach((k, v) -> {
      if (!(v instanceof CsvSource || v instanceof SqlSource || v instanceof JiraSource || v instanceof HttpJsonSource
          || v instanceof PrometheusSource)) {
        m.put(k, v);
      }
    });
    return new Connector(environment, sleeper, parallelism, m);
  }

  /**
   * The problems of binding {@code sources} to {@code cycle}: each binding naming a key result the cycle does not
   * have; empty when none.
   */
  public static List<Problem> check(OkrCycle cycle, Sources sources) {
    List<Problem> out = new ArrayList<>();
    for (Binding b : sources.bindings()) {
      if (cycle.keyResult(b.keyResult()).isEmpty()) {
        out.add(new Problem(b.path() + ".keyResult", "no key result \"" + b.keyResult() + "\" in cycle "
            + cycle.cycle().id()));
      }
    }
    return out;
  }

  /**
   * Fetches every binding's observations from the cycle's start up to {@code asOf} and sorts them into new
   * check-ins, unchanged ones and conflicts. Each binding's calls are bounded by its limits; one binding failing
   * does not stop the others.
   *
   * @throws IllegalArgumentException when a binding names a key result the cycle does not have
   *     ({@link #check})
   */
  public SyncResult sync(OkrCycle cycle, Sources sources, Instant asOf) {
    List<Problem> problems = check(cycle, sources);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0).toString());
    }
    Instant from = cycle.cycle().startInstant();
    // fetch concurrently, then merge in the sources file's order, so that outcomes do not depend on timing
    List<Future<Fetched>> fetches = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1,
        sources.bindings().size())), r -> {
          Thread t = new Thread(r, "okr-connect-fetch");
          t.setDaemon(true);
          return t;
        });
    try {
      for (Binding b : sources.bindings()) {
        fetches.add(pool.submit(() -> fetch(b, cycle, from, asOf, sources)));
      }
      Map<String, Map<Instant, Double>> known = new HashMap<>();
      List<SourceOutcome> outcomes = new ArrayList<>();
      for (int i = 0; i < fetches.size(); i++) {
        Binding b = sources.bindings().get(i);
        KeyResult kr = cycle.keyResult(b.keyResult()).orElseThrow();
        Map<Instant, Double> values = known.computeIfAbsent(kr.id(), k -> {
          Map<Instant, Double> m = new HashMap<>();
          kr.checkIns().forEach(c -> m.putIfAbsent(c.at(), c.value()));
          return m;
        });
        Fetched f = get(fetches.get(i));
        outcomes.add(f.failure() != null ? f.failure() : merge(b, f, from, asOf, values));
      }
      return new SyncResult(outcomes);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A binding's observations, or its failure; and how long the fetch took. */
  private record Fetched(List<Observation> observations, SourceOutcome failure, long nanos) {}

  private static Fetched get(Future<Fetched> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while syncing", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a fetch failed outside its source: " + e.getCause(), e.getCause());
    }
  }

  private Fetched fetch(Binding b, OkrCycle cycle, Instant from, Instant asOf, Sources sources) {
    String kind = b.query().kind();
    Redactor redactor = new Redactor();
    Map<String, String> credentials = new TreeMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> e : b.credentials().entrySet()) {
      String v = environment.apply(e.getValue());
      if (v == null || v.isEmpty()) {
        missing.add(e.getKey() + " (" + e.getValue() + ")");
      } else {
        credentials.put(e.getKey(), v);
        redactor.add(v);
      }
    }
    // an HTTP Basic header carries user:secret Base64-encoded as one string, which the secret's own Base64 does not
    // match unless the user's length happens to be a multiple of 3
    String user = credentials.get("user");
    for (String secret : new String[] {"token", "password"}) {
      if (user != null && credentials.get(secret) != null) {
        redactor.add(user + ":" + credentials.get(secret));
      }
    }
    if (b.network().trustStorePasswordEnv() != null) {
      String v = environment.apply(b.network().trustStorePasswordEnv());
      if (v != null) {
        credentials.put("trustStorePassword", v);
        redactor.add(v);
      }
    }
    if (!missing.isEmpty()) {
      String error = "environment variable not set for credential " + String.join(", ", missing);
      return new Fetched(null, failed(b, kind, error, error), 0);
    }
    Source source = sources(kind);
    long started = System.nanoTime();
    try {
      List<Observation> observations = source.fetch(b, new FetchContext(from, asOf, cycle.cycle().zone(),
          sources.folder(), credentials));
      return new Fetched(List.copyOf(observations), null, System.nanoTime() - started);
    } catch (SourceException e) {
      String error = redactor.redact(e.getMessage());
      return new Fetched(null, failed(b, kind, error, e.reason() == null ? error : redactor.redact(e.reason())), 0);
    } catch (RuntimeException e) {
      return new Fetched(null, failed(b, kind, redactor.redact(e.getClass().getSimpleName() + ": "
          + e.getMessage()), e.getClass().getName()), 0);
    }
  }

  private static SourceOutcome merge(Binding b, Fetched f, Instant from, Instant asOf, Map<Instant, Double> values) {
    String kind = b.query().kind();
    List<Observation> sorted = new ArrayList<>();
    for (Observation o : f.observations()) {
      if (!o.at().isBefore(from) && !o.at().isAfter(asOf)) {
        sorted.add(o);
      }
    }
    sorted.sort((x, y) -> x.at().compareTo(y.at()));
    List<CheckIn> checkIns = new ArrayList<>();
    for (Observation o : sorted) {
      try {
        checkIns.add(new CheckIn(o.at(), o.value(), null, null, List.of(), b.source()));
      } catch (IllegalArgumentException e) {
        String error = "observation at " + o.at() + ": " + e.getMessage();
        return failed(b, kind, error, error);
      }
    }
    List<CheckIn> added = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    int unchanged = 0;
    for (CheckIn c : checkIns) {
      Double existing = values.get(c.at());
      if (existing == null) {
        added.add(c);
        values.put(c.at(), c.value());
      } else if (existing == c.value()) {
        unchanged++;
      } else {
        conflicts.add(new Conflict(b.keyResult(), c.at(), existing, c.value()));
      }
    }
    LOG.info("{} {} ({}): {} new, {} unchanged, {} conflicts in {} ms", b.path(), b.keyResult(), b.source(),
        added.size(), unchanged, conflicts.size(), Duration.ofNanos(f.nanos()).toMillis());
    return new SourceOutcome(b.path(), b.keyResult(), b.source(), kind, added, unchanged, conflicts, null);
  }

  private Source sources(String kind) {
    Source s = sources.get(kind);
    if (s == null) {
      throw new IllegalStateException("no source for kind " + kind);
    }
    return s;
  }

  private static SourceOutcome failed(Binding b, String kind, String error, String reason) {
    LOG.warn("{} {} ({}): {}", b.path(), b.keyResult(), b.source(), error);
    return new SourceOutcome(b.path(), b.keyResult(), b.source(), kind, List.of(), 0, List.of(), error, reason);
  }
}
