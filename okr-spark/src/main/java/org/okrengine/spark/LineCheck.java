package org.okrengine.spark;

import java.util.ArrayList;
import java.util.List;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Problem;
import org.okrengine.model.json.CycleJson;
import org.okrengine.model.json.JsonLine;

/**
 * Reads one line of JSON Lines exactly as the okr command does ({@code Inputs}): our own reader, every problem of
 * the document, then the dependency graph checked on load, so a dependency cycle is a problem of its line.
 */
final class LineCheck {
  private LineCheck() {}

  /** The outcome of one non-blank line: the cycle, or its problems (each {@code path: message}). */
  record Outcome(OkrCycle cycle, List<String> problems, int warnings) {}

  static boolean isBlank(String text) {
    return text.isBlank();
  }

  static Outcome check(long lineNumber, String text) {
    JsonLine l = CycleJson.withDefaults().line(lineNumber, text);
    int warnings = l.warnings().size();
    if (!l.isValid()) {
      return new Outcome(null, strings(l.errors()), warnings);
    }
    OkrCycle cycle = l.cycle();
    try {
      if (!cycle.dependencies().isEmpty()) {
        DependencyGraph.of(cycle);
      }
      return new Outcome(cycle, List.of(), warnings);
    } catch (InvalidCycleException e) {
      return new Outcome(null, strings(e.problems()), warnings);
    }
  }

  private static List<String> strings(List<Problem> problems) {
    List<String> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      out.add(p.toString());
    }
    return out;
  }
}
