package org.okrengine.deps;

/**
 * Why one node of the dependency graph depends on another. Immutable and thread-safe.
 */
public enum EdgeKind {
  /** A declared {@code blocks} dependency: downstream cannot finish before upstream. */
  BLOCKS(1.0),
  /** A declared {@code contributes} dependency: upstream's progress feeds downstream's. */
  CONTRIBUTES(0.5),
  /** A milestone is part of its initiative. */
  PART_OF(1.0),
  /** An initiative delivers the key results it lists. */
  DELIVERS(0.5),
  /** An objective is measured by its key results. */
  MEASURES(1.0);

  private final double weight;

  EdgeKind(double weight) {
    this.weight = weight;
  }

  /** How much of an upstream miss passes along this kind of edge (0..1), in the cascade's probability rule. */
  public double weight() {
    return weight;
  }
}
