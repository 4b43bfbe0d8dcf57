package org.okrengine.execution;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.okrengine.deps.Cascade;
import org.okrengine.deps.CascadeAnalyzer;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.NodeRisk;

/**
 * The cascades of one snapshot, most impact first, with what the report asks of them across the list: the cascades
 * that hold an item's figures (for its causes), the cascade from an item, whether any cascade reaches an item, and
 * how much of a set cascades reach in all (their {@link Cascade#affected()} lists only the nearest). The indexes are
 * built once, in time linear in the figures the cascades hold, so that nothing asked per key result scans every
 * cascade. Immutable and thread-safe.
 */
final class Cascades extends AbstractList<Cascade> implements RandomAccess {
  private static final Cascades NONE = new Cascades(null, Map.of(), List.of());

  private final DependencyGraph graph;
  private final Map<String, NodeRisk> risks;
  private final List<Cascade> list;
  /** The cascades holding each item's figures, with them, in list order. */
  private final Map<String, List<Held>> holding;
  private final Map<String, Cascade> bySource;

  private Cascades(DependencyGraph graph, Map<String, NodeRisk> risks, List<Cascade> list) {
    this.graph = graph;
    this.risks = risks;
    this.list = list;
    Map<String, List<Held>> index = new HashMap<>();
    Map<String, Cascade> sources = new HashMap<>();
    for (Cascade c : list) {
      sources.put(c.source(), c);
      Iterator<Map.Entry<String, Double>> slips = c.slipAt().entrySet().iterator();
      for (Map.Entry<String, Double> miss : c.missProbability().entrySet()) {
        // both maps hold the same items in the same order
        Map.Entry<String, Double> slip = slips.next();
        index.computeIfAbsent(miss.getKey(), k -> new ArrayList<>(2))
            .add(new Held(c, slip.getValue(), miss.getValue()));
      }
    }
    this.holding = index;
    this.bySource = sources;
  }

  /** No cascades. */
  static Cascades none() {
    return NONE;
  }

  /** The cascades that the slips of {@code risks} start in {@code graph}. */
  static Cascades of(DependencyGraph graph, Map<String, NodeRisk> risks) {
    return of(graph, risks, null);
  }

  /** As {@link #of(DependencyGraph, Map)}, the sentences written at {@code asOf} (CascadeAnalyzer). */
  static Cascades of(DependencyGraph graph, Map<String, NodeRisk> risks, java.time.Instant asOf) {
    Map<String, NodeRisk> copy = Map.copyOf(risks);
    return new Cascades(graph, copy, CascadeAnalyzer.analyze(graph, copy, asOf));
  }

  @Override
  public Cascade get(int index) {
    return list.get(index);
  }

  @Override
  public int size() {
    return list.size();
  }

  /** A cascade that holds an item's figures, and them: its slip there and the probability it makes it miss. */
  record Held(Cascade cascade, double slipAt, double missProbability) {}

  /**
   * The cascades that hold figures for {@code id}, with them: the at most {@link Cascade#MAX_CASCADES_PER_ITEM} most
   * likely to make it miss, in list order; empty when none reaches it.
   */
  List<Held> holding(String id) {
    return holding.getOrDefault(id, List.of());
  }

  /** Whether any cascade reaches {@code id}. */
  boolean reached(String id) {
    // every item a cascade reaches has its figures in at least one cascade
    return holding.containsKey(id);
  }

  /** The cascade from {@code source}, or null. */
  Cascade from(String source) {
    return bySource.get(source);
  }

  /**
   * For each of {@code sources}: how many of {@code ids} its cascade reaches in all (its {@link Cascade#affected()}
   * lists only the nearest). One pass over what they reach.
   */
  Map<String, Integer> countReached(List<Cascade> sources, Set<String> ids) {
    if (sources.isEmpty()) {
      return Map.of(); // and none() has no graph to count in
    }
    Set<String> of = new HashSet<>();
    for (Cascade c : sources) {
      of.add(c.source());
    }
    // all the slips: an initiative's cascade carries its late milestones (CascadeAnalyzer)
    return CascadeAnalyzer.countReached(graph, risks, of, ids);
  }
}
