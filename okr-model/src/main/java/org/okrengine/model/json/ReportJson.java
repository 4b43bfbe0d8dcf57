package org.okrengine.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.okrengine.model.CascadeSummary;
import org.okrengine.model.Cause;
import org.okrengine.model.CycleReport;
import org.okrengine.model.EscalationGroup;
import org.okrengine.model.EscalationSummary;
import org.okrengine.model.ForecastModelInfo;
import org.okrengine.model.ForecastSummary;
import org.okrengine.model.KeyResultReport;
import org.okrengine.model.ObjectiveSummary;
import org.okrengine.model.PrecedentSummary;
import org.okrengine.model.PredictionInterval;
import org.okrengine.model.Problem;
import org.okrengine.model.Reason;
import org.okrengine.model.ReportChanges;
import org.okrengine.model.SafeText;
import org.okrengine.model.SourceHealthSummary;
import org.okrengine.model.TeamSummary;

/**
 * Writes and reads {@code okr-report/1} documents. Output is deterministic: the same report gives the same bytes.
 * Immutable and thread-safe.
 *
 * <p>Every field is written, in a fixed order; numbers that cannot be known are {@code null}. After {@code asOf} comes
 * {@code model} ({@code name}, {@code method}, {@code fittedOn}: the forecast model that made the report), left out
 * when the report does not name one. Each key result carries
 * its reasons twice: {@code reasons} (the codes) and {@code reasonDetails} (each code with its evidence, numbers by
 * name), and its likely {@code causes} (each a code, a subject, evidence numbers by name and a sentence); then, only
 * when the report was made with a history of earlier cycles, its {@code precedents}. After the
 * escalations come {@code escalationGroups} (escalations that share a cause), {@code sourceHealth} (broken data connections), {@code objectives} (one summary per objective),
 * {@code teams} (one roll-up per team), {@code changes} (what changed since an earlier instant, or null) and
 * {@code summary} (plain sentences about the whole cycle).
 *
 * <p>The sentences (the model's {@code fittedOn}, a key result's {@code insight}, its causes' and precedents'
 * {@code sentence}, the {@code reason} of cascades, escalations, escalation groups and broken connections, the objectives'
 * and the cycle's {@code summary}) are written {@link SafeText#printable printable}: the teams' free text in them
 * (titles, names, a connection's error) with every control character, line separator and bidirectional control as the
 * six characters backslash, {@code u} and four hex digits, as the text report shows them; decoding the JSON gives
 * those characters, never the control character. Every other string (ids, titles, names, notes, errors) is the
 * document's own value and round-trips exactly.
 */
public final class ReportJson {
  /** The format this class writes. */
  public static final String FORMAT = "okr-report/1";

  private static final ReportJson DEFAULTS = new ReportJson();

  private final JsonFactory factory =
      Jackson.factory(CycleJson.DEFAULT_MAX_DOCUMENT_BYTES, CycleJson.DEFAULT_MAX_NESTING_DEPTH);

  private ReportJson() {}

  /** The writer. */
  public static ReportJson withDefaults() {
    return DEFAULTS;
  }

