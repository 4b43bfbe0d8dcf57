package org.okrengine.retro;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
  /**
   * The groups of each grouping, null for those not asked for (team always), looked up in straight-line code; the
   * objective groups through {@link #objectivesByCycle}.
   */
  private final Map<String, GroupAcc> team;
  /** The team groups by the facts' team number ({@link CycleFacts#teams}), null where not looked up yet. */
  private GroupAcc[] teamByNumber = new GroupAcc[16];
  private final boolean byObjective;
  private final Groups owner;
  private final Groups tag;
  private final Groups direction;
  private final Groups unit;
  private final Groups commitment;
  /** The objective groups by cycle id and objective id (the same groups as in the map keyed cycleId/objectiveId). */
  private final Map<String, Map<String, GroupAcc>> objectivesByCycle = new HashMap<>();

  CompletionSection(Set<Grouping> asked) {
    this.asked = asked;
    for (Grouping g : asked) {
      groups.put(g, new HashMap<>());
    }
    groups.put(Grouping.TEAM, new HashMap<>());
    team = groups.get(Grouping.TEAM);
    byObjective = asked.contains(Grouping.OBJECTIVE);
    owner = groups(Grouping.OWNER);
    tag = groups(Grouping.TAG);
    direction = groups(Grouping.DIRECTION);
    unit = groups(Grouping.UNIT);
    commitment = groups(Grouping.COMMITMENT);
  }

  private Groups groups(Grouping g) {
    Map<String, GroupAcc> m = groups.get(g);
    return m == null ? null : new Groups(m);
  }

  @Override
  public void add(CycleFacts f) {
    Objective lastObjective = null;
    GroupAcc objectiveGroup = null;
    GroupAcc[] byNumber = teamByNumber = f.teamSlots(teamByNumber);
    for (int i = 0; i < f.size; i++) {
      KeyResult kr = f.keyResults[i];
      Objective o = f.objectives[i];
      int packed = f.packed[i];
      boolean undeclared = !o.commitmentDeclared();
      GroupAcc teamGroup = byNumber[f.teams[i]];
      if (teamGroup == null) {
        teamGroup = group(team, f.teamIds[f.teams[i]]);
        byNumber[f.teams[i]] = teamGroup;
      }
      teamGroup.add(packed, undeclared);
      if (byObjective) {
        if (o != lastObjective) {
          objectiveGroup = objectiveGroup(f.cycle.id(), o.id());
          lastObjective = o;
        }
        objectiveGroup.add(packed, undeclared);
      }
      if (owner != null && kr.owner() != null) {
        owner.get(kr.owner()).add(packed, undeclared);
      }
      if (tag != null) {
        List<String> tags = kr.tags();
        for (int t = 0; t < tags.size(); t++) {
          tag.get(tags.get(t)).add(packed, undeclared);
        }
      }
      Metric metric = kr.metric();
      if (direction != null) {
        direction.get(metric.direction().jsonName()).add(packed, undeclared);
      }
      if (unit != null && metric.unit() != null) {
        unit.get(metric.unit()).add(packed, undeclared);
      }
      if (commitment != null && o.commitmentDeclared()) {
        commitment.get(o.commitment().jsonName()).add(packed);
      }
    }
  }

  /**
   * The group of objective {@code objectiveId} of cycle {@code cycleId}, keyed {@code cycleId/objectiveId}: found
   * through the two ids, so that the key is only built for a new group (companies share quarters and objective ids).
   */
  private GroupAcc objectiveGroup(String cycleId, String objectiveId) {
    Map<String, GroupAcc> byObjective = objectivesByCycle.get(cycleId);
    if (byObjective == null) {
      byObjective = new HashMap<>();
      objectivesByCycle.put(cycleId, byObjective);
    }
    GroupAcc g = byObjective.get(objectiveId);
    if (g == null) {
      g = group(groups.get(Grouping.OBJECTIVE), cycleId + "/" + objectiveId);
      byObjective.put(objectiveId, g);
    }
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

  /** The groups of one grouping by key, remembering the last one looked up (neighbours often share key strings). */
  private static final class Groups {
    private final Map<String, GroupAcc> map;
    private String lastKey;
    private GroupAcc last;

    Groups(Map<String, GroupAcc> map) {
      this.map = map;
    }

    GroupAcc get(String key) {
      // the same string as last time, else a look-up: owners and units differ from one key result to the next, and
      // comparing the contents with the last key first would mostly only add a comparison
      if (key != lastKey) {
        last = group(map, key);
        lastKey = key;
      }
      return last;
    }
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
    List<GroupAcc> written = new ArrayList<>();
    for (Map<String, GroupAcc> m : groups.values()) {
      out.writeMap(m, GroupAcc::write);
      new TreeMap<>(m).forEach((key, g) -> written.add(g)); // in the order written: by key
    }
    GroupAcc.writeUndeclared(out, written);
  }

  @Override
  public void read(ByteReader in) {
    List<GroupAcc> read = new ArrayList<>();
    List<String> whats = new ArrayList<>();
    for (Map.Entry<Grouping, Map<String, GroupAcc>> e : groups.entrySet()) {
      String what = "completion by " + e.getKey().jsonName();
      in.readMap(what, GroupAcc.MIN_BYTES, e.getValue(), (r, key, entry) -> {
        GroupAcc g = GroupAcc.readNew(r, entry);
        read.add(g);
        whats.add(entry);
        return g;
      });
    }
    GroupAcc.readUndeclared(in, read, whats, "completion");
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
        GroupStats stats = g.getValue().stats(g.getKey(), r);
        list.add(stats);
        if (e.getKey() == Grouping.TEAM) {
          r.byTeam.put(g.getKey(), stats); // the same figures: not taken twice
        }
      }
      r.breakdowns.add(new Breakdown(e.getKey(), list));
    }
    if (!asked.contains(Grouping.TEAM)) {
      for (Map.Entry<String, GroupAcc> e : groups.get(Grouping.TEAM).entrySet()) {
        r.byTeam.put(e.getKey(), e.getValue().stats(e.getKey(), r));
      }
    }
  }
}
