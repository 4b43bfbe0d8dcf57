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
 * Checks ids and references across a whole cycle: unique ids, no dangling references, no self-dependency. Fed the
 * same way from a JSON tree and from built model objects, so both report identical problems with JSON paths.
 * Not part of the API. Mutable; not thread-safe.
 */
public final class ReferenceCheck {
  /** Kinds a dependency end may name. */
  public static final Set<NodeKind> DEPENDENCY_ENDS =
      EnumSet.of(NodeKind.KEY_RESULT, NodeKind.INITIATIVE, NodeKind.MILESTONE);

  private record Declared(NodeKind kind, String path) {}

  private record Reference(String path, String id, Set<NodeKind> allowed) {}

  private final Map<String, Declared> declared = new HashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final List<Reference> references = new ArrayList<>();

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

  /** Notes a dependency at {@code path} from {@code upstream} to {@code downstream}. */
  public void dependency(String path, String upstream, String downstream) {
    refer(path + ".upstream", upstream, DEPENDENCY_ENDS);
    refer(path + ".downstream", downstream, DEPENDENCY_ENDS);
    if (upstream != null && upstream.equals(downstream)) {
      problems.add(new Problem(path + ".downstream", "must differ from upstream (both \"" + upstream + "\")"));
    }
  }

  /** Every problem found, duplicates first, then references in the order they were noted. */
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
    return all;
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
