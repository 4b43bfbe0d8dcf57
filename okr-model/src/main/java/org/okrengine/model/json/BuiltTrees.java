package org.okrengine.model.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.model.internal.CycleValidation;
import org.okrengine.model.json.JsonTree.Num;
import org.okrengine.model.json.JsonTree.Obj;

/**
 * The {@code okr-cycle/1} reader's side of {@link CycleValidation}: turns the plain tree a builder hands over into the
 * tree {@link CycleReader} reads, values written as a document writes them, and reads it. Installs itself when
 * initialised. Stateless and thread-safe.
 */
final class BuiltTrees {
  static {
    CycleValidation.install(BuiltTrees::read);
  }

  private BuiltTrees() {}

  static CycleValidation.Outcome read(CycleValidation.Element element, Map<String, Object> tree) {
    return CycleReader.readElement(element, object(tree));
  }

  private static Obj object(Map<?, ?> map) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() != null) {
        fields.put((String) e.getKey(), value(e.getValue()));
      }
    }
    return new Obj(fields);
  }

  private static Object value(Object v) {
    if (v instanceof Map<?, ?> m) {
      return object(m);
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        out.add(item == null ? JsonTree.NULL : value(item));
      }
      return out;
    }
    if (v instanceof Double d) {
      // as a parser gives it: the text only for a value a document cannot hold as a finite number
      return new Num(d, Double.isFinite(d) ? null : d.toString());
    }
    if (v instanceof LocalDate || v instanceof Instant) {
      return v.toString(); // as CycleWriter writes them
    }
    if (v instanceof ZoneId z) {
      return CycleWriter.zoneName(z);
    }
    if (v instanceof String) {
      return v;
    }
    throw new IllegalArgumentException("not a value of a plain tree: " + v.getClass().getName());
  }
}
