package org.okrengine.retro;

import java.util.ArrayList;
import java.util.List;

/** Completion by trajectory shape ({@link Trajectories}). */
final class ShapesSection implements Section<ShapesSection> {
  /** By {@link TrajectoryShape} ordinal. */
  final GroupAcc[] shapes = new GroupAcc[TrajectoryShape.values().length];
  /** Scratch for {@link Trajectories#classify}. */
  private final Trajectories.Points points = new Trajectories.Points();

  ShapesSection() {
    for (int i = 0; i < shapes.length; i++) {
      shapes[i] = new GroupAcc();
    }
  }

  @Override
  public void add(CycleFacts f) {
    for (int i = 0; i < f.size; i++) {
      points.ensure(f.from[i + 1] - f.from[i] + 2);
      TrajectoryShape shape = Trajectories.classify(f.keyResults[i], f, i, points);
      shapes[shape.ordinal()].add(f.packed[i], !f.objectives[i].commitmentDeclared());
    }
  }

  @Override
  public void merge(ShapesSection o) {
    for (int i = 0; i < shapes.length; i++) {
      shapes[i].merge(o.shapes[i]);
    }
  }

  @Override
  public void write(ByteWriter out) {
    for (GroupAcc g : shapes) {
      g.write(out);
    }
    GroupAcc.writeUndeclared(out, List.of(shapes));
  }

  @Override
  public void read(ByteReader in) {
    for (TrajectoryShape s : TrajectoryShape.values()) {
      shapes[s.ordinal()].read(in, "shape " + s.jsonName());
    }
    List<String> whats = new ArrayList<>();
    for (TrajectoryShape s : TrajectoryShape.values()) {
      whats.add("shape " + s.jsonName());
    }
    GroupAcc.readUndeclared(in, List.of(shapes), whats, "shapes");
  }

  @Override
  public void report(ReportParts r) {
    for (TrajectoryShape s : TrajectoryShape.values()) {
      r.shapes.add(shapes[s.ordinal()].stats(s.jsonName(), r));
    }
  }
}
