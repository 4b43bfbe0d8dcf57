package org.okrengine.model;

import static org.okrengine.model.internal.Checks.copy;
import static org.okrengine.model.internal.Checks.optionalId;
import static org.okrengine.model.internal.Checks.requireId;
import static org.okrengine.model.internal.Checks.requireWellFormed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.okrengine.model.internal.CycleValidation;

/**
 * A qualitative goal of one team, measured by its key results. Immutable and thread-safe.
 *
 * @param id unique id
 * @param title display title (the id when null)
 * @param team the owning team's id
 * @param owner the owner's name, or null
 * @param parent the id of the objective this one supports, or null
 * @param commitment committed or aspirational ({@link Commitment#COMMITTED} when null)
 * @param keyResults its key results in document order
 * @param commitmentDeclared whether the commitment was declared (in {@code okr-cycle/1}, the objective has a
 *     {@code commitment}), rather than {@link Commitment#COMMITTED} by default: false when {@code commitment} is null,
 *     true when it is {@link Commitment#ASPIRATIONAL} (only committed is a default). The engine treats an undeclared
 *     commitment as committed; the retrospective judges objectives by their declared commitments only, and the
 *     writer leaves an undeclared one out, so that a document reads back as it was
 */
public record Objective(String id, String title, String team, String owner, String parent, Commitment commitment,
    List<KeyResult> keyResults, boolean commitmentDeclared) {
  /** Validates and copies the key results. */
  public Objective {
    requireId(id, "id");
    title = title == null ? id : requireWellFormed(title, "title");
    requireWellFormed(owner, "owner");
    requireId(team, "team");
    optionalId(parent, "parent");
    commitmentDeclared = commitment != null && (commitmentDeclared || commitment != Commitment.COMMITTED);
    commitment = commitment == null ? Commitment.COMMITTED : commitment;
    keyResults = keyResults == null ? List.of() : copy(keyResults, "keyResults");
  }

  /**
   * An objective whose commitment is declared when {@code commitment} is not null ({@link Commitment#COMMITTED} by
   * default when it is), as the document it is read from has a {@code commitment} or not.
   */
  public Objective(String id, String title, String team, String owner, String parent, Commitment commitment,
      List<KeyResult> keyResults) {
    this(id, title, team, owner, parent, commitment, keyResults, commitment != null);
  }

  /**
   * A builder of the objective {@code id}:
   * {@code Objective.builder("O-1").title("Win mid-market finance").team("growth").keyResult(KeyResult.builder(...))}.
   * Nothing is checked before {@link Builder#build} (or the build of the cycle it goes into), which lists every
   * problem.
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder holding this objective's fields and key results (no commitment when it was not declared). */
  public Builder toBuilder() {
    Builder b = new Builder(id).title(title).team(team).owner(owner).parent(parent)
        .commitment(commitmentDeclared ? commitment : null);
    for (KeyResult kr : keyResults) {
      b.keyResult(kr);
    }
    return b;
  }

  /**
   * Builds an {@link Objective} field by field, with its key results, as {@code okr-cycle/1} writes one.
   * {@link #build} checks every rule the JSON reader checks and lists every problem at once, each naming the item
   * and its field ({@code KR-7.metric: target must differ from baseline (both 5.0)}); references to teams and parent
   * objectives are resolved when the cycle is built. A key result without a team of its own takes the objective's; the
   * title is the id when none is set; the commitment is {@code committed} unless set.
   *
   * <p>Not thread-safe: use a builder from one thread. What it builds is immutable and thread-safe; a builder handed
   * to another builder is copied, so changing it afterwards changes nothing built from the other.
   */
  public static final class Builder {
    private final String id;
    private String title;
    private String team;
    private String owner;
    private String parent;
    private Commitment commitment;
    private final List<KeyResult.Builder> keyResults = new ArrayList<>();

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

    /** The id of the objective this one supports, or null. */
    public Builder parent(String parent) {
      this.parent = parent;
      return this;
    }

    /** Committed or aspirational, declared; when null, not declared ({@link Commitment#COMMITTED} by default). */
    public Builder commitment(Commitment commitment) {
      this.commitment = commitment;
      return this;
    }

    /** Adds a key result; a copy of the builder is kept. */
    public Builder keyResult(KeyResult.Builder keyResult) {
      keyResults.add(Objects.requireNonNull(keyResult, "keyResult must not be null").copy());
      return this;
    }

    /** Adds a key result. */
    public Builder keyResult(KeyResult keyResult) {
      return keyResult(keyResult.toBuilder());
    }

    /** The builder of its key result {@code id} (changes to it change this builder), or null when it has none. */
    KeyResult.Builder keyResultBuilder(String keyResultId) {
      for (KeyResult.Builder kr : keyResults) {
        if (keyResultId.equals(kr.id())) {
          return kr;
        }
      }
      return null;
    }

    Builder copy() {
      Builder b = new Builder(id).title(title).team(team).owner(owner).parent(parent).commitment(commitment);
      for (KeyResult.Builder kr : keyResults) {
        b.keyResult(kr);
      }
      return b;
    }

    Map<String, Object> tree() {
      Map<String, Object> t = Built.object();
      Built.put(t, "id", id);
      Built.put(t, "title", title);
      Built.put(t, "team", team);
      Built.put(t, "owner", owner);
      Built.put(t, "parent", parent);
      Built.put(t, "commitment", commitment == null ? null : commitment.jsonName());
      List<Object> list = new ArrayList<>();
      for (KeyResult.Builder kr : keyResults) {
        list.add(kr.tree());
      }
      t.put("keyResults", list);
      return t;
    }

    /** Names this objective and its key results at {@code path} in a tree, under {@code parent}. */
    void names(Built.Names names, String path, String parent) {
      names.add(path, id, parent);
      String prefix = path.isEmpty() ? "" : path + ".";
      for (int k = 0; k < keyResults.size(); k++) {
        keyResults.get(k).names(names, prefix + "keyResults[" + k + "]", path);
      }
    }

    /**
     * The objective.
     *
     * @throws InvalidCycleException listing every problem, each naming the item and its field
     */
    public Objective build() {
      Built.Names names = new Built.Names("objective");
      names(names, "", null);
      return Built.read(CycleValidation.Element.OBJECTIVE, tree(), names, Objective.class);
    }
  }

  /** The sum of its key results' weights. */
  public double totalWeight() {
    double w = 0;
    for (KeyResult kr : keyResults) {
      w += kr.weight();
    }
    return w;
  }
}
