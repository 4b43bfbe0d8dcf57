package org.okrengine.retro;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A dimension the completion figures are broken down by. Immutable and thread-safe. */
public enum Grouping {
  /** The key result's team. */
  TEAM("team"),
  /** The key result's objective, keyed {@code cycleId/objectiveId}. */
  OBJECTIVE("objective"),
  /** The key result's owner; key results without an owner are left out. */
  OWNER("owner"),
  /** Each of the key result's tags; key results without tags are left out. */
  TAG("tag"),
  /** The metric's direction ({@code increase}, {@code maintain-above}, ...). */
  DIRECTION("direction"),
  /** The metric's unit; key results without a unit are left out. */
  UNIT("unit"),
  /**
   * The objective's declared commitment ({@code committed} or {@code aspirational}); key results of objectives that
   * declare none are left out.
   */
  COMMITMENT("commitment");

  private final String jsonName;

  Grouping(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name used in {@code okr-retro/1} and on the command line. */
  public String jsonName() {
    return jsonName;
  }

  /** The grouping with the given name, or empty. */
  public static Optional<Grouping> fromJsonName(String name) {
    for (Grouping g : values()) {
      if (g.jsonName.equals(name)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }

  /**
   * The groupings named in {@code names} (their JSON names, or {@code all} for every grouping), as the command line
   * and the Spark job take them.
   *
   * @throws IllegalArgumentException naming every unknown name and the names expected
   */
  public static Set<Grouping> parse(List<String> names) {
    Set<Grouping> out = EnumSet.noneOf(Grouping.class);
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      if (name.equals("all")) {
        out.addAll(EnumSet.allOf(Grouping.class));
      } else {
        fromJsonName(name).ifPresentOrElse(out::add, () -> unknown.add("'" + name + "'"));
      }
    }
    if (!unknown.isEmpty()) {
      List<String> expected = new ArrayList<>();
      for (Grouping g : values()) {
        expected.add(g.jsonName);
      }
      throw new IllegalArgumentException("unknown grouping " + String.join(", ", unknown) + " (expected "
          + String.join(", ", expected) + " or all)");
    }
    return out;
  }
}
