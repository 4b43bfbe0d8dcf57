package org.okrengine.retro;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.okrengine.model.Team;

/** The teams' names by id, for the recommendations and the report ({@link RetroReport#teamName}); a team named differently in two cycles keeps the least name. */
final class TeamNamesSection implements Section<TeamNamesSection> {
  final Map<String, String> names = new HashMap<>();

  @Override
  public void add(CycleFacts f) {
    for (Team t : f.okrCycle.teams()) {
      name(t.id(), t.name());
    }
  }

  private void name(String id, String name) {
    names.merge(id, name, (a, b) -> a.compareTo(b) <= 0 ? a : b);
  }

  @Override
  public void merge(TeamNamesSection o) {
    o.names.forEach(this::name);
  }

  @Override
  public void write(ByteWriter out) {
    out.writeMap(names, (name, o) -> o.writeString(name));
  }

  @Override
  public void read(ByteReader in) {
    in.readMap("team names", 4, names, (r, id, what) -> r.readString(what));
  }

  @Override
  public void report(ReportParts r) {
    r.teamNames = new TreeMap<>(names);
  }
}
