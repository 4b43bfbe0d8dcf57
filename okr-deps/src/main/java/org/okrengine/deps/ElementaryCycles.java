package org.okrengine.deps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The elementary cycles of a directed graph, at most a given number of them: what a {@link DependencyCycleException}
 * lists. Static helpers; thread-safe.
 */
final class ElementaryCycles {
  /*
   * Johnson's algorithm (SIAM J. Comput. 4(1), 1975), with the vertices numbered by id: for the least vertex s that
   * lies in a strong component of two or more vertices of the subgraph induced by s and the vertices after it, every
   * cycle through s within that component, found by a depth-first search that blocks vertices from which s cannot
   * currently be reached; then the same from the next vertex. Every start vertex so chosen lies on a cycle, and the
   * blocking bounds the work between two cycles by the size of the graph, so stopping after `limit` cycles bounds
   * the whole search by `limit` times the graph (a graph can hold exponentially many cycles; listing all of them
   * first would never end). Each cycle is found from its smallest id, which is where it is written from. Both
   * searches are iterative: a cycle can be as long as the graph, deeper than the call stack allows.
   */

  private ElementaryCycles() {}

  /**
   * Up to {@code limit} elementary cycles among the nodes marked {@code among} of the graph with edges
   * {@code from[i] -> to[i]} ({@code i < edges}), each from its smallest id back to it, sorted by length then by
   * their ids; when there are more, those through the smallest ids are listed.
   */
  static List<List<String>> find(String[] ids, int[] rank, int[] from, int[] to, int edges, boolean[] among,
      int limit) {
    // vertices numbered by id rank; adjacency deduplicated (one edge per ordered pair) and sorted by target
    int n = 0;
    int[] vertexOf = new int[ids.length];
    Arrays.fill(vertexOf, -1);
    int[] byRank = new int[ids.length];
    Arrays.fill(byRank, -1);
    for (int v = 0; v < ids.length; v++) {
      if (among[v]) {
        byRank[rank[v]] = v;
      }
    }
    int[] node = new int[ids.length];
    for (int r = 0; r < ids.length; r++) {
      if (byRank[r] >= 0) {
        vertexOf[byRank[r]] = n;
        node[n++] = byRank[r];
      }
    }
    long[] pairs = new long[edges];
    int m = 0;
    for (int i = 0; i < edges; i++) {
      int a = vertexOf[from[i]];
      int b = vertexOf[to[i]];
      if (a >= 0 && b >= 0) {
        pairs[m++] = (long) a << 32 | b;
      }
    }
    Arrays.sort(pairs, 0, m);
    int[] start = new int[n + 1];
    int[] adj = new int[m];
    int k = 0;
    for (int i = 0; i < m; i++) {
      if (i == 0 || pairs[i] != pairs[i - 1]) {
        adj[k++] = (int) pairs[i];
        start[(int) (pairs[i] >>> 32) + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    Search search = new Search(n, start, adj, limit);
    for (int s = 0; s < n && search.found.size() < limit;) {
      s = search.leastComponent(s);
      if (s < 0) {
        break;
      }
      search.circuits(s);
      s++;
    }
    List<List<String>> out = new ArrayList<>();
    for (int[] c : search.found) {
      String[] path = new String[c.length + 1];
      for (int i = 0; i < c.length; i++) {
        path[i] = ids[node[c[i]]];
      }
      path[c.length] = path[0];
      out.add(List.of(path));
    }
    out.sort((a, b) -> a.size() != b.size() ? Integer.compare(a.size(), b.size())
        : String.join(" ", a).compareTo(String.join(" ", b)));
    return List.copyOf(out);
  }

  /** The working arrays of one search, each as long as the graph. */
  private static final class Search {
    final int n;
    final int[] start;
    final int[] adj;
    final int limit;
    final List<int[]> found = new ArrayList<>();
    /** The vertices of the component searched now: those with {@code component[v] == stamp}. */
    final int[] component;
    int stamp;
    final boolean[] blocked;
    /** Johnson's B lists: the vertices to unblock when a vertex is unblocked. */
    final int[][] waiting;
    final int[] waitingSize;
    final Set<Long> waitingPairs = new HashSet<>();
    final int[] path;
    final int[] next;
    final boolean[] closed;
    final int[] work;
    // Tarjan's strong components
    final int[] order;
    final int[] low;
    final int[] sccStack;
    final boolean[] onStack;

    Search(int n, int[] start, int[] adj, int limit) {
      this.n = n;
      this.start = start;
      this.adj = adj;
      this.limit = limit;
      component = new int[n];
      blocked = new boolean[n];
      waiting = new int[n][];
      waitingSize = new int[n];
      path = new int[n];
      next = new int[n];
      closed = new boolean[n];
      work = new int[n];
      order = new int[n];
      low = new int[n];
      sccStack = new int[n];
      onStack = new boolean[n];
    }

    /**
     * The least vertex of the strong components of two or more vertices (or with a loop) in the subgraph induced by
     * the vertices from {@code s} on, its component marked with a new stamp; -1 when there is none.
     */
    int leastComponent(int s) {
      Arrays.fill(order, s, n, 0);
      int counter = 0;
      int sccTop = 0;
      int best = -1;
      for (int root = s; root < n; root++) {
        if (order[root] != 0) {
          continue;
        }
        int depth = 0;
        path[depth] = root;
        next[depth] = start[root];
        order[root] = low[root] = ++counter;
        sccStack[sccTop++] = root;
        onStack[root] = true;
        while (depth >= 0) {
          int v = path[depth];
          if (next[depth] < start[v + 1]) {
            int w = adj[next[depth]++];
            if (w < s) {
              continue;
            }
            if (order[w] == 0) {
              depth++;
              path[depth] = w;
              next[depth] = start[w];
              order[w] = low[w] = ++counter;
              sccStack[sccTop++] = w;
              onStack[w] = true;
            } else if (onStack[w]) {
              low[v] = Math.min(low[v], order[w]);
            }
            continue;
          }
          if (low[v] == order[v]) {
            // v roots a component: the vertices above it on the stack
            int least = Integer.MAX_VALUE;
            int size = 0;
            boolean loop = false;
            for (int i = sccTop - 1; i >= 0; i--) {
              int x = sccStack[i];
              least = Math.min(least, x);
              size++;
              if (x == v) {
                break;
              }
            }
            if (size == 1) {
              for (int e = start[v]; e < start[v + 1]; e++) {
                loop |= adj[e] == v;
              }
            }
            if ((size > 1 || loop) && (best < 0 || least < best)) {
              best = least;
              stamp++;
              for (int i = sccTop - size; i < sccTop; i++) {
                component[sccStack[i]] = stamp;
              }
            }
            for (int i = 0; i < size; i++) {
              onStack[sccStack[--sccTop]] = false;
            }
          }
          depth--;
          if (depth >= 0) {
            int u = path[depth];
            low[u] = Math.min(low[u], low[v]);
          }
        }
      }
      return best;
    }

    /** Every cycle through {@code s} within its marked component, until {@link #limit} are found in all. */
    void circuits(int s) {
      for (int v = s; v < n; v++) {
        if (component[v] == stamp) {
          blocked[v] = false;
          waitingSize[v] = 0;
        }
      }
      waitingPairs.clear();
      int depth = 0;
      path[0] = s;
      next[0] = start[s];
      closed[0] = false;
      blocked[s] = true;
      while (depth >= 0) {
        int v = path[depth];
        if (next[depth] < start[v + 1]) {
          int w = adj[next[depth]++];
          if (component[w] != stamp) {
            continue;
          }
          if (w == s) {
            found.add(Arrays.copyOf(path, depth + 1));
            closed[depth] = true;
            if (found.size() >= limit) {
              return;
            }
          } else if (!blocked[w]) {
            depth++;
            path[depth] = w;
            next[depth] = start[w];
            closed[depth] = false;
            blocked[w] = true;
          }
          continue;
        }
        // every edge out of v tried: unblock it when a cycle was closed through it, else wait on its successors
        if (closed[depth]) {
          unblock(v);
        } else {
          for (int e = start[v]; e < start[v + 1]; e++) {
            int w = adj[e];
            if (component[w] == stamp && waitingPairs.add((long) w << 32 | v)) {
              addWaiting(w, v);
            }
          }
        }
        depth--;
        if (depth >= 0 && closed[depth + 1]) {
          closed[depth] = true;
        }
      }
    }

    private void addWaiting(int w, int v) {
      if (waiting[w] == null) {
        waiting[w] = new int[4];
      } else if (waitingSize[w] == waiting[w].length) {
        waiting[w] = Arrays.copyOf(waiting[w], waitingSize[w] * 2);
      }
      waiting[w][waitingSize[w]++] = v;
    }

    /** Unblocks {@code u} and, transitively, what waits on it. */
    private void unblock(int u) {
      blocked[u] = false;
      int top = 0;
      work[top++] = u;
      while (top > 0) {
        int x = work[--top];
        for (int i = 0; i < waitingSize[x]; i++) {
          int w = waiting[x][i];
          waitingPairs.remove((long) x << 32 | w);
          if (blocked[w]) {
            blocked[w] = false;
            work[top++] = w;
          }
        }
        waitingSize[x] = 0;
      }
    }
  }
}
