package org.okrengine.spark;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

  /**
   * The outcome of one non-blank line: the cycle, or its problems (each {@code path: message}), and its warnings
   * (each {@code path: message}, of a valid or a rejected line).
   */
  record Outcome(OkrCycle cycle, List<String> problems, List<String> warnings) {}

  /**
   * Whether a line's value (a {@code String}, or its bytes as Spark read them from a file) is blank, as the okr
   * command skips it: a line whose bytes are not UTF-8 is never blank.
   */
  static boolean isBlank(Object value) {
    if (value instanceof byte[] b) {
      for (byte x : b) {
        if (x > ' ' && x < 0x7F) {
          return false; // a printable ASCII character: the usual first byte of a document
        }
      }
      return isUtf8(b) && new String(b, StandardCharsets.UTF_8).isBlank();
    }
    return ((String) value).isBlank();
  }

  private static boolean isUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Checks one non-blank line: {@code value} its text, or its bytes as read from a file (checked as UTF-8 strictly,
   * as the okr command reads a file: bytes that are not UTF-8 reject the line).
   */
  static Outcome check(long lineNumber, Object value) {
    JsonLine l = value instanceof byte[] b ? CycleJson.withDefaults().line(lineNumber, b)
        : CycleJson.withDefaults().line(lineNumber, (String) value);
    List<String> warnings = strings(l.warnings());
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
