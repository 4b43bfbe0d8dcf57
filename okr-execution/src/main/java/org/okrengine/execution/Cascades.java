package org.okrengine.execution;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.CascadeAnalyzer;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;

/**
 * The cascades of one snapshot, most impact first, with what the report asks of them across the list: the cascades
 * that hold an item's figures (for its causes), whether any cascade reaches an item, and a cascade's whole reach
 * (its {@link Cascade#affected()} lists only the nearest). The index is built once, in time linear in the figures
 * the cascades hold, so that a key result's causes do not scan every cascade. Immutable and thread-safe.
 */
final class Cascades extends AbstractList<Cascade> implements RandomAccess {
  private static final Cascades NONE = new Cascades(null, Map.of(), List.of());

  private final DependencyGraph graph;
  private final Map<String, NodeRisk> risks;
  private final List<Cascade> list;
  /** The cascades holding each item's figures, in list order. */
  private final Map<String, List<Cascade>> holding;

  private Cascades(DependencyGraph graph, Map<String, NodeRisk> risks, List<Cascade> list) {
    this.graph = graph;
    this.risks = risks;
    this.list = list;
    Map<String, List<Cascade>> index = new HashMap<>();
    for (Cascade c : list) {
      for (String id : c.missProbability().keySet()) {
        index.computeIfAbsent(id, k -> new ArrayList<>(2)).add(c);
      }
    }
    this.holding = index;
  }

  /** No cascades. */
  static Cascades none() {
    return NONE;
  }

  /** The cascades that the slips of {@code risks} start in {@code graph}. */
  static Cascades of(DependencyGraph graph, Map<String, NodeRisk> risks) {
    Map<String, NodeRisk> copy = Map.copyOf(risks);
    return new Cascades(graph, copy, CascadeAnalyzer.analyze(graph, copy));
  }

  @Override
  public Cascade get(int index) {
    return list.get(index);
  }

  @Override
  public int size() {
    return list.size();
  }

  /**
   * The cascades that hold figures for {@code id}: the at most {@link Cascade#MAX_CASCADES_PER_ITEM} most likely
   * to make it miss, in list order; empty when none reaches it.
   */
  List<Cascade> holding(String id) {
    return holding.getOrDefault(id, List.of());
  }

  /** Whether any cascade reaches {@code id}. */
  boolean reached(String id) {
    // every item a cascade reaches has its figures in at least one cascade
    return holding.containsKey(id);
  }

  /** Everything {@code c} reaches, nearest first. */
  List<String> reach(Cascade c) {
    if (c.affected().size() == c.affectedCount()) {
      return c.affected();
    }
    return CascadeAnalyzer.reach(graph, c.source(), risks.get(c.source()));
  }
}
