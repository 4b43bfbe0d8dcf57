package org.okrengine.retro;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.okrengine.model.Commitment;
import org.okrengine.model.KeyResult;
import org.okrengine.model.Metric;
import org.okrengine.model.Objective;

/**
 * Completion broken down by each grouping asked for, and always by team: the recommendations judge teams, and
 * completion over every key result is the teams' merged (each key result has one team).
 */
final class CompletionSection implements Section<CompletionSection> {
  /** The groups of each grouping asked for, and of the team grouping always (the recommendations judge teams). */
  final Map<Grouping, Map<String, GroupAcc>> groups = new EnumMap<>(Grouping.class);
  private final Set<Grouping> asked;
  /** The groupings asked for, and their maps, as arrays for the per-key-result loop. */
  private final Grouping[] active;
  private final List<Map<String, GroupAcc>> activeMaps = new ArrayList<>();
  /** The last key and group of each active grouping (neighbours share keys). */
  private final String[] lastKeys;
  private final GroupAcc[] lastGroups;
  /** Whether the team grouping was asked for; when not, its groups are kept here for the recommendations. */
  private final boolean teamAsked;
  private String lastTeam;
  private GroupAcc lastTeamGroup;

  CompletionSection(Set<Grouping> asked) {
    this.asked = asked;
    for (Grouping g : asked) {
      groups.put(g, new HashMap<>());
    }
    groups.put(Grouping.TEAM, new HashMap<>());
    active = asked.toArray(new Grouping[0]);
    for (Grouping g : active) {
      activeMaps.add(groups.get(g));
    }
    lastKeys = new String[active.length];
    lastGroups = new GroupAcc[active.length];
    teamAsked = asked.contains(Grouping.TEAM);
  }

  @Override
  public void add(CycleFacts f) {
    Objective lastObjective = null;
    String objectiveKey = null;
    boolean byObjective = groups.containsKey(Grouping.OBJECTIVE);
    for (int i = 0; i < f.size; i++) {
      KeyResult kr = f.keyResults[i];
      Objective o = f.objectives[i];
      if (byObjective && o != lastObjective) {
        objectiveKey = f.cycle.id() + "/" + o.id();
        lastObjective = o;
      }
      int packed = f.packed[i];
      Commitment commitment = o.commitment();
      Metric metric = kr.metric();
      for (int gi = 0; gi < active.length; gi++) {
        Map<String, GroupAcc> m = activeMaps.get(gi);
        switch (active[gi]) {
          case TEAM:
            cached(gi, m, kr.team()).add(packed);
            break;
          case OBJECTIVE:
            cached(gi, m, objectiveKey).add(packed);
            break;
          case OWNER:
            if (kr.owner() != null) {
              cached(gi, m, kr.owner()).add(packed);
            }
            break;
          case TAG:
            for (int t = 0; t < kr.tags().size(); t++) {
              group(m, kr.tags().get(t)).add(packed);
            }
            break;
          case DIRECTION:
            cached(gi, m, metric.direction().jsonName()).add(packed);
            break;
          case UNIT:
            if (metric.unit() != null) {
              cached(gi, m, metric.unit()).add(packed);
            }
            break;
          default:
            cached(gi, m, commitment.jsonName()).add(packed);
            break;
        }
      }
      if (!teamAsked) {
        if (!kr.team().equals(lastTeam)) {
          lastTeamGroup = group(groups.get(Grouping.TEAM), kr.team());
          lastTeam = kr.team();
        }
        lastTeamGroup.add(packed);
      }
    }
  }

  /** The group {@code key} of grouping number {@code gi}, remembering the last one. */
  private GroupAcc cached(int gi, Map<String, GroupAcc> m, String key) {
    String last = lastKeys[gi];
    if (key == last || key.equals(last)) {
      return lastGroups[gi];
    }
    GroupAcc g = group(m, key);
    lastKeys[gi] = key;
    lastGroups[gi] = g;
    return g;
  }

  private static GroupAcc group(Map<String, GroupAcc> m, String key) {
    GroupAcc g = m.get(key);
    if (g == null) {
      g = new GroupAcc();
      m.put(key, g);
    }
    return g;
  }

  @Override
  public void merge(CompletionSection o) {
    for (Map.Entry<Grouping, Map<String, GroupAcc>> e : o.groups.entrySet()) {
      Map<String, GroupAcc> mine = groups.get(e.getKey());
      e.getValue().forEach((key, theirs) -> group(mine, key).merge(theirs));
    }
  }

  @Override
  public void write(ByteWriter out) {
    for (Map<String, GroupAcc> m : groups.values()) {
      out.writeMap(m, GroupAcc::write);
    }
  }

  @Override
  public void read(ByteReader in) {
    for (Map.Entry<Grouping, Map<String, GroupAcc>> e : groups.entrySet()) {
      in.readMap("completion by " + e.getKey().jsonName(), GroupAcc.MIN_BYTES, e.getValue(),
          (r, key, what) -> GroupAcc.readNew(r, what));
    }
  }

  @Override
  public void report(ReportParts r) {
    GroupAcc overall = new GroupAcc();
    int scored = 0;
    for (GroupAcc team : groups.get(Grouping.TEAM).values()) {
      scored += team.scores.size();
    }
    overall.scores.ensureCapacity(scored);
    for (GroupAcc team : groups.get(Grouping.TEAM).values()) {
      overall.merge(team);
    }
    r.overall = overall.stats("all", r);
    for (Map.Entry<Grouping, Map<String, GroupAcc>> e : groups.entrySet()) {
      if (!asked.contains(e.getKey())) {
        continue;
      }
      List<GroupStats> list = new ArrayList<>();
      for (Map.Entry<String, GroupAcc> g : new TreeMap<>(e.getValue()).entrySet()) {
        list.add(g.getValue().stats(g.getKey(), r));
      }
      r.breakdowns.add(new Breakdown(e.getKey(), list));
    }
    for (Map.Entry<String, GroupAcc> e : groups.get(Grouping.TEAM).entrySet()) {
      r.byTeam.put(e.getKey(), e.getValue().stats(e.getKey(), r));
    }
  }
}
