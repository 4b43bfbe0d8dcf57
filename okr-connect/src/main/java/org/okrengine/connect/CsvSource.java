package org.okrengine.connect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code csv} source: a header row, then rows; the time column and value column chosen by header. Times are
 * ISO-8601 instants, date-times or dates by default (a date is the start of that day), or follow the binding's
 * pattern; times without an offset are in the binding's zone, or the cycle's. Stateless and thread-safe.
 */
final class CsvSource implements Source {
  private final Http.Sleeper sleeper;

  CsvSource(Http.Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public List<Observation> fetch(Binding binding, FetchContext context) throws SourceException {
    Query.Csv q = (Query.Csv) binding.query();
    String text;
    String name;
    if (q.file() != null) {
      name = q.file().getFileName().toString();
      try {
        if (Files.size(q.file()) > Http.MAX_BODY_BYTES) {
          throw new SourceException(name + ": larger than " + Http.MAX_BODY_BYTES + " bytes");
        }
        text = Files.readString(q.file(), StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw new SourceException("no such file: " + q.file());
      } catch (IOException e) {
        throw new SourceException("cannot read " + q.file() + ": " + e.getClass().getSimpleName());
      }
    } else {
      name = Http.where(q.url());
      text = Http.of(binding, context, sleeper).get(q.url(), Map.of());
    }
    return parse(text, name, q, context, binding);
  }

  static List<Observation> parse(String text, String name, Query.Csv q, FetchContext context, Binding binding)
      throws SourceException {
    List<List<String>> rows = rows(text, q.delimiter(), name, binding.limits().maxRows());
    if (rows.isEmpty()) {
      throw new SourceException(name + ": empty (expected a header row)");
    }
    List<String> header = rows.get(0);
    int t = header.indexOf(q.timeColumn());
    int v = header.indexOf(q.valueColumn());
    if (t < 0 || v < 0) {
      throw new SourceException(name + ": no column \"" + (t < 0 ? q.timeColumn() : q.valueColumn())
          + "\" in the header (" + String.join(", ", header) + ")");
    }
    ZoneId zone = q.zone() != null ? q.zone() : context.zone();
    DateTimeFormatter format = q.dateFormat() == null ? null
        : DateTimeFormatter.ofPattern(q.dateFormat(), Locale.ROOT);
    List<Observation> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() == 1 && row.get(0).isBlank()) {
        continue;
      }
      if (row.size() <= Math.max(t, v)) {
        throw new SourceException(name + ": line " + (i + 1) + ": " + row.size() + " fields, expected at least "
            + (Math.max(t, v) + 1));
      }
      Instant at = instant(row.get(t).trim(), format, zone);
      if (at == null) {
        throw new SourceException(name + ": line " + (i + 1) + ": not a time"
            + (q.dateFormat() == null ? " (ISO-8601 expected)" : " of pattern " + q.dateFormat()) + ": \""
            + row.get(t) + "\"");
      }
      double value;
      try {
        value = Double.parseDouble(row.get(v).trim());
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      if (!Double.isFinite(value)) {
        throw new SourceException(name + ": line " + (i + 1) + ": not a number: \"" + row.get(v) + "\"");
      }
      if (context.wants(at)) {
        out.add(new Observation(at, binding.value().apply(value)));
      }
    }
    return out;
  }

  static Instant instant(String s, DateTimeFormatter format, ZoneId zone) {
    try {
      if (format == null) {
        if (s.length() == 10) {
          return LocalDate.parse(s).atStartOfDay(zone).toInstant();
        }
        TemporalAccessor a = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, OffsetDateTime::from,
            LocalDateTime::from);
        return a instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) a).atZone(zone).toInstant();
      }
      TemporalAccessor a = format.parseBest(s, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
          LocalDate::from);
      if (a instanceof ZonedDateTime z) {
        return z.toInstant();
      }
      if (a instanceof OffsetDateTime o) {
        return o.toInstant();
      }
      if (a instanceof LocalDateTime l) {
        return l.atZone(zone).toInstant();
      }
      return ((LocalDate) a).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** RFC 4180 rows: quoted fields may hold the delimiter, doubled quotes and line breaks. */
  static List<List<String>> rows(String text, char delimiter, String name, int maxRows) throws SourceException {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int start = text.startsWith("\uFEFF") ? 1 : 0; // Excel writes a byte order mark
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        if (rows.size() > maxRows + 1) {
          throw new SourceException(name + ": more than " + maxRows + " rows (maxRows)");
        }
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new SourceException(name + ": a quoted field is not closed");
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    if (rows.size() > maxRows + 1) {
      throw new SourceException(name + ": more than " + maxRows + " rows (maxRows)");
    }
    return rows;
  }
}
