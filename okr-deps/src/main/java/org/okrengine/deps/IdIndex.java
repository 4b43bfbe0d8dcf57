package org.okrengine.deps;

import java.util.Arrays;

/**
 * An open-addressing hash index from ids to their positions in an array of ids: no boxing and no entry objects, so
 * that a graph of a million nodes indexes its ids in a few megabytes. Immutable after construction; thread-safe.
 */
final class IdIndex {
  private final String[] ids;
  private final int[] table;
  private final int mask;

  /** Indexes {@code ids} (not copied; must not change); {@code duplicate} is told of each repeated id. */
  IdIndex(String[] ids, java.util.function.Consumer<String> duplicate) {
    this.ids = ids;
    int capacity = Integer.highestOneBit(Math.max(4, ids.length * 2 - 1)) << 1;
    table = new int[capacity];
    mask = capacity - 1;
    Arrays.fill(table, -1);
    for (int v = 0; v < ids.length; v++) {
      int h = slot(ids[v]);
      while (table[h] != -1) {
        if (ids[table[h]].equals(ids[v])) {
          duplicate.accept(ids[v]);
          break;
        }
        h = (h + 1) & mask;
      }
      table[h] = table[h] == -1 ? v : table[h];
    }
  }

  private int slot(String id) {
    int h = id.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  /** The position of {@code id}, or -1. */
  int get(String id) {
    if (id == null) {
      return -1;
    }
    for (int h = slot(id); table[h] != -1; h = (h + 1) & mask) {
      if (ids[table[h]].equals(id)) {
        return table[h];
      }
    }
    return -1;
  }
}
