package org.okrengine.connect;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * What a binding asks its source: one record per source kind. Immutable and thread-safe.
 */
public sealed interface Query {
  /** The source kind's name in {@code okr-sources/1} ({@code csv}, {@code sql}, {@code jira}, {@code http-json}). */
  String kind();

  /**
   * Rows of time and value from a CSV file or URL (what spreadsheets and BI tools export), with a header row.
   *
   * @param file the file (resolved against the sources file's folder), or null with a URL
   * @param url an {@code https} URL (plain {@code http} only to this machine), or null with a file
   * @param timeColumn the header of the time column
   * @param valueColumn the header of the value column
   * @param dateFormat how times are written ({@link DateTimeFormatter} pattern), or null for ISO-8601 dates or
   *     instants
   * @param zone the zone of times without an offset, or null for the cycle's zone
   * @param delimiter the field separator
   */
  record Csv(Path file, URI url, String timeColumn, String valueColumn, String dateFormat, ZoneId zone,
      char delimiter) implements Query {
    /** Validates: exactly one of file and URL. */
    public Csv {
      if ((file == null) == (url == null)) {
        throw new IllegalArgumentException("exactly one of file and url must be given");
      }
      Objects.requireNonNull(timeColumn, "timeColumn must not be null");
      Objects.requireNonNull(valueColumn, "valueColumn must not be null");
    }

    @Override
    public String kind() {
      return "csv";
    }
  }

  /**
   * A JDBC query. With shape {@code series} each row is (time, value) and every row becomes an observation; with
   * shape {@code value} the query returns one row of one number, observed at the sync's as-of instant.
   *
   * @param url the JDBC URL; {@code {sourcesDir}} in it stands for the sources file's folder
   * @param sql the query; its {@code ?} placeholders are bound, in order, to {@code parameters}
   * @param series true for rows of (time, value), false for one value
   * @param parameters for each {@code ?}: {@code from} (the cycle's start) or {@code upTo} (the as-of instant), as
   *     SQL timestamps in UTC
   */
  record Sql(String url, String sql, boolean series, List<String> parameters) implements Query {
    /** Validates and copies. */
    public Sql {
      Objects.requireNonNull(url, "url must not be null");
      Objects.requireNonNull(sql, "sql must not be null");
      parameters = List.copyOf(parameters);
    }

    @Override
    public String kind() {
      return "sql";
    }
  }

  /**
   * A JQL search: how many matching issues (or the sum of a numeric field over them) are in a status category, week
   * by week, rebuilt from the issues' changelogs.
   *
   * @param cloud true for Jira Cloud ({@code /rest/api/3/search/jql}, {@code nextPageToken}), false for Data
   *     Center and Server ({@code /rest/api/2/search}, {@code startAt} and {@code total})
   * @param baseUrl the site, for example {@code https://example.atlassian.net}
   * @param jql the query
   * @param statusCategory the status category counted: {@code new}, {@code indeterminate} or {@code done}
   * @param sumField the numeric field summed (story points: a custom field id such as {@code customfield_10016}), or
   *     null to count issues
   */
  record Jira(boolean cloud, URI baseUrl, String jql, String statusCategory, String sumField) implements Query {
    /** Validates. */
    public Jira {
      Objects.requireNonNull(baseUrl, "baseUrl must not be null");
      Objects.requireNonNull(jql, "jql must not be null");
      Objects.requireNonNull(statusCategory, "statusCategory must not be null");
    }

    @Override
    public String kind() {
      return "jira";
    }
  }

  /**
   * One number from a JSON HTTP API, observed at the sync's as-of instant: GET {@code url}, or POST {@code body} to
   * it, and take the number at {@code pointer}. The presets build the request: {@code salesforce} runs the SOQL query
   * {@code body} at {@code url} (the instance) after an OAuth client-credentials token request, {@code hubspot} posts
   * a CRM search of the object {@code url}'s path names, with {@code body} as its filters.
   *
   * @param preset {@code none}, {@code salesforce} or {@code hubspot}
   * @param url the URL (none), the instance URL (salesforce) or the CRM search URL (hubspot)
   * @param body the JSON body to POST (none; null for GET), the SOQL query (salesforce), or the JSON array of
   *     filters (hubspot)
   * @param pointer the JSON Pointer (RFC 6901) of the number in the answer
   */
  record HttpJson(String preset, URI url, String body, String pointer) implements Query {
    /** Validates. */
    public HttpJson {
      Objects.requireNonNull(preset, "preset must not be null");
      Objects.requireNonNull(url, "url must not be null");
      Objects.requireNonNull(pointer, "pointer must not be null");
    }

    @Override
    public String kind() {
      return "http-json";
    }
  }

  /**
   * A PromQL range query ({@code /api/v1/query_range}) from the cycle's start to as-of, one observation per step.
   *
   * @param baseUrl the Prometheus server, for example {@code https://prometheus.example.com}
   * @param promql the query; it must give one series (aggregate with {@code sum(...)} or similar)
   * @param stepSeconds the step between evaluations, in seconds; at least 60
   */
  record Prometheus(URI baseUrl, String promql, long stepSeconds) implements Query {
    /** Validates. */
    public Prometheus {
      Objects.requireNonNull(baseUrl, "baseUrl must not be null");
      Objects.requireNonNull(promql, "promql must not be null");
      if (stepSeconds < 60) {
        throw new IllegalArgumentException("stepSeconds must be at least 60: " + stepSeconds);
      }
    }

    @Override
    public String kind() {
      return "prometheus";
    }
  }
}