  /** The document for {@code report}, pretty-printed. */
  public String write(CycleReport report) {
    StringWriter out = new StringWriter();
    try {
      write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  /** Writes the document for {@code report} to {@code out}, pretty-printed; does not close it. */
  public void write(CycleReport report, Writer out) throws IOException {
    Objects.requireNonNull(report, "report must not be null");
    try (JsonGenerator g = Jackson.generator(factory, out, true)) {
      report(g, report);
    }
    out.write('\n');
  }

  /** Writes {@code report} as one compact line (ending in a newline), for JSON Lines output. */
  public void writeLine(CycleReport report, Writer out) throws IOException {
    Objects.requireNonNull(report, "report must not be null");
    try (JsonGenerator g = Jackson.generator(factory, out, false)) {
      report(g, report);
    }
    out.write('\n');
  }

  /**
   * Reads a document this class wrote (or any {@code okr-report/1} document with the same fields) back into a report.
   * Unknown fields are ignored; {@code reasonDetails} is read when present, else the codes of {@code reasons};
   * {@code model} is optional (documents written before it existed read with a null model), and so is
   * {@code escalationGroups} (read as none), {@code teams} (read as none), {@code changes} (read as null) and a key
   * result's {@code precedents} (read as null).
   *
   * @throws IllegalArgumentException listing every problem, one {@code path: message} per line, when the JSON is
   *     malformed, is not an {@code okr-report/1} document, or breaks a rule of the report's values
   */
  public CycleReport read(String json) {
    Objects.requireNonNull(json, "json must not be null");
    List<Problem> problems = new ArrayList<>();
    Object root;
    try (JsonParser p = factory.createParser(json)) {
      root = JsonTree.parse(p, CycleJson.DEFAULT_MAX_NESTING_DEPTH, 0, problems);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string does not fail
    }
    CycleReport report = null;
    if (root != null) {
      ReportReader reader = new ReportReader(problems);
      report = reader.read(root);
      problems = reader.problems;
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
          + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    }
    return report;
  }

  private static void report(JsonGenerator g, CycleReport r) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeStringField("cycleId", r.cycleId());
    g.writeStringField("asOf", r.asOf().toString());
    ForecastModelInfo model = r.model();
    if (model != null) {
      g.writeObjectFieldStart("model");
      g.writeStringField("name", model.name());
      g.writeStringField("method", model.method());
      sentence(g, "fittedOn", model.fittedOn());
      if (model.atLastCheckIn()) {
        // only where it is not the end, so that every report written before reads and writes as it did
        g.writeStringField("forecastAt", "last-check-in");
      }
      g.writeEndObject();
    }
    g.writeArrayFieldStart("keyResults");
    for (KeyResultReport kr : r.keyResults()) {
      keyResult(g, kr);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("cascades");
    for (CascadeSummary c : r.cascades()) {
      g.writeStartObject();
      g.writeStringField("source", c.source());
      strings(g, "affected", c.affected());
      g.writeNumberField("affectedCount", c.affectedCount());
      strings(g, "teams", c.teams());
      g.writeNumberField("slipDays", plain(c.slipDays()));
      number(g, "probabilityOfMiss", c.probabilityOfMiss());
      sentence(g, "reason", c.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("escalations");
    for (EscalationSummary e : r.escalations()) {
      g.writeStartObject();
      g.writeStringField("subject", e.subject());
      g.writeNumberField("level", e.level());
      g.writeStringField("since", e.since().toString());
      g.writeStringField("to", e.to());
      sentence(g, "reason", e.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("escalationGroups");
    for (EscalationGroup e : r.escalationGroups()) {
      g.writeStartObject();
      g.writeStringField("kind", e.kind());
      g.writeStringField("cause", e.cause());
      strings(g, "subjects", e.subjects());
      g.writeNumberField("level", e.level());
      g.writeStringField("to", e.to());
      sentence(g, "reason", e.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("sourceHealth");
    for (SourceHealthSummary s : r.sourceHealth()) {
      g.writeStartObject();
      g.writeStringField("source", s.source());
      strings(g, "keyResults", s.keyResults());
      g.writeBooleanField("wholeSource", s.wholeSource());
      if (s.lastValueOn() != null) {
        g.writeStringField("lastValueOn", s.lastValueOn().toString());
      }
      g.writeNumberField("silentDays", s.silentDays());
      g.writeNumberField("expectedEveryDays", plain(s.expectedEveryDays()));
      sentence(g, "reason", s.reason());
      if (s.failing()) {
        g.writeStringField("failingSince", s.failingSince().toString());
        g.writeStringField("lastError", s.lastError());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("objectives");
    for (ObjectiveSummary o : r.objectives()) {
      g.writeStartObject();
      g.writeStringField("id", o.id());
      g.writeStringField("title", o.title());
      g.writeStringField("team", o.team());
      g.writeNumberField("keyResults", o.keyResults());
      g.writeNumberField("needAttention", o.needAttention());
      number(g, "progress", o.progress());
      number(g, "expectedProgress", o.expectedProgress());
      if (o.probability() != null) {
        number(g, "probability", o.probability());
      }
      sentence(g, "summary", o.summary());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("teams");
    for (TeamSummary t : r.teams()) {
      g.writeStartObject();
      g.writeStringField("id", t.id());
      g.writeStringField("name", t.name());
      g.writeNumberField("keyResults", t.keyResults());
      g.writeNumberField("needAttention", t.needAttention());
      number(g, "progress", t.progress());
      number(g, "expectedProgress", t.expectedProgress());
      strings(g, "owners", t.owners());
      g.writeEndObject();
    }
    g.writeEndArray();
    changes(g, r.changes());
    sentence(g, "summary", r.summary());
    g.writeEndObject();
  }

  /** {@code changes}: null when the report compared nothing. */
  private static void changes(JsonGenerator g, ReportChanges c) throws IOException {
    g.writeFieldName("changes");
    if (c == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("since", c.since().toString());
    g.writeArrayFieldStart("statusChanges");
    for (ReportChanges.StatusChange s : c.statusChanges()) {
      g.writeStartObject();
      g.writeStringField("subject", s.subject());
      g.writeStringField("title", s.title());
      g.writeStringField("from", s.from().jsonName());
      g.writeStringField("to", s.to().jsonName());
      // only where true: a report with news everywhere is written as before
      if (s.withoutCheckIn()) {
        g.writeBooleanField("withoutCheckIn", true);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("newEscalations");
    for (ReportChanges.NewEscalation e : c.newEscalations()) {
      g.writeStartObject();
      g.writeStringField("subject", e.subject());
      g.writeStringField("title", e.title());
      g.writeNumberField("level", e.level());
      g.writeStringField("to", e.to());
      g.writeFieldName("fromLevel");
      if (e.fromLevel() == null) {
        g.writeNull();
      } else {
        g.writeNumber(e.fromLevel().intValue());
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("probabilityMoves");
    for (ReportChanges.ProbabilityMove m : c.probabilityMoves()) {
      g.writeStartObject();
      g.writeStringField("subject", m.subject());
      g.writeStringField("title", m.title());
      number(g, "from", m.from());
      number(g, "to", m.to());
      if (m.withoutCheckIn()) {
        g.writeBooleanField("withoutCheckIn", true);
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("droppedEscalations");
    for (ReportChanges.DroppedEscalation d : c.droppedEscalations()) {
      g.writeStartObject();
      g.writeStringField("subject", d.subject());
      g.writeStringField("title", d.title());
      g.writeNumberField("fromLevel", d.fromLevel());
      g.writeStringField("fromTo", d.fromTo());
      g.writeFieldName("level");
      if (d.level() == null) {
        g.writeNull();
      } else {
        g.writeNumber(d.level().intValue());
      }
      g.writeStringField("to", d.to());
      sentence(g, "reason", d.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void keyResult(JsonGenerator g, KeyResultReport kr) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", kr.id());
    g.writeStringField("title", kr.title());
    g.writeStringField("objective", kr.objective());
    g.writeStringField("team", kr.team());
    if (kr.owner() != null) {
      g.writeStringField("owner", kr.owner());
    }
    if (kr.metric() != null) {
      g.writeFieldName("metric");
      CycleWriter.metric(g, kr.metric());
    }
    g.writeStringField("status", kr.status().jsonName());
    number(g, "value", kr.value());
    number(g, "progress", kr.progress());
    number(g, "expectedProgress", kr.expectedProgress());
    g.writeFieldName("daysSinceCheckIn");
    if (kr.daysSinceCheckIn() == null) {
      g.writeNull();
    } else {
      g.writeNumber(kr.daysSinceCheckIn().intValue());
    }
    g.writeFieldName("forecast");
    forecast(g, kr.forecast());
    g.writeArrayFieldStart("reasons");
    for (Reason reason : kr.reasons()) {
      g.writeString(reason.code());
    }
    g.writeEndArray();
    g.writeArrayFieldStart("reasonDetails");
    for (Reason reason : kr.reasons()) {
      g.writeStartObject();
      g.writeStringField("code", reason.code());
      g.writeObjectFieldStart("evidence");
      for (Map.Entry<String, Double> e : reason.evidence().entrySet()) {
        number(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    sentence(g, "insight", kr.insight());
    g.writeArrayFieldStart("causes");
    for (Cause c : kr.causes()) {
      g.writeStartObject();
      g.writeStringField("code", c.code());
      g.writeStringField("subject", c.subject());
      g.writeObjectFieldStart("evidence");
      for (Map.Entry<String, Double> e : c.evidence().entrySet()) {
        number(g, e.getKey(), e.getValue());
      }
      g.writeEndObject();
      sentence(g, "sentence", c.sentence());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (kr.precedents() != null) {
      g.writeFieldName("precedents");
      precedents(g, kr.precedents());
    }
    g.writeEndObject();
  }

  private static void precedents(JsonGenerator g, PrecedentSummary p) throws IOException {
    g.writeStartObject();
    g.writeNumberField("fraction", plain(p.fraction()));
    g.writeNumberField("pool", p.pool());
    g.writeNumberField("similar", p.similar());
    g.writeNumberField("sameTeam", p.sameTeam());
    g.writeFieldName("recovered");
    if (p.recovered() == null) {
      g.writeNull();
    } else {
      g.writeNumber(p.recovered().intValue());
    }
    number(g, "recoveredLow", p.recoveredLow());
    number(g, "recoveredHigh", p.recoveredHigh());
    number(g, "missedMedianProgress", p.missedMedianProgress());
    g.writeArrayFieldStart("factors");
    for (PrecedentSummary.Factor f : p.factors()) {
      g.writeStartObject();
      g.writeStringField("code", f.code());
      g.writeNumberField("recovered", f.recovered());
      g.writeNumberField("missed", f.missed());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("nearest");
    for (PrecedentSummary.Case c : p.nearest()) {
      g.writeStartObject();
      g.writeStringField("cycleId", c.cycleId());
      g.writeStringField("keyResult", c.keyResult());
      g.writeStringField("team", c.team());
      g.writeNumberField("distance", plain(c.distance()));
      g.writeBooleanField("met", c.met());
      g.writeNumberField("finalProgress", plain(c.finalProgress()));
      g.writeEndObject();
    }
    g.writeEndArray();
    sentence(g, "sentence", p.sentence());
    g.writeEndObject();
  }

  private static void forecast(JsonGenerator g, ForecastSummary f) throws IOException {
    if (f == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeStringField("method", f.method());
    g.writeNumberField("landingValue", plain(f.landingValue()));
    g.writeNumberField("landingProgress", plain(f.landingProgress()));
    g.writeFieldName("interval");
    PredictionInterval i = f.interval();
    if (i == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeNumberField("level", plain(i.level()));
      g.writeNumberField("low", plain(i.low()));
      g.writeNumberField("high", plain(i.high()));
      g.writeEndObject();
    }
    number(g, "probabilityOfTarget", f.probabilityOfTarget());
    number(g, "requiredVelocityPerWeek", f.requiredVelocityPerWeek());
    number(g, "actualVelocityPerWeek", f.actualVelocityPerWeek());
    number(g, "velocityRatio", f.velocityRatio());
    date(g, "completionDate", f.completionDate());
    date(g, "completionP50", f.completionP50());
    date(g, "completionP85", f.completionP85());
    g.writeEndObject();
  }

  /**
   * A sentence: {@code s} {@link SafeText#printable printable}, so that no free text in it reaches a reader who
   * decodes the JSON as a control character; null as null. Escaping twice changes nothing.
   */
  private static void sentence(JsonGenerator g, String name, String s) throws IOException {
    g.writeStringField(name, s == null ? null : SafeText.printable(s));
  }

  /** A number, or null when unknown or not finite (the records rule that out; this is the last guard). */
  private static void number(JsonGenerator g, String name, Double value) throws IOException {
    g.writeFieldName(name);
    if (value == null || !Double.isFinite(value)) {
      g.writeNull();
    } else {
      g.writeNumber(plain(value));
    }
  }

  /** {@code v}, with -0.0 (0 / -2, the progress of a decrease key result at its baseline) as 0.0. */
  private static double plain(double v) {
    return v == 0 ? 0.0 : v;
  }

  private static void date(JsonGenerator g, String name, Object date) throws IOException {
    g.writeFieldName(name);
    if (date == null) {
      g.writeNull();
    } else {
      g.writeString(date.toString());
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
