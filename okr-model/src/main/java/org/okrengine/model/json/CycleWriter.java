package org.okrengine.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.okrengine.model.CheckIn;
import org.okrengine.model.Cycle;
import org.okrengine.model.Dependency;
import org.okrengine.model.Initiative;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Milestone;
import org.okrengine.model.Objective;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Plan;
import org.okrengine.model.PlanPoint;
import org.okrengine.model.Result;
import org.okrengine.model.SourceStatus;
import org.okrengine.model.Team;

/**
 * Writes an {@link OkrCycle} as an {@code okr-cycle/1} document, fields in the order of docs/FORMAT.md's example.
 * Nulls, and the empty lists that reading restores, are left out. Stateless and thread-safe.
 */
final class CycleWriter {
  private CycleWriter() {}

  static void write(JsonGenerator g, OkrCycle c) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", CycleJson.FORMAT);
    g.writeFieldName("cycle");
    cycle(g, c.cycle());
    g.writeArrayFieldStart("teams");
    for (Team t : c.teams()) {
      g.writeStartObject();
      g.writeStringField("id", t.id());
      g.writeStringField("name", t.name());
      optional(g, "parent", t.parent());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("objectives");
    for (Objective o : c.objectives()) {
      objective(g, o);
    }
    g.writeEndArray();
    if (!c.initiatives().isEmpty()) {
      g.writeArrayFieldStart("initiatives");
      for (Initiative i : c.initiatives()) {
        initiative(g, i);
      }
      g.writeEndArray();
    }
    if (!c.dependencies().isEmpty()) {
      g.writeArrayFieldStart("dependencies");
      for (Dependency d : c.dependencies()) {
        g.writeStartObject();
        g.writeStringField("upstream", d.upstream());
        g.writeStringField("downstream", d.downstream());
        g.writeStringField("kind", d.kind().jsonName());
        optional(g, "needBy", d.needBy());
        optional(g, "note", d.note());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    if (!c.sources().isEmpty()) {
      g.writeArrayFieldStart("sources");
      for (SourceStatus s : c.sources()) {
        g.writeStartObject();
        g.writeStringField("name", s.name());
        g.writeStringField("state", s.state().jsonName());
        g.writeStringField("since", s.since().toString());
        optional(g, "lastError", s.lastError());
        strings(g, "keyResults", s.keyResults());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void cycle(JsonGenerator g, Cycle c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("name", c.name());
    g.writeStringField("start", c.start().toString());
    g.writeStringField("end", c.end().toString());
    g.writeStringField("zone", zoneName(c.zone()));
    if (c.checkInEveryDays() != null) {
      g.writeNumberField("checkInEveryDays", c.checkInEveryDays());
    }
    g.writeEndObject();
  }

  /** The zone's id; {@code UTC} for the default zone (reading {@code UTC} gives it back). */
  static String zoneName(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  private static void objective(JsonGenerator g, Objective o) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", o.id());
    g.writeStringField("title", o.title());
    g.writeStringField("team", o.team());
    optional(g, "owner", o.owner());
    optional(g, "parent", o.parent());
    if (o.commitmentDeclared()) { // an undeclared one (committed by default) stays undeclared when read back
      g.writeStringField("commitment", o.commitment().jsonName());
    }
    g.writeArrayFieldStart("keyResults");
    for (KeyResult kr : o.keyResults()) {
      keyResult(g, kr);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void keyResult(JsonGenerator g, KeyResult kr) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", kr.id());
    g.writeStringField("title", kr.title());
    optional(g, "owner", kr.owner());
    g.writeStringField("team", kr.team());
    g.writeNumberField("weight", kr.weight());
    strings(g, "tags", kr.tags());
    g.writeFieldName("metric");
    metric(g, kr.metric());
    g.writeFieldName("plan");
    plan(g, kr.plan());
    g.writeArrayFieldStart("checkIns");
    for (CheckIn c : kr.checkIns()) {
      checkIn(g, c);
    }
    g.writeEndArray();
    Result r = kr.result();
    if (r != null) {
      g.writeObjectFieldStart("result");
      g.writeNumberField("finalValue", r.finalValue());
      optional(g, "selfScore", r.selfScore());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  static void metric(JsonGenerator g, Metric m) throws IOException {
    g.writeStartObject();
    optional(g, "baseline", m.baseline());
    g.writeNumberField("target", m.target());
    g.writeStringField("direction", m.direction().jsonName());
    optional(g, "unit", m.unit());
    optional(g, "min", m.min());
    optional(g, "max", m.max());
    if (m.levels() != null) {
      g.writeArrayFieldStart("levels");
      for (double level : m.levels()) {
        g.writeNumber(level);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void plan(JsonGenerator g, Plan plan) throws IOException {
    g.writeStartObject();
    g.writeStringField("shape", plan.shapeName());
    if (plan instanceof Plan.Points points) {
      g.writeArrayFieldStart("points");
      for (PlanPoint p : points.points()) {
        g.writeStartObject();
        g.writeStringField("date", p.date().toString());
        g.writeNumberField("value", p.value());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void checkIn(JsonGenerator g, CheckIn c) throws IOException {
    g.writeStartObject();
    g.writeStringField("at", c.at().toString());
    g.writeNumberField("value", c.value());
    optional(g, "confidence", c.confidence());
    optional(g, "note", c.note());
    strings(g, "blockers", c.blockers());
    optional(g, "source", c.source());
    g.writeEndObject();
  }

  private static void initiative(JsonGenerator g, Initiative i) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("title", i.title());
    g.writeStringField("team", i.team());
    optional(g, "owner", i.owner());
    g.writeArrayFieldStart("keyResults");
    for (String kr : i.keyResults()) {
      g.writeString(kr);
    }
    g.writeEndArray();
    if (!i.milestones().isEmpty()) {
      g.writeArrayFieldStart("milestones");
      for (Milestone m : i.milestones()) {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("title", m.title());
        g.writeStringField("due", m.due().toString());
        optional(g, "completed", m.completed());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void optional(JsonGenerator g, String name, Object value) throws IOException {
    if (value == null) {
      return;
    }
    if (value instanceof Double d) {
      g.writeNumberField(name, d.doubleValue());
    } else {
      g.writeStringField(name, value.toString());
    }
  }
}
