package org.okrengine.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.okrengine.deps.DependencyGraph;
import org.okrengine.deps.Edge;
import org.okrengine.model.OkrCycle;
import org.okrengine.model.Team;

/**
 * Where the dependency graph's nodes go on the HTML page, in SVG user units (pixels): columns by dependency depth,
 * one horizontal band per team. Immutable once made; not shared.
 */
final class GraphLayout {
  /*
   * A node's column is its layer: the longest path to it from a node without upstream, so that every edge points
   * right. Rows: per team (in the cycle's order of teams, then nodes of no team), per layer in topological order.
   * A band's height is the most nodes any of its columns holds; teams without nodes get no band.
   */
  /** A node box's width. */
  static final double NW = 164;
  /** A node box's height. */
  static final double NH = 26;
  private static final double GX0 = 130;
  private static final double COL = 190;
  private static final double ROW = 34;
  private static final double BAND_PAD = 10;

  /** The top-left corner {x, y} of each node's box. */
  private final Map<String, double[]> pos;
  /** Each band's {y, height}, top to bottom. */
  private final List<double[]> bands;
  /** Each band's team id ({@code ""} for nodes of no team). */
  private final List<String> bandTeams;
  private final double width;
  private final double height;

  private GraphLayout(Map<String, double[]> pos, List<double[]> bands, List<String> bandTeams, double width,
      double height) {
    this.pos = pos;
    this.bands = bands;
    this.bandTeams = bandTeams;
    this.width = width;
    this.height = height;
  }

  /** The layout of graph {@code g} of {@code okr}, whose nodes in topological order are {@code order}. */
  static GraphLayout of(OkrCycle okr, DependencyGraph g, List<String> order) {
    Map<String, Integer> layer = new HashMap<>();
    int layers = 0;
    for (String v : order) {
      int l = 0;
      for (Edge e : g.upstreamOf(v)) {
        l = Math.max(l, layer.getOrDefault(e.upstream(), 0) + 1);
      }
      layer.put(v, l);
      layers = Math.max(layers, l + 1);
    }
    Map<String, List<List<String>>> cells = new LinkedHashMap<>();
    for (Team t : okr.teams()) {
      cells.put(t.id(), new ArrayList<>());
    }
    for (String v : order) {
      String t = okr.teamOf(v).orElse("");
      List<List<String>> cols = cells.computeIfAbsent(t, k -> new ArrayList<>());
      while (cols.size() < layers) {
        cols.add(new ArrayList<>());
      }
      cols.get(layer.get(v)).add(v);
    }
    Map<String, double[]> pos = new HashMap<>();
    List<double[]> bands = new ArrayList<>();
    List<String> bandTeams = new ArrayList<>();
    double y0 = BAND_PAD;
    for (Map.Entry<String, List<List<String>>> t : cells.entrySet()) {
      int rows = 0;
      for (List<String> col : t.getValue()) {
        rows = Math.max(rows, col.size());
      }
      if (rows == 0) {
        continue;
      }
      double h = rows * ROW + BAND_PAD;
      bands.add(new double[] {y0, h});
      bandTeams.add(t.getKey());
      for (int l = 0; l < t.getValue().size(); l++) {
        List<String> col = t.getValue().get(l);
        for (int i = 0; i < col.size(); i++) {
          pos.put(col.get(i), new double[] {GX0 + l * COL, y0 + BAND_PAD / 2 + i * ROW + (ROW - NH) / 2});
        }
      }
      y0 += h + BAND_PAD;
    }
    return new GraphLayout(pos, bands, bandTeams, GX0 + layers * COL, y0);
  }

  /** The top-left corner {x, y} of node {@code id}'s box, or null for a node not laid out. Do not modify. */
  double[] at(String id) {
    return pos.get(id);
  }

  /** The number of team bands. */
  int bandCount() {
    return bands.size();
  }

  /** The top of band {@code b}. */
  double bandY(int b) {
    return bands.get(b)[0];
  }

  /** The height of band {@code b}. */
  double bandHeight(int b) {
    return bands.get(b)[1];
  }

  /** The team id of band {@code b}, {@code ""} for nodes of no team. */
  String bandTeam(int b) {
    return bandTeams.get(b);
  }

  /** The drawing's width. */
  double width() {
    return width;
  }

  /** The drawing's height. */
  double height() {
    return height;
  }
}
