package org.okrengine.connect;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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
  private static final Connector DEFAULTS = new Connector(System::getenv, d -> Thread.sleep(d.toMillis()));

  private final UnaryOperator<String> environment;
  private final Http.Sleeper sleeper;
  private final Map<String, Source> sources;

  private Connector(UnaryOperator<String> environment, Http.Sleeper sleeper) {
    this(environment, sleeper, Map.of("csv", new CsvSource(sleeper), "sql", new SqlSource(),
        "jira", new JiraSource(sleeper), "http-json", new HttpJsonSource(sleeper)));
  }

  private Connector(UnaryOperator<String> environment, Http.Sleeper sleeper, Map<String, Source> sources) {
    this.environment = environment;
    this.sleeper = sleeper;
    this.sources = Map.copyOf(sources);
  }

  /** A connector reading credentials from the process environment, with the built-in sources. */
  public static Connector withDefaults() {
    return DEFAULTS;
  }

  /** A copy reading the credentials' environment variables from {@code environment} (name to value, or null). */
  public Connector withEnvironment(UnaryOperator<String> environment) {
    return new Connector(Objects.requireNonNull(environment, "environment must not be null"), sleeper, sources);
  }

  /** A copy that fetches the bindings of {@code kind} with {@code source}. */
  public Connector withSource(String kind, Source source) {
    Map<String, Source> m = new HashMap<>(sources);
    m.put(Objects.requireNonNull(kind, "kind must not be null"), Objects.requireNonNull(source, "source"));
    return new Connector(environment, sleeper, m);
  }

  /** A copy that waits between retries with {@code sleeper} (tests record the waits). */
  Connector withSleeper(Http.Sleeper sleeper) {
    return new Connector(environment, sleeper);
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
    Map<String, Map<Instant, Double>> known = new HashMap<>();
    List<SourceOutcome> outcomes = new ArrayList<>();
    for (Binding b : sources.bindings()) {
      KeyResult kr = cycle.keyResult(b.keyResult()).orElseThrow();
      Map<Instant, Double> values = known.computeIfAbsent(kr.id(), k -> {
        Map<Instant, Double> m = new HashMap<>();
        kr.checkIns().forEach(c -> m.putIfAbsent(c.at(), c.value()));
        return m;
      });
      outcomes.add(one(b, cycle, from, asOf, values, sources));
    }
    return new SyncResult(outcomes);
  }

  private SourceOutcome one(Binding b, OkrCycle cycle, Instant from, Instant asOf, Map<Instant, Double> values,
      Sources sources) {
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
    if (b.network().trustStorePasswordEnv() != null) {
      String v = environment.apply(b.network().trustStorePasswordEnv());
      if (v != null) {
        credentials.put("trustStorePassword", v);
        redactor.add(v);
      }
    }
    if (!missing.isEmpty()) {
      return failed(b, kind, "environment variable not set for credential " + String.join(", ", missing));
    }
    Source source = sources(kind);
    long started = System.nanoTime();
    List<Observation> observations;
    try {
      observations = source.fetch(b, new FetchContext(from, asOf, cycle.cycle().zone(), sources.folder(),
          credentials));
    } catch (SourceException e) {
      return failed(b, kind, redactor.redact(e.getMessage()));
    } catch (RuntimeException e) {
      return failed(b, kind, redactor.redact(e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    List<CheckIn> added = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    int unchanged = 0;
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort((x, y) -> x.at().compareTo(y.at()));
    for (Observation o : sorted) {
      if (o.at().isBefore(from) || o.at().isAfter(asOf)) {
        continue;
      }
      Double existing = values.get(o.at());
      if (existing == null) {
        CheckIn c;
        try {
          c = new CheckIn(o.at(), o.value(), null, null, List.of(), b.source());
        } catch (IllegalArgumentException e) {
          return failed(b, kind, "observation at " + o.at() + ": " + e.getMessage());
        }
        added.add(c);
        values.put(o.at(), o.value());
      } else if (existing == o.value()) {
        unchanged++;
      } else {
        conflicts.add(new Conflict(b.keyResult(), o.at(), existing, o.value()));
      }
    }
    LOG.info("{} {} ({}): {} new, {} unchanged, {} conflicts in {} ms", b.path(), b.keyResult(), b.source(),
        added.size(), unchanged, conflicts.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
    return new SourceOutcome(b.path(), b.keyResult(), b.source(), kind, added, unchanged, conflicts, null);
  }

  private Source sources(String kind) {
    Source s = sources.get(kind);
    if (s == null) {
      throw new IllegalStateException("no source for kind " + kind);
    }
    return s;
  }

  private static SourceOutcome failed(Binding b, String kind, String error) {
    LOG.warn("{} {} ({}): {}", b.path(), b.keyResult(), b.source(), error);
    return new SourceOutcome(b.path(), b.keyResult(), b.source(), kind, List.of(), 0, List.of(), error);
  }
}
