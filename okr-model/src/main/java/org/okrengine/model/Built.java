package org.okrengine.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.okrengine.model.internal.Checks;
import org.okrengine.model.internal.CycleValidation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the builders share: the plain tree each writes of itself (the shape of {@code okr-cycle/1}), its validation by
 * the {@code okr-cycle/1} reader, and the naming of problems by item: the reader's
 * {@code objectives[0].keyResults[6].metric.target: must differ from baseline (both 5.0)} becomes
 * {@code KR-7.metric: target must differ from baseline (both 5.0)}. Not thread-safe (an instance of {@link Names}).
 */
final class Built {
  private static final Logger LOG = LoggerFactory.getLogger(Built.class);

  /** A JSON path within a message naming an item of a document, such as {@code objectives[0].keyResults[1].id}. */
  private static final Pattern INNER_PATH =
      Pattern.compile("\\b(?:teams|objectives|initiatives|dependencies)\\[\\d+](?:\\.[A-Za-z]+(?:\\[\\d+])?)*");

  private Built() {}

  /** A new object of a plain tree (fields in insertion order). */
  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /** Puts {@code value} at {@code key} unless it is null (an absent field). */
  static void put(Map<String, Object> tree, String key, Object value) {
    if (value != null) {
      tree.put(key, value);
    }
  }

  /**
   * Validates {@code tree} as {@code element} with the reader's rules.
   *
   * @throws InvalidCycleException listing every problem, each path naming its item
   */
  static <T> T read(CycleValidation.Element element, Map<String, Object> tree, Names names, Class<T> type) {
    CycleValidation.Outcome outcome = CycleValidation.read(element, tree);
    Map<String, String> resolved = names.resolve();
    if (!outcome.errors().isEmpty()) {
      List<Problem> errors = new ArrayList<>(outcome.errors().size());
      for (Problem p : outcome.errors()) {
        errors.add(name(p, resolved));
      }
      throw new InvalidCycleException(errors);
    }
    if (LOG.isWarnEnabled()) {
      for (Problem w : outcome.warnings()) {
        LOG.warn("{}", SafeText.printable(name(w, resolved).toString()));
      }
    }
    return type.cast(outcome.value());
  }

  /** {@code p} with its path, and any path of the document within its message, naming items. */
  static Problem name(Problem p, Map<String, String> names) {
    String message = p.message();
    Matcher m = INNER_PATH.matcher(message);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String element = element(m.group(), names);
      String replaced = element == null ? m.group() : join(names.get(element), rest(m.group(), element));
      m.appendReplacement(sb, Matcher.quoteReplacement(replaced));
    }
    m.appendTail(sb);
    message = sb.toString();
    String path = p.path();
    String element = element(path, names);
    if (element == null) {
      return new Problem(path, message);
    }
    String rest = rest(path, element);
    String name = names.get(element);
    if (rest.isEmpty()) {
      return new Problem(name, message);
    }
    // the item and its own field name the place; the rest of the way reads as the start of the message
    int dot = rest.indexOf('.');
    String field = dot < 0 ? rest : rest.substring(0, dot);
    String more = dot < 0 ? "" : rest.substring(dot + 1);
    return new Problem(name + "." + field, more.isEmpty() ? message : more + " " + message);
  }


  private static String join(String name, String rest) {
    return rest.isEmpty() ? name : name + "." + rest;
  }

  /** The longest element path in {@code names} that {@code path} lies within, or null. */
  private static String element(String path, Map<String, String> names) {
    String best = null;
    for (String e : names.keySet()) {
      boolean within = e.isEmpty() || path.equals(e) || path.startsWith(e + ".") || path.startsWith(e + "[");
      if (within && (best == null || e.length() > best.length())) {
        best = e;
      }
    }
    return best;
  }

  private static String rest(String path, String element) {
    String rest = path.substring(element.length());
    return rest.startsWith(".") ? rest.substring(1) : rest;
  }

  /**
   * The names of the items of one tree, by JSON path: an item's id where it is given and unique among the items
   * named, else its parent's name and its place ({@code O-2.keyResults[0]}), or its path at the top.
   */
  static final class Names {
    private record Item(String path, String id, String parent) {}

    private final List<Item> items = new ArrayList<>();
    private final String root;

    /** Names for a tree whose root, when it has no id of its own, is called {@code root}. */
    Names(String root) {
      this.root = root;
    }

    /**
     * Adds an item; parents before their children.
     *
     * @param path its JSON path in the tree ({@code ""} for the root)
     * @param id its id, or null
     * @param parent its parent's path, or null at the top
     */
    Names add(String path, String id, String parent) {
      items.add(new Item(path, id, parent));
      return this;
    }

    Map<String, String> resolve() {
      Map<String, Integer> count = new HashMap<>();
      for (Item i : items) {
        if (i.id() != null && !Checks.isBlank(i.id())) {
          count.merge(i.id(), 1, Integer::sum);
        }
      }
      Map<String, String> names = new LinkedHashMap<>();
      for (Item i : items) {
        String name;
        if (i.id() != null && !Checks.isBlank(i.id()) && count.get(i.id()) == 1) {
          name = i.id();
        } else if (i.parent() == null || !names.containsKey(i.parent())) {
          name = i.path();
        } else {
          String own = rest(i.path(), i.parent());
          name = names.get(i.parent()) + "." + own;
        }
        names.put(i.path(), name.isEmpty() ? root : name);
      }
      return names;
    }
  }
}
