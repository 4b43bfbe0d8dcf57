package org.okrengine.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/*
 * JDBC has no per-connection connect timeout of its own (DriverManager.setLoginTimeout is global to the JVM), so the
 * connection is opened on a daemon thread and given up after the binding's timeout; the query itself gets
 * Statement.setQueryTimeout. Timestamps are read as OffsetDateTime where the driver can (TIMESTAMP WITH TIME ZONE),
 * else as LocalDateTime in the cycle's zone, else as a date at the start of the day in that zone. Parameters are
 * bound as UTC timestamps. The driver is found by DriverManager on the class path (H2 comes with the okr command;
 * another database's driver is added by the user). Messages carry the SQL state and the driver's message, which may
 * quote the query but never the password (the password never enters the URL: the sources file refuses one there).
 */
/** The {@code sql} source: a JDBC query. Stateless and thread-safe. */
final class SqlSource implements Source {
  private static final ExecutorService CONNECTOR = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "okr-connect-jdbc");
    t.setDaemon(true);
    return t;
  });

  @Override
  public List<Observation> fetch(Binding binding, FetchContext context) throws SourceException {
    Query.Sql q = (Query.Sql) binding.query();
    String url = q.url().replace("{sourcesDir}", context.folder().toString());
    Properties props = new Properties();
    if (context.credential("user") != null) {
      props.setProperty("user", context.credential("user"));
    }
    if (context.credential("password") != null) {
      props.setProperty("password", context.credential("password"));
    }
    long timeout = binding.limits().timeout().toSeconds();
    try (Connection c = connect(url, props, timeout);
         PreparedStatement s = c.prepareStatement(q.sql())) {
      s.setQueryTimeout((int) Math.max(1, timeout));
      s.setMaxRows(binding.limits().maxRows() + 1);
      for (int i = 0; i < q.parameters().size(); i++) {
        Instant at = q.parameters().get(i).equals("from") ? context.from() : context.upTo();
        s.setObject(i + 1, OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
      }
      try (ResultSet rs = s.executeQuery()) {
        return q.series() ? series(rs, binding, context) : single(rs, binding, context);
      }
    } catch (SQLException e) {
      throw new SourceException("SQL error" + (e.getSQLState() == null ? "" : " " + e.getSQLState()) + ": "
          + firstLine(e.getMessage()), e.getClass().getName() + (e.getSQLState() == null ? "" : " (SQL state "
          + e.getSQLState() + ")"), null);
    }
  }

  private static Connection connect(String url, Properties props, long timeoutSeconds)
      throws SQLException, SourceException {
    Future<Connection> f = CONNECTOR.submit(() -> DriverManager.getConnection(url, props));
    try {
      return f.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new SourceException("no connection to the database within " + timeoutSeconds + " s",
          e.getClass().getName(), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SourceException("cannot connect to the database: " + e.getCause().getClass().getSimpleName(),
          e.getCause().getClass().getName(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceException("interrupted");
    }
  }

  private static List<Observation> series(ResultSet rs, Binding binding, FetchContext context)
      throws SQLException, SourceException {
    if (rs.getMetaData().getColumnCount() < 2) {
      throw new SourceException("the query must return (time, value) rows for shape series: it returns "
          + rs.getMetaData().getColumnCount() + " column");
    }
    List<Observation> out = new ArrayList<>();
    int n = 0;
    while (rs.next()) {
      if (++n > binding.limits().maxRows()) {
        throw new SourceException("more than " + binding.limits().maxRows() + " rows (maxRows)");
      }
      Instant at = instant(rs, context);
      double value = value(rs, n);
      if (at != null && context.wants(at)) {
        out.add(new Observation(at, binding.value().apply(value)));
      } else if (at == null) {
        throw new SourceException("row " + n + ": the time is null");
      }
    }
    return out;
  }

  private static List<Observation> single(ResultSet rs, Binding binding, FetchContext context)
      throws SQLException, SourceException {
    if (!rs.next()) {
      throw new SourceException("the query returned no row (shape value expects one)");
    }
    double value = rs.getMetaData().getColumnCount() == 1 ? value(rs, 1, 1) : Double.NaN;
    if (Double.isNaN(value) || rs.next()) {
      throw new SourceException("the query must return one row of one number for shape value");
    }
    return List.of(new Observation(context.upTo(), binding.value().apply(value)));
  }

  private static Instant instant(ResultSet rs, FetchContext context) throws SQLException {
    Object o = rs.getObject(1);
    if (o == null) {
      return null;
    }
    if (o instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (o instanceof Timestamp ts) {
      return ts.toLocalDateTime().atZone(context.zone()).toInstant();
    }
    if (o instanceof LocalDateTime ldt) {
      return ldt.atZone(context.zone()).toInstant();
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate().atStartOfDay(context.zone()).toInstant();
    }
    if (o instanceof LocalDate d) {
      return d.atStartOfDay(context.zone()).toInstant();
    }
    try {
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    } catch (SQLException e) {
      return CsvSource.instant(o.toString(), null, context.zone());
    }
  }

  private static double value(ResultSet rs, int row) throws SQLException, SourceException {
    return value(rs, row, 2);
  }

  private static double value(ResultSet rs, int row, int column) throws SQLException, SourceException {
    double v = rs.getDouble(column);
    if (rs.wasNull() || !Double.isFinite(v)) {
      throw new SourceException("row " + row + ": the value is null or not a finite number");
    }
    return v;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
