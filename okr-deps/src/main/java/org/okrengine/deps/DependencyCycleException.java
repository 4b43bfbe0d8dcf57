package org.okrengine.deps;

import java.util.ArrayList;
import java.util.List;
import org.okrengine.model.InvalidCycleException;
import org.okrengine.model.Problem;

/**
 * Thrown when blocking and contributing dependencies form cycles; carries every cycle as a path, for example
 * {@code dependency cycle: KR-3 -> I-2 -> KR-3}. Immutable and thread-safe.
 */
public final class DependencyCycleException extends InvalidCycleException {
  private static final long serialVersionUID = 1L;

  /** The cycles, each from its smallest id back to it. */
  private final transient List<List<String>> cycles;

  DependencyCycleException(List<List<String>> cycles) {
    super(problems(cycles));
    this.cycles = List.copyOf(cycles);
  }

  /** Every cycle, each a list of ids whose last element repeats the first. */
  public List<List<String>> cycles() {
    return cycles;
  }

  private static List<Problem> problems(List<List<String>> cycles) {
    List<Problem> out = new ArrayList<>();
    for (List<String> c : cycles) {
      out.add(new Problem("", "dependency cycle: " + String.join(" -> ", c)));
    }
    return out;
  }
}
