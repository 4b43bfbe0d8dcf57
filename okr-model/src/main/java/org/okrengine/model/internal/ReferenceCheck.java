package org.okrengine.model.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.okrengine.model.NodeKind;
import org.okrengine.model.Problem;

/**
 * Checks ids and references across a whole cycle: unique ids, no dangling references, no self-dependency, no loop
 * of parents. Fed the same way from a JSON tree and from built model objects, so both report identical problems with
 * JSON paths. Not part of the API. Mutable; not thread-safe.
 */
public final class ReferenceCheck {
  /** Kinds a dependency end may name. */
  public static final Set<NodeKind> DEPENDENCY_ENDS =
      EnumSet.of(NodeKind.KEY_RESULT, NodeKind.INITIATIVE, NodeKind.MILESTONE);

  private record Declared(NodeKind kind, String path) {}

  private record Reference(String path, String id, Set<NodeKind> allowed) {}

  /** {@code id} (of {@code kind}) names {@code parent} in the field at {@code path}. */
  private record Parent(NodeKind kind, String id, String parent, String path) {}

  private final Map<String, Declared> declared = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();
  private final List<Parent> parents = new ArrayList<>();

  /** Declares {@code id} of {@code kind}, whose id field is at {@code path}; a repeated id is a problem. */
  public void declare(NodeKind kind, String id, String path) {
    if (id == null) {
      return;
    }
    Declared first = declared.putIfAbsent(id, new Declared(kind, path));
    if (first != null) {
      problems.add(new Problem(path, "duplicate id \"" + id + "\" (first at " + first.path() + ")"));
    }
  }

  /** Notes that the field at {@code path} names {@code id}, which must be declared as one of {@code allowed}. */
  public void refer(String path, String id, Set<NodeKind> allowed) {
    if (id != null) {
      references.add(new Reference(path, id, allowed));
    }
  }

  /**
   * Notes that the field at {@code path} names {@code parent} as the parent of {@code id}, both of {@code kind} (a
   * team or an objective): it must be declared as that kind, and parents must not form a loop.
   */
  public void parent(NodeKind kind, String id, String parent, String path) {
    refer(path, parent, EnumSet.of(kind));
    if (id != null && parent != null) {
      parents.add(new Parent(kind, id, parent, path));
    }
  }

  /** Notes a dependency at {@code path} from {@code upstream} to {@code downstream}. */
  public void dependency(String path, String upstream, String downstream) {
    refer(path + ".upstream", upstream, DEPENDENCY_ENDS);
    refer(path + ".downstream", downstream, DEPENDENCY_ENDS);
    if (upstream != null && upstream.equals(downstream)) {
      problems.add(new Problem(path + ".downstream", "must differ from upstream (both \"" + upstream + "\")"));
    }
  }

  /**
   * Every problem found: duplicates first, then references in the order they were noted, then loops of parents in
   * the order of their first member.
   */
  public List<Problem> problems() {
    List<Problem> all = new ArrayList<>(problems);
    for (Reference r : references) {
      Declared d = declared.get(r.id());
      if (d == null) {
        all.add(new Problem(r.path(), "unknown " + describe(r.allowed()) + " \"" + r.id() + "\""));
      } else if (!r.allowed().contains(d.kind())) {
        all.add(new Problem(r.path(), "\"" + r.id() + "\" is a " + name(d.kind()) + ", not a " + describe(r.allowed())));
      }
    }
    all.addAll(loops());
    return all;
  }

  /**
   * Each loop of parents once, at the parent field of the member noted first:
   * {@code objectives[1].parent: forms a loop O-2 -> O-4 -> O-2}; an item that is its own parent is a loop of one.
   */
  private List<Problem> loops() {
    // each item has one parent, so following parents from any item either ends or runs into exactly one loop
    Map<String, Integer> edgeOf = new HashMap<>(); // kind and id -> index of the item's first parent field noted
    for (int i = 0; i < parents.size(); i++) {
      edgeOf.putIfAbsent(key(parents.get(i).kind(), parents.get(i).id()), i);
    }
    Map<Integer, Integer> walkOf = new HashMap<>(); // edge -> the walk that reached it
    List<Integer> firstMembers = new ArrayList<>();
    for (int start = 0; start < parents.size(); start++) {
      NodeKind kind = parents.get(start).kind();
      List<Integer> walk = new ArrayList<>();
      Integer edge = edgeOf.get(key(kind, parents.get(start).id()));
      while (edge != null && !walkOf.containsKey(edge)) {
        walkOf.put(edge, start);
        walk.add(edge);
        edge = edgeOf.get(key(kind, parents.get(edge).parent()));
      }
      if (edge != null && walkOf.get(edge) == start) {
        // this walk ran into itself: the loop is the walk from edge on
        List<Integer> loop = walk.subList(walk.indexOf(edge), walk.size());
        firstMembers.add(loop.stream().min(Integer::compare).orElseThrow());
      }
    }
    firstMembers.sort(null);
    List<Problem> out = new ArrayList<>();
    for (int first : firstMembers) {
      Parent p = parents.get(first);
      StringBuilder loop = new StringBuilder(p.id());
      String at = p.parent();
      loop.append(" -> ").append(at);
      while (!at.equals(p.id())) {
        at = parents.get(edgeOf.get(key(p.kind(), at))).parent();
        loop.append(" -> ").append(at);
      }
      out.add(new Problem(p.path(), "forms a loop " + loop));
    }
    return out;
  }

  private static String key(NodeKind kind, String id) {
    return kind + " " + id;
  }

  private static String describe(Set<NodeKind> kinds) {
    List<String> names = new ArrayList<>();
    for (NodeKind k : kinds) {
      names.add(name(k));
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }

  private static String name(NodeKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
