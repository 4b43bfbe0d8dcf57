package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireWellFormed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.okrengine.model.internal.CycleValidation;

/**
 * A piece of work that contributes to key results, with its milestones. Immutable and thread-safe.
 *
 * @param id unique id
 * @param title display title (the id when null)
 * @param team the owning team's id
 * @param owner the owner's name, or null
 * @param keyResults ids of the key results it contributes to
 * @param milestones its milestones in document order
 */
public record Initiative(String id, String title, String team, String owner, List<String> keyResults,
    List<Milestone> milestones) {
  /** Validates and copies the lists. */
  public Initiative {
    requireId(id, "id");
    title = title == null ? id : requireWellFormed(title, "title");
    requireWellFormed(owner, "owner");
    requireId(team, "team");
    keyResults = keyResults == null ? List.of() : copy(keyResults, "keyResults");
    milestones = milestones == null ? List.of() : copy(milestones, "milestones");
  }

  /**
   * A builder of the initiative {@code id}:
   * {@code Initiative.builder("I-1").team("product").keyResults("KR-1").milestone("M-1", "Beta", due)}. Nothing is
   * checked before {@link Builder#build} (or the build of the cycle it goes into), which lists every problem.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this initiative's fields and milestones. */
  public Builder toBuilder() {
    Builder b = new Builder(id).title(title).team(team).owner(owner).keyResults(keyResults);
    for (Milestone m : milestones) {
      b.milestone(m);
    }
    return b;
  }

  /**
   * Builds an {@link Initiative} field by field, with its milestones, as {@code okr-cycle/1} writes one.
   * {@link #build} checks every rule the JSON reader checks and lists every problem at once, each naming the item and
   * its field ({@code M-2.due: must be within 1900-01-01..2200-12-31: 2301-01-01}); references to teams and key
   * results are resolved when the cycle is built. Titles are the ids when none is set.
   *
   * <p>Not thread-safe: use a builder from one thread. What it builds is immutable and thread-safe.
   */
  public static final class Builder {
    private final String id;
    private String title;
    private String team;
    private String owner;
    private List<String> keyResults;
    private final List<Map<String, Object>> milestones = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    /** Its display title (the id when null). */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The owning team's id. */
    public Builder team(String team) {
      this.team = team;
      return this;
    }

    /** The owner's name, or null. */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /** The ids of the key results it contributes to. */
    public Builder keyResults(String... keyResults) {
      return keyResults(Arrays.asList(keyResults));
    }

    /** The ids of the key results it contributes to (a copy is kept). */
    public Builder keyResults(List<String> keyResults) {
      this.keyResults = keyResults == null ? null : new ArrayList<>(keyResults);
      return this;
    }

    /** Adds an open milestone due on {@code due} (a local date in the cycle's zone). */
    public Builder milestone(String id, String title, LocalDate due) {
      return milestone(id, title, due, null);
    }

    /** Adds a milestone due on {@code due} and completed on {@code completed} (null while open). */
    public Builder milestone(String id, String title, LocalDate due, LocalDate completed) {
      Map<String, Object> m = Built.object();
      Built.put(m, "id", id);
      Built.put(m, "title", title);
      Built.put(m, "due", due);
      Built.put(m, "completed", completed);
      milestones.add(m);
      return this;
    }

    /** Adds a milestone. */
    public Builder milestone(Milestone milestone) {
      return milestone(milestone.id(), milestone.title(), milestone.due(), milestone.completed());
    }

    Builder copy() {
      Builder b = new Builder(id).title(title).team(team).owner(owner).keyResults(keyResults);
      b.milestones.addAll(milestones); // each map is never changed after it is added
      return b;
    }

    Map<String, Object> tree() {
      Map<String, Object> t = Built.object();
      Built.put(t, "id", id);
      Built.put(t, "title", title);
      Built.put(t, "team", team);
      Built.put(t, "owner", owner);
      Built.put(t, "keyResults", keyResults == null ? null : new ArrayList<Object>(keyResults));
      t.put("milestones", new ArrayList<Object>(milestones));
      return t;
    }

    /** Names this initiative and its milestones at {@code path} in a tree, under {@code parent}. */
    void names(Built.Names names, String path, String parent) {
      names.add(path, id, parent);
      String prefix = path.isEmpty() ? "" : path + ".";
      for (int k = 0; k < milestones.size(); k++) {
        names.add(prefix + "milestones[" + k + "]", (String) milestones.get(k).get("id"), path);
      }
    }

    /**
     * The initiative.
     *
     * @throws InvalidCycleException listing every problem, each naming the item and its field
     */
    public Initiative build() {
      Built.Names names = new Built.Names("initiative");
      names(names, "", null);
      return Built.read(CycleValidation.Element.INITIATIVE, tree(), names, Initiative.class);
    }
  }
}
